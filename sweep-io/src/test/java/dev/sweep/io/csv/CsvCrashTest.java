package dev.sweep.io.csv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sweep.io.table.Tables;
import dev.sweep.io.testing.ChildProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tech.tablesaw.api.Table;

/** Kills a process in the middle of appending, many times, and checks the file after each kill. */
class CsvCrashTest {
  private static final Logger LOG = LoggerFactory.getLogger(CsvCrashTest.class);
  private static final int KILLS = 20;

  @TempDir Path dir;

  @Test
  void everyKillLeavesAFileThatLoadsWithEveryRowCompleteAndCorrect() throws Exception {
    Path csv = dir.resolve("crash.csv");
    SplittableRandom random = new SplittableRandom(11);
    int torn = 0;
    long rows = 0;
    for (int kill = 0; kill < KILLS; kill++) {
      try (ChildProcess child = ChildProcess.start(AppendingChild.class, csv.toString(), Long.toString(random.nextLong()))) {
        // The kill clock starts once the child appends, however long a loaded machine takes to start a JVM.
        assertTrue(child.awaitLine(AppendingChild.APPENDED, 120, TimeUnit.SECONDS),
            () -> "the child did not append within 120 s: " + child.output());
        Thread.sleep(random.nextInt(300, 1100)); // a random moment in the middle of its appends
        assertTrue(child.process().isAlive(), () -> "the child stopped by itself: " + child.output());
        child.process().destroyForcibly();
        assertTrue(child.process().waitFor(30, TimeUnit.SECONDS));
      }
      byte[] bytes = Files.readAllBytes(csv);
      if (bytes.length > 0 && bytes[bytes.length - 1] != '\n') torn++;
      Table t = CsvStore.readTable(csv);
      assertTrue(t.rowCount() > rows, "no complete row is lost, and each child appended: " + t.rowCount() + " <= " + rows);
      rows = t.rowCount();
      check(t);
    }
    LOG.info("{} kills, {} left a torn last line, {} rows in the end", KILLS, torn, rows);
    CsvStore last = CsvStore.open(csv);
    last.append(Tables.toDataset(AppendingChild.rows(rows, 10), "row"));
    Table t = CsvStore.readTable(csv);
    assertEquals(rows + 10, t.rowCount());
    check(t);
  }

  private static void check(Table t) {
    assertEquals(List.of("i", "s", "x", "even", "k"), t.columnNames());
    for (int r = 0; r < t.rowCount(); r++) {
      assertEquals(r, t.longColumn("i").getLong(r), "row " + r);
      assertEquals(AppendingChild.text(r), t.stringColumn("s").get(r), "row " + r);
      assertEquals(r / 3.0, t.doubleColumn("x").getDouble(r), "row " + r);
      assertEquals(r % 2 == 0, t.booleanColumn("even").get(r), "row " + r);
      assertEquals(r % 1000, t.intColumn("k").getInt(r), "row " + r);
    }
  }
}
