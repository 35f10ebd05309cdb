package dev.sweep.run;

import dev.sweep.data.DType;
import dev.sweep.data.Index;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Values as plain data that a JSON document holds (String, Boolean, Integer, Long, Double, List and
 * Map with String keys, nothing else), and back, keeping each value's Java type.
 *
 * <p>A string or a boolean stands for itself. Every other value is a map naming its type, since JSON
 * numbers do not say whether they were an int or a long, and JSON has no NaN:
 * <ul>
 *   <li>a number: {@code {"type": "int32", "value": 3}}; types {@code int32}, {@code int64},
 *       {@code float64}, {@code float32}, {@code int16}, {@code int8}; non-finite floating values
 *       as the strings {@code "NaN"}, {@code "Infinity"}, {@code "-Infinity"};
 *   <li>an array: {@code {"type": "float64[]", "values": [0.0, 0.5]}}; also {@code float32[]},
 *       {@code int64[]}, {@code int32[]}, {@code int16[]}, {@code int8[]}, {@code bool[]},
 *       {@code str[]} (null elements are JSON null), and {@code object[]} of encoded values;
 *   <li>a list: {@code {"type": "list", "values": [...]}} of encoded values;
 *   <li>an enum constant: {@code {"type": "enum", "class": "pkg.Fn", "value": "SIN"}};
 *   <li>an {@link Index}: {@code {"type": "index", "dtype": "int32", "values": [10, 20]}}.
 * </ul>
 * Any other object (a solver, a connection, a record) cannot travel.
 */
final class PlainValues {
  private static final java.util.Set<String> ARRAY_TYPES = java.util.Set.of("float64[]", "float32[]", "int64[]",
      "int32[]", "int16[]", "int8[]", "bool[]", "str[]", "object[]", "list");

  private PlainValues() {}

  /**
   * {@return the value as plain data}
   *
   * @param what the value's role for the error message, such as {@code "constant 't'"}
   * @throws IllegalArgumentException naming {@code what}, if the value cannot travel
   */
  static Object encode(String what, Object v) {
    if (v instanceof String || v instanceof Boolean) return v;
    if (v instanceof Integer i) return typed("int32", "value", i);
    if (v instanceof Long l) return typed("int64", "value", l);
    if (v instanceof Double d) return typed("float64", "value", number(d));
    if (v instanceof Float f) return typed("float32", "value", number(f));
    if (v instanceof Short s) return typed("int16", "value", (int) s);
    if (v instanceof Byte b) return typed("int8", "value", (int) b);
    if (v instanceof Enum<?> e) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("type", "enum");
      m.put("class", e.getDeclaringClass().getName());
      m.put("value", e.name());
      return Collections.unmodifiableMap(m);
    }
    if (v instanceof Index ix) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("type", "index");
      m.put("dtype", ix.type().numpyName());
      m.put("values", ((Map<?, ?>) encode(what, ix.toArray())).get("values"));
      return Collections.unmodifiableMap(m);
    }
    List<Object> out = new ArrayList<>();
    String type;
    if (v instanceof double[] a) {
      type = "float64[]";
      for (double x : a) out.add(number(x));
    } else if (v instanceof float[] a) {
      type = "float32[]";
      for (float x : a) out.add(number(x));
    } else if (v instanceof long[] a) {
      type = "int64[]";
      for (long x : a) out.add(x);
    } else if (v instanceof int[] a) {
      type = "int32[]";
      for (int x : a) out.add(x);
    } else if (v instanceof short[] a) {
      type = "int16[]";
      for (short x : a) out.add((int) x);
    } else if (v instanceof byte[] a) {
      type = "int8[]";
      for (byte x : a) out.add((int) x);
    } else if (v instanceof boolean[] a) {
      type = "bool[]";
      for (boolean x : a) out.add(x);
    } else if (v instanceof String[] a) {
      type = "str[]";
      Collections.addAll(out, a);
    } else if (v instanceof Object[] a) {
      type = "object[]";
      for (int i = 0; i < a.length; i++) out.add(encode(what + " element " + i, a[i]));
    } else if (v instanceof List<?> l) {
      type = "list";
      for (int i = 0; i < l.size(); i++) out.add(encode(what + " element " + i, l.get(i)));
    } else {
      throw new IllegalArgumentException(what + " is " + (v == null ? "null" : "a " + v.getClass().getName())
          + ", which cannot travel as plain data; give a string, boolean, number, enum constant, Index, or an"
          + " array or list of those, or pass it as a resource and give it again where the runner is rebuilt");
    }
    return typed(type, "values", Collections.unmodifiableList(out));
  }

  private static Map<String, Object> typed(String type, String key, Object value) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("type", type);
    m.put(key, value);
    return Collections.unmodifiableMap(m);
  }

  /** A finite double as a Double, else its name; JSON has no NaN. */
  private static Object number(double d) {
    if (Double.isNaN(d)) return "NaN";
    if (Double.isInfinite(d)) return d > 0 ? "Infinity" : "-Infinity";
    return d;
  }

  /**
   * {@return the value that {@link #encode} turned into the plain data, of the same Java type}
   * Numbers may come back as any {@link Number} (a JSON reader picks its own), as long as they hold
   * the value exactly.
   *
   * @param what the value's role for the error message
   * @throws IllegalArgumentException naming {@code what}, if the data is not what {@code encode} writes
   */
  static Object decode(String what, Object p) {
    if (p instanceof String || p instanceof Boolean) return p;
    if (!(p instanceof Map<?, ?> m)) {
      throw new IllegalArgumentException(what + " is " + show(p) + "; expected a string, a boolean, or a map "
          + "with a \"type\"");
    }
    Object t = m.get("type");
    if (!(t instanceof String type)) {
      throw new IllegalArgumentException(what + " has no \"type\" (a string) in " + m);
    }
    switch (type) {
      case "int32": return (int) ranged(what, value(what, m), Integer.MIN_VALUE, Integer.MAX_VALUE);
      case "int64": return exactLong(what, value(what, m));
      case "float64": return toDouble(what, value(what, m));
      case "float32": return (float) toDouble(what, value(what, m));
      case "int16": return (short) ranged(what, value(what, m), Short.MIN_VALUE, Short.MAX_VALUE);
      case "int8": return (byte) ranged(what, value(what, m), Byte.MIN_VALUE, Byte.MAX_VALUE);
      case "enum": return enumConstant(what, m);
      case "index": return index(what, m);
      default: break;
    }
    if (!ARRAY_TYPES.contains(type)) throw new IllegalArgumentException(what + " has the unknown type \"" + type + "\"");
    List<?> vs = values(what, m);
    switch (type) {
      case "float64[]": {
        double[] a = new double[vs.size()];
        for (int i = 0; i < a.length; i++) a[i] = toDouble(what, vs.get(i));
        return a;
      }
      case "float32[]": {
        float[] a = new float[vs.size()];
        for (int i = 0; i < a.length; i++) a[i] = (float) toDouble(what, vs.get(i));
        return a;
      }
      case "int64[]": {
        long[] a = new long[vs.size()];
        for (int i = 0; i < a.length; i++) a[i] = exactLong(what, vs.get(i));
        return a;
      }
      case "int32[]": {
        int[] a = new int[vs.size()];
        for (int i = 0; i < a.length; i++) a[i] = (int) ranged(what, vs.get(i), Integer.MIN_VALUE, Integer.MAX_VALUE);
        return a;
      }
      case "int16[]": {
        short[] a = new short[vs.size()];
        for (int i = 0; i < a.length; i++) a[i] = (short) ranged(what, vs.get(i), Short.MIN_VALUE, Short.MAX_VALUE);
        return a;
      }
      case "int8[]": {
        byte[] a = new byte[vs.size()];
        for (int i = 0; i < a.length; i++) a[i] = (byte) ranged(what, vs.get(i), Byte.MIN_VALUE, Byte.MAX_VALUE);
        return a;
      }
      case "bool[]": {
        boolean[] a = new boolean[vs.size()];
        for (int i = 0; i < a.length; i++) {
          if (!(vs.get(i) instanceof Boolean b)) throw new IllegalArgumentException(what + ": " + show(vs.get(i)) + " is not a boolean");
          a[i] = b;
        }
        return a;
      }
      case "str[]": {
        String[] a = new String[vs.size()];
        for (int i = 0; i < a.length; i++) {
          Object x = vs.get(i);
          if (x != null && !(x instanceof String)) throw new IllegalArgumentException(what + ": " + show(x) + " is not a string");
          a[i] = (String) x;
        }
        return a;
      }
      case "object[]": {
        Object[] a = new Object[vs.size()];
        for (int i = 0; i < a.length; i++) a[i] = decode(what + " element " + i, vs.get(i));
        return a;
      }
      case "list": {
        List<Object> l = new ArrayList<>(vs.size());
        for (int i = 0; i < vs.size(); i++) l.add(decode(what + " element " + i, vs.get(i)));
        return Collections.unmodifiableList(l);
      }
      default:
        throw new IllegalArgumentException(what + " has the unknown type \"" + type + "\"");
    }
  }

  private static Object value(String what, Map<?, ?> m) {
    if (!m.containsKey("value")) throw new IllegalArgumentException(what + " has no \"value\" in " + m);
    return m.get("value");
  }

  private static List<?> values(String what, Map<?, ?> m) {
    if (!(m.get("values") instanceof List<?> l)) {
      throw new IllegalArgumentException(what + " has no \"values\" list in " + m);
    }
    return l;
  }

  private static Index index(String what, Map<?, ?> m) {
    Object dt = m.get("dtype");
    DType type = null;
    for (DType d : DType.values()) if (d.numpyName().equals(dt)) type = d;
    if (type == null) {
      throw new IllegalArgumentException(what + " has the index type " + show(dt) + "; expected one of "
          + "float64, float32, int64, int32, bool, str");
    }
    String arrayType = type == DType.BOOLEAN ? "bool[]" : type.numpyName() + "[]";
    Map<String, Object> array = new LinkedHashMap<>();
    array.put("type", arrayType);
    array.put("values", values(what, m));
    Object a = decode(what, array);
    try {
      switch (type) {
        case DOUBLE: return Index.ofDoubles((double[]) a);
        case FLOAT: return Index.ofFloats((float[]) a);
        case LONG: return Index.ofLongs((long[]) a);
        case INT: return Index.ofInts((int[]) a);
        case BOOLEAN: return Index.ofBooleans((boolean[]) a);
        default: return Index.ofStrings((String[]) a);
      }
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(what + ": " + e.getMessage(), e);
    }
  }

  private static Object enumConstant(String what, Map<?, ?> m) {
    Object cls = m.get("class");
    Object name = value(what, m);
    if (!(cls instanceof String c) || !(name instanceof String n)) {
      throw new IllegalArgumentException(what + " should name an enum's \"class\" and its \"value\" as strings: " + m);
    }
    Class<?> k = FunctionRef.load(c, what);
    if (!k.isEnum()) throw new IllegalArgumentException(what + ": " + c + " is not an enum");
    for (Object constant : k.getEnumConstants()) {
      if (((Enum<?>) constant).name().equals(n)) return constant;
    }
    throw new IllegalArgumentException(what + ": enum " + c + " has no constant " + n);
  }

  private static double toDouble(String what, Object x) {
    if (x instanceof Number n) return n.doubleValue();
    if ("NaN".equals(x)) return Double.NaN;
    if ("Infinity".equals(x)) return Double.POSITIVE_INFINITY;
    if ("-Infinity".equals(x)) return Double.NEGATIVE_INFINITY;
    throw new IllegalArgumentException(what + ": " + show(x) + " is not a number (nor \"NaN\", \"Infinity\", \"-Infinity\")");
  }

  private static long exactLong(String what, Object x) {
    try {
      if (x instanceof Integer || x instanceof Long || x instanceof Short || x instanceof Byte) return ((Number) x).longValue();
      if (x instanceof BigInteger b) return b.longValueExact();
      if (x instanceof BigDecimal b) return b.longValueExact();
      if (x instanceof Double || x instanceof Float) {
        double d = ((Number) x).doubleValue();
        if (d == Math.rint(d) && Math.abs(d) < 0x1p53) return (long) d;
      }
    } catch (ArithmeticException e) {
      // falls through to the message
    }
    throw new IllegalArgumentException(what + ": " + show(x) + " is not a whole number that fits an int64");
  }

  private static long ranged(String what, Object x, long min, long max) {
    long l = exactLong(what, x);
    if (l < min || l > max) throw new IllegalArgumentException(what + ": " + l + " is outside " + min + ".." + max);
    return l;
  }

  private static String show(Object x) {
    return x == null ? "null" : x instanceof String s ? "\"" + s + "\"" : x + " (" + x.getClass().getSimpleName() + ")";
  }
}
