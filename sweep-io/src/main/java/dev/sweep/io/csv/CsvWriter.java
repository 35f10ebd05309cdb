package dev.sweep.io.csv;

import com.fasterxml.jackson.core.io.NumberOutput;
import dev.sweep.data.DType;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * Formats records as CSV bytes, column by column from primitive arrays: no per-cell objects for
 * numbers beyond the digits themselves.
 *
 * <p>The dialect: comma separated, {@code \n} line ends, UTF-8; doubles and floats as the shortest
 * decimal that reads back to the same value (jackson-core's Schubfach, in {@link Double#toString}'s
 * notation: {@code 0.1}, {@code 3.0}, {@code 1.0E-5}, {@code NaN}, {@code Infinity}, {@code -0.0});
 * integers in decimal; booleans {@code True} / {@code False} as pandas writes them; strings bare unless
 * they hold a comma, quote, CR or LF, then in double quotes with quotes doubled. A missing string
 * (null) and the empty string are an empty cell.
 */
final class CsvWriter {
  private CsvWriter() {}

  /** The header line for these names. */
  static void header(ByteSink out, List<String> names) {
    for (int c = 0; c < names.size(); c++) {
      if (c > 0) out.put((byte) ',');
      string(out, names.get(c), true);
    }
    out.put((byte) '\n');
  }

  /**
   * Every record, each ending in a newline.
   *
   * @param data one array per column: double[], float[], int[], long[], boolean[] or String[] as the type says
   * @param types the column types
   * @param n the number of records
   */
  static void rows(ByteSink out, Object[] data, DType[] types, int n) {
    int k = data.length;
    out.ensure((long) n * k * 12);
    for (int r = 0; r < n; r++) {
      for (int c = 0; c < k; c++) {
        if (c > 0) out.put((byte) ',');
        switch (types[c]) {
          case DOUBLE: out.ascii(doubleText(((double[]) data[c])[r])); break;
          case FLOAT: out.ascii(NumberOutput.toString(((float[]) data[c])[r], true)); break;
          case INT: out.decimal(((int[]) data[c])[r]); break;
          case LONG: out.decimal(((long[]) data[c])[r]); break;
          case BOOLEAN: out.ascii(((boolean[]) data[c])[r] ? "True" : "False"); break;
          default: string(out, ((String[]) data[c])[r], false);
        }
      }
      out.put((byte) '\n');
    }
  }

  /** {@return the text of a double cell: the shortest that reads back exactly, in Double.toString's notation} */
  static String doubleText(double v) {
    return NumberOutput.toString(v, true);
  }

  /** A string cell: bare when it can be, else quoted; a missing (null or empty) value is an empty cell. */
  static void string(ByteSink out, String s, boolean headerCell) {
    if (s == null || s.isEmpty()) {
      if (headerCell) out.ascii("\"\"");
      return;
    }
    boolean quote = false;
    boolean ascii = true;
    for (int i = 0; i < s.length(); i++) {
      char ch = s.charAt(i);
      if (ch == ',' || ch == '"' || ch == '\n' || ch == '\r') quote = true;
      if (ch >= 0x80) ascii = false;
    }
    if (!quote) {
      if (ascii) out.ascii(s);
      else out.put(s.getBytes(StandardCharsets.UTF_8));
      return;
    }
    out.put((byte) '"');
    out.put(s.replace("\"", "\"\"").getBytes(StandardCharsets.UTF_8));
    out.put((byte) '"');
  }

  /** A growable byte buffer. */
  static final class ByteSink {
    private byte[] buf;
    private int len;

    ByteSink(int capacity) {
      buf = new byte[Math.max(64, capacity)];
    }

    void ensure(long extra) {
      long need = len + extra;
      if (need > buf.length) {
        long cap = Math.max(need, (long) buf.length * 2);
        if (cap > Integer.MAX_VALUE - 16) {
          if (need > Integer.MAX_VALUE - 16) {
            throw new IllegalArgumentException("one append of more than 2 GB of CSV text; append in smaller batches");
          }
          cap = Integer.MAX_VALUE - 16;
        }
        buf = Arrays.copyOf(buf, (int) cap);
      }
    }

    void put(byte b) {
      if (len == buf.length) ensure(1);
      buf[len++] = b;
    }

    void put(byte[] b) {
      put(b, 0, b.length);
    }

    void put(byte[] b, int from, int n) {
      ensure(n);
      System.arraycopy(b, from, buf, len, n);
      len += n;
    }

    /** Characters known to be ASCII. */
    void ascii(String s) {
      int n = s.length();
      ensure(n);
      for (int i = 0; i < n; i++) buf[len + i] = (byte) s.charAt(i);
      len += n;
    }

    void decimal(long v) {
      if (v >= 0 && v < 10) {
        put((byte) ('0' + v));
        return;
      }
      ascii(Long.toString(v));
    }

    byte[] array() {
      return buf;
    }

    int length() {
      return len;
    }
  }
}
