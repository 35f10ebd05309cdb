package dev.sweep.data;

import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleBinaryOperator;
import java.util.function.DoublePredicate;
import java.util.function.DoubleUnaryOperator;

/**
 * Element-wise arithmetic behind {@link Variable#plus(Variable)} and its siblings, broadcasting by
 * dimension name as xarray does: the result has the left operand's dimensions, then the right
 * operand's others. Values are read as doubles through primitive buffers (one pass where both operands
 * have the same dimensions, a strided pass otherwise) and the result is float64.
 */
final class Arithmetic {
  private Arithmetic() {}

  static Variable map(Variable v, DoubleUnaryOperator f, String what) {
    requireNumeric(v, what);
    Column src = v.storage();
    Column out = Column.allocateUninitialized(DType.DOUBLE, v.shape());
    long n = src.length();
    double[] buf = new double[(int) Math.min(Strided.CHUNK, Math.max(n, 1))];
    for (long k = 0; k < n; k += buf.length) {
      int len = (int) Math.min(buf.length, n - k);
      src.getDoubles(k, buf, 0, len);
      for (int t = 0; t < len; t++) buf[t] = f.applyAsDouble(buf[t]);
      out.setDoubles(k, len == buf.length ? buf : java.util.Arrays.copyOf(buf, len));
    }
    return Variable.of(v.name(), v.dims(), out);
  }

  static Variable test(Variable v, DoublePredicate p) {
    requireNumeric(v, "test");
    Column src = v.storage();
    Column out = Column.allocate(DType.BOOLEAN, v.shape());
    long n = src.length();
    double[] buf = new double[(int) Math.min(Strided.CHUNK, Math.max(n, 1))];
    for (long k = 0; k < n; k += buf.length) {
      int len = (int) Math.min(buf.length, n - k);
      src.getDoubles(k, buf, 0, len);
      for (int t = 0; t < len; t++) if (p.test(buf[t])) out.setBoolean(k + t, true);
    }
    return Variable.of(v.name(), v.dims(), out);
  }

  static Variable combine(Variable a, Variable b, DoubleBinaryOperator f, String what) {
    requireNumeric(a, what);
    requireNumeric(b, what);
    List<String> dims = new ArrayList<>(a.dims());
    for (String d : b.dims()) if (!dims.contains(d)) dims.add(d);
    long[] as = a.shape();
    long[] bs = b.shape();
    long[] shape = new long[dims.size()];
    for (int d = 0; d < shape.length; d++) {
      int i = a.dims().indexOf(dims.get(d));
      int j = b.dims().indexOf(dims.get(d));
      if (i >= 0 && j >= 0 && as[i] != bs[j]) {
        throw new IllegalArgumentException(what + " of '" + a.name() + "' and '" + b.name() + "': dimension '"
            + dims.get(d) + "' has size " + as[i] + " in '" + a.name() + "' and " + bs[j] + " in '" + b.name() + "'");
      }
      shape[d] = i >= 0 ? as[i] : bs[j];
    }
    Column ca = a.storage();
    Column cb = b.storage();
    Column out = Column.allocateUninitialized(DType.DOUBLE, shape);
    long n = Column.product(shape);
    if (a.dims().equals(b.dims())) {
      int chunk = (int) Math.min(Strided.CHUNK, Math.max(n, 1));
      double[] x = new double[chunk];
      double[] y = new double[chunk];
      for (long k = 0; k < n; k += chunk) {
        int len = (int) Math.min(chunk, n - k);
        ca.getDoubles(k, x, 0, len);
        cb.getDoubles(k, y, 0, len);
        for (int t = 0; t < len; t++) x[t] = f.applyAsDouble(x[t], y[t]);
        out.setDoubles(k, len == chunk ? x : java.util.Arrays.copyOf(x, len));
      }
    } else {
      long[] sa = Selection.steps(a.dims(), as, dims);
      long[] sb = Selection.steps(b.dims(), bs, dims);
      int[] idx = new int[shape.length];
      long oa = 0;
      long ob = 0;
      for (long k = 0; k < n; k++) {
        out.setDouble(k, f.applyAsDouble(ca.getDouble(oa), cb.getDouble(ob)));
        for (int d = shape.length - 1; d >= 0; d--) {
          if (++idx[d] < shape[d]) {
            oa += sa[d];
            ob += sb[d];
            break;
          }
          oa -= sa[d] * (shape[d] - 1);
          ob -= sb[d] * (shape[d] - 1);
          idx[d] = 0;
        }
      }
    }
    return Variable.of(a.name(), dims, out);
  }

  private static void requireNumeric(Variable v, String what) {
    if (v.type() == DType.STRING) {
      throw new IllegalArgumentException(what + ": variable '" + v.name() + "' is str; arithmetic needs numbers or bools");
    }
    if (v.type().isComplex()) {
      throw new IllegalArgumentException(what + ": variable '" + v.name() + "' is " + v.type() + "; this arithmetic "
          + "is over real numbers: take real(), imag() or abs() first");
    }
  }

  /** The variable a dataset's {@code get} returns for a dimension's labels: 1-D over the dimension. */
  static Variable labels(String dim, Index ix) {
    Column c;
    long[] shape = {ix.size()};
    if (ix.type() == DType.STRING) {
      c = Column.ofStrings(shape, (String[]) ix.toArray());
    } else {
      c = Column.allocate(ix.type(), shape);
      for (int i = 0; i < ix.size(); i++) {
        if (ix.type().isFloating()) c.setDouble(i, ix.getDouble(i));
        else c.setLong(i, ix.getLong(i));
      }
    }
    return Variable.of(dim, List.of(dim), c);
  }
}
