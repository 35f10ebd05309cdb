package dev.sweep.plot.cli;

import dev.sweep.SweepException;
import dev.sweep.cli.spi.Subcommand;
import dev.sweep.data.Dataset;
import dev.sweep.data.Index;
import dev.sweep.data.Lookup;
import dev.sweep.plot.Plot;
import dev.sweep.store.Stores;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code sweep plot FILE --kind line|heatmap|scatter|hist -x DIM -y VAR [--hue DIM] [--col DIM]
 * [--row DIM] -o out.png|out.svg}: draws a file any registered storage format reads (a NetCDF file a
 * Harvester wrote, a CSV table a Sampler wrote) with {@link Plot}. Contributed to the command line
 * through {@link Subcommand} (registered in {@code META-INF/services/dev.sweep.cli.spi.Subcommand}).
 */
@Command(name = "plot", mixinStandardHelpOptions = true, sortOptions = false,
    description = {"Plot a NetCDF dataset or a CSV table into a PNG or SVG file: a line plot (x a dimension, one line"
        + " per label of --hue), a heatmap (a variable over x and a second dimension), a scatter plot (colour by --hue,"
        + " marker size by --size) or a histogram of -y; facets by --col and --row.",
        "Examples:",
        "  sweep plot foo.nc --kind line -x a -y b_out --hue b --col c -o foo.png",
        "  sweep plot bar.nc --kind heatmap -x t -y C --sel i=5 --sel j=0.5 --col k -o bar.svg",
        "  sweep plot trig.csv --kind scatter -x x -y out --hue fn --size amp"})
public final class PlotCommand implements Subcommand, Callable<Integer> {
  @Parameters(paramLabel = "FILE", description = "A file in a registered format, e.g. a .nc file a Harvester wrote or a"
      + " .csv file a Sampler wrote.")
  Path file;

  @Option(names = {"-k", "--kind"}, paramLabel = "KIND", description = "line, heatmap, scatter or hist (default: line"
      + " when -x is a dimension of -y's variable, else scatter).")
  String kind;

  @Option(names = "-x", description = "The dimension (or variable, column) along the horizontal axis.")
  String x;

  @Option(names = "-y", required = true, description = "The variable (or column) along the vertical"
      + " axis; a heatmap's colour; what a histogram counts.")
  String y;

  @Option(names = "--ydim", paramLabel = "DIM", description = "A heatmap's vertical dimension (default: the variable's"
      + " other dimension).")
  String ydim;

  @Option(names = "--hue", paramLabel = "DIM", description = "Colour by this dimension or variable.")
  String hue;

  @Option(names = "--size", paramLabel = "VAR", description = "Size a scatter plot's markers by this variable.")
  String size;

  @Option(names = "--col", paramLabel = "DIM", description = "One panel per label of this dimension, side by side.")
  String col;

  @Option(names = "--row", paramLabel = "DIM", description = "One row of panels per label of this dimension.")
  String row;

  @Option(names = "--error", paramLabel = "VAR", description = "A line plot's error band: y - VAR to y + VAR.")
  String error;

  @Option(names = "--bins", paramLabel = "N", description = "A histogram's number of bins (default: Freedman-Diaconis).")
  Integer bins;

  @Option(names = "--sel", paramLabel = "DIM=LABEL", description = "Select one label of a dimension first (repeatable);"
      + " numeric labels match to within 1e-9.")
  List<String> sel = new ArrayList<>();

  @Option(names = "--mean", paramLabel = "DIM", description = "Average over a dimension first, missing values skipped"
      + " (repeatable).")
  List<String> mean = new ArrayList<>();

  @Option(names = "--title", description = "A title above the plot.")
  String title;

  @Option(names = "--width", paramLabel = "PX", description = "The image's width in pixels.")
  Integer width;

  @Option(names = "--height", paramLabel = "PX", description = "The image's height in pixels.")
  Integer height;

  @Option(names = {"-o", "--out"}, paramLabel = "FILE", description = "The image to write, .png or .svg (default: FILE"
      + " with .png).")
  Path out;

  /** Makes the command; the command line sets its options. */
  public PlotCommand() {}

  /** {@return {@code "plot"}} */
  @Override
  public String name() {
    return "plot";
  }

  /**
   * Reads the file, draws the plot and prints the image's path.
   *
   * @return 0 on success, 2 for a usage error (a missing file, an unknown name, a variable with more
   *     dimensions than the plot shows), 1 if the file cannot be read or the image written
   */
  @Override
  public Integer call() {
    if (!Files.exists(file)) {
      System.err.println("sweep plot: no such file: " + file);
      return 2;
    }
    Path image = out != null ? out : file.resolveSibling(file.getFileName().toString().replaceAll("\\.[^.]*$", "") + ".png");
    Dataset ds;
    try {
      ds = Stores.read(file);
    } catch (IllegalArgumentException unknownFormat) {
      System.err.println("sweep plot: " + unknownFormat.getMessage());
      return 2;
    } catch (SweepException | UncheckedIOException | IllegalStateException | UnsupportedOperationException e) {
      System.err.println("sweep plot: cannot read " + file + ": " + e.getMessage());
      return 1;
    }
    Plot plot;
    try {
      ds = select(ds);
      for (String d : mean) ds = ds.mean(d);
      plot = builder(ds).build();
    } catch (IllegalArgumentException e) {
      String m = e.getMessage();
      if (m.contains(" select a label of ")) m += "; here: --sel DIM=LABEL or --mean DIM";
      System.err.println("sweep plot: " + m);
      return 2;
    }
    try {
      plot.write(image);
    } catch (IllegalArgumentException e) { // not .png or .svg
      System.err.println("sweep plot: " + e.getMessage());
      return 2;
    } catch (UncheckedIOException e) {
      System.err.println("sweep plot: " + e.getMessage());
      return 1;
    }
    System.out.println(image);
    return 0;
  }

  private Plot.Builder builder(Dataset ds) {
    Plot.Kind k = kind != null ? Plot.Kind.of(kind)
        : x != null && ds.variables().containsKey(y) && ds.variable(y).dims().contains(x) ? Plot.Kind.LINE
        : Plot.Kind.SCATTER;
    Plot.Builder b = Plot.builder(k, ds).y(y);
    if (x != null) b.x(x);
    if (ydim != null) b.ydim(ydim);
    if (hue != null) b.hue(hue);
    if (size != null) b.size(size);
    if (col != null) b.col(col);
    if (row != null) b.row(row);
    if (error != null) b.error(error);
    if (bins != null) b.bins(bins);
    if (title != null) b.title(title);
    if (width != null) b.width(width);
    if (height != null) b.height(height);
    return b;
  }

  /** Applies each {@code --sel DIM=LABEL}, reading the label as the dimension's labels are typed. */
  private Dataset select(Dataset ds) {
    for (String s : sel) {
      int eq = s.indexOf('=');
      if (eq <= 0) throw new IllegalArgumentException("--sel '" + s + "': expected DIM=LABEL, e.g. --sel i=5");
      String dim = s.substring(0, eq);
      String text = s.substring(eq + 1);
      Index labels = ds.coords().get(dim);
      if (labels == null) {
        throw new IllegalArgumentException("--sel " + s + ": " + (ds.sizes().containsKey(dim) ? "dimension '" + dim
            + "' has no labels" : "no dimension '" + dim + "'; the dimensions are " + ds.dims()));
      }
      try {
        ds = switch (labels.type()) {
          case DOUBLE, FLOAT -> {
            double v = Double.parseDouble(text);
            yield ds.sel(Map.of(dim, v), Lookup.nearest(1e-9 * Math.max(1, Math.abs(v))));
          }
          case INT -> ds.sel(Map.of(dim, Integer.parseInt(text)));
          case LONG -> ds.sel(Map.of(dim, Long.parseLong(text)));
          case BOOLEAN -> {
            if (!text.equals("true") && !text.equals("false")) throw new NumberFormatException(text);
            yield ds.sel(Map.of(dim, Boolean.parseBoolean(text)));
          }
          case STRING -> ds.sel(Map.of(dim, text));
          case COMPLEX128, COMPLEX64 -> throw new IllegalArgumentException("--sel " + s + ": the labels of '" + dim
              + "' are complex; select by position instead");
        };
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("--sel " + s + ": '" + text + "' is not a label of '" + dim + "', whose labels"
            + " are " + labels, e);
      }
    }
    return ds;
  }
}
