package dev.sweep.data;

import static dev.sweep.testing.DatasetAssertions.assertIdentical;
import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.factory.Nd4j;

class DatasetTest {
  /** The xyzpy tutorial's first harvest: a = 1..3, b = x, y, z, c = true, false. */
  static Dataset block(int[] as, String[] bs, double base) {
    boolean[] cs = {true, false};
    int n = as.length * bs.length * cs.length;
    double[] v = new double[n];
    String[] s = new String[n];
    int k = 0;
    for (int a : as) for (String b : bs) for (boolean c : cs) {
      v[k] = base + a;
      s[k++] = a + "-" + b + "-" + c;
    }
    return Dataset.builder()
        .coord("a", Index.ofInts(as)).coord("b", Index.ofStrings(bs)).coord("c", Index.ofBooleans(cs))
        .variable("a_out", List.of("a", "b", "c"), s)
        .variable("b_out", List.of("a", "b", "c"), Nd4j.create(v, new long[] {as.length, bs.length, 2}))
        .build();
  }

  @Test
  void anEmptyDimensionNameIsRefusedWhereverItIsGiven() {
    IllegalArgumentException dim = assertThrows(IllegalArgumentException.class, () -> Dataset.builder().dim("", 3));
    assertEquals("dim is \"\"; expected a dimension name such as \"x\"", dim.getMessage());
    IllegalArgumentException coord = assertThrows(IllegalArgumentException.class,
        () -> Dataset.builder().coord(" ", Index.ofInts(1, 2)));
    assertEquals("dim is \" \"; expected a dimension name such as \"x\"", coord.getMessage());
    IllegalArgumentException variable = assertThrows(IllegalArgumentException.class,
        () -> Variable.of("v", List.of("a", ""), Nd4j.create(new double[] {1, 2}, new long[] {1, 2})));
    assertEquals("variable 'v' has an empty dimension name in [a, ]; expected a name such as \"x\"",
        variable.getMessage());
    IllegalArgumentException runner = assertThrows(IllegalArgumentException.class,
        () -> dev.sweep.run.Runner.builder((dev.sweep.run.RunFunction) args -> 1.0).vars("y").dims("y", "x", ""));
    assertEquals("dims of 'y' are [x, ]; a dimension name must not be empty or null", runner.getMessage());
  }

  @Test
  void mergeOfDisjointHarvestsIsTheSortedUnionWithNaNGaps() {
    Dataset first = block(new int[] {1, 2, 3}, new String[] {"x", "y", "z"}, 0);
    Dataset second = block(new int[] {4, 5, 6}, new String[] {"w", "v"}, 0);
    Dataset m = first.merge(second);
    assertEquals(Map.of("a", 6, "b", 5, "c", 2), m.sizes());
    assertEquals(Index.ofStrings("v", "w", "x", "y", "z"), m.coord("b"));
    assertEquals(Index.ofBooleans(true, false), m.coord("c")); // equal labels keep their order
    assertTrue(Double.isNaN(m.doubleValue("b_out", Map.of("a", 1, "b", "v", "c", true))));
    assertNull(m.value("a_out", Map.of("a", 4, "b", "x", "c", false)));
    assertEquals("5-w-false", m.value("a_out", Map.of("a", 5, "b", "w", "c", false)));
    assertEquals(60 - 18 - 12, m.missingCases().size());
  }

  @Test
  void mergeFailsOnConflictNamingVariableAndCoordinates() {
    Dataset a = block(new int[] {1}, new String[] {"x"}, 0);
    Dataset b = block(new int[] {1}, new String[] {"x"}, 10);
    var e = assertThrows(MergeConflictException.class, () -> a.merge(b));
    assertEquals("variable 'b_out' conflicts at a=1, b='x', c=true: existing value 1.0, new value 11.0; "
        + "merge with NEW_WINS or OLD_WINS to choose one", e.getMessage());
    assertEquals("b_out", e.variable());
    assertEquals(Map.of("a", 1, "b", "x", "c", true), e.coordinates());
    assertIdentical(a, a.merge(a)); // equal values are no conflict
  }

  @Test
  void mergePoliciesChooseTheWinner() {
    Dataset a = block(new int[] {1, 2}, new String[] {"x"}, 0);
    Dataset b = block(new int[] {2, 3}, new String[] {"x"}, 10);
    Dataset newWins = a.merge(b, MergePolicy.NEW_WINS);
    Dataset oldWins = a.merge(b, MergePolicy.OLD_WINS);
    Map<String, Object> at2 = Map.of("a", 2, "b", "x", "c", true);
    assertEquals(12.0, newWins.doubleValue("b_out", at2));
    assertEquals(2.0, oldWins.doubleValue("b_out", at2));
    assertEquals(1.0, newWins.doubleValue("b_out", Map.of("a", 1, "b", "x", "c", true)));
    assertEquals(13.0, oldWins.doubleValue("b_out", Map.of("a", 3, "b", "x", "c", true)));
  }

  @Test
  void missingNewValuesNeverEraseOldOnes() {
    Dataset a = Dataset.builder().coord("p", Index.ofInts(1, 2))
        .variable("y", List.of("p"), Nd4j.createFromArray(1.0, 2.0)).build();
    Dataset b = Dataset.builder().coord("p", Index.ofInts(1, 2))
        .variable("y", List.of("p"), Nd4j.createFromArray(Double.NaN, 5.0)).build();
    Dataset m = a.merge(b, MergePolicy.NEW_WINS);
    assertArrayEquals(new double[] {1, 5}, m.variable("y").toDoubleArray());
  }

  @Test
  void integerAndBooleanVariablesWithGapsBecomeFloat() {
    Dataset a = Dataset.builder().coord("p", Index.ofInts(1))
        .variable("n", List.of("p"), Nd4j.createFromArray(7))
        .variable("ok", List.of("p"), Nd4j.createFromArray(true)).build();
    Dataset b = Dataset.builder().coord("p", Index.ofInts(2))
        .variable("n", List.of("p"), Nd4j.createFromArray(8)).build();
    Dataset m = a.merge(b);
    // n covers the joined grid without a gap, so it stays int32 (xarray would make it float64)
    assertEquals(DType.INT, m.variable("n").type());
    assertArrayEquals(new double[] {7, 8}, m.variable("n").toDoubleArray());
    Dataset c = Dataset.builder().coord("p", Index.ofInts(3)).variable("ok", List.of("p"), Nd4j.createFromArray(false)).build();
    assertEquals(DType.DOUBLE, m.merge(c).variable("n").type());
    assertEquals(DType.DOUBLE, m.variable("ok").type());
    assertEquals(1.0, m.variable("ok").getDouble(0));
    assertTrue(Double.isNaN(m.variable("ok").getDouble(1)));
    Dataset same = a.merge(a);
    assertEquals(DType.INT, same.variable("n").type()); // no gaps, no conversion
    assertEquals(DType.BOOLEAN, same.variable("ok").type());
  }

  @Test
  void mergeRejectsIncompatibleDimensionsAndTypes() {
    Dataset a = Dataset.builder().coord("p", Index.ofInts(1)).variable("y", List.of("p"), Nd4j.createFromArray(1.0)).build();
    Dataset b = Dataset.builder().coord("p", Index.ofStrings("q")).variable("y", List.of("p"), Nd4j.createFromArray(1.0)).build();
    var e = assertThrows(IllegalArgumentException.class, () -> a.merge(b));
    assertEquals("dimension 'p': cannot join a int32 index [1] with a str index ['q']", e.getMessage());
    Dataset c = Dataset.builder().coord("q", Index.ofInts(1)).variable("y", List.of("q"), Nd4j.createFromArray(1.0)).build();
    var e2 = assertThrows(IllegalArgumentException.class, () -> a.merge(c));
    assertEquals("variable 'y' has dimensions [p] in the existing data and [q] in the new data", e2.getMessage());
  }

  @Test
  void selByLabelsAndIselByPositions() {
    Dataset d = block(new int[] {1, 2, 3}, new String[] {"x", "y", "z"}, 0);
    Dataset one = d.sel(Map.of("b", "y"));
    assertEquals(List.of("a", "c"), one.dims());
    assertEquals("2-y-false", one.value("a_out", Map.of("a", 2, "c", false)));
    Dataset some = d.sel(Map.of("a", List.of(3, 1)));
    assertEquals(Index.ofInts(3, 1), some.coord("a"));
    assertEquals(3.0, some.variable("b_out").getDouble(0, 0, 0));
    assertIdentical(d.sel(Map.of("b", "z", "c", true)), d.isel(Map.of("b", -1, "c", 0)));
    var e = assertThrows(IllegalArgumentException.class, () -> d.sel(Map.of("b", "q")));
    assertEquals("dimension 'b' has no label 'q'; its labels are ['x', 'y', 'z']", e.getMessage());
    var e2 = assertThrows(IllegalArgumentException.class, () -> d.sel(Map.of("nope", 1)));
    assertEquals("no dimension 'nope'; the dimensions are [a, b, c]", e2.getMessage());
  }

  @Test
  void printsLikeXarray() {
    Dataset d = block(new int[] {1, 2, 3}, new String[] {"x", "y", "z"}, 0.5).toBuilder().attr("note", "hi").build();
    String expected = String.join("\n",
        "<sweep.Dataset>",
        "Dimensions:  (a: 3, b: 3, c: 2)",
        "Coordinates:",
        "  * a        (a) int32 1 2 3",
        "  * b        (b) str 'x' 'y' 'z'",
        "  * c        (c) bool true false",
        "Data variables:",
        "    a_out    (a, b, c) str '1-x-true' '1-x-false' '1-y-true' ... '3-z-true' '3-z-false'",
        "    b_out    (a, b, c) float64 1.5 1.5 1.5 1.5 1.5 1.5 2.5 2.5 ... 2.5 3.5 3.5 3.5 3.5 3.5 3.5",
        "Attributes:",
        "    note:     hi");
    assertEquals(expected, d.toString());
  }

  @Test
  void missingCasesListsTheUnfilledCells() {
    Dataset d = Dataset.builder().coord("p", Index.ofInts(1, 2)).coord("q", Index.ofStrings("a", "b"))
        .coord("x", Index.ofInts(0, 1))
        .variable("y", List.of("p", "q", "x"), Nd4j.create(new double[] {1, Double.NaN, Double.NaN, Double.NaN,
            Double.NaN, 2, 3, 4}, new long[] {2, 2, 2}))
        .build();
    // y is the only variable, so every one of its dimensions is swept, x too: each NaN cell is a
    // missing case, in the order of the arrays (p=1, q=a, x=1 included, although x=0 beside it is filled)
    assertEquals(List.of(Map.of("p", 1, "q", "a", "x", 1), Map.of("p", 1, "q", "b", "x", 0),
        Map.of("p", 1, "q", "b", "x", 1), Map.of("p", 2, "q", "a", "x", 0)), d.missingCases());
    Dataset sweepOnly = Dataset.builder().coord("p", Index.ofInts(1, 2)).coord("q", Index.ofStrings("a", "b"))
        .variable("y", List.of("p", "q"), Nd4j.create(new double[] {1, Double.NaN, Double.NaN, 4}, new long[] {2, 2}))
        .variable("z", List.of("p", "q", "x"), Nd4j.create(new double[] {1, 1, Double.NaN, Double.NaN,
            Double.NaN, Double.NaN, 4, 4}, new long[] {2, 2, 2}))
        .build();
    assertEquals(List.of(Map.of("p", 1, "q", "b"), Map.of("p", 2, "q", "a")), sweepOnly.missingCases());
    assertEquals(1, d.missingCases().stream().filter(m -> m.equals(Map.of("p", 1, "q", "b", "x", 0))).count());
  }

  @Test
  void assertIdenticalExplainsTheFirstDifference() {
    Dataset a = block(new int[] {1, 2}, new String[] {"x"}, 0);
    Dataset b = block(new int[] {1, 2}, new String[] {"x"}, 0.25);
    AssertionError e = assertThrows(AssertionError.class, () -> assertIdentical(a, b));
    assertTrue(e.getMessage().startsWith("datasets differ: variable 'b_out' differs at a=1, b='x', c=true: 1.0 vs 1.25"),
        e.getMessage());
    assertEquals(a, block(new int[] {1, 2}, new String[] {"x"}, 0));
    assertNotEquals(a, b);
  }

  @Test
  void builderRejectsInconsistentShapes() {
    var e = assertThrows(IllegalArgumentException.class, () -> Dataset.builder().coord("p", Index.ofInts(1, 2))
        .variable("y", List.of("p"), Nd4j.createFromArray(1.0, 2.0, 3.0)));
    assertEquals("variable 'y' has size 3 along 'p', but the dimension has size 2", e.getMessage());
    var e2 = assertThrows(DuplicateLabelException.class, () -> Index.ofInts(1, 2, 1));
    assertEquals("the value 1 appears twice (positions 0 and 2)", e2.getMessage());
    var e3 = assertThrows(IllegalArgumentException.class, () -> Dataset.builder().attr("bad", new Object()));
    assertTrue(e3.getMessage().startsWith("attribute 'bad' has the value java.lang.Object@"), e3.getMessage());
  }

  @Test
  void transposeReordersAxesAndMergeAlignsThem() {
    Dataset ab = Dataset.builder().coord("a", Index.ofInts(1, 2)).coord("b", Index.ofStrings("x", "y", "z"))
        .variable("v", List.of("a", "b"), Nd4j.create(new double[] {1, 2, 3, 4, 5, 6}, new long[] {2, 3})).build();
    Variable t = ab.variable("v").transpose(List.of("b", "a"));
    assertArrayEquals(new long[] {3, 2}, t.shape());
    assertEquals(4.0, t.getDouble(0, 1));
    assertEquals(3.0, t.getDouble(2, 0));
    Dataset ba = Dataset.builder().coord("b", Index.ofStrings("w")).coord("a", Index.ofInts(1, 2))
        .variable("v", List.of("b", "a"), Nd4j.create(new double[] {7, 8}, new long[] {1, 2})).build();
    Dataset m = ab.merge(ba);
    assertEquals(List.of("a", "b"), m.variable("v").dims());
    assertEquals(8.0, m.doubleValue("v", Map.of("a", 2, "b", "w")));
    var e = assertThrows(IllegalArgumentException.class, () -> ab.variable("v").transpose(List.of("a", "q")));
    assertEquals("cannot transpose variable 'v' with dimensions [a, b] to [a, q]", e.getMessage());
  }

  @Test
  void indexFindsLabelsAcrossNumericTypes() {
    assertEquals(1, Index.ofLongs(5, 7).indexOf(7));
    assertEquals(0, Index.ofDoubles(2.0, 3.5).indexOf(2));
    assertEquals(-1, Index.ofInts(1, 2).indexOf("1"));
    assertEquals(Index.ofDoubles(1, 1.5, 2), Index.ofInts(2, 1).union(Index.ofDoubles(1.5)));
  }

  @Test
  void theStorageAVariableHandsOutCannotChangeTheDataset() {
    Dataset d = Dataset.builder().coord("p", Index.ofInts(1, 2))
        .variable("y", List.of("p"), Nd4j.createFromArray(1.0, 2.0)).build();
    Column c = d.variable("y").column();
    var e = assertThrows(UnsupportedOperationException.class, () -> c.setDouble(0, 42));
    assertEquals("this column belongs to an immutable variable; copy() it to change it", e.getMessage());
    assertThrows(UnsupportedOperationException.class, () -> c.setMissing(1));
    assertEquals(1.0, d.variable("y").getDouble(0));
    Column mine = c.copy();
    mine.setDouble(0, 42);
    assertEquals(42.0, mine.getDouble(0));
    assertEquals(1.0, d.variable("y").getDouble(0), "a copy is the caller's own");
  }
}
