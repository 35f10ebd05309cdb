package dev.sweep.data;

import java.util.Arrays;
import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.javacpp.indexer.BooleanIndexer;
import org.bytedeco.javacpp.indexer.DoubleIndexer;
import org.bytedeco.javacpp.indexer.FloatIndexer;
import org.bytedeco.javacpp.indexer.IntIndexer;
import org.bytedeco.javacpp.indexer.LongIndexer;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Flat, typed storage of one variable in C order: an ND4J array read and written through its raw
 * indexer (no per-element checks, no boxing), or a Java array of strings.
 *
 * <p>Storage for sweep's own modules (the run layer writes results into it, the formats read and fill
 * it); its methods may change without notice. A {@link Variable} owns its column: {@link
 * Variable#column()} hands out a {@linkplain #readOnly() read-only view}, so a dataset stays
 * immutable. Reads and writes
 * of distinct elements from different threads are safe; publication is the caller's business.
 */
public abstract sealed class Column
    permits Column.Doubles, Column.Floats, Column.Longs, Column.Ints, Column.Booleans, Column.Strings,
        Column.Complexes, Column.ReadOnly {

  final long[] shape;
  final long length;

  Column(long[] shape) {
    this.shape = shape.clone();
    long n = 1;
    for (long s : shape) n *= s;
    this.length = n;
  }

  /** A zero-filled (or null-filled) column of the given type and shape. */
  public static Column allocate(DType type, long[] shape) {
    if (type == DType.STRING) {
      return new Strings(shape, new String[Math.toIntExact(product(shape))]);
    }
    if (type.isComplex()) return new Complexes(type, Nd4j.create(type.nd4j(), Complexes.partsShape(shape), 'c'));
    return wrap(Nd4j.create(type.nd4j(), shape.length == 0 ? new long[0] : shape, 'c'));
  }

  /**
   * A column of the given type and shape whose numeric contents are undefined until written: for
   * storage the caller fills completely, it saves a pass over memory.
   */
  public static Column allocateUninitialized(DType type, long[] shape) {
    if (type == DType.STRING || shape.length == 0) return allocate(type, shape);
    if (type.isComplex()) {
      return new Complexes(type, Nd4j.createUninitialized(type.nd4j(), Complexes.partsShape(shape), 'c'));
    }
    return wrap(Nd4j.createUninitialized(type.nd4j(), shape, 'c'));
  }

  /** A column over an ND4J array; a view or non-C-order array is copied first. */
  public static Column wrap(INDArray array) {
    INDArray a = array;
    if (a.isView() || a.ordering() != 'c' || a.data().length() != a.length()) {
      a = a.dup('c');
    }
    switch (DType.of(a.dataType())) {
      case DOUBLE: return new Doubles(a.castTo(org.nd4j.linalg.api.buffer.DataType.DOUBLE));
      case FLOAT: return new Floats(a.castTo(org.nd4j.linalg.api.buffer.DataType.FLOAT));
      case LONG: return new Longs(a.castTo(org.nd4j.linalg.api.buffer.DataType.INT64));
      case INT: return new Ints(a.castTo(org.nd4j.linalg.api.buffer.DataType.INT32));
      case BOOLEAN: return new Booleans(a);
      default: throw new AssertionError();
    }
  }

  /**
   * A complex column over an ND4J array of its parts (copied if a view or not in C order): float64
   * parts make complex128, float32 complex64; the last axis, of size 2, holds the real and the
   * imaginary part, and the column's shape is the array's without it.
   *
   * @throws IllegalArgumentException if the array is not floating or its last axis is not of size 2
   */
  public static Column wrapComplex(INDArray parts) {
    INDArray a = parts;
    if (a.rank() == 0 || a.size(a.rank() - 1) != 2) {
      throw new IllegalArgumentException("the parts of a complex column need a last axis of size 2 (real, "
          + "imaginary); got shape " + Arrays.toString(a.shape()));
    }
    if (a.isView() || a.ordering() != 'c' || a.data().length() != a.length()) a = a.dup('c');
    switch (a.dataType()) {
      case DOUBLE: return new Complexes(DType.COMPLEX128, a);
      case FLOAT: return new Complexes(DType.COMPLEX64, a);
      default: throw new IllegalArgumentException("the parts of a complex column are float64 or float32, not "
          + a.dataType());
    }
  }

  /** A column of strings over the given array (not copied), in C order for the shape. */
  public static Column ofStrings(long[] shape, String[] values) {
    if (product(shape) != values.length) {
      throw new IllegalArgumentException(
          "shape " + Arrays.toString(shape) + " holds " + product(shape) + " values, got " + values.length);
    }
    return new Strings(shape, values);
  }

  public static long product(long[] shape) {
    long n = 1;
    for (long s : shape) n = Math.multiplyExact(n, s);
    return n;
  }

  public abstract DType type();

  public final long length() {
    return length;
  }

  public final long[] shape() {
    return shape.clone();
  }

  /** The backing ND4J array, or null for strings; for complex, the parts with a last axis of 2. */
  public abstract INDArray array();

  /** The backing string array, or null for numbers. */
  public String[] strings() {
    return null;
  }

  public abstract double getDouble(long i);

  public abstract long getLong(long i);

  /** The element, boxed: Double, Float, Long, Integer, Boolean, String (null if missing) or Complex. */
  public abstract Object get(long i);

  public abstract void setDouble(long i, double v);

  /** Stores {@code src} at elements {@code start ..}; one bulk copy where the storage allows. */
  public void setDoubles(long start, double[] src) {
    for (int j = 0; j < src.length; j++) setDouble(start + j, src[j]);
  }

  public abstract void setLong(long i, long v);

  /**
   * Reads elements {@code start .. start + len - 1} as doubles into {@code dst[off ..]}: one bulk copy
   * where the storage allows, for loops that run over primitive arrays.
   */
  public void getDoubles(long start, double[] dst, int off, int len) {
    for (int j = 0; j < len; j++) dst[off + j] = getDouble(start + j);
  }

  /** Reads elements {@code start .. start + len - 1} as longs into {@code dst[off ..]} (booleans are 0 and 1). */
  public void getLongs(long start, long[] dst, int off, int len) {
    for (int j = 0; j < len; j++) dst[off + j] = getLong(start + j);
  }

  /** {@return the real part of element i: the value itself for real types} */
  public double getReal(long i) {
    return getDouble(i);
  }

  /** {@return the imaginary part of element i: 0 for real types (NaN where a float is missing)} */
  public double getImag(long i) {
    double d = getDouble(i);
    return d == d ? 0 : Double.NaN;
  }

  /**
   * Stores a complex value; a real column takes it only when its imaginary part is 0.
   *
   * @throws IllegalArgumentException naming the value, if a real column would lose its imaginary part
   */
  public void setComplex(long i, double re, double im) {
    if (im != 0 && !(Double.isNaN(im) && Double.isNaN(re))) {
      throw new IllegalArgumentException("cannot store " + describe(new org.apache.commons.math3.complex.Complex(re, im))
          + " in a " + type() + " variable; declare it complex128");
    }
    setDouble(i, re);
  }

  public void setBoolean(long i, boolean v) {
    setLong(i, v ? 1 : 0);
  }

  public void setString(long i, String v) {
    throw new IllegalStateException("cannot store the string \"" + v + "\" in a " + type() + " variable");
  }

  /**
   * Stores a boxed value. Numbers are converted to this column's type when that loses nothing an
   * integer type cannot hold; otherwise {@link IllegalArgumentException} names the value.
   */
  public abstract void set(long i, Object v);

  /** True if the element is the missing value of its type: NaN for floats, null for strings, a NaN part for complex. */
  public boolean isMissing(long i) {
    return false;
  }

  /** Marks an element missing; only floating, complex and string columns can. */
  public void setMissing(long i) {
    throw new IllegalStateException(type() + " has no missing value");
  }

  /** A copy converted to another type (integers and booleans to float64, anything to itself). */
  public Column convert(DType to) {
    if (to == type()) return copy();
    if (to == DType.STRING || type() == DType.STRING) {
      throw new IllegalArgumentException("cannot convert " + type() + " to " + to);
    }
    if (type().isComplex() && !to.isComplex()) {
      throw new IllegalArgumentException("cannot convert " + type() + " to " + to + " without losing the imaginary "
          + "parts; take real() or imag()");
    }
    Column c = allocate(to, shape);
    for (long i = 0; i < length; i++) {
      if (to.isComplex()) c.setComplex(i, getReal(i), getImag(i));
      else if (to.isFloating()) c.setDouble(i, getDouble(i));
      else c.setLong(i, getLong(i));
    }
    return c;
  }

  public abstract Column copy();

  /** Copies element i of this into element j of dst without boxing, converting the type as needed. */
  public final void copyTo(long i, Column dst, long j) {
    DType t = dst.type();
    if (t == DType.STRING) dst.setString(j, (String) get(i));
    else if (t.isComplex() || type().isComplex()) dst.setComplex(j, getReal(i), getImag(i));
    else if (t.isFloating()) {
      if (isMissing(i)) dst.setMissing(j);
      else dst.setDouble(j, getDouble(i));
    } else dst.setLong(j, getLong(i));
  }

  /** A column of another shape over the same elements (C order), sharing storage. */
  public abstract Column reshape(long[] newShape);

  /** True if both hold the same type, shape and elements (NaN equal to NaN). */
  public boolean sameAs(Column o) {
    if (o.type() != type() || !Arrays.equals(shape, o.shape)) return false;
    for (long i = 0; i < length; i++) {
      if (!sameElement(o, i, i)) return false;
    }
    return true;
  }

  /** True if element i of this equals element j of o (same type assumed; NaN equals NaN). */
  public boolean sameElement(Column o, long i, long j) {
    if (type().isComplex()) {
      return sameDouble(getReal(i), o.getReal(j)) && sameDouble(getImag(i), o.getImag(j));
    }
    if (type().isFloating()) {
      double a = getDouble(i);
      double b = o.getDouble(j);
      return a == b || (Double.isNaN(a) && Double.isNaN(b));
    }
    if (type() == DType.STRING) return java.util.Objects.equals(get(i), o.get(j));
    return getLong(i) == o.getLong(j);
  }

  private static boolean sameDouble(double a, double b) {
    return a == b || (Double.isNaN(a) && Double.isNaN(b));
  }

  static String describe(Object v) {
    return v == null ? "null" : v instanceof String ? "\"" + v + "\"" : v + " (" + v.getClass().getSimpleName() + ")";
  }

  static double asDouble(Object v, Column c) {
    if (v instanceof Number n) return n.doubleValue();
    if (v instanceof org.apache.commons.math3.complex.Complex z) {
      throw new IllegalArgumentException("cannot store the complex value " + Repr.value(z) + " in a " + c.type()
          + " variable; declare it complex128");
    }
    if (v instanceof Boolean b) return b ? 1 : 0;
    throw new IllegalArgumentException("cannot store " + describe(v) + " in a " + c.type() + " variable");
  }

  static long asLong(Object v, Column c) {
    if (v instanceof org.apache.commons.math3.complex.Complex) asDouble(v, c); // throws, naming the value
    if (v instanceof Long || v instanceof Integer || v instanceof Short || v instanceof Byte) {
      return ((Number) v).longValue();
    }
    if (v instanceof Boolean b) return b ? 1 : 0;
    if (v instanceof Number n) {
      double d = n.doubleValue();
      if (d == Math.rint(d) && !Double.isInfinite(d)) return (long) d;
    }
    throw new IllegalArgumentException(
        "cannot store " + describe(v) + " in a " + c.type() + " variable; declare it float64 to keep fractions");
  }

  /** float64 storage. */
  public static final class Doubles extends Column {
    private final INDArray array;
    private final DoubleIndexer ix;

    Doubles(INDArray array) {
      super(array.shape());
      this.array = array;
      this.ix = (DoubleIndexer) array.data().indexer();
    }

    @Override public DType type() { return DType.DOUBLE; }
    @Override public INDArray array() { return array; }
    @Override public double getDouble(long i) { return ix.get(i); }
    @Override public long getLong(long i) { return (long) ix.get(i); }
    @Override public Object get(long i) { return ix.get(i); }
    @Override public void setDouble(long i, double v) { ix.put(i, v); }
    @Override
    public void setDoubles(long start, double[] src) {
      if (start < 0 || start + src.length > length) {
        throw new IndexOutOfBoundsException("elements " + start + ".." + (start + src.length) + " of " + length);
      }
      // One memcpy through a view of our own (the buffer's pointer is shared, its position is not safe to move).
      new DoublePointer(array.data().pointer()).position(start).put(src, 0, src.length);
    }
    @Override
    public void getDoubles(long start, double[] dst, int off, int len) {
      if (start < 0 || start + len > length) {
        throw new IndexOutOfBoundsException("elements " + start + ".." + (start + len) + " of " + length);
      }
      new DoublePointer(array.data().pointer()).position(start).get(dst, off, len);
    }
    @Override public void setLong(long i, long v) { ix.put(i, (double) v); }
    @Override public void set(long i, Object v) { ix.put(i, asDouble(v, this)); }
    @Override public boolean isMissing(long i) { return Double.isNaN(ix.get(i)); }
    @Override public void setMissing(long i) { ix.put(i, Double.NaN); }
    @Override public Column copy() { return new Doubles(array.dup('c')); }
    @Override public Column reshape(long[] s) { return new Doubles(array.reshape('c', s)); }
  }

  /** float32 storage. */
  public static final class Floats extends Column {
    private final INDArray array;
    private final FloatIndexer ix;

    Floats(INDArray array) {
      super(array.shape());
      this.array = array;
      this.ix = (FloatIndexer) array.data().indexer();
    }

    @Override public DType type() { return DType.FLOAT; }
    @Override public INDArray array() { return array; }
    @Override public double getDouble(long i) { return ix.get(i); }
    @Override public long getLong(long i) { return (long) ix.get(i); }
    @Override public Object get(long i) { return ix.get(i); }
    @Override public void setDouble(long i, double v) { ix.put(i, (float) v); }
    @Override public void setLong(long i, long v) { ix.put(i, (float) v); }
    @Override public void set(long i, Object v) { ix.put(i, (float) asDouble(v, this)); }
    @Override public boolean isMissing(long i) { return Float.isNaN(ix.get(i)); }
    @Override public void setMissing(long i) { ix.put(i, Float.NaN); }
    @Override public Column copy() { return new Floats(array.dup('c')); }
    @Override public Column reshape(long[] s) { return new Floats(array.reshape('c', s)); }
  }

  /** int64 storage. */
  public static final class Longs extends Column {
    private final INDArray array;
    private final LongIndexer ix;

    Longs(INDArray array) {
      super(array.shape());
      this.array = array;
      this.ix = (LongIndexer) array.data().indexer();
    }

    @Override public DType type() { return DType.LONG; }
    @Override public INDArray array() { return array; }
    @Override public double getDouble(long i) { return ix.get(i); }
    @Override public long getLong(long i) { return ix.get(i); }
    @Override public Object get(long i) { return ix.get(i); }
    @Override public void setDouble(long i, double v) { ix.put(i, (long) v); }
    @Override public void setLong(long i, long v) { ix.put(i, v); }
    @Override public void set(long i, Object v) { ix.put(i, asLong(v, this)); }
    @Override public Column copy() { return new Longs(array.dup('c')); }
    @Override public Column reshape(long[] s) { return new Longs(array.reshape('c', s)); }
  }

  /** int32 storage. */
  public static final class Ints extends Column {
    private final INDArray array;
    private final IntIndexer ix;

    Ints(INDArray array) {
      super(array.shape());
      this.array = array;
      this.ix = (IntIndexer) array.data().indexer();
    }

    @Override public DType type() { return DType.INT; }
    @Override public INDArray array() { return array; }
    @Override public double getDouble(long i) { return ix.get(i); }
    @Override public long getLong(long i) { return ix.get(i); }
    @Override public Object get(long i) { return ix.get(i); }
    @Override public void setDouble(long i, double v) { ix.put(i, (int) v); }
    @Override public void setLong(long i, long v) { ix.put(i, Math.toIntExact(v)); }

    @Override
    public void set(long i, Object v) {
      long l = asLong(v, this);
      if (l != (int) l) {
        throw new IllegalArgumentException("cannot store " + describe(v) + " in an int32 variable; declare it int64");
      }
      ix.put(i, (int) l);
    }

    @Override public Column copy() { return new Ints(array.dup('c')); }
    @Override public Column reshape(long[] s) { return new Ints(array.reshape('c', s)); }
  }

  /** bool storage. */
  public static final class Booleans extends Column {
    private final INDArray array;
    private final BooleanIndexer ix;

    Booleans(INDArray array) {
      super(array.shape());
      this.array = array;
      this.ix = (BooleanIndexer) array.data().indexer();
    }

    @Override public DType type() { return DType.BOOLEAN; }
    @Override public INDArray array() { return array; }
    @Override public double getDouble(long i) { return ix.get(i) ? 1 : 0; }
    @Override public long getLong(long i) { return ix.get(i) ? 1 : 0; }
    @Override public Object get(long i) { return ix.get(i); }
    @Override public void setDouble(long i, double v) { ix.put(i, v != 0); }
    @Override public void setLong(long i, long v) { ix.put(i, v != 0); }
    @Override public void setBoolean(long i, boolean v) { ix.put(i, v); }

    @Override
    public void set(long i, Object v) {
      if (!(v instanceof Boolean b)) {
        throw new IllegalArgumentException("cannot store " + describe(v) + " in a bool variable");
      }
      ix.put(i, b);
    }

    @Override public Column copy() { return new Booleans(array.dup('c')); }
    @Override public Column reshape(long[] s) { return new Booleans(array.reshape('c', s)); }
  }

  /** String storage in a Java array; null is missing. */
  public static final class Strings extends Column {
    private final String[] values;

    Strings(long[] shape, String[] values) {
      super(shape);
      this.values = values;
    }

    @Override public DType type() { return DType.STRING; }
    @Override public INDArray array() { return null; }
    @Override public String[] strings() { return values; }

    @Override
    public double getDouble(long i) {
      throw new IllegalStateException("a str variable has no numeric value (\"" + values[(int) i] + "\")");
    }

    @Override public long getLong(long i) { return (long) getDouble(i); }
    @Override public Object get(long i) { return values[(int) i]; }

    @Override
    public void setDouble(long i, double v) {
      if (Double.isNaN(v)) values[(int) i] = null;
      else throw new IllegalArgumentException("cannot store the number " + v + " in a str variable");
    }

    @Override
    public void setLong(long i, long v) {
      throw new IllegalArgumentException("cannot store the number " + v + " in a str variable");
    }

    @Override public void setString(long i, String v) { values[(int) i] = v; }

    @Override
    public void set(long i, Object v) {
      if (v == null || v instanceof String) values[(int) i] = (String) v;
      else if (v instanceof Enum<?> e) values[(int) i] = e.name();
      else if (v instanceof Character c) values[(int) i] = c.toString();
      else if (v instanceof Double d && d.isNaN()) values[(int) i] = null;
      else throw new IllegalArgumentException("cannot store " + describe(v) + " in a str variable");
    }

    @Override public boolean isMissing(long i) { return values[(int) i] == null; }
    @Override public void setMissing(long i) { values[(int) i] = null; }
    @Override public Column copy() { return new Strings(shape, values.clone()); }

    @Override
    public Column reshape(long[] s) {
      return ofStrings(s, values);
    }
  }

  /**
   * complex128 or complex64 storage: a float64 or float32 ND4J array shaped like the column plus a
   * last axis of 2, holding each element's real part, then its imaginary part (NumPy's layout).
   * Elements are {@link org.apache.commons.math3.complex.Complex}; {@link #getDouble} refuses, so no
   * loop over real numbers silently drops imaginary parts.
   */
  public static final class Complexes extends Column {
    private final DType type;
    private final INDArray parts;
    private final DoubleIndexer dix; // float64 parts, or null
    private final FloatIndexer fix; // float32 parts, or null

    Complexes(DType type, INDArray parts) {
      super(Arrays.copyOf(parts.shape(), parts.rank() - 1));
      this.type = type;
      this.parts = parts;
      this.dix = type == DType.COMPLEX128 ? (DoubleIndexer) parts.data().indexer() : null;
      this.fix = type == DType.COMPLEX64 ? (FloatIndexer) parts.data().indexer() : null;
    }

    static long[] partsShape(long[] shape) {
      long[] s = Arrays.copyOf(shape, shape.length + 1);
      s[shape.length] = 2;
      return s;
    }

    @Override public DType type() { return type; }
    /** {@return the parts: shaped like the column plus a last axis of 2 (real, imaginary)} */
    @Override public INDArray array() { return parts; }
    @Override public double getReal(long i) { return dix != null ? dix.get(2 * i) : fix.get(2 * i); }
    @Override public double getImag(long i) { return dix != null ? dix.get(2 * i + 1) : fix.get(2 * i + 1); }

    @Override
    public void setComplex(long i, double re, double im) {
      if (dix != null) {
        dix.put(2 * i, re);
        dix.put(2 * i + 1, im);
      } else {
        fix.put(2 * i, (float) re);
        fix.put(2 * i + 1, (float) im);
      }
    }

    @Override
    public double getDouble(long i) {
      throw new IllegalStateException("a " + type + " variable has no real value (element " + i + " is "
          + Repr.value(get(i)) + "); take real(), imag() or abs() first");
    }

    @Override public long getLong(long i) { return (long) getDouble(i); }
    @Override public Object get(long i) { return new org.apache.commons.math3.complex.Complex(getReal(i), getImag(i)); }
    @Override public void setDouble(long i, double v) { setComplex(i, v, Double.isNaN(v) ? Double.NaN : 0); }
    @Override public void setLong(long i, long v) { setComplex(i, v, 0); }

    @Override
    public void set(long i, Object v) {
      if (v instanceof org.apache.commons.math3.complex.Complex z) setComplex(i, z.getReal(), z.getImaginary());
      else if (v instanceof Number n) setComplex(i, n.doubleValue(), 0);
      else throw new IllegalArgumentException("cannot store " + describe(v) + " in a " + type + " variable");
    }

    @Override public boolean isMissing(long i) { return Double.isNaN(getReal(i)) || Double.isNaN(getImag(i)); }
    @Override public void setMissing(long i) { setComplex(i, Double.NaN, Double.NaN); }
    @Override public Column copy() { return new Complexes(type, parts.dup('c')); }
    @Override public Column reshape(long[] s) { return new Complexes(type, parts.reshape('c', partsShape(s))); }
  }

  /** {@return a view of this column that refuses every write; reads see this column} */
  public Column readOnly() {
    return new ReadOnly(this);
  }

  /** A view that reads its column and refuses writes: what {@link Variable#column()} returns. */
  static final class ReadOnly extends Column {
    private final Column inner;

    ReadOnly(Column inner) {
      super(inner.shape);
      this.inner = inner;
    }

    private UnsupportedOperationException refused() {
      return new UnsupportedOperationException("this column belongs to an immutable variable; copy() it to change it");
    }

    @Override public Column readOnly() { return this; }
    @Override public DType type() { return inner.type(); }
    @Override public INDArray array() { return inner.array(); }
    @Override public String[] strings() { return inner.strings() == null ? null : inner.strings().clone(); }
    @Override public double getDouble(long i) { return inner.getDouble(i); }
    @Override public long getLong(long i) { return inner.getLong(i); }
    @Override public Object get(long i) { return inner.get(i); }
    @Override public boolean isMissing(long i) { return inner.isMissing(i); }
    @Override public double getReal(long i) { return inner.getReal(i); }
    @Override public double getImag(long i) { return inner.getImag(i); }
    @Override public void setComplex(long i, double re, double im) { throw refused(); }
    @Override public void setDouble(long i, double v) { throw refused(); }
    @Override public void setDoubles(long start, double[] src) { throw refused(); }
    @Override public void setLong(long i, long v) { throw refused(); }
    @Override public void setBoolean(long i, boolean v) { throw refused(); }
    @Override public void setString(long i, String v) { throw refused(); }
    @Override public void set(long i, Object v) { throw refused(); }
    @Override public void setMissing(long i) { throw refused(); }
    @Override public Column copy() { return inner.copy(); }
    @Override public Column reshape(long[] newShape) { return inner.reshape(newShape).readOnly(); }
    @Override public boolean sameElement(Column o, long i, long j) { return inner.sameElement(o, i, j); }
  }
}
