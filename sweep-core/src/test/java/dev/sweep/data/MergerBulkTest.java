package dev.sweep.data;

import static dev.sweep.testing.DatasetAssertions.assertIdentical;
import static org.junit.jupiter.api.Assertions.*;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.commons.math3.complex.Complex;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The bulk merge of float64 and float32 variables, against a cell-by-cell expectation computed here
 * over labels, and against the element-by-element path ({@code Merger.merge(.., false)}).
 */
class MergerBulkTest {
  private static final String[] DIMS = {"p", "q", "r"};

  /** One side of a merge: its labels per dimension (in storage order) and its values in C order. */
  private record Side(int[][] labels, double[] values, boolean single) {
    Dataset dataset() {
      Dataset.Builder b = Dataset.builder();
      long[] shape = new long[labels.length];
      List<String> dims = new ArrayList<>();
      for (int d = 0; d < labels.length; d++) {
        b.coord(DIMS[d], Index.ofInts(labels[d]));
        shape[d] = labels[d].length;
        dims.add(DIMS[d]);
      }
      if (single) {
        float[] f = new float[values.length];
        for (int i = 0; i < f.length; i++) f[i] = (float) values[i];
        b.variable("v", dims, Nd4j.create(f, shape, DataType.FLOAT));
      } else {
        b.variable("v", dims, Nd4j.create(values, shape, DataType.DOUBLE));
      }
      return b.build();
    }

    /** {@return the non-missing values by their labels, visited in C order} */
    LinkedHashMap<List<Integer>, Double> cells() {
      LinkedHashMap<List<Integer>, Double> m = new LinkedHashMap<>();
      int rank = labels.length;
      int[] idx = new int[rank];
      for (int k = 0; k < values.length; k++) {
        List<Integer> at = new ArrayList<>();
        for (int d = 0; d < rank; d++) at.add(labels[d][idx[d]]);
        if (!Double.isNaN(values[k])) m.put(at, values[k]);
        for (int d = rank - 1; d >= 0; d--) {
          if (++idx[d] < labels[d].length) break;
          idx[d] = 0;
        }
      }
      return m;
    }
  }

  /** The labels a..a+n-1, shuffled if asked. */
  private static int[] labels(int from, int n, boolean shuffled, Random rnd) {
    List<Integer> l = new ArrayList<>();
    for (int i = 0; i < n; i++) l.add(from + i);
    if (shuffled) Collections.shuffle(l, rnd);
    return l.stream().mapToInt(Integer::intValue).toArray();
  }

  /** Random labels out of 0..universe-1, in random order. */
  private static int[] someLabels(int universe, Random rnd) {
    List<Integer> l = new ArrayList<>();
    for (int i = 0; i < universe; i++) l.add(i);
    Collections.shuffle(l, rnd);
    List<Integer> pick = l.subList(0, 1 + rnd.nextInt(universe));
    return pick.stream().mapToInt(Integer::intValue).toArray();
  }

  /** Values few enough to collide (equal values, 0.0 against -0.0), with NaN holes; exact in float32. */
  private static double[] values(int n, double holes, Random rnd) {
    double[] v = new double[n];
    for (int i = 0; i < n; i++) {
      int pick = rnd.nextInt(6);
      v[i] = rnd.nextDouble() < holes ? Double.NaN : pick == 4 ? -0.0 : pick == 5 ? 0.0 : pick * 0.5;
    }
    return v;
  }

  private static Side side(int[][] labels, double holes, boolean single, Random rnd) {
    int n = 1;
    for (int[] l : labels) n *= l.length;
    return new Side(labels, values(n, holes, rnd), single);
  }

  /** The merge as a loop over labels: old values, then new ones by the policy; missing never erases. */
  private static Map<List<Integer>, Double> expected(Side old, Side neu, MergePolicy policy) {
    Map<List<Integer>, Double> m = new HashMap<>(old.cells());
    for (Map.Entry<List<Integer>, Double> e : neu.cells().entrySet()) {
      Double was = m.get(e.getKey());
      if (was == null || policy == MergePolicy.NEW_WINS) m.put(e.getKey(), e.getValue());
      else if (policy == MergePolicy.FAIL_ON_CONFLICT && was.doubleValue() != e.getValue().doubleValue()) {
        throw new IllegalStateException("conflict at " + e.getKey());
      }
    }
    return m;
  }

  /** The first cell of the new side, in its C order, that conflicts with the old side; null if none. */
  private static List<Integer> firstConflict(Side old, Side neu) {
    Map<List<Integer>, Double> o = old.cells();
    for (Map.Entry<List<Integer>, Double> e : neu.cells().entrySet()) {
      Double was = o.get(e.getKey());
      if (was != null && was.doubleValue() != e.getValue().doubleValue()) return e.getKey();
    }
    return null;
  }

  private static void check(Side old, Side neu, MergePolicy policy, String what) {
    Dataset a = old.dataset();
    Dataset b = neu.dataset();
    List<Integer> conflict = policy == MergePolicy.FAIL_ON_CONFLICT ? firstConflict(old, neu) : null;
    if (conflict != null) {
      MergeConflictException bulk = assertThrows(MergeConflictException.class,
          () -> Merger.merge(a, b, policy, true), what);
      MergeConflictException each = assertThrows(MergeConflictException.class,
          () -> Merger.merge(a, b, policy, false), what);
      assertEquals(each.getMessage(), bulk.getMessage(), what);
      Map<String, Object> at = new HashMap<>();
      for (int d = 0; d < conflict.size(); d++) at.put(DIMS[d], conflict.get(d));
      assertEquals(at, bulk.coordinates(), what);
      assertEquals("v", bulk.variable(), what);
      return;
    }
    Dataset m = Merger.merge(a, b, policy, true);
    assertIdentical(Merger.merge(a, b, policy, false), m);
    Variable v = m.variable("v");
    assertEquals(old.single() && neu.single() ? DType.FLOAT : DType.DOUBLE, v.type(), what);
    Map<List<Integer>, Double> want = expected(old, neu, policy);
    int rank = old.labels().length;
    Index[] ix = new Index[rank];
    int[] size = new int[rank];
    for (int d = 0; d < rank; d++) {
      ix[d] = m.coord(DIMS[d]);
      size[d] = ix[d].size();
    }
    int[] idx = new int[rank];
    for (long k = 0; k < v.size(); k++) {
      List<Integer> at = new ArrayList<>();
      for (int d = 0; d < rank; d++) at.add(((Number) ix[d].get(idx[d])).intValue());
      Double w = want.get(at);
      // assertEquals on doubles compares bits: -0.0 is not 0.0, NaN is NaN
      assertEquals(w == null ? Double.NaN : w, v.getDouble(idx), what + " at " + at);
      for (int d = rank - 1; d >= 0; d--) {
        if (++idx[d] < size[d]) break;
        idx[d] = 0;
      }
    }
  }

  @Test
  void bulkMergeMatchesTheCellByCellMergeOnRandomGrids() {
    boolean[][] types = {{false, false}, {true, false}, {false, true}, {true, true}};
    int conflicts = 0;
    for (int seed = 0; seed < 40; seed++) {
      Random rnd = new Random(seed);
      for (int rank : new int[] {1, 3}) {
        for (boolean[] t : types) {
          for (MergePolicy policy : MergePolicy.values()) {
            String what = "seed " + seed + ", rank " + rank + ", float32 " + t[0] + "/" + t[1] + ", " + policy;
            // Disjoint along the first dimension, the same sorted labels along the others: whole runs.
            int[][] la = new int[rank][];
            int[][] lb = new int[rank][];
            int n0 = 1 + rnd.nextInt(6);
            la[0] = labels(0, n0, false, rnd);
            lb[0] = labels(n0, 1 + rnd.nextInt(6), false, rnd);
            for (int d = 1; d < rank; d++) {
              la[d] = labels(0, 1 + rnd.nextInt(5), false, rnd);
              lb[d] = la[d].clone();
            }
            check(side(la, 0.2, t[0], rnd), side(lb, 0.2, t[1], rnd), policy, "disjoint, " + what);
            // Overlapping labels in shuffled orders: broken runs, cells both sides hold.
            int[][] oa = new int[rank][];
            int[][] ob = new int[rank][];
            for (int d = 0; d < rank; d++) {
              oa[d] = someLabels(7, rnd);
              ob[d] = someLabels(7, rnd);
            }
            Side a = side(oa, 0.25, t[0], rnd);
            Side b = side(ob, 0.25, t[1], rnd);
            if (policy == MergePolicy.FAIL_ON_CONFLICT && firstConflict(a, b) != null) conflicts++;
            check(a, b, policy, "overlapping, " + what);
            // The same labels on both sides, the new side reordered.
            int[][] sb = new int[rank][];
            for (int d = 0; d < rank; d++) sb[d] = labels(0, oa[d].length, true, rnd);
            for (int d = 0; d < rank; d++) {
              for (int i = 0; i < sb[d].length; i++) sb[d][i] = oa[d][sb[d][i]];
            }
            check(a, side(sb, 0.5, t[1], rnd), policy, "same labels reordered, " + what);
          }
        }
      }
    }
    assertTrue(conflicts > 20, "the random grids exercise conflicts: " + conflicts);
  }

  @Test
  void aConflictNamesTheFirstConflictingCellOfTheNewData() {
    // Old: p = 0, 1, 2; new: p = 2, 1 (reversed), q = 1, 0; conflicts at p=2,q=0 and p=1,q=1.
    Dataset a = Dataset.builder().coord("p", Index.ofInts(0, 1, 2)).coord("q", Index.ofInts(0, 1))
        .variable("v", List.of("p", "q"), Nd4j.create(new double[] {1, 2, 3, 4, 5, 6}, new long[] {3, 2},
            DataType.DOUBLE)).build();
    Dataset b = Dataset.builder().coord("p", Index.ofInts(2, 1)).coord("q", Index.ofInts(1, 0))
        .variable("v", List.of("p", "q"), Nd4j.create(new float[] {Float.NaN, 7.5f, 3.5f, 3f}, new long[] {2, 2},
            DataType.FLOAT)).build();
    var e = assertThrows(MergeConflictException.class, () -> a.merge(b));
    assertEquals("variable 'v' conflicts at p=2, q=0: existing value 5.0, new value 7.5; "
        + "merge with NEW_WINS or OLD_WINS to choose one", e.getMessage());
    assertEquals(Map.of("p", 2, "q", 0), e.coordinates());
    assertEquals(5.0, e.oldValue());
    assertEquals(7.5f, e.newValue());
    var each = assertThrows(MergeConflictException.class,
        () -> Merger.merge(a, b, MergePolicy.FAIL_ON_CONFLICT, false));
    assertEquals(each.getMessage(), e.getMessage());
  }

  @Test
  void equalValuesAndSignedZerosAreNoConflictAndTheOldCellStays() {
    Dataset a = Dataset.builder().coord("p", Index.ofInts(0, 1, 2))
        .variable("v", List.of("p"), Nd4j.createFromArray(0.0, -0.0, 2.0)).build();
    Dataset b = Dataset.builder().coord("p", Index.ofInts(0, 1, 2, 3))
        .variable("v", List.of("p"), Nd4j.createFromArray(-0.0, 0.0, Double.NaN, 4.0)).build();
    assertArrayEquals(new double[] {0.0, -0.0, 2.0, 4.0}, a.merge(b).variable("v").toDoubleArray());
    assertArrayEquals(new double[] {0.0, -0.0, 2.0, 4.0},
        a.merge(b, MergePolicy.OLD_WINS).variable("v").toDoubleArray());
    assertArrayEquals(new double[] {-0.0, 0.0, 2.0, 4.0},
        a.merge(b, MergePolicy.NEW_WINS).variable("v").toDoubleArray());
  }

  @Test
  void gapsOfFloatAndComplexVariablesAreNaN() {
    Dataset a = Dataset.builder().coord("p", Index.ofInts(0)).coord("q", Index.ofInts(0))
        .variable("f", List.of("p", "q"), Nd4j.create(new float[] {1.5f}, new long[] {1, 1}, DataType.FLOAT))
        .variable(Variable.ofComplex("z", List.of("p", "q"), new long[] {1, 1}, new Complex(1, 2)))
        .build();
    Dataset b = Dataset.builder().coord("p", Index.ofInts(1)).coord("q", Index.ofInts(1))
        .variable("f", List.of("p", "q"), Nd4j.create(new float[] {2.5f}, new long[] {1, 1}, DataType.FLOAT))
        .variable(Variable.ofComplex("z", List.of("p", "q"), new long[] {1, 1}, new Complex(3, 4)))
        .build();
    Dataset m = a.merge(b);
    assertEquals(DType.FLOAT, m.variable("f").type());
    assertArrayEquals(new double[] {1.5, Double.NaN, Double.NaN, 2.5}, m.variable("f").toDoubleArray());
    Variable z = m.variable("z");
    assertEquals(new Complex(1, 2), z.get(0, 0));
    assertEquals(new Complex(3, 4), z.get(1, 1));
    Column parts = z.column();
    for (long i : new long[] {1, 2}) {
      assertTrue(Double.isNaN(parts.getReal(i)) && Double.isNaN(parts.getImag(i)), "cell " + i);
    }
  }
}
