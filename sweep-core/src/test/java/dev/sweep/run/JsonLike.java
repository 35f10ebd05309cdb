package dev.sweep.run;

import static org.junit.jupiter.api.Assertions.*;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a JSON writer and reader (Jackson's ObjectMapper, for one) make of plain data: it checks that
 * every node is a JSON value (a map with string keys, a list, a string, a boolean, a finite number or
 * null) and rebuilds it as a reader would: fresh mutable containers, and every whole number as the
 * narrowest of Integer and Long that holds it.
 */
final class JsonLike {
  private JsonLike() {}

  static Object reparse(Object node) {
    if (node == null || node instanceof String || node instanceof Boolean) return node;
    if (node instanceof Integer || node instanceof Long) {
      long l = ((Number) node).longValue();
      return l == (int) l ? (Object) (int) l : (Object) l;
    }
    if (node instanceof Double d) {
      assertTrue(Double.isFinite(d), "JSON has no " + d);
      return d;
    }
    if (node instanceof List<?> l) {
      List<Object> out = new ArrayList<>();
      for (Object x : l) out.add(reparse(x));
      return out;
    }
    if (node instanceof Map<?, ?> m) {
      Map<String, Object> out = new LinkedHashMap<>();
      m.forEach((k, v) -> {
        assertInstanceOf(String.class, k, "a JSON object's keys are strings");
        out.put((String) k, reparse(v));
      });
      return out;
    }
    return fail("not a JSON value: " + node + " (" + node.getClass().getName() + ")");
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> reparseMap(Map<String, Object> m) {
    return (Map<String, Object>) reparse(m);
  }
}
