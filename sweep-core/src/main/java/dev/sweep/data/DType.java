package dev.sweep.data;

import org.nd4j.linalg.api.buffer.DataType;

/**
 * The element type of a coordinate or data variable.
 *
 * <p>Names follow NumPy's so that a dataset prints the way an xarray user expects: {@code float64},
 * {@code int32}, {@code bool}, {@code str}. Numeric and boolean data live in ND4J arrays; strings in
 * Java arrays.
 */
public enum DType {
  /** 64-bit floating point, NumPy's {@code float64}; missing is NaN. */
  DOUBLE("float64", DataType.DOUBLE),
  /** 32-bit floating point, NumPy's {@code float32}; missing is NaN. */
  FLOAT("float32", DataType.FLOAT),
  /** 64-bit integer, NumPy's {@code int64}; no missing value. */
  LONG("int64", DataType.INT64),
  /** 32-bit integer, NumPy's {@code int32}; no missing value. */
  INT("int32", DataType.INT32),
  /** Boolean, NumPy's {@code bool}; no missing value. */
  BOOLEAN("bool", DataType.BOOL),
  /** Text, NumPy's {@code str}, held in a Java array; missing is null. */
  STRING("str", null),
  /**
   * Complex of two 64-bit floats, NumPy's {@code complex128}: values are {@link
   * org.apache.commons.math3.complex.Complex}; the real and imaginary parts sit side by side in a
   * float64 ND4J array with a trailing axis of 2 (NumPy's own layout); missing is NaN+NaNj.
   */
  COMPLEX128("complex128", DataType.DOUBLE),
  /** Complex of two 32-bit floats, NumPy's {@code complex64}; as {@link #COMPLEX128} with float32 parts. */
  COMPLEX64("complex64", DataType.FLOAT);

  private final String numpyName;
  private final DataType nd4j;

  DType(String numpyName, DataType nd4j) {
    this.numpyName = numpyName;
    this.nd4j = nd4j;
  }

  /** {@return the NumPy name of this type, e.g. {@code float64}, as a dataset prints it} */
  public String numpyName() {
    return numpyName;
  }

  /**
   * {@return the ND4J type that holds this type, or null for {@link #STRING}} For the complex types,
   * the type of each part (float64 or float32).
   */
  public DataType nd4j() {
    return nd4j;
  }

  /** {@return true for the floating types, whose missing value is NaN} */
  public boolean isFloating() {
    return this == DOUBLE || this == FLOAT;
  }

  /** {@return true for the integer, floating and complex types} */
  public boolean isNumeric() {
    return this != BOOLEAN && this != STRING;
  }

  /** {@return true for complex128 and complex64} */
  public boolean isComplex() {
    return this == COMPLEX128 || this == COMPLEX64;
  }

  /** {@return true for the types that have a missing value: floating (NaN), complex (NaN+NaNj) and str (null)} */
  public boolean hasMissing() {
    return isFloating() || isComplex() || this == STRING;
  }

  /**
   * {@return the type of a Java value, or null if the value is of no supported type (or null)} Shorts
   * and bytes are int32; enums and characters are strings; a {@link
   * org.apache.commons.math3.complex.Complex} is complex128.
   *
   * @param value a boxed value
   */
  public static DType of(Object value) {
    if (value instanceof Double) return DOUBLE;
    if (value instanceof Float) return FLOAT;
    if (value instanceof Long) return LONG;
    if (value instanceof Integer || value instanceof Short || value instanceof Byte) return INT;
    if (value instanceof Boolean) return BOOLEAN;
    if (value instanceof org.apache.commons.math3.complex.Complex) return COMPLEX128;
    if (value instanceof String || value instanceof Enum<?> || value instanceof Character) return STRING;
    return null;
  }

  /**
   * {@return the type that holds an ND4J type's values} Half and bfloat16 become float32, unsigned
   * 32- and 64-bit integers int64, smaller integers int32.
   *
   * @param type the ND4J type
   * @throws IllegalArgumentException for an ND4J type with no counterpart, such as UTF8
   */
  public static DType of(DataType type) {
    switch (type) {
      case DOUBLE: return DOUBLE;
      case FLOAT: case HALF: case BFLOAT16: return FLOAT;
      case LONG: case UINT32: case UINT64: return LONG;
      case INT: case SHORT: case BYTE: case UBYTE: case UINT16: return INT;
      case BOOL: return BOOLEAN;
      default: throw new IllegalArgumentException("ND4J type " + type + " has no sweep type");
    }
  }

  /**
   * The narrowest type that holds values of both types, as NumPy promotes them: int32 and int64 give
   * int64, an integer and a float give float64, a complex and any number complex (complex64 only with
   * complex64 or float32). Null if they cannot share a type (a number and a string, a boolean and a
   * number).
   *
   * @param a one type
   * @param b the other type
   * @return the common type, or null if there is none
   */
  public static DType common(DType a, DType b) {
    if (a == b) return a;
    if (!a.isNumeric() || !b.isNumeric()) return null;
    if (a.isComplex() || b.isComplex()) {
      boolean single = (a == COMPLEX64 || a == FLOAT) && (b == COMPLEX64 || b == FLOAT);
      return single ? COMPLEX64 : COMPLEX128;
    }
    if (a.isFloating() || b.isFloating()) {
      return (a == FLOAT && (b == FLOAT)) ? FLOAT : DOUBLE;
    }
    return LONG;
  }

  @Override
  public String toString() {
    return numpyName;
  }
}
