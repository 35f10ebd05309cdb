package dev.sweep.cli;

import dev.sweep.SweepException;
import dev.sweep.io.csv.CsvStore;
import dev.sweep.io.plot.Plots;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import tech.tablesaw.api.Table;

/** {@code sweep plot}: a scatter of one column of a CSV table against another, coloured by a third, to PNG. */
@Command(name = "plot", mixinStandardHelpOptions = true,
    description = "Scatter one column of a CSV table against another, coloured by a third, into a PNG file"
        + " (like seaborn's relplot(x=..., y=..., hue=...)).")
final class PlotCommand implements Callable<Integer> {
  @Parameters(paramLabel = "FILE", description = "A CSV table, e.g. one a Sampler wrote.")
  Path csv;

  @Option(names = "-x", required = true, description = "Column for the horizontal axis.")
  String x;

  @Option(names = "-y", required = true, description = "Column for the vertical axis.")
  String y;

  @Option(names = "--hue", description = "Column whose values colour the points.")
  String hue;

  @Option(names = {"-o", "--out"}, paramLabel = "PNG", description = "Output file (default: FILE with .png).")
  Path out;

  @Override
  public Integer call() {
    if (!Files.exists(csv)) {
      System.err.println("sweep plot: no such file: " + csv);
      return 2;
    }
    Path png = out != null ? out : csv.resolveSibling(csv.getFileName().toString().replaceAll("\\.csv$", "") + ".png");
    Table table;
    try {
      table = CsvStore.readTable(csv);
    } catch (SweepException | UncheckedIOException | IllegalStateException e) {
      System.err.println("sweep plot: cannot read " + csv + ": " + e.getMessage());
      return 1;
    }
    try {
      Plots.scatter(table, x, y, hue, png);
    } catch (IllegalArgumentException e) { // a column that is missing or not numeric
      System.err.println("sweep plot: " + e.getMessage());
      return 2;
    }
    System.out.println(png);
    return 0;
  }
}
