package dev.sweep.io.csv;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
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
 * Reads a CSV written by {@link CsvWriter} into typed Tablesaw columns, with the types forced from
 * the dtypes sidecar (or, without one, inferred strictly from the text), never guessed per cell.
 *
 * <p>A record is complete only when its line ends: text after the last newline is the torn tail of an
 * interrupted append and is left out, as is a last record with the wrong number of fields or a value
 * that does not parse. The same defects anywhere else are errors naming the line.
 */
final class CsvReader {
  private static final Logger LOG = LoggerFactory.getLogger(CsvReader.class);

  private CsvReader() {}

  /**
   * What a file holds.
   *
   * @param names the header, or null if the file has no complete header
   * @param types the column types, or null when unknown (no header, or no sidecar and no row)
   * @param table the complete rows
   * @param validEnd the byte offset just past the last complete row (0 without a header)
   * @param size the file's size in bytes when read
   * @param dropped a description of what was left out at the end, or null
   */
  record Result(List<String> names, List<ColumnType> types, Table table, long validEnd, long size, String dropped) {}

  static Result read(Path path, String tableName) throws IOException {
    if (!Files.exists(path)) return new Result(null, null, Table.create(tableName), 0, 0, null);
    long size = Files.size(path);
    try (InputStream in = Files.newInputStream(path)) {
      Tokenizer tk = new Tokenizer(in);
      List<String> header = tk.next();
      if (header == null) {
        String dropped = size == 0 ? null : "an incomplete header of " + size + " bytes";
        return new Result(null, null, Table.create(tableName), 0, size, dropped);
      }
      checkHeader(path, header);
      long validEnd = tk.recordEnd;
      Map<String, ColumnType> sidecar = Dtypes.read(path);
      List<ColumnType> types = null;
      if (sidecar != null) {
        if (new ArrayList<>(sidecar.keySet()).equals(header)) {
          types = new ArrayList<>(sidecar.values());
        } else {
          LOG.warn("{} names the columns {} but the header of {} is {}; inferring the column types from the text",
              Dtypes.of(path).getFileName(), sidecar.keySet(), path.getFileName(), header);
        }
      }
      Columns cols = new Columns(path, header, types);
      List<String> pending = null;
      long pendingEnd = 0;
      long pendingLine = 0;
      List<String> rec;
      while (true) {
        long line = tk.line;
        rec = tk.next();
        if (rec == null) break;
        if (pending != null) {
          cols.add(pending, pendingLine, true);
          validEnd = pendingEnd;
        }
        pending = rec;
        pendingEnd = tk.recordEnd;
        pendingLine = line;
      }
      String dropped = null;
      if (pending != null) {
        String why = cols.add(pending, pendingLine, false);
        if (why == null) {
          validEnd = pendingEnd;
        } else {
          dropped = "the last line " + pendingLine + " (" + why + ")";
        }
      }
      if (size > tk.recordEnd) {
        String tail = "a torn last line of " + (size - tk.recordEnd) + " bytes without a newline";
        dropped = dropped == null ? tail : dropped + " and " + tail;
      }
      List<ColumnType> found = cols.types();
      Table table = cols.table(tableName);
      return new Result(List.copyOf(header), found, table, validEnd, size, dropped);
    }
  }

  private static void checkHeader(Path path, List<String> header) {
    for (int i = 0; i < header.size(); i++) {
      if (header.indexOf(header.get(i)) != i) {
        throw new IllegalStateException(path + " names column '" + header.get(i) + "' twice in its header " + header);
      }
    }
  }

  /** Splits a byte stream into records of fields; a record ends at a newline outside quotes. */
  static final class Tokenizer {
    private final InputStream in;
    private final byte[] buf = new byte[1 << 16];
    private int pos;
    private int lim;
    private long consumed; // bytes before buf[0]
    private byte[] field = new byte[256];
    private int flen;
    private int bareCrEnd = -1; // flen just after a CR kept outside quotes
    /** The byte offset just past the last complete record. */
    long recordEnd;
    /** The 1-based line number of the next record's first line. */
    long line = 1;

    Tokenizer(InputStream in) {
      this.in = in;
    }

    private int read() throws IOException {
      if (pos == lim) {
        consumed += lim;
        lim = in.read(buf, 0, buf.length);
        pos = 0;
        if (lim <= 0) {
          lim = 0;
          return -1;
        }
      }
      return buf[pos++] & 0xff;
    }

    private void keep(int b) {
      if (flen == field.length) field = Arrays.copyOf(field, flen * 2);
      field[flen++] = (byte) b;
    }

    private String take() {
      int n = flen;
      flen = 0;
      bareCrEnd = -1;
      return new String(field, 0, n, StandardCharsets.UTF_8);
    }

    /** The next complete record, or null at the end (complete or not). */
    List<String> next() throws IOException {
      List<String> fields = new ArrayList<>();
      flen = 0;
      bareCrEnd = -1;
      boolean quoted = false; // inside quotes
      boolean wasQuoted = false; // this field was quoted
      long lines = 0;
      int b;
      while ((b = read()) >= 0) {
        if (quoted) {
          if (b == '"') {
            int c = read();
            if (c == '"') {
              keep('"');
              continue;
            }
            quoted = false;
            if (c < 0) break;
            b = c; // fall through with the character after the closing quote
          } else {
            if (b == '\n') lines++;
            keep(b);
            continue;
          }
        }
        if (b == ',') {
          fields.add(take());
          wasQuoted = false;
        } else if (b == '\n') {
          if (bareCrEnd == flen) flen--; // a CRLF line end
          fields.add(take());
          recordEnd = consumed + pos;
          line += lines + 1;
          return fields;
        } else if (b == '"' && flen == 0 && !wasQuoted) {
          quoted = true;
          wasQuoted = true;
        } else {
          keep(b);
          if (b == '\r') bareCrEnd = flen;
        }
      }
      return null;
    }
  }

  /** Column builders, typed when the types are known, else text kept for inference. */
  private static final class Columns {
    private final Path path;
    private final List<String> names;
    private List<ColumnType> types;
    private final int k;
    private int n;
    private final Object[] data; // double[], float[], int[], long[], byte[] (bool), String[]
    private final List<List<String>> text;
    private final double[] sd;
    private final long[] sl;
    private final String[] ss;

    Columns(Path path, List<String> names, List<ColumnType> types) {
      this.path = path;
      this.names = names;
      this.types = types;
      this.k = names.size();
      this.data = new Object[k];
      this.sd = new double[k];
      this.sl = new long[k];
      this.ss = new String[k];
      if (types == null) {
        text = new ArrayList<>();
        for (int c = 0; c < k; c++) text.add(new ArrayList<>());
      } else {
        text = null;
        for (int c = 0; c < k; c++) data[c] = allocate(types.get(c), 1024);
      }
    }

    /**
     * Adds a record: strictly (a defect throws, naming the line) or not (a defect is returned in
     * words, and nothing is added). Returns null when added.
     */
    String add(List<String> rec, long line, boolean strict) {
      if (rec.size() != k) {
        String why = "it has " + rec.size() + " fields; the header has " + k;
        if (strict) throw new IllegalStateException(path + " line " + line + ": " + why + " " + names);
        return why;
      }
      if (types == null) {
        for (int c = 0; c < k; c++) text.get(c).add(rec.get(c));
        n++;
        return null;
      }
      for (int c = 0; c < k; c++) {
        String cell = rec.get(c);
        ColumnType t = types.get(c);
        boolean ok = parse(t, cell, c);
        if (!ok) {
          String why = "column '" + names.get(c) + "' is " + Dtypes.numpyName(t) + " but holds \"" + cell + "\"";
          if (strict) throw new IllegalStateException(path + " line " + line + ": " + why);
          return why;
        }
      }
      for (int c = 0; c < k; c++) {
        if (capacity(data[c]) == n) data[c] = grow(data[c]);
        commit(types.get(c), c, n);
      }
      n++;
      return null;
    }

    /** Parses a cell into the staging slot of column c; false if it does not parse. */
    private boolean parse(ColumnType t, String cell, int c) {
      try {
        if (t == ColumnType.DOUBLE || t == ColumnType.FLOAT) {
          sd[c] = parseDouble(cell);
        } else if (t == ColumnType.INTEGER) {
          sl[c] = cell.isEmpty() ? Integer.MIN_VALUE : Integer.parseInt(cell);
        } else if (t == ColumnType.LONG) {
          sl[c] = cell.isEmpty() ? Long.MIN_VALUE : Long.parseLong(cell);
        } else if (t == ColumnType.BOOLEAN) {
          sl[c] = parseBoolean(cell);
        } else {
          ss[c] = cell;
        }
        return true;
      } catch (NumberFormatException e) {
        return false;
      }
    }

    /** Moves the staged value of column c into row i. */
    private void commit(ColumnType t, int c, int i) {
      Object a = data[c];
      if (t == ColumnType.DOUBLE) ((double[]) a)[i] = sd[c];
      else if (t == ColumnType.FLOAT) ((float[]) a)[i] = (float) sd[c];
      else if (t == ColumnType.INTEGER) ((int[]) a)[i] = (int) sl[c];
      else if (t == ColumnType.LONG) ((long[]) a)[i] = sl[c];
      else if (t == ColumnType.BOOLEAN) ((byte[]) a)[i] = (byte) sl[c];
      else ((String[]) a)[i] = ss[c];
    }

    /** The column types, or null if there is no sidecar and no row to infer them from. */
    List<ColumnType> types() {
      if (types == null && n == 0) return null;
      if (types == null) infer();
      return List.copyOf(types);
    }

    Table table(String name) {
      if (types == null && n == 0) {
        List<Column<?>> cols = new ArrayList<>();
        for (String s : names) cols.add(StringColumn.create(s));
        return Table.create(name, cols);
      }
      if (types == null) infer();
      List<Column<?>> cols = new ArrayList<>();
      for (int c = 0; c < k; c++) cols.add(column(names.get(c), types.get(c), data[c], n));
      return Table.create(name, cols);
    }

    /** Decides each column's type from its text, as strictly as the writer writes it, then parses. */
    private void infer() {
      List<ColumnType> ts = new ArrayList<>();
      Map<String, String> shown = new LinkedHashMap<>();
      for (int c = 0; c < k; c++) {
        ColumnType t = inferType(text.get(c));
        ts.add(t);
        shown.put(names.get(c), Dtypes.numpyName(t));
      }
      LOG.warn("{} has no {}; the column types were inferred from the text: {}", path.getFileName(),
          Dtypes.of(path).getFileName(), shown);
      types = ts;
      for (int c = 0; c < k; c++) {
        ColumnType t = types.get(c);
        data[c] = allocate(t, Math.max(1, n));
        List<String> cells = text.get(c);
        for (int i = 0; i < n; i++) {
          parse(t, cells.get(i), c);
          commit(t, c, i);
        }
      }
    }

    private static ColumnType inferType(List<String> cells) {
      boolean ints = true;
      boolean doubles = true;
      boolean bools = true;
      boolean anyEmpty = false;
      boolean anyValue = false;
      for (String s : cells) {
        if (s.isEmpty()) {
          anyEmpty = true;
          continue;
        }
        anyValue = true;
        if (ints && !isInteger(s)) ints = false;
        if (doubles) {
          try {
            parseDouble(s);
          } catch (NumberFormatException e) {
            doubles = false;
          }
        }
        if (bools && parseBooleanOrNull(s) == null) bools = false;
      }
      if (!anyValue) return ColumnType.DOUBLE;
      if (ints && !anyEmpty) return ColumnType.LONG;
      if (bools && !anyEmpty) return ColumnType.BOOLEAN;
      if (doubles) return ColumnType.DOUBLE;
      return ColumnType.STRING;
    }

    private static boolean isInteger(String s) {
      int i = s.charAt(0) == '-' || s.charAt(0) == '+' ? 1 : 0;
      if (i == s.length() || s.length() > 19) return false;
      for (; i < s.length(); i++) {
        char c = s.charAt(i);
        if (c < '0' || c > '9') return false;
      }
      try {
        Long.parseLong(s);
        return true;
      } catch (NumberFormatException e) {
        return false;
      }
    }
  }

  /** A float cell: NaN for an empty cell and the usual spellings of NaN and infinity. */
  static double parseDouble(String s) {
    if (s.isEmpty()) return Double.NaN;
    char c0 = s.charAt(0);
    if ((c0 >= '0' && c0 <= '9') || c0 == '.') return Double.parseDouble(s);
    switch (s.toLowerCase(java.util.Locale.ROOT)) {
      case "nan": case "-nan": case "na": case "n/a": case "null": return Double.NaN;
      case "inf": case "+inf": case "infinity": case "+infinity": return Double.POSITIVE_INFINITY;
      case "-inf": case "-infinity": return Double.NEGATIVE_INFINITY;
      default:
        if (c0 != '-' && c0 != '+') throw new NumberFormatException(s);
        return Double.parseDouble(s);
    }
  }

  private static Boolean parseBooleanOrNull(String s) {
    switch (s) {
      case "True": case "true": case "TRUE": return Boolean.TRUE;
      case "False": case "false": case "FALSE": return Boolean.FALSE;
      default: return null;
    }
  }

  /** 1 true, 0 false, Byte.MIN_VALUE missing. */
  private static long parseBoolean(String s) {
    if (s.isEmpty()) return Byte.MIN_VALUE;
    Boolean b = parseBooleanOrNull(s);
    if (b == null) throw new NumberFormatException(s);
    return b ? 1 : 0;
  }

  private static Object allocate(ColumnType t, int cap) {
    if (t == ColumnType.DOUBLE) return new double[cap];
    if (t == ColumnType.FLOAT) return new float[cap];
    if (t == ColumnType.INTEGER) return new int[cap];
    if (t == ColumnType.LONG) return new long[cap];
    if (t == ColumnType.BOOLEAN) return new byte[cap];
    return new String[cap];
  }

  private static int capacity(Object a) {
    return java.lang.reflect.Array.getLength(a);
  }

  private static Object grow(Object a) {
    int cap = capacity(a) * 2;
    if (a instanceof double[] d) return Arrays.copyOf(d, cap);
    if (a instanceof float[] f) return Arrays.copyOf(f, cap);
    if (a instanceof int[] i) return Arrays.copyOf(i, cap);
    if (a instanceof long[] l) return Arrays.copyOf(l, cap);
    if (a instanceof byte[] b) return Arrays.copyOf(b, cap);
    return Arrays.copyOf((String[]) a, cap);
  }

  private static Column<?> column(String name, ColumnType t, Object a, int n) {
    if (t == ColumnType.DOUBLE) return DoubleColumn.create(name, Arrays.copyOf((double[]) a, n));
    if (t == ColumnType.FLOAT) return FloatColumn.create(name, Arrays.copyOf((float[]) a, n));
    if (t == ColumnType.INTEGER) return IntColumn.create(name, Arrays.copyOf((int[]) a, n));
    if (t == ColumnType.LONG) return LongColumn.create(name, Arrays.copyOf((long[]) a, n));
    if (t == ColumnType.BOOLEAN) {
      byte[] b = (byte[]) a;
      BooleanColumn col = BooleanColumn.create(name);
      for (int i = 0; i < n; i++) {
        if (b[i] == Byte.MIN_VALUE) col.appendMissing();
        else col.append(b[i] == 1);
      }
      return col;
    }
    return StringColumn.create(name, Arrays.copyOf((String[]) a, n));
  }
}
