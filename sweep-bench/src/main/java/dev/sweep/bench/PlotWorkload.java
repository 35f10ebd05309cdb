package dev.sweep.bench;

import dev.sweep.data.Column;
import dev.sweep.data.DType;
import dev.sweep.data.Dataset;
import dev.sweep.data.Index;
import dev.sweep.data.Variable;
import dev.sweep.plot.Plot;
import dev.sweep.space.Values;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** {@code plot_line}: a line plot of 100 lines of 100 points each, from a dataset to a PNG file. */
final class PlotWorkload {
  private PlotWorkload() {}

  /** y(line, x) = sin(x / 10 + line / 20): 100 labels of {@code line}, 100 of {@code x}. */
  static Dataset hundredLines() {
    Column col = Column.allocate(DType.DOUBLE, new long[] {100, 100});
    for (int l = 0; l < 100; l++) for (int x = 0; x < 100; x++) col.setDouble(l * 100L + x, Math.sin(x / 10.0 + l / 20.0));
    return Dataset.builder().coord("line", Index.ofInts(Values.range(0, 100))).coord("x", Index.ofInts(Values.range(0, 100)))
        .variable(Variable.of("y", List.of("line", "x"), col)).build();
  }

  static Result line(boolean quick, Path workDir) throws Exception {
    Files.createDirectories(workDir);
    Path png = workDir.resolve("plot-line.png");
    Dataset ds = hundredLines();
    Workloads.ThrowingRunnable draw = () -> Plot.line(ds, "y").x("x").hue("line").build().writePng(png);
    try {
      long t0 = System.nanoTime();
      draw.run(); // the first plot of the JVM also loads JFreeChart and Java2D
      double first = (System.nanoTime() - t0) / 1e6;
      double s = Workloads.medianSeconds(quick ? 3 : 10, quick ? 7 : 21, draw);
      long bytes = Files.size(png);
      return new Result("plot_line", Math.round(s * 1000), "ms", "(reference)", true, String.format(Locale.ROOT,
          "Plot.line of 100 lines x 100 points (hue over 100 labels) to an 800x560 PNG of %d KB, built and written"
              + " atomically; the JVM's first plot %.0f ms", bytes / 1024, first));
    } finally {
      Files.deleteIfExists(png);
    }
  }
}
