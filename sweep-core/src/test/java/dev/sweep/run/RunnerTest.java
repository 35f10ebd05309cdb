package dev.sweep.run;

import static dev.sweep.testing.DatasetAssertions.assertIdentical;
import static org.junit.jupiter.api.Assertions.*;

import dev.sweep.data.DType;
import dev.sweep.data.Dataset;
import dev.sweep.data.Index;
import dev.sweep.space.Cases;
import dev.sweep.space.Combos;
import dev.sweep.space.Values;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.factory.Nd4j;

class RunnerTest {
  static final RunOptions QUIET = RunOptions.builder().verbosity(0).build();

  static Object[] foo(int a, String b, boolean c) {
    return new Object[] {a + "-" + b + "-" + c, Math.sin(a)};
  }

  static Combos fooCombos() {
    return Combos.builder().add("a", 1, 2, 3).add("b", "x", "y", "z").add("c", true, false).build();
  }

  static Runner fooRunner(RunOptions o) {
    return Runner.builder(RunFunction.of(RunnerTest.class, "foo")).vars("a_out", "b_out").options(o).build();
  }

  @Test
  void labelsEveryCellOfTheTutorialGrid() {
    Dataset ds = fooRunner(QUIET).runCombos(fooCombos());
    assertEquals(Map.of("a", 3, "b", 3, "c", 2), ds.sizes());
    assertEquals(List.of("a", "b", "c"), ds.dims());
    assertEquals(DType.STRING, ds.variable("a_out").type());
    assertEquals(DType.DOUBLE, ds.variable("b_out").type());
    for (int a = 1; a <= 3; a++) {
      for (String b : List.of("x", "y", "z")) {
        for (boolean c : new boolean[] {true, false}) {
          Map<String, Object> at = Map.of("a", a, "b", b, "c", c);
          assertEquals(a + "-" + b + "-" + c, ds.value("a_out", at));
          assertEquals(Math.sin(a), ds.doubleValue("b_out", at));
        }
      }
    }
  }

  @Test
  void casesMixedWithCombosLeaveUnrunCellsMissing() {
    Cases cases = Cases.ofMaps(List.of(Map.of("a", 1, "c", true), Map.of("a", 2, "c", false), Map.of("a", 3, "c", true)));
    Dataset ds = fooRunner(QUIET).run(cases, Combos.builder().add("b", "x", "y", "z").build());
    assertEquals(List.of("a", "c", "b"), ds.dims());
    assertEquals(Index.ofBooleans(false, true), ds.coord("c"));
    assertTrue(Double.isNaN(ds.doubleValue("b_out", Map.of("a", 1, "c", false, "b", "x"))));
    assertNull(ds.value("a_out", Map.of("a", 1, "c", false, "b", "x")));
    assertEquals("2-y-false", ds.value("a_out", Map.of("a", 2, "c", false, "b", "y")));
    assertEquals(9, ds.missingCases().size());
  }

  @Test
  void runCasesGivesTheSmallestGrid() {
    Dataset ds = fooRunner(QUIET).runCases(Cases.of(List.of("a", "b", "c"), List.of(4, "z", false), List.of(5, "y", true)));
    assertEquals(Map.of("a", 2, "b", 2, "c", 2), ds.sizes());
    assertEquals(Index.ofStrings("y", "z"), ds.coord("b"));
    assertEquals(6, ds.missingCases().size());
  }

  static Object[] bar(int i, double j, double k, double[] t) {
    double[] b = {i, j, k};
    double[][] c = new double[3][t.length];
    for (int q = 0; q < 3; q++) for (int s = 0; s < t.length; s++) c[q][s] = q * t[s] + i;
    return new Object[] {i * j * k, b, c};
  }

  @Test
  void innerDimensionsTakeCoordsAndConstants() {
    Runner r = Runner.builder(RunFunction.of(RunnerTest.class, "bar")).vars("A", "B", "C").dims("B", "x")
        .dims("C", "x", "t").coords("x", 10, 20, 30).constant("t", Values.linspace(0, 1, 101)).options(QUIET).build();
    Dataset ds = r.runCombos(Combos.builder().add("i", 5, 6, 7).add("j", 0.5, 0.6, 0.7).add("k", 0.05, 0.06, 0.07).build());
    assertEquals(List.of("i", "j", "k", "x", "t"), ds.dims());
    assertArrayEquals(new long[] {3, 3, 3}, ds.variable("A").shape());
    assertArrayEquals(new long[] {3, 3, 3, 3}, ds.variable("B").shape());
    assertArrayEquals(new long[] {3, 3, 3, 3, 101}, ds.variable("C").shape());
    assertEquals(Index.ofInts(10, 20, 30), ds.coord("x"));
    assertEquals(Index.ofDoubles(Values.linspace(0, 1, 101)), ds.coord("t"));
    assertEquals(6 + 2 * 0.5, ds.doubleValue("C", Map.of("i", 6, "j", 0.6, "k", 0.07, "x", 30, "t", 0.5)), 1e-12);
    assertEquals(0.6, ds.doubleValue("B", Map.of("i", 6, "j", 0.6, "k", 0.07, "x", 20)));
    assertFalse(ds.attrs().containsKey("t"));
  }

  record Out(double sum, @Dims("x") double[] parts, String tag) {}

  @Test
  void recordComponentsBecomeVariables() {
    Runner r = Runner.builder(a -> new Out(a.getDouble("p") + 1, new double[] {1, 2}, "t" + a.getInt("p")))
        .options(QUIET).build();
    Dataset ds = r.runCombos(Combos.builder().add("p", 1, 2).build());
    assertEquals(List.of("sum", "parts", "tag"), List.copyOf(ds.variables().keySet()));
    assertEquals(List.of("p", "x"), ds.variable("parts").dims());
    assertEquals("t2", ds.value("tag", Map.of("p", 2)));
  }

  @Test
  void returnedDatasetsAreStacked() {
    Runner r = Runner.builder(a -> Dataset.builder().coord("x", Index.ofInts(1, 2))
        .variable("y", List.of("x"), Nd4j.createFromArray(a.getDouble("p"), 2 * a.getDouble("p")))
        .attr("source", "inner").build()).options(QUIET).build();
    Dataset ds = r.runCombos(Combos.builder().add("p", 1.0, 3.0).build());
    assertEquals(List.of("p", "x"), ds.variable("y").dims());
    assertEquals(6.0, ds.doubleValue("y", Map.of("p", 3.0, "x", 2)));
    assertEquals("inner", ds.attrs().get("source"));
  }

  @Test
  void integerOutputsWithGapsBecomeFloat() {
    Runner r = Runner.builder(a -> a.getInt("a") * 10).vars("y").options(QUIET).build();
    Dataset full = r.runCombos(Combos.builder().add("a", 1, 2).build());
    assertEquals(DType.INT, full.variable("y").type());
    Dataset gaps = r.run(Cases.of(List.of("a", "b"), List.of(1, "x"), List.of(2, "y")), Combos.empty());
    assertEquals(DType.DOUBLE, gaps.variable("y").type());
    assertTrue(Double.isNaN(gaps.doubleValue("y", Map.of("a", 1, "b", "y"))));
  }

  @Test
  void constantsAreAttributesAndResourcesAreNotStored() {
    Runner r = Runner.builder(a -> a.getDouble("x") * a.getDouble("scale") + a.get("cache", int[].class).length)
        .vars("y").constant("scale", 2.0).resource("cache", new int[3]).attr("note", "demo").options(QUIET).build();
    Dataset ds = r.runCombos(Combos.builder().add("x", 1, 2).build());
    assertEquals(2.0, ds.attrs().get("scale"));
    assertEquals("demo", ds.attrs().get("note"));
    assertFalse(ds.attrs().containsKey("cache"));
    assertEquals(7.0, ds.doubleValue("y", Map.of("x", 2)));
  }

  @Test
  void rejectsAConstantThatCannotBeStored() {
    var e = assertThrows(IllegalArgumentException.class,
        () -> Runner.builder(a -> 1).vars("y").constant("solver", new Object()).build());
    assertTrue(e.getMessage().startsWith("constant 'solver' is a java.lang.Object, which a dataset cannot store; "
        + "pass it as a resource"), e.getMessage());
  }

  @Test
  void rejectsAnAttributeThatCannotBeStoredAtOnce() {
    var e = assertThrows(IllegalArgumentException.class, () -> Runner.builder(a -> 1).vars("y").attr("when", new Object()));
    assertTrue(e.getMessage().startsWith("attribute 'when' is a java.lang.Object, which a dataset cannot store"),
        e.getMessage());
  }

  @Test
  void runPointsRejectsAnEmptyList() {
    Runner r = Runner.builder(a -> 1.0).vars("y").options(QUIET).build();
    var e = assertThrows(IllegalArgumentException.class, () -> r.runPoints(Cases.of(List.of("p"), List.of()), "sample"));
    assertEquals("no points to run along 'sample'; expected at least one", e.getMessage());
  }

  @Test
  void rejectsAWrongNumberOfOutputs() {
    Runner r = Runner.builder(a -> new Object[] {1.0}).vars("y", "z").options(QUIET).build();
    var e = assertThrows(RunFailedException.class, () -> r.runCombos(Combos.builder().add("a", 1).build()));
    assertEquals("the runner has 2 outputs [y, z] but the run returned 1 values: Object[] of length 1",
        e.getCause().getMessage());
    assertEquals(Map.of("a", 1), e.arguments());
  }

  @Test
  void rejectsAnOutputThatChangesType() {
    Runner r = Runner.builder(a -> a.getInt("a") == 1 ? (Object) 1 : (Object) 2.5).vars("y").options(QUIET).build();
    var e = assertThrows(RunFailedException.class, () -> r.runCombos(Combos.builder().add("a", 1, 2).build()));
    assertEquals("output 'y': cannot store 2.5 (Double) in a int32 variable; declare it float64 to keep fractions",
        e.getCause().getMessage());
    assertEquals(Map.of("a", 2), e.arguments());
    Runner declared = r.toBuilder().type("y", DType.DOUBLE).build();
    assertEquals(2.5, declared.runCombos(Combos.builder().add("a", 1, 2).build()).doubleValue("y", Map.of("a", 2)));
  }

  @Test
  void rejectsUnnamedScalarOutputs() {
    Runner r = Runner.builder(a -> 1.0).options(QUIET).build();
    var e = assertThrows(RunFailedException.class, () -> r.runCombos(Combos.builder().add("a", 1).build()));
    assertEquals("the run returned Double 1.0; name the outputs with Runner.builder(fn).vars(...), or return a "
        + "record, a map or a Dataset", e.getCause().getMessage());
  }

  @Test
  void rejectsDimsForAnUnknownOutput() {
    var e = assertThrows(IllegalArgumentException.class, () -> Runner.builder(a -> 1).vars("y").dims("z", "x").build());
    assertEquals("dims are given for 'z', which is not an output; the outputs are [y]", e.getMessage());
  }

  @Test
  void parallelAndShuffledRunsFillTheSameCellsAsSerial() {
    Combos big = Combos.builder().add("a", Values.range(0, 40)).add("b", Values.linspace(0, 1, 30))
        .add("c", "p", "q", "r").build();
    Runner serial = Runner.builder(a -> new Object[] {a.getInt("a") * a.getDouble("b"), a.getString("c") + a.getInt("a")})
        .vars("y", "s").options(QUIET).build();
    Dataset expected = serial.runCombos(big);
    assertIdentical(expected, serial.with(RunOptions.builder().verbosity(0).workers(2).build()).runCombos(big));
    assertIdentical(expected, serial.with(RunOptions.builder().verbosity(0).workers(3).shuffle(7).build()).runCombos(big));
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      assertIdentical(expected, serial.with(RunOptions.builder().verbosity(0).executor(pool).build()).runCombos(big));
      assertFalse(pool.isShutdown());
    } finally {
      pool.shutdown();
    }
  }

  @Test
  void labelDescribesAMethod() {
    Dataset ds = Runner.labelled(LabelledFns.class, "bar").constant("t", Values.linspace(0, 1, 5)).options(QUIET).build()
        .runCombos(Combos.builder().add("i", 1).add("j", 0.5).add("k", 0.25).build());
    assertEquals(Index.ofInts(10, 20, 30), ds.coord("x"));
    assertArrayEquals(new long[] {1, 1, 1, 3, 5}, ds.variable("C").shape());
  }

  static final class LabelledFns {
    @Label(varNames = {"A", "B", "C"}, varDims = {"B[x]", "C[x, t]"}, varCoords = {"x = 10, 20, 30"})
    static Object[] bar(int i, double j, double k, double[] t) {
      return RunnerTest.bar(i, j, k, t);
    }
  }

  static double twice(double x, int n) {
    if (n < 0) throw new IllegalArgumentException("n is negative");
    return 2 * x * n;
  }

  @Test
  void primitiveDoubleOutputsSkipBoxing() {
    RunFunction bound = RunFunction.of(RunnerTest.class, "twice");
    assertInstanceOf(RunFunction.OfDouble.class, bound);
    Combos c = Combos.builder().add("x", 0.5, 1.5).add("n", 1, 2, 3).build();
    Dataset viaMethod = Runner.builder(bound).vars("y").options(QUIET).build().runCombos(c);
    Dataset viaLambda = Runner.builder(RunFunction.ofDouble(a -> 2 * a.getDouble("x") * a.getInt("n"))).vars("y")
        .options(QUIET).build().runCombos(c);
    assertIdentical(viaMethod, viaLambda);
    assertEquals(9.0, viaMethod.doubleValue("y", Map.of("x", 1.5, "n", 3)));
    assertIdentical(viaMethod, Runner.builder(bound).vars("y").options(RunOptions.builder().verbosity(0).workers(2).build())
        .build().runCombos(c));
    var e = assertThrows(RunFailedException.class, () -> Runner.builder(bound).vars("y").options(QUIET).build()
        .runCombos(Combos.builder().add("x", 1.0).add("n", 1, -1).build()));
    assertEquals(Map.of("x", 1.0, "n", -1), e.arguments());
    Dataset asInt = Runner.builder(RunFunction.ofDouble(a -> 3.0)).vars("y").type("y", DType.INT).options(QUIET).build()
        .runCombos(c);
    assertEquals(DType.INT, asInt.variable("y").type());
    var e2 = assertThrows(RunFailedException.class, () -> Runner.builder(RunFunction.ofDouble(a -> 3.5)).vars("y")
        .type("y", DType.INT).options(QUIET).build().runCombos(c));
    assertTrue(e2.getCause().getMessage().contains("cannot store 3.5 (Double) in a int32 variable"), e2.getMessage());
  }

  @Test
  void runPointsGivesAFlatTable() {
    Runner r = Runner.builder(a -> a.getDouble("x") * a.getInt("n")).vars("y").options(QUIET).build();
    Dataset t = r.runPoints(Cases.of(List.of("n", "x"), List.of(1, 0.5), List.of(2, 0.5), List.of(1, 0.5)), "sample");
    assertEquals(Map.of("sample", 3), t.sizes());
    assertEquals(List.of("n", "x", "y"), List.copyOf(t.variables().keySet()));
    assertEquals(DType.INT, t.variable("n").type());
    assertArrayEquals(new double[] {0.5, 1.0, 0.5}, t.variable("y").toDoubleArray());
  }

  static double trig(int amp, String fn, double x, double phase) {
    return amp * (fn.equals("sin") ? Math.sin(x - phase) : Math.cos(x - phase));
  }

  @Test
  void checksArgumentsInTheWordsOfWhatGivesThem() {
    Runner r = Runner.builder(RunFunction.of(RunnerTest.class, "trig")).vars("out").build();
    var missing = assertThrows(IllegalArgumentException.class, () -> r.checkArguments(List.of("amp", "fn", "x"), "the draws"));
    assertEquals("RunnerTest.trig(int amp, String fn, double x, double phase) needs argument 'phase', which the draws do "
        + "not give (they give [amp, fn, x])", missing.getMessage());
    var extra = assertThrows(IllegalArgumentException.class,
        () -> r.checkArguments(List.of("amp", "fn", "x", "phase", "freq"), "the draws"));
    assertEquals("the draws give 'freq', which RunnerTest.trig(int amp, String fn, double x, double phase) does not take",
        extra.getMessage());
    r.toBuilder().constant("phase", 0.0).build().checkArguments(List.of("amp", "fn", "x"), "the draws");
    var constant = assertThrows(IllegalArgumentException.class, () -> r.toBuilder().constant("k", 1).build()
        .checkArguments(List.of("amp", "fn", "x", "phase"), "the draws"));
    assertEquals("a constant or resource names argument 'k', which RunnerTest.trig(int amp, String fn, double x, "
        + "double phase) does not take", constant.getMessage());
    Runner.builder(a -> 1.0).vars("y").build().checkArguments(List.of("anything"), "the draws");
  }
}
