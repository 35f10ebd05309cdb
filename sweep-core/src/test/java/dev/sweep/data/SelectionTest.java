package dev.sweep.data;

import static dev.sweep.testing.DatasetAssertions.assertIdentical;
import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.factory.Nd4j;

class SelectionTest {
  /** x: 0.0, 0.1, ..., 0.9 (y = 10 x); b: 'u', 'v', 'w' (s = b + x). */
  static Dataset grid() {
    double[] x = new double[10];
    double[] y = new double[30];
    String[] s = new String[30];
    for (int i = 0; i < 10; i++) x[i] = i / 10.0;
    String[] bs = {"u", "v", "w"};
    for (int i = 0; i < 10; i++) for (int j = 0; j < 3; j++) {
      y[i * 3 + j] = i + 100 * j;
      s[i * 3 + j] = bs[j] + i;
    }
    return Dataset.builder().coord("x", Index.ofDoubles(x)).coord("b", Index.ofStrings(bs))
        .variable("y", List.of("x", "b"), Nd4j.create(y, new long[] {10, 3}))
        .variable("s", List.of("x", "b"), s)
        .build();
  }

  @Test
  void labelRangesIncludeBothEnds() {
    Dataset ds = grid();
    Dataset r = ds.sel(Map.of("x", Slice.of(0.2, 0.5)), Lookup.exact());
    assertEquals(Index.ofDoubles(0.2, 0.3, 0.4, 0.5), r.coord("x"));
    assertArrayEquals(new double[] {2, 102, 202, 3, 103, 203, 4, 104, 204, 5, 105, 205}, r.variable("y").toDoubleArray());
    assertEquals(Index.ofDoubles(0.3, 0.4), ds.sel(Map.of("x", Slice.of(0.25, 0.45)), Lookup.exact()).coord("x"));
    assertEquals(Index.ofStrings("v", "w"), ds.sel(Map.of("b", Slice.from("v")), Lookup.exact()).coord("b"));
    assertEquals(Index.ofDoubles(0, 0.1), ds.sel(Map.of("x", Slice.to(0.1)), Lookup.exact()).coord("x"));
    assertEquals(Index.ofDoubles(0.1, 0.3, 0.5), ds.sel(Map.of("x", Slice.of(0.1, 0.6, 2)), Lookup.exact()).coord("x"));
    assertEquals(0, ds.sel(Map.of("x", Slice.of(2.0, 3.0)), Lookup.exact()).sizes().get("x"));
    Dataset descending = ds.isel(Map.of("x", Slice.all().step(-1)));
    assertEquals(Index.ofDoubles(0.5, 0.4), descending.sel(Map.of("x", Slice.of(0.5, 0.4)), Lookup.exact()).coord("x"));
  }

  @Test
  void badRangesSayWhatIsWrong() {
    Dataset ds = grid();
    var e = assertThrows(IllegalArgumentException.class, () -> ds.sel(Map.of("x", Slice.of(0.5, 0.2)), Lookup.exact()));
    assertEquals("sel along 'x': the range slice(0.5, 0.2, 1) runs backwards; the labels of 'x' ascend "
        + "[0.0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9], so give the range from 0.2 to 0.5", e.getMessage());
    Dataset unsorted = ds.isel(Map.of("b", new int[] {1, 0, 2}));
    e = assertThrows(IllegalArgumentException.class, () -> unsorted.sel(Map.of("b", Slice.of("u", "w")), Lookup.exact()));
    assertEquals("sel along 'b': the range slice('u', 'w', 1) needs sorted labels, and the labels of 'b' are "
        + "['v', 'u', 'w']; select a collection of labels instead", e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> ds.sel(Map.of("x", Slice.of("a", "b")), Lookup.exact()));
    assertEquals("sel along 'x': the label 'a' is a String, but the labels of 'x' are float64 "
        + "[0.0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9]", e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> ds.sel(Map.of("x", Slice.of(0.1, 0.2)), Lookup.nearest()));
    assertEquals("sel along 'x': slice(0.1, 0.2, 1) is a range; nearest lookup takes single labels or collections "
        + "of labels, not ranges", e.getMessage());
  }

  @Test
  void nearestLookupFindsTheClosestLabelWithinTheTolerance() {
    Dataset ds = grid();
    Dataset one = ds.sel(Map.of("x", 0.33), Lookup.nearest());
    assertEquals(List.of("b"), one.dims());
    assertArrayEquals(new double[] {3, 103, 203}, one.variable("y").toDoubleArray());
    assertEquals(Index.ofDoubles(0.3, 0.7), ds.sel(Map.of("x", List.of(0.31, 0.72)), Lookup.nearest(0.05)).coord("x"));
    assertEquals(Index.ofDoubles(0.9), ds.sel(Map.of("x", List.of(42)), Lookup.nearest()).coord("x"));
    // a tie goes to the larger label, as in xarray
    Dataset ints = Dataset.builder().coord("n", Index.ofInts(0, 2, 4))
        .variable("v", List.of("n"), Nd4j.createFromArray(0.0, 2.0, 4.0)).build();
    assertEquals(2.0, ints.sel(Map.of("n", 1), Lookup.nearest()).variable("v").getDouble());
    var e = assertThrows(IllegalArgumentException.class, () -> ds.sel(Map.of("x", 0.55), Lookup.nearest(0.01)));
    assertEquals("sel along 'x': no label within 0.01 of 0.55; the nearest is 0.6 and the labels are "
        + "[0.0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9]", e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> ds.sel(Map.of("x", List.of(0.31, 0.29)), Lookup.nearest()));
    assertEquals("sel along 'x': 0.31 and 0.29 both select the label 0.3; a dimension's labels must be distinct",
        e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> ds.sel(Map.of("b", "v"), Lookup.nearest()));
    assertEquals("sel along 'b': nearest lookup needs numeric labels, and 'b' has str labels ['u', 'v', 'w']",
        e.getMessage());
    assertEquals("tolerance is -1.0; expected 0 or more",
        assertThrows(IllegalArgumentException.class, () -> Lookup.nearest(-1)).getMessage());
  }

  @Test
  void exactLookupNamesWhatIsMissing() {
    Dataset ds = grid();
    var e = assertThrows(IllegalArgumentException.class, () -> ds.sel(Map.of("b", "q"), Lookup.exact()));
    assertEquals("dimension 'b' has no label 'q'; its labels are ['u', 'v', 'w']", e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> ds.sel(Map.of("x", 0.35), Lookup.exact()));
    assertEquals("dimension 'x' has no label 0.35; its labels are [0.0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9] "
        + "(Lookup.nearest() finds the closest)", e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> ds.sel(Map.of("q", 1), Lookup.exact()));
    assertEquals("no dimension 'q'; the dimensions are [x, b]", e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> ds.sel(Map.of("b", 1)));
    assertEquals("sel along 'b': the label 1 is a Integer, but the labels of 'b' are str ['u', 'v', 'w']", e.getMessage());
    assertEquals(Index.ofStrings("v", "w"), ds.sel(Map.of("b", Slice.from("v"))).coord("b")); // plain sel takes ranges too
    e = assertThrows(IllegalArgumentException.class, () -> ds.sel(Map.of("b", 1), Lookup.exact()));
    assertEquals("sel along 'b': the label 1 is a Integer, but the labels of 'b' are str ['u', 'v', 'w']", e.getMessage());
  }

  @Test
  void positionRangesFollowPythonSlices() {
    Dataset ds = grid();
    assertEquals(Index.ofDoubles(0.2, 0.3, 0.4), ds.isel(Map.of("x", Slice.of(2, 5))).coord("x"));
    assertEquals(Index.ofDoubles(0.0, 0.3, 0.6, 0.9), ds.isel(Map.of("x", Slice.all().step(3))).coord("x"));
    assertEquals(Index.ofDoubles(0.7, 0.8, 0.9), ds.isel(Map.of("x", Slice.from(-3))).coord("x"));
    assertEquals(Index.ofDoubles(0.9, 0.7, 0.5), ds.isel(Map.of("x", Slice.of(-1, 4, -2))).coord("x"));
    assertEquals(Index.ofDoubles(0.0, 0.1), ds.isel(Map.of("x", Slice.of(-50, 2))).coord("x"));
    assertEquals(0, ds.isel(Map.of("x", Slice.of(5, 2))).sizes().get("x"));
    assertEquals(Index.ofStrings("w", "v", "u"), ds.isel(Map.of("b", Slice.all().step(-1))).coord("b"));
    // the same cells as by labels
    assertIdentical(ds.sel(Map.of("x", Slice.of(0.2, 0.4)), Lookup.exact()), ds.isel(Map.of("x", Slice.of(2, 5))));
    var e = assertThrows(IllegalArgumentException.class, () -> ds.isel(Map.of("x", Slice.of(0.1, 0.3))));
    assertEquals("isel along 'x': the slice's start is 0.1 (Double); positions are integers (select labels with sel)",
        e.getMessage());
    assertEquals("slice step is 0; expected a positive or negative step",
        assertThrows(IllegalArgumentException.class, () -> Slice.all().step(0)).getMessage());
  }

  @Test
  void whereMasksCellsAndBroadcastsTheCondition() {
    Dataset ds = grid();
    Dataset big = ds.where("y", v -> v > 200);
    assertArrayEquals(new double[] {Double.NaN, Double.NaN, 200 + 1}, big.isel(Map.of("x", 1)).variable("y").toDoubleArray());
    assertArrayEquals(new String[] {null, null, "w1"}, big.isel(Map.of("x", 1)).variable("s").toStringArray());
    Variable early = Variable.of("early", List.of("x"), Nd4j.createFromArray(true, true, false, false, false, false,
        false, false, false, false));
    Dataset ints = Dataset.builder().coord("x", ds.coord("x")).coord("b", ds.coord("b"))
        .variable("n", List.of("b"), Nd4j.createFromArray(1, 2, 3)).build();
    Dataset masked = ints.where(early);
    assertEquals(List.of("b", "x"), masked.variable("n").dims()); // broadcast: the condition's dimensions follow
    assertEquals(DType.DOUBLE, masked.variable("n").type());
    assertEquals(2.0, masked.doubleValue("n", Map.of("b", "v", "x", 0.1)));
    assertTrue(Double.isNaN(masked.doubleValue("n", Map.of("b", "v", "x", 0.2))));
    Variable always = Variable.of("c", List.of("b"), Nd4j.createFromArray(true, true, true));
    assertEquals(DType.INT, ints.where(always).variable("n").type()); // nothing masked: ints stay ints
    var e = assertThrows(IllegalArgumentException.class, () -> ds.where(Variable.of("c", List.of("q"),
        Nd4j.createFromArray(true))));
    assertEquals("where: the condition has dimension 'q', which the dataset lacks; the dimensions are [x, b]", e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> ds.where("s", v -> v > 0));
    assertEquals("where: variable 's' is str; a predicate tests numbers", e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> ds.where("q", v -> v > 0));
    assertEquals("no variable 'q'; the variables are [y, s]", e.getMessage());
  }

  @Test
  void dropMissingDropsLabelsWithAnyOrAllValuesMissing() {
    Dataset ds = Dataset.builder().coord("a", Index.ofInts(1, 2, 3)).coord("b", Index.ofStrings("p", "q"))
        .variable("f", List.of("a", "b"), Nd4j.createFromArray(new double[][] {{1, Double.NaN}, {Double.NaN, Double.NaN}, {3, 4}}))
        .variable("n", List.of("a"), Nd4j.createFromArray(7, 8, 9)).build();
    assertEquals(Index.ofInts(3), ds.dropMissing("a").coord("a"));
    assertEquals(Index.ofInts(1, 2, 3), ds.dropMissing("a", Drop.ALL).coord("a")); // n has values at a = 2
    assertEquals(Index.ofInts(1, 3), ds.dropVars("n").dropMissing("a", Drop.ALL).coord("a"));
    assertEquals(Index.ofStrings("p", "q"), ds.dropMissing("b", Drop.ALL).coord("b"));
    assertEquals(0, ds.dropMissing("b").sizes().get("b"));
    var e = assertThrows(IllegalArgumentException.class, () -> ds.dropMissing("c"));
    assertEquals("dropMissing: no dimension 'c'; the dimensions are [a, b]", e.getMessage());
  }

  @Test
  void dropSelRemovesLabelsAndRefusesToRemoveThemAll() {
    Dataset ds = grid();
    Dataset r = ds.dropSel(Map.of("b", "v", "x", List.of(0.0, 0.9)));
    assertEquals(Index.ofStrings("u", "w"), r.coord("b"));
    assertEquals(8, r.sizes().get("x"));
    assertEquals(201.0, r.doubleValue("y", Map.of("x", 0.1, "b", "w")));
    var e = assertThrows(IllegalArgumentException.class, () -> ds.dropSel(Map.of("b", "q")));
    assertEquals("dropSel along 'b': no label 'q'; its labels are ['u', 'v', 'w']", e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> ds.dropSel(Map.of("b", List.of("u", "v", "w"))));
    assertEquals("dropSel along 'b' would remove every label ['u', 'v', 'w']; a dimension keeps at least one "
        + "(drop the variables over it with dropVars instead)", e.getMessage());
  }
}
