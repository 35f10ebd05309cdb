package dev.sweep.examples;

import static dev.sweep.testing.DatasetAssertions.assertIdentical;
import static org.junit.jupiter.api.Assertions.*;

import dev.sweep.farm.BatchState;
import dev.sweep.farm.CropStatus;
import dev.sweep.run.RunOptions;
import dev.sweep.run.Runner;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Lesson 10 as the tutorial tells it: on the local SLURM cluster, and in one JVM where there is none. */
class Lesson10Test {
  static final RunOptions QUIET = RunOptions.builder().verbosity(0).build();

  static void check(Lesson10_Crop.Result r, Path dir, String failure) {
    CropStatus s = r.afterFailure();
    assertEquals(Map.of(BatchState.DONE, 7, BatchState.FAILED, 1), s.counts(), s.toString());
    CropStatus.Batch five = s.batches().get(5);
    assertEquals(BatchState.FAILED, five.state());
    assertTrue(five.detail().contains(failure), five.detail());
    assertTrue(five.detail().contains("for a=5"), five.detail());
    assertIdentical(Runner.labelled(Tutorial.class, "wave").options(QUIET).build().runCombos(Lesson10_Crop.combos()),
        r.harvest());
    assertTrue(Files.exists(dir.resolve("waves.nc")));
    assertFalse(Files.exists(dir.resolve("waves-crop")), "the crop is cleaned after the reap");
  }

  @Test
  void withoutSlurmTheBatchesGrowInOneJvm(@TempDir Path dir) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Lesson10_Crop.Result r = Lesson10_Crop.run(dir, QUIET, false, new PrintStream(out, true, StandardCharsets.UTF_8));
    check(r, dir, "dev.sweep.run.RunFailedException: run 250 of 400 failed");
    String printed = out.toString(StandardCharsets.UTF_8);
    assertTrue(printed.contains("batch 5 failed: run 250 of 400 failed for a=5"), printed);
    assertTrue(printed.contains("400 runs in 8 batches: 7 done, 1 failed"), printed);
  }
}
