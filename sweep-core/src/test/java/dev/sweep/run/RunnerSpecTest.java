package dev.sweep.run;

import static dev.sweep.testing.DatasetAssertions.assertIdentical;
import static org.junit.jupiter.api.Assertions.*;

import dev.sweep.data.DType;
import dev.sweep.data.Dataset;
import dev.sweep.data.Index;
import dev.sweep.space.Combos;
import dev.sweep.space.Values;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RunnerSpecTest {
  static final RunOptions QUIET = RunOptions.builder().verbosity(0).build();

  enum Shape { SQUARE, ROUND }

  @Label(varNames = {"A", "B", "C"}, varDims = {"B[x]", "C[x, t]"}, varCoords = {"x = 10, 20, 30"})
  static Object[] bar(int i, double j, double[] t) {
    double[][] c = new double[3][t.length];
    for (int x = 0; x < 3; x++) for (int k = 0; k < t.length; k++) c[x][k] = i * j * (x + 1) * t[k];
    return new Object[] {i + j, new double[] {i, j, i * j}, c};
  }

  static Combos barCombos() {
    return Combos.builder().add("i", 5, 6, 7).add("j", 0.5, 0.6).build();
  }

  static Runner barRunner() {
    return Runner.labelled(RunnerSpecTest.class, "bar").constant("t", Values.linspace(0, 1, 5))
        .type("A", DType.FLOAT).attr("note", "demo").attr("seeds", new int[] {1, 2}).options(QUIET).build();
  }

  @Test
  void aRebuiltRunnerGivesTheIdenticalDataset() {
    Runner r = barRunner();
    Runner rebuilt = Runner.fromSpec(r.spec()).with(QUIET);
    assertEquals(r.spec(), rebuilt.spec());
    assertIdentical(r.runCombos(barCombos()), rebuilt.runCombos(barCombos()));
  }

  @Test
  void aSpecCrossesJsonAndComesBackEqual() {
    RunnerSpec spec = barRunner().spec();
    Map<String, Object> json = JsonLike.reparseMap(spec.toMap());
    RunnerSpec back = RunnerSpec.fromMap(json);
    assertEquals(spec, back);
    assertEquals(spec.hashCode(), back.hashCode());
    assertIdentical(barRunner().runCombos(barCombos()), Runner.fromSpec(back).with(QUIET).runCombos(barCombos()));
  }

  @Test
  void thePlainFormReadsAsDocumented() {
    Map<String, Object> m = barRunner().spec().toMap();
    assertEquals(RunnerSpec.FORMAT, m.get("format"));
    assertEquals(Map.of("class", "dev.sweep.run.RunnerSpecTest", "method", "bar"), m.get("function"));
    assertEquals(List.of("A", "B", "C"), m.get("vars"));
    assertEquals(Map.of("B", List.of("x"), "C", List.of("x", "t")), m.get("dims"));
    assertEquals(Map.of("x", Map.of("type", "index", "dtype", "int32", "values", List.of(10, 20, 30))), m.get("coords"));
    assertEquals(Map.of("A", "float32"), m.get("types"));
    assertEquals(Map.of("type", "float64[]", "values", List.of(0.0, 0.25, 0.5, 0.75, 1.0)),
        ((Map<?, ?>) m.get("constants")).get("t"));
    assertEquals("demo", ((Map<?, ?>) m.get("attrs")).get("note"));
    assertEquals(Map.of("type", "int32[]", "values", List.of(1, 2)), ((Map<?, ?>) m.get("attrs")).get("seeds"));
    assertEquals(List.of(), m.get("resources"));
  }

  static double echo(Object value) {
    return 0;
  }

  /** One constant of every kind that travels, with the Java type it must come back as. */
  static Map<String, Object> everyConstant() {
    Map<String, Object> c = new LinkedHashMap<>();
    c.put("i32", 7);
    c.put("i64", Long.MAX_VALUE);
    c.put("f64", 0.1);
    c.put("nan", Double.NaN);
    c.put("inf", Double.NEGATIVE_INFINITY);
    c.put("f32", 0.1f);
    c.put("i16", (short) -3);
    c.put("i8", (byte) 100);
    c.put("bool", true);
    c.put("str", "text, with \"quotes\"");
    c.put("enum", Shape.ROUND);
    c.put("f64s", new double[] {1.5, Double.NaN, Double.POSITIVE_INFINITY, -0.0});
    c.put("f32s", new float[] {0.1f, Float.NaN});
    c.put("i64s", new long[] {Long.MIN_VALUE, 1});
    c.put("i32s", new int[] {Integer.MIN_VALUE, 0});
    c.put("i16s", new short[] {1, 2});
    c.put("i8s", new byte[] {-128, 127});
    c.put("bools", new boolean[] {true, false});
    c.put("strs", new String[] {"a", null, ""});
    c.put("objects", new Object[] {1, "b", Shape.SQUARE});
    c.put("list", List.of(1, 2L, 3.0, "four", List.of(false)));
    c.put("emptyList", List.of());
    return c;
  }

  static Map<String, Index> everyCoord() {
    Map<String, Index> c = new LinkedHashMap<>();
    c.put("f64", Index.ofDoubles(0.1, 0.2, Double.NaN));
    c.put("f32", Index.ofFloats(0.5f, 1.5f));
    c.put("i64", Index.ofLongs(1L << 40, -1));
    c.put("i32", Index.ofInts(10, 20, 30));
    c.put("bool", Index.ofBooleans(true, false));
    c.put("str", Index.ofStrings("x", "y, z"));
    return c;
  }

  @Test
  void everyTypeOfConstantAndCoordComesBackWithItsJavaType() {
    // Constants a dataset cannot store as attributes label inner dimensions instead.
    Runner.Builder b = Runner.builder(RunFunction.of(RunnerSpecTest.class, "echo")).vars("y")
        .dims("y", "objects", "list", "labels");
    everyCoord().forEach(b::coords);
    everyConstant().forEach(b::constant);
    b.constant("labels", Index.ofStrings("p", "q"));
    RunnerSpec spec = b.build().spec();
    RunnerSpec back = RunnerSpec.fromMap(JsonLike.reparseMap(spec.toMap()));
    assertEquals(spec, back);
    assertEquals(everyCoord(), back.coords());
    for (Map.Entry<String, Object> e : everyConstant().entrySet()) {
      Object got = back.constants().get(e.getKey());
      if (e.getValue() instanceof List<?>) assertInstanceOf(List.class, got, e.getKey());
      else assertEquals(e.getValue().getClass(), got.getClass(), e.getKey());
      assertTrue(Arrays.deepEquals(new Object[] {e.getValue()}, new Object[] {got}), e.getKey() + ": " + got);
    }
    assertEquals(Index.ofStrings("p", "q"), back.constants().get("labels"));
    assertSame(Shape.ROUND, back.constants().get("enum"));
  }

  @Test
  void constantsAreCopiedIntoTheSpec() {
    double[] t = {1, 2};
    RunnerSpec spec = Runner.builder(RunFunction.of(RunnerSpecTest.class, "echo")).vars("y").constant("t", t).build()
        .spec();
    t[0] = 99;
    assertArrayEquals(new double[] {1, 2}, (double[]) spec.constants().get("t"));
  }

  @Test
  void aLambdaCannotBeDescribed() {
    Runner lambda = Runner.builder(a -> a.getDouble("x")).vars("y").build();
    var e = assertThrows(IllegalStateException.class, lambda::spec);
    assertTrue(e.getMessage().startsWith("this runner's function "), e.getMessage());
    assertTrue(e.getMessage().endsWith(" is a lambda or an object of its own, which cannot be rebuilt in another JVM; "
        + "build the runner from a static method: Runner.builder(RunFunction.of(Owner.class, \"method\")) or "
        + "Runner.labelled(Owner.class, \"method\")"), e.getMessage());
    assertThrows(IllegalStateException.class, Runner.builder(RunFunction.ofDouble(a -> 1)).vars("y").build()::spec);
  }

  double scaled(double x) {
    return 2 * x;
  }

  @Test
  void anInstanceMethodCannotBeDescribed() {
    Runner r = Runner.builder(RunFunction.of(new RunnerSpecTest(), "scaled")).vars("y").build();
    var e = assertThrows(IllegalStateException.class, r::spec);
    assertEquals("RunnerSpecTest.scaled(double x) is an instance method bound to an object, which cannot be rebuilt "
        + "in another JVM; make it static and use RunFunction.of(RunnerSpecTest.class, \"scaled\") or "
        + "Runner.labelled(RunnerSpecTest.class, \"scaled\")", e.getMessage());
  }

  @Test
  void aConstantThatCannotTravelIsNamed() {
    Runner r = Runner.builder(RunFunction.of(RunnerSpecTest.class, "echo")).vars("y")
        .constant("price", new java.math.BigDecimal("1.10")).build();
    var e = assertThrows(IllegalStateException.class, r::spec);
    assertEquals("cannot describe the runner of dev.sweep.run.RunnerSpecTest.echo: constant 'price' is a "
        + "java.math.BigDecimal, which cannot travel as plain data; give a string, boolean, number, enum constant, "
        + "Index, or an array or list of those, or pass it as a resource and give it again where the runner is rebuilt",
        e.getMessage());
  }

  static double solve(double x, Object solver) {
    return x;
  }

  @Test
  void resourcesTravelByNameAndAreGivenAgain() {
    Runner r = Runner.builder(RunFunction.of(RunnerSpecTest.class, "solve")).vars("y").resource("solver", new Object())
        .options(QUIET).build();
    RunnerSpec spec = r.spec();
    assertEquals(List.of("solver"), spec.resources());
    var missing = assertThrows(IllegalArgumentException.class, () -> Runner.fromSpec(spec));
    assertEquals("the spec of dev.sweep.run.RunnerSpecTest.solve names resources [solver], which cannot travel; "
        + "give 'solver' to Runner.fromSpec(spec, resources)", missing.getMessage());
    var extra = assertThrows(IllegalArgumentException.class,
        () -> Runner.fromSpec(spec, Map.of("solver", 1, "cache", 2)));
    assertEquals("resource 'cache' is given, but the spec of dev.sweep.run.RunnerSpecTest.solve names only [solver]",
        extra.getMessage());
    Runner back = Runner.fromSpec(spec, Map.of("solver", "here")).with(QUIET);
    assertEquals("here", back.resources().get("solver"));
    Combos xs = Combos.builder().add("x", 1.0, 2.0).build();
    assertIdentical(r.runCombos(xs), back.runCombos(xs));
  }

  @Test
  void optionsDoNotTravel() {
    Runner r = barRunner().with(RunOptions.builder().verbosity(0).workers(3).build());
    assertEquals(RunOptions.defaults().workers(), Runner.fromSpec(r.spec()).options().workers());
  }

  record Out(double sum, @Dims("k") double[] parts) {}

  static Out parts(double a) {
    return new Out(2 * a, new double[] {a, a});
  }

  static Dataset inner(double a) {
    return Dataset.builder().coord("k", Index.ofInts(1, 2)).variable("v", List.of("k"),
        org.nd4j.linalg.factory.Nd4j.createFromArray(a, -a)).attr("units", "m").build();
  }

  @Test
  void recordsAndReturnedDatasetsTravelToo() {
    Combos as = Combos.builder().add("a", 1.0, 2.0).build();
    for (String m : List.of("parts", "inner")) {
      Runner r = Runner.builder(RunFunction.of(RunnerSpecTest.class, m)).options(QUIET).build();
      RunnerSpec spec = RunnerSpec.fromMap(JsonLike.reparseMap(r.spec().toMap()));
      assertIdentical(r.runCombos(as), Runner.fromSpec(spec).with(QUIET).runCombos(as));
    }
  }

  @Test
  void aMalformedPlainFormIsRefusedNamingTheEntry() {
    Map<String, Object> good = new LinkedHashMap<>(barRunner().spec().toMap());
    Map<String, Object> m = new LinkedHashMap<>(good);
    m.put("varz", List.of());
    assertEquals("runner spec: unknown entry \"varz\"; the entries are ",
        assertThrows(IllegalArgumentException.class, () -> RunnerSpec.fromMap(m)).getMessage().replaceAll("\\[.*", ""));
    m.remove("varz");
    m.put("format", "sweep.runner/2");
    assertEquals("runner spec: \"format\" is \"sweep.runner/2\"; expected \"sweep.runner/1\"",
        assertThrows(IllegalArgumentException.class, () -> RunnerSpec.fromMap(m)).getMessage());
    m.put("format", RunnerSpec.FORMAT);
    m.put("vars", new java.util.ArrayList<>(List.of("A", 2)));
    assertEquals("runner spec: \"vars\" should be a list of strings, not [A, 2] (ArrayList)",
        assertThrows(IllegalArgumentException.class, () -> RunnerSpec.fromMap(m)).getMessage());
    m.put("vars", good.get("vars"));
    m.put("types", Map.of("A", "float16"));
    assertEquals("runner spec: the type of 'A' is \"float16\"; expected one of float64, float32, int64, int32, bool, str",
        assertThrows(IllegalArgumentException.class, () -> RunnerSpec.fromMap(m)).getMessage());
    m.put("types", good.get("types"));
    m.put("constants", Map.of("t", Map.of("type", "int32", "value", 3_000_000_000L)));
    assertEquals("runner spec: constant 't': 3000000000 is outside -2147483648..2147483647",
        assertThrows(IllegalArgumentException.class, () -> RunnerSpec.fromMap(m)).getMessage());
    m.put("constants", Map.of("t", Map.of("type", "float64[]", "values", List.of(1.0, "one"))));
    assertEquals("runner spec: constant 't': \"one\" is not a number (nor \"NaN\", \"Infinity\", \"-Infinity\")",
        assertThrows(IllegalArgumentException.class, () -> RunnerSpec.fromMap(m)).getMessage());
    m.put("constants", Map.of("t", Map.of("type", "complex", "value", 1)));
    assertEquals("runner spec: constant 't' has the unknown type \"complex\"",
        assertThrows(IllegalArgumentException.class, () -> RunnerSpec.fromMap(m)).getMessage());
    m.put("constants", good.get("constants"));
    m.remove("function");
    assertEquals("runner spec: no \"function\" entry",
        assertThrows(IllegalArgumentException.class, () -> RunnerSpec.fromMap(m)).getMessage());
  }

  @Test
  void aSpecWhoseFunctionIsGoneFailsToRebuildNamingIt() {
    Map<String, Object> m = new LinkedHashMap<>(barRunner().spec().toMap());
    m.put("function", Map.of("class", "dev.sweep.run.NoSuchClass", "method", "bar"));
    RunnerSpec spec = RunnerSpec.fromMap(m);
    var e = assertThrows(IllegalArgumentException.class, () -> Runner.fromSpec(spec));
    assertTrue(e.getMessage().startsWith("cannot load class dev.sweep.run.NoSuchClass of the function "
        + "dev.sweep.run.NoSuchClass.bar: java.lang.ClassNotFoundException: dev.sweep.run.NoSuchClass"), e.getMessage());
    m.put("function", Map.of("class", "dev.sweep.run.RunnerSpecTest", "method", "gone"));
    var e2 = assertThrows(IllegalArgumentException.class, () -> Runner.fromSpec(RunnerSpec.fromMap(m)));
    assertEquals("dev.sweep.run.RunnerSpecTest has no method named 'gone'", e2.getMessage());
  }
}
