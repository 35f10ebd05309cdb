package dev.sweep.io.scene;

import dev.sweep.data.DType;
import dev.sweep.data.Variable;
import java.lang.reflect.Array;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Scene properties between Java values and the JSON trees of {@code description.json}, in PhiFlow's
 * layout: plain values as JSON, a labelled {@link Variable} as PhiFlow's tensor dict
 * ({@code {"names": [...], "types": [...], "item_names": [...], "data": nested lists}}) whose key is
 * listed in {@code "__tensors__"}, an unlabelled INDArray as nested lists (what {@code tolist()} gives
 * a Python user).
 */
final class PropertyCodec {
  /** The key under which PhiFlow lists the properties that are tensors. */
  static final String TENSORS_KEY = "__tensors__";

  private static final String EXPECTED = "expected null, a String, a number, a Boolean, an enum, a List or array of"
      + " these, a Map with String keys, an INDArray, or (as a whole property) a Variable";

  private PropertyCodec() {}

  /** A property's JSON tree, and whether it is a tensor to list under {@link #TENSORS_KEY}. */
  record Encoded(Object tree, boolean tensor) {}

  /**
   * Encodes one property.
   *
   * @throws IllegalArgumentException naming the key, where in the value, and the type, if a part is not JSON-able
   */
  static Encoded encode(String key, Object value) {
    if (value instanceof Variable v) {
      if (v.dims().isEmpty()) return new Encoded(scalar(v), false);
      return new Encoded(tensorDict(v), true);
    }
    return new Encoded(encodeNested("property '" + key + "'", value), false);
  }

  /**
   * Encodes a value inside a property (or another JSON-able structure).
   *
   * @param where what holds the value, for messages, e.g. {@code property 'cfg'}
   */
  static Object encodeNested(String where, Object v) {
    return encodeAt(where, "", v);
  }

  private static Object encodeAt(String where, String at, Object v) {
    if (v == null || v instanceof String || v instanceof Boolean || v instanceof Integer || v instanceof Long
        || v instanceof Double || v instanceof Float || v instanceof Short || v instanceof Byte
        || v instanceof BigInteger || v instanceof BigDecimal) {
      return v;
    }
    if (v instanceof Character c) return c.toString();
    if (v instanceof Enum<?> e) return e.name();
    if (v instanceof Map<?, ?> map) {
      Map<String, Object> out = new LinkedHashMap<>();
      for (Map.Entry<?, ?> e : map.entrySet()) {
        if (!(e.getKey() instanceof String k)) {
          throw new IllegalArgumentException(where + " has" + (at.isEmpty() ? "" : " at " + at) + " a map key " + e.getKey()
              + " of type " + typeName(e.getKey()) + "; JSON keys are Strings");
        }
        out.put(k, encodeAt(where, at + "." + k, e.getValue()));
      }
      return Collections.unmodifiableMap(out);
    }
    if (v instanceof List<?> list) {
      List<Object> out = new ArrayList<>(list.size());
      for (int i = 0; i < list.size(); i++) out.add(encodeAt(where, at + "[" + i + "]", list.get(i)));
      return Collections.unmodifiableList(out);
    }
    if (v.getClass().isArray()) {
      int n = Array.getLength(v);
      List<Object> out = new ArrayList<>(n);
      for (int i = 0; i < n; i++) out.add(encodeAt(where, at + "[" + i + "]", Array.get(v, i)));
      return Collections.unmodifiableList(out);
    }
    if (v instanceof INDArray a) return nested(a);
    String hint = v instanceof Variable ? " (a Variable may only be a whole property, which PhiFlow lists in "
        + TENSORS_KEY + ")" : "";
    throw new IllegalArgumentException(where + " has" + (at.isEmpty() ? "" : " at " + at) + " a value of type "
        + typeName(v) + " (" + v + "), which JSON cannot hold" + hint + "; " + EXPECTED);
  }

  private static String typeName(Object v) {
    return v == null ? "null" : v.getClass().getName();
  }

  /** PhiFlow's tensor dict of a variable, its dimension types by PhiFlow's defaults. */
  static Map<String, Object> tensorDict(Variable v) {
    Map<String, Object> out = new LinkedHashMap<>();
    List<Object> types = new ArrayList<>();
    List<Object> items = new ArrayList<>();
    for (String d : v.dims()) {
      types.add(GridField.DimType.defaultFor(d).phiflowName());
      items.add(null);
    }
    out.put("names", List.copyOf(v.dims()));
    out.put("types", Collections.unmodifiableList(types));
    out.put("item_names", Collections.unmodifiableList(items));
    out.put("data", nested(v.shape(), flat(v), 0, 0));
    return Collections.unmodifiableMap(out);
  }

  /** {@return the one value of a 0-d variable, as JSON holds it} */
  static Object scalar(Variable v) {
    return flat(v).get(0);
  }

  /** The elements of a variable in C order, boxed as JSON numbers, Booleans or Strings. */
  private static List<Object> flat(Variable v) {
    if (v.type() == DType.STRING) return java.util.Arrays.asList((Object[]) v.toStringArray());
    return flat(v.array(), v.type());
  }

  private static List<Object> flat(INDArray a, DType type) {
    INDArray c = a.dup('c');
    List<Object> out = new ArrayList<>((int) c.length());
    switch (type) {
      case DOUBLE:
        for (double d : c.data().asDouble()) out.add(d);
        break;
      case FLOAT:
        for (float f : c.data().asFloat()) out.add(f);
        break;
      case LONG:
        for (long l : c.data().asLong()) out.add(l);
        break;
      case INT:
        for (int i : c.data().asInt()) out.add(i);
        break;
      case BOOLEAN:
        for (int i : c.castTo(org.nd4j.linalg.api.buffer.DataType.INT32).data().asInt()) out.add(i != 0);
        break;
      default:
        throw new IllegalStateException("no JSON for " + type);
    }
    return out.subList(0, (int) c.length());
  }

  private static Object nested(INDArray a) {
    DType type = DType.of(a.dataType());
    return nested(a.shape(), flat(a, type), 0, 0);
  }

  private static Object nested(long[] shape, List<Object> flat, int dim, int offset) {
    if (dim == shape.length) return flat.get(offset);
    int stride = 1;
    for (int d = dim + 1; d < shape.length; d++) stride *= (int) shape[d];
    List<Object> out = new ArrayList<>((int) shape[dim]);
    for (int i = 0; i < shape[dim]; i++) out.add(nested(shape, flat, dim + 1, offset + i * stride));
    return Collections.unmodifiableList(out);
  }

  /**
   * Decodes PhiFlow's tensor dict into a variable named after the property; integers become int64,
   * numbers with a fraction float64 (JSON keeps no width). Item names are not kept.
   *
   * @throws IllegalArgumentException saying what is malformed
   */
  static Variable decodeTensor(String key, Object tree) {
    if (!(tree instanceof Map<?, ?> dict) || !(dict.get("names") instanceof List<?> names) || !dict.containsKey("data")) {
      throw new IllegalArgumentException("property '" + key + "' is listed in " + TENSORS_KEY
          + " but is not a tensor dict with 'names' and 'data': " + tree);
    }
    List<String> dims = new ArrayList<>();
    for (Object n : names) {
      if (!(n instanceof String s)) throw new IllegalArgumentException("tensor property '" + key + "' has a dimension name " + n);
      dims.add(s);
    }
    long[] shape = new long[dims.size()];
    List<Object> leaves = new ArrayList<>();
    collect(key, dict.get("data"), 0, shape, leaves);
    DType type = leafType(key, leaves);
    return variable(key, dims, shape, type, leaves);
  }

  private static void collect(String key, Object node, int dim, long[] shape, List<Object> leaves) {
    if (dim == shape.length) {
      if (node instanceof List<?>) {
        throw new IllegalArgumentException("tensor property '" + key + "' has more levels of data than its " + shape.length + " names");
      }
      leaves.add(node);
      return;
    }
    if (!(node instanceof List<?> list)) {
      throw new IllegalArgumentException("tensor property '" + key + "' has " + shape.length + " names but data of "
          + dim + " levels");
    }
    if (leaves.isEmpty() && allZero(shape, dim)) shape[dim] = list.size();
    if (list.size() != shape[dim]) {
      throw new IllegalArgumentException("tensor property '" + key + "' is ragged: " + list.size() + " entries along its"
          + " dimension " + dim + " where others have " + shape[dim]);
    }
    for (Object x : list) collect(key, x, dim + 1, shape, leaves);
  }

  private static boolean allZero(long[] shape, int from) {
    for (int d = from; d < shape.length; d++) if (shape[d] != 0) return false;
    return true;
  }

  private static DType leafType(String key, List<Object> leaves) {
    DType type = null;
    for (Object x : leaves) {
      DType t;
      if (x instanceof Boolean) t = DType.BOOLEAN;
      else if (x instanceof Integer || x instanceof Long || x instanceof BigInteger) t = DType.LONG;
      else if (x instanceof Number) t = DType.DOUBLE;
      else if (x == null || x instanceof String) t = DType.STRING;
      else throw new IllegalArgumentException("tensor property '" + key + "' holds " + x);
      if (type == null) type = t;
      else if (type != t) {
        DType common = DType.common(type, t);
        if (common == null) throw new IllegalArgumentException("tensor property '" + key + "' mixes " + type + " and " + t + " values");
        type = common;
      }
    }
    return type == null ? DType.DOUBLE : type;
  }

  private static Variable variable(String name, List<String> dims, long[] shape, DType type, List<Object> leaves) {
    int n = leaves.size();
    if (type == DType.STRING) {
      String[] s = new String[n];
      for (int i = 0; i < n; i++) s[i] = (String) leaves.get(i);
      return Variable.ofStrings(name, dims, shape, s);
    }
    INDArray a;
    switch (type) {
      case BOOLEAN: {
        boolean[] b = new boolean[n];
        for (int i = 0; i < n; i++) b[i] = (Boolean) leaves.get(i);
        a = n == 0 ? Nd4j.create(type.nd4j(), shape) : shape.length == 0 ? Nd4j.scalar(b[0]) : Nd4j.createFromArray(b).reshape('c', shape);
        break;
      }
      case LONG: {
        long[] l = new long[n];
        for (int i = 0; i < n; i++) l[i] = exactLong(name, (Number) leaves.get(i));
        a = n == 0 ? Nd4j.create(type.nd4j(), shape) : shape.length == 0 ? Nd4j.scalar(l[0]) : Nd4j.createFromArray(l).reshape('c', shape);
        break;
      }
      default: {
        double[] d = new double[n];
        for (int i = 0; i < n; i++) d[i] = ((Number) leaves.get(i)).doubleValue();
        a = n == 0 ? Nd4j.create(DType.DOUBLE.nd4j(), shape) : shape.length == 0 ? Nd4j.scalar(d[0]) : Nd4j.createFromArray(d).reshape('c', shape);
      }
    }
    return Variable.of(name, dims, a);
  }

  private static long exactLong(String key, Number x) {
    if (x instanceof BigInteger b) {
      if (b.bitLength() > 63) throw new IllegalArgumentException("tensor property '" + key + "' holds " + b + ", beyond int64");
      return b.longValue();
    }
    return x.longValue();
  }
}
