package dev.sweep.io.netcdf;

import dev.sweep.data.Dataset;
import dev.sweep.data.Variable;
import dev.sweep.data.Column;
import dev.sweep.io.internal.FileLocks;
import dev.sweep.store.LockWait;
import dev.sweep.store.RecordStore;
import dev.sweep.store.StoreFormatException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A NetCDF-3 record file: the {@link RecordStore} of N-dimensional records behind a simulation's
 * trajectory, registered with the storage provider {@code netcdf} for {@code .nc} and {@code .cdf}
 * files. The record dimension is NetCDF's unlimited dimension; each variable of the records is a
 * NetCDF variable over it first, and the variable named after it (a trajectory's {@code time}) is its
 * coordinate, so xarray opens the file as a time series.
 *
 * <pre>{@code
 * try (RecordStore nc = Stores.records(Path.of("traj.nc"))) {     // or NetcdfRecordStore.open(path, mode)
 *   nc.append(chunk);        // time (time), u (time, x, y): one positioned write, fsync, then the count
 *   Dataset all = nc.read(); // every complete record
 * }
 * }</pre>
 *
 * <p><b>Format.</b> NetCDF-3 64-bit offset, as {@link Netcdf#write} writes it (the same types,
 * attributes and names). The first append writes the header: the dimensions, the labels of the
 * dimensions other than the record dimension, each variable with its attributes, and the records'
 * dataset attributes as global attributes. Later appends must bring the same variables, types, inner
 * shapes and labels. An append whose attributes differ rewrites the file with the new header (a
 * copy, atomically replacing the file); every other append only adds bytes at the end.
 *
 * <p><b>Crashes.</b> NetCDF-3 keeps records interleaved at the end of the file, so the records of one
 * append are one contiguous range of bytes: an append writes them with one positioned write, fsyncs,
 * and only then writes the new record count into the header. A process killed at any moment leaves a
 * file whose header counts only records that are wholly written; the bytes of an append it did not
 * finish lie beyond them. The count reaches the disk with the next append's fsync, or at
 * {@link #close()}: so the header on disk never counts a record that is not on disk, even after a power
 * failure, which may at worst lose the last append (one fsync per append instead of two, which would
 * halve the speed of chunked writing). Opening in {@link Mode#APPEND} cuts them off with a
 * warning, so the next append continues after the last complete record; {@link Mode#READ_ONLY}
 * leaves them out without touching the file. A file whose header counts more records than it holds
 * (a copy cut short) is read up to its last complete record, with a warning, and repaired in
 * {@code APPEND} mode. An append that fails (a full disk) cuts the file back to what it held.
 *
 * <p><b>Several writers and readers.</b> Appends are serialised across threads and processes by an
 * exclusive lock on {@code <file>.lock}; under it an append re-reads the record count, so it lands
 * after every record another process appended. A reader needs no lock: {@link #refresh} re-reads the
 * count, which a writer updates only after the records are on disk.
 *
 * <p>Records hold numbers and booleans (NetCDF-3 has no int64: an int64 variable is stored as int32
 * with {@code dtype = "int64"} and a value outside int32 is refused). A store is thread-safe (its
 * methods are serialised). Nothing here takes or returns null.
 */
public final class NetcdfRecordStore implements RecordStore {
  private static final Logger LOG = LoggerFactory.getLogger(NetcdfRecordStore.class);
  /** The record dimension until the file or the first append names one (the port's default). */
  static final String DEFAULT_DIM = "index";
  /** About how many bytes one read of whole records covers. */
  private static final long READ_SLAB = 8L << 20;

  /**
   * When appended records are fsynced. Either way a killed writer loses nothing it appended (the
   * kernel holds the written pages) and the header's count is written after the records it counts;
   * they differ only after a power failure or a kernel crash.
   */
  public enum Sync {
    /**
     * Each append fsyncs its records before it returns. The header's count of them reaches the disk
     * with the next append or at close, so the count on disk never runs ahead of the records, even
     * after a power failure: at the cost of one fsync per chunk (on the disks measured, about 0.4 of
     * the disk's rate for 3 MB chunks).
     */
    EACH_APPEND,
    /**
     * Appends only write (into the page cache), and {@link #close()} fsyncs once, as netCDF-C, HDF5
     * and the Python storages do (the default). A power failure before close may leave the count
     * ahead of records that never reached the disk.
     */
    ON_CLOSE
  }

  private final Path path;
  private final Mode mode;
  private final Sync sync;
  private final FileLocks lock;
  private boolean closed;
  private boolean tornWarned;

  // What this store knows of the file, as last read or written.
  private RecordLayout layout; // null while there is no file
  private long records;
  private Object fileKey;
  private ByteBuffer buffer; // reused between appends and reads
  private boolean countPending; // the header's count was written but not yet fsynced

  private NetcdfRecordStore(Path path, Mode mode, Sync sync, LockWait wait) {
    this.path = path;
    this.mode = mode;
    this.sync = sync;
    this.lock = FileLocks.of(path, wait);
  }

  /**
   * Opens a record file.
   *
   * @param path the file; it must exist for {@link Mode#READ_ONLY}, else it is created by the first append
   * @param mode {@link Mode#APPEND} keeps its records and cuts off an unfinished append;
   *     {@link Mode#TRUNCATE} deletes the file; {@link Mode#READ_ONLY} never changes it
   * @return the store
   * @throws StoreFormatException if the file is not a NetCDF-3 file holding records
   * @throws UncheckedIOException if it does not exist ({@code READ_ONLY}) or cannot be read or repaired
   */
  public static NetcdfRecordStore open(Path path, Mode mode) {
    return open(path, mode, Sync.ON_CLOSE);
  }

  /**
   * Opens a record file, choosing when appends are fsynced.
   *
   * @param path the file; it must exist for {@link Mode#READ_ONLY}, else it is created by the first append
   * @param mode how to open it, as {@link #open(Path, Mode)}
   * @param sync {@link Sync#ON_CLOSE} (the default) or {@link Sync#EACH_APPEND}
   * @return the store
   * @throws StoreFormatException if the file is not a NetCDF-3 file holding records
   * @throws UncheckedIOException if it does not exist ({@code READ_ONLY}) or cannot be read or repaired
   */
  public static NetcdfRecordStore open(Path path, Mode mode, Sync sync) {
    return open(path, mode, sync, LockWait.forever());
  }

  /**
   * Opens a record file, choosing when appends are fsynced and how long a write waits for another
   * process's lock on it.
   *
   * @param path the file; it must exist for {@link Mode#READ_ONLY}, else it is created by the first append
   * @param mode how to open it, as {@link #open(Path, Mode)}
   * @param sync {@link Sync#EACH_APPEND} (the default) or {@link Sync#ON_CLOSE}
   * @param wait how long a write waits for another process's lock
   * @return the store
   * @throws StoreFormatException if the file is not a NetCDF-3 file holding records
   * @throws UncheckedIOException if it does not exist ({@code READ_ONLY}) or cannot be read or repaired,
   *     or the lock was not had in time (its cause a {@link dev.sweep.store.LockTimeoutException})
   */
  public static NetcdfRecordStore open(Path path, Mode mode, Sync sync, LockWait wait) {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(mode, "mode");
    Objects.requireNonNull(sync, "sync");
    Objects.requireNonNull(wait, "wait");
    NetcdfRecordStore s = new NetcdfRecordStore(path, mode, sync, wait);
    synchronized (s) {
      switch (mode) {
        case READ_ONLY -> {
          if (!Files.exists(path)) {
            throw new UncheckedIOException("cannot read " + path, new NoSuchFileException(path.toString()));
          }
          s.load();
        }
        case TRUNCATE -> s.lock.run(() -> {
          try {
            Files.deleteIfExists(path);
          } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + path + " to start it afresh", e);
          }
          s.forget();
          return null;
        });
        default -> {
          if (s.load()) s.lock.run(() -> {
            s.repairLocked();
            return null;
          });
        }
      }
    }
    return s;
  }

  /**
   * Opens a record file read-only for a follower: as {@link Mode#READ_ONLY}, but without the warning
   * about bytes after the counted records, which in a file being written are the append in progress.
   */
  static NetcdfRecordStore openLive(Path path) {
    Objects.requireNonNull(path, "path");
    NetcdfRecordStore s = new NetcdfRecordStore(path, Mode.READ_ONLY, Sync.ON_CLOSE, LockWait.forever());
    synchronized (s) {
      if (!Files.exists(path)) {
        throw new UncheckedIOException("cannot read " + path, new NoSuchFileException(path.toString()));
      }
      s.tornWarned = true;
      s.load();
    }
    return s;
  }

  @Override
  public Path path() {
    return path;
  }

  @Override
  public Mode mode() {
    return mode;
  }

  /** {@inheritDoc} The file's unlimited dimension; before the file exists, that of the first append. */
  @Override
  public synchronized String recordDim() {
    return layout == null ? DEFAULT_DIM : layout.recordDim;
  }

  @Override
  public synchronized long size() {
    return records;
  }

  @Override
  public synchronized Dataset read() {
    return read(0, records);
  }

  @Override
  public synchronized Dataset read(long from, long to) {
    return read(from, to, null);
  }

  /**
   * {@inheritDoc} Reads only the bytes of those variables when they are a small part of each record
   * (a trajectory's times), else whole records.
   */
  @Override
  public synchronized Dataset read(long from, long to, Collection<String> variables) {
    if (from < 0 || from > to || to > records) {
      throw new IndexOutOfBoundsException("records [" + from + ", " + to + ") of " + path + ": expected 0 <= from "
          + "<= to <= " + records + ", the number of records held");
    }
    if (layout == null) {
      if (variables != null && !variables.isEmpty()) {
        throw new IllegalArgumentException("no variable " + variables + " in " + path + ", which holds no records yet");
      }
      return Dataset.builder().build();
    }
    List<RecordLayout.RecordVar> selected = new ArrayList<>();
    for (RecordLayout.RecordVar rv : layout.vars) {
      if (variables == null || variables.contains(rv.name())) selected.add(rv);
    }
    if (variables != null) {
      for (String v : variables) {
        if (layout.var(v) == null) {
          List<String> names = new ArrayList<>();
          for (RecordLayout.RecordVar rv : layout.vars) names.add(rv.name());
          throw new IllegalArgumentException("no variable '" + v + "' in " + path + "; the variables are " + names);
        }
      }
    }
    int n = Math.toIntExact(to - from);
    Map<String, Column> cols = layout.allocate(selected, n);
    if (n > 0) {
      try (FileChannel ch = FileChannel.open(path, StandardOpenOption.READ)) {
        long wanted = 0;
        for (RecordLayout.RecordVar rv : selected) wanted += rv.bytes();
        if (wanted * 8 < layout.recSize && layout.recSize >= 4096) readSparse(ch, selected, from, n, cols);
        else readWhole(ch, selected, from, n, cols);
      } catch (NoSuchFileException e) {
        throw new UncheckedIOException("cannot read " + path + ": the file was removed", e);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read " + path, e);
      }
    }
    Dataset t = layout.template;
    Dataset.Builder b = Dataset.builder();
    for (String d : t.dims()) {
      if (d.equals(layout.recordDim)) b.dim(d, n);
      else if (t.coords().containsKey(d)) b.coord(d, t.coord(d));
      else b.dim(d, t.sizes().get(d));
    }
    for (RecordLayout.RecordVar rv : selected) {
      Variable tv = t.variable(rv.name());
      b.variable(Variable.of(rv.name(), rv.dims(), cols.get(rv.name())).withAttrs(tv.attrs()));
    }
    return b.attrs(t.attrs()).build();
  }

  /** Reads runs of whole records, about {@link #READ_SLAB} bytes at a time. */
  private void readWhole(FileChannel ch, List<RecordLayout.RecordVar> selected, long from, int n,
      Map<String, Column> cols) throws IOException {
    int perSlab = (int) Math.max(1, Math.min(n, READ_SLAB / Math.max(1, layout.recSize)));
    ByteBuffer buf = buffer(perSlab * layout.recSize);
    for (int done = 0; done < n; done += perSlab) {
      int k = Math.min(perSlab, n - done);
      buf.clear().limit((int) (k * layout.recSize));
      readFully(ch, buf, layout.end(from + done));
      for (RecordLayout.RecordVar rv : selected) layout.decode(rv, buf, k, cols.get(rv.name()), done);
    }
  }

  /** Reads only the selected variables' bytes of each record. */
  private void readSparse(FileChannel ch, List<RecordLayout.RecordVar> selected, long from, int n,
      Map<String, Column> cols) throws IOException {
    long widest = 0;
    for (RecordLayout.RecordVar rv : selected) widest = Math.max(widest, rv.bytes());
    ByteBuffer buf = buffer(widest);
    for (int j = 0; j < n; j++) {
      long start = layout.end(from + j);
      for (RecordLayout.RecordVar rv : selected) {
        if (rv.elements() == 0) continue;
        buf.clear().limit((int) rv.bytes());
        readFully(ch, buf, start + rv.offset());
        layout.decodeRow(rv, buf, 0, cols.get(rv.name()), (long) j * rv.elements());
      }
    }
  }

  private void readFully(FileChannel ch, ByteBuffer buf, long at) throws IOException {
    long pos = at;
    while (buf.hasRemaining()) {
      int k = ch.read(buf, pos);
      if (k < 0) {
        throw new StoreFormatException(path, "it ends at byte " + ch.size() + ", inside records it counted; "
            + "another process cut it short", null);
      }
      pos += k;
    }
    buf.flip();
  }

  private ByteBuffer buffer(long bytes) {
    if (bytes > Integer.MAX_VALUE) throw new IllegalArgumentException("a record of " + bytes + " bytes");
    if (buffer == null || buffer.capacity() < bytes) buffer = ByteBuffer.allocateDirect((int) bytes);
    return buffer;
  }

  @Override
  public synchronized long refresh() {
    if (!Files.exists(path)) {
      forget();
      return 0;
    }
    Object key = fileKey();
    if (layout == null || !Objects.equals(key, fileKey)) {
      load();
      return records;
    }
    try {
      records = count(layout, readNumrecs(), Files.size(path), false);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + path, e);
    }
    return records;
  }

  /**
   * {@inheritDoc}
   *
   * <p>The first append to a file writes its header (atomically: a new file is complete or absent).
   * When an append returns its records are on disk and counted for every reader; the count itself
   * reaches the disk with the next append or at {@link #close()}.
   * The records' variables must all lie along one record dimension first; the variable named after it,
   * or its labels, become its coordinate.
   *
   * @throws IllegalArgumentException also if a variable is str, or not over the record dimension first
   */
  @Override
  public synchronized void append(Dataset records) {
    Objects.requireNonNull(records, "records");
    if (closed) throw new IllegalStateException("the NetCDF record store of " + path + " is closed");
    if (mode == Mode.READ_ONLY) {
      throw new IllegalStateException("the NetCDF record store of " + path + " was opened READ_ONLY; open it in "
          + "APPEND mode to append");
    }
    Dataset chunk = RecordLayout.normalise(records, path);
    String dim = RecordLayout.recordDim(chunk);
    int n = chunk.sizes().get(dim);
    Dataset header = RecordLayout.newFile(chunk); // checks what the header needs, before the file is touched
    lock.run(() -> {
      refreshLocked();
      if (layout == null) {
        create(header);
      } else {
        layout.requireCompatible(chunk);
        if (layout.attributesDiffer(chunk)) rewrite(header);
      }
      if (n > 0) write(chunk, n);
      return null;
    });
  }

  /** Writes the header of a new file, atomically. */
  private void create(Dataset header) {
    Path dir = path.toAbsolutePath().getParent();
    if (dir != null && !Files.isDirectory(dir)) {
      throw new UncheckedIOException("cannot create " + path, new NoSuchFileException(dir.toString(), null,
          "the directory does not exist"));
    }
    Netcdf.write(header, path);
    load();
    if (records != 0) throw new IllegalStateException("a new record file " + path + " counts " + records + " records");
  }

  /**
   * Replaces the file by one with the new header and the same records: a copy, written next to it,
   * fsynced and renamed over it. On failure the file is unchanged.
   */
  private void rewrite(Dataset header) {
    Path abs = path.toAbsolutePath();
    Path tmp = abs.resolveSibling("." + abs.getFileName() + "." + Long.toHexString(ThreadLocalRandom.current()
        .nextLong()) + ".rewrite");
    boolean moved = false;
    try {
      Netcdf.write(header, tmp);
      RecordLayout fresh = RecordLayout.read(tmp);
      if (fresh.recSize != layout.recSize) {
        throw new IllegalStateException("the new header of " + path + " lays records out in " + fresh.recSize
            + " bytes, not " + layout.recSize);
      }
      try (FileChannel src = FileChannel.open(path, StandardOpenOption.READ);
          FileChannel dst = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
        long bytes = records * layout.recSize;
        long done = 0;
        while (done < bytes) done += src.transferTo(layout.recStart + done, bytes - done, dst.position(fresh.recStart + done));
        writeNumrecs(dst, records);
        dst.force(false);
      }
      Files.move(tmp, abs, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      moved = true;
      syncDirectory();
      LOG.debug("{}: rewrote the file with new attributes ({} records copied)", path, records);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the new attributes of " + path + " (" + e.getMessage() + "); the "
          + "file is unchanged", e);
    } finally {
      if (!moved) {
        try {
          Files.deleteIfExists(tmp);
        } catch (IOException e) {
          LOG.warn("cannot delete the temporary file {}: {}", tmp, e.toString());
        }
      }
    }
    load();
  }

  /** Writes the records after the last complete one, then the new count; cuts back on failure. */
  private void write(Dataset chunk, int n) {
    ByteBuffer buf = layout.encode(chunk, n, buffer);
    if (buf.capacity() > (buffer == null ? 0 : buffer.capacity())) buffer = buf;
    long before = records;
    long at = layout.end(before);
    try (FileChannel ch = FileChannel.open(path, StandardOpenOption.WRITE)) {
      try {
        long pos = at;
        while (buf.hasRemaining()) pos += ch.write(buf, pos);
        // One fsync: these records reach the disk, and with them the count written by the previous
        // append, which counted only records already on disk. The new count is then written into the
        // page cache, where every reader and a killed process's file see it at once; it reaches the
        // disk with the next append's fsync, or at close.
        if (sync == Sync.EACH_APPEND) ch.force(false);
        writeNumrecs(ch, before + n);
        countPending = true;
      } catch (IOException e) {
        try {
          ch.truncate(at);
          writeNumrecs(ch, before);
          ch.force(false);
        } catch (IOException e2) {
          e.addSuppressed(e2);
          throw new UncheckedIOException("cannot append " + n + " records to " + path + " (" + e.getMessage()
              + "), nor cut it back to its " + before + " records; the next open in APPEND mode will", e);
        }
        throw new UncheckedIOException("cannot append " + n + " records to " + path + " (" + e.getMessage()
            + "); the file was cut back to its " + before + " records", e);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open " + path + " to append", e);
    }
    records = before + n;
  }

  private static void writeNumrecs(FileChannel ch, long n) throws IOException {
    if (n > Integer.MAX_VALUE) throw new IOException(n + " records; a NetCDF-3 file counts at most " + Integer.MAX_VALUE);
    ByteBuffer b = ByteBuffer.allocate(4).putInt(0, (int) n); // big-endian
    long pos = RecordLayout.NUMRECS_OFFSET;
    while (b.hasRemaining()) pos += ch.write(b, pos);
  }

  private long readNumrecs() throws IOException {
    try (FileChannel ch = FileChannel.open(path, StandardOpenOption.READ)) {
      ByteBuffer b = ByteBuffer.allocate(4);
      long pos = RecordLayout.NUMRECS_OFFSET;
      while (b.hasRemaining()) {
        int k = ch.read(b, pos);
        if (k < 0) throw new StoreFormatException(path, "truncated: the file ends inside its NetCDF-3 header", null);
        pos += k;
      }
      long n = b.getInt(0) & 0xFFFFFFFFL;
      return n == 0xFFFFFFFFL ? -1 : n;
    }
  }

  /**
   * Releases the file, first making what was appended durable: the record count of the last append
   * (and under {@link Sync#ON_CLOSE} every record).
   *
   * @throws UncheckedIOException if the count cannot be flushed to disk; the records are there, and the
   *     count counts them for every reader (after a power failure the last append may be missing)
   */
  @Override
  public synchronized void close() {
    if (closed) return;
    closed = true;
    buffer = null;
    if (countPending) {
      countPending = false;
      try (FileChannel ch = FileChannel.open(path, StandardOpenOption.WRITE)) {
        ch.force(false);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot flush the record count of " + path + " to disk", e);
      }
    }
  }

  // ---- the file's state ----

  /** Reads the file's header and counts its complete records; true if it has a tail to cut or a count to fix. */
  private boolean load() {
    if (!Files.exists(path)) {
      forget();
      return false;
    }
    try {
      layout = RecordLayout.read(path);
      fileKey = fileKey();
      long size = Files.size(path);
      records = count(layout, layout.numrecs, size, true);
      return size != layout.end(records) || layout.numrecs != records;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + path, e);
    }
  }

  /** The complete records of a file of this size; warns (once) about a torn tail or a short file. */
  private long count(RecordLayout l, long numrecs, long size, boolean warn) {
    long n = l.completeRecords(numrecs, size);
    if (warn && mode == Mode.READ_ONLY && !tornWarned) {
      String what = damage(l, numrecs, n, size);
      if (what != null) {
        LOG.warn("{}: {}; reading its {} complete records", path, what, n);
        tornWarned = true;
      }
    }
    return n;
  }

  /** What is wrong at the end of the file, or null. */
  private static String damage(RecordLayout l, long numrecs, long complete, long size) {
    if (numrecs >= 0 && complete < numrecs) {
      return "its header counts " + numrecs + " records but the file (" + size + " bytes) ends inside record "
          + complete;
    }
    long extra = size - l.end(complete);
    if (extra > 0) {
      return "it has " + extra + " bytes after its last complete record, left by an append that did not finish"
          + (l.recSize > 0 && extra >= l.recSize ? " (" + extra / l.recSize + " whole records not yet counted)" : "");
    }
    return null;
  }

  /** Under the lock: re-reads the file if another process changed it, and repairs its end. */
  private void refreshLocked() {
    if (!Files.exists(path)) {
      forget();
      return;
    }
    if (layout == null || !Objects.equals(fileKey(), fileKey)) load();
    repairLocked(); // counts the records, which another process may have appended, and repairs the end
  }

  /** Under the lock: cuts off an unfinished append and makes the header count the complete records. */
  private void repairLocked() {
    if (layout == null) return;
    try {
      long size = Files.size(path);
      long numrecs = readNumrecs();
      long n = count(layout, numrecs, size, false);
      String what = damage(layout, numrecs, n, size);
      if (what == null) {
        records = n;
        return;
      }
      LOG.warn("{}: {}; cut it back to its {} complete records", path, what, n);
      try (FileChannel ch = FileChannel.open(path, StandardOpenOption.WRITE)) {
        ch.truncate(layout.end(n));
        ch.force(false);
        if (numrecs != n) {
          writeNumrecs(ch, n);
          ch.force(false);
        }
      }
      records = n;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot cut the unfinished append off " + path, e);
    }
  }

  private void forget() {
    layout = null;
    records = 0;
    fileKey = null;
  }

  private Object fileKey() {
    try {
      return Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS).fileKey();
    } catch (IOException e) {
      return null;
    }
  }

  /** Makes a rename durable; best effort (not every platform can open a directory). */
  private void syncDirectory() {
    Path dir = path.toAbsolutePath().getParent();
    if (dir == null) return;
    try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
      ch.force(true);
    } catch (IOException | RuntimeException e) {
      LOG.debug("cannot fsync directory {}: {}", dir, e.toString());
    }
  }

  @Override
  public synchronized String toString() {
    return "NetcdfRecordStore[" + path + ", " + mode + ", " + records + " records over '" + recordDim() + "']";
  }
}
