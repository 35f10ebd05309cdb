package dev.sweep.run;

import static dev.sweep.testing.DatasetAssertions.assertIdentical;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sweep.data.Dataset;
import dev.sweep.space.Cases;
import dev.sweep.space.Combos;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The small conveniences xyzpy users reach for: combos from a map, one-argument cases, a runner called on one point. */
class XyzpyConveniencesTest {
  static final RunOptions QUIET = RunOptions.builder().verbosity(0).build();

  static Object[] foo(int a, String b, boolean c) {
    return new Object[] {a + "-" + b + "-" + c, Math.sin(a)};
  }

  static double square(double x) {
    return x * x;
  }

  static Runner fooRunner() {
    return Runner.builder(RunFunction.of(XyzpyConveniencesTest.class, "foo")).vars("a_out", "b_out").options(QUIET).build();
  }

  @Test
  void combosFromAMapTakeListsArraysAndSingleValues() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("a", List.of(1, 2, 3));
    m.put("b", new String[] {"x", "y"});
    m.put("c", true);
    Combos c = Combos.of(m);
    assertEquals(List.of("a", "b", "c"), c.names());
    assertEquals(6, c.size());
    assertIdentical(fooRunner().runCombos(Combos.builder().add("a", 1, 2, 3).add("b", "x", "y").add("c", true).build()),
        fooRunner().runCombos(c));
    assertEquals(List.of("a", "b"), Combos.of(Map.of("b", 1, "a", 2)).names(), "an unordered map is sorted");
    var e = assertThrows(IllegalArgumentException.class, () -> Combos.of(Map.of("a", List.of(1, 1))));
    assertTrue(e.getMessage().startsWith("parameter 'a' has the value 1 appears twice"), e.getMessage());
  }

  @Test
  void casesOfOneArgumentArePlainValues() {
    Runner r = Runner.builder(RunFunction.of(XyzpyConveniencesTest.class, "square")).vars("y").options(QUIET).build();
    Dataset ds = r.runCases(Cases.ofValues("x", 1.0, 2.0, 3.0));
    assertEquals(9.0, ds.doubleValue("y", Map.of("x", 3.0)));
    var e = assertThrows(IllegalArgumentException.class, () -> Cases.ofValues("x", 1.0, null));
    assertEquals("case 1 has a null value for 'x'", e.getMessage());
  }

  @Test
  void aRunnerCalledOnOnePointGivesItsOutputsByName() {
    Dataset one = fooRunner().call(Map.of("a", 2, "b", "y", "c", false));
    assertEquals(List.of(), one.dims());
    assertEquals("2-y-false", one.value("a_out", Map.of()));
    assertEquals(Math.sin(2), one.doubleValue("b_out", Map.of()));
    var e = assertThrows(IllegalArgumentException.class, () -> fooRunner().call(Map.of("a", 2, "b", "y")));
    assertTrue(e.getMessage().contains("'c'"), e.getMessage());
  }

  static Map<String, Object> stats(double x) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("square", x * x);
    m.put("label", "x=" + x);
    m.put("series", new double[] {x, 2 * x});
    return m;
  }

  @Test
  void aMapWithoutDeclaredOutputsGivesOneVariablePerKey() {
    Runner r = Runner.builder(RunFunction.of(XyzpyConveniencesTest.class, "stats")).dims("series", "k")
        .options(QUIET).build();
    Dataset ds = r.runCombos(Combos.builder().add("x", 1.0, 2.0).build());
    assertEquals(List.of("square", "label", "series"), List.copyOf(ds.variables().keySet()));
    assertEquals(4.0, ds.doubleValue("square", Map.of("x", 2.0)));
    assertEquals("x=1.0", ds.value("label", Map.of("x", 1.0)));
    assertEquals(List.of("x", "k"), ds.variable("series").dims());
    Runner declared = Runner.builder(RunFunction.of(XyzpyConveniencesTest.class, "stats")).vars("label", "square", "series")
        .dims("series", "k").options(QUIET).build();
    assertEquals("x=2.0", declared.runCombos(Combos.builder().add("x", 2.0).build()).value("label", Map.of("x", 2.0)));
    Runner changing = Runner.builder(args -> args.getDouble("x") > 1 ? Map.of("other", 1.0) : Map.of("square", 1.0))
        .options(QUIET).build();
    RunFailedException e = assertThrows(RunFailedException.class,
        () -> changing.runCombos(Combos.builder().add("x", 1.0, 2.0).build()));
    assertTrue(e.getMessage().contains("the runner's outputs are [square], the keys of the first run's map"), e.getMessage());
  }
}
