package dev.sweep.io.csv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
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
    Path log = dir.resolve("child.log");
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    SplittableRandom random = new SplittableRandom(11);
    int torn = 0;
    long rows = 0;
    for (int kill = 0; kill < KILLS; kill++) {
      List<String> cmd = new ArrayList<>(List.of(java, "-Xmx256m", "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn",
          "-cp", System.getProperty("java.class.path"), AppendingChild.class.getName(), csv.toString(),
          Long.toString(random.nextLong())));
      Process p = new ProcessBuilder(cmd).redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
      Thread.sleep(random.nextInt(300, 1100));
      assertTrue(p.isAlive(), () -> "the child stopped by itself: " + read(log));
      p.destroyForcibly();
      assertTrue(p.waitFor(30, TimeUnit.SECONDS));
      if (!Files.exists(csv)) continue;
      byte[] bytes = Files.readAllBytes(csv);
      if (bytes.length > 0 && bytes[bytes.length - 1] != '\n') torn++;
      Table t = CsvFile.read(csv);
      assertTrue(t.rowCount() >= rows, "no complete row is lost: " + t.rowCount() + " < " + rows);
      rows = t.rowCount();
      check(t);
    }
    LOG.info("{} kills, {} left a torn last line, {} rows in the end", KILLS, torn, rows);
    assertTrue(rows > 0, () -> "the child never appended: " + read(log));
    CsvFile last = CsvFile.open(csv);
    last.append(AppendingChild.rows(rows, 10));
    Table t = CsvFile.read(csv);
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

  private static String read(Path log) {
    try {
      return Files.exists(log) ? Files.readString(log) : "(no output)";
    } catch (IOException e) {
      return e.toString();
    }
  }
}
