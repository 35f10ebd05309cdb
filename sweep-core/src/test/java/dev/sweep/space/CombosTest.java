package dev.sweep.space;

import static org.junit.jupiter.api.Assertions.*;

import dev.sweep.data.DType;
import dev.sweep.data.Index;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CombosTest {
  enum Fn { COS, SIN }

  @Test
  void keepsDeclaredOrderAndKnowsItsSize() {
    Combos c = Combos.builder().add("a", 1, 2, 3).add("b", "x", "y", "z").add("c", true, false).build();
    assertEquals(List.of("a", "b", "c"), c.names());
    assertEquals(18, c.size());
    assertEquals(Index.ofStrings("x", "y", "z"), c.parameter("b").labels());
  }

  @ParameterizedTest
  @CsvSource({"1,1,1", "2,3,4", "10,10,10", "7,1,5"})
  void sizeIsTheProductOfTheAxes(int na, int nb, int nc) {
    Combos c = Combos.builder().add("a", Values.range(0, na)).add("b", Values.range(0, nb))
        .add("c", Values.linspace(0, 1, nc)).build();
    assertEquals((long) na * nb * nc, c.size());
    assertEquals(na * nb * nc, Space.of(c).size());
  }

  @Test
  void rejectsDuplicateParameterName() {
    var b = Combos.builder().add("a", 1, 2);
    var e = assertThrows(IllegalArgumentException.class, () -> b.add("a", 3));
    assertEquals("parameter 'a' was already added with values [1, 2]", e.getMessage());
  }

  @Test
  void rejectsDuplicateValue() {
    var e = assertThrows(IllegalArgumentException.class, () -> Combos.builder().add("b", "x", "y", "x"));
    assertTrue(e.getMessage().startsWith("parameter 'b' has the value 'x' appears twice (positions 0 and 2)")
        || e.getMessage().contains("'x' appears twice (positions 0 and 2)"), e.getMessage());
    assertTrue(e.getMessage().contains("parameter 'b'"), e.getMessage());
  }

  @Test
  void rejectsEmptyValueList() {
    var e = assertThrows(IllegalArgumentException.class, () -> Combos.builder().add("a", List.of()));
    assertEquals("parameter 'a' has no values; expected at least one", e.getMessage());
  }

  @Test
  void rejectsValuesThatCannotShareOneType() {
    var e = assertThrows(IllegalArgumentException.class, () -> Combos.builder().add("a", 1, "x"));
    assertEquals("parameter 'a': 1 (Integer) and 'x' (String) cannot share one coordinate type; its values must "
        + "share one type (int, long, double, String, boolean or one enum)", e.getMessage());
  }

  @Test
  void rejectsNullValueAndUnsupportedType() {
    var e = assertThrows(IllegalArgumentException.class, () -> Combos.builder().add("a", 1, null));
    assertEquals("parameter 'a' has a null value at position 1", e.getMessage());
    var e2 = assertThrows(IllegalArgumentException.class, () -> Combos.builder().add("p", new Object()));
    assertTrue(e2.getMessage().startsWith("parameter 'p': label java.lang.Object@"), e2.getMessage());
  }

  @Test
  void rejectsASingleArrayPassedAsValues() {
    var e = assertThrows(IllegalArgumentException.class, () -> Combos.builder().add("a", (Object) new String[] {"x"}));
    assertTrue(e.getMessage().contains("was given one array"), e.getMessage());
  }

  @Test
  void promotesIntsAndDoublesToDouble() {
    Combos c = Combos.builder().add("x", 1, 2.5).add("n", 1, 2L).build();
    assertEquals(DType.DOUBLE, c.parameter("x").labels().type());
    assertEquals(DType.LONG, c.parameter("n").labels().type());
    assertEquals(1, c.parameter("x").value(0)); // the function still gets the value as given
  }

  @Test
  void enumsAreLabelledByNameAndPassedAsConstants() {
    Combos c = Combos.builder().add("fn", Fn.class).build();
    assertEquals(Index.ofStrings("COS", "SIN"), c.parameter("fn").labels());
    assertSame(Fn.SIN, c.parameter("fn").value(1));
  }

  @Test
  void valueHelpersMatchNumpy() {
    assertArrayEquals(new int[] {1, 2, 3}, Values.range(1, 4));
    assertArrayEquals(new int[] {0, 3, 6, 9}, Values.range(0, 10, 3));
    assertArrayEquals(new int[] {5, 3, 1}, Values.range(5, 0, -2));
    double[] t = Values.linspace(0, 1, 101);
    assertEquals(101, t.length);
    assertEquals(0.01, t[1], 1e-15);
    assertEquals(1.0, t[100]);
    assertArrayEquals(new double[] {1, 10, 100, 1000}, Values.logspace(0, 3, 4), 1e-9);
    var e = assertThrows(IllegalArgumentException.class, () -> Values.range(0, 3, 0));
    assertEquals("range step is 0; expected a non-zero step", e.getMessage());
  }

  @Test
  void storedPlaceholderHasNoSizeUntilResolved() {
    Combos c = Combos.builder().add("a", 1).addStored("b").build();
    assertEquals(List.of("b"), c.storedNames());
    var e = assertThrows(IllegalStateException.class, c::size);
    assertEquals("parameter 'b' stands for the values already stored; only a Harvester can resolve it", e.getMessage());
  }

  @Test
  void withReplacesParameters() {
    Combos base = Combos.builder().add("a", 1, 2).add("b", "x").build();
    Combos over = base.with(Combos.builder().add("b", "y", "z").add("c", true).build());
    assertEquals(List.of("a", "b", "c"), over.names());
    assertEquals(2 * 2, over.size());
  }

  @Test
  void refusesNullsAndEmptyNamesNamingTheParameter() {
    var npe = assertThrows(NullPointerException.class, () -> Combos.builder().add("a", (Object[]) null));
    assertEquals("the values of parameter 'a'", npe.getMessage());
    assertEquals("names", assertThrows(NullPointerException.class, () -> Cases.of(null, java.util.List.of())).getMessage());
    var e = assertThrows(IllegalArgumentException.class, () -> Combos.builder().add("", 1, 2));
    assertEquals("a parameter name is empty (\"\"); name every parameter", e.getMessage());
  }

  @Test
  void longLabelsThatADoubleWouldCollapseAreRefused() {
    var e = assertThrows(IllegalArgumentException.class,
        () -> Combos.builder().add("a", 1L << 53, (1L << 53) + 1, 2.5).build());
    assertTrue(e.getMessage().contains("the label 9007199254740993 (int64) has no exact float64, the type it shares"
        + " with the other labels (2.5)"), e.getMessage());
  }
}
