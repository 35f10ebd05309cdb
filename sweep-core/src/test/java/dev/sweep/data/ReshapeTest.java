package dev.sweep.data;

import static dev.sweep.testing.DatasetAssertions.assertIdentical;
import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.factory.Nd4j;

class ReshapeTest {
  /** The tutorial's first harvest: a = 1..3, b = x, y, z, c = true, false; a_out str, b_out float64. */
  static Dataset tutorial() {
    return DatasetTest.block(new int[] {1, 2, 3}, new String[] {"x", "y", "z"}, 0);
  }

  @Test
  void renameRenamesVariablesAndDimensionsWithTheirLabels() {
    Dataset ds = tutorial().toBuilder().attr("t", 1).build();
    Dataset r = ds.rename(Map.of("b_out", "y", "a", "amp"));
    assertEquals(List.of("amp", "b", "c"), r.dims());
    assertEquals(Index.ofInts(1, 2, 3), r.coord("amp"));
    assertEquals(List.of("amp", "b", "c"), r.variable("y").dims());
    assertEquals(List.of("a_out", "y"), List.copyOf(r.variables().keySet()));
    assertEquals(Map.of("t", 1), r.attrs());
    assertSame(ds.variable("b_out").storage(), r.variable("y").storage());
    assertIdentical(ds, r.rename(Map.of("y", "b_out", "amp", "a")));
    var e = assertThrows(IllegalArgumentException.class, () -> ds.rename("q", "w"));
    assertEquals("rename: no variable or dimension 'q'; the dimensions are [a, b, c] and the variables [a_out, b_out]",
        e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> ds.rename("a_out", "b_out"));
    assertEquals("rename: 'a_out' and 'b_out' would both be named 'b_out'; the names are [a, b, c, a_out, b_out]",
        e.getMessage());
  }

  @Test
  void transposeReordersDimensionsAndEveryVariable() {
    Dataset ds = tutorial();
    Dataset t = ds.transpose("c", "a", "b");
    assertEquals(List.of("c", "a", "b"), t.dims());
    assertEquals(List.of("c", "a", "b"), t.variable("b_out").dims());
    assertEquals("2-y-false", t.variable("a_out").get(1, 1, 1));
    assertEquals(ds.value("a_out", Map.of("a", 3, "b", "x", "c", true)), t.value("a_out", Map.of("a", 3, "b", "x", "c", true)));
    assertEquals(List.of("c", "a", "b"), ds.transpose("c", "...").dims());
    assertEquals(List.of("a", "c", "b"), ds.transpose("...", "c", "b").dims());
    assertIdentical(ds, t.transpose("a", "b", "c"));
    var e = assertThrows(IllegalArgumentException.class, () -> ds.transpose("c", "a"));
    assertEquals("transpose [c, a] must name every dimension [a, b, c] (missing [b]), or use \"...\" for the others",
        e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> ds.transpose("c", "q", "a"));
    assertEquals("transpose [c, q, a]: no dimension 'q'; the dimensions are [a, b, c]", e.getMessage());
  }

  @Test
  void expandDimsAddsALabelledFirstDimension() {
    Dataset ds = tutorial();
    Dataset e = ds.expandDims("k", 8);
    assertEquals(List.of("k", "a", "b", "c"), e.dims());
    assertEquals(Index.ofInts(8), e.coord("k"));
    assertEquals(List.of("k", "a", "b", "c"), e.variable("b_out").dims());
    assertEquals(ds.value("a_out", Map.of("a", 2, "b", "y", "c", true)),
        e.value("a_out", Map.of("k", 8, "a", 2, "b", "y", "c", true)));
    // the constant of an earlier harvest becomes a swept parameter: it merges with another value
    Dataset later = ds.expandDims("k", 9);
    Dataset both = e.merge(later);
    assertEquals(Index.ofInts(8, 9), both.coord("k"));
    Dataset twice = ds.expandDims("k", Index.ofInts(8, 9));
    assertIdentical(both, twice);
    Dataset plain = ds.expandDims("n");
    assertEquals(1, plain.sizes().get("n"));
    assertFalse(plain.coords().containsKey("n"));
    assertIdentical(ds, plain.squeeze("n"));
    var err = assertThrows(IllegalArgumentException.class, () -> ds.expandDims("a", 1));
    assertEquals("expandDims: dimension 'a' already exists; the dimensions are [a, b, c]", err.getMessage());
  }

  @Test
  void squeezeDropsDimensionsOfSizeOne() {
    Dataset ds = tutorial().isel(Map.of("a", List.of(1), "c", List.of(0)));
    Dataset s = ds.squeeze();
    assertEquals(List.of("b"), s.dims());
    assertArrayEquals(new String[] {"2-x-true", "2-y-true", "2-z-true"}, s.variable("a_out").toStringArray());
    assertEquals(List.of("b", "c"), ds.squeeze("a").dims());
    var e = assertThrows(IllegalArgumentException.class, () -> ds.squeeze("b"));
    assertEquals("squeeze: dimension 'b' has size 3; only dimensions of size 1 can be squeezed (select one label "
        + "with sel or isel)", e.getMessage());
  }

  @Test
  void concatJoinsAlongAnExistingDimension() {
    Dataset first = tutorial();
    Dataset second = DatasetTest.block(new int[] {4, 5}, new String[] {"x", "y", "z"}, 0);
    Dataset c = Dataset.concat(List.of(first, second), "a");
    assertEquals(Index.ofInts(1, 2, 3, 4, 5), c.coord("a"));
    assertEquals("5-z-false", c.value("a_out", Map.of("a", 5, "b", "z", "c", false)));
    assertEquals(2.0, c.doubleValue("b_out", Map.of("a", 2, "b", "x", "c", true)));
    assertIdentical(first.merge(second), c); // disjoint, sorted labels: the same as a merge
    assertIdentical(first, Dataset.concat(List.of(first.isel(Map.of("a", Slice.to(1))),
        first.isel(Map.of("a", Slice.from(1)))), "a"));
  }

  @Test
  void concatAlongANewDimensionStacksTheDatasets() {
    Dataset first = tutorial();
    Dataset shifted = DatasetTest.block(new int[] {1, 2, 3}, new String[] {"x", "y", "z"}, 10);
    Dataset c = Dataset.concat(List.of(first, shifted), "run", Index.ofStrings("base", "shifted"));
    assertEquals(List.of("run", "a", "b", "c"), c.dims());
    assertEquals(13.0, c.doubleValue("b_out", Map.of("run", "shifted", "a", 3, "b", "y", "c", true)));
    Dataset unlabelled = Dataset.concat(List.of(first, shifted), "run");
    assertEquals(2, unlabelled.sizes().get("run"));
    assertFalse(unlabelled.coords().containsKey("run"));
    // a variable without the dimension is repeated along it; types widen
    Dataset a = Dataset.builder().coord("t", Index.ofInts(0, 1)).variable("v", List.of("t"), Nd4j.createFromArray(1, 2))
        .variable("w", List.of(), Nd4j.scalar(7)).build();
    Dataset b = Dataset.builder().coord("t", Index.ofInts(2, 3)).variable("v", List.of("t"), Nd4j.createFromArray(2.5, 3.5))
        .variable("w", List.of(), Nd4j.scalar(8)).build();
    Dataset ab = Dataset.concat(List.of(a, b), "t");
    assertEquals(DType.DOUBLE, ab.variable("v").type());
    assertArrayEquals(new double[] {1, 2, 2.5, 3.5}, ab.variable("v").toDoubleArray());
    assertEquals(List.of("t"), ab.variable("w").dims());
    assertArrayEquals(new double[] {7, 7, 8, 8}, ab.variable("w").toDoubleArray());
  }

  @Test
  void concatNamesWhatDiffers() {
    Dataset first = tutorial();
    var e = assertThrows(IllegalArgumentException.class, () -> Dataset.concat(List.of(first, first.dropVars("a_out")), "a"));
    assertEquals("concat along 'a': dataset 1 has the variables [b_out] and dataset 0 [a_out, b_out] (missing [a_out]); "
        + "select the same variables in each", e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> Dataset.concat(List.of(first, first), "a"));
    assertEquals("concat along 'a': the label 1 appears in more than one dataset; merge joins datasets whose labels "
        + "overlap", e.getMessage());
    Dataset other = DatasetTest.block(new int[] {4}, new String[] {"x", "w"}, 0);
    e = assertThrows(IllegalArgumentException.class, () -> Dataset.concat(List.of(first, other), "a"));
    assertEquals("concat along 'a': dimension 'b' has the labels ['x', 'w'] in dataset 1 and ['x', 'y', 'z'] in "
        + "dataset 0; merge aligns differing labels", e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> Dataset.concat(List.of(first, first), "run", Index.ofInts(1)));
    assertEquals("concat along the new dimension 'run': 2 datasets but 1 labels [1]", e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> Dataset.concat(List.of(), "a"));
    assertEquals("concat: no datasets; expected at least one", e.getMessage());
  }

  @Test
  void dropVarsAndAssignCoords() {
    Dataset ds = tutorial();
    assertEquals(List.of("b_out"), List.copyOf(ds.dropVars("a_out").variables().keySet()));
    Dataset noLabels = ds.dropVars("b");
    assertFalse(noLabels.coords().containsKey("b"));
    assertEquals(3, noLabels.sizes().get("b"));
    var e = assertThrows(IllegalArgumentException.class, () -> ds.dropVars("q"));
    assertEquals("dropVars: no variable 'q'; the variables are [a_out, b_out] and the labelled dimensions [a, b, c]",
        e.getMessage());
    Dataset relabelled = noLabels.assignCoords("b", Index.ofStrings("p", "q", "r"));
    assertEquals("1-y-true", relabelled.value("a_out", Map.of("a", 1, "b", "q", "c", true)));
    Dataset extra = ds.assignCoords("t", Index.ofDoubles(0, 0.5));
    assertEquals(2, extra.sizes().get("t"));
    e = assertThrows(IllegalArgumentException.class, () -> ds.assignCoords("a", Index.ofInts(1, 2)));
    assertEquals("assignCoords: dimension 'a' has size 3, but the labels [1, 2] are 2", e.getMessage());
  }
}
