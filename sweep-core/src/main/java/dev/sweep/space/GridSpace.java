package dev.sweep.space;

import dev.sweep.data.Index;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The grid of cases times combos: the case arguments' sorted distinct values, then the combos in
 * declared order. Each case owns one block of {@code combos.size()} consecutive cells.
 */
final class GridSpace extends Space {
  private final Map<String, Index> coords;
  private final long[] shape;
  private final long[] caseCell; // grid offset of each case's block of combinations

  GridSpace(Cases cases, Combos combos) {
    super(cases, combos);
    Map<String, Index> cs = new LinkedHashMap<>();
    for (String n : cases.names()) {
      Object[] column = new Object[cases.size()];
      for (int c = 0; c < column.length; c++) column[c] = cases.value(c, n);
      cs.put(n, distinctSorted(n, column));
    }
    for (Combos.Parameter p : combos.parameters()) cs.put(p.name(), p.labels());
    this.coords = Collections.unmodifiableMap(cs);
    this.shape = new long[names.size()];
    for (int d = 0; d < shape.length; d++) shape[d] = cs.get(names.get(d)).size();
    int nc = cases.isEmpty() ? 1 : cases.size();
    this.caseCell = new long[nc];
    if (!cases.isEmpty()) {
      int k = cases.names().size();
      for (int c = 0; c < nc; c++) {
        long off = 0;
        for (int d = 0; d < k; d++) {
          off = off * shape[d] + cs.get(names.get(d)).indexOf(cases.value(c, names.get(d)));
        }
        caseCell[c] = off * comboSize;
      }
    }
  }

  private static Index distinctSorted(String name, Object[] values) {
    Map<Object, Object> seen = new LinkedHashMap<>();
    for (Object v : values) seen.putIfAbsent(v instanceof Enum<?> e ? e.name() : v, v);
    try {
      return Index.of(seen.keySet()).sorted();
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("case argument '" + name + "': " + e.getMessage()
          + "; its values must share one type (int, long, double, String, boolean or one enum)", e);
    }
  }

  @Override
  public boolean isFlat() {
    return false;
  }

  @Override
  public List<String> dims() {
    return names;
  }

  @Override
  public Map<String, Index> coords() {
    return coords;
  }

  @Override
  public long[] shape() {
    return shape.clone();
  }

  @Override
  public long cells() {
    long n = 1;
    for (long s : shape) n = Math.multiplyExact(n, s);
    return n;
  }

  @Override
  long cellOf(int caseIdx, long comboFlat) {
    return caseCell[caseIdx] + comboFlat;
  }

  @Override
  public void requireDistinctCases() {
    if (cases.isEmpty()) return;
    Map<Long, Integer> seen = new HashMap<>();
    for (int c = 0; c < caseCell.length; c++) {
      Integer before = seen.putIfAbsent(caseCell[c], c);
      if (before != null) {
        throw new IllegalArgumentException("case " + c + " " + cases.get(c) + " repeats case " + before
            + "; a grid of results holds each point once");
      }
    }
  }
}
