package dev.sweep.data;

import java.lang.reflect.Array;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Validation and comparison of attribute maps: the one rule for what an attribute may hold, which
 * runners follow too (through {@link Dataset.Builder#attr}). Stored values: String, a boxed number,
 * Boolean, a primitive array or a String[].
 */
final class Attrs {
  private Attrs() {}

  static Map<String, Object> copyOf(Map<String, ?> attrs) {
    if (attrs.isEmpty()) return Map.of();
    Map<String, Object> out = new LinkedHashMap<>();
    for (Map.Entry<String, ?> e : attrs.entrySet()) {
      out.put(Objects.requireNonNull(e.getKey(), "attribute name"), check(e.getKey(), e.getValue()));
    }
    return Collections.unmodifiableMap(out);
  }

  static Object check(String name, Object v) {
    if (v instanceof String || v instanceof Number || v instanceof Boolean) return v;
    if (v instanceof Enum<?> e) return e.name();
    if (v instanceof double[] || v instanceof float[] || v instanceof int[] || v instanceof long[]
        || v instanceof short[] || v instanceof byte[] || v instanceof boolean[]) {
      int n = Array.getLength(v);
      Object copy = Array.newInstance(v.getClass().getComponentType(), n);
      System.arraycopy(v, 0, copy, 0, n);
      return copy;
    }
    if (v instanceof String[] s) return s.clone();
    if (v instanceof List<?> l && l.stream().allMatch(x -> x instanceof String)) {
      return l.toArray(new String[0]);
    }
    if (v instanceof List<?> l && l.stream().allMatch(x -> x instanceof Number)) {
      return l.stream().mapToDouble(x -> ((Number) x).doubleValue()).toArray();
    }
    throw new IllegalArgumentException("attribute '" + name + "' has the value " + v
        + (v == null ? "" : " (" + v.getClass().getName() + ")")
        + "; expected a String, a number, a boolean, an enum, an array of numbers, booleans or strings, or a list"
        + " of numbers or of strings");
  }

  static boolean equal(Map<String, Object> a, Map<String, Object> b) {
    if (!a.keySet().equals(b.keySet())) return false;
    for (String k : a.keySet()) {
      if (!Objects.deepEquals(a.get(k), b.get(k))) return false;
    }
    return true;
  }
}
