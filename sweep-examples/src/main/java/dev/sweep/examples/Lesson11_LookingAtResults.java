package dev.sweep.examples;

import dev.sweep.data.Dataset;
import dev.sweep.data.Lookup;
import dev.sweep.data.Reduce;
import dev.sweep.data.Slice;
import dev.sweep.io.table.LongTable;
import dev.sweep.plot.Plot;
import dev.sweep.run.RunOptions;
import java.nio.file.Path;
import java.util.Map;
import tech.tablesaw.api.Table;

/**
 * Lesson 11: looking at results with xarray's everyday operations, on lesson 5's dataset (A over i, j,
 * k; B also over x; C also over x and t). Each step returns a new dataset: C averaged over time, the
 * labels x = 10..20, the time nearest 0.3, the largest A over i and j with the i where it is reached,
 * a derived variable, and the whole as a long table; {@link #plot} ends with a picture of B.
 */
public final class Lesson11_LookingAtResults {
  private Lesson11_LookingAtResults() {}

  /** The results of each step, as the lesson prints them. */
  public record Results(Dataset meanOverTime, Dataset xRange, Dataset nearT, Dataset maxA, Dataset argmaxI,
      Dataset derived, Table table) {}

  public static Results run(RunOptions options) {
    Dataset ds = Lesson05_StructuredOutput.run(options);
    Dataset meanOverTime = ds.mean("t");                                   // ds.mean("t")
    Dataset xRange = meanOverTime.sel(Map.of("x", Slice.of(10, 20)));      // ds.sel(x=slice(10, 20))
    Dataset nearT = ds.sel(Map.of("t", 0.3), Lookup.nearest(0.01));        // ds.sel(t=0.3, method="nearest", tolerance=0.01)
    Dataset maxA = ds.dropVars("B", "C").max(Reduce.over("i", "j"));       // ds.A.max(["i", "j"])
    Dataset argmaxI = ds.dropVars("B", "C").idxmax("i");                   // ds.A.idxmax("i")
    Dataset derived = xRange.with("B_per_A", d -> d.get("B").div(d.get("A")));  // ds.assign(B_per_A=ds.B / ds.A)
    Table table = LongTable.of(derived.dropVars("C"));                   // ds.to_dataframe().reset_index()
    return new Results(meanOverTime, xRange, nearT, maxA, argmaxI, derived, table);
  }

  /**
   * Draws B (= i + j * x) over x at k = 0.05, one line per i, one panel per j: xarray's
   * {@code ds.B.sel(k=0.05).plot(x="x", hue="i", col="j")}.
   */
  public static Path plot(Results r, Path image) {
    return Plot.line(r.meanOverTime().sel(Map.of("k", 0.05)), "B").x("x").hue("i").col("j").build().write(image);
  }

  public static void main(String[] args) {
    Results r = run(RunOptions.defaults());
    System.out.println("C averaged over t:\n" + r.meanOverTime());
    System.out.println("\nThe largest A over i and j:\n" + r.maxA());
    System.out.println("\nB / A at x = 10..20:\n" + r.derived());
    System.out.println("\nAs a table:\n" + r.table().first(5));
    System.out.println("\n" + plot(r, Path.of(args.length > 0 ? args[0] : ".").resolve("looking.png")));
  }
}
