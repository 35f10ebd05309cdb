package dev.sweep.plot;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * The columns a plot draws, in long form (one row per point or cell), copied out of a table into
 * primitive arrays so that a {@link Plot} is immutable and drawing does not box.
 */
final class Frame {
  /** A column of numbers (NaN where missing) or of category labels. */
  sealed interface Col permits Numbers, Categories {
    /** {@return the column's name} */
    String name();

    /** {@return the axis or legend text: the long name and units if known, else the name} */
    String label();
  }

  /** Numbers, NaN where missing. */
  record Numbers(String name, String label, double[] values) implements Col {
    /** {@return the smallest and largest finite value, or NaN, NaN if there is none} */
    double[] finiteRange() {
      double lo = Double.POSITIVE_INFINITY;
      double hi = Double.NEGATIVE_INFINITY;
      for (double v : values) {
        if (Double.isFinite(v)) {
          lo = Math.min(lo, v);
          hi = Math.max(hi, v);
        }
      }
      return lo > hi ? new double[] {Double.NaN, Double.NaN} : new double[] {lo, hi};
    }
  }

  /** Category labels: each row's position in {@code levels}, the labels in order of first appearance. */
  record Categories(String name, String label, int[] codes, List<String> levels) implements Col {}

  private final int rows;
  private final Map<String, Col> cols;

  private Frame(int rows, Map<String, Col> cols) {
    this.rows = rows;
    this.cols = Collections.unmodifiableMap(cols);
  }

  /** {@return the number of rows} */
  int rows() {
    return rows;
  }

  /** {@return the named column, or null if it was not asked for (the name was not given)} */
  Col col(String name) {
    return name == null ? null : cols.get(name);
  }

  /**
   * Copies the named columns of a table.
   *
   * @param table the long-form table
   * @param labels the name of each column to copy, mapped to its axis text
   * @param categorical the columns to take as categories even if they hold numbers (dimensions)
   */
  static Frame of(Table table, Map<String, String> labels, java.util.Set<String> categorical) {
    Map<String, Col> cols = new LinkedHashMap<>();
    int n = table.rowCount();
    for (Map.Entry<String, String> e : labels.entrySet()) {
      Column<?> c = table.column(e.getKey());
      if (c instanceof NumericColumn<?> num && !categorical.contains(e.getKey())) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) v[i] = num.isMissing(i) ? Double.NaN : num.getDouble(i);
        cols.put(e.getKey(), new Numbers(e.getKey(), e.getValue(), v));
      } else {
        cols.put(e.getKey(), categories(c, e.getValue(), n));
      }
    }
    return new Frame(n, cols);
  }

  private static Categories categories(Column<?> c, String label, int n) {
    Map<String, Integer> levels = new LinkedHashMap<>();
    int[] codes = new int[n];
    NumericColumn<?> num = c instanceof NumericColumn<?> x ? x : null;
    for (int i = 0; i < n; i++) {
      String s = c.isMissing(i) ? "(missing)" : num != null ? format(num.getDouble(i)) : c.getString(i);
      Integer k = levels.get(s);
      if (k == null) {
        k = levels.size();
        levels.put(s, k);
      }
      codes[i] = k;
    }
    return new Categories(c.name(), label, codes, List.copyOf(new ArrayList<>(levels.keySet())));
  }

  /** A number as a short label: 3, 0.25, 1.5e-07 (six significant digits, no trailing zeros). */
  static String format(double v) {
    if (v == Math.rint(v) && Math.abs(v) < 1e15) return Long.toString((long) v);
    String s = String.format(Locale.ROOT, "%.6g", v);
    if (s.contains("e")) {
      String[] parts = s.split("e");
      return parts[0].replaceAll("\\.?0+$", "") + "e" + parts[1];
    }
    return s.contains(".") ? s.replaceAll("\\.?0+$", "") : s;
  }
}
