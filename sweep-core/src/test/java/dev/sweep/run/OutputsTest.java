package dev.sweep.run;

import static org.junit.jupiter.api.Assertions.*;

import dev.sweep.data.DType;
import dev.sweep.data.Dataset;
import dev.sweep.data.Index;
import dev.sweep.space.Cases;
import dev.sweep.space.Combos;
import dev.sweep.space.Space;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.factory.Nd4j;

class OutputsTest {
  static final Engine.Outcome NO_FAILURES = new Engine.Outcome(new Failures(0, 0, List.of()), new long[0]);

  static Runner named(String... vars) {
    return Runner.builder(a -> null).vars(vars).build();
  }

  static Space ab() {
    return Space.of(Combos.builder().add("a", 1, 2).add("b", "x", "y", "z").build());
  }

  /** Feeds every run of the space in reverse order, as parallel workers may. */
  static Outputs fed(Runner runner, Space space, java.util.function.LongFunction<Object> result) {
    Outputs out = Outputs.grid(runner, space);
    for (long r = space.size() - 1; r >= 0; r--) out.accept(r, space.cellOf(r), result.apply(r));
    return out;
  }

  @Test
  void resultsLandInTheirCellsWhateverTheOrder() {
    Dataset ds = fed(named("y"), ab(), r -> (int) r * 10).finish(NO_FAILURES);
    assertEquals(DType.INT, ds.variable("y").type(), "the first result fixes the type");
    assertEquals(50, ds.value("y", Map.of("a", 2, "b", "z")));
    assertEquals(10, ds.value("y", Map.of("a", 1, "b", "y")));
  }

  @Test
  void aDeclaredTypeWinsOverTheFirstResult() {
    Runner r = Runner.builder(a -> null).vars("y").type("y", DType.DOUBLE).build();
    Dataset ds = fed(r, ab(), run -> (int) run).finish(NO_FAILURES);
    assertEquals(DType.DOUBLE, ds.variable("y").type());
  }

  @Test
  void failedAndUnreachedCellsAreMissingAndIntsBecomeFloat() {
    Space s = Space.of(Cases.of(List.of("a"), List.of(3), List.of(1)), Combos.builder().add("b", "x", "y").build());
    Outputs out = Outputs.grid(named("y"), s);
    for (long r = 0; r < s.size(); r++) if (r != 1) out.accept(r, s.cellOf(r), 7);
    Dataset ds = out.finish(new Engine.Outcome(new Failures(4, 1, List.of()), new long[] {1}));
    assertEquals(DType.DOUBLE, ds.variable("y").type());
    assertEquals(Index.ofInts(1, 3), ds.coord("a"));
    assertEquals(7.0, ds.doubleValue("y", Map.of("a", 3, "b", "x")));
    assertTrue(Double.isNaN(ds.doubleValue("y", Map.of("a", 3, "b", "y"))), "run 1 failed");
  }

  @Test
  void aRangeWritesByPositionInTheRange() {
    Space s = ab();
    Outputs out = Outputs.range(named("y", "s"), s, 2, 5);
    for (long r = 4; r >= 2; r--) out.accept(r, s.cellOf(r), new Object[] {r * 0.5, "run" + r});
    RunBatch b = out.batch(2, 5, new Engine.Outcome(new Failures(3, 0, List.of()), new long[0]));
    assertArrayEquals(new double[] {1.0, 1.5, 2.0}, (double[]) b.outputs().get(0).values());
    assertArrayEquals(new String[] {"run2", "run3", "run4"}, (String[]) b.outputs().get(1).values());
  }

  @Test
  void innerDimensionsTakeTheirLabelsFromCoordsAndConstants() {
    Runner r = Runner.builder(a -> null).vars("v").dims("v", "x", "t").coords("x", "lo", "hi")
        .constant("t", new double[] {0, 1, 2}).build();
    Dataset ds = fed(r, ab(), run -> new double[][] {{run, run, run}, {-run, -run, -run}}).finish(NO_FAILURES);
    assertEquals(List.of("a", "b", "x", "t"), ds.variable("v").dims());
    assertEquals(Index.ofStrings("lo", "hi"), ds.coord("x"));
    assertEquals(Index.ofDoubles(0, 1, 2), ds.coord("t"));
    assertFalse(ds.attrs().containsKey("t"), "a constant that labels a dimension is not an attribute");
  }

  @Test
  void returnedDatasetsAreStackedWithTheirAttributes() {
    Runner r = Runner.builder(a -> null).build();
    Dataset ds = fed(r, ab(), run -> Dataset.builder().coord("k", Index.ofInts(5, 6))
        .variable("v", List.of("k"), Nd4j.createFromArray((double) run, run + 1.0)).attr("units", "m").build())
        .finish(NO_FAILURES);
    assertEquals(List.of("a", "b", "k"), ds.variable("v").dims());
    assertEquals("m", ds.attrs().get("units"));
    assertEquals(6.0, ds.doubleValue("v", Map.of("a", 2, "b", "z", "k", 6)));
  }

  @Test
  void constantsAndAttributesFollowTheDatasetsRule() {
    Runner r = Runner.builder(a -> null).vars("y").constant("flags", new boolean[] {true, false})
        .constant("mode", OnError.STOP).attr("weights", List.of(1, 2.5)).attr("bytes", new byte[] {1, 2}).build();
    Dataset ds = fed(r, ab(), run -> 1.0).finish(NO_FAILURES);
    assertArrayEquals(new boolean[] {true, false}, (boolean[]) ds.attrs().get("flags"));
    assertEquals("STOP", ds.attrs().get("mode"));
    assertArrayEquals(new double[] {1, 2.5}, (double[]) ds.attrs().get("weights"));
    assertArrayEquals(new byte[] {1, 2}, (byte[]) ds.attrs().get("bytes"));
    var e = assertThrows(IllegalArgumentException.class, () -> Runner.builder(a -> 1).vars("y")
        .attr("mixed", new java.util.ArrayList<>(List.of(1, "a"))));
    assertEquals("attribute 'mixed' is a java.util.ArrayList, which a dataset cannot store; pass it "
        + "as a resource (never stored), or as a number, string, boolean, or an array or list of those", e.getMessage());
    assertTrue(e.getCause().getMessage().startsWith("attribute 'mixed' has the value [1, a]"), e.getCause().getMessage());
  }

  @Test
  void aResultOfTheWrongShapeIsRefusedNamingTheOutput() {
    Outputs out = Outputs.grid(named("y", "z"), ab());
    var count = assertThrows(IllegalArgumentException.class, () -> out.accept(0, 0, new Object[] {1.0}));
    assertEquals("the runner has 2 outputs [y, z] but the run returned 1 values: Object[] of length 1", count.getMessage());
    Runner inner = Runner.builder(a -> null).vars("v").dims("v", "x").build();
    Outputs vs = Outputs.grid(inner, ab());
    vs.accept(0, 0, new double[] {1, 2});
    var size = assertThrows(IllegalArgumentException.class, () -> vs.accept(1, 1, new double[] {1, 2, 3}));
    assertEquals("output 'v' should have 2 values per run (inner dimensions [x]), got 3", size.getMessage());
  }

  @Test
  void noSuccessfulRunLeavesADatasetWithoutVariables() {
    Runner r = Runner.builder(a -> null).vars("y").attr("note", "kept").build();
    Dataset ds = Outputs.grid(r, ab()).finish(new Engine.Outcome(new Failures(6, 6, List.of()), new long[] {0, 1, 2, 3, 4, 5}));
    assertEquals(Map.of(), ds.variables());
    assertEquals(List.of("a", "b"), ds.dims());
    assertEquals("kept", ds.attrs().get("note"));
  }
}
