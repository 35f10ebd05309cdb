package dev.sweep.data;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The labels along one dimension: an immutable, typed vector of distinct values (int32, int64,
 * float64, float32, bool or str), with fast label-to-position lookup.
 *
 * <p>Labels are compared by value after numeric promotion, so {@code indexOf(2)} finds {@code 2L}
 * in an int64 index and {@code 2.0} in a float64 one. Enum labels are stored by {@link Enum#name()}.
 * Never null; no element is null.
 */
public final class Index {
  private final DType type;
  private final Object array; // int[], long[], double[], float[], boolean[] or String[]
  private final int size;
  private volatile Map<Object, Integer> positions;

  private Index(DType type, Object array) {
    this.type = type;
    this.array = array;
    this.size = java.lang.reflect.Array.getLength(array);
  }

  /**
   * {@return an int32 index of the labels, in the given order (the array is copied)}
   *
   * @param labels the labels, distinct
   * @throws DuplicateLabelException if a label appears twice
   */
  public static Index ofInts(int... labels) {
    return checked(new Index(DType.INT, labels.clone()));
  }

  /**
   * {@return an int64 index of the labels, in the given order (the array is copied)}
   *
   * @param labels the labels, distinct
   * @throws DuplicateLabelException if a label appears twice
   */
  public static Index ofLongs(long... labels) {
    return checked(new Index(DType.LONG, labels.clone()));
  }

  /**
   * {@return a float64 index of the labels, in the given order (the array is copied)} 0.0 and -0.0
   * are one label.
   *
   * @param labels the labels, distinct
   * @throws DuplicateLabelException if a label appears twice
   */
  public static Index ofDoubles(double... labels) {
    return checked(new Index(DType.DOUBLE, labels.clone()));
  }

  /**
   * {@return a float32 index of the labels, in the given order (the array is copied)} 0.0 and -0.0
   * are one label.
   *
   * @param labels the labels, distinct
   * @throws DuplicateLabelException if a label appears twice
   */
  public static Index ofFloats(float... labels) {
    return checked(new Index(DType.FLOAT, labels.clone()));
  }

  /**
   * {@return a bool index of the labels, in the given order (at most two: false and true)}
   *
   * @param labels the labels, distinct
   * @throws DuplicateLabelException if a label appears twice
   */
  public static Index ofBooleans(boolean... labels) {
    return checked(new Index(DType.BOOLEAN, labels.clone()));
  }

  /**
   * {@return a str index of the labels, in the given order (the array is copied)}
   *
   * @param labels the labels, distinct and non-null
   * @throws IllegalArgumentException if a label is null or appears twice
   *     ({@link DuplicateLabelException})
   */
  public static Index ofStrings(String... labels) {
    for (int i = 0; i < labels.length; i++) {
      if (labels[i] == null) throw new IllegalArgumentException("label " + i + " is null");
    }
    return checked(new Index(DType.STRING, labels.clone()));
  }

  /**
   * {@return the labels 0, 1, ..., size - 1 as int32: the positions of a dimension that has no labels}
   *
   * @param size the number of labels, not negative
   */
  public static Index range(int size) {
    int[] a = new int[size];
    for (int i = 0; i < size; i++) a[i] = i;
    return new Index(DType.INT, a);
  }

  /**
   * An index of the given labels, typed as their common type: all ints give int32, ints and longs
   * int64, any double float64, strings and enums str, booleans bool.
   *
   * @param labels the labels, in order
   * @return the index
   * @throws IllegalArgumentException naming the first two labels that cannot share a type, a null or
   *     unsupported label, or a label that appears twice ({@link DuplicateLabelException}); also if
   *     there are no labels
   */
  public static Index of(Collection<?> labels) {
    return of(labels.toArray());
  }

  /**
   * {@return an index of the labels, typed as their common type} As {@link #of(Collection)}.
   *
   * @param labels the labels, in order
   * @throws IllegalArgumentException as {@link #of(Collection)}
   */
  public static Index of(Object... labels) {
    DType t = commonType(labels);
    return checked(new Index(t, toArray(t, labels)));
  }

  /**
   * The common type of the labels: the type {@link #of(Object...)} gives them (see
   * {@link DType#common}).
   *
   * @param labels the labels
   * @return their common type, never null
   * @throws IllegalArgumentException naming a null or unsupported label or two labels that cannot
   *     share a type; also if there are no labels
   */
  public static DType commonType(Object[] labels) {
    if (labels.length == 0) throw new IllegalArgumentException("no labels; expected at least one");
    DType t = null;
    Object first = null;
    for (int i = 0; i < labels.length; i++) {
      Object v = labels[i];
      if (v == null) throw new IllegalArgumentException("label at position " + i + " is null");
      DType vt = DType.of(v);
      if (vt == null || vt.isComplex()) {
        throw new IllegalArgumentException("label " + v + " at position " + i + " is a "
            + v.getClass().getName() + "; expected int, long, double, float, String, boolean or an enum");
      }
      if (t == null) {
        t = vt;
        first = v;
        continue;
      }
      DType c = DType.common(t, vt);
      if (c == null) {
        throw new IllegalArgumentException(show(first) + " (" + first.getClass().getSimpleName() + ") and "
            + show(v) + " (" + v.getClass().getSimpleName() + ") cannot share one coordinate type");
      }
      t = c;
    }
    return t;
  }

  private static Object firstNonLong(Object[] labels) {
    for (Object o : labels) if (!(o instanceof Long) && !(o instanceof Integer)) return o;
    return labels[0];
  }

  private static Object toArray(DType t, Object[] labels) {
    int n = labels.length;
    switch (t) {
      case INT: {
        int[] a = new int[n];
        for (int i = 0; i < n; i++) a[i] = ((Number) labels[i]).intValue();
        return a;
      }
      case LONG: {
        long[] a = new long[n];
        for (int i = 0; i < n; i++) a[i] = ((Number) labels[i]).longValue();
        return a;
      }
      case DOUBLE: {
        double[] a = new double[n];
        for (int i = 0; i < n; i++) {
          a[i] = ((Number) labels[i]).doubleValue();
          if (labels[i] instanceof Long l && (long) a[i] != l) {
            throw new IllegalArgumentException("the label " + l + " (int64) has no exact float64, the type it shares"
                + " with the other labels (" + show(firstNonLong(labels)) + "); give every label as a long, or as a double");
          }
        }
        return a;
      }
      case FLOAT: {
        float[] a = new float[n];
        for (int i = 0; i < n; i++) a[i] = ((Number) labels[i]).floatValue();
        return a;
      }
      case BOOLEAN: {
        boolean[] a = new boolean[n];
        for (int i = 0; i < n; i++) a[i] = (Boolean) labels[i];
        return a;
      }
      default: {
        String[] a = new String[n];
        for (int i = 0; i < n; i++) a[i] = label(labels[i]);
        return a;
      }
    }
  }

  private static String label(Object v) {
    return v instanceof Enum<?> e ? e.name() : v.toString();
  }

  private static Index checked(Index index) {
    Map<Object, Integer> map = new HashMap<>(index.size * 2);
    for (int i = 0; i < index.size; i++) {
      Integer before = map.putIfAbsent(index.key(i), i);
      if (before != null) {
        throw new DuplicateLabelException(index.get(i), before, i);
      }
    }
    index.positions = map;
    return index;
  }

  /** {@return the labels' element type} */
  public DType type() {
    return type;
  }

  /** {@return the number of labels: the size of the dimension} */
  public int size() {
    return size;
  }

  /**
   * {@return the label at a position, boxed (Integer, Long, Double, Float, Boolean or String)}
   *
   * @param i the position, in {@code 0..size() - 1}
   * @throws ArrayIndexOutOfBoundsException if there is no such position
   */
  public Object get(int i) {
    switch (type) {
      case INT: return ((int[]) array)[i];
      case LONG: return ((long[]) array)[i];
      case DOUBLE: return ((double[]) array)[i];
      case FLOAT: return ((float[]) array)[i];
      case BOOLEAN: return ((boolean[]) array)[i];
      default: return ((String[]) array)[i];
    }
  }

  /**
   * {@return the label at a position as a double (booleans are 0 and 1)}
   *
   * @param i the position, in {@code 0..size() - 1}
   * @throws IllegalStateException for a str index
   */
  public double getDouble(int i) {
    switch (type) {
      case INT: return ((int[]) array)[i];
      case LONG: return ((long[]) array)[i];
      case DOUBLE: return ((double[]) array)[i];
      case FLOAT: return ((float[]) array)[i];
      case BOOLEAN: return ((boolean[]) array)[i] ? 1 : 0;
      default: throw new IllegalStateException("a str index has no numeric labels");
    }
  }

  /**
   * {@return the label at a position as a long (booleans are 0 and 1; floating labels are truncated)}
   *
   * @param i the position, in {@code 0..size() - 1}
   * @throws IllegalStateException for a str index
   */
  public long getLong(int i) {
    switch (type) {
      case INT: return ((int[]) array)[i];
      case LONG: return ((long[]) array)[i];
      case BOOLEAN: return ((boolean[]) array)[i] ? 1 : 0;
      case DOUBLE: case FLOAT: return (long) getDouble(i);
      default: throw new IllegalStateException("a str index has no numeric labels");
    }
  }

  /** {@return all labels, boxed, in order (a new, modifiable list)} */
  public List<Object> labels() {
    List<Object> out = new ArrayList<>(size);
    for (int i = 0; i < size; i++) out.add(get(i));
    return out;
  }

  /**
   * {@return a copy of the labels as a primitive array (int[], long[], double[], float[], boolean[])
   * or a String[]}
   */
  public Object toArray() {
    switch (type) {
      case INT: return ((int[]) array).clone();
      case LONG: return ((long[]) array).clone();
      case DOUBLE: return ((double[]) array).clone();
      case FLOAT: return ((float[]) array).clone();
      case BOOLEAN: return ((boolean[]) array).clone();
      default: return ((String[]) array).clone();
    }
  }

  /**
   * {@return the position of a label, or -1 if absent, null, or of a type that cannot match}
   * Numbers match after promotion ({@code 2} finds {@code 2.0} in a float64 index); an enum matches
   * its name.
   *
   * @param label the label to find
   */
  public int indexOf(Object label) {
    Object k = normalize(label);
    if (k == null) return -1;
    Integer p = positions().get(k);
    return p == null ? -1 : p;
  }

  /**
   * {@return true if the label is present, compared as by {@link #indexOf}}
   *
   * @param label the label to find
   */
  public boolean contains(Object label) {
    return indexOf(label) >= 0;
  }

  private Map<Object, Integer> positions() {
    Map<Object, Integer> p = positions;
    if (p == null) {
      p = new HashMap<>(size * 2);
      for (int i = 0; i < size; i++) p.put(key(i), i);
      positions = p;
    }
    return p;
  }

  // Keys: Long for integer labels, Double for floating, Boolean, String.
  private Object key(int i) {
    switch (type) {
      case INT: return (long) ((int[]) array)[i];
      case LONG: return ((long[]) array)[i];
      case DOUBLE: return keyOf(((double[]) array)[i]);
      case FLOAT: return keyOf(((float[]) array)[i]);
      case BOOLEAN: return ((boolean[]) array)[i];
      default: return ((String[]) array)[i];
    }
  }

  private static Object keyOf(double d) {
    return d == 0.0 ? 0.0 : d; // -0.0 and 0.0 are one label
  }

  private Object normalize(Object label) {
    if (label == null) return null;
    switch (type) {
      case INT: case LONG:
        if (label instanceof Integer || label instanceof Long || label instanceof Short || label instanceof Byte) {
          return ((Number) label).longValue();
        }
        if (label instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())) {
          return (long) n.doubleValue();
        }
        return null;
      case DOUBLE:
        return label instanceof Number n ? keyOf(n.doubleValue()) : null;
      case FLOAT:
        return label instanceof Number n ? keyOf(n.floatValue()) : null;
      case BOOLEAN:
        return label instanceof Boolean ? label : null;
      default:
        return label instanceof String || label instanceof Enum<?> || label instanceof Character ? label(label) : null;
    }
  }

  /**
   * {@return this index converted to a wider type (see {@link DType#common}); this index if already of it}
   *
   * @param to the type to convert to
   * @throws IllegalArgumentException unless {@code DType.common(type(), to)} is {@code to}
   */
  public Index as(DType to) {
    if (to == type) return this;
    if (DType.common(type, to) != to) {
      throw new IllegalArgumentException("cannot convert a " + type + " index to " + to);
    }
    return new Index(to, toArray(to, labels().toArray()));
  }

  /**
   * {@return the labels in ascending order (false before true, strings by {@link String#compareTo});
   * this index if already sorted}
   */
  public Index sorted() {
    if (isSorted()) return this;
    Integer[] order = new Integer[size];
    for (int i = 0; i < size; i++) order[i] = i;
    Arrays.sort(order, (a, b) -> compare(a, b));
    Object[] ls = new Object[size];
    for (int i = 0; i < size; i++) ls[i] = get(order[i]);
    return new Index(type, toArray(type, ls));
  }

  /** {@return true if the labels are in strictly ascending order} */
  public boolean isSorted() {
    for (int i = 1; i < size; i++) {
      if (compare(i - 1, i) >= 0) return false;
    }
    return true;
  }

  private int compare(int i, int j) {
    switch (type) {
      case INT: case LONG: return Long.compare(getLong(i), getLong(j));
      case DOUBLE: case FLOAT: return Double.compare(getDouble(i), getDouble(j));
      case BOOLEAN: return Boolean.compare(((boolean[]) array)[i], ((boolean[]) array)[j]);
      default: return ((String[]) array)[i].compareTo(((String[]) array)[j]);
    }
  }

  /**
   * The outer join of two indexes, as pandas and xarray do it: equal indexes are kept as they are;
   * otherwise the sorted union of both, in their common type.
   *
   * @param other the other index
   * @return this index if the two are equal, else their sorted union
   * @throws IllegalArgumentException if the types cannot be joined (a number and a string)
   */
  public Index union(Index other) {
    if (this.equals(other)) return this;
    DType t = DType.common(type, other.type);
    if (t == null) {
      throw new IllegalArgumentException("cannot join a " + type + " index " + this + " with a "
          + other.type + " index " + other);
    }
    Index a = as(t);
    Index b = other.as(t);
    List<Object> all = new ArrayList<>(a.size + b.size);
    all.addAll(a.labels());
    for (int i = 0; i < b.size; i++) {
      if (a.indexOf(b.get(i)) < 0) all.add(b.get(i));
    }
    return new Index(t, toArray(t, all.toArray())).sorted();
  }

  /**
   * {@return the labels at the given positions, in that order}
   *
   * @param positions positions in {@code 0..size() - 1}
   * @throws DuplicateLabelException if a position is given twice
   * @throws ArrayIndexOutOfBoundsException if a position is out of range
   */
  public Index select(int[] positions) {
    Object[] ls = new Object[positions.length];
    for (int i = 0; i < positions.length; i++) ls[i] = get(positions[i]);
    return checked(new Index(type, toArray(type, ls)));
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) return true;
    if (!(o instanceof Index other) || other.type != type || other.size != size) return false;
    switch (type) {
      case INT: return Arrays.equals((int[]) array, (int[]) other.array);
      case LONG: return Arrays.equals((long[]) array, (long[]) other.array);
      case DOUBLE: return Arrays.equals((double[]) array, (double[]) other.array);
      case FLOAT: return Arrays.equals((float[]) array, (float[]) other.array);
      case BOOLEAN: return Arrays.equals((boolean[]) array, (boolean[]) other.array);
      default: return Arrays.equals((String[]) array, (String[]) other.array);
    }
  }

  @Override
  public int hashCode() {
    return 31 * type.hashCode() + labels().hashCode();
  }

  /** The labels, abbreviated after the first few, e.g. {@code [1, 2, 3]} or {@code ['x', 'y']}. */
  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder("[");
    int shown = Math.min(size, 10);
    for (int i = 0; i < shown; i++) {
      if (i > 0) sb.append(", ");
      sb.append(show(get(i)));
    }
    if (size > shown) sb.append(", ... (").append(size).append(" labels)");
    return sb.append(']').toString();
  }

  static String show(Object v) {
    if (v instanceof String s) return "'" + s + "'";
    if (v instanceof Enum<?> e) return "'" + e.name() + "'";
    return String.valueOf(v);
  }
}
