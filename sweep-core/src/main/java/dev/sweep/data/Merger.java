package dev.sweep.data;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The outer join behind {@link Dataset#merge(Dataset, MergePolicy)}. */
final class Merger {
  private Merger() {}

  static Dataset merge(Dataset old, Dataset neu, MergePolicy policy) {
    Dataset.Builder b = Dataset.builder();
    Map<String, int[]> oldMap = new LinkedHashMap<>();
    Map<String, int[]> newMap = new LinkedHashMap<>();
    List<String> dims = new ArrayList<>(old.sizes().keySet());
    for (String d : neu.sizes().keySet()) if (!dims.contains(d)) dims.add(d);
    for (String d : dims) {
      Integer so = old.sizes().get(d);
      Integer sn = neu.sizes().get(d);
      Index io = old.coords().get(d);
      Index in = neu.coords().get(d);
      if (so != null && sn != null) {
        if (io == null || in == null) {
          if (io != null || in != null || !so.equals(sn)) {
            throw new IllegalArgumentException("dimension '" + d + "' has labels in only one dataset, or sizes "
                + so + " and " + sn + " without labels; cannot align them");
          }
          b.dim(d, so);
          oldMap.put(d, identity(so));
          newMap.put(d, identity(sn));
          continue;
        }
        Index u;
        try {
          u = io.union(in);
        } catch (IllegalArgumentException e) {
          throw new IllegalArgumentException("dimension '" + d + "': " + e.getMessage(), e);
        }
        b.coord(d, u);
        oldMap.put(d, positionsIn(io, u));
        newMap.put(d, positionsIn(in, u));
      } else if (so != null) {
        if (io != null) b.coord(d, io); else b.dim(d, so);
        oldMap.put(d, identity(so));
      } else {
        if (in != null) b.coord(d, in); else b.dim(d, sn);
        newMap.put(d, identity(sn));
      }
    }
    Map<String, Integer> sizes = b.sizes;
    Set<String> names = new java.util.LinkedHashSet<>(old.variables().keySet());
    names.addAll(neu.variables().keySet());
    for (String name : names) {
      Variable vo = old.variables().get(name);
      Variable vn = neu.variables().get(name);
      if (vo != null && vn != null && !vo.dims().equals(vn.dims())
          && new HashSet<>(vo.dims()).equals(new HashSet<>(vn.dims()))) {
        vn = vn.transpose(vo.dims()); // same dimensions in another order: align, as xarray does
      }
      if (vo != null && vn != null && !vo.dims().equals(vn.dims())) {
        throw new IllegalArgumentException("variable '" + name + "' has dimensions " + vo.dims()
            + " in the existing data and " + vn.dims() + " in the new data");
      }
      Variable any = vo != null ? vo : vn;
      b.variable(mergeVariable(old, vo, neu, vn, any.dims(), sizes, oldMap, newMap, policy));
    }
    b.attrs.putAll(policy == MergePolicy.NEW_WINS ? old.attrs() : neu.attrs());
    b.attrs.putAll(policy == MergePolicy.NEW_WINS ? neu.attrs() : old.attrs());
    return b.build();
  }

  private static int[] identity(int n) {
    int[] a = new int[n];
    for (int i = 0; i < n; i++) a[i] = i;
    return a;
  }

  private static int[] positionsIn(Index part, Index whole) {
    int[] p = new int[part.size()];
    for (int i = 0; i < p.length; i++) p[i] = whole.indexOf(part.get(i));
    return p;
  }

  private static Variable mergeVariable(Dataset old, Variable vo, Dataset neu, Variable vn, List<String> dims,
      Map<String, Integer> sizes, Map<String, int[]> oldMap, Map<String, int[]> newMap, MergePolicy policy) {
    long[] shape = new long[dims.size()];
    for (int d = 0; d < shape.length; d++) shape[d] = sizes.get(dims.get(d));
    long total = Column.product(shape);
    long covered = coverage(dims, vo, vn, oldMap, newMap);
    DType type;
    if (vo != null && vn != null) {
      type = DType.common(vo.type(), vn.type());
      if (type == null && (vo.type() == DType.BOOLEAN || vn.type() == DType.BOOLEAN)
          && (vo.type().isNumeric() || vn.type().isNumeric())) {
        type = DType.DOUBLE; // a boolean that gained gaps earlier is float64: true 1, false 0
      }
      if (type == null) {
        throw new IllegalArgumentException("variable '" + vo.name() + "' is " + vo.type()
            + " in the existing data and " + vn.type() + " in the new data");
      }
    } else {
      type = (vo != null ? vo : vn).type();
    }
    boolean gaps = covered < total;
    if (gaps && !type.hasMissing()) type = DType.DOUBLE;
    Column out;
    if (type.isFloating() || type.isComplex()) {
      out = Column.allocateUninitialized(type, shape);
      out.array().assign(Double.NaN); // one pass: NaN wherever neither dataset writes
    } else {
      out = Column.allocate(type, shape);
    }
    // Which cells hold a value, needed only where NaN or null cannot tell.
    BitSet filled = !type.hasMissing() ? new BitSet() : null;
    long[] strides = Dataset.strides(shape);
    if (vo != null) copy(vo, oldMap, strides, out, filled, null, null, policy, false);
    if (vn != null) copy(vn, newMap, strides, out, filled, old, neu, policy, vo != null);
    Map<String, Object> attrs = new LinkedHashMap<>();
    if (vo != null) attrs.putAll(vo.attrs());
    if (vn != null && (policy == MergePolicy.NEW_WINS || vo == null)) attrs.putAll(vn.attrs());
    else if (vn != null) vn.attrs().forEach(attrs::putIfAbsent);
    return Variable.of((vo != null ? vo : vn).name(), dims, out).withAttrs(attrs);
  }

  /** Cells of the merged grid that either variable's grid covers: |A| + |B| - |A and B|. */
  private static long coverage(List<String> dims, Variable vo, Variable vn, Map<String, int[]> oldMap,
      Map<String, int[]> newMap) {
    long a = vo == null ? 0 : vo.size();
    long b = vn == null ? 0 : vn.size();
    if (vo == null || vn == null) return a + b;
    long both = 1;
    for (String d : dims) {
      Set<Integer> s = new HashSet<>();
      for (int p : oldMap.get(d)) s.add(p);
      long common = 0;
      for (int p : newMap.get(d)) if (s.contains(p)) common++;
      both *= common;
    }
    return a + b - both;
  }

  private static void copy(Variable src, Map<String, int[]> map, long[] strides, Column out, BitSet filled,
      Dataset old, Dataset neu, MergePolicy policy, boolean second) {
    Column c = src.storage();
    long[] shape = c.shape();
    int rank = shape.length;
    int[][] pos = new int[rank][];
    for (int d = 0; d < rank; d++) pos[d] = map.get(src.dims().get(d));
    int[] idx = new int[rank];
    long target = 0;
    for (int d = 0; d < rank; d++) target += pos[d][0] * strides[d];
    long n = c.length();
    for (long k = 0; k < n; k++) {
      if (!c.isMissing(k)) {
        boolean present = filled != null ? filled.get(Math.toIntExact(target)) : !out.isMissing(target);
        if (!second || !present) {
          c.copyTo(k, out, target);
        } else if (policy == MergePolicy.NEW_WINS) {
          c.copyTo(k, out, target);
        } else if (policy == MergePolicy.FAIL_ON_CONFLICT && !equalValues(c, k, out, target)) {
          Map<String, Object> at = new LinkedHashMap<>();
          for (int d = 0; d < rank; d++) {
            String dim = src.dims().get(d);
            Index ix = neu.coords().get(dim);
            at.put(dim, ix == null ? (Object) idx[d] : ix.get(idx[d]));
          }
          throw new MergeConflictException(src.name(), at, out.get(target), c.get(k));
        }
        if (filled != null) filled.set(Math.toIntExact(target));
      }
      for (int d = rank - 1; d >= 0; d--) {
        if (++idx[d] < shape[d]) {
          target += (pos[d][idx[d]] - pos[d][idx[d] - 1]) * strides[d];
          break;
        }
        target -= (pos[d][idx[d] - 1] - pos[d][0]) * strides[d];
        idx[d] = 0;
      }
    }
  }

  private static boolean equalValues(Column src, long k, Column out, long target) {
    if (out.type() == DType.STRING) return java.util.Objects.equals(src.get(k), out.get(target));
    if (out.type().isComplex()) return src.getReal(k) == out.getReal(target) && src.getImag(k) == out.getImag(target);
    if (out.type().isFloating()) return src.getDouble(k) == out.getDouble(target);
    return src.getLong(k) == out.getLong(target);
  }
}
