package dev.sweep.examples;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sweep.run.RunOptions;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Lesson 10 on a real scheduler: a single-node SLURM started for this test (.ci/slurm-up.sh). */
class Lesson10SlurmTest {
  static final RunOptions QUIET = RunOptions.builder().verbosity(0).build();

  @BeforeAll
  static void start() throws Exception {
    LocalSlurm.start();
  }

  @AfterAll
  static void stop() throws Exception {
    LocalSlurm.stop();
  }

  @Test
  void theBatchesGrowAsASlurmArrayAndTheFailedOneAsAPartialArray(@TempDir Path dir) {
    assertTrue(Lesson10_Crop.slurmAvailable(), "sinfo answers once the cluster is up");
    Lesson10_Crop.Result r = Lesson10_Crop.run(dir, QUIET, true, new PrintStream(new ByteArrayOutputStream(), true,
        StandardCharsets.UTF_8));
    Lesson10Test.check(r, dir, "FAILED exit 1, no result: dev.sweep.run.RunFailedException: run 250 of 400 failed");
  }
}
