package dev.sweep.io.crop;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Plain data (maps with string keys, lists, strings, booleans, whole and decimal numbers, null) as
 * readable JSON and back, through jackson-core's streaming generator and parser: a crop's settings
 * and its record of submissions. Objects are indented one entry a line; arrays stay on one line, so
 * a long list of case values does not take a line per value. sweep-io's {@code Json} covers the
 * string-only metadata of the other formats; settings need numbers, booleans and null.
 */
final class SettingsJson {
  private static final JsonFactory FACTORY = JsonFactory.builder().build();

  private SettingsJson() {}

  /** {@return the JSON text of the value, ending with a newline} */
  static String write(Object value) {
    StringWriter out = new StringWriter();
    try (JsonGenerator g = FACTORY.createGenerator(out)) {
      DefaultPrettyPrinter pretty = new DefaultPrettyPrinter().withObjectIndenter(new DefaultIndenter("  ", "\n"));
      g.setPrettyPrinter(pretty);
      write(value, g, "settings");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write JSON to a string", e); // a StringWriter does not fail
    }
    return out.append('\n').toString();
  }

  private static void write(Object v, JsonGenerator g, String at) throws IOException {
    if (v == null) {
      g.writeNull();
    } else if (v instanceof String s) {
      g.writeString(s);
    } else if (v instanceof Boolean b) {
      g.writeBoolean(b);
    } else if (v instanceof Integer || v instanceof Long || v instanceof Short || v instanceof Byte) {
      g.writeNumber(((Number) v).longValue());
    } else if (v instanceof Double || v instanceof Float) {
      double d = ((Number) v).doubleValue();
      if (!Double.isFinite(d)) throw new IllegalArgumentException(at + " is " + d + ", which JSON cannot hold");
      g.writeNumber(d);
    } else if (v instanceof List<?> list) {
      g.writeStartArray();
      for (int i = 0; i < list.size(); i++) write(list.get(i), g, at + "[" + i + "]");
      g.writeEndArray();
    } else if (v instanceof Map<?, ?> map) {
      g.writeStartObject();
      for (Map.Entry<?, ?> e : map.entrySet()) {
        if (!(e.getKey() instanceof String key)) throw new IllegalArgumentException(at + " has the key " + e.getKey() + ", not a string");
        g.writeFieldName(key);
        write(e.getValue(), g, at + "." + key);
      }
      g.writeEndObject();
    } else {
      throw new IllegalArgumentException(at + " is a " + v.getClass().getName() + ", which is not plain data");
    }
  }

  /**
   * Parses JSON into String, Boolean, Integer or Long (the narrowest that holds a whole number),
   * Double, List, insertion-ordered Map and null.
   *
   * @throws IllegalArgumentException saying where the text is not such JSON
   */
  static Object parse(String text) {
    try (JsonParser p = FACTORY.createParser(text)) {
      if (p.nextToken() == null) throw new IllegalArgumentException("the file is empty");
      Object v = value(p);
      if (p.nextToken() != null) {
        throw new IllegalArgumentException("unexpected text after the value at line " + p.currentTokenLocation().getLineNr());
      }
      return v;
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(e.getOriginalMessage() + " at line " + e.getLocation().getLineNr() + ", column "
          + e.getLocation().getColumnNr(), e);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read JSON from a string", e); // a string does not fail
    }
  }

  private static Object value(JsonParser p) throws IOException {
    JsonToken t = p.currentToken();
    switch (t) {
      case VALUE_NULL: return null;
      case VALUE_STRING: return p.getText();
      case VALUE_TRUE: return Boolean.TRUE;
      case VALUE_FALSE: return Boolean.FALSE;
      case VALUE_NUMBER_INT: {
        BigInteger b = p.getBigIntegerValue();
        if (b.bitLength() < 32) return b.intValue();
        if (b.bitLength() < 64) return b.longValue();
        throw new IllegalArgumentException("the number " + b + " at line " + p.currentTokenLocation().getLineNr()
            + " does not fit an int64");
      }
      case VALUE_NUMBER_FLOAT: return p.getDoubleValue();
      case START_ARRAY: {
        List<Object> out = new ArrayList<>();
        while (p.nextToken() != JsonToken.END_ARRAY) out.add(value(p));
        return out;
      }
      case START_OBJECT: {
        Map<String, Object> out = new LinkedHashMap<>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
          String key = p.currentName();
          p.nextToken();
          out.put(key, value(p));
        }
        return out;
      }
      default:
        throw new IllegalArgumentException("unexpected " + t + " at line " + p.currentTokenLocation().getLineNr());
    }
  }
}
