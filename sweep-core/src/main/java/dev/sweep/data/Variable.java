package dev.sweep.data;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A named N-dimensional array of one type over named dimensions, with attributes: a data variable
 * of a {@link Dataset}. Immutable through this API.
 *
 * <p>Numeric and boolean values live in an ND4J array, reachable through {@link #array()}; strings
 * live in a Java array; complex values (ND4J has no complex type) as their real and imaginary parts
 * side by side, along a last axis of 2 of a float array. Missing values are NaN for floating types,
 * NaN+NaNj for complex and null for strings; integer and boolean variables have none (a merge that
 * leaves gaps turns them into float64).
 */
public final class Variable {
  private final String name;
  private final List<String> dims;
  private final Column column;
  private final Map<String, Object> attrs;

  private Variable(String name, List<String> dims, Column column, Map<String, Object> attrs) {
    this.name = Objects.requireNonNull(name, "name");
    this.dims = List.copyOf(dims);
    this.column = column;
    this.attrs = Attrs.copyOf(attrs);
    if (dims.size() != column.shape().length) {
      throw new IllegalArgumentException("variable '" + name + "' has dimensions " + dims + " but data of rank "
          + column.shape().length + " (shape " + Arrays.toString(column.shape()) + ")");
    }
    if (new java.util.HashSet<>(dims).size() != dims.size()) {
      throw new IllegalArgumentException("variable '" + name + "' repeats a dimension: " + dims);
    }
    for (String d : this.dims) {
      if (d.isBlank()) {
        throw new IllegalArgumentException("variable '" + name + "' has an empty dimension name in " + dims
            + "; expected a name such as \"x\"");
      }
    }
  }

  /**
   * {@return a variable over a copy of an ND4J array, with no attributes}
   *
   * @param name the variable's name
   * @param dims the dimension names, one per axis of the array
   * @param values the data; its ND4J type decides the variable's (see
   *     {@link DType#of(org.nd4j.linalg.api.buffer.DataType)})
   * @throws IllegalArgumentException if the number of dimensions is not the data's rank, or a
   *     dimension is repeated, or the array's type has no counterpart
   */
  public static Variable of(String name, List<String> dims, INDArray values) {
    return new Variable(name, dims, Column.wrap(values.dup('c')), Map.of());
  }

  /**
   * {@return a str variable of the given shape, with no attributes}
   *
   * @param name the variable's name
   * @param dims the dimension names, one per axis
   * @param shape the size along each dimension
   * @param values the values in C order, as many as the shape holds (copied); null marks a missing value
   * @throws IllegalArgumentException if the number of dimensions is not the data's rank, or a
   *     dimension is repeated, or the number of values does not fit the shape
   */
  public static Variable ofStrings(String name, List<String> dims, long[] shape, String... values) {
    return new Variable(name, dims, Column.ofStrings(shape, values.clone()), Map.of());
  }

  /**
   * {@return a complex128 variable of the given shape, with no attributes}
   *
   * @param name the variable's name
   * @param dims the dimension names, one per axis
   * @param shape the size along each dimension
   * @param values the values in C order, as many as the shape holds; null marks a missing value
   *     (NaN+NaNj)
   * @throws IllegalArgumentException if the number of dimensions is not the data's rank, or a
   *     dimension is repeated, or the number of values does not fit the shape
   */
  public static Variable ofComplex(String name, List<String> dims, long[] shape,
      org.apache.commons.math3.complex.Complex... values) {
    if (Column.product(shape) != values.length) {
      throw new IllegalArgumentException("variable '" + name + "': shape " + Arrays.toString(shape) + " holds "
          + Column.product(shape) + " values, got " + values.length);
    }
    Column c = Column.allocateUninitialized(DType.COMPLEX128, shape);
    for (int i = 0; i < values.length; i++) {
      if (values[i] == null) c.setMissing(i);
      else c.setComplex(i, values[i].getReal(), values[i].getImaginary());
    }
    return new Variable(name, dims, c, Map.of());
  }

  /**
   * {@return a variable over internal storage, not copied} For sweep's own modules.
   *
   * @param name the variable's name
   * @param dims the dimension names, one per axis of the column
   * @param column the data, which the variable then owns
   * @throws IllegalArgumentException if the number of dimensions is not the data's rank, or a
   *     dimension is repeated
   */
  public static Variable of(String name, List<String> dims, Column column) {
    return new Variable(name, dims, column, Map.of());
  }

  /**
   * {@return this variable with the given attributes in place of its own; the data is shared, not copied}
   *
   * @param attrs the attributes: each a String, number, boolean, or an array of numbers or strings
   * @throws IllegalArgumentException naming an attribute of another kind
   */
  public Variable withAttrs(Map<String, ?> attrs) {
    return new Variable(name, dims, column, new LinkedHashMap<>(attrs));
  }

  /**
   * This variable with its axes in another order, as xarray's {@code transpose}; the data is copied.
   *
   * @param order the same dimensions in the new order
   * @return the transposed variable, or this one if the order is unchanged
   * @throws IllegalArgumentException unless {@code order} names the same dimensions
   */
  public Variable transpose(List<String> order) {
    if (order.equals(dims)) return this;
    if (order.size() != dims.size() || !new java.util.HashSet<>(order).equals(new java.util.HashSet<>(dims))) {
      throw new IllegalArgumentException("cannot transpose variable '" + name + "' with dimensions " + dims
          + " to " + order);
    }
    long[] shape = column.shape();
    int rank = shape.length;
    int[] from = new int[rank]; // axis of the source for each target axis
    long[] outShape = new long[rank];
    for (int d = 0; d < rank; d++) {
      from[d] = dims.indexOf(order.get(d));
      outShape[d] = shape[from[d]];
    }
    long[] srcStrides = Dataset.strides(shape);
    Column out = Column.allocate(column.type(), outShape);
    int[] idx = new int[rank];
    long n = column.length();
    for (long k = 0; k < n; k++) {
      long off = 0;
      for (int d = 0; d < rank; d++) off += idx[d] * srcStrides[from[d]];
      column.copyTo(off, out, k);
      for (int d = rank - 1; d >= 0; d--) {
        if (++idx[d] < outShape[d]) break;
        idx[d] = 0;
      }
    }
    return new Variable(name, order, out, attrs);
  }

  /**
   * {@return this variable under another name; the data is shared, not copied}
   *
   * @param newName the new name
   */
  public Variable rename(String newName) {
    return new Variable(newName, dims, column, attrs);
  }

  /** {@return the variable's name, its key in a dataset's variables} */
  public String name() {
    return name;
  }

  /** {@return the dimension names, in axis order; unmodifiable} */
  public List<String> dims() {
    return dims;
  }

  /** {@return the size along each dimension, in {@link #dims()} order (a new array)} */
  public long[] shape() {
    return column.shape();
  }

  /** {@return the number of elements: the product of the shape} */
  public long size() {
    return column.length();
  }

  /** {@return the element type} */
  public DType type() {
    return column.type();
  }

  /** {@return the attributes, in insertion order; unmodifiable, never null} */
  public Map<String, Object> attrs() {
    return attrs;
  }

  /**
   * The backing ND4J array, shaped like {@link #shape()} in C order; for a complex variable, float64
   * (complex128) or float32 (complex64) with one more, last axis of size 2: the real part, then the
   * imaginary part of each element. This is the one way to the raw
   * data: it is not copied, so treat it as read-only (the dataset assumes it never changes).
   *
   * @return the backing array
   * @throws IllegalStateException for a str variable, which has no ND4J array
   */
  public INDArray array() {
    INDArray a = column.array();
    if (a == null) {
      throw new IllegalStateException("variable '" + name + "' holds strings, which live in a Java array; "
          + "use toStringArray()");
    }
    return a;
  }

  /**
   * {@return the storage, as a read-only view} For sweep's own modules: reads cost one indirection,
   * writes throw {@link UnsupportedOperationException}, so the variable stays immutable.
   */
  public Column column() {
    return column.readOnly();
  }

  /** The storage itself, for this package's own loops. */
  Column storage() {
    return column;
  }

  /**
   * {@return the element at the given positions, boxed; null for a missing string; a {@link
   * org.apache.commons.math3.complex.Complex} for a complex variable}
   *
   * @param positions one position per dimension, in {@link #dims()} order
   * @throws IllegalArgumentException if the number of positions is not the number of dimensions
   * @throws IndexOutOfBoundsException if a position is outside its dimension
   */
  public Object get(int... positions) {
    return column.get(offset(positions));
  }

  /**
   * {@return the element at the given positions as a double (NaN if missing; booleans are 0 and 1)}
   *
   * @param positions one position per dimension, in {@link #dims()} order
   * @throws IllegalArgumentException if the number of positions is not the number of dimensions
   * @throws IndexOutOfBoundsException if a position is outside its dimension
   * @throws IllegalStateException for a str or complex variable
   */
  public double getDouble(int... positions) {
    return column.getDouble(offset(positions));
  }

  /**
   * {@return true if the element at the given positions is missing (NaN or null); always false for
   * integer and boolean variables}
   *
   * @param positions one position per dimension, in {@link #dims()} order
   * @throws IllegalArgumentException if the number of positions is not the number of dimensions
   * @throws IndexOutOfBoundsException if a position is outside its dimension
   */
  public boolean isMissing(int... positions) {
    return column.isMissing(offset(positions));
  }

  /**
   * {@return a copy of all elements as doubles, in C order (NaN where missing; booleans are 0 and 1)}
   *
   * @throws IllegalStateException for a str or complex variable (take {@link #real()} or {@link #imag()})
   */
  public double[] toDoubleArray() {
    double[] out = new double[Math.toIntExact(column.length())];
    for (int i = 0; i < out.length; i++) out[i] = column.getDouble(i);
    return out;
  }

  /**
   * {@return the real parts, as float64 (the values themselves for a real variable)}, as xarray's
   * {@code .real}; same name, dimensions and attributes.
   *
   * @throws IllegalStateException for a str variable
   */
  public Variable real() {
    return part(0);
  }

  /**
   * {@return the imaginary parts, as float64 (0 for a real variable, NaN where it is missing)}, as
   * xarray's {@code .imag}; same name, dimensions and attributes.
   *
   * @throws IllegalStateException for a str variable
   */
  public Variable imag() {
    return part(1);
  }

  /**
   * {@return the absolute values, as float64: the modulus of a complex variable}, as NumPy's
   * {@code abs}; same name, dimensions and attributes.
   *
   * @throws IllegalStateException for a str variable
   */
  public Variable abs() {
    return part(2);
  }

  private Variable part(int which) {
    if (type() == DType.STRING) throw new IllegalStateException("variable '" + name + "' is str, not a number");
    Column out = Column.allocateUninitialized(DType.DOUBLE, column.shape());
    for (long i = 0; i < column.length(); i++) {
      double re = column.getReal(i);
      double im = column.getImag(i);
      out.setDouble(i, which == 0 ? re : which == 1 ? im : type().isComplex() ? Math.hypot(re, im) : Math.abs(re));
    }
    return new Variable(name, dims, out, attrs);
  }

  /**
   * {@return a copy of all elements of a str variable, in C order; null where missing}
   *
   * @throws IllegalStateException if the variable is not of type str
   */
  public String[] toStringArray() {
    String[] s = column.strings();
    if (s == null) throw new IllegalStateException("variable '" + name + "' is " + type() + ", not str");
    return s.clone();
  }

  long offset(int... positions) {
    long[] shape = column.shape();
    if (positions.length != shape.length) {
      throw new IllegalArgumentException("variable '" + name + "' has " + shape.length + " dimensions " + dims
          + "; got " + positions.length + " positions " + Arrays.toString(positions));
    }
    long off = 0;
    for (int d = 0; d < shape.length; d++) {
      if (positions[d] < 0 || positions[d] >= shape[d]) {
        throw new IndexOutOfBoundsException("position " + positions[d] + " along '" + dims.get(d)
            + "' of variable '" + name + "' is outside 0.." + (shape[d] - 1));
      }
      off = off * shape[d] + positions[d];
    }
    return off;
  }

  /** Same name, dimensions, type, values (NaN equal to NaN) and attributes. */
  @Override
  public boolean equals(Object o) {
    return o instanceof Variable v && v.name.equals(name) && v.dims.equals(dims)
        && column.sameAs(v.column) && Attrs.equal(attrs, v.attrs);
  }

  @Override
  public int hashCode() {
    return Objects.hash(name, dims, column.type(), Arrays.hashCode(column.shape()));
  }

  @Override
  public String toString() {
    return name + " " + Repr.dims(dims) + " " + type() + " " + Repr.values(column, 60);
  }

  // ---- element-wise arithmetic (Arithmetic), broadcasting by dimension name ----

  /**
   * {@return this variable plus another, element-wise, as float64} The dimensions are broadcast by name,
   * as xarray does: the result has this variable's dimensions, then the other's that this one lacks.
   * Missing values (NaN) stay missing; bools count as 0 and 1. The result is named after this variable
   * and has no attributes.
   *
   * @param other the other operand
   * @throws IllegalArgumentException if either is str, or a shared dimension has two sizes
   */
  public Variable plus(Variable other) {
    return Arithmetic.combine(this, other, Double::sum, "plus");
  }

  /**
   * {@return this variable plus a number, element-wise, as float64}
   *
   * @param x the number
   * @throws IllegalArgumentException if this variable is str
   */
  public Variable plus(double x) {
    return Arithmetic.map(this, v -> v + x, "plus");
  }

  /**
   * {@return this variable minus another, element-wise, as float64} Broadcast as {@link #plus(Variable)}.
   *
   * @param other the other operand
   * @throws IllegalArgumentException as {@link #plus(Variable)}
   */
  public Variable minus(Variable other) {
    return Arithmetic.combine(this, other, (a, b) -> a - b, "minus");
  }

  /**
   * {@return this variable minus a number, element-wise, as float64}
   *
   * @param x the number
   * @throws IllegalArgumentException if this variable is str
   */
  public Variable minus(double x) {
    return Arithmetic.map(this, v -> v - x, "minus");
  }

  /**
   * {@return this variable times another, element-wise, as float64} Broadcast as {@link #plus(Variable)}.
   *
   * @param other the other operand
   * @throws IllegalArgumentException as {@link #plus(Variable)}
   */
  public Variable times(Variable other) {
    return Arithmetic.combine(this, other, (a, b) -> a * b, "times");
  }

  /**
   * {@return this variable times a number, element-wise, as float64}
   *
   * @param x the number
   * @throws IllegalArgumentException if this variable is str
   */
  public Variable times(double x) {
    return Arithmetic.map(this, v -> v * x, "times");
  }

  /**
   * {@return this variable divided by another, element-wise, as float64 (x / 0 is infinite or NaN, as
   * in NumPy)} Broadcast as {@link #plus(Variable)}.
   *
   * @param other the divisor
   * @throws IllegalArgumentException as {@link #plus(Variable)}
   */
  public Variable div(Variable other) {
    return Arithmetic.combine(this, other, (a, b) -> a / b, "div");
  }

  /**
   * {@return this variable divided by a number, element-wise, as float64}
   *
   * @param x the divisor
   * @throws IllegalArgumentException if this variable is str
   */
  public Variable div(double x) {
    return Arithmetic.map(this, v -> v / x, "div");
  }

  /**
   * {@return a function applied to every element, as float64}: {@code v.map(Math::sin)}. The function
   * sees NaN where a value is missing, and bools as 0 and 1.
   *
   * @param f the function
   * @throws IllegalArgumentException if this variable is str
   */
  public Variable map(java.util.function.DoubleUnaryOperator f) {
    return Arithmetic.map(this, Objects.requireNonNull(f, "f"), "map");
  }

  /**
   * {@return a function of this variable's and another's elements, as float64}, broadcast as
   * {@link #plus(Variable)}: {@code a.combine(b, Math::hypot)}.
   *
   * @param other the other operand
   * @param f the function of (this element, other element)
   * @throws IllegalArgumentException as {@link #plus(Variable)}
   */
  public Variable combine(Variable other, java.util.function.DoubleBinaryOperator f) {
    return Arithmetic.combine(this, other, Objects.requireNonNull(f, "f"), "combine");
  }

  /**
   * {@return a bool variable, true where the test holds}: the condition of {@link Dataset#where(Variable)},
   * as xarray's {@code ds.where(ds.y > 0)} is {@code ds.where(ds.variable("y").test(v -> v > 0))}. The
   * test sees NaN where a value is missing.
   *
   * @param test the test of each element
   * @throws IllegalArgumentException if this variable is str
   */
  public Variable test(java.util.function.DoublePredicate test) {
    return Arithmetic.test(this, Objects.requireNonNull(test, "test"));
  }
}
