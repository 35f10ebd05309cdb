package dev.sweep.spark;

import dev.sweep.run.RunFunction;
import dev.sweep.run.RunOptions;
import dev.sweep.run.Runner;
import dev.sweep.space.Combos;
import dev.sweep.space.Values;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;

/**
 * The Spark benchmarks, run by hand from {@code sweep-spark/} with the test class path:
 * <ul>
 *   <li>{@code spark_overhead}: 10^6 trivial runs on {@code local[2]} against the local engine on two
 *       workers (runs/s of each);
 *   <li>{@code spark_speedup}: 4,000 runs of about a millisecond on a standalone cluster on loopback,
 *       with 2 executor cores against 1.
 * </ul>
 */
public final class SparkBench {
  private SparkBench() {}

  public static void main(String[] args) throws Exception {
    List<String> which = args.length == 0 ? List.of("spark_overhead", "spark_speedup") : Arrays.asList(args);
    if (which.contains("spark_overhead")) overhead();
    if (which.contains("spark_speedup")) speedup();
  }

  static final RunOptions TWO = RunOptions.builder().verbosity(0).workers(2).build();

  static void overhead() {
    Runner runner = Runner.builder(RunFunction.of(Fns.class, "trivial")).vars("y").options(TWO).build();
    Combos million = Combos.builder().add("i", Values.range(0, 1000)).add("j", Values.range(0, 1000)).build();
    JavaSparkContext sc = new JavaSparkContext(new SparkConf().setMaster("local[2]").setAppName("spark_overhead")
        .set("spark.ui.enabled", "false").set("spark.driver.host", "127.0.0.1")
        .set("spark.driver.bindAddress", "127.0.0.1"));
    try {
      SparkSweep spark = SparkSweep.on(sc);
      double[] local = new double[5];
      double[] onSpark = new double[5];
      for (int rep = -2; rep < 5; rep++) { // two warm-ups
        long t0 = System.nanoTime();
        runner.runCombos(million);
        long t1 = System.nanoTime();
        spark.runCombos(runner, million);
        long t2 = System.nanoTime();
        if (rep >= 0) {
          local[rep] = 1e6 / ((t1 - t0) / 1e9);
          onSpark[rep] = 1e6 / ((t2 - t1) / 1e9);
        }
      }
      report("spark_overhead local engine, 2 workers", local);
      report("spark_overhead local[2], " + spark.partitionsFor(1_000_000) + " partitions", onSpark);
    } finally {
      sc.stop();
    }
  }

  static void speedup() throws Exception {
    Path dir = Files.createTempDirectory("spark-bench");
    Runner runner = Runner.builder(RunFunction.of(Fns.class, "busy")).vars("x").options(TWO).build();
    Combos runs = Combos.builder().add("i", Values.range(0, 4000)).build();
    long t0 = System.nanoTime();
    runner.with(RunOptions.builder().verbosity(0).build()).runCombos(Combos.builder().add("i", Values.range(0, 400)).build());
    System.out.printf(Locale.ROOT, "spark_speedup one run locally: %.2f ms%n", (System.nanoTime() - t0) / 1e6 / 400);
    try (StandaloneCluster cluster = StandaloneCluster.start(dir, 2, Duration.ofMinutes(3))) {
      List<String> jars = StandaloneCluster.applicationJars(dir.resolve("app"), name -> true);
      double[] seconds = new double[3];
      for (int cores : new int[] {1, 2}) {
        JavaSparkContext sc = SparkSweep.connect(new SparkConf().setMaster(cluster.masterUrl())
            .setAppName("spark_speedup " + cores).setJars(jars.toArray(new String[0]))
            .set("spark.driver.host", "127.0.0.1").set("spark.driver.bindAddress", "127.0.0.1")
            .set("spark.executor.memory", "1g").set("spark.cores.max", String.valueOf(cores))
            .set("spark.executor.cores", String.valueOf(cores)).set("spark.ui.enabled", "false"), Duration.ofMinutes(3));
        try {
          SparkSweep spark = SparkSweep.builder(sc).partitions(16).build();
          spark.runCombos(runner, Combos.builder().add("i", Values.range(0, 400)).build()); // warm the executor
          double best = Double.MAX_VALUE;
          for (int rep = 0; rep < 3; rep++) {
            long s = System.nanoTime();
            spark.runCombos(runner, runs);
            best = Math.min(best, (System.nanoTime() - s) / 1e9);
          }
          seconds[cores] = best;
          System.out.printf(Locale.ROOT, "spark_speedup %d executor core(s): %.2f s for 4,000 runs (%.0f runs/s)%n",
              cores, best, 4000 / best);
        } finally {
          sc.stop();
        }
      }
      System.out.printf(Locale.ROOT, "spark_speedup 2 cores against 1: %.2fx%n", seconds[1] / seconds[2]);
    }
  }

  static void report(String what, double[] rates) {
    double[] sorted = rates.clone();
    Arrays.sort(sorted);
    System.out.printf(Locale.ROOT, "%s: median %.2f M runs/s (best %.2f, worst %.2f)%n", what, sorted[2] / 1e6,
        sorted[4] / 1e6, sorted[0] / 1e6);
  }
}
