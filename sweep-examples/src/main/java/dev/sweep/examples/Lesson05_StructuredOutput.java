package dev.sweep.examples;

import dev.sweep.data.Dataset;
import dev.sweep.plot.Plot;
import dev.sweep.run.RunOptions;
import dev.sweep.run.Runner;
import dev.sweep.space.Combos;
import dev.sweep.space.Values;
import java.nio.file.Path;
import java.util.Map;

/**
 * Lesson 5: outputs with inner dimensions. {@code bar(i, j, k, t) -> (A, B[x], C[x, t])}, described
 * by its {@link dev.sweep.run.Label}, with the constant t = linspace(0, 1, 101) stored as the labels
 * of dimension t. A is (i, j, k), B is (i, j, k, x), C is (i, j, k, x, t). {@link #plot} draws C as
 * a heatmap over t and x, one panel per k.
 */
public final class Lesson05_StructuredOutput {
  private Lesson05_StructuredOutput() {}

  public static Combos combos() {
    return Combos.builder()
        .add("i", 5, 6, 7)
        .add("j", 0.5, 0.6, 0.7)
        .add("k", 0.05, 0.06, 0.07)
        .build();
  }

  public static Runner runner(RunOptions options) {
    return Runner.labelled(Tutorial.class, "bar")
        .constant("t", Values.linspace(0, 1, 101))
        .options(options)
        .build();
  }

  public static Dataset run(RunOptions options) {
    return runner(options).runCombos(combos());
  }

  /**
   * Draws C over t (across) and x (up) at i = 5, j = 0.5, one panel per k, as xarray's
   * {@code ds.C.sel(i=5, j=0.5).plot(x="t", col="k")}; writes PNG or SVG by the file's extension.
   */
  public static Path plot(Dataset ds, Path image) {
    return Plot.heatmap(ds.sel(Map.of("i", 5, "j", 0.5)), "C").x("t").col("k")
        .title("C = k * x * cos(t) at i = 5, j = 0.5").build().write(image);
  }

  public static void main(String[] args) {
    Dataset ds = run(RunOptions.defaults());
    System.out.println(ds);
    System.out.println(plot(ds, Path.of(args.length > 0 ? args[0] : ".").resolve("bar.png")));
  }
}
