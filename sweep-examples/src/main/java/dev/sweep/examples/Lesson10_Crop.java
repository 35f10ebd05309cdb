package dev.sweep.examples;

import dev.sweep.cluster.JobOptions;
import dev.sweep.cluster.Scheduler;
import dev.sweep.data.Dataset;
import dev.sweep.farm.Crop;
import dev.sweep.farm.CropStatus;
import dev.sweep.farm.Harvester;
import dev.sweep.farm.IncompleteCropException;
import dev.sweep.run.RunOptions;
import dev.sweep.space.Combos;
import dev.sweep.space.Values;
import java.io.File;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Lesson 10: a crop, for sweeps that outgrow one machine. {@link Tutorial#wave} over a = 0..7 and 50
 * values of x is sown into 8 batches on disk (readable settings, no file per run), grown as a SLURM
 * array job (one task per batch, each a {@code sweep grow} worker), and reaped into the harvest file
 * {@code waves.nc}. Batch 5 fails on purpose: its workers run with {@code -Dtutorial.unlucky=5}. The
 * status shows it failed, the batch is submitted again without the flag (a partial array of one
 * task), and the reap gives the dataset a local run gives.
 *
 * <p>Without SLURM (no {@code sbatch}, or no cluster answering {@code sinfo}) the batches grow in this
 * JVM instead, batch 5 failing the same way; {@code .ci/slurm-up.sh} starts a single-node cluster
 * on a laptop to try the real thing.
 */
public final class Lesson10_Crop {
  private Lesson10_Crop() {}

  /** What the lesson shows: the status after the failure, and the harvest at the end. */
  public record Result(boolean onSlurm, CropStatus afterFailure, Dataset harvest) {}

  public static Combos combos() {
    return Combos.builder().add("a", Values.range(0, 8)).add("x", Values.linspace(0, Math.PI, 50)).build();
  }

  /** Sows, grows (on SLURM if {@code slurm}), regrows the failed batch and reaps into {@code dir/waves.nc}. */
  public static Result run(Path dir, RunOptions options, boolean slurm, PrintStream out) {
    Harvester harvester = Harvester.labelled(Tutorial.class, "wave").directory(dir).options(options).build();
    Crop crop = Crop.builder(harvester, dir.resolve("waves-crop")).batches(8).sowCombos(combos()).withOptions(options);
    out.println(crop);

    // 1. grow every batch; in batch 5 (a = 5) every run fails
    if (slurm) {
      Scheduler unlucky = Scheduler.slurm(JobOptions.builder().time(Duration.ofMinutes(10)).memoryMegabytes(1024)
          .javaOptions("-Xmx256m", "-D" + Tutorial.UNLUCKY + "=5").build());
      unlucky.submit(crop);
      awaitSettled(crop);
    } else {
      System.setProperty(Tutorial.UNLUCKY, "5"); // as on a node where a = 5 is unlucky
      try {
        for (int b = 0; b < crop.batchCount(); b++) {
          try {
            crop.grow(b);
          } catch (RuntimeException failed) {
            out.println("batch " + b + " failed: " + failed.getMessage());
          }
        }
      } finally {
        System.clearProperty(Tutorial.UNLUCKY);
      }
    }

    // 2. the status: 7 done, batch 5 failed (and why)
    CropStatus status = crop.status();
    out.println(status);

    // 3. grow the failed batch again: on SLURM a partial array of the failed batches
    if (slurm) {
      Scheduler.slurm(JobOptions.builder().time(Duration.ofMinutes(10)).memoryMegabytes(1024).javaOptions("-Xmx256m")
          .build()).submit(crop);
    } else {
      crop.growMissing();
    }

    // 4. reap into the harvester (waiting for the result files), then clean the crop away
    crop.reap(harvester, Duration.ofMinutes(10));
    crop.clean();
    return new Result(slurm, status, harvester.fullDataset());
  }

  /** Waits until no batch is queued or running: the reap's own wait, which stops early once what is left failed. */
  private static void awaitSettled(Crop crop) {
    try {
      crop.reap(Duration.ofMinutes(10));
    } catch (IncompleteCropException expected) {
      // batch 5 failed: the status says so next
    }
  }

  /** {@return true if SLURM's commands are here and a cluster answers} */
  public static boolean slurmAvailable() {
    String path = System.getenv("PATH");
    if (path == null) return false;
    for (String d : path.split(File.pathSeparator)) {
      Path sinfo = Path.of(d, "sinfo");
      if (Files.isExecutable(sinfo) && Files.isExecutable(Path.of(d, "sbatch"))) {
        try {
          Process p = new ProcessBuilder(List.of(sinfo.toString(), "-h")).redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
          if (!p.waitFor(20, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            return false;
          }
          return p.exitValue() == 0;
        } catch (java.io.IOException e) {
          return false;
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return false;
        }
      }
    }
    return false;
  }

  public static void main(String[] args) throws Exception {
    Path dir = Path.of(args.length > 0 ? args[0] : ".");
    Files.deleteIfExists(dir.resolve("waves.nc"));
    Result r = run(dir, RunOptions.defaults(), slurmAvailable(), System.out);
    System.out.println(r.harvest());
  }
}
