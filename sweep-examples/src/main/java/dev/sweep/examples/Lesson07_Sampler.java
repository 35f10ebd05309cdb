package dev.sweep.examples;

import dev.sweep.farm.Sampler;
import dev.sweep.io.table.Tables;
import dev.sweep.plot.Plot;
import dev.sweep.run.RunOptions;
import dev.sweep.space.Distribution;
import dev.sweep.space.Draws;
import dev.sweep.store.Stores;
import java.nio.file.Path;
import tech.tablesaw.api.Table;

/**
 * Lesson 7: sample a parameter space sparsely with a {@link Sampler}. {@code trig(amp, fn, x,
 * phase)} is sampled 10,000 times with amp in 1, 2, 3, fn in cos, sin, x uniform in [0, 2pi) and
 * phase normal(0, 0.1); then 5,000 more with fn = tan and x in [0, pi/4). Every sample lands in one
 * table synced to {@code trig.csv}, plotted as x against out coloured by fn.
 */
public final class Lesson07_Sampler {
  private Lesson07_Sampler() {}

  public static Draws defaults() {
    return Draws.builder()
        .values("amp", 1, 2, 3)
        .values("fn", "cos", "sin")
        .from("x", Distribution.uniform(0, 2 * Math.PI))
        .from("phase", Distribution.normal(0.0, 0.1))
        .build();
  }

  public static Draws tangents() {
    return Draws.builder()
        .values("fn", "tan")
        .from("x", Distribution.uniform(0, Math.PI / 4))
        .build();
  }

  /** Samples into {@code dir/trig.csv}, plots {@code dir/trig.png}, exports {@code dir/trig.nc}; returns the table. */
  public static Table run(Path dir, RunOptions options, long seed) {
    Sampler sampler = Sampler.labelled(Tutorial.class, "trig", defaults())
        .directory(dir).seed(seed).options(options).build();
    sampler.sampleCombos(10_000);
    sampler.sampleCombos(5_000, tangents());
    Table all = Tables.of(sampler.fullDataset());         // the samples as a Tablesaw table
    Plot.scatter(all).x("x").y("out").hue("fn").build().write(dir.resolve("trig.png")); // seaborn's relplot
    Stores.dataset(dir.resolve("trig.nc")).write(sampler.fullDataset()); // one 'sample' dimension, for xarray
    return all;
  }

  public static void main(String[] args) {
    System.out.println(run(Path.of(args.length > 0 ? args[0] : "."), RunOptions.defaults(), 42).summary());
  }
}
