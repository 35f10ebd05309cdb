package dev.sweep.run;

import static dev.sweep.testing.DatasetAssertions.assertIdentical;
import static org.junit.jupiter.api.Assertions.*;

import dev.sweep.data.Dataset;
import dev.sweep.space.Cases;
import dev.sweep.space.Combos;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PlanSpecTest {
  static final RunOptions QUIET = RunOptions.builder().verbosity(0).build();

  enum Fn { SIN, COS }

  static double mix(int a, String b, boolean c, double x, Fn fn) {
    double v = fn == Fn.SIN ? Math.sin(x) : Math.cos(x);
    return a * v + b.length() + (c ? 0.5 : 0);
  }

  static Runner mixRunner() {
    return Runner.builder(RunFunction.of(PlanSpecTest.class, "mix")).vars("v").options(QUIET).build();
  }

  /** Cases of an int, a string and a boolean, with combos of mixed numbers and an enum. */
  static RunPlan mixPlan() {
    Cases cases = Cases.of(List.of("a", "b", "c"), List.of(2, "x", true), List.of(1, "zzz", false), List.of(3, "x", false));
    Combos combos = Combos.builder().add("x", 0.5, 1, 2.5).add("fn", Fn.class).build();
    return mixRunner().plan(cases, combos);
  }

  @Test
  void aPlanRebuiltFromJsonNumbersItsRunsAsTheOriginal() {
    RunPlan plan = mixPlan();
    PlanSpec back = PlanSpec.fromMap(JsonLike.reparseMap(plan.spec().toMap()));
    assertEquals(plan.spec(), back);
    RunPlan rebuilt = RunPlan.fromSpec(back, Map.of(), QUIET);
    assertEquals(plan.size(), rebuilt.size());
    for (long r = 0; r < plan.size(); r++) assertEquals(plan.arguments(r), rebuilt.arguments(r), "run " + r);
    // ranges run here and there assemble into what a local run gives
    List<RunBatch> batches = List.of(plan.run(0, 7), rebuilt.run(7, 12), plan.run(12, plan.size()));
    assertIdentical(mixRunner().run(plan.cases(), plan.combos()), plan.assemble(batches));
  }

  @Test
  void aPlanOfPointsComesBackAsOneWithItsPointsRepeatedAndItsDimension() {
    Cases points = Cases.of(List.of("a", "b", "c", "x", "fn"), List.of(2, "x", true, 0.25, Fn.SIN),
        List.of(2, "x", true, 0.25, Fn.SIN), List.of(1, "zz", false, 1.5, Fn.COS));
    RunPlan plan = mixRunner().planPoints(points, "sample");
    Map<String, Object> plain = JsonLike.reparseMap(plan.spec().toMap());
    assertEquals("sample", plain.get("points"));
    PlanSpec back = PlanSpec.fromMap(plain);
    assertEquals(plan.spec(), back);
    assertEquals(java.util.Optional.of("sample"), back.points());
    RunPlan rebuilt = RunPlan.fromSpec(back, Map.of(), QUIET);
    assertTrue(rebuilt.isPoints());
    assertIdentical(mixRunner().runPoints(points, "sample"), plan.assemble(List.of(rebuilt.run(0, 2), plan.run(2, 3))));
    assertFalse(mixPlan().spec().toMap().containsKey("points"), "a grid has no points entry");
    assertTrue(mixPlan().spec().points().isEmpty());
  }

  @Test
  void aPlanOfPointsWithCombosOrWithoutPointsIsRefused() {
    RunnerSpec spec = mixRunner().spec();
    IllegalArgumentException combos = assertThrows(IllegalArgumentException.class, () -> new PlanSpec(spec,
        Cases.ofValues("a", 1), Combos.builder().add("x", 1.0).build(), java.util.Optional.of("sample")));
    assertEquals("plan spec: a plan of points along 'sample' has 1 points and the combos [x]; expected at least one"
        + " point and no combos", combos.getMessage());
    IllegalArgumentException blank = assertThrows(IllegalArgumentException.class,
        () -> new PlanSpec(spec, Cases.ofValues("a", 1), Combos.empty(), java.util.Optional.of(" ")));
    assertEquals("plan spec: points is blank; expected the name of the points' dimension", blank.getMessage());
    Map<String, Object> plain = new LinkedHashMap<>(mixPlan().spec().toMap());
    plain.put("points", 3);
    IllegalArgumentException notAName = assertThrows(IllegalArgumentException.class, () -> PlanSpec.fromMap(plain));
    assertEquals("plan spec: \"points\" should be the name of a dimension (a string), not 3 (Integer)", notAName.getMessage());
  }

  @Test
  void valuesComeBackWithTheirJavaTypes() {
    PlanSpec back = PlanSpec.fromMap(JsonLike.reparseMap(mixPlan().spec().toMap()));
    assertEquals(Integer.class, back.cases().value(0, "a").getClass());
    assertEquals(Boolean.class, back.cases().value(0, "c").getClass());
    Combos.Parameter x = back.combos().parameter("x");
    assertEquals(List.of(Double.class, Integer.class, Double.class),
        List.of(x.value(0).getClass(), x.value(1).getClass(), x.value(2).getClass()));
    assertSame(Fn.COS, back.combos().parameter("fn").value(1));
  }

  @Test
  void thePlainFormReadsAsDocumented() {
    Map<String, Object> m = mixPlan().spec().toMap();
    assertEquals(PlanSpec.FORMAT, m.get("format"));
    assertEquals(mixRunner().spec().toMap(), m.get("runner"));
    Map<?, ?> cases = (Map<?, ?>) m.get("cases");
    assertEquals(List.of("a", "b", "c"), cases.get("names"));
    Map<?, ?> columns = (Map<?, ?>) cases.get("columns");
    assertEquals(Map.of("type", "int32[]", "values", List.of(2, 1, 3)), columns.get("a"));
    assertEquals(Map.of("type", "str[]", "values", List.of("x", "zzz", "x")), columns.get("b"));
    assertEquals(Map.of("type", "bool[]", "values", List.of(true, false, false)), columns.get("c"));
    List<?> combos = (List<?>) m.get("combos");
    assertEquals("x", ((Map<?, ?>) combos.get(0)).get("name"));
    Map<?, ?> x = (Map<?, ?>) ((Map<?, ?>) combos.get(0)).get("values");
    assertEquals("object[]", x.get("type"), "an int among doubles keeps its type, so the values are typed one by one");
    assertEquals(List.of(Map.of("type", "float64", "value", 0.5), Map.of("type", "int32", "value", 1),
        Map.of("type", "float64", "value", 2.5)), x.get("values"));
  }

  @Test
  void combosAloneAndCasesAloneTravel() {
    Runner r = mixRunner();
    Cases cases = Cases.of(List.of("a", "b", "c", "x", "fn"), List.of(1, "p", true, 0.25, Fn.SIN),
        List.of(2, "q", false, 0.75, Fn.COS));
    Combos combos = Combos.builder().add("a", 1, 2).add("b", "u").add("c", true, false).add("x", 0.0, 1.0)
        .add("fn", Fn.SIN).build();
    for (RunPlan plan : List.of(r.plan(cases, Combos.empty()), r.plan(Cases.none(), combos))) {
      RunPlan rebuilt = RunPlan.fromSpec(PlanSpec.fromMap(JsonLike.reparseMap(plan.spec().toMap())), Map.of(), QUIET);
      assertEquals(plan.spec(), rebuilt.spec());
      Dataset expected = r.run(plan.cases(), plan.combos());
      assertIdentical(expected, rebuilt.assemble(List.of(rebuilt.run(0, rebuilt.size()))));
    }
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 1000, 100_000})
  void manyCasesTravelAsColumns(int n) {
    List<List<?>> tuples = new ArrayList<>();
    for (int i = 0; i < n; i++) tuples.add(List.of(i, "s" + (i % 7), i % 2 == 0, i * 0.5, Fn.values()[i % 2]));
    RunPlan plan = mixRunner().plan(Cases.of(List.of("a", "b", "c", "x", "fn"), tuples), Combos.empty());
    PlanSpec back = PlanSpec.fromMap(JsonLike.reparseMap(plan.spec().toMap()));
    assertEquals(n, back.cases().size());
    assertEquals(plan.cases().get(n - 1), back.cases().get(n - 1));
  }

  @Test
  void refusesStoredCombosAndALambdaRunner() {
    RunnerSpec spec = mixRunner().spec();
    IllegalArgumentException stored = assertThrows(IllegalArgumentException.class,
        () -> new PlanSpec(spec, Cases.none(), Combos.builder().addStored("a").build()));
    assertTrue(stored.getMessage().contains("combos [a] stand for the values already stored"), stored.getMessage());
    Runner lambda = Runner.builder(args -> 1.0).vars("v").build();
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> lambda.plan(Cases.none(), Combos.builder().add("a", 1).build()).spec());
    assertTrue(e.getMessage().contains("cannot be rebuilt in another JVM"), e.getMessage());
  }

  record Point(int x) {}

  static double point(Point p) {
    return p.x();
  }

  @Test
  void refusesACaseValueThatCannotTravel() {
    // a plan's space holds labels only, but a spec can be made of any cases
    RunnerSpec spec = Runner.builder(RunFunction.of(PlanSpecTest.class, "point")).vars("v").build().spec();
    Cases cases = Cases.of(List.of("p"), List.of(new Point(1)));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new PlanSpec(spec, cases, Combos.empty()));
    assertTrue(e.getMessage().startsWith("case argument 'p' element 0 is a dev.sweep.run.PlanSpecTest$Point, which "
        + "cannot travel as plain data"), e.getMessage());
  }

  @Test
  void refusesDamagedPlainForms() {
    Map<String, Object> good = JsonLike.reparseMap(mixPlan().spec().toMap());
    Map<String, Object> unknown = new LinkedHashMap<>(good);
    unknown.put("extra", "x");
    assertMessage("plan spec: unknown entry \"extra\"; the entries are ", unknown);
    Map<String, Object> version = new LinkedHashMap<>(good);
    version.put("format", "sweep.plan/9");
    assertMessage("plan spec: \"format\" is \"sweep.plan/9\"; expected \"sweep.plan/1\"", version);
    Map<String, Object> uneven = JsonLike.reparseMap(good);
    @SuppressWarnings("unchecked")
    Map<String, Object> columns = (Map<String, Object>) ((Map<String, Object>) uneven.get("cases")).get("columns");
    columns.put("a", Map.of("type", "int32[]", "values", List.of(1, 2)));
    assertMessage("plan spec: case argument 'b' has 3 values but 'a' has 2", uneven);
    Map<String, Object> repeated = JsonLike.reparseMap(good);
    @SuppressWarnings("unchecked")
    List<Object> combos = (List<Object>) repeated.get("combos");
    combos.set(0, Map.of("name", "x", "values", Map.of("type", "float64[]", "values", List.of(1.0, 1.0))));
    assertMessage("plan spec: parameter 'x' has ", repeated);
  }

  private static void assertMessage(String start, Map<String, Object> plain) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> PlanSpec.fromMap(plain));
    assertTrue(e.getMessage().startsWith(start), e.getMessage());
  }
}
