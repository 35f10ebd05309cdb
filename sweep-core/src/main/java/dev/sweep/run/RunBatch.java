package dev.sweep.run;

import dev.sweep.data.DType;
import dev.sweep.data.Column;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The results of the runs {@code from} (inclusive) to {@code to} (exclusive) of a {@link RunPlan},
 * as plain arrays: one column per output holding its values for those runs in run order, and the
 * runs that failed. {@link RunPlan#assemble} turns a set of batches into the dataset that running
 * the whole plan gives.
 *
 * <p>Everything is a string, a primitive or string array, or a list or map of those, so another JVM
 * can write a batch to a file of any format and the driver rebuild it with {@link #of}; a batch is
 * also {@link Serializable}, for engines that ship objects (Spark). The values of an output are a
 * {@code double[]} (float64), {@code float[]} (float32), {@code long[]} (int64), {@code int[]}
 * (int32), {@code boolean[]} (bool) or {@code String[]} (str), in which inner element {@code j} (in C
 * order) of run {@code r} sits at {@code (r - from) * inner + j}, {@code inner} being the product of
 * the output's inner shape. A failed run's values are meaningless (zero or
 * missing); {@link #failedRuns()} says which.
 *
 * <p>A batch in which no run succeeded has no outputs. Immutable: arrays are copied in and out.
 */
public final class RunBatch implements Serializable {
  private static final long serialVersionUID = 1L;

  private final long from;
  private final long to;
  private final List<Output> outputs;
  private final List<String> innerDims;
  private final Map<String, Object> innerLabels;
  private final Map<String, Object> attrs;
  private final long[] failedRuns;
  private final List<Failure> failures;

  private RunBatch(long from, long to, List<Output> outputs, List<String> innerDims, Map<String, Object> innerLabels,
      Map<String, Object> attrs, long[] failedRuns, List<Failure> failures) {
    this.from = from;
    this.to = to;
    this.outputs = outputs;
    this.innerDims = innerDims;
    this.innerLabels = innerLabels;
    this.attrs = attrs;
    this.failedRuns = failedRuns;
    this.failures = failures;
  }

  /**
   * One output's values for the runs of a batch.
   *
   * @param name the output's name
   * @param type its element type
   * @param dims its inner dimensions, outermost first
   * @param shape its size along each inner dimension
   * @param values its values, run-major: an array of the type's Java class (see {@link RunBatch}; complex types: double[] or float[] with each value's real and imaginary parts side by side)
   *     holding {@code runs * product(shape)} elements
   * @param attrs the variable's attributes (those of a returned Dataset's variable), plain values
   */
  public record Output(String name, DType type, List<String> dims, long[] shape, Object values,
      Map<String, Object> attrs) implements Serializable {
    private static final long serialVersionUID = 1L;

    /**
     * Checks the values' class against the type and the dimensions against the shape, and copies.
     *
     * @throws IllegalArgumentException naming the output, if they do not agree
     */
    public Output {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(type, "type");
      dims = List.copyOf(dims);
      shape = shape.clone();
      if (dims.size() != shape.length) {
        throw new IllegalArgumentException("output '" + name + "' has inner dimensions " + dims + " but shape "
            + Arrays.toString(shape));
      }
      for (long s : shape) {
        if (s < 0) throw new IllegalArgumentException("output '" + name + "' has a negative size in " + Arrays.toString(shape));
      }
      Class<?> expected = arrayClass(type);
      if (values == null || values.getClass() != expected) {
        throw new IllegalArgumentException("output '" + name + "' is " + type + ", so its values should be "
            + expected.getSimpleName() + ", not " + (values == null ? "null" : values.getClass().getSimpleName()));
      }
      values = copy(values);
      attrs = Collections.unmodifiableMap(new LinkedHashMap<>(attrs));
    }

    /** {@return the number of values each run holds: the product of the inner shape} */
    public long inner() {
      return Column.product(shape);
    }

    /** {@return the values (a copy), run-major} */
    @Override
    public Object values() {
      return copy(values);
    }

    /** {@return the inner shape (a copy)} */
    @Override
    public long[] shape() {
      return shape.clone();
    }

    /** The values without a copy, for assembly. */
    Object raw() {
      return values;
    }

    /** {@return true for the same name, type, dimensions, shape, values and attributes} */
    @Override
    public boolean equals(Object o) {
      return o instanceof Output x && name.equals(x.name) && type == x.type && dims.equals(x.dims)
          && Arrays.equals(shape, x.shape) && Objects.deepEquals(values, x.values) && attrsEqual(attrs, x.attrs);
    }

    @Override
    public int hashCode() {
      return Objects.hash(name, type, dims, Arrays.hashCode(shape));
    }

    @Override
    public String toString() {
      return name + " " + type + (dims.isEmpty() ? "" : " " + dims + " " + Arrays.toString(shape));
    }

    /** Same output, other values: the signature batches must share to be assembled together. */
    boolean sameSignature(Output o) {
      return name.equals(o.name) && type == o.type && dims.equals(o.dims) && Arrays.equals(shape, o.shape)
          && attrsEqual(attrs, o.attrs);
    }
  }

  /**
   * {@return a batch from its plain parts, as a file or another JVM gave them back}
   *
   * @param from the first run, from 0
   * @param to the run after the last; at least {@code from}
   * @param outputs each output's values for the runs, in the runner's order; empty if no run succeeded
   * @param innerDims every inner dimension of the outputs, in the order the dataset mentions them
   * @param innerLabels the labels of the labelled inner dimensions, each a primitive or String array
   *     as long as the dimension
   * @param attrs the attributes of the datasets the runs returned, if they returned datasets
   * @param failedRuns the runs that failed, ascending, within the range
   * @param failures the first of those failures (at most {@value Failures#KEPT}), in run order
   * @throws IllegalArgumentException naming what does not fit: a range the wrong way round, an output
   *     holding the wrong number of values, a dimension without size or labels of another length, a
   *     failed run outside the range or out of order, or too many failures
   */
  public static RunBatch of(long from, long to, List<Output> outputs, List<String> innerDims,
      Map<String, Object> innerLabels, Map<String, Object> attrs, long[] failedRuns, List<Failure> failures) {
    if (from < 0 || to < from) {
      throw new IllegalArgumentException("a batch covers runs [from, to) with 0 <= from <= to; got [" + from + ", " + to + ")");
    }
    long runs = to - from;
    List<String> dims = List.copyOf(innerDims);
    Map<String, Long> sizes = new LinkedHashMap<>();
    List<String> names = new ArrayList<>();
    for (Output o : outputs) {
      if (names.contains(o.name())) throw new IllegalArgumentException("output '" + o.name() + "' appears twice in the batch");
      names.add(o.name());
      long expected = Math.multiplyExact(Math.multiplyExact(runs, o.inner()), o.type().isComplex() ? 2 : 1);
      int length = java.lang.reflect.Array.getLength(o.raw());
      if (length != expected) {
        throw new IllegalArgumentException("output '" + o.name() + "' holds " + length + " values; " + runs + " runs of "
            + o.inner() + (o.type().isComplex() ? " " + o.type() + " values of 2 parts" : "") + " make " + expected);
      }
      for (int d = 0; d < o.dims().size(); d++) {
        String dim = o.dims().get(d);
        if (!dims.contains(dim)) {
          throw new IllegalArgumentException("output '" + o.name() + "' has inner dimension '" + dim
              + "', which is not among the batch's inner dimensions " + dims);
        }
        Long before = sizes.putIfAbsent(dim, o.shape()[d]);
        if (before != null && before != o.shape()[d]) {
          throw new IllegalArgumentException("inner dimension '" + dim + "' has size " + before + " in one output and "
              + o.shape()[d] + " in output '" + o.name() + "'");
        }
      }
    }
    Map<String, Object> labels = new LinkedHashMap<>();
    innerLabels.forEach((dim, a) -> {
      if (!dims.contains(dim)) {
        throw new IllegalArgumentException("labels are given for '" + dim + "', which is not among the batch's inner "
            + "dimensions " + dims);
      }
      if (a == null || !isLabelArray(a)) {
        throw new IllegalArgumentException("the labels of '" + dim + "' should be a primitive or String array, not "
            + (a == null ? "null" : a.getClass().getSimpleName()));
      }
      int n = java.lang.reflect.Array.getLength(a);
      Long size = sizes.get(dim);
      if (size != null && size != n) {
        throw new IllegalArgumentException("inner dimension '" + dim + "' has size " + size + " but " + n + " labels");
      }
      labels.put(dim, copy(a));
    });
    long[] failed = failedRuns.clone();
    for (int i = 0; i < failed.length; i++) {
      if (failed[i] < from || failed[i] >= to || (i > 0 && failed[i] <= failed[i - 1])) {
        throw new IllegalArgumentException("failed runs should be ascending within [" + from + ", " + to + "); got "
            + Arrays.toString(failed).substring(0, Math.min(200, Arrays.toString(failed).length())));
      }
    }
    if (failures.size() > Math.min(Failures.KEPT, failed.length)) {
      throw new IllegalArgumentException("a batch keeps at most the first " + Failures.KEPT + " of its " + failed.length
          + " failures; got " + failures.size());
    }
    return new RunBatch(from, to, List.copyOf(outputs), dims, Collections.unmodifiableMap(labels),
        Collections.unmodifiableMap(new LinkedHashMap<>(attrs)), failed, List.copyOf(failures));
  }

  /** {@return the first run} */
  public long from() {
    return from;
  }

  /** {@return the run after the last} */
  public long to() {
    return to;
  }

  /** {@return the number of runs, {@code to - from}} */
  public long size() {
    return to - from;
  }

  /** {@return each output's values, in the runner's order; empty if no run succeeded} */
  public List<Output> outputs() {
    return outputs;
  }

  /** {@return every inner dimension of the outputs, in the order the dataset mentions them} */
  public List<String> innerDims() {
    return innerDims;
  }

  /** {@return the labels of the labelled inner dimensions, each a primitive or String array (copied)} */
  public Map<String, Object> innerLabels() {
    Map<String, Object> m = new LinkedHashMap<>();
    innerLabels.forEach((d, a) -> m.put(d, copy(a)));
    return Collections.unmodifiableMap(m);
  }

  Map<String, Object> rawInnerLabels() {
    return innerLabels;
  }

  /** {@return the attributes of the datasets the runs returned; empty unless they returned datasets} */
  public Map<String, Object> attrs() {
    return attrs;
  }

  /** {@return the runs that failed, ascending (a copy)} */
  public long[] failedRuns() {
    return failedRuns.clone();
  }

  long[] rawFailedRuns() {
    return failedRuns;
  }

  /** {@return how many runs failed, and the first failures with their causes} */
  public Failures failures() {
    return new Failures(size(), failedRuns.length, failures);
  }

  @Override
  public String toString() {
    return "RunBatch[" + from + ", " + to + ") " + outputs + (failedRuns.length == 0 ? "" : ", " + failedRuns.length
        + " failed");
  }

  /** The Java array class that holds values of a type. */
  static Class<?> arrayClass(DType type) {
    switch (type) {
      case DOUBLE: case COMPLEX128: return double[].class;
      case FLOAT: case COMPLEX64: return float[].class;
      case LONG: return long[].class;
      case INT: return int[].class;
      case BOOLEAN: return boolean[].class;
      default: return String[].class;
    }
  }

  /** A column's values as the Java array of its type. */
  static Object values(Column c) {
    int n = Math.toIntExact(c.length());
    switch (c.type()) {
      case COMPLEX128: {
        double[] a = new double[Math.multiplyExact(n, 2)];
        for (int i = 0; i < n; i++) {
          a[2 * i] = c.getReal(i);
          a[2 * i + 1] = c.getImag(i);
        }
        return a;
      }
      case COMPLEX64: {
        float[] a = new float[Math.multiplyExact(n, 2)];
        for (int i = 0; i < n; i++) {
          a[2 * i] = (float) c.getReal(i);
          a[2 * i + 1] = (float) c.getImag(i);
        }
        return a;
      }
      case DOUBLE: {
        double[] a = new double[n];
        for (int i = 0; i < n; i++) a[i] = c.getDouble(i);
        return a;
      }
      case FLOAT: {
        float[] a = new float[n];
        for (int i = 0; i < n; i++) a[i] = (float) c.getDouble(i);
        return a;
      }
      case LONG: {
        long[] a = new long[n];
        for (int i = 0; i < n; i++) a[i] = c.getLong(i);
        return a;
      }
      case INT: {
        int[] a = new int[n];
        for (int i = 0; i < n; i++) a[i] = (int) c.getLong(i);
        return a;
      }
      case BOOLEAN: {
        boolean[] a = new boolean[n];
        for (int i = 0; i < n; i++) a[i] = c.getLong(i) != 0;
        return a;
      }
      default:
        return c.strings().clone();
    }
  }

  private static boolean isLabelArray(Object a) {
    return a instanceof double[] || a instanceof float[] || a instanceof long[] || a instanceof int[]
        || a instanceof boolean[] || a instanceof String[];
  }

  private static Object copy(Object a) {
    int n = java.lang.reflect.Array.getLength(a);
    Object c = java.lang.reflect.Array.newInstance(a.getClass().getComponentType(), n);
    System.arraycopy(a, 0, c, 0, n);
    return c;
  }

  static boolean attrsEqual(Map<String, Object> a, Map<String, Object> b) {
    if (!a.keySet().equals(b.keySet())) return false;
    for (String k : a.keySet()) if (!Objects.deepEquals(a.get(k), b.get(k))) return false;
    return true;
  }
}
