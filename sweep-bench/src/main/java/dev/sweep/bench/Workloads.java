package dev.sweep.bench;

import dev.sweep.data.Dataset;
import dev.sweep.data.Index;
import dev.sweep.data.Variable;
import dev.sweep.farm.Harvester;
import dev.sweep.data.Column;
import dev.sweep.io.netcdf.Netcdf;
import dev.sweep.run.ComboRunner;
import dev.sweep.run.RunFunction;
import dev.sweep.run.RunOptions;
import dev.sweep.run.Runner;
import dev.sweep.space.Combos;
import dev.sweep.space.Values;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The whole-workload benchmarks behind {@code ./sweep bench}. Each runs its workload after a
 * warm-up, several times, and reports the median. Names and workloads are fixed (see BENCHMARKS.md).
 */
public final class Workloads {
  /** f(a, b, c) = (a + b * c, a - b): the trivial function of combo_runner and runner_dataset. */
  static final RunFunction TRIVIAL = args -> {
    double a = args.getDouble("a");
    double b = args.getDouble("b");
    double c = args.getDouble("c");
    return new double[] {a + b * c, a - b};
  };

  static final RunOptions SILENT = RunOptions.builder().verbosity(0).build();

  private final boolean quick;
  private final Path workDir;

  /**
   * @param quick fewer repetitions, so the whole suite finishes in under a minute on 2 cores
   * @param workDir where workloads that write files put them
   */
  public Workloads(boolean quick, Path workDir) {
    this.quick = quick;
    this.workDir = workDir;
  }

  /** The names of all workloads, in the order they run. */
  public static List<String> names() {
    return List.of("combo_runner", "combo_runner_timed", "runner_dataset", "vector_output", "harvest",
        "harvest_campaign", "harvest_checkpointed", "sampler_csv", "missing_cases", "reduce_mean", "to_table",
        "plot_line", "parallel_speedup", "parallel_trivial", "netcdf_write", "disk_write", "scene_write",
        "scene_create", "memory_peak", "trajectory_write", "trajectory_read", "trajectory_memory", "movie_write",
        "movie_read", "crop_sow", "crop_reap", "crop_worker", "follow_latency", "follow_latency_hdf5",
        "follow_idle_cpu");
  }

  /** Runs one workload by name. */
  public Result run(String name) throws Exception {
    switch (name) {
      case "combo_runner": return comboRunner();
      case "combo_runner_timed": return comboRunnerTimed();
      case "runner_dataset": return runnerDataset();
      case "vector_output": return vectorOutput();
      case "harvest": return harvest();
      case "harvest_campaign": return harvestCampaign();
      case "harvest_checkpointed": return harvestCheckpointed();
      case "sampler_csv": return samplerCsv();
      case "netcdf_write": return netcdfWrite();
      case "missing_cases": return missingCases();
      case "reduce_mean": return reduceMean();
      case "to_table": return toTable();
      case "plot_line": return PlotWorkload.line(quick, workDir);
      case "parallel_speedup": return parallelSpeedup();
      case "parallel_trivial": return parallelTrivial();
      case "disk_write": return diskWrite();
      case "scene_write": return sceneWrite();
      case "scene_create": return sceneCreate();
      case "memory_peak": return memoryPeak();
      case "trajectory_write": return trajectoryWrite();
      case "trajectory_read": return trajectoryRead();
      case "trajectory_memory": return trajectoryMemory();
      case "crop_sow": return CropWorkload.sow(quick, workDir);
      case "crop_reap": return CropWorkload.reap(quick, workDir);
      case "crop_worker": return CropWorkload.worker(quick, workDir);
      case "follow_latency": return FollowWorkload.latency(quick, workDir);
      case "follow_latency_hdf5": return FollowWorkload.latencyHdf5(quick, workDir);
      case "follow_idle_cpu": return FollowWorkload.idleCpu(quick, workDir);
      case "movie_write": return MovieWorkload.write(quick, workDir);
      case "movie_read": return MovieWorkload.read(quick, workDir);
      default: throw new IllegalArgumentException("no workload '" + name + "'; the workloads are " + names());
    }
  }

  static Combos grid100x100x10() {
    return Combos.builder().add("a", Values.range(0, 100)).add("b", Values.range(0, 100)).add("c", Values.range(0, 10)).build();
  }

  /**
   * The least wall time spent warming up before timing: on shared cores the JIT's compiler threads
   * may not have finished within {@code warm} calls of a few milliseconds, and the figure would time
   * half-compiled code.
   */
  static final long MIN_WARM_NANOS = 500_000_000L;

  /** Median seconds of {@code reps} timed calls after {@code warm} untimed ones, and at least {@link #MIN_WARM_NANOS}. */
  static double medianSeconds(int warm, int reps, ThrowingRunnable r) throws Exception {
    long warmStart = System.nanoTime();
    for (int i = 0; i < warm || System.nanoTime() - warmStart < MIN_WARM_NANOS; i++) r.run();
    double[] t = new double[reps];
    for (int i = 0; i < reps; i++) {
      long t0 = System.nanoTime();
      r.run();
      t[i] = (System.nanoTime() - t0) / 1e9;
    }
    Arrays.sort(t);
    return t[reps / 2];
  }

  interface ThrowingRunnable {
    void run() throws Exception;
  }

  // Each sweep takes milliseconds, so even --quick can afford enough warm-up for the JIT.
  int warm() {
    return quick ? 40 : 80;
  }

  int reps() {
    return quick ? 31 : 81;
  }

  Result comboRunner() throws Exception {
    Combos c = grid100x100x10();
    ComboRunner r = ComboRunner.of(TRIVIAL).with(SILENT);
    double s = medianSeconds(warm(), reps(), () -> r.run(c));
    double rate = c.size() / s;
    return new Result("combo_runner", Math.round(rate), "runs/s", ">= 20 M runs/s", rate >= 20e6,
        "ComboRunner, 100x100x10 grid, raw results, no progress bar");
  }

  /** The combo_runner workload with a run timeout, against the same without one, in one go. */
  Result comboRunnerTimed() throws Exception {
    Combos c = grid100x100x10();
    ComboRunner plain = ComboRunner.of(TRIVIAL).with(SILENT);
    ComboRunner timed = ComboRunner.of(TRIVIAL).with(SILENT.toBuilder().runTimeout(java.time.Duration.ofMinutes(1)).build());
    double sp = medianSeconds(warm(), reps(), () -> plain.run(c));
    double st = medianSeconds(warm(), reps(), () -> timed.run(c));
    double rate = c.size() / st;
    return new Result("combo_runner_timed", Math.round(rate), "runs/s", "reference", true, String.format(
        java.util.Locale.ROOT, "combo_runner with runTimeout(1 min): each run watched; %.1f M runs/s without (%.2fx)",
        c.size() / sp / 1e6, sp / st));
  }

  Result runnerDataset() throws Exception {
    Combos c = grid100x100x10();
    Runner r = Runner.builder(TRIVIAL).vars("sum", "diff").options(SILENT).build();
    double s = medianSeconds(warm(), reps(), () -> r.runCombos(c));
    double rate = c.size() / s;
    return new Result("runner_dataset", Math.round(rate), "runs/s", ">= 10 M runs/s", rate >= 10e6,
        "Runner into a labelled Dataset, 100x100x10 grid");
  }

  Result vectorOutput() throws Exception {
    Combos c = Combos.builder().add("a", Values.range(0, 100)).add("b", Values.range(0, 100)).build();
    Runner r = Runner.builder(args -> {
      double a = args.getDouble("a");
      double b = args.getDouble("b");
      double[] v = new double[100];
      for (int i = 0; i < v.length; i++) v[i] = a * i + b;
      return v;
    }).vars("v").dims("v", "x").options(SILENT).build();
    double s = medianSeconds(warm(), reps(), () -> r.runCombos(c));
    double rate = c.size() / s;
    return new Result("vector_output", Math.round(rate), "runs/s", ">= 2 M runs/s", rate >= 2e6,
        "length-100 vector output (inner dimension x) over 100x100");
  }

  Result harvest() throws Exception {
    Files.createDirectories(workDir);
    Runner r = Runner.builder(TRIVIAL).vars("sum", "diff").options(SILENT).build();
    Combos first = Combos.builder().add("a", Values.range(0, 50)).add("b", Values.range(0, 50)).add("c", Values.range(0, 10)).build();
    Combos second = Combos.builder().add("a", Values.range(50, 100)).add("b", Values.range(50, 100)).add("c", Values.range(0, 10)).build();
    // Each repetition harvests into a new file; deleting the old ones is not part of a harvest.
    Path dir = Files.createTempDirectory(workDir, "harvest");
    int[] rep = new int[1];
    double s = medianSeconds(warm(), reps(), () -> {
      Harvester h = Harvester.builder(r, dir.resolve("harvest-" + rep[0]++ + ".nc")).build();
      h.harvestCombos(first);
      h.harvestCombos(second);
    });
    deleteTree(dir); // after the background deletion of the replaced files, which would race with it
    double rate = (first.size() + second.size()) / s;
    return new Result("harvest", Math.round(rate), "runs/s", ">= 4 M runs/s", rate >= 4e6,
        "Harvester: 50x50x10 grid, then a disjoint one, each run + merge + NetCDF sync (file ends 100x100x10)");
  }

  /** f(a, b, c) = a * b + c, float64: the harvester of the scaling workloads. */
  static Runner campaignRunner() {
    return Runner.builder(RunFunction.ofDouble(args -> args.getDouble("a") * args.getDouble("b") + args.getDouble("c")))
        .vars("y").options(SILENT).build();
  }

  /** Seconds of each of {@code harvests} harvests into one new file, each a new label of a with a 100x100 grid. */
  static double[] campaign(Path file, int harvests) {
    Harvester h = Harvester.builder(campaignRunner(), file).build();
    double[] t = new double[harvests];
    for (int a = 0; a < harvests; a++) {
      Combos c = Combos.builder().add("a", a).add("b", Values.range(0, 100)).add("c", Values.range(0, 100)).build();
      long t0 = System.nanoTime();
      h.harvestCombos(c);
      t[a] = (System.nanoTime() - t0) / 1e9;
    }
    return t;
  }

  static double median(double[] t, int from, int to) {
    double[] part = Arrays.copyOfRange(t, from, to);
    Arrays.sort(part);
    return part[part.length / 2];
  }

  Result harvestCampaign() throws Exception {
    Path dir = Files.createTempDirectory(Files.createDirectories(workDir), "campaign");
    int harvests = 200;
    int group = 10;
    campaign(dir.resolve("warm.nc"), 40); // the JIT, not the file, is what the first harvests would measure
    int reps = quick ? 1 : 3;
    double[] ratios = new double[reps];
    double[] totals = new double[reps];
    double[] firsts = new double[reps];
    double[] lasts = new double[reps];
    for (int r = 0; r < reps; r++) {
      double[] t = campaign(dir.resolve("campaign-" + r + ".nc"), harvests);
      firsts[r] = median(t, 0, group);
      lasts[r] = median(t, harvests - group, harvests);
      ratios[r] = lasts[r] / firsts[r];
      for (double x : t) totals[r] += x;
    }
    long bytes = Files.size(dir.resolve("campaign-0.nc"));
    deleteTree(dir);
    double ratio = median(ratios, 0, reps);
    return new Result("harvest_campaign", ratio, "x", "<= 2 (last/first)", ratio <= 2, String.format(
        java.util.Locale.ROOT, "200 harvests, each a new label of a with 100x100 b, c, into one NetCDF file (%.0f MB): "
            + "first 10 %.2f ms, last 10 %.2f ms (medians), total %.2f s; median of %d campaign%s",
        bytes / 1e6, median(firsts, 0, reps) * 1e3, median(lasts, 0, reps) * 1e3, median(totals, 0, reps), reps,
        reps == 1 ? "" : "s"));
  }

  Result harvestCheckpointed() throws Exception {
    Path dir = Files.createTempDirectory(Files.createDirectories(workDir), "checkpointed");
    Combos c = Combos.builder().add("a", Values.range(0, 100)).add("b", Values.range(0, 100))
        .add("c", Values.range(0, 100)).build();
    int[] rep = new int[1];
    int warm = quick ? 2 : 3;
    int reps = quick ? 5 : 9;
    double plain = medianSeconds(warm, reps, () -> {
      Harvester.builder(campaignRunner(), dir.resolve("plain-" + rep[0]++ + ".nc")).build().harvestCombos(c);
    });
    double saved = medianSeconds(warm, reps, () -> {
      Harvester.builder(campaignRunner(), dir.resolve("saved-" + rep[0]++ + ".nc")).saveEvery(10_000).build()
          .harvestCombos(c);
    });
    deleteTree(dir);
    double ratio = saved / plain;
    return new Result("harvest_checkpointed", ratio, "x", "<= 3 (saveEvery(10_000) / none)", ratio <= 3,
        String.format(java.util.Locale.ROOT, "10^6 runs (100x100x100) harvested into a new NetCDF file: %.3f s without "
            + "checkpoints, %.3f s with saveEvery(10_000) (100 checkpoints); medians of %d", plain, saved, reps));
  }

  private static void deleteTree(Path dir) throws Exception {
    dev.sweep.io.internal.AtomicFiles.awaitReleased(java.time.Duration.ofSeconds(30)); // replaced files freed
    try (var files = Files.list(dir)) {
      for (Path p : files.toList()) Files.deleteIfExists(p);
    }
    Files.deleteIfExists(dir);
  }

  Result samplerCsv() throws Exception {
    Path dir = Files.createTempDirectory(Files.createDirectories(workDir), "sampler");
    double rate = SamplerWorkload.samplesPerSecond(dir, 100_000);
    return new Result("sampler_csv", Math.round(rate), "samples/s", ">= 1 M samples/s", rate >= 1e6,
        "tutorial trig sampler, 100,000 samples appended to CSV (fsync), one worker");
  }

  Result netcdfWrite() throws Exception {
    Files.createDirectories(workDir);
    long[] shape = {1000, 1000, 10};
    Column col = Column.allocate(dev.sweep.data.DType.DOUBLE, shape);
    java.util.SplittableRandom rnd = new java.util.SplittableRandom(2);
    for (long i = 0; i < col.length(); i++) col.setDouble(i, rnd.nextDouble()); // incompressible, as disk_write
    Dataset ds = Dataset.builder().coord("a", Index.ofInts(Values.range(0, 1000)))
        .coord("b", Index.ofInts(Values.range(0, 1000))).coord("c", Index.ofInts(Values.range(0, 10)))
        .variable(Variable.of("y", List.of("a", "b", "c"), col)).build();
    Path file = workDir.resolve("write.nc");
    double s = medianSeconds(1, quick ? 2 : 5, () -> Netcdf.write(ds, file));
    double mb = Files.size(file) / 1e6;
    Files.deleteIfExists(file);
    double rate = mb / s;
    return new Result("netcdf_write", Math.round(rate), "MB/s", "a good fraction of disk_write", true,
        String.format(java.util.Locale.ROOT, "10^7 doubles (%.0f MB) to NetCDF-3, atomic (temp file, fsync, rename)", mb));
  }

  Result reduceMean() throws Exception {
    long[] shape = {1000, 1000, 10};
    Column col = Column.allocate(dev.sweep.data.DType.DOUBLE, shape);
    java.util.SplittableRandom rnd = new java.util.SplittableRandom(3);
    for (long i = 0; i < col.length(); i++) col.setDouble(i, rnd.nextDouble() < 0.01 ? Double.NaN : rnd.nextDouble());
    Dataset ds = Dataset.builder().coord("a", Index.ofInts(Values.range(0, 1000)))
        .coord("b", Index.ofInts(Values.range(0, 1000))).coord("c", Index.ofInts(Values.range(0, 10)))
        .variable(Variable.of("y", List.of("a", "b", "c"), col)).build();
    double s = medianSeconds(quick ? 3 : 10, quick ? 11 : 31, () -> ds.mean("b"));
    double rate = col.length() / s;
    return new Result("reduce_mean", Math.round(rate), "cells/s", ">= 200 M cells/s", rate >= 200e6,
        "mean over the middle dimension of a 1000x1000x10 float64 variable (1% NaN, skipped), one thread");
  }

  Result toTable() throws Exception {
    long[] shape = {100, 100, 100};
    Column col = Column.allocate(dev.sweep.data.DType.DOUBLE, shape);
    for (long i = 0; i < col.length(); i++) col.setDouble(i, i % 7 == 0 ? Double.NaN : i);
    Dataset ds = Dataset.builder().coord("a", Index.ofInts(Values.range(0, 100)))
        .coord("b", Index.ofInts(Values.range(0, 100))).coord("c", Index.ofDoubles(Values.linspace(0, 1, 100)))
        .variable(Variable.of("y", List.of("a", "b", "c"), col)).build();
    double s = medianSeconds(quick ? 3 : 10, quick ? 11 : 31, () -> dev.sweep.io.table.LongTable.of(ds));
    return new Result("to_table", Math.round(s * 1000), "ms", "< 500 ms", s < 0.5,
        "LongTable.of of 10^6 cells (100x100x100, one float64 variable): 4 columns of 10^6 rows");
  }

  Result missingCases() throws Exception {
    long[] shape = {100, 100, 10};
    Column col = Column.allocate(dev.sweep.data.DType.DOUBLE, shape);
    for (long i = 0; i < col.length(); i++) col.setDouble(i, (i / 10) % 2 == 0 ? i : Double.NaN);
    Dataset ds = Dataset.builder().coord("a", Index.ofInts(Values.range(0, 100)))
        .coord("b", Index.ofInts(Values.range(0, 100))).coord("c", Index.ofInts(Values.range(0, 10)))
        .variable(Variable.of("y", List.of("a", "b", "c"), col)).build();
    int[] found = new int[1];
    double s = medianSeconds(warm(), reps(), () -> found[0] = ds.missingCases().size());
    if (found[0] != 50_000) throw new IllegalStateException("expected 50000 missing cells, found " + found[0]);
    double rate = col.length() / s;
    return new Result("missing_cases", Math.round(rate), "cells/s", ">= 10 M cells/s", rate >= 10e6,
        "missingCases() of a 100x100x10 dataset, half unfilled (50,000 points returned)");
  }

  /** About one millisecond of floating-point work for one run. */
  static double burn(double x, int iterations) {
    double s = 0;
    for (int i = 0; i < iterations; i++) s += Math.sin(x + i * 1e-3);
    return s;
  }

  static int calibrate() {
    int it = 20_000;
    for (int k = 0; k < 5; k++) {
      long t0 = System.nanoTime();
      for (int i = 0; i < 20; i++) burn(i, it);
      double perRun = (System.nanoTime() - t0) / 20e9;
      it = (int) Math.max(1000, it * (1e-3 / perRun));
    }
    return it;
  }

  Result parallelSpeedup() throws Exception {
    int iterations = calibrate();
    Combos c = Combos.builder().add("x", Values.range(0, 2000)).build();
    RunFunction f = args -> burn(args.getDouble("x"), iterations);
    Runner serial = Runner.builder(f).vars("y").options(SILENT).build();
    Runner two = serial.with(RunOptions.builder().verbosity(0).workers(2).build());
    int reps = quick ? 1 : 3;
    double s1 = medianSeconds(1, reps, () -> serial.runCombos(c));
    double s2 = medianSeconds(1, reps, () -> two.runCombos(c));
    double ratio = s1 / s2;
    return new Result("parallel_speedup", ratio, "x", ">= 1.8 on 2 cores", ratio >= 1.8,
        String.format(java.util.Locale.ROOT, "2,000 runs of ~1 ms: %.2f s on 1 worker, %.2f s on 2 (%d cores)",
            s1, s2, Runtime.getRuntime().availableProcessors()));
  }

  Result parallelTrivial() throws Exception {
    Combos c = grid100x100x10();
    ComboRunner one = ComboRunner.of(TRIVIAL).with(SILENT);
    ComboRunner two = ComboRunner.of(TRIVIAL).with(RunOptions.builder().verbosity(0).workers(2).build());
    double s1 = medianSeconds(warm(), reps(), () -> one.run(c));
    double s2 = medianSeconds(warm(), reps(), () -> two.run(c));
    double rate = c.size() / s2;
    return new Result("parallel_trivial", Math.round(rate), "runs/s", "not below half the serial rate",
        rate >= 0.5 * c.size() / s1, String.format(java.util.Locale.ROOT, "combo_runner workload on 2 workers; "
            + "serial %.1f M runs/s", c.size() / s1 / 1e6));
  }

  Result diskWrite() throws IOException {
    Files.createDirectories(workDir);
    Path f = workDir.resolve("disk-write.bin");
    int mb = 80;
    ByteBuffer buf = ByteBuffer.allocateDirect(1 << 20);
    // Incompressible data, like a dataset's doubles: zeros can be cheap for a virtual disk.
    java.util.SplittableRandom rnd = new java.util.SplittableRandom(1);
    while (buf.remaining() >= 8) buf.putLong(rnd.nextLong());
    double best = 0;
    try {
      for (int rep = 0; rep < (quick ? 2 : 4); rep++) {
        long t0 = System.nanoTime();
        try (FileChannel ch = FileChannel.open(f, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
            StandardOpenOption.TRUNCATE_EXISTING)) {
          for (int i = 0; i < mb; i++) {
            buf.clear();
            while (buf.hasRemaining()) ch.write(buf);
          }
          ch.force(true);
        }
        best = Math.max(best, mb * 1.048576 / ((System.nanoTime() - t0) / 1e9));
      }
    } finally {
      Files.deleteIfExists(f);
    }
    return new Result("disk_write", Math.round(best), "MB/s", "(reference for netcdf_write)", true,
        "80 MB of random bytes, sequential write with fsync, as dd conv=fsync");
  }

  Result sceneWrite() throws Exception {
    Files.createDirectories(workDir);
    int frames = 200;
    // A simulation writes frames for minutes, at the rate the JIT reaches after its first seconds (the
    // first 200 frames of a JVM take about three times as long as its thousandth): scenes are written
    // for two seconds (quick: one) to warm up, then the median of three scenes (quick: one) is what counts.
    List<Path> written = new ArrayList<>();
    List<SceneWorkload.Write> runs = new ArrayList<>();
    try {
      long warmUntil = System.nanoTime() + (quick ? 1_000_000_000L : 2_000_000_000L);
      do {
        SceneWorkload.write(workDir, frames, written, false);
      } while (System.nanoTime() < warmUntil);
      int reps = quick ? 1 : 3;
      for (int r = 0; r < reps; r++) runs.add(SceneWorkload.write(workDir, frames, written, r == reps - 1));
    } finally {
      for (Path p : written) SceneWorkload.deleteRecursively(p);
    }
    // The reference after the frames: its 80 MB, rewritten and deleted, would be freed (a TRIM on a
    // discard-mounted disk) while the frames are timed.
    double disk = diskWrite().value();
    String each = runs.stream().map(r -> String.valueOf(Math.round(r.megabytesPerSecond())))
        .collect(java.util.stream.Collectors.joining(", "));
    double raw = runs.get(runs.size() - 1).rawAtomicMegabytesPerSecond();
    runs.sort(java.util.Comparator.comparingDouble(SceneWorkload.Write::megabytesPerSecond));
    SceneWorkload.Write w = runs.get(runs.size() / 2);
    return new Result("scene_write", Math.round(w.megabytesPerSecond()), "MB/s", ">= 1/3 of disk_write ("
        + Math.round(disk / 3) + " MB/s)", w.megabytesPerSecond() >= disk / 3, String.format(java.util.Locale.ROOT,
        "%.0f frames/s of 256x256 float64 (%.2f MB each), one atomic NetCDF file per frame (median of %s MB/s,"
            + " after two seconds of warm-up); disk_write %.0f MB/s, raw atomic files of that size %.0f MB/s (fsync of each"
            + " file and its directory)",
        w.framesPerSecond(), w.frameMegabytes(), each, disk, raw));
  }

  Result sceneCreate() throws Exception {
    Files.createDirectories(workDir);
    int reps = quick ? 1 : 3;
    double best = Double.MAX_VALUE;
    for (int r = 0; r < reps; r++) best = Math.min(best, SceneWorkload.create(workDir, 1000, 4));
    double mkdir = SceneWorkload.mkdirMillis(workDir, 200);
    return new Result("scene_create", Math.round(1000 / best), "scenes/s", "1,000 scenes under 1 s", best < 1.0,
        String.format(java.util.Locale.ROOT, "1,000 scenes created by 4 threads at once in one parent, all distinct,"
            + " each with src/context.json: %.2f s; four file-system entries per scene, one mkdir here takes %.2f ms",
            best, mkdir));
  }

  Result memoryPeak() throws Exception {
    long baseline = MemoryProbe.inChild("baseline");
    long peak = MemoryProbe.inChild("sweep");
    double rawMb = MemoryProbe.CELLS * 8 / 1e6;
    double peakMb = peak / 1e3;
    double baseMb = baseline / 1e3;
    return new Result("memory_peak", Math.round(peakMb), "MB", "<= JVM baseline + 1.5x raw array bytes",
        peakMb <= baseMb + 1.5 * rawMb, String.format(java.util.Locale.ROOT,
            "10^7-cell Runner sweep into a Dataset: baseline %.0f MB (JVM + ND4J), raw array %.0f MB, limit %.0f MB",
            baseMb, rawMb, baseMb + 1.5 * rawMb));
  }

  /** The states of the trajectory workloads: 10,000 of 64 x 64 float64 (328 MB); fewer with --quick. */
  int trajectoryStates() {
    return quick ? 4_000 : 10_000;
  }

  Result trajectoryWrite() throws Exception {
    Files.createDirectories(workDir);
    Path file = workDir.resolve("trajectory-write.nc");
    int states = trajectoryStates();
    int reps = quick ? 3 : 5;
    double[] each = new double[reps];
    double[] onClose = new double[reps];
    double[] disk = new double[reps];
    long bytes = 0;
    try {
      TrajectoryWorkload.write(file, states); // warm-up: the JIT, and the page cache of a file this size
      // Interleaved, so that the disk's mood (a shared virtual disk) weighs on all three alike.
      for (int rep = 0; rep < reps; rep++) {
        disk[rep] = diskWrite().value();
        each[rep] = TrajectoryWorkload.write(file, states, dev.sweep.io.netcdf.NetcdfRecordStore.Sync.EACH_APPEND);
        onClose[rep] = TrajectoryWorkload.write(file, states); // the default
        bytes = Files.size(file);
      }
    } finally {
      Files.deleteIfExists(file);
      Files.deleteIfExists(file.resolveSibling(file.getFileName() + ".lock"));
    }
    Arrays.sort(each);
    Arrays.sort(onClose);
    Arrays.sort(disk);
    double rate = bytes / 1e6 / onClose[reps / 2];
    double durable = bytes / 1e6 / each[reps / 2];
    double d = disk[reps / 2];
    return new Result("trajectory_write", Math.round(rate), "MB/s", ">= 0.5 x disk_write", rate / d >= 0.5,
        String.format(java.util.Locale.ROOT, "%,d states of 64x64 float64 (%.0f MB), chunks of 100, one write per "
            + "chunk, one fsync at close (the default); disk_write %.0f MB/s in the same run: ratio %.2f; "
            + "Sync.EACH_APPEND (an fsync per chunk) %.0f MB/s, ratio %.2f", states, bytes / 1e6, d, rate / d, durable,
            durable / d));
  }

  Result trajectoryRead() throws Exception {
    Files.createDirectories(workDir);
    Path file = workDir.resolve("trajectory-read.nc");
    int states = trajectoryStates();
    try {
      TrajectoryWorkload.write(file, states);
      long bytes = Files.size(file);
      TrajectoryWorkload.readAll(file, states); // warm-up
      double[] seconds = new double[quick ? 3 : 5];
      for (int rep = 0; rep < seconds.length; rep++) seconds[rep] = TrajectoryWorkload.readAll(file, states);
      Arrays.sort(seconds);
      double rate = bytes / 1e6 / seconds[seconds.length / 2];
      int reads = quick ? 300 : 1000;
      double early = TrajectoryWorkload.randomGetMicros(file, 0, reads);
      double late = TrajectoryWorkload.randomGetMicros(file, states - 100, reads);
      return new Result("trajectory_read", Math.round(rate), "MB/s", "get(i) not slower for large i",
          late <= 2 * early + 50, String.format(java.util.Locale.ROOT, "iterating %,d states (%.0f MB, page cache); "
              + "random get(i): %.0f us near i=0, %.0f us near i=%d", states, bytes / 1e6, early, late, states - 100));
    } finally {
      Files.deleteIfExists(file);
      Files.deleteIfExists(file.resolveSibling(file.getFileName() + ".lock"));
    }
  }

  Result trajectoryMemory() throws Exception {
    Files.createDirectories(workDir);
    Path file = workDir.resolve("trajectory-memory.nc");
    long oneChunk = MemoryProbe.inChild(TrajectoryWorkload.class, file.toString(), "100");
    long many = MemoryProbe.inChild(TrajectoryWorkload.class, file.toString(), Integer.toString(trajectoryStates()));
    Files.deleteIfExists(file.resolveSibling(file.getFileName() + ".lock"));
    double chunkMb = TrajectoryWorkload.CHUNK * TrajectoryWorkload.SIDE * TrajectoryWorkload.SIDE * 8 / 1e6;
    double limit = oneChunk / 1e3 + 3 * chunkMb;
    return new Result("trajectory_memory", Math.round(many / 1e3), "MB", "<= (one chunk written) + 3 chunks",
        many / 1e3 <= limit, String.format(java.util.Locale.ROOT, "peak RSS of a child writing %,d states; writing "
            + "one chunk (100 states): %.0f MB; a chunk is %.1f MB; limit %.0f MB", trajectoryStates(), oneChunk / 1e3,
            chunkMb, limit));
  }

  static List<Result> all(Workloads w, List<String> names) throws Exception {
    List<Result> out = new ArrayList<>();
    for (String n : names) out.add(w.run(n));
    return out;
  }
}
