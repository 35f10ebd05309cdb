package dev.sweep.io.csv;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tech.tablesaw.api.ColumnType;
import tech.tablesaw.api.Table;

/**
 * A CSV file of typed columns that grows by appends and survives a crash in the middle of one: the
 * store behind a {@code Sampler}.
 *
 * <pre>{@code
 * CsvFile csv = CsvFile.open(Path.of("trig.csv"));   // loads what is there, repairs a torn tail
 * Table before = csv.table();
 * csv.append(newRows);                               // one write, then fsync
 * Table all = CsvFile.read(Path.of("trig.csv"));     // read-only, with the stored types
 * }</pre>
 *
 * <p><b>Format.</b> Plain CSV that pandas reads as it is: a header line, comma separated, {@code \n}
 * line ends, UTF-8. Floats are written by {@link Double#toString} (exact round trip; {@code NaN},
 * {@code Infinity}), integers in decimal, booleans as {@code True}/{@code False}, strings bare unless
 * they hold a comma, quote or line break (then quoted, quotes doubled); a missing value is an empty
 * cell (Tablesaw's missing string is the empty string, so an empty string is missing too).
 *
 * <p><b>Types.</b> Text alone cannot say that {@code 1.0} is a float or that {@code 001} is a string,
 * so the column types live in a sidecar next to the file, {@code <file>.dtypes.json}, a JSON object of
 * NumPy type names ({@code int32, int64, float32, float64, bool, str}) that pandas accepts as is:
 * {@code pd.read_csv(f, dtype=json.load(open(f + ".dtypes.json")))}. Reading forces these types; a file
 * without a sidecar gets its types inferred strictly from the text (whole numbers int64, other numbers
 * and NaN float64, {@code True}/{@code False} bool, anything else str), with a warning.
 *
 * <p><b>Crashes.</b> Every row ends with a newline and each append is a single write followed by an
 * fsync, so an interrupted append leaves the complete rows before it plus at most a torn last line.
 * {@link #open} drops such a line (text after the last newline, or a last line with the wrong number
 * of fields or an unparsable value), logs a warning and truncates the file to its last complete row;
 * {@link #read} leaves it out without touching the file. The same defects anywhere before the last line
 * are not crash damage and are errors naming the line.
 *
 * <p>One writer at a time: appends from one instance are serialized; two processes appending to the
 * same file at once are not coordinated. Nothing here returns null.
 */
public final class CsvFile {
  private static final Logger LOG = LoggerFactory.getLogger(CsvFile.class);

  private final Path path;
  private final Table loaded;
  private List<String> names; // null until the file has a header
  private List<ColumnType> types; // null until known
  private boolean sidecarCurrent;

  private CsvFile(Path path, Table loaded, List<String> names, List<ColumnType> types, boolean sidecarCurrent) {
    this.path = path;
    this.loaded = loaded;
    this.names = names;
    this.types = types;
    this.sidecarCurrent = sidecarCurrent;
  }

  /**
   * Opens a file for appending, reading the rows it holds with their stored types. A file that does
   * not exist is created by the first {@link #append}. A torn last line left by an interrupted append
   * is dropped with a warning and cut off the file, so that the next append starts on a fresh line.
   *
   * @param path the CSV file, which need not exist
   * @return the open file, holding the rows read
   * @throws IllegalStateException if the file is damaged other than at its end, naming the line
   * @throws UncheckedIOException if it cannot be read or repaired
   */
  public static CsvFile open(Path path) {
    Objects.requireNonNull(path, "path");
    CsvReader.Result r = load(path);
    if (r.dropped() != null) {
      LOG.warn("{}: dropped {}, left by an interrupted append; kept all {} complete rows", path, r.dropped(),
          r.table().rowCount());
      try (FileChannel ch = FileChannel.open(path, StandardOpenOption.WRITE)) {
        ch.truncate(r.validEnd());
        ch.force(true);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot cut the torn last line off " + path, e);
      }
    }
    boolean current = false;
    if (r.names() != null && r.types() != null) {
      Map<String, ColumnType> side = Dtypes.read(path);
      current = side != null && new ArrayList<>(side.keySet()).equals(r.names())
          && new ArrayList<>(side.values()).equals(r.types());
    }
    return new CsvFile(path, r.table(), r.names(), r.types(), current);
  }

  /**
   * Reads a file with its stored types, leaving out (with a warning) a torn last line, without
   * changing the file.
   *
   * @param path the CSV file
   * @return its complete rows, with the stored (or, without a sidecar, inferred) column types
   * @throws UncheckedIOException if the file does not exist or cannot be read
   * @throws IllegalStateException if the file is damaged other than at its end, naming the line
   */
  public static Table read(Path path) {
    Objects.requireNonNull(path, "path");
    if (!Files.exists(path)) {
      throw new UncheckedIOException("cannot read " + path, new NoSuchFileException(path.toString()));
    }
    CsvReader.Result r = load(path);
    if (r.dropped() != null) LOG.warn("{}: left out {}", path, r.dropped());
    return r.table();
  }

  /**
   * {@return the dtypes sidecar of a CSV file: {@code <file>.dtypes.json} in the same directory}
   *
   * @param csv the CSV file, which need not exist
   */
  public static Path dtypesFile(Path csv) {
    return Dtypes.of(csv);
  }

  private static CsvReader.Result load(Path path) {
    try {
      return CsvReader.read(path, tableName(path));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + path, e);
    }
  }

  private static String tableName(Path path) {
    String f = path.getFileName().toString();
    return f.endsWith(".csv") ? f.substring(0, f.length() - 4) : f;
  }

  /** {@return the CSV file, as given to {@link #open}} */
  public Path path() {
    return path;
  }

  /** {@return the column names in file order; empty while the file has no header} */
  public synchronized List<String> columns() {
    return names == null ? List.of() : names;
  }

  /**
   * {@return the column types in file order, as Tablesaw types; empty while unknown (no header yet, or
   * a header with neither rows nor a sidecar)}
   */
  public synchronized List<ColumnType> types() {
    return types == null ? List.of() : types;
  }

  /**
   * {@return the rows the file held when opened, with the stored types} Appends do not add to it; it
   * is the same table on every call, not a copy.
   */
  public Table table() {
    return loaded;
  }

  /**
   * Checks that the file's header is exactly these columns in this order; passes while the file has
   * no header.
   *
   * @param expected the column names, in order
   * @throws IllegalArgumentException naming the missing, extra and renamed columns, or the new order
   */
  public synchronized void requireColumns(List<String> expected) {
    if (names == null || names.equals(expected)) return;
    throw new IllegalArgumentException(path.getFileName() + " has the columns " + names + " but " + expected
        + " are expected: " + describeDifference(names, expected));
  }

  /**
   * Appends the rows as one write followed by an fsync; the cost is proportional to the rows appended.
   * The first append to a new or empty file writes the header and the dtypes sidecar.
   *
   * @param rows the rows, with the file's columns in the file's order
   * @throws IllegalArgumentException if the table's columns differ from the file's (naming the
   *     differences), a column's type differs from the stored one, or a column is of a type a CSV file
   *     here cannot hold (only INTEGER, LONG, FLOAT, DOUBLE, BOOLEAN and STRING)
   * @throws UncheckedIOException if the write fails
   */
  public synchronized void append(Table rows) {
    Objects.requireNonNull(rows, "rows");
    List<String> tn = rows.columnNames();
    List<ColumnType> tt = rows.types();
    for (int c = 0; c < tt.size(); c++) {
      if (Dtypes.numpyName(tt.get(c)) == null) {
        throw new IllegalArgumentException("column '" + tn.get(c) + "' is " + tt.get(c) + "; a CSV file here holds "
            + "INTEGER (int32), LONG (int64), FLOAT (float32), DOUBLE (float64), BOOLEAN (bool) and STRING (str)"
            + " columns");
      }
    }
    boolean create = names == null;
    if (!create) {
      if (!names.equals(tn)) {
        throw new IllegalArgumentException("cannot append to " + path.getFileName() + ": it has the columns "
            + names + " but the rows have " + tn + ": " + describeDifference(tn, names));
      }
      if (types != null) {
        for (int c = 0; c < tt.size(); c++) {
          if (!types.get(c).equals(tt.get(c))) {
            throw new IllegalArgumentException("cannot append to " + path.getFileName() + ": column '" + tn.get(c)
                + "' is " + Dtypes.numpyName(types.get(c)) + " there but " + Dtypes.numpyName(tt.get(c))
                + " in the rows to append");
          }
        }
      }
      if (rows.rowCount() == 0) return;
    }
    CsvWriter.ByteSink out = new CsvWriter.ByteSink(64 + rows.rowCount() * 16 * Math.max(1, tn.size()));
    if (create) CsvWriter.header(out, tn);
    CsvWriter.rows(out, rows);
    if (!sidecarCurrent) Dtypes.write(path, tn, tt);
    sidecarCurrent = true;
    boolean existed = Files.exists(path);
    try (FileChannel ch = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
        StandardOpenOption.APPEND)) {
      ByteBuffer b = ByteBuffer.wrap(out.array(), 0, out.length());
      while (b.hasRemaining()) ch.write(b);
      ch.force(false);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot append " + rows.rowCount() + " rows to " + path, e);
    }
    if (!existed) syncDirectory();
    names = List.copyOf(tn);
    types = List.copyOf(tt);
  }

  /** Makes a new file's directory entry durable; best effort (not every platform can). */
  private void syncDirectory() {
    Path dir = path.toAbsolutePath().getParent();
    if (dir == null) return;
    try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
      ch.force(true);
    } catch (IOException | RuntimeException e) {
      LOG.debug("cannot fsync directory {}: {}", dir, e.toString());
    }
  }

  /** What differs between two column lists, in words: missing, extra, renamed, or reordered columns. */
  static String describeDifference(List<String> actual, List<String> expected) {
    List<String> missing = new ArrayList<>(expected);
    missing.removeAll(actual);
    List<String> extra = new ArrayList<>(actual);
    extra.removeAll(expected);
    if (missing.isEmpty() && extra.isEmpty()) {
      return actual.size() == expected.size() ? "the same columns in another order"
          : "a column is repeated";
    }
    Map<String, String> renamed = new LinkedHashMap<>();
    if (actual.size() == expected.size()) {
      for (int i = 0; i < actual.size(); i++) {
        String a = actual.get(i);
        String e = expected.get(i);
        if (extra.contains(a) && missing.contains(e)) renamed.put(a, e);
      }
    }
    List<String> parts = new ArrayList<>();
    for (Map.Entry<String, String> r : renamed.entrySet()) {
      parts.add("'" + r.getKey() + "' stands where '" + r.getValue() + "' is expected (renamed?)");
    }
    missing.removeAll(renamed.values());
    extra.removeAll(renamed.keySet());
    if (!missing.isEmpty()) parts.add("missing " + missing);
    if (!extra.isEmpty()) parts.add("extra " + extra);
    return String.join("; ", parts);
  }

  @Override
  public String toString() {
    return "CsvFile[" + path + ", columns " + columns() + "]";
  }
}
