package dev.sweep.examples;

import dev.sweep.data.Dataset;
import dev.sweep.farm.Harvester;
import dev.sweep.plot.Plot;
import dev.sweep.run.RunOptions;
import dev.sweep.space.Combos;
import java.nio.file.Path;

/**
 * Lesson 6: a {@link Harvester} merges successive sweeps into one NetCDF file. The first harvest
 * runs a = 1..3 with b in x, y, z; the second a = 4..6 with b in w, v. The file then holds a 6x5x2
 * dataset with b = v, w, x, y, z and NaN (or null) in the blocks never run; a new session that
 * builds a harvester on the same file continues from there. {@link #plot} draws b_out over a, one
 * line per b, one panel per c: the lines stop where a harvest did not run.
 */
public final class Lesson06_Harvester {
  private Lesson06_Harvester() {}

  public static Combos second() {
    return Combos.builder()
        .add("a", 4, 5, 6)
        .add("b", "w", "v")
        .add("c", true, false)
        .build();
  }

  /** Runs both harvests into {@code dir/foo.nc} and returns the full dataset. */
  public static Dataset run(Path dir, RunOptions options) {
    Harvester harvester = Harvester.builder(Lesson04_Runner.runner(options), dir.resolve("foo.nc")).build();
    harvester.harvestCombos(Lesson01_ComboRunner.combos());
    harvester.harvestCombos(second());
    return harvester.fullDataset();
  }

  /** Draws b_out over a, one line per b, one panel per c, as xarray's {@code ds.b_out.plot(x="a", hue="b", col="c")}. */
  public static Path plot(Dataset full, Path image) {
    return Plot.line(full, "b_out").x("a").hue("b").col("c")
        .title("b_out = sin(a): b in x, y, z ran for a = 1..3, b in w, v for a = 4..6").build().write(image);
  }

  public static void main(String[] args) {
    Path dir = Path.of(args.length > 0 ? args[0] : ".");
    Dataset full = run(dir, RunOptions.defaults());
    System.out.println(full);
    System.out.println(plot(full, dir.resolve("foo.png")));
  }
}
