package dev.sweep.movie;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.core.util.MinimalPrettyPrinter;
import dev.sweep.io.internal.Json;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.lang.reflect.Array;
import java.util.List;
import java.util.Map;

/**
 * The JSON of a movie's metadata, as Python's {@code json.dumps} writes it and {@code json.loads}
 * reads it (py-pde's side): {@code ", "} and {@code ": "} separators, {@code NaN} and
 * {@code Infinity} as bare words. Values are String, Boolean, Long (integers), Double, null, List
 * and insertion-ordered Map; Java arrays are written as lists.
 */
final class MovieJson {
  private static final JsonFactory FACTORY = JsonFactory.builder()
      .disable(JsonWriteFeature.WRITE_NAN_AS_STRINGS)
      .build();

  private MovieJson() {}

  static String write(Object value) {
    StringWriter out = new StringWriter();
    try (JsonGenerator g = FACTORY.createGenerator(out)) {
      g.setPrettyPrinter(new PythonSeparators());
      write(value, g);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write JSON to a string", e);
    }
    return out.toString();
  }

  private static void write(Object value, JsonGenerator g) throws IOException {
    if (value == null) {
      g.writeNull();
    } else if (value instanceof String s) {
      g.writeString(s);
    } else if (value instanceof Boolean b) {
      g.writeBoolean(b);
    } else if (value instanceof Double || value instanceof Float) {
      g.writeNumber(((Number) value).doubleValue());
    } else if (value instanceof Number n) {
      g.writeNumber(n.longValue());
    } else if (value instanceof List<?> list) {
      g.writeStartArray();
      for (Object v : list) write(v, g);
      g.writeEndArray();
    } else if (value.getClass().isArray()) {
      g.writeStartArray();
      for (int i = 0, n = Array.getLength(value); i < n; i++) write(Array.get(value, i), g);
      g.writeEndArray();
    } else if (value instanceof Map<?, ?> map) {
      g.writeStartObject();
      for (Map.Entry<?, ?> e : map.entrySet()) {
        g.writeFieldName(String.valueOf(e.getKey()));
        write(e.getValue(), g);
      }
      g.writeEndObject();
    } else {
      throw new IllegalArgumentException("cannot write " + value + " (" + value.getClass().getSimpleName()
          + ") into a movie's metadata JSON");
    }
  }

  /**
   * Parses JSON text.
   *
   * @throws IllegalArgumentException saying what is wrong, if the text is not JSON
   */
  static Object parse(String text) {
    return Json.parseAny(text, null);
  }

  /**
   * {@return the text quoted as Python's {@code shlex.quote} does: py-pde stores its JSON in the
   * comment tag quoted so (the quotes become part of the tag) and reads it with {@code shlex.split}}
   */
  static String shlexQuote(String s) {
    if (!s.isEmpty() && s.matches("[\\w@%+=:,./-]+")) return s;
    return "'" + s.replace("'", "'\"'\"'") + "'";
  }

  /**
   * {@return the first word of a text split as Python's {@code shlex.split} does (POSIX rules: single
   * and double quotes, backslash escapes), which is how py-pde reads its comment tag}
   */
  static String shlexFirst(String s) {
    StringBuilder out = new StringBuilder();
    int i = 0;
    int n = s.length();
    while (i < n && Character.isWhitespace(s.charAt(i))) i++;
    while (i < n) {
      char c = s.charAt(i);
      if (Character.isWhitespace(c)) break;
      if (c == '\'') {
        int end = s.indexOf('\'', i + 1);
        if (end < 0) throw new IllegalArgumentException("no closing quotation");
        out.append(s, i + 1, end);
        i = end + 1;
      } else if (c == '"') {
        i++;
        while (i < n && s.charAt(i) != '"') {
          char d = s.charAt(i);
          if (d == '\\' && i + 1 < n && "\\\"$`\n".indexOf(s.charAt(i + 1)) >= 0) d = s.charAt(++i);
          out.append(d);
          i++;
        }
        if (i >= n) throw new IllegalArgumentException("no closing quotation");
        i++;
      } else if (c == '\\' && i + 1 < n) {
        out.append(s.charAt(i + 1));
        i += 2;
      } else {
        out.append(c);
        i++;
      }
    }
    return out.toString();
  }

  /** Python's {@code json.dumps} layout: one line, {@code ", "} between items, {@code ": "} after keys. */
  private static final class PythonSeparators extends MinimalPrettyPrinter {
    private static final long serialVersionUID = 1L;

    @Override
    public void writeObjectFieldValueSeparator(JsonGenerator g) throws IOException {
      g.writeRaw(": ");
    }

    @Override
    public void writeObjectEntrySeparator(JsonGenerator g) throws IOException {
      g.writeRaw(", ");
    }

    @Override
    public void writeArrayValueSeparator(JsonGenerator g) throws IOException {
      g.writeRaw(", ");
    }
  }
}
