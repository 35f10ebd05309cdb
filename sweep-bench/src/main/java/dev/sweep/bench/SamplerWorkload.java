package dev.sweep.bench;

import dev.sweep.farm.Sampler;
import dev.sweep.space.Distribution;
import dev.sweep.space.Draws;
import dev.sweep.run.RunFunction;
import dev.sweep.run.RunOptions;
import dev.sweep.run.Runner;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Measures a sampler's throughput on the tutorial's function, with every sample synced to a CSV file:
 * the {@code sampler_csv} workload of {@code ./sweep bench}.
 */
public final class SamplerWorkload {
  private SamplerWorkload() {}

  /**
   * {@return the tutorial's function, {@code amp * fn(x - phase)}} Public so that a runner can bind it
   * by name.
   *
   * @param amp the amplitude
   * @param fn {@code "cos"}, {@code "sin"} or {@code "tan"}
   * @param x the angle in radians
   * @param phase subtracted from {@code x}
   * @throws IllegalArgumentException for another {@code fn}
   */
  public static double trig(int amp, String fn, double x, double phase) {
    double t = x - phase;
    switch (fn) {
      case "cos": return amp * Math.cos(t);
      case "sin": return amp * Math.sin(t);
      case "tan": return amp * Math.tan(t);
      default: throw new IllegalArgumentException("fn is '" + fn + "'; expected cos, sin or tan");
    }
  }

  /** The tutorial's default draws. */
  static Draws defaults() {
    return Draws.builder()
        .values("amp", 1, 2, 3)
        .values("fn", "cos", "sin")
        .from("x", Distribution.uniform(0, 2 * Math.PI))
        .from("phase", Distribution.normal(0, 0.1))
        .build();
  }

  /**
   * Samples per second of {@code sampleCombos(n)} on a fresh CSV file in dir (one worker, no progress
   * bar), after a warm-up: the median of three timed calls, each on a new file. Leaves no file behind.
   *
   * @param dir the directory for the CSV files, created if missing
   * @param n the number of samples per timed call
   * @return the median rate, in samples per second
   * @throws IllegalArgumentException if n is not positive
   * @throws UncheckedIOException if dir cannot be written
   */
  public static double samplesPerSecond(Path dir, int n) {
    if (n <= 0) throw new IllegalArgumentException("n is " + n + "; expected a positive number of samples");
    Runner runner = Runner.builder(RunFunction.of(SamplerWorkload.class, "trig")).vars("out")
        .options(RunOptions.builder().verbosity(0).build()).build();
    try {
      Files.createDirectories(dir);
      Path warm = dir.resolve("sampler-bench-warmup.csv");
      long until = System.nanoTime() + 2_000_000_000L;
      for (int i = 0; i < 20 && System.nanoTime() < until; i++) {
        delete(warm);
        Sampler s = Sampler.builder(runner, defaults()).file(warm).seed(i).build();
        s.sampleCombos(Math.min(n, 50_000));
      }
      delete(warm);
      double[] rates = new double[3];
      for (int r = 0; r < rates.length; r++) {
        Path file = dir.resolve("sampler-bench.csv");
        delete(file);
        Sampler s = Sampler.builder(runner, defaults()).file(file).seed(r).build();
        long t0 = System.nanoTime();
        s.sampleCombos(n);
        long t1 = System.nanoTime();
        rates[r] = n / ((t1 - t0) / 1e9);
        delete(file);
      }
      Arrays.sort(rates);
      return rates[1];
    } catch (IOException e) {
      throw new UncheckedIOException("cannot benchmark in " + dir, e);
    }
  }

  private static void delete(Path csv) throws IOException {
    Files.deleteIfExists(csv);
    Files.deleteIfExists(csv.resolveSibling(csv.getFileName() + ".dtypes.json"));
    Files.deleteIfExists(csv.resolveSibling(csv.getFileName() + ".lock"));
  }

  /**
   * Prints the samples per second of 100,000 samples (or the count given) in a temporary directory.
   *
   * @param args optionally, the number of samples
   * @throws IOException if the temporary directory cannot be created or removed
   * @throws NumberFormatException if the count is not an integer
   */
  public static void main(String[] args) throws IOException {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
    Path dir = Files.createTempDirectory("sampler-bench");
    double rate = samplesPerSecond(dir, n);
    Files.deleteIfExists(dir);
    System.out.printf("sampler_csv: %,d samples synced to CSV: %,.0f samples/s%n", n, rate);
  }
}
