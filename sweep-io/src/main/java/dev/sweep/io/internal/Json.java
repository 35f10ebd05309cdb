package dev.sweep.io.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The little JSON that sweep's own metadata needs (NetCDF attributes, the CSV types sidecar):
 * strings, arrays and objects, no numbers. JSON because a Python user reads it back with
 * {@code json.loads}. Internal to sweep-io.
 */
public final class Json {
  private Json() {}

  /** A JSON text of a String, a List of values, or a Map from String to values. */
  public static String write(Object value) {
    StringBuilder sb = new StringBuilder();
    write(value, sb);
    return sb.toString();
  }

  private static void write(Object value, StringBuilder sb) {
    if (value instanceof String s) {
      quote(s, sb);
    } else if (value instanceof List<?> list) {
      sb.append('[');
      for (int i = 0; i < list.size(); i++) {
        if (i > 0) sb.append(", ");
        write(list.get(i), sb);
      }
      sb.append(']');
    } else if (value instanceof Map<?, ?> map) {
      sb.append('{');
      boolean first = true;
      for (Map.Entry<?, ?> e : map.entrySet()) {
        if (!first) sb.append(", ");
        first = false;
        quote((String) e.getKey(), sb);
        sb.append(": ");
        write(e.getValue(), sb);
      }
      sb.append('}');
    } else {
      throw new IllegalArgumentException("cannot write " + value + " as sweep metadata JSON");
    }
  }

  private static void quote(String s, StringBuilder sb) {
    sb.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"': sb.append("\\\""); break;
        case '\\': sb.append("\\\\"); break;
        case '\n': sb.append("\\n"); break;
        case '\r': sb.append("\\r"); break;
        case '\t': sb.append("\\t"); break;
        default:
          if (c < 0x20) sb.append(String.format("\\u%04x", (int) c));
          else sb.append(c);
      }
    }
    sb.append('"');
  }

  /**
   * Parses a JSON text of strings, arrays and objects into String, List and (insertion-ordered) Map.
   *
   * @throws IllegalArgumentException saying where the text is not such JSON
   */
  public static Object parse(String text) {
    Parser p = new Parser(text);
    p.space();
    Object v = p.value();
    p.space();
    if (p.pos != text.length()) throw p.error("unexpected text after the value");
    return v;
  }

  private static final class Parser {
    final String s;
    int pos;

    Parser(String s) {
      this.s = s;
    }

    Object value() {
      if (pos >= s.length()) throw error("unexpected end");
      char c = s.charAt(pos);
      if (c == '"') return string();
      if (c == '[') return array();
      if (c == '{') return object();
      throw error("expected a string, an array or an object");
    }

    List<Object> array() {
      pos++;
      List<Object> out = new ArrayList<>();
      space();
      if (peek() == ']') {
        pos++;
        return out;
      }
      while (true) {
        space();
        out.add(value());
        space();
        char c = next();
        if (c == ']') return out;
        if (c != ',') throw error("expected ',' or ']'");
      }
    }

    Map<String, Object> object() {
      pos++;
      Map<String, Object> out = new LinkedHashMap<>();
      space();
      if (peek() == '}') {
        pos++;
        return out;
      }
      while (true) {
        space();
        if (peek() != '"') throw error("expected a key");
        String key = string();
        space();
        if (next() != ':') throw error("expected ':'");
        space();
        out.put(key, value());
        space();
        char c = next();
        if (c == '}') return out;
        if (c != ',') throw error("expected ',' or '}'");
      }
    }

    String string() {
      pos++;
      StringBuilder sb = new StringBuilder();
      while (true) {
        char c = next();
        if (c == '"') return sb.toString();
        if (c != '\\') {
          sb.append(c);
          continue;
        }
        char e = next();
        switch (e) {
          case '"': case '\\': case '/': sb.append(e); break;
          case 'n': sb.append('\n'); break;
          case 'r': sb.append('\r'); break;
          case 't': sb.append('\t'); break;
          case 'b': sb.append('\b'); break;
          case 'f': sb.append('\f'); break;
          case 'u':
            if (pos + 4 > s.length()) throw error("short \\u escape");
            try {
              sb.append((char) Integer.parseInt(s.substring(pos, pos + 4), 16));
            } catch (NumberFormatException ex) {
              throw error("bad \\u escape");
            }
            pos += 4;
            break;
          default: throw error("bad escape \\" + e);
        }
      }
    }

    void space() {
      while (pos < s.length() && Character.isWhitespace(s.charAt(pos))) pos++;
    }

    char peek() {
      if (pos >= s.length()) throw error("unexpected end");
      return s.charAt(pos);
    }

    char next() {
      char c = peek();
      pos++;
      return c;
    }

    IllegalArgumentException error(String what) {
      return new IllegalArgumentException(what + " at character " + pos + " of " + s);
    }
  }
}
