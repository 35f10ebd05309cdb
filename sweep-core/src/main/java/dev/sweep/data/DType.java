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
  DOUBLE("float64", DataType.DOUBLE),
  FLOAT("float32", DataType.FLOAT),
  LONG("int64", DataType.INT64),
  INT("int32", DataType.INT32),
  BOOLEAN("bool", DataType.BOOL),
  STRING("str", null);

  private final String numpyName;
  private final DataType nd4j;

  DType(String numpyName, DataType nd4j) {
    this.numpyName = numpyName;
    this.nd4j = nd4j;
  }

  /** The NumPy name of this type, as shown by {@code toString()} of a dataset. */
  public String numpyName() {
    return numpyName;
  }

  /** The ND4J type that holds this type, or null for {@link #STRING}. */
  public DataType nd4j() {
    return nd4j;
  }

  /** True for the floating types, whose missing value is NaN. */
  public boolean isFloating() {
    return this == DOUBLE || this == FLOAT;
  }

  /** True for the integer and floating types. */
  public boolean isNumeric() {
    return this != BOOLEAN && this != STRING;
  }

  /** The type of a Java value, or null if the value is of no supported type. Enums are strings. */
  public static DType of(Object value) {
    if (value instanceof Double) return DOUBLE;
    if (value instanceof Float) return FLOAT;
    if (value instanceof Long) return LONG;
    if (value instanceof Integer || value instanceof Short || value instanceof Byte) return INT;
    if (value instanceof Boolean) return BOOLEAN;
    if (value instanceof String || value instanceof Enum<?> || value instanceof Character) return STRING;
    return null;
  }

  /** The type from an ND4J type. */
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
   * int64, an integer and a float give float64. Null if they cannot share a type (a number and a
   * string, a boolean and a number).
   */
  public static DType common(DType a, DType b) {
    if (a == b) return a;
    if (!a.isNumeric() || !b.isNumeric()) return null;
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
