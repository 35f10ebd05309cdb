package dev.sweep.io.scene;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.PrettyPrinter;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * JSON as Python's {@code json} module reads and writes it, through jackson-core's streaming API: the
 * files of a scene ({@code description.json}, {@code context.json}) are read by PhiFlow as often as by
 * sweep. Trees are {@code Map<String, ?>} (insertion-ordered), {@code List<?>}, String, Boolean, null
 * and numbers (Integer, Long or BigInteger for integers, Double for the rest, as Python's int and
 * float). Written as {@code json.dump(value, f, indent=2)} writes: two-space indentation, {@code ": "}
 * after keys, ASCII only ({@code \\u00e9}), bare {@code NaN} and {@code Infinity}, which Python writes
 * and reads by default; no trailing newline.
 */
final class PythonJson {
  private static final JsonFactory FACTORY = JsonFactory.builder()
      .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
      .disable(JsonWriteFeature.WRITE_NAN_AS_STRINGS)
      .enable(JsonWriteFeature.ESCAPE_NON_ASCII)
      .disable(JsonWriteFeature.WRITE_HEX_UPPER_CASE)
      .build();

  private PythonJson() {}

  /** {@return the JSON text of a tree, indented as Python's {@code json.dumps(value, indent=2)}} */
  static String write(Object tree) {
    return write(tree, true);
  }

  /** {@return the JSON text of a tree on one line, as Python's {@code json.dumps(value)}} */
  static String writeLine(Object tree) {
    return write(tree, false);
  }

  private static String write(Object tree, boolean indent) {
    StringWriter out = new StringWriter();
    try (JsonGenerator g = FACTORY.createGenerator(out)) {
      g.setPrettyPrinter(new PythonIndent(indent));
      write(tree, g);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write JSON to a string", e); // a StringWriter does not fail
    }
    return out.toString();
  }

  private static void write(Object v, JsonGenerator g) throws IOException {
    if (v == null) {
      g.writeNull();
    } else if (v instanceof String s) {
      g.writeString(s);
    } else if (v instanceof Boolean b) {
      g.writeBoolean(b);
    } else if (v instanceof Integer || v instanceof Short || v instanceof Byte) {
      g.writeNumber(((Number) v).intValue());
    } else if (v instanceof Long l) {
      g.writeNumber(l);
    } else if (v instanceof BigInteger b) {
      g.writeNumber(b);
    } else if (v instanceof Double d) {
      g.writeNumber(d);
    } else if (v instanceof Float f) {
      g.writeNumber(f);
    } else if (v instanceof BigDecimal b) {
      g.writeNumber(b);
    } else if (v instanceof Map<?, ?> map) {
      g.writeStartObject();
      for (Map.Entry<?, ?> e : map.entrySet()) {
        g.writeFieldName((String) e.getKey());
        write(e.getValue(), g);
      }
      g.writeEndObject();
    } else if (v instanceof List<?> list) {
      g.writeStartArray();
      for (Object x : list) write(x, g);
      g.writeEndArray();
    } else {
      // the callers encode values first (PropertyCodec); anything else is a bug here
      throw new IllegalStateException("not a JSON tree value: " + v.getClass().getName());
    }
  }

  /**
   * Parses a JSON text into a tree; maps and lists are unmodifiable.
   *
   * @throws IllegalArgumentException saying where the text is not JSON
   */
  static Object parse(String text) {
    try (JsonParser p = FACTORY.createParser(text)) {
      if (p.nextToken() == null) throw new IllegalArgumentException("no JSON value (the text is empty)");
      Object v = value(p);
      if (p.nextToken() != null) throw error("unexpected text after the value", p.currentTokenLocation());
      return v;
    } catch (JsonProcessingException e) {
      throw error(e.getOriginalMessage(), e.getLocation());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read JSON from a string", e); // a string does not fail
    }
  }

  private static Object value(JsonParser p) throws IOException {
    JsonToken t = p.currentToken();
    switch (t) {
      case VALUE_STRING:
        return p.getText();
      case VALUE_TRUE:
        return Boolean.TRUE;
      case VALUE_FALSE:
        return Boolean.FALSE;
      case VALUE_NULL:
        return null;
      case VALUE_NUMBER_INT:
        switch (p.getNumberType()) {
          case INT:
            return p.getIntValue();
          case LONG:
            return p.getLongValue();
          default:
            return p.getBigIntegerValue();
        }
      case VALUE_NUMBER_FLOAT:
        return p.getDoubleValue();
      case START_ARRAY: {
        List<Object> out = new ArrayList<>();
        while (p.nextToken() != JsonToken.END_ARRAY) out.add(value(p));
        return Collections.unmodifiableList(out);
      }
      case START_OBJECT: {
        Map<String, Object> out = new LinkedHashMap<>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
          String key = p.currentName();
          p.nextToken();
          out.put(key, value(p)); // a repeated key: the last wins, as in Python
        }
        return Collections.unmodifiableMap(out);
      }
      default:
        throw error("unexpected " + t, p.currentTokenLocation());
    }
  }

  private static IllegalArgumentException error(String what, JsonLocation at) {
    String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
    return new IllegalArgumentException(what + where);
  }

  /**
   * Python's {@code json.dump} layouts: with {@code indent=2}, or on one line with {@code ", "} and
   * {@code ": "}; one instance per generator (it counts the depth).
   */
  private static final class PythonIndent implements PrettyPrinter {
    private final boolean indent;
    private int depth;

    PythonIndent(boolean indent) {
      this.indent = indent;
    }

    /** Before an item: a new line and the indentation, or nothing on one line. */
    private void newline(JsonGenerator g) throws IOException {
      if (!indent) return;
      g.writeRaw('\n');
      for (int i = 0; i < depth; i++) g.writeRaw("  ");
    }

    @Override
    public void writeRootValueSeparator(JsonGenerator g) throws IOException {
      g.writeRaw('\n');
    }

    @Override
    public void writeStartObject(JsonGenerator g) throws IOException {
      g.writeRaw('{');
      depth++;
    }

    @Override
    public void beforeObjectEntries(JsonGenerator g) throws IOException {
      newline(g);
    }

    @Override
    public void writeObjectFieldValueSeparator(JsonGenerator g) throws IOException {
      g.writeRaw(": ");
    }

    @Override
    public void writeObjectEntrySeparator(JsonGenerator g) throws IOException {
      g.writeRaw(indent ? "," : ", ");
      newline(g);
    }

    @Override
    public void writeEndObject(JsonGenerator g, int entries) throws IOException {
      depth--;
      if (entries > 0) newline(g);
      g.writeRaw('}');
    }

    @Override
    public void writeStartArray(JsonGenerator g) throws IOException {
      g.writeRaw('[');
      depth++;
    }

    @Override
    public void beforeArrayValues(JsonGenerator g) throws IOException {
      newline(g);
    }

    @Override
    public void writeArrayValueSeparator(JsonGenerator g) throws IOException {
      g.writeRaw(indent ? "," : ", ");
      newline(g);
    }

    @Override
    public void writeEndArray(JsonGenerator g, int values) throws IOException {
      depth--;
      if (values > 0) newline(g);
      g.writeRaw(']');
    }
  }
}
