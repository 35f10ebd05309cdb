package dev.sweep.plot;

import static org.junit.jupiter.api.Assertions.*;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

class PlotErrorsTest {
  private static String message(Executable e) {
    return assertThrows(IllegalArgumentException.class, e).getMessage();
  }

  @Test
  void anUnknownVariableListsWhatExists() {
    assertEquals("y: no variable 'energy'; the variables are [y, s], the dimensions [a, b, c]",
        message(() -> Plot.line(Fixtures.harvest(), "energy").x("a").build()));
    assertEquals("y: no variable 'a' ('a' is a dimension); the variables are [y, s], the dimensions [a, b, c]",
        message(() -> Plot.hist(Fixtures.harvest(), "a").build()));
    assertEquals("error: no variable 'sd'; the variables are [y, s], the dimensions [a, b, c]",
        message(() -> Plot.line(Fixtures.harvest(), "y").x("a").hue("b").col("c").error("sd").build()));
  }

  @Test
  void aComplexVariableSaysWhichRealPartToPlot() {
    dev.sweep.data.Dataset ds = dev.sweep.data.Dataset.builder()
        .coord("a", dev.sweep.data.Index.ofInts(1, 2))
        .variable(dev.sweep.data.Variable.ofComplex("z", java.util.List.of("a"), new long[] {2},
            new org.apache.commons.math3.complex.Complex(1, 2), new org.apache.commons.math3.complex.Complex(3, -1)))
        .build();
    assertEquals("y: variable 'z' is complex128; plot its real(), imag() or abs() (Variable.real() etc., or "
        + "ds.with(...))", message(() -> Plot.line(ds, "z").x("a").build()));
  }

  @Test
  void anUnknownDimensionListsWhatExists() {
    assertEquals("hue: no variable or dimension 'd'; the variables are [y, s], the dimensions [a, b, c]",
        message(() -> Plot.line(Fixtures.harvest(), "y").x("a").hue("d").build()));
    assertEquals("hue: 's' is not a dimension of 'y'; its dimensions are [a, b, c]",
        message(() -> Plot.line(Fixtures.harvest(), "y").x("a").hue("s").build()));
  }

  @Test
  void anUnknownColumnListsTheColumns() {
    assertEquals("hue: no column 'kind' in the table; its columns are [amp, fn, x, out]",
        message(() -> Plot.scatter(Fixtures.samples(5)).x("x").y("out").hue("kind").build()));
    assertEquals("y: column 'fn' holds STRING; a hist plot's y needs numbers",
        message(() -> Plot.hist(Fixtures.samples(5), "fn").build()));
  }

  @Test
  void aLinePlotNamesTheDimensionsToSelectOrReduce() {
    assertEquals("line plot of 'y': it has the dimensions [a, b, c] and a line plot shows x, hue, col and row;"
        + " select a label of [c] or reduce over it first, e.g. ds.sel(Map.of(\"c\", true)) or ds.mean(\"c\")",
        message(() -> Plot.line(Fixtures.harvest(), "y").x("a").hue("b").build()));
    assertEquals("line plot of 'y': it has the dimensions [a, b, c] and a line plot shows x, hue, col and row;"
        + " select a label of each of [b, c] or reduce over them first, e.g. ds.sel(Map.of(\"b\", 1)) or"
        + " ds.mean(\"b\"), or map one to hue",
        message(() -> Plot.line(Fixtures.harvest(), "y").x("a").build()));
  }

  @Test
  void aHeatmapNamesTheDimensionsToSelectOrReduce() {
    assertEquals("heatmap plot of 'C': it has the dimensions [k, x, t] and a heatmap shows x, ydim, col and row;"
        + " select a label of each of [k, x] or reduce over them first, e.g. ds.sel(Map.of(\"k\", 0.05)) or"
        + " ds.mean(\"k\")",
        message(() -> Plot.heatmap(Fixtures.structured(), "C").x("t").build()));
    assertEquals("heatmap plot of 'C': it has the dimensions [k, x, t] and a heatmap shows x, ydim, col and row;"
        + " select a label of [k] or reduce over it first, e.g. ds.sel(Map.of(\"k\", 0.05)) or ds.mean(\"k\")",
        message(() -> Plot.heatmap(Fixtures.structured(), "C").x("t").ydim("x").build()));
    assertEquals("heatmap of 'C': it has the dimensions [t], and a heatmap needs a second one besides x ('t'),"
        + " col and row; draw a line plot instead",
        message(() -> Plot.heatmap(Fixtures.structured().sel(Map.of("k", 0.05, "x", 10)), "C").x("t").build()));
    assertEquals("ydim: 'b' is not a dimension of 'C'; its dimensions are [k, x, t]",
        message(() -> Plot.heatmap(Fixtures.harvest().merge(Fixtures.structured()), "C").x("t").ydim("b").build()));
  }

  @Test
  void aHeatmapOfATableNeedsItsVerticalColumnAndOneRowPerCell() {
    assertEquals("a heatmap of a table needs ydim: the column that places each row on the vertical axis (x places"
        + " it on the horizontal one); the columns are [amp, fn, x, out]",
        message(() -> Plot.heatmap(Fixtures.samples(5), "out").x("fn").build()));
    String twice = message(() -> Plot.heatmap(Fixtures.samples(50), "out").x("fn").ydim("amp").build());
    assertTrue(twice.startsWith("heatmap of column 'out' over [amp, fn]: "), twice);
  }

  @Test
  void valuesMustBeNumbers() {
    var strings = Fixtures.harvest().with("label", ds -> dev.sweep.data.Variable.ofStrings("label", java.util.List.of("a"),
        new long[] {10}, "0", "1", "2", "3", "4", "5", "6", "7", "8", "9"));
    assertEquals("y: variable 'label' holds strings; a line plot's y needs numbers",
        message(() -> Plot.line(strings, "label").x("a").build()));
  }

  @Test
  void eachRoleNeedsItsOwnName() {
    assertEquals("'b' is both hue and col; give each role its own dimension or variable",
        message(() -> Plot.line(Fixtures.harvest(), "y").x("a").hue("b").col("b").build()));
    // a scatter plot may colour by what places its points
    Plot.scatter(Fixtures.samples(5)).x("x").y("out").hue("out").build();
  }

  @Test
  void eachKindNeedsItsAxes() {
    assertEquals("a line plot needs x: the dimension along the horizontal axis",
        message(() -> Plot.line(Fixtures.harvest(), "y").build()));
    assertEquals("a scatter plot needs y: the variable along the vertical axis",
        message(() -> Plot.scatter(Fixtures.samples(5)).x("x").build()));
  }

  @Test
  void settersCheckAtOnce() {
    Plot.Builder b = Plot.line(Fixtures.harvest(), "y");
    assertEquals("y was already set to 'y'", message(() -> b.y("s")));
    assertEquals("x is blank; expected a name", message(() -> b.x(" ")));
    assertThrows(NullPointerException.class, () -> b.hue(null));
    assertEquals("size is for scatter plots, not for a line plot", message(() -> b.size("s")));
    assertEquals("bins is for hist plots, not for a line plot", message(() -> b.bins(10)));
    assertEquals("width is 50 pixels; expected 200 to 10000", message(() -> b.width(50)));
    assertEquals("x is for line, heatmap, scatter plots, not for a hist plot",
        message(() -> Plot.hist(Fixtures.samples(5), "out").x("x")));
    assertEquals("bins is 0; expected 1 to 1000", message(() -> Plot.hist(Fixtures.samples(5), "out").bins(0)));
    assertEquals("no plot kind 'pie'; the kinds are line, heatmap, scatter, hist", message(() -> Plot.Kind.of("pie")));
    assertEquals(Plot.Kind.HEATMAP, Plot.Kind.of("HeatMap"));
  }
}
