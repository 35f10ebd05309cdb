package dev.sweep.run;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@link Label} mini-language, and the one lookup of a labelled method.
 *
 * <p>The entries read:
 * <ul>
 *   <li>{@code varDims}: {@code "C[x, t]"}, an output's inner dimensions, outermost first;
 *   <li>{@code varCoords}: {@code "x = 10, 20, 30"}, an inner dimension's labels. A label reads as an
 *       int (a long if it does not fit), a double, {@code true}/{@code false}, or else a string;
 *       quotes ({@code 'a, b'} or {@code "a, b"}) make a string of anything, commas included.
 * </ul>
 *
 * <p>The labelled method of a class is the one {@link RunFunction#of(Class, String)} binds: declared
 * by the class or inherited from a superclass, exactly one method by that name (an override counts
 * once, as its most derived declaration), carrying the {@code @Label} on that declaration.
 */
final class LabelSpec {
  private LabelSpec() {}

  /** An output's inner dimensions, from a {@code varDims} entry. */
  record VarDims(String var, List<String> dims) {}

  /** An inner dimension's labels, from a {@code varCoords} entry. */
  record DimCoords(String dim, List<Object> labels) {}

  /**
   * {@return the method of that name and its label, by the one rule above}
   *
   * @throws IllegalArgumentException if there is no method of that name, more than one, or it has no
   *     {@code @Label}
   */
  static Method labelledMethod(Class<?> owner, String name) {
    List<Method> found = MethodFunction.candidates(owner, name);
    if (found.isEmpty()) throw new IllegalArgumentException(owner.getName() + " has no method '" + name + "' with a @Label");
    Method m = MethodFunction.single(owner, name, found);
    if (m.getAnnotation(Label.class) == null) {
      throw new IllegalArgumentException(owner.getName() + " has no method '" + name + "' with a @Label: "
          + MethodFunction.describe(m) + " has none");
    }
    return m;
  }

  /**
   * {@return a runner builder for the function with the outputs the label describes}
   *
   * @throws IllegalArgumentException naming the function, if an entry does not parse or repeats
   */
  static Runner.Builder builder(RunFunction fn, Label label) {
    Runner.Builder b = new Runner.Builder(fn);
    try {
      if (label.varNames().length > 0) b.vars(label.varNames());
      Map<String, VarDims> dims = new LinkedHashMap<>();
      for (String entry : label.varDims()) {
        VarDims d = parseDims(entry);
        if (dims.put(d.var(), d) != null) {
          throw new IllegalArgumentException("@Label varDims gives the dimensions of '" + d.var() + "' twice");
        }
        b.dims(d.var(), d.dims().toArray(new String[0]));
      }
      Map<String, DimCoords> coords = new LinkedHashMap<>();
      for (String entry : label.varCoords()) {
        DimCoords c = parseCoords(entry);
        if (coords.put(c.dim(), c) != null) {
          throw new IllegalArgumentException("@Label varCoords gives the labels of '" + c.dim() + "' twice");
        }
        b.coords(c.dim(), c.labels().toArray());
      }
    } catch (IllegalArgumentException | IllegalStateException e) {
      throw new IllegalArgumentException(fn + ": " + e.getMessage(), e);
    }
    return b;
  }

  /**
   * {@return the output and its inner dimensions of a {@code varDims} entry such as {@code "C[x, t]"}}
   *
   * @throws IllegalArgumentException quoting the entry, if it does not read like that
   */
  static VarDims parseDims(String entry) {
    String s = entry.trim();
    int open = s.indexOf('[');
    if (open < 1 || !s.endsWith("]") || s.indexOf(']') != s.length() - 1 || s.indexOf('[', open + 1) >= 0) {
      throw new IllegalArgumentException("@Label varDims entry \"" + entry + "\" should read like \"C[x, t]\"");
    }
    String var = s.substring(0, open).trim();
    List<String> dims = new ArrayList<>();
    for (String d : s.substring(open + 1, s.length() - 1).split(",", -1)) {
      String dim = d.trim();
      if (dim.isEmpty()) {
        throw new IllegalArgumentException("@Label varDims entry \"" + entry + "\" has an empty dimension name; "
            + "it should read like \"C[x, t]\"");
      }
      if (dims.contains(dim)) {
        throw new IllegalArgumentException("@Label varDims entry \"" + entry + "\" names dimension '" + dim + "' twice");
      }
      dims.add(dim);
    }
    return new VarDims(var, List.copyOf(dims));
  }

  /**
   * {@return the dimension and its labels of a {@code varCoords} entry such as {@code "x = 10, 20, 30"}}
   *
   * @throws IllegalArgumentException quoting the entry, if it does not read like that
   */
  static DimCoords parseCoords(String entry) {
    int eq = entry.indexOf('=');
    String dim = eq < 0 ? "" : entry.substring(0, eq).trim();
    if (dim.isEmpty()) {
      throw new IllegalArgumentException("@Label varCoords entry \"" + entry + "\" should read like \"x = 10, 20, 30\"");
    }
    List<Object> labels = new ArrayList<>();
    for (String part : splitOutsideQuotes(entry, entry.substring(eq + 1))) {
      String p = part.trim();
      if (p.isEmpty()) {
        throw new IllegalArgumentException("@Label varCoords entry \"" + entry + "\" has an empty label; "
            + "it should read like \"x = 10, 20, 30\" (quote an empty string: '')");
      }
      labels.add(parseValue(p));
    }
    return new DimCoords(dim, List.copyOf(labels));
  }

  /** Splits at commas that are not inside single or double quotes. */
  private static List<String> splitOutsideQuotes(String entry, String s) {
    List<String> parts = new ArrayList<>();
    StringBuilder cur = new StringBuilder();
    char quote = 0;
    for (int i = 0; i < s.length(); i++) {
      char ch = s.charAt(i);
      if (quote != 0) {
        if (ch == quote) quote = 0;
      } else if (ch == '\'' || ch == '"') {
        quote = ch;
      } else if (ch == ',') {
        parts.add(cur.toString());
        cur.setLength(0);
        continue;
      }
      cur.append(ch);
    }
    if (quote != 0) {
      throw new IllegalArgumentException("@Label varCoords entry \"" + entry + "\" has an unclosed " + quote + " quote");
    }
    parts.add(cur.toString());
    return parts;
  }

  /**
   * {@return one label of a {@code varCoords} entry: a quoted string without its quotes, a Boolean, an
   * Integer (a Long if it does not fit), a Double, or else the text itself}
   */
  static Object parseValue(String s) {
    if (s.length() >= 2 && (s.startsWith("'") && s.endsWith("'") || s.startsWith("\"") && s.endsWith("\""))) {
      return s.substring(1, s.length() - 1);
    }
    if (s.equals("true") || s.equals("false")) return Boolean.parseBoolean(s);
    try {
      long l = Long.parseLong(s);
      return l == (int) l ? (Object) (int) l : (Object) l;
    } catch (NumberFormatException e) {
      // not an integer
    }
    try {
      return Double.parseDouble(s);
    } catch (NumberFormatException e) {
      return s;
    }
  }
}
