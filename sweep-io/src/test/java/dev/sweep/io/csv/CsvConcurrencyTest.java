package dev.sweep.io.csv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sweep.data.Dataset;
import dev.sweep.data.Variable;
import dev.sweep.io.testing.ChildProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Several stores, threads and processes appending to one file that does not exist yet. */
class CsvConcurrencyTest {
  @TempDir Path dir;

  /** Every writer's rows are there, in its own order, each once; the header is written once. */
  static void assertEveryRowOnce(Path csv, int writers, int rowsEach) throws Exception {
    String text = Files.readString(csv);
    assertTrue(text.startsWith("writer,seq,note\n"), text.substring(0, Math.min(200, text.length())));
    assertEquals(1, text.split("writer,seq,note\n", -1).length - 1, "the header is written exactly once");
    Dataset all = CsvStore.open(csv, CsvStore.Mode.READ_ONLY).read();
    Variable w = all.variable("writer");
    Variable seq = all.variable("seq");
    assertEquals((long) writers * rowsEach, w.size());
    long[] next = new long[writers];
    for (int i = 0; i < w.size(); i++) {
      int who = (int) w.getDouble(i);
      assertEquals(next[who], (long) seq.getDouble(i), "writer " + who + "'s rows in order, none lost or repeated");
      assertEquals("w" + who + ", \"row\" " + next[who], all.variable("note").get(i));
      next[who]++;
    }
    for (int k = 0; k < writers; k++) assertEquals(rowsEach, next[k], "rows of writer " + k);
  }

  @Test
  void twoStoresOnANewFileInOneThreadWriteOneHeader() throws Exception {
    Path csv = dir.resolve("two.csv");
    CsvStore a = CsvStore.open(csv);
    CsvStore b = CsvStore.open(csv);
    a.append(ConcurrentAppendChild.batch(0, 0, 5));
    b.append(ConcurrentAppendChild.batch(1, 0, 5));
    a.append(ConcurrentAppendChild.batch(0, 1, 5));
    assertEquals(15, a.size(), "an append also takes in what the other store appended");
    assertEquals(10, b.size());
    assertEquals(15, b.refresh());
    assertEquals(5, b.read(10, 15).sizes().get("row"));
    assertEquals(5L, (long) b.read(10, 15).variable("seq").getDouble(0), "the second batch of writer 0: rows 5..9");
    b.append(ConcurrentAppendChild.batch(1, 1, 5));
    assertEquals(20, b.size());
    assertEveryRowOnce(csv, 2, 10);
  }

  @Test
  @Timeout(120)
  void storesInManyThreadsAppendingAtOnceKeepEveryRow() throws Exception {
    Path csv = dir.resolve("threads.csv");
    int writers = 6;
    int batches = 40;
    int n = 25;
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(writers);
    try {
      List<Future<?>> done = new ArrayList<>();
      for (int k = 0; k < writers; k++) {
        int writer = k;
        CsvStore store = CsvStore.open(csv); // all opened before the file exists
        done.add(pool.submit(() -> {
          start.await();
          for (int b = 0; b < batches; b++) store.append(ConcurrentAppendChild.batch(writer, b, n));
          return null;
        }));
      }
      start.countDown();
      for (Future<?> f : done) f.get(60, TimeUnit.SECONDS);
    } finally {
      pool.shutdownNow();
    }
    assertEveryRowOnce(csv, writers, batches * n);
  }

  @Test
  @Timeout(600)
  void severalProcessesStartingOnAnAbsentFileWriteOneHeaderAndKeepEveryRow() throws Exception {
    Path csv = dir.resolve("procs.csv");
    int writers = 4;
    int batches = 50;
    int n = 20;
    List<ChildProcess> children = new ArrayList<>();
    try {
      for (int k = 0; k < writers; k++) {
        children.add(ChildProcess.start(ConcurrentAppendChild.class, csv.toString(), Integer.toString(k),
            Integer.toString(batches), Integer.toString(n)));
      }
      for (ChildProcess c : children) {
        assertTrue(c.awaitLine(ConcurrentAppendChild.READY, 120, TimeUnit.SECONDS),
            () -> "a child did not open the store within 120 s: " + c.output());
      }
      assertTrue(!Files.exists(csv), "every child opened the file before it existed");
      for (ChildProcess c : children) c.send("go");
      for (ChildProcess c : children) {
        assertEquals(0, c.waitFor(120, TimeUnit.SECONDS), () -> "a child failed: " + c.output());
        assertTrue(c.output().contains(ConcurrentAppendChild.DONE), c.output());
      }
    } finally {
      for (ChildProcess c : children) c.close();
    }
    assertEveryRowOnce(csv, writers, batches * n);
    try (var files = Files.list(dir)) {
      List<String> names = files.map(p -> p.getFileName().toString()).sorted().toList();
      assertEquals(List.of("procs.csv", "procs.csv.dtypes.json", "procs.csv.lock"), names,
          "no temporary sidecar is left behind");
    }
  }
}
