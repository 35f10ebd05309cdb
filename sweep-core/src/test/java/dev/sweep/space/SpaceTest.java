package dev.sweep.space;

import static org.junit.jupiter.api.Assertions.*;

import dev.sweep.data.Index;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SpaceTest {
  @Test
  void casesAsTuplesAndAsMapsAreTheSame() {
    Cases t = Cases.of(List.of("a", "b"), List.of(1, "x"), List.of(2, "y"));
    Map<String, Object> m1 = new LinkedHashMap<>();
    m1.put("a", 1);
    m1.put("b", "x");
    Map<String, Object> m2 = new LinkedHashMap<>();
    m2.put("a", 2);
    m2.put("b", "y");
    Cases m = Cases.ofMaps(List.of(m1, m2));
    assertEquals(t.names(), m.names());
    assertEquals(t.get(1), m.get(1));
  }

  @Test
  void unorderedMapsGiveAlphabeticalArguments() {
    Cases m = Cases.ofMaps(List.of(Map.of("c", true, "a", 1)));
    assertEquals(List.of("a", "c"), m.names());
  }

  @Test
  void rejectsTupleOfWrongLength() {
    var e = assertThrows(IllegalArgumentException.class, () -> Cases.of(List.of("a", "b"), List.of(1)));
    assertEquals("case 0 [1] has 1 values; expected 2 for [a, b]", e.getMessage());
  }

  @Test
  void rejectsMapsNamingDifferentArguments() {
    var e = assertThrows(IllegalArgumentException.class,
        () -> Cases.ofMaps(List.of(new java.util.TreeMap<>(Map.of("a", 1)), new java.util.TreeMap<>(Map.of("b", 2)))));
    assertEquals("case 1 names [b] but case 0 names [a]; every case must give the same arguments", e.getMessage());
  }

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

  @Test
  void cursorWalksTheSameRunsAsSeek() {
    Space s = Space.of(Combos.builder().add("a", 1, 2, 3).add("b", "x", "y").add("c", true, false).build());
    Space.Cursor walk = s.cursor();
    Space.Cursor jump = s.cursor();
    for (long r = 0; r < s.size(); r++) {
      walk.advance();
      jump.seek(r);
      assertEquals(jump.cell(), walk.cell());
      for (int i = 0; i < 3; i++) assertEquals(jump.value(i), walk.value(i));
      assertEquals(r, walk.cell());
    }
  }
}
