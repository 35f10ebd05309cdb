package dev.sweep.io.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.util.MinimalPrettyPrinter;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The little JSON that sweep's own metadata needs (NetCDF attributes, the CSV types sidecar):
 * strings, arrays and objects, no numbers, through jackson-core's streaming generator and parser.
 * JSON because a Python user reads it back with {@code json.loads}; written with the separators of
 * Python's {@code json.dumps} ({@code ", "} and {@code ": "}) so the files read the same from either
 * side. Internal to sweep-io.
 */
public final class Json {
  private static final JsonFactory FACTORY = JsonFactory.builder().build();
  /** For JSON other programs write: Python's {@code json.dumps} writes NaN and Infinity. */
  private static final JsonFactory LENIENT = JsonFactory.builder()
      .enable(com.fasterxml.jackson.core.json.JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS).build();

  private Json() {}

  /**
   * {@return the JSON text of a String, a List of values, or a Map from String to values}
   *
   * @param value the value; nested lists and maps hold the same kinds
   * @throws IllegalArgumentException naming a value of another kind (numbers, booleans, null)
   */
  public static String write(Object value) {
    StringWriter out = new StringWriter();
    try (JsonGenerator g = FACTORY.createGenerator(out)) {
      g.setPrettyPrinter(new PythonSeparators());
      write(value, g);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write JSON to a string", e); // a StringWriter does not fail
    }
    return out.toString();
  }

  private static void write(Object value, JsonGenerator g) throws IOException {
    if (value instanceof String s) {
      g.writeString(s);
    } else if (value instanceof List<?> list) {
      g.writeStartArray();
      for (Object v : list) write(v, g);
      g.writeEndArray();
    } else if (value instanceof Map<?, ?> map) {
      g.writeStartObject();
      for (Map.Entry<?, ?> e : map.entrySet()) {
        if (!(e.getKey() instanceof String key)) {
          throw new IllegalArgumentException("cannot write the key " + e.getKey() + " as sweep metadata JSON");
        }
        g.writeFieldName(key);
        write(e.getValue(), g);
      }
      g.writeEndObject();
    } else {
      throw new IllegalArgumentException("cannot write " + value + " as sweep metadata JSON");
    }
  }

  /**
   * Parses a JSON text of strings, arrays and objects into String, List and (insertion-ordered) Map.
   *
   * @param text the JSON text
   * @return the value
   * @throws IllegalArgumentException saying where the text is not such JSON
   */
  public static Object parse(String text) {
    try (JsonParser p = FACTORY.createParser(text)) {
      JsonToken first = p.nextToken();
      if (first == null) throw error("unexpected end", text.length(), text);
      Object v = value(p, text);
      if (p.nextToken() != null) throw error("unexpected text after the value", offset(p.currentTokenLocation()), text);
      return v;
    } catch (JsonProcessingException e) {
      throw error(e.getOriginalMessage(), offset(e.getLocation()), text);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read JSON from a string", e); // a string does not fail
    }
  }

  /**
   * Parses any JSON text, as other programs write it (py-pde's attributes, a movie's metadata), into
   * String, Long, Double (NaN and Infinity as Python writes them), Boolean, List and
   * (insertion-ordered) Map, with JSON's null as {@code nullValue}.
   *
   * @param text the JSON text
   * @param nullValue what JSON's {@code null} becomes (null itself, or a marker)
   * @return the value
   * @throws IllegalArgumentException saying where the text is not JSON
   */
  public static Object parseAny(String text, Object nullValue) {
    try (JsonParser p = LENIENT.createParser(text)) {
      if (p.nextToken() == null) throw error("unexpected end", text.length(), text);
      Object v = anyValue(p, nullValue);
      if (p.nextToken() != null) throw error("unexpected text after the value", offset(p.currentTokenLocation()), text);
      return v;
    } catch (JsonProcessingException e) {
      throw error(e.getOriginalMessage(), offset(e.getLocation()), text);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read JSON from a string", e); // a string does not fail
    }
  }

  private static Object anyValue(JsonParser p, Object nullValue) throws IOException {
    JsonToken t = p.currentToken();
    switch (t) {
      case VALUE_STRING: return p.getText();
      case VALUE_NUMBER_INT: return p.getLongValue();
      case VALUE_NUMBER_FLOAT: return p.getDoubleValue();
      case VALUE_TRUE: return Boolean.TRUE;
      case VALUE_FALSE: return Boolean.FALSE;
      case VALUE_NULL: return nullValue;
      case START_ARRAY: {
        List<Object> out = new ArrayList<>();
        while (p.nextToken() != JsonToken.END_ARRAY) out.add(anyValue(p, nullValue));
        return out;
      }
      case START_OBJECT: {
        Map<String, Object> out = new LinkedHashMap<>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
          String key = p.currentName();
          p.nextToken();
          out.put(key, anyValue(p, nullValue));
        }
        return out;
      }
      default: throw new IllegalArgumentException("unexpected JSON token " + t);
    }
  }

  private static Object value(JsonParser p, String text) throws IOException {
    JsonToken t = p.currentToken();
    if (t == JsonToken.VALUE_STRING) return p.getText();
    if (t == JsonToken.START_ARRAY) {
      List<Object> out = new ArrayList<>();
      while (p.nextToken() != JsonToken.END_ARRAY) out.add(value(p, text));
      return out;
    }
    if (t == JsonToken.START_OBJECT) {
      Map<String, Object> out = new LinkedHashMap<>();
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String key = p.currentName();
        p.nextToken();
        out.put(key, value(p, text));
      }
      return out;
    }
    throw error("expected a string, an array or an object", offset(p.currentTokenLocation()), text);
  }

  private static int offset(JsonLocation at) {
    return at == null ? -1 : (int) at.getCharOffset();
  }

  private static IllegalArgumentException error(String what, int at, String text) {
    return new IllegalArgumentException(what + " at character " + at + " of " + text);
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
