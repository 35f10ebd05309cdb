package dev.sweep.data;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.DoublePredicate;

/**
 * Selection and masking behind {@link Dataset#sel(Map, Lookup)}, {@link Dataset#isel} with
 * {@link Slice}s, {@link Dataset#where}, {@link Dataset#dropMissing} and {@link Dataset#dropSel}:
 * each turns labels or a condition into positions, then takes them with {@link Dataset#isel}.
 */
final class Selection {
  private Selection() {}

  /**
   * True if plain {@code sel} should hand these labels over: a {@link Slice}, or a label of a type the
   * dimension's labels cannot match (which gets a message naming both types).
   */
  static boolean needed(Dataset ds, Map<String, ?> labels) {
    for (Map.Entry<String, ?> e : labels.entrySet()) {
      Object v = e.getValue();
      if (v instanceof Slice) return true;
      Index ix = ds.coords().get(e.getKey());
      if (ix == null) continue;
      for (Object l : v instanceof Collection<?> c ? c : java.util.Collections.singletonList(v)) {
        if (l != null && !fits(ix, l)) return true;
      }
    }
    return false;
  }

  /** True if some position is a {@link Slice}. */
  static boolean hasSlices(Map<String, ?> positions) {
    for (Object v : positions.values()) if (v instanceof Slice) return true;
    return false;
  }

  static Dataset sel(Dataset ds, Map<String, ?> labels, Lookup lookup) {
    Map<String, Object> positions = new LinkedHashMap<>();
    for (Map.Entry<String, ?> e : labels.entrySet()) {
      String dim = e.getKey();
      Index ix = labelled(ds, dim, "sel");
      Object v = e.getValue();
      if (v instanceof Slice s) {
        if (lookup.isNearest()) {
          throw new IllegalArgumentException("sel along '" + dim + "': " + s + " is a range; nearest lookup takes "
              + "single labels or collections of labels, not ranges");
        }
        positions.put(dim, range(ix, s, dim));
      } else if (v instanceof Collection<?> c) {
        int[] p = new int[c.size()];
        int k = 0;
        for (Object l : c) p[k++] = find(ix, l, dim, lookup);
        requireDistinct(ix, p, c, dim);
        positions.put(dim, p);
      } else {
        positions.put(dim, find(ix, v, dim, lookup));
      }
    }
    return ds.isel(positions);
  }

  static Dataset isel(Dataset ds, Map<String, ?> positions) {
    Map<String, Object> plain = new LinkedHashMap<>();
    for (Map.Entry<String, ?> e : positions.entrySet()) {
      Object v = e.getValue();
      if (v instanceof Slice s) {
        plain.put(e.getKey(), s.positions(requireDim(ds, e.getKey(), "isel"), e.getKey()));
      } else {
        plain.put(e.getKey(), v);
      }
    }
    return ds.isel(plain);
  }

  static int requireDim(Dataset ds, String dim, String what) {
    Integer s = ds.sizes().get(dim);
    if (s == null) {
      throw new IllegalArgumentException((what.isEmpty() ? "" : what + ": ") + "no dimension '" + dim
          + "'; the dimensions are " + ds.dims());
    }
    return s;
  }

  private static Index labelled(Dataset ds, String dim, String what) {
    requireDim(ds, dim, what.equals("sel") ? "" : what);
    Index ix = ds.coords().get(dim);
    if (ix == null) {
      throw new IllegalArgumentException(what + " along '" + dim + "': the dimension has no labels; select by "
          + "position with isel (the labelled dimensions are " + ds.coords().keySet() + ")");
    }
    return ix;
  }

  /** The position of a label, exactly or nearest; a label of the wrong type or absent is an error that lists the labels. */
  private static int find(Index ix, Object label, String dim, Lookup lookup) {
    if (label == null) {
      throw new IllegalArgumentException("sel along '" + dim + "': the label is null; its labels are " + ix);
    }
    requireType(ix, label, dim);
    if (!lookup.isNearest()) {
      int p = ix.indexOf(label);
      if (p < 0) {
        throw new IllegalArgumentException("dimension '" + dim + "' has no label " + Index.show(label) + "; its labels are "
            + ix + (ix.type().isNumeric() ? " (Lookup.nearest() finds the closest)" : ""));
      }
      return p;
    }
    if (!ix.type().isNumeric()) {
      throw new IllegalArgumentException("sel along '" + dim + "': nearest lookup needs numeric labels, and '" + dim
          + "' has " + ix.type() + " labels " + ix);
    }
    double target = ((Number) label).doubleValue();
    int best = -1;
    double bestDistance = Double.POSITIVE_INFINITY;
    for (int i = 0; i < ix.size(); i++) {
      double d = Math.abs(ix.getDouble(i) - target);
      if (best < 0 || d < bestDistance || (d == bestDistance && ix.getDouble(i) > ix.getDouble(best))) {
        best = i;
        bestDistance = d;
      }
    }
    if (best < 0) {
      throw new IllegalArgumentException("sel along '" + dim + "': the dimension has no labels (size 0)");
    }
    if (!(bestDistance <= lookup.tolerance())) {
      throw new IllegalArgumentException("sel along '" + dim + "': no label within " + lookup.tolerance() + " of "
          + Index.show(label) + "; the nearest is " + Index.show(ix.get(best)) + " and the labels are " + ix);
    }
    return best;
  }

  private static boolean fits(Index ix, Object label) {
    DType t = DType.of(label);
    return t != null && (t == ix.type() || (t.isNumeric() && ix.type().isNumeric()));
  }

  private static void requireType(Index ix, Object label, String dim) {
    if (!fits(ix, label)) {
      throw new IllegalArgumentException("sel along '" + dim + "': the label " + Index.show(label) + " is a "
          + label.getClass().getSimpleName() + ", but the labels of '" + dim + "' are " + ix.type() + " " + ix);
    }
  }

  private static void requireDistinct(Index ix, int[] p, Collection<?> asked, String dim) {
    Map<Integer, Object> seen = new LinkedHashMap<>();
    int k = 0;
    for (Object l : asked) {
      Object before = seen.putIfAbsent(p[k], l);
      if (before != null) {
        throw new IllegalArgumentException("sel along '" + dim + "': " + Index.show(before) + " and " + Index.show(l)
            + " both select the label " + Index.show(ix.get(p[k])) + "; a dimension's labels must be distinct");
      }
      k++;
    }
  }

  /** The positions whose labels lie in the range, both ends included. */
  private static int[] range(Index ix, Slice s, String dim) {
    if (s.step() < 0) {
      throw new IllegalArgumentException("sel along '" + dim + "': " + s + " has a negative step; label ranges run "
          + "the labels' way (reverse with isel and Slice.all().step(-1))");
    }
    for (Object end : new Object[] {s.start().orElse(null), s.stop().orElse(null)}) {
      if (end != null) requireType(ix, end, dim);
    }
    int n = ix.size();
    int order = order(ix);
    if (order == 0) {
      throw new IllegalArgumentException("sel along '" + dim + "': the range " + s + " needs sorted labels, and the "
          + "labels of '" + dim + "' are " + ix + "; select a collection of labels instead");
    }
    Object lo = s.start().orElse(null);
    Object hi = s.stop().orElse(null);
    if (lo != null && hi != null && order * compare(ix, lo, hi) > 0) {
      throw new IllegalArgumentException("sel along '" + dim + "': the range " + s + " runs backwards; the labels of '"
          + dim + "' " + (order > 0 ? "ascend" : "descend") + " " + ix + ", so give the range from "
          + Index.show(hi) + " to " + Index.show(lo));
    }
    List<Integer> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      Object l = ix.get(i);
      boolean afterStart = lo == null || order * compare(ix, l, lo) >= 0;
      boolean beforeStop = hi == null || order * compare(ix, l, hi) <= 0;
      if (afterStart && beforeStop) out.add(i);
    }
    int[] p = new int[(out.size() + s.step() - 1) / s.step()];
    for (int i = 0; i < p.length; i++) p[i] = out.get(i * s.step());
    return p;
  }

  /** 1 if the labels ascend strictly, -1 if they descend strictly, 0 otherwise (one label counts as ascending). */
  private static int order(Index ix) {
    if (ix.isSorted()) return 1;
    for (int i = 1; i < ix.size(); i++) if (compare(ix, ix.get(i - 1), ix.get(i)) <= 0) return 0;
    return -1;
  }

  private static int compare(Index ix, Object a, Object b) {
    switch (ix.type()) {
      case STRING: return ((String) label(a)).compareTo((String) label(b));
      case BOOLEAN: return Boolean.compare((Boolean) a, (Boolean) b);
      default: return Double.compare(((Number) a).doubleValue(), ((Number) b).doubleValue());
    }
  }

  private static Object label(Object v) {
    return v instanceof Enum<?> e ? e.name() : v.toString();
  }

  // ---- where ----

  static Dataset where(Dataset ds, Variable cond) {
    if (cond.type() != DType.BOOLEAN) {
      throw new IllegalArgumentException("where: the condition '" + cond.name() + "' is " + cond.type()
          + "; expected a bool variable (or use where(variable, predicate))");
    }
    long[] cshape = cond.shape();
    for (int d = 0; d < cshape.length; d++) {
      String dim = cond.dims().get(d);
      Integer size = ds.sizes().get(dim);
      if (size == null) {
        throw new IllegalArgumentException("where: the condition has dimension '" + dim + "', which the dataset lacks; "
            + "the dimensions are " + ds.dims());
      }
      if (size != cshape[d]) {
        throw new IllegalArgumentException("where: the condition has size " + cshape[d] + " along '" + dim
            + "', the dataset " + size);
      }
    }
    Dataset.Builder b = ds.toBuilder();
    for (Variable v : ds.variables().values()) {
      b.removeVariable(v.name());
      b.variable(mask(v, cond));
    }
    return b.build();
  }

  static Dataset where(Dataset ds, String variable, DoublePredicate keep) {
    Variable v = ds.variable(variable);
    if (v.type() == DType.STRING) {
      throw new IllegalArgumentException("where: variable '" + variable + "' is str; a predicate tests numbers");
    }
    if (v.type().isComplex()) {
      throw new IllegalArgumentException("where: variable '" + variable + "' is " + v.type() + "; a predicate tests "
          + "real numbers: test ds.get(\"" + variable + "\").abs() (or real(), imag()) and pass that condition");
    }
    Column c = v.storage();
    Column flags = Column.allocate(DType.BOOLEAN, v.shape());
    double[] buf = new double[(int) Math.min(Strided.CHUNK, Math.max(c.length(), 1))];
    for (long k = 0; k < c.length(); k += buf.length) {
      int n = (int) Math.min(buf.length, c.length() - k);
      c.getDoubles(k, buf, 0, n);
      for (int t = 0; t < n; t++) if (keep.test(buf[t])) flags.setBoolean(k + t, true);
    }
    return where(ds, Variable.of(variable, v.dims(), flags));
  }

  /** The variable broadcast over the condition's dimensions, missing where the condition is false. */
  private static Variable mask(Variable v, Variable cond) {
    List<String> dims = new ArrayList<>(v.dims());
    for (String d : cond.dims()) if (!dims.contains(d)) dims.add(d);
    long[] vshape = v.shape();
    long[] cshape = cond.shape();
    long[] shape = new long[dims.size()];
    for (int d = 0; d < shape.length; d++) {
      int i = v.dims().indexOf(dims.get(d));
      shape[d] = i >= 0 ? vshape[i] : cshape[cond.dims().indexOf(dims.get(d))];
    }
    long[] vstep = steps(v.dims(), vshape, dims);
    long[] cstep = steps(cond.dims(), cshape, dims);
    Column src = v.storage();
    Column flags = cond.storage();
    long n = Column.product(shape);
    DType type = v.type();
    if (!type.hasMissing() && anyFalse(flags)) type = DType.DOUBLE;
    Column out = Column.allocate(type, shape);
    int[] idx = new int[shape.length];
    long vo = 0;
    long co = 0;
    for (long k = 0; k < n; k++) {
      if (flags.getLong(co) != 0) src.copyTo(vo, out, k);
      else if (type.hasMissing()) out.setMissing(k);
      for (int d = shape.length - 1; d >= 0; d--) {
        if (++idx[d] < shape[d]) {
          vo += vstep[d];
          co += cstep[d];
          break;
        }
        vo -= vstep[d] * (shape[d] - 1);
        co -= cstep[d] * (shape[d] - 1);
        idx[d] = 0;
      }
    }
    return Variable.of(v.name(), dims, out).withAttrs(v.attrs());
  }

  /** The storage stride of each of {@code dims} in an array over {@code own} dimensions; 0 for dimensions it lacks. */
  static long[] steps(List<String> own, long[] ownShape, List<String> dims) {
    long[] strides = Dataset.strides(ownShape);
    long[] out = new long[dims.size()];
    for (int d = 0; d < out.length; d++) {
      int i = own.indexOf(dims.get(d));
      out[d] = i < 0 ? 0 : strides[i];
    }
    return out;
  }

  private static boolean anyFalse(Column flags) {
    for (long k = 0; k < flags.length(); k++) if (flags.getLong(k) == 0) return true;
    return false;
  }

  // ---- dropMissing and dropSel ----

  static Dataset dropMissing(Dataset ds, String dim, Drop how) {
    int size = requireDim(ds, dim, "dropMissing");
    long[] present = new long[size];
    long[] total = new long[size];
    for (Variable v : ds.variables().values()) {
      int axis = v.dims().indexOf(dim);
      if (axis < 0) continue;
      long[] shape = v.shape();
      long before = 1;
      long after = 1;
      for (int d = 0; d < axis; d++) before *= shape[d];
      for (int d = axis + 1; d < shape.length; d++) after *= shape[d];
      Column c = v.storage();
      boolean canMiss = c.type().hasMissing();
      for (int p = 0; p < size; p++) {
        total[p] += before * after;
        if (!canMiss) {
          present[p] += before * after;
          continue;
        }
        for (long i = 0; i < before; i++) {
          long base = (i * size + p) * after;
          for (long j = 0; j < after; j++) if (!c.isMissing(base + j)) present[p]++;
        }
      }
    }
    List<Integer> keep = new ArrayList<>();
    for (int p = 0; p < size; p++) {
      boolean kept = how == Drop.ANY ? present[p] == total[p] : present[p] > 0 || total[p] == 0;
      if (kept) keep.add(p);
    }
    return ds.isel(Map.of(dim, keep.stream().mapToInt(Integer::intValue).toArray()));
  }

  static Dataset dropSel(Dataset ds, Map<String, ?> labels) {
    Map<String, Object> positions = new LinkedHashMap<>();
    for (Map.Entry<String, ?> e : labels.entrySet()) {
      String dim = e.getKey();
      Index ix = labelled(ds, dim, "dropSel");
      Collection<?> drop = e.getValue() instanceof Collection<?> c ? c : List.of(e.getValue());
      boolean[] dropped = new boolean[ix.size()];
      for (Object l : drop) {
        if (l == null) throw new IllegalArgumentException("dropSel along '" + dim + "': a label is null");
        requireType(ix, l, dim);
        int p = ix.indexOf(l);
        if (p < 0) {
          throw new IllegalArgumentException("dropSel along '" + dim + "': no label " + Index.show(l)
              + "; its labels are " + ix);
        }
        dropped[p] = true;
      }
      List<Integer> keep = new ArrayList<>();
      for (int p = 0; p < dropped.length; p++) if (!dropped[p]) keep.add(p);
      if (keep.isEmpty() && ix.size() > 0) {
        throw new IllegalArgumentException("dropSel along '" + dim + "' would remove every label " + ix
            + "; a dimension keeps at least one (drop the variables over it with dropVars instead)");
      }
      positions.put(dim, keep.stream().mapToInt(Integer::intValue).toArray());
    }
    return ds.isel(positions);
  }
}
