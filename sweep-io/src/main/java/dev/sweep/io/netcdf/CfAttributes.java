package dev.sweep.io.netcdf;

import dev.sweep.io.internal.Json;
import java.lang.reflect.Array;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import ucar.nc2.Attribute;

/**
 * Attributes between sweep's Java values and NetCDF attributes.
 *
 * <p>NetCDF holds strings and numbers (and, in NetCDF-4 only, int64 and string arrays) but no
 * booleans, and it does not tell a one-element array from a scalar. Where the file cannot say what
 * the Java value was, the value is stored in the nearest type xarray shows naturally (a boolean as
 * int8 0/1, an int64 as int32, a string array as JSON text in NetCDF-3 (and in NetCDF-4 when it
 * has one element), an empty array as the text {@code []}) and its sweep type is recorded in the attribute {@value #TYPES} of the same variable
 * or dataset: a JSON object such as {@code {"converged": "bool", "seeds": "int64[]"}}.
 */
final class CfAttributes {
  private static final Logger log = LoggerFactory.getLogger(CfAttributes.class);

  /** The attribute that records sweep types the file cannot express. */
  static final String TYPES = "sweep_attr_types";

  private CfAttributes() {}

  /**
   * NetCDF attributes for the given sweep attributes, followed by {@value #TYPES} if needed.
   *
   * @param owner how messages name the holder, e.g. {@code variable 'v'} or {@code the dataset}
   * @param reserved names the encoding writes itself; a user attribute by such a name is an error
   * @throws IllegalArgumentException naming the attribute that the format cannot hold
   */
  static List<Attribute> encode(Map<String, Object> attrs, NetcdfFormat format, String owner,
      Set<String> reserved) {
    boolean nc3 = format == NetcdfFormat.NETCDF3_64BIT_OFFSET;
    List<Attribute> out = new ArrayList<>();
    Map<String, String> types = new LinkedHashMap<>();
    for (Map.Entry<String, Object> e : attrs.entrySet()) {
      String name = e.getKey();
      Names.check("attribute", name, owner);
      if (reserved.contains(name)) {
        throw new IllegalArgumentException("attribute '" + name + "' of " + owner
            + " is reserved: the NetCDF encoding writes it itself; rename the attribute");
      }
      out.add(encodeOne(name, e.getValue(), nc3, owner, types));
    }
    if (!types.isEmpty()) out.add(new Attribute(TYPES, Json.write(types)));
    return out;
  }

  private static Attribute encodeOne(String name, Object v, boolean nc3, String owner, Map<String, String> types) {
    if (v instanceof String s) return new Attribute(name, s);
    if (v instanceof Boolean b) {
      types.put(name, "bool");
      return new Attribute(name, (byte) (b ? 1 : 0));
    }
    if (v instanceof Long l) {
      if (!nc3) return new Attribute(name, l);
      types.put(name, "int64");
      return new Attribute(name, toInt32(l, name, owner));
    }
    if (v instanceof Double || v instanceof Float || v instanceof Integer || v instanceof Short
        || v instanceof Byte) {
      return new Attribute(name, (Number) v);
    }
    if (v instanceof Number) {
      throw new IllegalArgumentException("attribute '" + name + "' of " + owner + " is a "
          + v.getClass().getName() + " (" + v + "), which NetCDF cannot store; convert it to a double, "
          + "long or String");
    }
    if (v == null || !v.getClass().isArray()) {
      throw new IllegalArgumentException("attribute '" + name + "' of " + owner + " has the value " + v
          + "; expected a String, a number, a boolean or an array of those");
    }
    String token = arrayToken(v);
    int n = Array.getLength(v);
    if (n == 0) {
      types.put(name, token);
      return new Attribute(name, "[]");
    }
    if (n == 1) types.put(name, token); // otherwise it would read back as a scalar
    if (v instanceof String[] s) {
      for (int i = 0; i < s.length; i++) {
        if (s[i] == null) {
          throw new IllegalArgumentException("attribute '" + name + "' of " + owner + " has null at position "
              + i + "; NetCDF string attributes cannot hold null");
        }
      }
      // NetCDF-4 has string arrays, but netcdf-java reads a one-element one back as a plain string.
      if (!nc3 && s.length > 1) return new Attribute(name, List.of(s));
      types.put(name, token);
      return new Attribute(name, Json.write(List.of(s)));
    }
    if (v instanceof boolean[] b) {
      byte[] bytes = new byte[b.length];
      for (int i = 0; i < b.length; i++) bytes[i] = (byte) (b[i] ? 1 : 0);
      types.put(name, token);
      return new Attribute(name, ucar.ma2.Array.factory(bytes));
    }
    if (v instanceof long[] l && nc3) {
      int[] ints = new int[l.length];
      for (int i = 0; i < l.length; i++) ints[i] = toInt32(l[i], name, owner);
      types.put(name, token);
      return new Attribute(name, ucar.ma2.Array.factory(ints));
    }
    return new Attribute(name, ucar.ma2.Array.factory(v));
  }

  private static int toInt32(long value, String name, String owner) {
    if (value != (int) value) {
      throw new IllegalArgumentException("attribute '" + name + "' of " + owner + " is the int64 " + value
          + ", outside int32, and NetCDF-3 has no int64; write with NetcdfFormat.NETCDF4");
    }
    return (int) value;
  }

  private static String arrayToken(Object v) {
    if (v instanceof double[]) return "float64[]";
    if (v instanceof float[]) return "float32[]";
    if (v instanceof long[]) return "int64[]";
    if (v instanceof int[]) return "int32[]";
    if (v instanceof short[]) return "int16[]";
    if (v instanceof byte[]) return "int8[]";
    if (v instanceof boolean[]) return "bool[]";
    if (v instanceof String[]) return "str[]";
    throw new IllegalArgumentException("unsupported attribute array " + v.getClass().getSimpleName());
  }

  /**
   * Sweep attributes from NetCDF attributes, skipping those named in {@code skip} (consumed by the
   * CF decoding) and applying {@value #TYPES}.
   */
  static Map<String, Object> decode(List<Attribute> attrs, Set<String> skip, String owner) {
    Map<String, String> types = Map.of();
    for (Attribute a : attrs) {
      if (a.getShortName().equals(TYPES) && a.isString()) types = parseTypes(a.getStringValue(), owner);
    }
    Map<String, Object> out = new LinkedHashMap<>();
    for (Attribute a : attrs) {
      String name = a.getShortName();
      if (name.equals(TYPES) || skip.contains(name)) continue;
      Object raw = raw(a);
      if (raw == null) {
        log.warn("skipping attribute '{}' of {}: NetCDF type {} has no sweep counterpart", name, owner,
            a.getDataType());
        continue;
      }
      String type = types.get(name);
      out.put(name, type == null ? raw : retype(raw, type, name, owner));
    }
    return out;
  }

  private static Map<String, String> parseTypes(String json, String owner) {
    try {
      Object parsed = Json.parse(json);
      Map<String, String> out = new LinkedHashMap<>();
      if (parsed instanceof Map<?, ?> m) {
        for (Map.Entry<?, ?> e : m.entrySet()) {
          if (e.getValue() instanceof String s) out.put((String) e.getKey(), s);
        }
      }
      return out;
    } catch (IllegalArgumentException e) {
      log.warn("ignoring attribute {} of {}: {}", TYPES, owner, e.getMessage());
      return Map.of();
    }
  }

  /** The attribute as a Java value: String, String[], a boxed number or a primitive array; null if neither. */
  static Object raw(Attribute a) {
    int n = a.getLength();
    if (a.isString()) {
      if (n == 1) return a.getStringValue();
      String[] s = new String[n];
      for (int i = 0; i < n; i++) s[i] = a.getStringValue(i);
      return s;
    }
    ucar.ma2.Array values = a.getValues();
    if (values == null) return null;
    boolean unsigned = a.isUnsigned();
    switch (a.getDataType()) {
      case BYTE: {
        byte[] b = (byte[]) values.get1DJavaArray(byte.class);
        if (!unsigned) return n == 1 ? (Object) b[0] : b;
        short[] s = new short[n];
        for (int i = 0; i < n; i++) s[i] = (short) (b[i] & 0xFF);
        return n == 1 ? (Object) s[0] : s;
      }
      case SHORT: {
        short[] s = (short[]) values.get1DJavaArray(short.class);
        if (!unsigned) return n == 1 ? (Object) s[0] : s;
        int[] w = new int[n];
        for (int i = 0; i < n; i++) w[i] = s[i] & 0xFFFF;
        return n == 1 ? (Object) w[0] : w;
      }
      case INT: {
        int[] x = (int[]) values.get1DJavaArray(int.class);
        if (!unsigned) return n == 1 ? (Object) x[0] : x;
        long[] w = new long[n];
        for (int i = 0; i < n; i++) w[i] = x[i] & 0xFFFFFFFFL;
        return n == 1 ? (Object) w[0] : w;
      }
      case LONG: {
        long[] x = (long[]) values.get1DJavaArray(long.class);
        return n == 1 ? (Object) x[0] : x;
      }
      case FLOAT: {
        float[] x = (float[]) values.get1DJavaArray(float.class);
        return n == 1 ? (Object) x[0] : x;
      }
      case DOUBLE: {
        double[] x = (double[]) values.get1DJavaArray(double.class);
        return n == 1 ? (Object) x[0] : x;
      }
      default:
        return null;
    }
  }

  /** A raw value converted to the sweep type the file recorded; the raw value if that cannot be done. */
  private static Object retype(Object raw, String type, String name, String owner) {
    try {
      if (type.equals("bool") && raw instanceof Number n) return n.longValue() != 0;
      if (type.equals("int64") && raw instanceof Number n) return n.longValue();
      if (type.endsWith("[]")) return toArray(raw, type.substring(0, type.length() - 2));
    } catch (IllegalArgumentException | ClassCastException e) {
      log.warn("attribute '{}' of {} is recorded as {} but holds {}; keeping it as stored", name, owner, type,
          raw);
      return raw;
    }
    log.warn("attribute '{}' of {} has unknown recorded type {}; keeping it as stored", name, owner, type);
    return raw;
  }

  private static Object toArray(Object raw, String element) {
    if (raw instanceof String text) {
      List<?> list = (List<?>) Json.parse(text); // string arrays in NetCDF-3, and every empty array
      if (element.equals("str")) return list.toArray(new String[0]);
      if (!list.isEmpty()) throw new IllegalArgumentException("a " + element + " array stored as text");
      return Array.newInstance(primitive(element), 0);
    }
    if (element.equals("str")) return raw instanceof String[] s ? s : new String[] {(String) raw};
    Object src = raw.getClass().isArray() ? raw : wrap(raw);
    int n = Array.getLength(src);
    Object out = Array.newInstance(primitive(element), n);
    for (int i = 0; i < n; i++) {
      Number x = (Number) Array.get(src, i);
      switch (element) {
        case "float64": Array.setDouble(out, i, x.doubleValue()); break;
        case "float32": Array.setFloat(out, i, x.floatValue()); break;
        case "int64": Array.setLong(out, i, x.longValue()); break;
        case "int32": Array.setInt(out, i, x.intValue()); break;
        case "int16": Array.setShort(out, i, x.shortValue()); break;
        case "int8": Array.setByte(out, i, x.byteValue()); break;
        case "bool": Array.setBoolean(out, i, x.longValue() != 0); break;
        default: throw new IllegalArgumentException("unknown element type " + element);
      }
    }
    return out;
  }

  private static Object wrap(Object scalar) {
    Object a = Array.newInstance(Object.class, 1);
    Array.set(a, 0, scalar);
    return a;
  }

  private static Class<?> primitive(String element) {
    switch (element) {
      case "float64": return double.class;
      case "float32": return float.class;
      case "int64": return long.class;
      case "int32": return int.class;
      case "int16": return short.class;
      case "int8": return byte.class;
      case "bool": return boolean.class;
      case "str": return String.class;
      default: throw new IllegalArgumentException("unknown element type " + element);
    }
  }
}
