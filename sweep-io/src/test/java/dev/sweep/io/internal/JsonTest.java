package dev.sweep.io.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonTest {
  @Test
  void writesWhatPythonsJsonLoadsReads() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("a\"b", "x\\y");
    m.put("list", List.of("1", "tab\there", "new\nline", "\u0001", "☃"));
    assertEquals("{\"a\\\"b\": \"x\\\\y\", \"list\": [\"1\", \"tab\\there\", \"new\\nline\", \"\\u0001\", \"☃\"]}",
        Json.write(m));
  }

  @Test
  void parsesWhatItWrites() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("dims", List.of("a", "b c"));
    m.put("empty", List.of());
    m.put("nested", Map.of("k", "\"v\""));
    assertEquals(m, Json.parse(Json.write(m)));
    assertEquals(List.of("x", "y"), Json.parse(" [ \"x\" ,\"y\" ] "));
  }

  @Test
  void rejectsTextThatIsNotSuchJsonSayingWhere() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Json.parse("[\"a\", 1]"));
    assertEquals("expected a string, an array or an object at character 6 of [\"a\", 1]", e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> Json.parse("{\"a\": \"b\"} x"));
    assertThrows(IllegalArgumentException.class, () -> Json.parse("[\"unterminated"));
  }
}
