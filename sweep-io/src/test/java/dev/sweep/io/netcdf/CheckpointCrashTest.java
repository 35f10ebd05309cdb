package dev.sweep.io.netcdf;

import static dev.sweep.testing.DatasetAssertions.assertIdentical;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sweep.data.Dataset;
import dev.sweep.data.Index;
import dev.sweep.farm.Harvester;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A harvesting JVM with {@code saveEvery} killed many times at random moments after it reported its
 * first checkpoint: every batch it reported saved is in the file once the next harvester has opened
 * it (which merges the dead harvest's journal), every stored value is right, and no journal is left.
 */
class CheckpointCrashTest {
  private static final Pattern SAVED = Pattern.compile("saved (\\d+) of (\\d+) runs to ");
  @TempDir Path dir;

  static Process child(Path file, long saveEvery) throws Exception {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.add("-Xmx512m");
    cmd.add("-Dorg.slf4j.simpleLogger.defaultLogLevel=warn");
    cmd.add("-Dorg.slf4j.simpleLogger.log.dev.sweep.farm.Harvester=debug");
    cmd.add("-cp");
    cmd.add(System.getProperty("java.class.path"));
    cmd.add(CheckpointChild.class.getName());
    cmd.add(file.toString());
    cmd.add(String.valueOf(saveEvery));
    return new ProcessBuilder(cmd).redirectErrorStream(true).start();
  }

  /** Reads a child's output: its most recent checkpoint report, and whether it finished. */
  static final class Reader extends Thread {
    final BufferedReader in;
    final CountDownLatch firstSave = new CountDownLatch(1);
    final AtomicLong saved = new AtomicLong();
    final AtomicBoolean done = new AtomicBoolean();
    final StringBuilder log = new StringBuilder();

    Reader(Process p) {
      in = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
      setDaemon(true);
    }

    @Override
    public void run() {
      try {
        for (String line; (line = in.readLine()) != null; ) {
          synchronized (log) {
            if (log.length() < 20_000) log.append(line).append('\n');
          }
          Matcher m = SAVED.matcher(line);
          if (m.find()) {
            saved.set(Long.parseLong(m.group(1)));
            firstSave.countDown();
          }
          if (line.equals("done")) {
            done.set(true);
            firstSave.countDown();
          }
        }
      } catch (java.io.IOException e) {
        // the child was killed
      }
      firstSave.countDown();
    }
  }

  static long filled(Dataset ds) {
    if (ds.variables().isEmpty()) return 0;
    long n = 0;
    for (double v : ds.variable("y").toDoubleArray()) if (!Double.isNaN(v)) n++;
    return n;
  }

  static void assertRight(Dataset ds) {
    if (ds.variables().isEmpty()) return;
    Index a = ds.coord("a");
    Index b = ds.coord("b");
    Index c = ds.coord("c");
    var y = ds.variable("y");
    for (int i = 0; i < a.size(); i++) for (int j = 0; j < b.size(); j++) for (int k = 0; k < c.size(); k++) {
      double v = y.getDouble(i, j, k);
      if (!Double.isNaN(v)) {
        assertEquals(HarvestChild.f((int) a.getLong(i), (int) b.getLong(j), (int) c.getLong(k)), v);
      }
    }
  }

  @Test
  @Timeout(value = 20, unit = TimeUnit.MINUTES)
  void everyCheckpointReportedSavedSurvivesAKill() throws Exception {
    Path file = dir.resolve("ckpt.nc");
    Random rnd = new Random(17);
    long before = 0;
    int kills = 0;
    boolean finished = false;
    for (int round = 0; round < 14 && !finished; round++) {
      Process p = child(file, 1000 + rnd.nextInt(3000));
      Reader r = new Reader(p);
      r.start();
      try {
        assertTrue(r.firstSave.await(5, TimeUnit.MINUTES), "the child saved nothing:\n" + r.log);
        if (!r.done.get()) Thread.sleep(rnd.nextInt(400)); // a random moment of the harvest that follows
      } finally {
        p.destroyForcibly();
        assertTrue(p.waitFor(1, TimeUnit.MINUTES));
        r.join(TimeUnit.MINUTES.toMillis(1));
      }
      finished = r.done.get();
      if (!finished) kills++;
      long reported = finished ? 0 : r.saved.get();
      Dataset loaded = Harvester.builder(CheckpointChild.runner(), file).build().fullDataset(); // merges journals
      assertIdentical(loaded, Netcdf.read(file));
      assertRight(loaded);
      long now = filled(loaded);
      assertTrue(now >= before + reported, "round " + round + ": " + now + " runs in the file, but " + before
          + " before and " + reported + " reported saved since:\n" + r.log);
      before = now;
      try (var files = Files.list(dir)) {
        assertEquals(List.of(), files.filter(f -> f.getFileName().toString().contains(".journal-")).toList(),
            "the recovered journals are deleted");
      }
    }
    assertTrue(kills >= 10, "only " + kills + " kills landed inside a harvest");
    Harvester h = Harvester.builder(CheckpointChild.runner(), file).build();
    h.harvestMissing(CheckpointChild.grid());
    assertEquals(200_000, filled(h.fullDataset()));
    assertRight(Netcdf.read(file));
    assertFalse(Files.list(dir).anyMatch(f -> f.getFileName().toString().startsWith(".ckpt.nc.")),
        "no leftover temporary or journal files");
  }

  @Test
  @Timeout(value = 10, unit = TimeUnit.MINUTES)
  void twoCheckpointingProcessesOnOneFileKeepEverything() throws Exception {
    Path file = dir.resolve("two.nc");
    Process p1 = child(file, 5000);
    Process p2 = child(file, 7000);
    for (Process p : List.of(p1, p2)) {
      assertTrue(p.waitFor(8, TimeUnit.MINUTES), "child timed out");
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertEquals(0, p.exitValue(), out);
      assertTrue(out.contains("done"), out);
    }
    Dataset ds = Netcdf.read(file);
    assertEquals(200_000, filled(ds));
    assertRight(ds);
    try (var files = Files.list(dir)) {
      assertEquals(List.of(), files.filter(f -> f.getFileName().toString().contains(".journal-")).toList());
    }
  }
}
