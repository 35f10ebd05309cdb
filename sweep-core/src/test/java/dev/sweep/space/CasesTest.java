package dev.sweep.space;

import static org.junit.jupiter.api.Assertions.*;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class CasesTest {
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
        () -> Cases.ofMaps(List.of(new TreeMap<>(Map.of("a", 1)), new TreeMap<>(Map.of("b", 2)))));
    assertEquals("case 1 names [b] but case 0 names [a]; every case must give the same arguments", e.getMessage());
  }

  @Test
  void sortedMapsKeepTheirOrder() {
    Map<String, Object> m = new TreeMap<>(java.util.Comparator.reverseOrder());
    m.put("a", 1);
    m.put("c", true);
    assertEquals(List.of("c", "a"), Cases.ofMaps(List.of(m)).names());
  }

  @Test
  void readsValuesByCaseAndName() {
    Cases c = Cases.of(List.of("a", "b"), List.of(1, "x"), List.of(2, "y"));
    assertEquals(2, c.size());
    assertFalse(c.isEmpty());
    assertEquals("y", c.value(1, "b"));
    assertEquals(Map.of("a", 1, "b", "x"), c.get(0));
    assertEquals(List.of("a", "b"), List.copyOf(c.get(0).keySet()), "get keeps the argument order");
  }

  @Test
  void noCasesAreEmptyAndNameNothing() {
    assertTrue(Cases.none().isEmpty());
    assertEquals(0, Cases.none().size());
    assertEquals(List.of(), Cases.none().names());
    assertSame(Cases.none(), Cases.ofMaps(List.of()));
  }

  @Test
  void casesAreNotChangedByTheirSourceLists() {
    List<Object> tuple = new java.util.ArrayList<>(List.of(1, "x"));
    Cases c = Cases.of(List.of("a", "b"), List.of(tuple));
    tuple.set(0, 99);
    assertEquals(1, c.value(0, "a"));
    assertThrows(UnsupportedOperationException.class, () -> c.names().add("z"));
    assertThrows(UnsupportedOperationException.class, () -> c.get(0).put("a", 2));
  }

  @Test
  void rejectsARepeatedName() {
    var e = assertThrows(IllegalArgumentException.class, () -> Cases.of(List.of("a", "a"), List.of(1, 2)));
    assertEquals("case argument 'a' is named twice in [a, a]", e.getMessage());
  }

  @Test
  void rejectsANullValue() {
    var e = assertThrows(IllegalArgumentException.class,
        () -> Cases.of(List.of("a", "b"), List.of(1, "x"), java.util.Arrays.asList(2, null)));
    assertEquals("case 1 has a null value for 'b'", e.getMessage());
  }

  @Test
  void rejectsAnUnknownArgumentNamingThoseThereAre() {
    Cases c = Cases.of(List.of("a", "b"), List.of(1, "x"));
    var e = assertThrows(IllegalArgumentException.class, () -> c.value(0, "z"));
    assertEquals("no case argument 'z'; the cases give [a, b]", e.getMessage());
    assertThrows(IndexOutOfBoundsException.class, () -> c.get(1));
  }

  @Test
  void printsTheFirstFiveCases() {
    List<List<?>> tuples = new java.util.ArrayList<>();
    for (int i = 0; i < 7; i++) tuples.add(List.of(i));
    assertEquals("Cases[a]{[0], [1], [2], [3], [4], ... (7 cases)}", Cases.of(List.of("a"), tuples).toString());
    assertEquals("Cases[a, b]{[1, x]}", Cases.of(List.of("a", "b"), List.of(1, "x")).toString());
  }
}
