package dev.sweep.data;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Positional selection of a variable's elements (the work behind isel and sel). */
final class Gather {
  private Gather() {}

  /** The elements at the given positions per dimension; dimensions in {@code dropped} are removed. */
  static Variable take(Variable v, Map<String, int[]> take, List<String> dropped) {
    long[] shape = v.shape();
    int rank = shape.length;
    int[][] pick = new int[rank][];
    boolean any = false;
    for (int d = 0; d < rank; d++) {
      pick[d] = take.get(v.dims().get(d));
      any |= pick[d] != null;
    }
    if (!any) return v;
    long[] outShape = new long[rank];
    for (int d = 0; d < rank; d++) outShape[d] = pick[d] == null ? shape[d] : pick[d].length;
    long[] strides = Dataset.strides(shape);
    Column src = v.storage();
    Column dst = Column.allocate(v.type(), outShape);
    long n = Column.product(outShape);
    int[] idx = new int[rank];
    for (long k = 0; k < n; k++) {
      long off = 0;
      for (int d = 0; d < rank; d++) {
        off += (pick[d] == null ? idx[d] : pick[d][idx[d]]) * strides[d];
      }
      src.copyTo(off, dst, k);
      for (int d = rank - 1; d >= 0; d--) {
        if (++idx[d] < outShape[d]) break;
        idx[d] = 0;
      }
    }
    List<String> dims = new ArrayList<>();
    List<Long> kept = new ArrayList<>();
    for (int d = 0; d < rank; d++) {
      if (!dropped.contains(v.dims().get(d))) {
        dims.add(v.dims().get(d));
        kept.add(outShape[d]);
      }
    }
    long[] keptShape = kept.stream().mapToLong(Long::longValue).toArray();
    return Variable.of(v.name(), dims, dst.reshape(keptShape)).withAttrs(v.attrs());
  }
}
