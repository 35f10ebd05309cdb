package dev.sweep.space;

import static org.junit.jupiter.api.Assertions.*;

import dev.sweep.data.Index;
import java.util.List;
import java.util.Map;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class SpaceTest {
  @Test
  void rejectsParameterGivenAsCaseAndCombo() {
    Cases cases = Cases.of(List.of("a"), List.of(1));
    Combos combos = Combos.builder().add("a", 2, 3).build();
    var e = assertThrows(IllegalArgumentException.class, () -> Space.of(cases, combos));
    assertEquals("parameter 'a' is given both as a case argument and as a combo [2, 3]; give it in one place only",
        e.getMessage());
  }

  @Test
  void rejectsCaseValuesThatCannotShareOneType() {
    Cases cases = Cases.of(List.of("a"), List.of(1), List.of("x"));
    var e = assertThrows(IllegalArgumentException.class, () -> Space.of(cases));
    assertTrue(e.getMessage().startsWith("case argument 'a': 1 (Integer) and 'x' (String) cannot share"), e.getMessage());
  }

  @Test
  void rejectsRepeatedCasesOnAGrid() {
    Space s = Space.of(Cases.of(List.of("a"), List.of(1), List.of(2), List.of(1)));
    var e = assertThrows(IllegalArgumentException.class, s::requireDistinctCases);
    assertEquals("case 2 {a=1} repeats case 0; a grid of results holds each point once", e.getMessage());
  }

  @Test
  void casesWithCombosSpanTheSmallestGrid() {
    Cases cases = Cases.ofMaps(List.of(Map.of("a", 3, "c", true), Map.of("a", 1, "c", false)));
    Space s = Space.of(cases, Combos.builder().add("b", "x", "y").build());
    assertEquals(List.of("a", "c", "b"), s.names());
    assertEquals(Index.ofInts(1, 3), s.coords().get("a"));
    assertEquals(Index.ofBooleans(false, true), s.coords().get("c"));
    assertEquals(4, s.size());
    assertEquals(8, s.cells());
    // run 0 is case 0 (a=3, c=true) with b=x: cell (1, 1, 0)
    assertEquals(1 * 4 + 1 * 2 + 0, s.cellOf(0));
    assertEquals(Map.of("a", 3, "c", true, "b", "y"), s.arguments(1));
  }

  enum Fn { SIN, COS }

  /** Spaces of several shapes: combos alone, cases alone, cases times combos, flat. */
  static Stream<Arguments> spaces() {
    Combos abc = Combos.builder().add("a", 1, 2, 3).add("b", "x", "y").add("c", true, false).build();
    Combos one = Combos.builder().add("x", 0.5).build();
    Combos wide = Combos.builder().add("i", Values.range(0, 7)).add("fn", Fn.SIN, Fn.COS).add("k", 10L, 20L, 30L).build();
    Cases sparse = Cases.ofMaps(List.of(Map.of("p", 3, "q", "u"), Map.of("p", 1, "q", "v"), Map.of("p", 2, "q", "u")));
    Cases single = Cases.of(List.of("p"), List.of(9));
    return Stream.of(
        Arguments.of("combos a*b*c", Space.of(abc)),
        Arguments.of("one combo", Space.of(one)),
        Arguments.of("combos with an enum", Space.of(wide)),
        Arguments.of("no parameters", Space.of(Combos.empty())),
        Arguments.of("cases alone", Space.of(sparse)),
        Arguments.of("cases x combos", Space.of(sparse, abc)),
        Arguments.of("one case x combos", Space.of(single, wide)),
        Arguments.of("flat", Space.flat(Cases.of(List.of("p"), List.of(1), List.of(1), List.of(2)), "sample")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("spaces")
  void aGridsCellsAreTheProductOfItsAxes(String shape, Space s) {
    long product = 1;
    for (long n : s.shape()) product *= n;
    assertEquals(product, s.cells());
    assertEquals(s.dims().size(), s.shape().length);
    assertEquals((s.cases().isEmpty() ? 1 : s.cases().size()) * s.combos().size(), s.size());
    if (s.cases().isEmpty()) assertEquals(product, s.size(), "combos alone fill their whole grid");
    for (int d = 0; d < s.dims().size() && !s.isFlat(); d++) {
      assertEquals(s.coords().get(s.dims().get(d)).size(), s.shape()[d], "axis " + s.dims().get(d));
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("spaces")
  void aCursorAtRunREqualsASeekToR(String shape, Space s) {
    Space.Cursor walk = s.cursor();
    Space.Cursor jump = s.cursor();
    Set<Long> cells = new HashSet<>();
    for (long r = 0; r < s.size(); r++) {
      walk.advance();
      jump.seek(r);
      assertEquals(r, walk.run());
      assertEquals(jump.run(), walk.run());
      assertEquals(jump.cell(), walk.cell());
      assertEquals(s.cellOf(r), walk.cell());
      for (int i = 0; i < s.names().size(); i++) assertEquals(jump.value(i), walk.value(i));
      assertEquals(s.arguments(r).values().stream().toList(),
          java.util.stream.IntStream.range(0, s.names().size()).mapToObj(walk::value).toList());
      assertTrue(walk.cell() >= 0 && walk.cell() < s.cells(), "cell " + walk.cell() + " of " + s.cells());
      cells.add(walk.cell());
    }
    if (!s.isFlat()) assertEquals(s.size(), cells.size(), "distinct runs fill distinct cells");
  }

  @Test
  void combosAloneFillCellsInRunOrder() {
    Space s = Space.of(Combos.builder().add("a", 1, 2, 3).add("b", "x", "y").add("c", true, false).build());
    for (long r = 0; r < s.size(); r++) assertEquals(r, s.cellOf(r));
  }

  @Test
  void aFlatSpaceHasOneUnlabelledDimension() {
    Space s = Space.flat(Cases.of(List.of("p"), List.of(1), List.of(1)), "sample");
    assertTrue(s.isFlat());
    assertEquals(List.of("sample"), s.dims());
    assertEquals(List.of("p"), s.names());
    assertEquals(Map.of(), s.coords());
    s.requireDistinctCases(); // repeats are rows of their own
    var e = assertThrows(IllegalArgumentException.class, () -> Space.flat(Cases.of(List.of("p"), List.of(1)), "p"));
    assertEquals("the flat dimension 'p' is also a case argument", e.getMessage());
  }
}
