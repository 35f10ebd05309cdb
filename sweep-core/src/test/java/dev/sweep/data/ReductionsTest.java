package dev.sweep.data;

import static dev.sweep.testing.DatasetAssertions.assertIdentical;
import static org.junit.jupiter.api.Assertions.*;

import dev.sweep.data.Column;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

class ReductionsTest {
  /** a (int32 labels) x b (str labels) x c (float64 labels), with variables of every type and some gaps. */
  static Dataset sample(long seed) {
    Random r = new Random(seed);
    int na = 4, nb = 3, nc = 5;
    double[] f = new double[na * nb * nc];
    float[] g = new float[na * nc];
    int[] i = new int[na * nb];
    long[] l = new long[nb * nc];
    boolean[] ok = new boolean[na * nb * nc];
    String[] s = new String[na * nb];
    for (int k = 0; k < f.length; k++) f[k] = r.nextDouble() < 0.2 ? Double.NaN : Math.round(r.nextGaussian() * 100) / 10.0;
    for (int k = 0; k < nb * nc; k++) f[k] = Double.NaN; // a = 1 is all missing
    for (int k = 0; k < g.length; k++) g[k] = r.nextDouble() < 0.2 ? Float.NaN : (float) (r.nextDouble() * 10);
    for (int k = 0; k < i.length; k++) i[k] = r.nextInt(21) - 10;
    for (int k = 0; k < l.length; k++) l[k] = r.nextInt(1000) * 1_000_000_007L;
    for (int k = 0; k < ok.length; k++) ok[k] = r.nextBoolean();
    for (int k = 0; k < s.length; k++) s[k] = r.nextDouble() < 0.25 ? null : "s" + r.nextInt(5);
    return Dataset.builder()
        .coord("a", Index.ofInts(1, 2, 3, 4)).coord("b", Index.ofStrings("x", "y", "z"))
        .coord("c", Index.ofDoubles(0.0, 0.25, 0.5, 0.75, 1.0))
        .variable("f", List.of("a", "b", "c"), Nd4j.create(f, new long[] {na, nb, nc}, DataType.DOUBLE))
        .variable("g", List.of("a", "c"), Nd4j.create(g, new long[] {na, nc}))
        .variable("i", List.of("a", "b"), Nd4j.create(i, new long[] {na, nb}, DataType.INT32))
        .variable("l", List.of("b", "c"), Nd4j.createFromArray(l).reshape(nb, nc))
        .variable("ok", List.of("a", "b", "c"), Nd4j.createFromArray(ok).reshape(na, nb, nc))
        .variable("s", List.of("a", "b"), s)
        .attr("title", "sample")
        .build();
  }

  static Dataset numeric(long seed) {
    return sample(seed).dropVars("s");
  }

  // ---- an independent reference: every output cell from the values gathered position by position ----

  /** The values of v that fold into the output cell at {@code out} (positions over v's kept dims). */
  static List<Object> gather(Variable v, List<String> reduced, int[] out) {
    long[] shape = v.shape();
    List<Object> values = new ArrayList<>();
    int[] pos = new int[shape.length];
    List<Integer> red = new ArrayList<>();
    for (int d = 0, o = 0; d < shape.length; d++) {
      if (reduced.contains(v.dims().get(d))) red.add(d);
      else pos[d] = out[o++];
    }
    int total = 1;
    for (int d : red) total *= (int) shape[d];
    for (int k = 0; k < total; k++) {
      int rest = k;
      for (int q = red.size() - 1; q >= 0; q--) {
        int d = red.get(q);
        pos[d] = rest % (int) shape[d];
        rest /= (int) shape[d];
      }
      values.add(v.get(pos));
    }
    return values;
  }

  static double number(Object o) {
    if (o instanceof Boolean b) return b ? 1 : 0;
    return ((Number) o).doubleValue();
  }

  /** The reduction by its definition (xarray's, with NumPy's ddof and median conventions). */
  static Object reference(Reductions.Op op, List<Object> values, Reduce how, DType type) {
    if (type == DType.STRING) {
      List<String> present = new ArrayList<>();
      boolean gap = false;
      for (Object o : values) if (o == null) gap = true; else present.add((String) o);
      if (op == Reductions.Op.COUNT) return (long) present.size();
      if (present.isEmpty() || (gap && !how.skipna())) return null;
      return op == Reductions.Op.MIN ? present.stream().min(String::compareTo).get() : present.stream().max(String::compareTo).get();
    }
    List<Double> xs = new ArrayList<>();
    boolean gap = false;
    for (Object o : values) {
      double x = number(o);
      if (Double.isNaN(x)) gap = true;
      else xs.add(x);
    }
    boolean nan = gap && !how.skipna();
    int n = xs.size();
    boolean integral = type == DType.INT || type == DType.LONG || type == DType.BOOLEAN;
    switch (op) {
      case COUNT: return (long) n;
      case SUM:
        if (integral) return values.stream().mapToLong(o -> o instanceof Boolean b ? (b ? 1 : 0) : ((Number) o).longValue()).sum();
        return nan || n < how.minCount() ? Double.NaN : xs.stream().mapToDouble(Double::doubleValue).sum();
      case PROD: {
        if (integral) {
          long p = 1;
          for (Object o : values) p *= o instanceof Boolean b ? (b ? 1 : 0) : ((Number) o).longValue();
          return p;
        }
        double p = 1;
        for (double x : xs) p *= x;
        return nan || n < how.minCount() ? Double.NaN : p;
      }
      case MEAN: return nan || n == 0 ? Double.NaN : xs.stream().mapToDouble(Double::doubleValue).sum() / n;
      case VAR:
      case STD: {
        if (nan || n - how.ddof() <= 0) return Double.NaN;
        double mean = xs.stream().mapToDouble(Double::doubleValue).sum() / n;
        double ss = 0;
        for (double x : xs) ss += (x - mean) * (x - mean);
        double var = ss / (n - how.ddof());
        return op == Reductions.Op.STD ? Math.sqrt(var) : var;
      }
      case MEDIAN: {
        if (nan || n == 0) return Double.NaN;
        double[] a = xs.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return n % 2 == 1 ? a[n / 2] : (a[n / 2 - 1] + a[n / 2]) / 2;
      }
      case MIN:
      case MAX: {
        if (integral) {
          double m = op == Reductions.Op.MIN ? xs.stream().mapToDouble(Double::doubleValue).min().getAsDouble()
              : xs.stream().mapToDouble(Double::doubleValue).max().getAsDouble();
          return type == DType.BOOLEAN ? (Object) (m != 0) : (Object) (long) m;
        }
        if (nan || n == 0) return Double.NaN;
        return op == Reductions.Op.MIN ? xs.stream().mapToDouble(Double::doubleValue).min().getAsDouble()
            : xs.stream().mapToDouble(Double::doubleValue).max().getAsDouble();
      }
      default: throw new AssertionError(op);
    }
  }

  static Dataset run(Dataset ds, Reductions.Op op, Reduce how) {
    switch (op) {
      case SUM: return ds.sum(how);
      case MEAN: return ds.mean(how);
      case MIN: return ds.min(how);
      case MAX: return ds.max(how);
      case STD: return ds.std(how);
      case VAR: return ds.var(how);
      case MEDIAN: return ds.median(how);
      case COUNT: return ds.count(how);
      case PROD: return ds.prod(how);
      default: throw new AssertionError(op);
    }
  }

  static void assertMatchesReference(Dataset ds, Reductions.Op op, Reduce how) {
    Dataset r = run(ds, op, how);
    List<String> reduced = how.dims().isEmpty() ? ds.dims() : how.dims();
    for (Variable v : ds.variables().values()) {
      Variable out = r.variable(v.name());
      if (java.util.Collections.disjoint(v.dims(), reduced) && !op.appliesWithoutDims()) {
        assertEquals(v.withAttrs(Map.of()), out, op + " keeps " + v.name() + " as it is");
        continue;
      }
      List<String> kept = new ArrayList<>(v.dims());
      kept.removeAll(reduced);
      assertEquals(kept, out.dims(), op + " " + v.name());
      long[] shape = out.shape();
      int cells = (int) Column.product(shape);
      for (int k = 0; k < cells; k++) {
        int[] pos = new int[shape.length];
        int rest = k;
        for (int d = shape.length - 1; d >= 0; d--) {
          pos[d] = rest % (int) shape[d];
          rest /= (int) shape[d];
        }
        Object want = reference(op, gather(v, reduced, pos), how, v.type());
        Object got = out.get(pos);
        String at = op + " " + how + " of " + v.name() + " at " + Arrays.toString(pos);
        if (want instanceof Double w && !(got instanceof String)) {
          double g = number(got);
          if (Double.isNaN(w)) assertTrue(Double.isNaN(g), at + ": got " + g);
          else assertEquals(w, g, 1e-9 * Math.max(1, Math.abs(w)) * (v.type() == DType.FLOAT ? 1e4 : 1), at);
        } else if (want instanceof Long w && got instanceof Number g) {
          assertEquals((long) w, g.longValue(), at);
        } else {
          assertEquals(want, got, at);
        }
      }
    }
  }

  @Test
  void everyReductionMatchesItsDefinitionOverEverySetOfDimensions() {
    Dataset ds = sample(7);
    List<List<String>> dimSets = List.of(List.of("a"), List.of("b"), List.of("c"), List.of("a", "b"),
        List.of("a", "c"), List.of("b", "c"), List.of("c", "a"), List.of());
    for (Reductions.Op op : Reductions.Op.values()) {
      Dataset in = op.numericOnly() ? ds.dropVars("s") : ds;
      for (List<String> dims : dimSets) {
        for (boolean skipna : new boolean[] {true, false}) {
          assertMatchesReference(in, op, Reduce.over(dims.toArray(String[]::new)).skipna(skipna));
        }
      }
    }
  }

  @Test
  void ddofAndMinCountFollowXarray() {
    Dataset ds = numeric(11);
    for (int ddof : new int[] {1, 2, 4}) {
      assertMatchesReference(ds, Reductions.Op.VAR, Reduce.over("a").ddof(ddof));
      assertMatchesReference(ds, Reductions.Op.STD, Reduce.over("a", "c").ddof(ddof));
    }
    Dataset d = ds.dropVars("i", "l", "ok");
    assertMatchesReference(d, Reductions.Op.SUM, Reduce.over("b").minCount(3));
    assertMatchesReference(d, Reductions.Op.PROD, Reduce.over("c").minCount(5));
    // a = 1 holds no value: its sum is 0, or NaN with a minimum count
    Map<String, Object> at = Map.of("a", 1);
    assertEquals(0.0, ds.sum("b", "c").doubleValue("f", at));
    assertTrue(Double.isNaN(ds.sum(Reduce.over("b", "c").minCount(1)).doubleValue("f", at)));
    assertEquals(1.0, ds.prod("b", "c").doubleValue("f", at));
    assertTrue(Double.isNaN(ds.mean("b", "c").doubleValue("f", at)));
    assertEquals(0L, ds.count("b", "c").value("f", at));
  }

  @Test
  void resultTypesFollowXarray() {
    Dataset ds = numeric(3);
    Map<Reductions.Op, List<DType>> want = Map.of( // f, g, i, l, ok
        Reductions.Op.SUM, List.of(DType.DOUBLE, DType.FLOAT, DType.LONG, DType.LONG, DType.LONG),
        Reductions.Op.PROD, List.of(DType.DOUBLE, DType.FLOAT, DType.LONG, DType.LONG, DType.LONG),
        Reductions.Op.MEAN, List.of(DType.DOUBLE, DType.FLOAT, DType.DOUBLE, DType.DOUBLE, DType.DOUBLE),
        Reductions.Op.STD, List.of(DType.DOUBLE, DType.FLOAT, DType.DOUBLE, DType.DOUBLE, DType.DOUBLE),
        Reductions.Op.MEDIAN, List.of(DType.DOUBLE, DType.FLOAT, DType.DOUBLE, DType.DOUBLE, DType.DOUBLE),
        Reductions.Op.MIN, List.of(DType.DOUBLE, DType.FLOAT, DType.INT, DType.LONG, DType.BOOLEAN),
        Reductions.Op.COUNT, List.of(DType.LONG, DType.LONG, DType.LONG, DType.LONG, DType.LONG));
    for (Map.Entry<Reductions.Op, List<DType>> e : want.entrySet()) {
      Dataset r = run(ds, e.getKey(), Reduce.all());
      List<DType> types = new ArrayList<>();
      for (Variable v : r.variables().values()) types.add(v.type());
      assertEquals(e.getValue(), types, e.getKey().label());
    }
    assertEquals(DType.DOUBLE, ds.sum(Reduce.all().minCount(1)).variable("i").type());
    assertEquals(DType.STRING, sample(3).min("a").variable("s").type());
  }

  @Test
  void tutorialMeanDropsTheReducedDimensionAndItsLabels() {
    Dataset ds = DatasetTest.block(new int[] {1, 2, 3}, new String[] {"x", "y", "z"}, 0).dropVars("a_out");
    Dataset m = ds.mean("b", "c");
    assertEquals(Map.of("a", 3), m.sizes());
    assertEquals(Index.ofInts(1, 2, 3), m.coord("a"));
    assertArrayEquals(new double[] {1, 2, 3}, m.variable("b_out").toDoubleArray());
    Dataset all = ds.mean();
    assertEquals(Map.of(), all.sizes());
    assertEquals(2.0, all.variable("b_out").getDouble());
    assertEquals(List.of(), all.variable("b_out").dims());
  }

  @Test
  void variablesWithoutTheDimensionAreKeptExceptByCountStdAndVar() {
    Dataset ds = numeric(5);
    assertSame(ds.variable("l").storage(), ds.mean("a").variable("l").storage());
    assertEquals(ds.variable("l").withAttrs(Map.of()), ds.max("a").variable("l"));
    Variable counted = ds.count("a").variable("l");
    assertEquals(DType.LONG, counted.type());
    for (double x : counted.toDoubleArray()) assertEquals(1.0, x);
    for (double x : ds.std("a").variable("l").toDoubleArray()) assertEquals(0.0, x);
    for (double x : ds.var(Reduce.over("a").ddof(1)).variable("l").toDoubleArray()) assertTrue(Double.isNaN(x));
  }

  @Test
  void attributesAreDroppedUnlessKept() {
    Dataset ds = sample(1).dropVars("s");
    Dataset withUnits = ds.toBuilder().removeVariable("f").variable(ds.variable("f").withAttrs(Map.of("units", "m"))).build();
    assertEquals(Map.of(), withUnits.mean("a").attrs());
    assertEquals(Map.of(), withUnits.mean("a").variable("f").attrs());
    Dataset kept = withUnits.mean(Reduce.over("a").keepAttrs(true));
    assertEquals(Map.of("title", "sample"), kept.attrs());
    assertEquals(Map.of("units", "m"), kept.variable("f").attrs());
  }

  @Test
  void integerSumsAreExactInt64AndWrapAsNumPyDoes() {
    long big = 1L << 60;
    Dataset ds = Dataset.builder().coord("n", Index.ofInts(0, 1, 2))
        .variable("v", List.of("n"), Nd4j.createFromArray(big + 1, big + 2, 7L))
        .variable("w", List.of("n"), Nd4j.createFromArray(Long.MAX_VALUE, 1L, 0L)).build();
    assertEquals(2 * big + 10, ds.sum().value("v", Map.of()));
    assertEquals(Long.MIN_VALUE, ds.sum().value("w", Map.of()));
  }

  @Test
  void stringsHaveMinMaxAndCountOnly() {
    Dataset ds = Dataset.builder().coord("a", Index.ofInts(1, 2, 3))
        .variable("s", List.of("a"), "b", null, "a")
        .variable("y", List.of("a"), Nd4j.createFromArray(1.0, 2.0, 3.0)).build();
    assertEquals("a", ds.min().value("s", Map.of()));
    assertEquals("b", ds.max().value("s", Map.of()));
    assertNull(ds.min(Reduce.all().skipna(false)).value("s", Map.of()));
    assertEquals(2L, ds.count().value("s", Map.of()));
    var e = assertThrows(IllegalArgumentException.class, () -> ds.mean("a"));
    assertEquals("cannot take the mean of variable 's' (str); the numeric and bool variables are [y]: "
        + "drop the others first with dropVars(\"s\")", e.getMessage());
  }

  @Test
  void unknownDimensionsAreNamedWithThoseThatExist() {
    Dataset ds = numeric(1);
    var e = assertThrows(IllegalArgumentException.class, () -> ds.sum("a", "q"));
    assertEquals("sum over [a, q]: no dimension 'q'; the dimensions are [a, b, c]", e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> ds.median(Reduce.over("p", "q")));
    assertEquals("median over [p, q]: no dimension [p, q]; the dimensions are [a, b, c]", e.getMessage());
    assertEquals("dimensions to reduce over [a, a] repeat a name",
        assertThrows(IllegalArgumentException.class, () -> Reduce.over("a", "a")).getMessage());
    assertEquals("ddof is -1; expected 0 or more",
        assertThrows(IllegalArgumentException.class, () -> Reduce.all().ddof(-1)).getMessage());
  }

  @Test
  void minOfAnEmptyDimensionIsAnError() {
    Dataset ds = Dataset.builder().dim("n", 0).variable("v", List.of("n"), Nd4j.create(DataType.DOUBLE, 0)).build();
    assertEquals(0.0, ds.sum().variable("v").getDouble());
    assertEquals(0L, ds.count().value("v", Map.of()));
    assertTrue(Double.isNaN(ds.mean().variable("v").getDouble()));
    var e = assertThrows(IllegalArgumentException.class, () -> ds.min("n"));
    assertEquals("min over [n]: variable 'v' has no values along [n] (size 0), so it has no min", e.getMessage());
  }

  @Test
  void idxminAndIdxmaxGiveLabelsAndMissingWhereEveryValueIs() {
    Dataset ds = Dataset.builder().coord("a", Index.ofInts(10, 20, 30)).coord("b", Index.ofStrings("p", "q"))
        .variable("f", List.of("a", "b"), Nd4j.createFromArray(new double[][] {{Double.NaN, 3}, {Double.NaN, 1}, {Double.NaN, 1}}))
        .variable("i", List.of("a", "b"), Nd4j.createFromArray(new int[][] {{5, 2}, {5, 9}, {4, 9}})).build();
    Dataset lo = ds.idxmin("a");
    assertEquals(DType.DOUBLE, lo.variable("f").type()); // a gap: int labels become float64
    assertTrue(Double.isNaN(lo.doubleValue("f", Map.of("b", "p"))));
    assertEquals(20.0, lo.doubleValue("f", Map.of("b", "q"))); // ties: the first
    assertEquals(DType.INT, lo.variable("i").type());
    assertArrayEquals(new double[] {30, 10}, lo.variable("i").toDoubleArray());
    assertArrayEquals(new double[] {10, 20}, ds.idxmax("a").variable("i").toDoubleArray());
    assertArrayEquals(new double[] {10, 20}, ds.idxmin(Reduce.over("a").skipna(false)).variable("f").toDoubleArray());
    Dataset byB = ds.idxmax("b");
    assertEquals(DType.STRING, byB.variable("f").type());
    assertArrayEquals(new String[] {"q", "q", "q"}, byB.variable("f").toStringArray());
    var e = assertThrows(IllegalArgumentException.class, () -> ds.idxmin(Reduce.all()));
    assertEquals("idxmin takes one dimension; got none (every dimension); the dimensions are [a, b]", e.getMessage());
    Dataset partial = ds.toBuilder().variable("g", List.of("b"), Nd4j.createFromArray(1.0, 2.0)).build();
    e = assertThrows(IllegalArgumentException.class, () -> partial.idxmax("a"));
    assertEquals("idxmax over 'a': variable 'g' has dimensions [b], without 'a'; drop it first with dropVars(\"g\")",
        e.getMessage());
    Dataset unlabelled = Dataset.builder().dim("n", 2).variable("v", List.of("n"), Nd4j.createFromArray(1.0, 0.0)).build();
    e = assertThrows(IllegalArgumentException.class, () -> unlabelled.idxmin("n"));
    assertEquals("idxmin over 'n': dimension 'n' has no labels; the labelled dimensions are []", e.getMessage());
  }

  @Test
  void longRunsOverChunkBoundariesMatchTheReference() {
    int n = Strided.CHUNK * 3 + 17;
    double[] v = new double[n * 3];
    Random r = new Random(2);
    for (int k = 0; k < v.length; k++) v[k] = r.nextDouble() < 0.01 ? Double.NaN : r.nextGaussian();
    Dataset ds = Dataset.builder().dim("x", 3).dim("y", n)
        .variable("v", List.of("x", "y"), Nd4j.create(v, new long[] {3, n}, DataType.DOUBLE)).build();
    for (String dim : List.of("x", "y")) {
      assertMatchesReference(ds, Reductions.Op.MEAN, Reduce.over(dim));
      assertMatchesReference(ds, Reductions.Op.STD, Reduce.over(dim));
      assertMatchesReference(ds, Reductions.Op.MEDIAN, Reduce.over(dim));
    }
    assertIdentical(ds.sum("x", "y"), ds.sum());
  }
}
