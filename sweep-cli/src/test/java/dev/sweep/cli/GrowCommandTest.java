package dev.sweep.cli;

import static dev.sweep.testing.DatasetAssertions.assertIdentical;
import static org.junit.jupiter.api.Assertions.*;

import dev.sweep.farm.Crop;
import dev.sweep.run.OnError;
import dev.sweep.run.RunFunction;
import dev.sweep.run.RunOptions;
import dev.sweep.run.Runner;
import dev.sweep.space.Combos;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GrowCommandTest {
  static final RunOptions QUIET = RunOptions.builder().verbosity(0).build();
  @TempDir Path dir;

  /** Fails where a = 3, so that one batch of four fails under the default policy. */
  public static double wave(int a, double x) {
    if (a == 3) throw new IllegalStateException("a = 3 is out of range");
    return a * Math.sin(x);
  }

  static Runner runner() {
    return Runner.builder(RunFunction.of(GrowCommandTest.class, "wave")).vars("y").options(QUIET).build();
  }

  static Combos combos() {
    return Combos.builder().add("a", 1, 2, 3, 4).add("x", 0.0, 0.5, 1.0).build(); // batch a holds a = a + 1
  }

  Crop sow(OnError onError) {
    return Crop.builder(runner(), dir.resolve("crop")).batches(4).onError(onError).sowCombos(combos());
  }

  @Test
  void growWritesTheBatchAndStatusShowsIt() {
    Crop crop = sow(OnError.CONTINUE);
    CliRun grow = CliRun.of("grow", crop.directory().toString(), "--batch", "1,0", "-q");
    assertEquals(0, grow.status(), grow.err());
    CliRun status = CliRun.of("crop", "status", crop.directory().toString());
    assertEquals(3, status.status(), "not every batch is done: " + status.err());
    assertEquals(crop.status() + "\n", status.out());
    assertTrue(status.out().contains(": 12 runs in 4 batches: 2 done, 2 missing\n"), status.out());
    CliRun again = CliRun.of("grow", crop.directory().toString(), "--batch", "1", "-q");
    assertEquals(0, again.status());
    assertTrue(again.err().contains("sweep grow: batch 1 already has a complete result; skipped (--overwrite grows it"
        + " again)"), again.err());
    assertEquals(0, CliRun.of("grow", crop.directory().toString(), "--missing", "--workers", "2", "-q").status());
    assertEquals(0, CliRun.of("crop", "status", crop.directory().toString()).status());
    assertIdentical(runner().with(QUIET.toBuilder().onError(OnError.CONTINUE).build()).runCombos(combos()), crop.reap());
  }

  @Test
  void aFailingBatchExitsOneAndTheStatusSaysWhy() {
    Crop crop = sow(OnError.STOP);
    CliRun grow = CliRun.of("grow", crop.directory().toString(), "--batch", "2", "-q");
    assertEquals(1, grow.status());
    assertTrue(grow.err().contains("sweep grow: batch 2 of " + crop.directory() + " failed: "
        + "dev.sweep.run.RunFailedException: run 6 of 12 failed for a=3, x=0.0"), grow.err());
    CliRun status = CliRun.of("crop", "status", crop.directory().toString());
    assertTrue(status.out().contains("    2  failed           3       -  -     dev.sweep.run.RunFailedException: run 6"),
        status.out());
  }

  @Test
  void badInputExitsTwoNamingIt() {
    Crop crop = sow(OnError.STOP);
    CliRun range = CliRun.of("grow", crop.directory().toString(), "--batch", "4");
    assertEquals(2, range.status());
    assertEquals("sweep grow: batch 4 is not in crop " + crop.directory() + ", which has batches 0..3\n", range.err());
    CliRun none = CliRun.of("grow", dir.resolve("nothing").toString(), "--batch", "0");
    assertEquals(2, none.status());
    assertEquals("sweep grow: no such crop directory: " + dir.resolve("nothing") + "\n", none.err());
    CliRun empty = CliRun.of("crop", "status", dir.toString());
    assertEquals(2, empty.status());
    assertEquals("sweep crop status: no crop in " + dir + ": it has no settings; sow one there with "
        + "Crop.builder(runner, dir)\n", empty.err());
    CliRun both = CliRun.of("grow", crop.directory().toString(), "--batch", "0", "--missing");
    assertEquals(2, both.status());
    assertTrue(both.err().contains("mutually exclusive"), both.err());
    CliRun workers = CliRun.of("grow", crop.directory().toString(), "--batch", "0", "--workers", "0");
    assertEquals(2, workers.status());
    assertEquals("sweep grow: --workers is 0; expected at least 1\n", workers.err());
  }

  @Test
  void aWorkerJvmExitsNonZeroWhenItsBatchFails() throws Exception {
    Crop crop = sow(OnError.STOP);
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Path log = dir.resolve("worker.log");
    for (int batch : new int[] {0, 2}) {
      Process p = new ProcessBuilder(java, "-cp", String.join(File.pathSeparator, crop.classpath()),
          "dev.sweep.cli.SweepCli", "grow", crop.directory().toString(), "--batch", String.valueOf(batch))
          .redirectErrorStream(true).redirectOutput(log.toFile()).start();
      assertTrue(p.waitFor(120, TimeUnit.SECONDS), "the worker did not finish");
      String out = Files.readString(log, StandardCharsets.UTF_8);
      assertEquals(batch == 2 ? 1 : 0, p.exitValue(), out);
    }
    assertEquals(List.of(0), crop.status().batchesIn(dev.sweep.farm.BatchState.DONE));
  }
}
