package dev.sweep.data;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The reductions behind {@link Dataset#sum(Reduce)} and its siblings, and {@code idxmin}/{@code
 * idxmax}. Each variable is read once in storage order (twice for std and var) through primitive
 * buffers, folding runs into per-cell accumulators; see {@link Strided}.
 */
final class Reductions {
  private Reductions() {}

  /** A reduction, named as xarray names it. */
  enum Op {
    SUM, MEAN, MIN, MAX, STD, VAR, MEDIAN, COUNT, PROD;

    String label() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** Ops that need numbers (or booleans); min, max and count also take strings. */
    boolean numericOnly() {
      return this != MIN && this != MAX && this != COUNT;
    }

    /** Ops whose result for a variable without the reduced dimensions is not the variable itself. */
    boolean appliesWithoutDims() {
      return this == COUNT || this == STD || this == VAR;
    }
  }

  static Dataset reduce(Dataset ds, Op op, Reduce how) {
    List<String> dims = reducedDims(ds, op.label(), how);
    checkTypes(ds, op, dims);
    Dataset.Builder b = keptDims(ds, dims);
    for (Variable v : ds.variables().values()) {
      boolean[] reduced = reducedAxes(v, dims);
      boolean any = false;
      for (boolean r : reduced) any |= r;
      Variable out;
      if (!any && !op.appliesWithoutDims()) {
        out = v;
      } else {
        Strided s = new Strided(v.shape(), reduced);
        if (s.perCell == 0 && s.cells > 0 && (op == Op.MIN || op == Op.MAX)) {
          throw new IllegalArgumentException(op.label() + " over " + dims + ": variable '" + v.name()
              + "' has no values along " + emptyDims(v, dims) + " (size 0), so it has no " + op.label());
        }
        Column c = compute(v.storage(), s, op, how);
        out = Variable.of(v.name(), keptNames(v, reduced), c);
      }
      b.variable(out.withAttrs(how.keepAttrs() ? v.attrs() : Map.of()));
    }
    if (how.keepAttrs()) b.attrs(ds.attrs());
    return b.build();
  }

  /** The dimensions to reduce over, each checked to exist. */
  static List<String> reducedDims(Dataset ds, String what, Reduce how) {
    if (how.dims().isEmpty()) return ds.dims();
    List<String> missing = new ArrayList<>();
    for (String d : how.dims()) if (!ds.sizes().containsKey(d)) missing.add(d);
    if (!missing.isEmpty()) {
      throw new IllegalArgumentException(what + " over " + how.dims() + ": no dimension "
          + (missing.size() == 1 ? "'" + missing.get(0) + "'" : missing) + "; the dimensions are " + ds.dims());
    }
    return how.dims();
  }

  private static void checkTypes(Dataset ds, Op op, List<String> dims) {
    if (op == Op.STD || op == Op.VAR || op == Op.MEDIAN) {
      for (Variable v : ds.variables().values()) {
        if (v.type().isComplex() && !java.util.Collections.disjoint(v.dims(), dims)) {
          throw new IllegalArgumentException("cannot take the " + op.label() + " of variable '" + v.name() + "' ("
              + v.type() + "); sum, mean, prod, count, min and max take complex values: reduce real() and "
              + "imag() separately, or drop it first with dropVars(\"" + v.name() + "\")");
        }
      }
    }
    if (!op.numericOnly()) return;
    for (Variable v : ds.variables().values()) {
      if (v.type() != DType.STRING || java.util.Collections.disjoint(v.dims(), dims)) continue;
      List<String> numeric = new ArrayList<>();
      List<String> strings = new ArrayList<>();
      for (Variable w : ds.variables().values()) {
        if (w.type() == DType.STRING) strings.add("\"" + w.name() + "\"");
        else numeric.add(w.name());
      }
      throw new IllegalArgumentException("cannot take the " + op.label() + " of variable '" + v.name()
          + "' (str); the numeric and bool variables are " + numeric + ": drop the others first with dropVars("
          + String.join(", ", strings) + ")");
    }
  }

  /** A builder holding this dataset's dimensions (with their labels) except the reduced ones. */
  static Dataset.Builder keptDims(Dataset ds, List<String> dims) {
    Dataset.Builder b = Dataset.builder();
    for (Map.Entry<String, Integer> e : ds.sizes().entrySet()) {
      if (dims.contains(e.getKey())) continue;
      Index ix = ds.coords().get(e.getKey());
      if (ix != null) b.coord(e.getKey(), ix);
      else b.dim(e.getKey(), e.getValue());
    }
    return b;
  }

  static boolean[] reducedAxes(Variable v, List<String> dims) {
    boolean[] r = new boolean[v.dims().size()];
    for (int d = 0; d < r.length; d++) r[d] = dims.contains(v.dims().get(d));
    return r;
  }

  static List<String> keptNames(Variable v, boolean[] reduced) {
    List<String> kept = new ArrayList<>();
    for (int d = 0; d < reduced.length; d++) if (!reduced[d]) kept.add(v.dims().get(d));
    return kept;
  }

  private static List<String> emptyDims(Variable v, List<String> dims) {
    List<String> out = new ArrayList<>();
    long[] shape = v.shape();
    for (int d = 0; d < shape.length; d++) if (shape[d] == 0 && dims.contains(v.dims().get(d))) out.add(v.dims().get(d));
    return out;
  }

  private static Column compute(Column c, Strided s, Op op, Reduce how) {
    DType t = c.type();
    if (t.isComplex()) return complex(c, s, op, how);
    boolean integral = t == DType.INT || t == DType.LONG || t == DType.BOOLEAN;
    DType floatOut = t == DType.FLOAT ? DType.FLOAT : DType.DOUBLE;
    switch (op) {
      case COUNT:
        return longs(count(c, s), s);
      case SUM:
      case PROD:
        if (integral && how.minCount() == 0) {
          return longs(op == Op.SUM ? sumLong(c, s) : prodLong(c, s), DType.LONG, s);
        }
        return doubles(sumOrProd(c, s, op == Op.PROD, how), floatOut, s);
      case MEAN: {
        Sums sums = sums(c, s, how.skipna());
        double[] mean = new double[s.cells];
        for (int i = 0; i < mean.length; i++) mean[i] = sums.count[i] == 0 ? Double.NaN : sums.sum[i] / sums.count[i];
        return doubles(mean, floatOut, s);
      }
      case STD:
      case VAR:
        return doubles(variance(c, s, how, op == Op.STD), floatOut, s);
      case MEDIAN:
        return doubles(median(c, s, how.skipna()), floatOut, s);
      case MIN:
      case MAX:
        if (t == DType.STRING) return strings(minMaxString(c, s, op == Op.MAX, how.skipna()), s);
        if (integral) return longs(minMaxLong(c, s, op == Op.MAX), t, s);
        return doubles(minMaxDouble(c, s, op == Op.MAX, how.skipna()), t, s);
      default:
        throw new AssertionError(op);
    }
  }

  /**
   * A reduction of a complex column, as NumPy computes it: sum, mean and prod in complex arithmetic,
   * count of the elements with no NaN part, min and max in NumPy's order (by real part, then by
   * imaginary part). A missing element (a NaN part) is skipped with skipna, else makes the cell
   * NaN+NaNj; a cell with nothing to reduce is NaN+NaNj (0 for sum, 1 for prod).
   */
  private static Column complex(Column c, Strided s, Op op, Reduce how) {
    int cells = s.cells;
    double[] re = new double[cells];
    double[] im = new double[cells];
    long[] count = new long[cells];
    boolean[] nan = new boolean[cells];
    boolean[] seen = new boolean[cells];
    if (op == Op.PROD) Arrays.fill(re, 1);
    boolean skipna = how.skipna();
    // Walk the flat positions, so each element's two parts are read together.
    Column positions = Column.allocateUninitialized(DType.DOUBLE, c.shape());
    for (long k = 0; k < c.length(); k++) positions.setDouble(k, k);
    s.walkDoubles(positions, (double[] buf, int from, int n, int cell, int step) -> {
      for (int t = 0; t < n; t++) {
        long k = (long) buf[from + t];
        int at = cell + t * step;
        double a = c.getReal(k);
        double b = c.getImag(k);
        if (Double.isNaN(a) || Double.isNaN(b)) {
          if (!skipna) nan[at] = true;
          continue;
        }
        count[at]++;
        switch (op) {
          case SUM: case MEAN:
            re[at] += a;
            im[at] += b;
            break;
          case PROD: {
            double r = re[at] * a - im[at] * b;
            im[at] = re[at] * b + im[at] * a;
            re[at] = r;
            break;
          }
          case MIN: case MAX: {
            boolean first = !seen[at];
            int cmp = first ? 0 : a != re[at] ? Double.compare(a, re[at]) : Double.compare(b, im[at]);
            if (first || (op == Op.MAX ? cmp > 0 : cmp < 0)) {
              re[at] = a;
              im[at] = b;
            }
            seen[at] = true;
            break;
          }
          default:
            break;
        }
      }
    });
    if (op == Op.COUNT) return longs(count, s);
    Column out = Column.allocateUninitialized(c.type(), s.outShape);
    for (int i = 0; i < cells; i++) {
      boolean none = (op == Op.MEAN || op == Op.MIN || op == Op.MAX) && count[i] == 0;
      boolean tooFew = (op == Op.SUM || op == Op.PROD) && count[i] < how.minCount();
      if (nan[i] || none || tooFew) {
        out.setMissing(i);
      } else if (op == Op.MEAN) {
        out.setComplex(i, re[i] / count[i], im[i] / count[i]);
      } else {
        out.setComplex(i, re[i], im[i]);
      }
    }
    return out;
  }

  /** Sums of the values present and how many there are, per cell; NaN propagates unless skipna. */
  private static final class Sums {
    final double[] sum;
    final long[] count;

    Sums(int cells) {
      sum = new double[cells];
      count = new long[cells];
    }
  }

  private static Sums sums(Column c, Strided s, boolean skipna) {
    Sums out = new Sums(s.cells);
    double[] sum = out.sum;
    long[] count = out.count;
    if (!c.type().isFloating()) {
      s.walkDoubles(c, (double[] buf, int from, int n, int cell, int step) -> {
        if (step == 0) {
          double acc = 0;
          for (int t = from; t < from + n; t++) acc += buf[t];
          sum[cell] += acc;
          count[cell] += n;
        } else {
          for (int t = 0; t < n; t++) sum[cell + t] += buf[from + t];
          for (int t = 0; t < n; t++) count[cell + t]++;
        }
      });
      return out;
    }
    s.walkDoubles(c, (double[] buf, int from, int n, int cell, int step) -> {
      if (step == 0) {
        double acc = 0;
        int present = 0;
        for (int t = from; t < from + n; t++) {
          double x = buf[t];
          if (x == x) {
            acc += x;
            present++;
          } else if (!skipna) {
            acc = Double.NaN;
            present++;
          }
        }
        sum[cell] += acc;
        count[cell] += present;
      } else {
        for (int t = 0; t < n; t++) {
          double x = buf[from + t];
          if (x == x || !skipna) {
            sum[cell + t] += x;
            count[cell + t]++;
          }
        }
      }
    });
    return out;
  }

  private static double[] sumOrProd(Column c, Strided s, boolean prod, Reduce how) {
    double[] acc = new double[s.cells];
    long[] count = new long[s.cells];
    if (prod) Arrays.fill(acc, 1);
    boolean skipna = how.skipna();
    s.walkDoubles(c, (double[] buf, int from, int n, int cell, int step) -> {
      for (int t = 0; t < n; t++) {
        double x = buf[from + t];
        int k = cell + step * t;
        if (x == x || !skipna) {
          acc[k] = prod ? acc[k] * x : acc[k] + x;
          count[k]++;
        }
      }
    });
    for (int i = 0; i < acc.length; i++) if (count[i] < how.minCount()) acc[i] = Double.NaN;
    return acc;
  }

  private static long[] sumLong(Column c, Strided s) {
    long[] acc = new long[s.cells];
    s.walkLongs(c, (long[] buf, int from, int n, int cell, int step) -> {
      if (step == 0) {
        long a = 0;
        for (int t = from; t < from + n; t++) a += buf[t];
        acc[cell] += a;
      } else {
        for (int t = 0; t < n; t++) acc[cell + t] += buf[from + t];
      }
    });
    return acc;
  }

  private static long[] prodLong(Column c, Strided s) {
    long[] acc = new long[s.cells];
    Arrays.fill(acc, 1);
    s.walkLongs(c, (long[] buf, int from, int n, int cell, int step) -> {
      for (int t = 0; t < n; t++) acc[cell + step * t] *= buf[from + t];
    });
    return acc;
  }

  private static long[] count(Column c, Strided s) {
    long[] count = new long[s.cells];
    if (c.type() == DType.STRING) {
      s.forEach((off, cell) -> {
        if (!c.isMissing(off)) count[cell]++;
      });
    } else if (c.type().isFloating()) {
      s.walkDoubles(c, (double[] buf, int from, int n, int cell, int step) -> {
        for (int t = 0; t < n; t++) if (buf[from + t] == buf[from + t]) count[cell + step * t]++;
      });
    } else {
      Arrays.fill(count, s.perCell);
    }
    return count;
  }

  private static double[] variance(Column c, Strided s, Reduce how, boolean sqrt) {
    Sums sums = sums(c, s, how.skipna());
    double[] mean = new double[s.cells];
    for (int i = 0; i < mean.length; i++) mean[i] = sums.sum[i] / sums.count[i];
    double[] ss = new double[s.cells];
    boolean skipna = how.skipna();
    s.walkDoubles(c, (double[] buf, int from, int n, int cell, int step) -> {
      for (int t = 0; t < n; t++) {
        double x = buf[from + t];
        if (x == x || !skipna) {
          int k = cell + step * t;
          double d = x - mean[k];
          ss[k] += d * d;
        }
      }
    });
    double[] out = new double[s.cells];
    for (int i = 0; i < out.length; i++) {
      long dof = sums.count[i] - how.ddof();
      double v = dof > 0 ? ss[i] / dof : Double.NaN;
      out[i] = sqrt ? Math.sqrt(v) : v;
    }
    return out;
  }

  private static double[] median(Column c, Strided s, boolean skipna) {
    int m = s.perCell;
    double[] grouped = new double[Math.toIntExact((long) m * s.cells)];
    int[] fill = new int[s.cells];
    s.walkDoubles(c, (double[] buf, int from, int n, int cell, int step) -> {
      for (int t = 0; t < n; t++) {
        int k = cell + step * t;
        grouped[k * m + fill[k]++] = buf[from + t];
      }
    });
    double[] out = new double[s.cells];
    for (int k = 0; k < out.length; k++) {
      int start = k * m;
      int present = 0;
      boolean nan = false;
      for (int t = start; t < start + m; t++) {
        double x = grouped[t];
        if (x == x) grouped[start + present++] = x;
        else nan = true;
      }
      if (present == 0 || (nan && !skipna)) {
        out[k] = Double.NaN;
        continue;
      }
      Arrays.sort(grouped, start, start + present);
      int mid = start + present / 2;
      out[k] = present % 2 == 1 ? grouped[mid] : (grouped[mid - 1] + grouped[mid]) / 2;
    }
    return out;
  }

  private static double[] minMaxDouble(Column c, Strided s, boolean max, boolean skipna) {
    double[] acc = new double[s.cells];
    Arrays.fill(acc, max ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY);
    long[] count = new long[s.cells];
    s.walkDoubles(c, (double[] buf, int from, int n, int cell, int step) -> {
      for (int t = 0; t < n; t++) {
        double x = buf[from + t];
        int k = cell + step * t;
        if (x == x) {
          count[k]++;
          if (max ? x > acc[k] : x < acc[k]) acc[k] = x;
        } else if (!skipna) {
          acc[k] = Double.NaN; // sticky: NaN never compares as smaller or larger
          count[k]++;
        }
      }
    });
    for (int k = 0; k < acc.length; k++) if (count[k] == 0) acc[k] = Double.NaN;
    return acc;
  }

  private static long[] minMaxLong(Column c, Strided s, boolean max) {
    long[] acc = new long[s.cells];
    Arrays.fill(acc, max ? Long.MIN_VALUE : Long.MAX_VALUE);
    s.walkLongs(c, (long[] buf, int from, int n, int cell, int step) -> {
      for (int t = 0; t < n; t++) {
        long x = buf[from + t];
        int k = cell + step * t;
        acc[k] = max ? Math.max(acc[k], x) : Math.min(acc[k], x);
      }
    });
    return acc;
  }

  private static String[] minMaxString(Column c, Strided s, boolean max, boolean skipna) {
    String[] acc = new String[s.cells];
    boolean[] poisoned = new boolean[s.cells];
    String[] values = c.strings();
    s.forEach((off, cell) -> {
      String x = values[(int) off];
      if (x == null) {
        if (!skipna) poisoned[cell] = true;
      } else if (acc[cell] == null || (max ? x.compareTo(acc[cell]) > 0 : x.compareTo(acc[cell]) < 0)) {
        acc[cell] = x;
      }
    });
    for (int k = 0; k < acc.length; k++) if (poisoned[k]) acc[k] = null;
    return acc;
  }

  private static Column doubles(double[] values, DType type, Strided s) {
    Column out = Column.allocateUninitialized(type, s.outShape);
    if (type == DType.DOUBLE) {
      out.setDoubles(0, values);
    } else if (type.isFloating()) {
      for (int i = 0; i < values.length; i++) out.setDouble(i, values[i]);
    } else {
      for (int i = 0; i < values.length; i++) out.setLong(i, Math.round(values[i]));
    }
    return out;
  }

  private static Column longs(long[] values, Strided s) {
    return longs(values, DType.LONG, s);
  }

  private static Column longs(long[] values, DType type, Strided s) {
    Column out = Column.allocateUninitialized(type, s.outShape);
    for (int i = 0; i < values.length; i++) out.setLong(i, values[i]);
    return out;
  }

  private static Column strings(String[] values, Strided s) {
    return Column.ofStrings(s.outShape, values);
  }

  // ---- idxmin / idxmax ----

  static Dataset idx(Dataset ds, boolean max, Reduce how) {
    String what = max ? "idxmax" : "idxmin";
    if (how.dims().size() != 1) {
      throw new IllegalArgumentException(what + " takes one dimension; got "
          + (how.dims().isEmpty() ? "none (every dimension)" : how.dims()) + "; the dimensions are " + ds.dims());
    }
    List<String> dims = reducedDims(ds, what, how);
    String dim = dims.get(0);
    Index labels = ds.coords().get(dim);
    if (labels == null) {
      throw new IllegalArgumentException(what + " over '" + dim + "': dimension '" + dim
          + "' has no labels; the labelled dimensions are " + ds.coords().keySet());
    }
    if (labels.size() == 0) {
      throw new IllegalArgumentException(what + " over '" + dim + "': the dimension has no labels (size 0)");
    }
    for (Variable v : ds.variables().values()) {
      if (v.type().isComplex()) {
        throw new IllegalArgumentException(what + " over '" + dim + "': variable '" + v.name() + "' is " + v.type()
            + "; take abs(), real() or imag() first, or drop it with dropVars(\"" + v.name() + "\")");
      }
      if (!v.dims().contains(dim)) {
        throw new IllegalArgumentException(what + " over '" + dim + "': variable '" + v.name() + "' has dimensions "
            + v.dims() + ", without '" + dim + "'; drop it first with dropVars(\"" + v.name() + "\")");
      }
      if (v.type() == DType.STRING) {
        throw new IllegalArgumentException(what + " over '" + dim + "': variable '" + v.name()
            + "' is str; idxmin and idxmax need numbers or booleans");
      }
    }
    Dataset.Builder b = keptDims(ds, dims);
    for (Variable v : ds.variables().values()) {
      int[] pos = argExtreme(v, v.dims().indexOf(dim), max, how.skipna());
      Variable out = Variable.of(v.name(), keptNames(v, reducedAxes(v, dims)), labelsAt(labels, pos, keptShape(v, dim)));
      b.variable(out.withAttrs(how.keepAttrs() ? v.attrs() : Map.of()));
    }
    if (how.keepAttrs()) b.attrs(ds.attrs());
    return b.build();
  }

  private static long[] keptShape(Variable v, String dim) {
    long[] shape = v.shape();
    long[] out = new long[shape.length - 1];
    for (int d = 0, o = 0; d < shape.length; d++) if (!v.dims().get(d).equals(dim)) out[o++] = shape[d];
    return out;
  }

  /**
   * Per output cell, the position along axis {@code axis} of the first smallest (largest) value, or -1
   * where every value is missing and skipna; without skipna the first NaN wins, as NumPy's argmin.
   */
  private static int[] argExtreme(Variable v, int axis, boolean max, boolean skipna) {
    long[] shape = v.shape();
    long before = 1;
    long after = 1;
    for (int d = 0; d < axis; d++) before *= shape[d];
    for (int d = axis + 1; d < shape.length; d++) after *= shape[d];
    int size = (int) shape[axis];
    Column c = v.storage();
    int[] pos = new int[Math.toIntExact(before * after)];
    Arrays.fill(pos, -1);
    double[] best = new double[pos.length];
    double[] row = new double[(int) Math.min(Strided.CHUNK, Math.max(after, 1))];
    for (long i = 0; i < before; i++) {
      for (int p = 0; p < size; p++) {
        long base = (i * size + p) * after;
        for (long k0 = 0; k0 < after; k0 += row.length) {
          int n = (int) Math.min(row.length, after - k0);
          c.getDoubles(base + k0, row, 0, n);
          int cell0 = (int) (i * after + k0);
          for (int t = 0; t < n; t++) {
            int cell = cell0 + t;
            double x = row[t];
            int cur = pos[cell];
            if (cur >= 0 && !skipna && best[cell] != best[cell]) continue; // a NaN already won
            if (x != x) {
              if (!skipna) {
                pos[cell] = p;
                best[cell] = x;
              }
              continue;
            }
            if (cur < 0 || (max ? x > best[cell] : x < best[cell])) {
              pos[cell] = p;
              best[cell] = x;
            }
          }
        }
      }
    }
    return pos;
  }

  /** The labels at the given positions; -1 is missing, which needs a float64 result for int and bool labels. */
  private static Column labelsAt(Index labels, int[] pos, long[] shape) {
    boolean gaps = false;
    for (int p : pos) gaps |= p < 0;
    DType t = labels.type();
    if (t == DType.STRING) {
      String[] out = new String[pos.length];
      for (int i = 0; i < pos.length; i++) out[i] = pos[i] < 0 ? null : (String) labels.get(pos[i]);
      return Column.ofStrings(shape, out);
    }
    DType type = gaps && !t.isFloating() ? DType.DOUBLE : t;
    Column out = Column.allocate(type, shape);
    for (int i = 0; i < pos.length; i++) {
      if (pos[i] < 0) out.setMissing(i);
      else if (type.isFloating()) out.setDouble(i, labels.getDouble(pos[i]));
      else out.setLong(i, labels.getLong(pos[i]));
    }
    return out;
  }
}
