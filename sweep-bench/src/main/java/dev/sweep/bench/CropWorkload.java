package dev.sweep.bench;

import dev.sweep.farm.Crop;
import dev.sweep.run.RunFunction;
import dev.sweep.run.RunOptions;
import dev.sweep.run.Runner;
import dev.sweep.space.Combos;
import dev.sweep.space.Values;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * The crop workloads: sowing 10^6 runs, reaping 1,000 batch results into a 10^6-cell dataset, and
 * the time a worker JVM takes from its start to its first run. Crops need a static method (a lambda
 * cannot travel), hence {@link #trivial}.
 */
public final class CropWorkload {
  static final RunOptions SILENT = RunOptions.builder().verbosity(0).build();
  /** The system property naming the file in which {@link #stamp} records when it first ran. */
  static final String STAMP = "sweep.bench.stamp";

  private CropWorkload() {}

  /** The trivial function of the crop workloads, as a static method. */
  public static double trivial(int a, int b, int c) {
    return a + b * (double) c;
  }

  /** Records the wall-clock time of the first run in the file {@value #STAMP} names. */
  public static double stamp(int a) {
    String file = System.getProperty(STAMP);
    if (file != null && !Files.exists(Path.of(file))) {
      try {
        Files.writeString(Path.of(file), Long.toString(System.currentTimeMillis()));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return a;
  }

  static Runner runner() {
    return Runner.builder(RunFunction.of(CropWorkload.class, "trivial")).vars("y").options(SILENT).build();
  }

  /** 100 x 100 x 100 = 10^6 runs. */
  static Combos million() {
    return Combos.builder().add("a", Values.range(0, 100)).add("b", Values.range(0, 100)).add("c", Values.range(0, 100))
        .build();
  }

  static Result sow(boolean quick, Path workDir) throws Exception {
    Path root = Files.createTempDirectory(workDir, "crop-sow");
    int[] k = {0};
    double s = Workloads.medianSeconds(quick ? 5 : 10, quick ? 11 : 31,
        () -> Crop.builder(runner(), root.resolve("c" + k[0]++)).batches(1000).sowCombos(million()));
    return new Result("crop_sow", Math.round(s * 1e4) / 10.0, "ms", "< 1000 ms", s < 1.0,
        "10^6 runs (100x100x100 combos) sown into 1,000 batches: the settings file only, no file per run");
  }

  static Result reap(boolean quick, Path workDir) throws Exception {
    Path root = Files.createTempDirectory(workDir, "crop-reap");
    Crop crop = Crop.builder(runner(), root.resolve("c")).batches(1000).sowCombos(million()).withOptions(SILENT);
    crop.growMissing();
    double s = Workloads.medianSeconds(1, quick ? 3 : 7, crop::reap);
    return new Result("crop_reap", Math.round(s * 1e4) / 10.0, "ms", "< 2000 ms", s < 2.0,
        "1,000 batch result files (1,000 runs each) read, checked and assembled into a 10^6-cell dataset");
  }

  /** A worker JVM ({@code sweep grow}) on a one-run batch: from its start to its first run, median. */
  static Result worker(boolean quick, Path workDir) throws Exception {
    Path root = Files.createTempDirectory(workDir, "crop-worker");
    Runner r = Runner.builder(RunFunction.of(CropWorkload.class, "stamp")).vars("y").options(SILENT).build();
    Crop crop = Crop.builder(r, root.resolve("c")).batches(1).sowCombos(Combos.builder().add("a", 1).build());
    int reps = quick ? 3 : 7;
    double[] first = new double[reps];
    double[] whole = new double[reps];
    for (int i = 0; i < reps; i++) {
      Path stamp = root.resolve("stamp-" + i);
      List<String> cmd = new ArrayList<>(List.of(crop.java(), "-D" + STAMP + "=" + stamp,
          "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn", "-cp", String.join(java.io.File.pathSeparator, crop.classpath()),
          "dev.sweep.cli.SweepCli", "grow", crop.directory().toString(), "--batch", "0", "--overwrite", "-q"));
      long t0 = System.currentTimeMillis();
      Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(root.resolve("worker.log").toFile()).start();
      if (!p.waitFor(5, TimeUnit.MINUTES) || p.exitValue() != 0) {
        throw new IllegalStateException("the worker failed: " + Files.readString(root.resolve("worker.log")));
      }
      whole[i] = System.currentTimeMillis() - t0;
      first[i] = Long.parseLong(Files.readString(stamp, StandardCharsets.UTF_8).trim()) - t0;
    }
    Arrays.sort(first);
    Arrays.sort(whole);
    return new Result("crop_worker", first[reps / 2], "ms", "(overhead per batch: reference)", true,
        String.format(Locale.ROOT, "a `sweep grow` JVM from its start to its first run; start to exit, result written:"
            + " %.0f ms", whole[reps / 2]));
  }
}
