package dev.sweep.io.csv;

import dev.sweep.io.internal.AtomicFiles;
import dev.sweep.io.internal.FileLocks;
import dev.sweep.data.DType;
import dev.sweep.data.Dataset;
import dev.sweep.data.Variable;
import dev.sweep.store.IncompatibleStoreException;
import dev.sweep.store.LockTimeoutException;
import dev.sweep.store.LockWait;
import dev.sweep.store.RecordStore;
import dev.sweep.store.Records;
import dev.sweep.store.StoreFormatException;
import dev.sweep.store.StoreProvider;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.nd4j.linalg.factory.Nd4j;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.FloatColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * A CSV file of typed columns that grows by appends and survives a crash in the middle of one: the
 * {@link RecordStore} of 0-D records (a row is a record, a column a variable) behind a sampler,
 * registered as the storage provider {@code csv} for {@code .csv} files.
 *
 * <pre>{@code
 * try (RecordStore csv = Stores.records(Path.of("trig.csv"))) {   // or CsvStore.open(path)
 *   csv.append(samples);            // a dataset of 1-D variables over one dimension: one write, then fsync
 *   Dataset all = csv.read();       // every complete row, columns in file order
 * }
 * Table t = CsvStore.readTable(Path.of("trig.csv"));   // the same as a Tablesaw table
 * }</pre>
 *
 * <p><b>Format.</b> Plain CSV that pandas reads as it is: a header line, comma separated, {@code \n}
 * line ends, UTF-8. Floats are written as the shortest text that reads back exactly ({@code 0.1},
 * {@code 1.0E-5}, {@code NaN}, {@code Infinity}, {@code -0.0}), integers in decimal, booleans as
 * {@code True}/{@code False}, strings bare unless they hold a comma, quote or line break (then quoted,
 * quotes doubled); a missing string (null) is an empty cell, and so is the empty string, which reads
 * back as missing. A UTF-8 byte order mark at the start is skipped.
 *
 * <p><b>Types.</b> Text alone cannot say that {@code 1.0} is a float or that {@code 001} is a string,
 * so the column types live in a sidecar next to the file, {@code <file>.dtypes.json}, a JSON object of
 * NumPy type names ({@code int32, int64, float32, float64, bool, str}) that pandas accepts as is:
 * {@code pd.read_csv(f, dtype=json.load(open(f + ".dtypes.json")))}. Reading forces these types; a file
 * without a sidecar gets its types inferred strictly from the text (whole numbers int64, other numbers
 * and NaN float64, {@code True}/{@code False} bool, anything else str), with a warning. An int or bool
 * column with an empty cell (which only another writer can leave) reads as float64 with NaN there, the
 * way a dataset holds a missing integer; {@link #readTable} keeps such cells missing in their own type.
 *
 * <p><b>Crashes and failures.</b> Every row ends with a newline and each append is a single write of
 * whole rows followed by an fsync, so an interrupted append leaves the complete rows before it plus at
 * most a torn tail: text after the last complete row (the last newline outside quotes). Opening in
 * {@link Mode#APPEND} drops such a tail with a warning and cuts it off the file, so the next append
 * starts on a fresh line; {@link Mode#READ_ONLY} leaves it out without touching the file. Anything wrong
 * in a complete row (the wrong number of fields, a value that does not parse) is not crash damage: it
 * is a {@link StoreFormatException} naming the line. An append that fails (a full disk) cuts the file
 * back to what it held, so a retry, or the next session, sees exactly the rows of the appends that
 * returned.
 *
 * <p><b>Several writers.</b> Appends are coordinated across threads and processes by an exclusive
 * lock on {@code <file>.lock} next to the file. Under the lock an append re-checks the file's size and
 * reads the rows another process appended since, so the header is written exactly once and every
 * append lands after the last complete row. {@link Mode#READ_ONLY} takes no lock and writes nothing,
 * so it works on a read-only file system.
 *
 * <p>A store is thread-safe (its methods are serialized). Nothing here takes or returns null.
 */
public final class CsvStore implements RecordStore {
  private static final Logger LOG = LoggerFactory.getLogger(CsvStore.class);
  /** The record dimension until the first append names one (xarray's name for a table's index). */
  static final String DEFAULT_DIM = "index";

  private final Path path;
  private final Mode mode;
  private final FileLocks lock;
  private String recordDim = DEFAULT_DIM;
  private boolean appended; // the record dimension is fixed by the first append
  private boolean tornWarned;
  private boolean closed;

  // What this store knows of the file: its complete records, as last scanned or written.
  private List<String> header; // null until the file has a header
  private DType[] types; // null until known
  private boolean sidecarCurrent;
  private long records;
  private long end; // the byte offset just past the last complete record
  private long line; // the line number of the next record
  private Object fileKey; // the file's identity, to notice a replaced file
  /** Record index to {byte offset, line number} of that record, for reading a range without a full scan. */
  private final TreeMap<Long, long[]> checkpoints = new TreeMap<>();

  private CsvStore(Path path, Mode mode, LockWait lockWait) {
    this.path = path;
    this.mode = mode;
    this.lock = FileLocks.of(path, lockWait, "append to");
  }

  /**
   * Opens a file for appending ({@link Mode#APPEND}); a file that does not exist is created by the first
   * append.
   *
   * @param path the CSV file, which need not exist
   * @return the store
   * @throws StoreFormatException if the file (or its sidecar) is damaged other than at its torn tail
   * @throws UncheckedIOException if it cannot be read, or its torn tail cannot be cut off
   */
  public static CsvStore open(Path path) {
    return open(path, Mode.APPEND);
  }

  /**
   * Opens a file in the given mode: {@link Mode#APPEND} keeps its rows and cuts off a torn tail,
   * {@link Mode#TRUNCATE} empties it (and removes its sidecar), {@link Mode#READ_ONLY} reads it and never
   * changes it.
   *
   * @param path the CSV file; it must exist for {@link Mode#READ_ONLY}
   * @param mode how to open it
   * @return the store
   * @throws StoreFormatException if the file (or its sidecar) is damaged other than at its torn tail
   * @throws UncheckedIOException if it does not exist ({@link Mode#READ_ONLY}) or cannot be read or changed
   */
  public static CsvStore open(Path path, Mode mode) {
    return open(path, mode, LockWait.forever());
  }

  /**
   * Opens a file in the given mode, as {@link #open(Path, Mode)}, waiting for another process's lock
   * on it as {@code wait} allows.
   *
   * @param path the CSV file; it must exist for {@link Mode#READ_ONLY}
   * @param mode how to open it
   * @param wait how long an append (or the repair of a torn tail here) waits for another process's lock
   * @return the store
   * @throws StoreFormatException if the file (or its sidecar) is damaged other than at its torn tail
   * @throws UncheckedIOException if it does not exist ({@link Mode#READ_ONLY}) or cannot be read or
   *     changed, or the lock was not had in time (its cause a {@link LockTimeoutException})
   */
  public static CsvStore open(Path path, Mode mode, LockWait wait) {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(mode, "mode");
    Objects.requireNonNull(wait, "wait");
    CsvStore s = new CsvStore(path, mode, wait);
    synchronized (s) {
      switch (mode) {
        case READ_ONLY:
          if (!Files.exists(path)) {
            throw new UncheckedIOException("cannot read " + path, new NoSuchFileException(path.toString()));
          }
          s.rescan(false);
          break;
        case TRUNCATE:
          s.lock.run(() -> {
            s.truncateLocked();
            return null;
          });
          break;
        default:
          CsvReader.Scan scan = s.rescan(false);
          if (scan != null && scan.torn() != null) {
            s.lock.run(() -> {
              s.refreshLocked();
              return null;
            });
          }
      }
    }
    return s;
  }

  /**
   * Reads a file as a Tablesaw table with its stored types, leaving out (with a warning) a torn tail,
   * without changing the file. Empty cells of int and bool columns stay missing in their own type.
   *
   * @param path the CSV file
   * @return its complete rows; the table is named after the file, without {@code .csv}
   * @throws UncheckedIOException if the file does not exist or cannot be read
   * @throws StoreFormatException if the file is damaged other than at its torn tail, naming the line
   */
  public static Table readTable(Path path) {
    CsvStore s = open(path, Mode.READ_ONLY);
    CsvReader.Parsed p = s.parseAll();
    String f = path.getFileName().toString();
    Table t = Table.create(f.toLowerCase(Locale.ROOT).endsWith(".csv") ? f.substring(0, f.length() - 4) : f);
    for (int c = 0; c < p.names().size(); c++) t.addColumns(tableColumn(p, c));
    return t;
  }

  /**
   * {@return the dtypes sidecar of a CSV file: {@code <file>.dtypes.json} in the same directory}
   *
   * @param csv the CSV file, which need not exist
   */
  public static Path dtypesFile(Path csv) {
    return DtypesSidecar.of(Objects.requireNonNull(csv, "csv"));
  }

  @Override
  public Path path() {
    return path;
  }

  @Override
  public Mode mode() {
    return mode;
  }

  /**
   * {@inheritDoc} A CSV file does not record it: this is the dimension of the first append through this
   * store, else {@code "index"}.
   */
  @Override
  public synchronized String recordDim() {
    return recordDim;
  }

  @Override
  public synchronized long size() {
    return records;
  }

  /** {@return the column names in file order; empty while the file has no header} */
  public synchronized List<String> columns() {
    return header == null ? List.of() : header;
  }

  /**
   * {@return the column types in file order; empty while unknown (no header yet, or a header with
   * neither rows nor a sidecar)}
   */
  public synchronized List<DType> types() {
    return types == null ? List.of() : List.of(types);
  }

  /**
   * Checks that the file's header is exactly these columns in this order; passes while the file has
   * no header.
   *
   * @param expected the column names, in order
   * @throws IncompatibleStoreException naming the missing, extra and renamed columns, or the new order,
   *     with both column lists
   */
  public synchronized void requireColumns(List<String> expected) {
    if (header == null || header.equals(expected)) return;
    throw new IncompatibleStoreException(path, header.toString(), expected.toString(), path.getFileName()
        + " has the columns " + header + " but " + expected + " are expected: " + Records.describeDifference(header, expected));
  }

  @Override
  public synchronized Dataset read() {
    if (header == null && !Files.exists(path)) return Dataset.builder().build(); // nothing appended yet
    CsvReader.Parsed p = parseAll();
    return dataset(p);
  }

  @Override
  public synchronized Dataset read(long from, long to) {
    if (from < 0 || from > to || to > records) {
      throw new IndexOutOfBoundsException("records [" + from + ", " + to + ") of " + path + ": expected "
          + "0 <= from <= to <= " + records + ", the number of records held");
    }
    if (header == null) return Dataset.builder().build();
    try (FileChannel ch = CsvReader.openForReading(path)) {
      Map.Entry<Long, long[]> cp = checkpoints.floorEntry(from);
      CsvReader.Tokenizer tk = new CsvReader.Tokenizer(ch, cp.getValue()[0], cp.getValue()[1]);
      for (long r = cp.getKey(); r < from; r++) {
        if (tk.next(false) < 0) throw new StoreFormatException(path, "it ends before record " + from, null);
      }
      if (types == null) inferTypes(ch);
      CsvReader.Parsed p = CsvReader.parse(path, ch, header, types, tk.recordEnd, tk.line, Math.toIntExact(to - from));
      return dataset(p);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + path, e);
    }
  }

  @Override
  public synchronized long refresh() {
    if (!Files.exists(path)) {
      forget();
      return 0;
    }
    rescan(true);
    return records;
  }

  /**
   * {@inheritDoc}
   *
   * <p>The records' variables become the columns, in their order; each must be 1-D over the record
   * dimension (0-D records). The first append to a file writes its header and its dtypes sidecar.
   *
   * @throws IllegalArgumentException also if a variable is not 1-D over one dimension shared by all, or
   *     the record dimension has labels (a CSV file holds no index: make them a variable)
   */
  @Override
  public synchronized void append(Dataset records) {
    Objects.requireNonNull(records, "records");
    if (closed) throw new IllegalStateException("the CSV store of " + path + " is closed");
    if (mode == Mode.READ_ONLY) {
      throw new IllegalStateException("the CSV store of " + path + " was opened READ_ONLY; open it in APPEND mode"
          + " to append");
    }
    Batch batch = Batch.of(records, path);
    if (appended && !batch.dim.equals(recordDim)) {
      throw new IllegalArgumentException("the records are over '" + batch.dim + "' but the earlier appends to "
          + path.getFileName() + " were over '" + recordDim + "'; use one record dimension");
    }
    CsvWriter.ByteSink rows = new CsvWriter.ByteSink(64 + batch.n * 16 * Math.max(1, batch.names.size()));
    CsvWriter.rows(rows, batch.data, batch.types, batch.n);
    lock.run(() -> {
      refreshLocked(); // another process may have appended, or written the header, since
      check(batch);
      if (batch.n > 0) write(batch, rows);
      return null;
    });
    if (!appended) {
      recordDim = batch.dim;
      appended = true;
    }
  }

  /** Refuses records whose columns or types differ from the file's. */
  private void check(Batch b) {
    if (header == null) return;
    if (!header.equals(b.names)) {
      throw new IncompatibleStoreException(path, header.toString(), b.names.toString(), "cannot append to "
          + path.getFileName() + ": it has the columns " + header + " but the rows have " + b.names + ": "
          + Records.describeDifference(b.names, header));
    }
    if (types == null) return;
    for (int c = 0; c < types.length; c++) {
      if (types[c] != b.types[c]) {
        throw new IncompatibleStoreException(path, describe(header, types), describe(b.names, b.types),
            "cannot append to " + path.getFileName() + ": column '" + b.names.get(c) + "' is " + types[c].numpyName()
                + " there but " + b.types[c].numpyName() + " in the rows to append");
      }
    }
  }

  private static String describe(List<String> names, DType[] types) {
    Map<String, String> m = new LinkedHashMap<>();
    for (int c = 0; c < names.size(); c++) m.put(names.get(c), types[c].numpyName());
    return m.toString();
  }

  /** Writes the batch (after the header, for a new file) as one write at the end of the last record, then fsync. */
  private void write(Batch b, CsvWriter.ByteSink rows) {
    boolean create = header == null;
    CsvWriter.ByteSink out = rows;
    long headerBytes = 0;
    long headerLines = 0;
    if (create) {
      out = new CsvWriter.ByteSink(rows.length() + 64 * b.names.size());
      CsvWriter.header(out, b.names);
      headerBytes = out.length();
      headerLines = newlines(out);
      out.put(rows.array(), 0, rows.length());
    }
    if (create || !sidecarCurrent) DtypesSidecar.write(path, b.names, List.of(b.types));
    sidecarCurrent = true;
    boolean existed = Files.exists(path);
    long before = end;
    try (FileChannel ch = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
      try {
        ByteBuffer buf = ByteBuffer.wrap(out.array(), 0, out.length());
        long at = before;
        while (buf.hasRemaining()) at += ch.write(buf, at);
        ch.force(false);
      } catch (IOException e) {
        // A partial write (a full disk) leaves whole rows and a torn one: cut back to what the file held.
        try {
          ch.truncate(before);
          ch.force(false);
        } catch (IOException e2) {
          e.addSuppressed(e2);
          throw new UncheckedIOException("cannot append " + b.n + " records to " + path + ", nor cut it back to its "
              + records + " records; the next open in APPEND mode will", e);
        }
        throw new UncheckedIOException("cannot append " + b.n + " records to " + path + " (" + e.getMessage()
            + "); the file was cut back to its " + records + " records", e);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open " + path + " to append", e);
    }
    if (!existed) syncDirectory();
    if (create) {
      header = List.copyOf(b.names);
      line = 1 + headerLines;
      checkpoints.clear();
      checkpoints.put(0L, new long[] {before + headerBytes, line});
    }
    types = b.types.clone();
    end = before + out.length();
    line += newlines(rows);
    records += b.n;
    checkpoints.put(records, new long[] {end, line});
    fileKey = fileKey();
  }

  private static long newlines(CsvWriter.ByteSink s) {
    byte[] a = s.array();
    long n = 0;
    for (int i = 0, len = s.length(); i < len; i++) if (a[i] == '\n') n++;
    return n;
  }

  /** Makes a new file's directory entry durable. */
  private void syncDirectory() {
    Path dir = path.toAbsolutePath().getParent();
    if (dir != null) AtomicFiles.syncDirectory(dir);
  }

  @Override
  public synchronized void close() {
    closed = true;
  }

  // ---- the file's state ----

  private void forget() {
    header = null;
    types = null;
    sidecarCurrent = false;
    records = 0;
    end = 0;
    line = 1;
    fileKey = null;
    checkpoints.clear();
  }

  private Object fileKey() {
    try {
      return Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS).fileKey();
    } catch (IOException e) {
      return null;
    }
  }

  /**
   * Brings this store's view up to the file: scans only what was appended since if the file merely
   * grew, else the whole file. Returns the scan (null if there is no file); changes nothing on disk.
   */
  private CsvReader.Scan rescan(boolean incremental) {
    if (!Files.exists(path)) {
      forget();
      return null;
    }
    try (FileChannel ch = CsvReader.openForReading(path)) {
      long size = ch.size();
      Object key = fileKey();
      CsvReader.Scan scan;
      if (incremental && header != null && size >= end && Objects.equals(key, fileKey)) {
        if (size == end) return new CsvReader.Scan(header, records, end, line, size, null);
        scan = CsvReader.scanRecords(path, ch, header, records, end, line, size);
      } else {
        forget();
        scan = CsvReader.scan(path, ch);
        if (scan.header() != null) {
          header = scan.header();
          checkpoints.put(0L, new long[] {headerEnd(ch), 2});
        }
      }
      boolean grew = scan.records() != records || header == null || types == null;
      records = scan.records();
      end = scan.end();
      line = scan.line();
      fileKey = key;
      if (header != null) checkpoints.put(records, new long[] {end, line});
      if (grew && header != null && types == null) loadTypes(ch);
      if (scan.torn() != null && mode == Mode.READ_ONLY && !tornWarned) {
        LOG.warn("{}: left out {}", path, scan.torn());
        tornWarned = true;
      }
      return scan;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + path, e);
    }
  }

  /** The offset of the first record: just past the header line (and a byte order mark). */
  private long headerEnd(FileChannel ch) throws IOException {
    CsvReader.Tokenizer tk = new CsvReader.Tokenizer(ch, 0, 1);
    tk.skipBom();
    tk.next(false);
    return tk.recordEnd;
  }

  /** The types from the sidecar if it matches the header, else inferred from the rows (none: unknown). */
  private void loadTypes(FileChannel ch) throws IOException {
    Map<String, DType> side = DtypesSidecar.read(path);
    if (side != null && new ArrayList<>(side.keySet()).equals(header)) {
      types = side.values().toArray(new DType[0]);
      sidecarCurrent = true;
      return;
    }
    sidecarCurrent = false;
    if (side != null) {
      LOG.warn("{} names the columns {} but the header of {} is {}; inferring the column types from the text",
          DtypesSidecar.of(path).getFileName(), side.keySet(), path.getFileName(), header);
    }
    if (records > 0) inferTypes(ch);
  }

  private void inferTypes(FileChannel ch) throws IOException {
    long[] first = checkpoints.get(0L);
    CsvReader.Parsed p = CsvReader.parse(path, ch, header, null, first[0], first[1], Math.toIntExact(records));
    types = p.types();
  }

  /** Under the lock: re-reads what others appended, and cuts off a torn tail (no one else is writing). */
  private void refreshLocked() {
    CsvReader.Scan scan = rescan(true);
    if (scan == null || scan.torn() == null) return;
    LOG.warn("{}: dropped {}, left by an interrupted append; kept all {} complete rows", path, scan.torn(), records);
    try (FileChannel ch = FileChannel.open(path, StandardOpenOption.WRITE)) {
      ch.truncate(scan.end());
      ch.force(true);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot cut the torn last line off " + path, e);
    }
    if (header == null) forget();
    fileKey = fileKey();
  }

  private void truncateLocked() {
    try {
      if (Files.exists(path)) {
        try (FileChannel ch = FileChannel.open(path, StandardOpenOption.WRITE)) {
          ch.truncate(0);
          ch.force(true);
        }
      }
      Files.deleteIfExists(DtypesSidecar.of(path));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot empty " + path, e);
    }
    forget();
    fileKey = fileKey();
  }

  /** Reads every complete record as it is now, bringing this store's view up to date. */
  private CsvReader.Parsed parseAll() {
    if (!Files.exists(path)) {
      throw new UncheckedIOException("cannot read " + path, new NoSuchFileException(path.toString()));
    }
    rescan(true);
    if (header == null) return new CsvReader.Parsed(List.of(), new DType[0], new Object[0], new boolean[0][], 0);
    try (FileChannel ch = CsvReader.openForReading(path)) {
      long[] first = checkpoints.get(0L);
      CsvReader.Parsed p = CsvReader.parse(path, ch, header, types, first[0], first[1], Math.toIntExact(records));
      if (types == null && records > 0) types = p.types();
      return p;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + path, e);
    }
  }

  // ---- conversions ----

  /** The records of an append as column arrays. */
  private static final class Batch {
    final String dim;
    final List<String> names;
    final DType[] types;
    final Object[] data;
    final int n;

    private Batch(String dim, List<String> names, DType[] types, Object[] data, int n) {
      this.dim = dim;
      this.names = names;
      this.types = types;
      this.data = data;
      this.n = n;
    }

    static Batch of(Dataset ds, Path path) {
      if (ds.variables().isEmpty()) {
        throw new IllegalArgumentException("the records to append to " + path + " have no variables; expected one "
            + "1-D variable per column");
      }
      String dim = null;
      int n = -1;
      List<String> names = new ArrayList<>();
      List<DType> types = new ArrayList<>();
      List<Object> data = new ArrayList<>();
      for (Variable v : ds.variables().values()) {
        if (v.dims().size() != 1 || (dim != null && !dim.equals(v.dims().get(0)))) {
          throw new IllegalArgumentException("variable '" + v.name() + "' has the dimensions " + v.dims() + "; a CSV "
              + "file holds 0-D records: every variable must be 1-D over one record dimension"
              + (dim == null ? "" : " ('" + dim + "', as the variables before it)"));
        }
        if (v.type().isComplex()) {
          throw new IllegalArgumentException("column '" + v.name() + "' is " + v.type() + ", which " + path + " cannot "
              + "hold: a CSV cell holds one number, and pandas reads complex text such as (1+2j) back as strings. "
              + "Return the real and imaginary parts as two outputs (z.getReal(), z.getImaginary()), or harvest "
              + "into a NetCDF file, which holds complex values");
        }
        dim = v.dims().get(0);
        n = ds.sizes().get(dim);
        names.add(v.name());
        types.add(v.type());
        data.add(n == 0 ? CsvReader.allocate(v.type(), 0) : array(v));
      }
      if (ds.coords().containsKey(dim)) {
        throw new IllegalArgumentException("the record dimension '" + dim + "' has labels, which a CSV file cannot "
            + "hold apart from its columns; add them as a variable, or drop them");
      }
      return new Batch(dim, List.copyOf(names), types.toArray(new DType[0]), data.toArray(), n);
    }

    private static Object array(Variable v) {
      switch (v.type()) {
        case DOUBLE: return v.array().toDoubleVector();
        case FLOAT: return v.array().toFloatVector();
        case INT: return v.array().toIntVector();
        case LONG: return v.array().toLongVector();
        case BOOLEAN: {
          double[] d = v.toDoubleArray();
          boolean[] b = new boolean[d.length];
          for (int i = 0; i < d.length; i++) b[i] = d[i] != 0;
          return b;
        }
        default: return v.toStringArray();
      }
    }
  }

  /** The parsed records as a dataset over the record dimension; an empty string cell is a missing string. */
  private Dataset dataset(CsvReader.Parsed p) {
    if (p.names().isEmpty()) return Dataset.builder().build();
    Dataset.Builder b = Dataset.builder().dim(recordDim, p.n());
    List<String> dims = List.of(recordDim);
    int n = p.n();
    for (int c = 0; c < p.names().size(); c++) {
      String name = p.names().get(c);
      Object a = p.data()[c];
      boolean[] miss = p.missing()[c];
      if (n == 0) { // ND4J cannot make an empty array from an empty Java array
        b.variable(Variable.of(name, dims, dev.sweep.data.Column.allocate(p.types()[c], new long[] {0})));
        continue;
      }
      switch (p.types()[c]) {
        case DOUBLE: b.variable(name, dims, Nd4j.createFromArray(trim((double[]) a, n))); break;
        case FLOAT: b.variable(name, dims, Nd4j.createFromArray(trim((float[]) a, n))); break;
        case INT: {
          int[] v = (int[]) a;
          if (miss == null) b.variable(name, dims, Nd4j.createFromArray(Arrays.copyOf(v, n)));
          else {
            double[] d = new double[n];
            for (int i = 0; i < n; i++) d[i] = miss[i] ? Double.NaN : v[i];
            b.variable(name, dims, Nd4j.createFromArray(d));
          }
          break;
        }
        case LONG: {
          long[] v = (long[]) a;
          if (miss == null) b.variable(name, dims, Nd4j.createFromArray(Arrays.copyOf(v, n)));
          else {
            double[] d = new double[n];
            for (int i = 0; i < n; i++) d[i] = miss[i] ? Double.NaN : v[i];
            b.variable(name, dims, Nd4j.createFromArray(d));
          }
          break;
        }
        case BOOLEAN: {
          boolean[] v = (boolean[]) a;
          if (miss == null) b.variable(name, dims, Nd4j.createFromArray(Arrays.copyOf(v, n)));
          else {
            double[] d = new double[n];
            for (int i = 0; i < n; i++) d[i] = miss[i] ? Double.NaN : v[i] ? 1 : 0;
            b.variable(name, dims, Nd4j.createFromArray(d));
          }
          break;
        }
        default: {
          String[] s = Arrays.copyOf((String[]) a, n);
          for (int i = 0; i < n; i++) if (s[i].isEmpty()) s[i] = null;
          b.variable(name, dims, s);
        }
      }
    }
    return b.build();
  }

  private static double[] trim(double[] a, int n) {
    return a.length == n ? a : Arrays.copyOf(a, n);
  }

  private static float[] trim(float[] a, int n) {
    return a.length == n ? a : Arrays.copyOf(a, n);
  }

  private static Column<?> tableColumn(CsvReader.Parsed p, int c) {
    String name = p.names().get(c);
    int n = p.n();
    Object a = p.data()[c];
    boolean[] miss = p.missing()[c];
    switch (p.types()[c]) {
      case DOUBLE: return DoubleColumn.create(name, Arrays.copyOf((double[]) a, n));
      case FLOAT: return FloatColumn.create(name, Arrays.copyOf((float[]) a, n));
      case INT: {
        int[] v = Arrays.copyOf((int[]) a, n);
        if (miss != null) for (int i = 0; i < n; i++) if (miss[i]) v[i] = Integer.MIN_VALUE; // Tablesaw's missing int
        return IntColumn.create(name, v);
      }
      case LONG: {
        long[] v = Arrays.copyOf((long[]) a, n);
        if (miss != null) for (int i = 0; i < n; i++) if (miss[i]) v[i] = Long.MIN_VALUE; // Tablesaw's missing long
        return LongColumn.create(name, v);
      }
      case BOOLEAN: {
        boolean[] v = (boolean[]) a;
        BooleanColumn col = BooleanColumn.create(name);
        for (int i = 0; i < n; i++) {
          if (miss != null && miss[i]) col.appendMissing();
          else col.append(v[i]);
        }
        return col;
      }
      default: return StringColumn.create(name, Arrays.copyOf((String[]) a, n));
    }
  }

  @Override
  public String toString() {
    return "CsvStore[" + path + ", " + mode + ", columns " + columns() + ", " + size() + " records]";
  }

  /**
   * The {@code csv} storage provider: {@code .csv} files hold records ({@link CsvStore}). Registered in
   * {@code META-INF/services/dev.sweep.store.StoreProvider}.
   */
  public static final class Provider implements StoreProvider {
    /** Makes the provider; {@link java.util.ServiceLoader} calls this. */
    public Provider() {}

    @Override
    public String name() {
      return "csv";
    }

    @Override
    public String description() {
      return "CSV (.csv) with a .dtypes.json sidecar";
    }

    @Override
    public boolean accepts(Path path) {
      return path.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".csv");
    }

    @Override
    public boolean holdsRecords() {
      return true;
    }

    @Override
    public RecordStore openRecords(Path path, Mode mode) {
      return CsvStore.open(path, mode);
    }

    @Override
    public RecordStore openRecords(Path path, Mode mode, LockWait wait) {
      return CsvStore.open(path, mode, wait);
    }
  }
}
