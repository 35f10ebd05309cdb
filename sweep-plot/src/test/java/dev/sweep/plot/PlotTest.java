package dev.sweep.plot;

import static org.junit.jupiter.api.Assertions.*;

import dev.sweep.data.Dataset;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.imageio.ImageIO;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItem;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.data.statistics.HistogramDataset;
import org.jfree.data.xy.XYZDataset;
import org.jfree.data.xy.YIntervalSeriesCollection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.Table;

class PlotTest {
  @TempDir Path dir;

  // ---- line

  @Test
  void lineDrawsOneLinePerHueLabelInOnePanelPerColLabel() throws IOException {
    Plot plot = Plot.line(Fixtures.harvest(), "y").x("a").hue("b").col("c").build();
    Figure f = plot.figure();
    assertEquals(1, f.rows());
    assertEquals(2, f.cols());
    assertEquals(2, f.panels().size());
    for (JFreeChart panel : f.panels()) {
      XYPlot p = panel.getXYPlot();
      assertEquals(3, p.getDataset().getSeriesCount());
      assertEquals(List.of(1, 2, 3), List.of(p.getDataset().getSeriesKey(0), p.getDataset().getSeriesKey(1),
          p.getDataset().getSeriesKey(2)).stream().map(k -> Integer.parseInt(k.toString())).toList());
      assertEquals(10, p.getDataset().getItemCount(0));
    }
    assertEquals("c = true", f.panels().get(0).getTitle().getText());
    assertEquals("c = false", f.panels().get(1).getTitle().getText());
    assertEquals("energy [J]", f.panels().get(0).getXYPlot().getRangeAxis().getLabel(), "long_name [units]");
    assertNull(f.panels().get(1).getXYPlot().getRangeAxis().getLabel(), "only the left column labels y");
    assertEquals("a", f.panels().get(1).getXYPlot().getDomainAxis().getLabel());
    assertEquals(1, f.legend().size());
    assertEquals("b", f.legend().get(0).title());
    assertEquals(List.of("1", "2", "3"), labels(f.legend().get(0).items()));
    assertNull(f.colourBar());
    assertEquals(f.panels().get(0).getXYPlot().getRangeAxis().getRange(),
        f.panels().get(1).getXYPlot().getRangeAxis().getRange(), "facets share their axes");
    assertLooksDrawn(plot, dir.resolve("line.png"));
  }

  @Test
  void lineKeepsGapsWhereCellsAreMissing() {
    Figure f = Plot.line(Fixtures.harvest(), "y").x("a").hue("b").col("c").build().figure();
    var b3 = f.panels().get(0).getXYPlot().getDataset();
    assertEquals(10, b3.getItemCount(2));
    assertTrue(Double.isNaN(b3.getYValue(2, 7)), "b = 3 was never run for a >= 5");
    assertFalse(Double.isNaN(b3.getYValue(2, 4)));
  }

  @Test
  void lineDrawsAnErrorBandFromASecondVariable() {
    Figure f = Plot.line(Fixtures.harvest().sel(Map.of("c", true)), "y").x("a").hue("b").error("s").build().figure();
    assertEquals(1, f.panels().size());
    YIntervalSeriesCollection band = (YIntervalSeriesCollection) f.panels().get(0).getXYPlot().getDataset();
    assertEquals(3, band.getSeriesCount());
    assertEquals(5, band.getItemCount(2), "missing cells are left out of a band");
    double y = band.getYValue(0, 3);
    assertEquals(y - 0.3, band.getStartYValue(0, 3), 1e-12);
    assertEquals(y + 0.3, band.getEndYValue(0, 3), 1e-12);
  }

  @Test
  void lineOfATableJoinsEachGroupsPointsInXOrder() {
    Table t = Fixtures.samples(300);
    Figure f = Plot.line(t, "out").x("x").hue("fn").build().figure();
    var data = f.panels().get(0).getXYPlot().getDataset();
    assertEquals(3, data.getSeriesCount());
    assertEquals(List.of("cos", "sin", "tan"), labels(f.legend().get(0).items()));
    int total = 0;
    for (int s = 0; s < 3; s++) {
      for (int i = 1; i < data.getItemCount(s); i++) assertTrue(data.getXValue(s, i - 1) <= data.getXValue(s, i));
      total += data.getItemCount(s);
    }
    assertEquals(300, total);
  }

  @Test
  void lineWithManyNumericHueLabelsColoursByValueWithAColourBar() {
    Figure f = Plot.line(hundredLines(false), "y").x("t").hue("line").build().figure();
    assertEquals(100, f.panels().get(0).getXYPlot().getDataset().getSeriesCount());
    assertTrue(f.legend().isEmpty());
    assertEquals("line", f.colourBar().getAxis().getLabel());
    assertEquals(0, f.colourBar().getScale().getLowerBound());
    assertEquals(99, f.colourBar().getScale().getUpperBound());
    var renderer = f.panels().get(0).getXYPlot().getRenderer();
    assertEquals(Palette.viridis(0), renderer.getSeriesPaint(0));
    assertEquals(Palette.viridis(1), renderer.getSeriesPaint(99));
  }

  @Test
  void lineWithManyHueLabelsCapsItsLegend() {
    Figure f = Plot.line(hundredLines(true), "y").x("t").hue("line").build().figure();
    assertEquals(100, f.panels().get(0).getXYPlot().getDataset().getSeriesCount());
    List<LegendItem> items = f.legend().get(0).items();
    assertEquals(20, items.size());
    assertEquals("l0", items.get(0).getLabel());
    assertEquals("... 81 more", items.get(19).getLabel());
    assertNull(f.colourBar());
  }

  private static Dataset hundredLines(boolean named) {
    double[][] y = new double[100][20];
    String[] names = new String[100];
    for (int i = 0; i < 100; i++) {
      names[i] = "l" + i;
      for (int j = 0; j < 20; j++) y[i][j] = Math.sin(j / 3.0 + i / 10.0);
    }
    return Dataset.builder()
        .coord("line", named ? dev.sweep.data.Index.ofStrings(names) : dev.sweep.data.Index.range(100))
        .coord("t", dev.sweep.data.Index.range(20))
        .variable("y", List.of("line", "t"), org.nd4j.linalg.factory.Nd4j.createFromArray(y)).build();
  }

  // ---- heatmap

  @Test
  void heatmapFindsItsVerticalDimensionAndSharesOneColourBar() throws IOException {
    Plot plot = Plot.heatmap(Fixtures.structured(), "C").x("t").col("k").build();
    Figure f = plot.figure();
    assertEquals(2, f.panels().size());
    XYPlot p = f.panels().get(0).getXYPlot();
    assertEquals("t", p.getDomainAxis().getLabel());
    assertEquals("x", p.getRangeAxis().getLabel());
    XYZDataset cells = (XYZDataset) p.getDataset();
    assertEquals(3 * 11, cells.getItemCount(0));
    assertNotNull(f.colourBar());
    assertEquals("C [m]", f.colourBar().getAxis().getLabel());
    assertEquals(0.05 * 10 * Math.cos(1), f.colourBar().getScale().getLowerBound(), 1e-12);
    assertEquals(0.06 * 30, f.colourBar().getScale().getUpperBound(), 1e-12);
    assertEquals(Palette.MISSING, f.colourBar().getScale().getPaint(Double.NaN));
    assertTrue(f.legend().isEmpty());
    BufferedImage img = assertLooksDrawn(plot, dir.resolve("heat.png"));
    assertTrue(colours(img).contains(Palette.MISSING.getRGB() & 0xFFFFFF), "the missing cell is grey");
  }

  @Test
  void heatmapOfStringLabelsUsesOneTickPerLabel() {
    Table t = Table.create("t", tech.tablesaw.api.StringColumn.create("fn", "cos", "sin", "cos", "sin"),
        tech.tablesaw.api.IntColumn.create("amp", 1, 1, 2, 2), tech.tablesaw.api.DoubleColumn.create("v", 1, 2, 3, 4));
    Figure f = Plot.heatmap(t, "v").x("fn").ydim("amp").build().figure();
    XYPlot p = f.panels().get(0).getXYPlot();
    assertEquals(List.of("cos", "sin"), List.of(((SymbolAxis) p.getDomainAxis()).getSymbols()));
    assertEquals(4, p.getDataset().getItemCount(0));
  }

  // ---- scatter

  @Test
  void scatterColoursByCategoryAndSizesByNumber() throws IOException {
    Plot plot = Plot.scatter(Fixtures.samples(1000)).x("x").y("out").hue("fn").size("amp").build();
    Figure f = plot.figure();
    XYPlot p = f.panels().get(0).getXYPlot();
    assertEquals(3, p.getDataset().getSeriesCount());
    int points = 0;
    for (int s = 0; s < 3; s++) points += p.getDataset().getItemCount(s);
    assertEquals(1000, points);
    assertEquals(2, f.legend().size());
    assertEquals("fn", f.legend().get(0).title());
    assertEquals(List.of("cos", "sin", "tan"), labels(f.legend().get(0).items()));
    assertEquals("amp", f.legend().get(1).title());
    assertEquals(List.of("1", "2", "3"), labels(f.legend().get(1).items()));
    double small = f.legend().get(1).items().get(0).getShape().getBounds2D().getWidth();
    double large = f.legend().get(1).items().get(2).getShape().getBounds2D().getWidth();
    assertTrue(large > small, small + " < " + large);
    assertNull(f.colourBar());
    assertEquals(Palette.CATEGORICAL[1].getRGB() & 0xFFFFFF, ((Color) f.legend().get(0).items().get(1).getFillPaint()).getRGB() & 0xFFFFFF,
        "Okabe-Ito colours");
    assertLooksDrawn(plot, dir.resolve("scatter.png"));
  }

  /** What sweep-io's hand-drawn scatter plot promised: the default size, one colour per hue and no other. */
  @Test
  void scatterOfASamplersTableShowsOneColourPerHue() throws IOException {
    Plot plot = Plot.scatter(Fixtures.samples(4000)).x("x").y("out").hue("fn").build();
    assertEquals(List.of(800, 560), List.of(plot.width(), plot.height()));
    Set<Integer> seen = colours(assertLooksDrawn(plot, dir.resolve("trig.png")));
    for (int k = 0; k < 3; k++) {
      assertTrue(seen.contains(Palette.CATEGORICAL[k].getRGB() & 0xFFFFFF), "the legend shows hue colour " + k);
    }
    assertFalse(seen.contains(Palette.CATEGORICAL[3].getRGB() & 0xFFFFFF), "three values of fn, three colours");
  }

  @Test
  void aStringColumnOnAnAxisIsCategorical() {
    XYPlot p = Plot.scatter(Fixtures.samples(50)).x("fn").y("out").hue("amp").build().figure().panels().get(0).getXYPlot();
    assertEquals(List.of("cos", "sin", "tan"), new java.util.TreeSet<>(List.of(((SymbolAxis) p.getDomainAxis()).getSymbols()))
        .stream().toList());
  }

  @Test
  void scatterWithANumericHueHasAColourBar() {
    Figure f = Plot.scatter(Fixtures.samples(200)).x("x").y("out").hue("out").build().figure();
    assertEquals(1, f.panels().get(0).getXYPlot().getDataset().getSeriesCount());
    assertTrue(f.legend().isEmpty());
    assertEquals("out", f.colourBar().getAxis().getLabel());
  }

  @Test
  void scatterOfADatasetHasAPointPerCellAndFacets() {
    Figure f = Plot.scatter(Fixtures.harvest()).x("s").y("y").hue("b").row("c").build().figure();
    assertEquals(2, f.rows());
    assertEquals(1, f.cols());
    int points = 0;
    for (int s = 0; s < 3; s++) points += f.panels().get(0).getXYPlot().getDataset().getItemCount(s);
    assertEquals(10 * 3 - 5, points, "a point per cell of c = true, missing cells left out");
  }

  // ---- hist

  @Test
  void histCountsEveryFiniteValueOncePerHueLabel() throws IOException {
    Table t = Fixtures.samples(600);
    Plot plot = Plot.hist(t, "out").hue("fn").bins(25).build();
    Figure f = plot.figure();
    HistogramDataset h = (HistogramDataset) f.panels().get(0).getXYPlot().getDataset();
    assertEquals(3, h.getSeriesCount());
    double total = 0;
    for (int s = 0; s < 3; s++) {
      assertEquals(25, h.getItemCount(s));
      for (int i = 0; i < 25; i++) total += h.getYValue(s, i);
    }
    assertEquals(600, total);
    assertEquals(List.of("cos", "sin", "tan"), labels(f.legend().get(0).items()));
    assertEquals("count", f.panels().get(0).getXYPlot().getRangeAxis().getLabel());
    assertEquals(0, f.panels().get(0).getXYPlot().getRangeAxis().getLowerBound());
    assertLooksDrawn(plot, dir.resolve("hist.png"));
  }

  @Test
  void histOfADatasetCountsAllCells() {
    Figure f = Plot.hist(Fixtures.harvest(), "y").build().figure();
    HistogramDataset h = (HistogramDataset) f.panels().get(0).getXYPlot().getDataset();
    double total = 0;
    for (int i = 0; i < h.getItemCount(0); i++) total += h.getYValue(0, i);
    assertEquals(60 - 10, total, "60 cells, 10 of them missing");
    assertTrue(f.legend().isEmpty());
  }

  @Test
  void freedmanDiaconisBinsStayWithinTenToAHundred() {
    assertEquals(10, Figures.bins(new double[] {1, 2, 3}, new double[] {1, 3}));
    double[] many = new java.util.Random(1).doubles(100_000).toArray();
    assertEquals(47, Figures.bins(many, new double[] {0, 1}), "(1 - 0) / (2 * 0.5 / cbrt(1e5)) = 46.4");
    assertEquals(100, Figures.bins(new java.util.Random(1).doubles(10_000_000).toArray(), new double[] {0, 1}));
  }

  // ---- files

  @Test
  void writesSvgByItsExtension() throws IOException {
    Path svg = Plot.line(Fixtures.harvest(), "y").x("a").hue("b").col("c").build().write(dir.resolve("sub/line.svg"));
    String text = Files.readString(svg);
    assertTrue(text.startsWith("<?xml"), text.substring(0, 40));
    assertTrue(text.contains("<svg") && text.contains("width='920.0' height='420.0'"), text.substring(0, 300));
    assertTrue(text.contains(">c = true</text>"), "text stays text in SVG");
  }

  @Test
  void aTitleGoesAboveThePanels() throws IOException {
    Plot plot = Plot.line(Fixtures.harvest(), "y").x("a").hue("b").col("c").title("energy by a").build();
    assertEquals("energy by a", plot.figure().title());
    assertLooksDrawn(plot, dir.resolve("titled.png"));
    assertTrue(plot.toSvg().contains(">energy by a</text>"));
  }

  @Test
  void everyKindWritesSvg() throws IOException {
    List<Plot> plots = List.of(Plot.heatmap(Fixtures.structured(), "C").x("t").col("k").build(),
        Plot.scatter(Fixtures.samples(100)).x("x").y("out").hue("amp").build(),
        Plot.hist(Fixtures.samples(100), "out").hue("fn").build());
    for (Plot p : plots) {
      String svg = Files.readString(p.write(dir.resolve(p.kind().word() + ".svg")));
      assertTrue(svg.contains("<svg") && svg.endsWith("</svg>\n") || svg.trim().endsWith("</svg>"), p.toString());
    }
  }

  @Test
  void rejectsAnUnknownImageFormatAndLeavesNoFile() {
    Plot plot = Plot.hist(Fixtures.samples(10), "out").build();
    var e = assertThrows(IllegalArgumentException.class, () -> plot.write(dir.resolve("out.jpg")));
    assertEquals("cannot tell the image format of '" + dir.resolve("out.jpg") + "'; name it *.png or *.svg", e.getMessage());
    assertFalse(Files.exists(dir.resolve("out.jpg")));
  }

  @Test
  void aFileThatCannotBeWrittenIsAnUncheckedIoError() throws IOException {
    Path blocker = Files.writeString(dir.resolve("file"), "x");
    Plot plot = Plot.hist(Fixtures.samples(10), "out").build();
    var e = assertThrows(UncheckedIOException.class, () -> plot.writePng(blocker.resolve("out.png")));
    assertTrue(e.getMessage().startsWith("cannot write " + blocker.resolve("out.png")), e.getMessage());
    assertEquals("x", Files.readString(blocker));
  }

  @Test
  void defaultSizesGrowWithFacets() {
    assertEquals(List.of(800, 560), size(Plot.line(Fixtures.harvest().sel(Map.of("c", true, "b", 1)), "y").x("a").build()));
    assertEquals(List.of(920, 420), size(Plot.line(Fixtures.harvest(), "y").x("a").hue("b").col("c").build()));
    assertEquals(List.of(800, 700), size(Plot.scatter(Fixtures.harvest()).x("s").y("y").row("c").build()));
    assertEquals(List.of(300, 200), size(Plot.hist(Fixtures.samples(10), "out").width(300).height(200).build()));
  }

  private static List<Integer> size(Plot p) {
    BufferedImage img = p.toImage();
    assertEquals(p.width(), img.getWidth());
    assertEquals(p.height(), img.getHeight());
    return List.of(p.width(), p.height());
  }

  // ---- helpers

  static List<String> labels(List<LegendItem> items) {
    List<String> out = new ArrayList<>();
    for (LegendItem i : items) out.add(i.getLabel());
    return out;
  }

  /** Writes the PNG, reads it back and checks that it is the plot's size and far from blank. */
  static BufferedImage assertLooksDrawn(Plot plot, Path png) throws IOException {
    plot.write(png);
    byte[] head = java.util.Arrays.copyOf(Files.readAllBytes(png), 8);
    assertArrayEquals(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'}, head);
    BufferedImage img = ImageIO.read(png.toFile());
    assertEquals(plot.width(), img.getWidth());
    assertEquals(plot.height(), img.getHeight());
    long inked = 0;
    for (int y = 0; y < img.getHeight(); y++) {
      for (int x = 0; x < img.getWidth(); x++) if ((img.getRGB(x, y) & 0xFFFFFF) != 0xFFFFFF) inked++;
    }
    double share = inked / (double) (img.getWidth() * img.getHeight());
    assertTrue(share > 0.03, "only " + share + " of the pixels are not white");
    assertTrue(colours(img).size() > 20, "a few colours only: " + colours(img).size());
    return img;
  }

  static Set<Integer> colours(BufferedImage img) {
    Set<Integer> c = new HashSet<>();
    for (int y = 0; y < img.getHeight(); y += 2) for (int x = 0; x < img.getWidth(); x += 2) c.add(img.getRGB(x, y) & 0xFFFFFF);
    return c;
  }
}
