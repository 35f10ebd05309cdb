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
}
