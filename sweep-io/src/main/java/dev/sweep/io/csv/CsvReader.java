package dev.sweep.io.csv;

import dev.sweep.data.DType;
import dev.sweep.store.StoreFormatException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads a CSV written by {@link CsvWriter}: a scan that finds the records (and the torn tail an
 * interrupted append leaves), and a typed parse of a range of them, with the types forced from the
 * dtypes sidecar (or, without one, inferred strictly from the text), never guessed per cell.
 *
 * <p>A record is complete when its line ends: a newline outside quotes. Text after the last complete
 * record is the torn tail of an interrupted append (a crash cannot leave a newline-terminated partial
 * row, since each append is one write of whole rows) and is left out. Anything wrong in a complete
 * record (the wrong number of fields, a value that does not parse) is damage, and an error naming the
 * line.
 *
 * <p>Why not Tablesaw's own reader for the typed parse (univocity underneath), as its
 * {@code CsvReadOptions.columnTypes} would allow: in Tablesaw 0.44.4 it trims the spaces around every
 * unquoted value (a string {@code " a"} comes back {@code "a"}), with no option to stop it; it skips a
 * line starting with {@code #} as a comment unless told otherwise; it renames an empty header cell
 * {@code C0}; and it reads {@code 1.0} into an int column. pandas keeps all of these as written. The
 * parse below is strict and keeps every value, and it goes straight to primitive arrays for a dataset.
 */
final class CsvReader {
  private static final Logger LOG = LoggerFactory.getLogger(CsvReader.class);
  static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

  private CsvReader() {}

  /**
   * Where a scan stopped: the end of the last complete record.
   *
   * @param header the column names, or null if the file holds no complete header line
   * @param records the number of complete records after the header
   * @param end the byte offset just past the last complete record (or the header; 0 without one)
   * @param line the line number of the next record
   * @param size the file's size when scanned
   * @param torn a description of the torn tail left out, or null
   */
  record Scan(List<String> header, long records, long end, long line, long size, String torn) {}

  /** Scans a whole file. */
  static Scan scan(Path path, FileChannel ch) throws IOException {
    long size = ch.size();
    Tokenizer tk = new Tokenizer(ch, 0, 1);
    tk.skipBom();
    if (tk.next(true) < 0) {
      String torn = size == 0 ? null : "an incomplete header of " + size + " bytes without a newline";
      return new Scan(null, 0, 0, 1, size, torn);
    }
    List<String> header = List.of(tk.fields());
    checkHeader(path, header);
    return scanRecords(path, ch, header, 0, tk.recordEnd, tk.line, size);
  }

  /** Scans the records after a known point (a record boundary), checking that each has every field. */
  static Scan scanRecords(Path path, FileChannel ch, List<String> header, long records, long from, long line,
      long size) throws IOException {
    Tokenizer tk = new Tokenizer(ch, from, line);
    int k = header.size();
    long n = records;
    while (true) {
      long at = tk.line;
      int fields = tk.next(false);
      if (fields < 0) break;
      if (fields != k) throw fieldCount(path, at, fields, header);
      n++;
    }
    String torn = size > tk.recordEnd ? "a torn last line of " + (size - tk.recordEnd) + " bytes without a newline"
        : null;
    return new Scan(header, n, tk.recordEnd, tk.line, size, torn);
  }

  private static StoreFormatException fieldCount(Path path, long line, int fields, List<String> header) {
    return new StoreFormatException(path, "line " + line + ": it has " + fields + " fields; the header has "
        + header.size() + " " + header, null);
  }

  private static void checkHeader(Path path, List<String> header) {
    for (int i = 0; i < header.size(); i++) {
      if (header.indexOf(header.get(i)) != i) {
        throw new StoreFormatException(path, "names column '" + header.get(i) + "' twice in its header " + header,
            null);
      }
    }
  }

  /**
   * Parses n complete records starting at a record boundary.
   *
   * @param types the column types, or null to infer them from the text (with a warning)
   * @throws StoreFormatException naming the line of a record that has the wrong number of fields or a
   *     value that does not parse as its column's type
   */
  static Parsed parse(Path path, FileChannel ch, List<String> header, DType[] types, long from, long line, int n)
      throws IOException {
    Tokenizer tk = new Tokenizer(ch, from, line);
    int k = header.size();
    Columns cols = new Columns(path, header, types, n);
    for (int i = 0; i < n; i++) {
      long at = tk.line;
      int fields = tk.next(true);
      if (fields < 0) {
        throw new StoreFormatException(path, "line " + at + ": the file ends before its record " + i
            + " of " + n + "; did another process cut it?", null);
      }
      if (fields != k) throw fieldCount(path, at, fields, header);
      cols.add(tk.fields(), at);
    }
    return cols.finish();
  }

  /**
   * Typed columns of parsed records.
   *
   * @param names the column names
   * @param types the column types
   * @param data per column: double[], float[], int[], long[], boolean[] or String[] (never null: an empty
   *     cell is the empty string)
   * @param missing per column, which cells were empty for int, long and bool columns; null where none was
   * @param n the number of records
   */
  record Parsed(List<String> names, DType[] types, Object[] data, boolean[][] missing, int n) {}

  /**
   * Splits bytes into records of fields; a record ends at a newline outside quotes. Reads from a file
   * channel at a given offset, without moving the channel's own position.
   */
  static final class Tokenizer {
    private final InputStream in;
    private final byte[] buf = new byte[1 << 16];
    private int pos;
    private int lim;
    private long consumed; // the offset of buf[0]
    private byte[] field = new byte[256];
    private int flen;
    private int bareCrEnd = -1; // flen just after a CR kept outside quotes
    private String[] fields = new String[16];
    private int nfields;
    /** The byte offset just past the last complete record. */
    long recordEnd;
    /** The 1-based line number of the next record's first line. */
    long line;

    Tokenizer(FileChannel ch, long offset, long line) {
      this.in = Channels.newInputStream(new PositionedChannel(ch, offset));
      this.consumed = offset;
      this.recordEnd = offset;
      this.line = line;
    }

    /** Skips a UTF-8 byte order mark at the start of the file (some editors and Excel write one). */
    void skipBom() throws IOException {
      fill();
      if (lim - pos >= 3 && buf[pos] == BOM[0] && buf[pos + 1] == BOM[1] && buf[pos + 2] == BOM[2]) {
        pos += 3;
        recordEnd = consumed + pos;
      }
    }

    private boolean fill() throws IOException {
      if (pos < lim) return true;
      consumed += lim;
      pos = 0;
      lim = 0;
      while (lim == 0) {
        int r = in.read(buf, 0, buf.length);
        if (r < 0) return false;
        lim = r;
      }
      return true;
    }

    private int read() throws IOException {
      if (pos == lim && !fill()) return -1;
      return buf[pos++] & 0xff;
    }

    private void keep(int b) {
      if (flen == field.length) field = Arrays.copyOf(field, flen * 2);
      field[flen++] = (byte) b;
    }

    private void take(boolean keep) {
      if (keep) {
        if (nfields == fields.length) fields = Arrays.copyOf(fields, nfields * 2);
        fields[nfields] = new String(field, 0, flen, StandardCharsets.UTF_8);
      }
      nfields++;
      flen = 0;
      bareCrEnd = -1;
    }

    /** {@return the fields of the record just read (a copy)} */
    String[] fields() {
      return Arrays.copyOf(fields, nfields);
    }

    /**
     * Reads the next complete record.
     *
     * @param keep whether to keep the fields' text for {@link #fields()}, or only count them
     * @return its number of fields, or -1 at the end of the file (complete or not)
     */
    int next(boolean keep) throws IOException {
      nfields = 0;
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
            b = c; // go on with the character after the closing quote
          } else {
            if (b == '\n') lines++;
            keep(b);
            continue;
          }
        }
        if (b == ',') {
          take(keep);
          wasQuoted = false;
        } else if (b == '\n') {
          if (bareCrEnd == flen) flen--; // a CRLF line end
          take(keep);
          recordEnd = consumed + pos;
          line += lines + 1;
          return nfields;
        } else if (b == '"' && flen == 0 && !wasQuoted) {
          quoted = true;
          wasQuoted = true;
        } else {
          keep(b);
          if (b == '\r') bareCrEnd = flen;
        }
      }
      return -1;
    }
  }

  /** A read-only channel view of a file from an offset on, so readers never share a position. */
  private static final class PositionedChannel implements java.nio.channels.ReadableByteChannel {
    private final FileChannel ch;
    private long position;

    PositionedChannel(FileChannel ch, long position) {
      this.ch = ch;
      this.position = position;
    }

    @Override
    public int read(java.nio.ByteBuffer dst) throws IOException {
      int r = ch.read(dst, position);
      if (r > 0) position += r;
      return r;
    }

    @Override
    public boolean isOpen() {
      return ch.isOpen();
    }

    @Override
    public void close() {
      // the channel belongs to the caller
    }
  }

  /** Column builders, typed when the types are known, else text kept for inference. */
  private static final class Columns {
    private final Path path;
    private final List<String> names;
    private DType[] types;
    private final int k;
    private final int cap;
    private int n;
    private final Object[] data;
    private final boolean[][] missing;
    private final String[][] text;

    Columns(Path path, List<String> names, DType[] types, int cap) {
      this.path = path;
      this.names = names;
      this.types = types;
      this.k = names.size();
      this.cap = cap;
      this.data = new Object[k];
      this.missing = new boolean[k][];
      if (types == null) {
        text = new String[k][cap];
      } else {
        text = null;
        for (int c = 0; c < k; c++) data[c] = allocate(types[c], cap);
      }
    }

    void add(String[] rec, long line) {
      if (types == null) {
        for (int c = 0; c < k; c++) text[c][n] = rec[c];
      } else {
        for (int c = 0; c < k; c++) {
          if (!put(c, n, rec[c])) {
            throw new StoreFormatException(path, "line " + line + ": column '" + names.get(c) + "' is "
                + types[c].numpyName() + " but holds \"" + rec[c] + "\"", null);
          }
        }
      }
      n++;
    }

    /** Parses a cell into row i of column c; false if it does not parse. */
    private boolean put(int c, int i, String cell) {
      try {
        switch (types[c]) {
          case DOUBLE: ((double[]) data[c])[i] = parseDouble(cell); return true;
          case FLOAT: ((float[]) data[c])[i] = (float) parseDouble(cell); return true;
          case INT:
            if (cell.isEmpty()) markMissing(c, i);
            else ((int[]) data[c])[i] = Integer.parseInt(cell);
            return true;
          case LONG:
            if (cell.isEmpty()) markMissing(c, i);
            else ((long[]) data[c])[i] = Long.parseLong(cell);
            return true;
          case BOOLEAN: {
            if (cell.isEmpty()) {
              markMissing(c, i);
              return true;
            }
            Boolean b = parseBoolean(cell);
            if (b == null) return false;
            ((boolean[]) data[c])[i] = b;
            return true;
          }
          default: ((String[]) data[c])[i] = cell; return true;
        }
      } catch (NumberFormatException e) {
        return false;
      }
    }

    private void markMissing(int c, int i) {
      if (missing[c] == null) missing[c] = new boolean[cap];
      missing[c][i] = true;
    }

    Parsed finish() {
      if (types == null) infer();
      return new Parsed(names, types, data, missing, n);
    }

    /** Decides each column's type from its text, as strictly as the writer writes it, then parses. */
    private void infer() {
      DType[] ts = new DType[k];
      Map<String, String> shown = new LinkedHashMap<>();
      for (int c = 0; c < k; c++) {
        ts[c] = inferType(text[c], n);
        shown.put(names.get(c), ts[c].numpyName());
      }
      LOG.warn("{} has no {}; the column types were inferred from the text: {}", path.getFileName(),
          DtypesSidecar.of(path).getFileName(), shown);
      types = ts;
      for (int c = 0; c < k; c++) {
        data[c] = allocate(types[c], cap);
        for (int i = 0; i < n; i++) put(c, i, text[c][i]);
      }
    }

    private static DType inferType(String[] cells, int n) {
      boolean ints = true;
      boolean doubles = true;
      boolean bools = true;
      boolean anyEmpty = false;
      boolean anyValue = false;
      for (int i = 0; i < n; i++) {
        String s = cells[i];
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
        if (bools && parseBoolean(s) == null) bools = false;
      }
      if (!anyValue) return DType.DOUBLE;
      if (ints && !anyEmpty) return DType.LONG;
      if (bools && !anyEmpty) return DType.BOOLEAN;
      if (doubles) return DType.DOUBLE;
      return DType.STRING;
    }

    private static boolean isInteger(String s) {
      int i = s.charAt(0) == '-' || s.charAt(0) == '+' ? 1 : 0;
      if (i == s.length() || s.length() > 20) return false;
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
    switch (s.toLowerCase(Locale.ROOT)) {
      case "nan": case "-nan": case "na": case "n/a": case "null": return Double.NaN;
      case "inf": case "+inf": case "infinity": case "+infinity": return Double.POSITIVE_INFINITY;
      case "-inf": case "-infinity": return Double.NEGATIVE_INFINITY;
      default:
        if (c0 != '-' && c0 != '+') throw new NumberFormatException(s);
        return Double.parseDouble(s);
    }
  }

  private static Boolean parseBoolean(String s) {
    switch (s) {
      case "True": case "true": case "TRUE": return Boolean.TRUE;
      case "False": case "false": case "FALSE": return Boolean.FALSE;
      default: return null;
    }
  }

  static Object allocate(DType t, int cap) {
    switch (t) {
      case DOUBLE: return new double[cap];
      case FLOAT: return new float[cap];
      case INT: return new int[cap];
      case LONG: return new long[cap];
      case BOOLEAN: return new boolean[cap];
      default: return new String[cap];
    }
  }

  /** Opens a file for reading only. */
  static FileChannel openForReading(Path path) throws IOException {
    return FileChannel.open(path, StandardOpenOption.READ);
  }
}
