package dev.sweep.cluster;

import static dev.sweep.testing.DatasetAssertions.assertIdentical;
import static org.junit.jupiter.api.Assertions.*;

import dev.sweep.farm.BatchState;
import dev.sweep.farm.Crop;
import dev.sweep.farm.CropStatus;
import dev.sweep.farm.IncompleteCropException;
import dev.sweep.farm.Submission;
import dev.sweep.space.Combos;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Crops grown by a real SLURM: a single-node cluster on this machine, started for these tests.
 * Waiting is on the result files (the reap's own wait, with a generous timeout), never a fixed sleep.
 */
class SlurmClusterTest {
  static final Duration PATIENCE = Duration.ofMinutes(10);
  @TempDir Path dir;

  @BeforeAll
  static void startSlurm() throws Exception {
    LocalSlurm.start();
  }

  @AfterAll
  static void stopSlurm() throws Exception {
    LocalSlurm.stop();
  }

  static JobOptions.Builder small() {
    return JobOptions.builder().time(Duration.ofMinutes(10)).memoryMegabytes(1024).javaOptions("-Xmx256m");
  }

  @Test
  void aCropGrownOnSlurmWithAFailedBatchRegrownReapsAsALocalRun() {
    Crop crop = Crop.builder(Work.runner(), dir.resolve("crop")).batches(8).sowCombos(Work.combos());
    // batch 5 holds a = 5, which is unlucky in these workers
    Scheduler unlucky = Scheduler.slurm(small().javaOptions("-Dsweep.test.unlucky=5").build());
    List<Submission> first = unlucky.submit(crop);
    assertEquals(1, first.size());
    String job = first.get(0).jobId();
    assertTrue(job.matches("\\d+"), job);
    assertEquals(job + "_5", first.get(0).tasks().get(5));
    assertTrue(Files.exists(dir.resolve("crop/jobs")), "the script and logs go to the crop's jobs directory");

    IncompleteCropException wait = assertThrows(IncompleteCropException.class, () -> crop.reap(PATIENCE));
    assertEquals(List.of(5), wait.batches(), wait.getMessage());
    assertTrue(wait.getMessage().contains("every batch still to come has failed"), wait.getMessage());
    CropStatus status = crop.status();
    assertEquals(Map.of(BatchState.DONE, 7, BatchState.FAILED, 1), status.counts(), status.toString());
    CropStatus.Batch five = status.batches().get(5);
    assertEquals(java.util.Optional.of(job + "_5"), five.task());
    assertTrue(five.detail().startsWith("FAILED exit 1, no result: dev.sweep.run.RunFailedException: run 30 of 48 failed"
        + " for a=5"), five.detail());
    assertTrue(five.detail().contains("a = 5 is unlucky in this worker"), five.detail());

    // resubmitted by workers in which no value is unlucky: a partial array of the failed batch
    Scheduler lucky = Scheduler.slurm(small().build());
    List<Submission> again = lucky.submit(crop);
    assertEquals(1, again.size());
    assertEquals(Map.of(5, again.get(0).jobId() + "_0"), again.get(0).tasks());
    assertIdentical(Work.runner().runCombos(Work.combos()), crop.reap(PATIENCE));
    assertEquals(List.of(), lucky.submit(crop), "nothing is left to submit");
    assertTrue(crop.status().isComplete());
  }

  @Test
  void aTaskThatEndsWellWithoutAResultIsAFailedBatch() {
    Crop crop = Crop.builder(Work.runner(), dir.resolve("crop")).batches(2).sowCombos(Work.combos());
    Scheduler idle = Scheduler.slurm(small().setup("exit 0 # the worker never starts").build());
    idle.submit(crop);
    IncompleteCropException e = assertThrows(IncompleteCropException.class, () -> crop.reap(PATIENCE));
    assertEquals(List.of(0, 1), e.batches());
    for (CropStatus.Batch b : crop.status().batches()) {
      assertEquals(BatchState.FAILED, b.state());
      assertEquals("COMPLETED exit 0, no result", b.detail(), "SLURM's word is not taken: the result file is the truth");
    }
  }

  @Test
  void batchesBeyondTheLargestArrayAreSplitAndThrottledForReal() {
    Combos combos = Combos.builder().add("a", 0, 1, 2, 3).add("x", 0.0, 1.0).add("n", 1).build();
    Crop crop = Crop.builder(Work.runner(), dir.resolve("crop")).batches(4).sowCombos(combos);
    List<Submission> subs = Scheduler.slurm(small().maxArraySize(3).throttle(1).build()).submit(crop);
    assertEquals(List.of(List.of(0, 1, 2), List.of(3)), subs.stream().map(Submission::batches).toList());
    assertIdentical(Work.runner().runCombos(combos), crop.reap(PATIENCE));
    assertEquals(2, crop.submissions().size());
  }

  @Test
  void pbsScriptsRunThroughQsubOverTheSameCluster() {
    Combos combos = Combos.builder().add("a", 0, 1, 2).add("x", 0.25, 0.5).add("n", 3).build();
    Crop crop = Crop.builder(Work.runner(), dir.resolve("crop")).batches(3).sowCombos(combos);
    List<Submission> subs = Scheduler.pbs(small().build()).submit(crop);
    assertEquals("pbs", subs.get(0).scheduler());
    String job = subs.get(0).jobId();
    assertEquals(Map.of(0, job + "_0", 1, job + "_1", 2, job + "_2"), subs.get(0).tasks(),
        "SLURM's qsub runs #PBS -J as a SLURM array, whose tasks the pbs queue asks SLURM about");
    assertIdentical(Work.runner().runCombos(combos), crop.reap(PATIENCE));
  }

  @Test
  void aScriptTheSchedulerRejectsIsQuotedAndNothingIsRecorded() {
    Crop crop = Crop.builder(Work.runner(), dir.resolve("crop")).batches(2).sowCombos(Work.combos());
    Scheduler greedy = Scheduler.slurm(small().memoryMegabytes(99_999_999).build());
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> greedy.submit(crop));
    assertTrue(e.getMessage().startsWith("sbatch refused the job script " + dir.resolve("crop/jobs")), e.getMessage());
    assertTrue(e.getMessage().contains("Memory specification can not be satisfied"), e.getMessage());
    assertEquals(List.of(), crop.submissions());
  }
}
