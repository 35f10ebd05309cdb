package dev.sweep.data;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Finds the never-filled cells of a dataset (the work behind {@link Dataset#missingCases()}). */
final class Missing {
  private Missing() {}

  static List<Map<String, Object>> cases(Dataset ds) {
    if (ds.variables().isEmpty()) return List.of();
    List<String> outer = new ArrayList<>();
    for (String d : ds.sizes().keySet()) {
      boolean everywhere = ds.variables().values().stream().allMatch(v -> v.dims().contains(d));
      if (everywhere) outer.add(d);
    }
    long[] outerShape = new long[outer.size()];
    for (int d = 0; d < outerShape.length; d++) outerShape[d] = ds.sizes().get(outer.get(d));
    long cells = Column.product(outerShape);
    long[] outerStrides = Dataset.strides(outerShape);
    boolean[] present = new boolean[Math.toIntExact(cells)];
    int left = present.length;
    for (Variable v : ds.variables().values()) {
      if (left == 0) break;
      Column c = v.storage();
      if (!c.type().hasMissing()) return List.of(); // always present
      long[] shape = c.shape();
      int rank = shape.length;
      long[] step = new long[rank]; // outer-cell stride of each of the variable's axes (0 for inner axes)
      for (int d = 0; d < rank; d++) {
        int o = outer.indexOf(v.dims().get(d));
        step[d] = o < 0 ? 0 : outerStrides[o];
      }
      int[] idx = new int[rank];
      long cell = 0;
      long n = c.length();
      for (long k = 0; k < n; k++) {
        if (!present[(int) cell] && !c.isMissing(k)) {
          present[(int) cell] = true;
          left--;
        }
        for (int d = rank - 1; d >= 0; d--) {
          if (++idx[d] < shape[d]) {
            cell += step[d];
            break;
          }
          cell -= step[d] * (shape[d] - 1);
          idx[d] = 0;
        }
      }
    }
    List<Map<String, Object>> out = new ArrayList<>();
    Index[] ix = new Index[outer.size()];
    for (int d = 0; d < ix.length; d++) {
      ix[d] = ds.coords().containsKey(outer.get(d)) ? ds.coords().get(outer.get(d))
          : Index.range(ds.sizes().get(outer.get(d)));
    }
    for (int cell = 0; cell < present.length; cell++) {
      if (present[cell]) continue;
      Map<String, Object> point = new LinkedHashMap<>();
      long rest = cell;
      for (int d = 0; d < ix.length; d++) {
        int p = (int) (rest / outerStrides[d]);
        rest -= p * outerStrides[d];
        point.put(outer.get(d), ix[d].get(p));
      }
      out.add(Collections.unmodifiableMap(point));
    }
    return Collections.unmodifiableList(out);
  }
}
