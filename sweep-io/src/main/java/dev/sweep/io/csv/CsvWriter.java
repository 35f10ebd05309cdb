package dev.sweep.io.csv;

import java.nio.charset.StandardCharsets;
import java.util.List;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.ColumnType;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.FloatColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * Formats rows as CSV bytes, column by column from primitive arrays: no Tablesaw rows, no per-cell
 * objects for numbers beyond the digits themselves.
 *
 * <p>The dialect: comma separated, {@code \n} line ends, UTF-8; doubles in {@link Double#toString}'s
 * notation by {@link DoubleFormat} (reads back exactly; {@code NaN}, {@code Infinity}), floats by
 * {@link Float#toString}; integers in decimal; booleans {@code True} /
 * {@code False} as pandas writes them; strings bare unless they hold a comma, quote, CR or LF, then in
 * double quotes with quotes doubled. A missing value (NaN aside) is an empty cell.
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

  /** Every row of the table, each ending in a newline. */
  static void rows(ByteSink out, Table table) {
    int n = table.rowCount();
    int k = table.columnCount();
    Object[] data = new Object[k];
    int[] kind = new int[k];
    for (int c = 0; c < k; c++) {
      Column<?> col = table.column(c);
      ColumnType t = col.type();
      if (t == ColumnType.DOUBLE) {
        kind[c] = 0;
        data[c] = ((DoubleColumn) col).asDoubleArray();
      } else if (t == ColumnType.INTEGER) {
        kind[c] = 1;
        data[c] = ((IntColumn) col).asIntArray();
      } else if (t == ColumnType.LONG) {
        kind[c] = 2;
        data[c] = ((LongColumn) col).asLongArray();
      } else if (t == ColumnType.FLOAT) {
        kind[c] = 3;
        data[c] = ((FloatColumn) col).asFloatArray();
      } else if (t == ColumnType.BOOLEAN) {
        kind[c] = 4;
        data[c] = col;
      } else if (t == ColumnType.STRING) {
        kind[c] = 5;
        data[c] = ((StringColumn) col).asObjectArray();
      } else {
        throw new AssertionError(t);
      }
    }
    out.ensure((long) n * k * 12);
    for (int r = 0; r < n; r++) {
      for (int c = 0; c < k; c++) {
        if (c > 0) out.put((byte) ',');
        switch (kind[c]) {
          case 0: DoubleFormat.write(out, ((double[]) data[c])[r]); break;
          case 1: {
            int v = ((int[]) data[c])[r];
            if (v != Integer.MIN_VALUE) out.decimal(v);
            break;
          }
          case 2: {
            long v = ((long[]) data[c])[r];
            if (v != Long.MIN_VALUE) out.decimal(v);
            break;
          }
          case 3: out.ascii(Float.toString(((float[]) data[c])[r])); break;
          case 4: {
            BooleanColumn b = (BooleanColumn) data[c];
            if (!b.isMissing(r)) out.ascii(b.get(r) ? "True" : "False");
            break;
          }
          default: string(out, ((String[]) data[c])[r], false);
        }
      }
      out.put((byte) '\n');
    }
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
        buf = java.util.Arrays.copyOf(buf, (int) cap);
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
