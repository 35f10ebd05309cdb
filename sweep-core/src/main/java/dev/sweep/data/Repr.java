package dev.sweep.data;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Text in the style of xarray's repr: numbers with 4 significant digits, quoted strings, "..." for the middle. */
final class Repr {
  private Repr() {}

  static String dims(List<String> dims) {
    return "(" + String.join(", ", dims) + ")";
  }

  static String value(Object v) {
    if (v == null) return "None";
    if (v instanceof String s) return "'" + s + "'";
    if (v instanceof Double d) return number(d);
    if (v instanceof Float f) return number(f);
    if (v instanceof org.apache.commons.math3.complex.Complex z) return complex(z.getReal(), z.getImaginary());
    return String.valueOf(v);
  }

  /** NumPy's repr of a complex number, with parts as {@link #number}: (1+2j), (0.5403-0.8415j), (nan+nanj). */
  static String complex(double re, double im) {
    String r = part(re);
    String i = part(im);
    String sign = i.startsWith("-") ? "" : "+";
    return "(" + r + sign + i + "j)";
  }

  private static String part(double d) {
    String s = number(d);
    return s.endsWith(".0") ? s.substring(0, s.length() - 2) : s;
  }

  /** Python's {@code '%.4g'}: 0.8415, 1, 1e+05, nan, inf. */
  static String number(double d) {
    if (Double.isNaN(d)) return "nan";
    if (Double.isInfinite(d)) return d > 0 ? "inf" : "-inf";
    if (d == Math.rint(d) && Math.abs(d) < 1e4) {
      return (long) d + ".0"; // as Python's format(1.0, '.4'): 1.0
    }
    String s = String.format(Locale.ROOT, "%.4g", d);
    int e = s.indexOf('e');
    String mantissa = e < 0 ? s : s.substring(0, e);
    String exp = e < 0 ? "" : s.substring(e);
    if (mantissa.contains(".")) {
      mantissa = mantissa.replaceAll("0+$", "");
      if (mantissa.endsWith(".")) mantissa = mantissa.substring(0, mantissa.length() - 1);
    }
    return mantissa + exp;
  }

  static String labels(Map<String, Object> labels) {
    StringBuilder sb = new StringBuilder();
    for (Map.Entry<String, Object> e : labels.entrySet()) {
      if (sb.length() > 0) sb.append(", ");
      sb.append(e.getKey()).append('=').append(value(e.getValue()));
    }
    return sb.toString();
  }

  /** Leading and trailing values of a column that fit in about {@code width} characters. */
  static String values(Column c, int width) {
    long n = c.length();
    List<String> head = new ArrayList<>();
    List<String> tail = new ArrayList<>();
    int used = 0;
    long i = 0;
    long j = n - 1;
    boolean front = true;
    while (i <= j) {
      String s = value(c.get(front ? i : j));
      if (used + s.length() + 1 > width && head.size() + tail.size() > 0) break;
      used += s.length() + 1;
      if (front) {
        head.add(s);
        i++;
      } else {
        tail.add(0, s);
        j--;
      }
      front = !front;
    }
    StringBuilder sb = new StringBuilder(String.join(" ", head));
    if (i <= j) sb.append(" ...");
    if (!tail.isEmpty()) sb.append(' ').append(String.join(" ", tail));
    return sb.toString();
  }

  static String attr(Object v) {
    if (v == null) return "None";
    if (v.getClass().isArray()) {
      int n = java.lang.reflect.Array.getLength(v);
      StringBuilder sb = new StringBuilder("[");
      for (int k = 0; k < Math.min(n, 8); k++) {
        if (k > 0) sb.append(", ");
        sb.append(value(java.lang.reflect.Array.get(v, k)));
      }
      if (n > 8) sb.append(", ... (").append(n).append(" values)");
      return sb.append(']').toString();
    }
    return v instanceof String ? (String) v : value(v);
  }
}
