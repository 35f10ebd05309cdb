package dev.sweep.plot.cli;

import static org.junit.jupiter.api.Assertions.*;

import dev.sweep.data.Dataset;
import dev.sweep.data.Index;
import dev.sweep.data.Variable;
import dev.sweep.io.csv.CsvStore;
import dev.sweep.io.table.Tables;
import dev.sweep.store.Stores;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.factory.Nd4j;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

class PlotCommandTest {
  @TempDir Path dir;

  /** A table like a sampler's, written as a typed CSV file with its dtypes sidecar. */
  static Path csv(Path file) {
    Table rows = Table.create("trig",
        IntColumn.create("amp", 1, 2, 3, 1),
        StringColumn.create("fn", "cos", "sin", "tan", "sin"),
        DoubleColumn.create("x", 0.0, 1.5, 0.25, 3.0),
        DoubleColumn.create("out", 1.0, 1.99, 0.76, 0.14));
    try (CsvStore store = CsvStore.open(file)) {
      store.append(Tables.toDataset(rows, "index"));
    }
    return file;
  }

  /** A harvest-like NetCDF file: v(i, j, t) = i + j * cos(t) over i = 1..3, j = 0.5, 0.6, t = 0..1 (5). */
  static Path nc(Path file) {
    double[] t = {0, 0.25, 0.5, 0.75, 1};
    double[][][] v = new double[3][2][t.length];
    for (int i = 0; i < 3; i++) for (int j = 0; j < 2; j++) for (int k = 0; k < t.length; k++) v[i][j][k] = i + 1 + (0.5 + 0.1 * j) * Math.cos(t[k]);
    Dataset ds = Dataset.builder().coord("i", Index.ofInts(1, 2, 3)).coord("j", Index.ofDoubles(0.5, 0.6))
        .coord("t", Index.ofDoubles(t))
        .variable(Variable.of("v", List.of("i", "j", "t"), Nd4j.createFromArray(v)).withAttrs(Map.of("units", "m")))
        .build();
    Stores.dataset(file).write(ds);
    return file;
  }

  @Test
  void plotDrawsACsvTableNextToIt() throws IOException {
    Path file = csv(dir.resolve("trig.csv"));
    CliRun r = CliRun.of("plot", file.toString(), "-x", "x", "-y", "out", "--hue", "fn");
    assertEquals(0, r.status(), r.err());
    Path png = dir.resolve("trig.png");
    assertEquals(png + "\n", r.out());
    byte[] head = Arrays.copyOf(Files.readAllBytes(png), 8);
    assertArrayEquals(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'}, head);
  }

  @Test
  void aMissingFileOrColumnIsAUsageError() {
    Path nope = dir.resolve("nope.csv");
    CliRun missing = CliRun.of("plot", nope.toString(), "-x", "x", "-y", "out");
    assertEquals(2, missing.status());
    assertEquals("sweep plot: no such file: " + nope + "\n", missing.err());

    Path file = csv(dir.resolve("trig.csv"));
    CliRun column = CliRun.of("plot", file.toString(), "-x", "x", "-y", "nope", "-o", dir.resolve("p.png").toString());
    assertEquals(2, column.status());
    assertTrue(column.err().startsWith("sweep plot: ") && column.err().contains("'nope'"), column.err());
    assertFalse(Files.exists(dir.resolve("p.png")));
  }

  @Test
  void requiresBothAxes() {
    CliRun r = CliRun.of("plot", "trig.csv", "-x", "x");
    assertEquals(2, r.status());
    assertTrue(r.err().startsWith("Missing required option: '-y=<y>'"), r.err());
  }

  @Test
  void eachKindOfANetcdfFileToPngAndSvg() throws IOException {
    Path file = nc(dir.resolve("grid.nc"));
    String[][] runs = {
        {"--kind", "line", "-x", "t", "-y", "v", "--hue", "i", "--col", "j", "-o", "line.png"},
        {"--kind", "heatmap", "-x", "t", "-y", "v", "--col", "j", "-o", "heat.svg"},
        {"--kind", "scatter", "-x", "t", "-y", "v", "--hue", "i", "--size", "v", "-o", "scatter.png"},
        {"--kind", "hist", "-y", "v", "--hue", "j", "--bins", "8", "-o", "hist.png"}};
    for (String[] run : runs) {
      String[] args = new String[run.length + 2];
      args[0] = "plot";
      args[1] = file.toString();
      System.arraycopy(run, 0, args, 2, run.length);
      args[args.length - 1] = dir.resolve(run[run.length - 1]).toString();
      CliRun r = CliRun.of(args);
      assertEquals(0, r.status(), String.join(" ", run) + ": " + r.err());
      Path out = dir.resolve(run[run.length - 1]);
      assertEquals(out + "\n", r.out());
      if (out.toString().endsWith(".png")) assertTrue(ImageIO.read(out.toFile()).getWidth() >= 800);
      else assertTrue(Files.readString(out).contains("<svg"));
    }
  }

  @Test
  void theDefaultKindIsALineOverADimensionAndAScatterOtherwise() throws IOException {
    Path file = nc(dir.resolve("grid.nc"));
    CliRun line = CliRun.of("plot", file.toString(), "-x", "t", "-y", "v", "--sel", "j=0.6", "--hue", "i");
    assertEquals(0, line.status(), line.err());
    assertTrue(Files.size(dir.resolve("grid.png")) > 10_000);
  }

  @Test
  void tooManyDimensionsSayWhatToSelectOrReduce() {
    Path file = nc(dir.resolve("grid.nc"));
    CliRun r = CliRun.of("plot", file.toString(), "--kind", "line", "-x", "t", "-y", "v", "--hue", "i");
    assertEquals(2, r.status());
    assertEquals("sweep plot: line plot of 'v': it has the dimensions [i, j, t] and a line plot shows x, hue, col and"
        + " row; select a label of [j] or reduce over it first, e.g. ds.sel(Map.of(\"j\", 0.5)) or ds.mean(\"j\");"
        + " here: --sel DIM=LABEL or --mean DIM\n", r.err());
    CliRun reduced = CliRun.of("plot", file.toString(), "--kind", "line", "-x", "t", "-y", "v", "--hue", "i", "--mean", "j",
        "-o", dir.resolve("mean.png").toString());
    assertEquals(0, reduced.status(), reduced.err());
  }

  @Test
  void badSelectionsNameTheDimensionAndItsLabels() {
    Path file = nc(dir.resolve("grid.nc"));
    CliRun nodim = CliRun.of("plot", file.toString(), "-x", "t", "-y", "v", "--sel", "k=1");
    assertEquals(2, nodim.status());
    assertEquals("sweep plot: --sel k=1: no dimension 'k'; the dimensions are [i, j, t]\n", nodim.err());
    CliRun badLabel = CliRun.of("plot", file.toString(), "-x", "t", "-y", "v", "--sel", "i=one");
    assertEquals(2, badLabel.status());
    assertTrue(badLabel.err().startsWith("sweep plot: --sel i=one: 'one' is not a label of 'i', whose labels are "),
        badLabel.err());
    CliRun noEq = CliRun.of("plot", file.toString(), "-x", "t", "-y", "v", "--sel", "i");
    assertEquals("sweep plot: --sel 'i': expected DIM=LABEL, e.g. --sel i=5\n", noEq.err());
    CliRun kind = CliRun.of("plot", file.toString(), "-x", "t", "-y", "v", "--kind", "pie");
    assertEquals(2, kind.status());
    assertEquals("sweep plot: no plot kind 'pie'; the kinds are line, heatmap, scatter, hist\n", kind.err());
    CliRun format = CliRun.of("plot", file.toString(), "-x", "t", "-y", "v", "--sel", "j=0.5", "--hue", "i", "-o",
        dir.resolve("out.gif").toString());
    assertEquals(2, format.status());
    assertTrue(format.err().endsWith("name it *.png or *.svg\n"), format.err());
  }

  @Test
  void plotIsThePlugInOfThisModule() {
    List<String> names = java.util.ServiceLoader.load(dev.sweep.cli.spi.Subcommand.class).stream()
        .map(p -> p.get().name()).toList();
    assertEquals(List.of("plot"), names);
    CliRun help = CliRun.of("--help");
    assertTrue(help.out().matches("(?s).*\\n\\s+plot\\s+Plot a NetCDF dataset or a CSV table.*"), help.out());
  }
}
