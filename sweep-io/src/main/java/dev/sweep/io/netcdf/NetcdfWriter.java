package dev.sweep.io.netcdf;

import dev.sweep.io.internal.AtomicFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import ucar.ma2.Array;
import ucar.ma2.ArrayStructureBB;
import ucar.ma2.StructureMembers;
import ucar.ma2.DataType;
import ucar.ma2.InvalidRangeException;
import ucar.nc2.Attribute;
import ucar.nc2.Dimension;
import ucar.nc2.NetcdfFile;
import ucar.nc2.NetcdfFileWriter;
import ucar.nc2.Structure;
import ucar.nc2.Variable;
import ucar.nc2.write.Nc4Chunking;
import ucar.nc2.write.Nc4ChunkingStrategy;

/**
 * Writes an {@link NcFile} through {@link AtomicFiles#replace}: into a temporary file in the
 * target's directory, flushed to disk, then renamed over the target. A reader sees the old file or
 * the new one, never half of one; on any failure the temporary file is deleted, every handle the
 * libraries hold on it is closed (so its space is freed at once) and the old file is untouched.
 */
final class NetcdfWriter {
  private static final Logger log = LoggerFactory.getLogger(NetcdfWriter.class);

  /** The NetCDF C library is not thread-safe; NetCDF-4 writes go one at a time. */
  private static final Object C_LIBRARY = new Object();

  private static final int DEFLATE_LEVEL = 5;

  /** The members of a complex compound, as h5py and xarray's h5netcdf engine name them. */
  static final String COMPLEX_REAL = "r";

  static final String COMPLEX_IMAG = "i";

  private NetcdfWriter() {}

  /**
   * Writes the file.
   *
   * @throws UncheckedIOException naming the file, if writing, syncing or renaming fails
   */
  static void write(NcFile file, Path target, NetcdfFormat format) {
    write(file, target, format, null);
  }

  /**
   * Writes the file with {@code recordDim} (NetCDF-3 only; null for none) as its unlimited dimension,
   * so that records can later be appended in place ({@link NetcdfAppender}); every variable over it
   * must have it first.
   *
   * @throws UncheckedIOException naming the file, if writing, syncing or renaming fails
   */
  static void write(NcFile file, Path target, NetcdfFormat format, String recordDim) {
    write(file, target, format, recordDim, true);
  }

  /** As {@link #write(NcFile, Path, NetcdfFormat, String)}, fsynced only if {@code durable}. */
  static void write(NcFile file, Path target, NetcdfFormat format, String recordDim, boolean durable) {
    long start = System.nanoTime();
    AtomicFiles.replace(target, tmp -> {
      if (format == NetcdfFormat.NETCDF4) {
        synchronized (C_LIBRARY) {
          writeFile(file, tmp, format, null);
        }
      } else {
        writeFile(file, tmp, format, recordDim);
      }
    }, durable);
    if (log.isDebugEnabled()) {
      long bytes = target.toFile().length();
      double ms = (System.nanoTime() - start) / 1e6;
      log.debug("wrote {} ({}, {} bytes) in {} ms", target, format, bytes, String.format("%.1f", ms));
    }
  }

  /** A failure that netcdf-java reports other than by an IOException, said in words. */
  private static final class Problem extends IOException {
    private static final long serialVersionUID = 1L;

    Problem(String message, Throwable cause) {
      super(message, cause);
    }

    @Override
    public String toString() {
      return getMessage();
    }
  }

  private static void writeFile(NcFile file, Path tmp, NetcdfFormat format, String recordDim) throws IOException {
    NetcdfFileWriter w;
    if (format == NetcdfFormat.NETCDF4) {
      w = NetcdfFileWriter.createNew(NetcdfFileWriter.Version.netcdf4, tmp.toString(), new Chunking());
    } else {
      w = NetcdfFileWriter.createNew(NetcdfFileWriter.Version.netcdf3, tmp.toString());
      w.setLargeFile(true);
    }
    w.setFill(false); // every value is written, so pre-filling would write the file twice
    List<NcFile.Var> direct = new ArrayList<>();
    Map<String, NcFile.Var> records = new HashMap<>(); // written past netcdf-java, after it closes
    int numrecs = 0;
    boolean ok = false;
    try {
      Map<String, Dimension> dims = new HashMap<>();
      for (NcFile.Dim d : file.dims()) {
        boolean unlimited = d.length() == 0 || d.name().equals(recordDim);
        if (d.name().equals(recordDim)) numrecs = d.length();
        dims.put(d.name(), unlimited ? w.addUnlimitedDimension(d.name()) : w.addDimension(null, d.name(), d.length()));
      }
      List<Variable> vars = new ArrayList<>();
      for (NcFile.Var v : file.vars()) {
        List<Dimension> vd = new ArrayList<>();
        for (String d : v.dims()) vd.add(dims.get(d));
        Variable var = v.parts() != null ? addComplex(w, v, vd) : w.addVariable(null, v.name(), v.type(), vd);
        for (Attribute a : v.attrs()) w.addVariableAttribute(var, a);
        vars.add(var);
      }
      for (Attribute a : file.attrs()) w.addGroupAttribute(null, a);
      w.create();
      for (int i = 0; i < vars.size(); i++) {
        NcFile.Var v = file.vars().get(i);
        if (recordDim != null && !v.dims().isEmpty() && v.dims().get(0).equals(recordDim)) records.put(v.name(), v);
        else if (format == NetcdfFormat.NETCDF3_64BIT_OFFSET && isDirect(v)) direct.add(v);
        else writeValues(w, vars.get(i), v);
      }
      ok = true;
    } catch (InvalidRangeException e) {
      throw new Problem("netcdf-java rejected a slab: " + e.getMessage(), e);
    } catch (IOException e) {
      throw whenFull(e, tmp, format); // asked before close frees anything
    } finally {
      close(w, tmp, format, ok);
    }
    if (!direct.isEmpty()) writeDirect(tmp, direct);
    if (!records.isEmpty() && numrecs > 0) NetcdfAppender.writeInitialRecords(tmp, records, numrecs);
  }

  /**
   * Closes the writer, so that no handle on the temporary file outlives the write, failed or not.
   *
   * <p>netcdf-java's NetCDF-3 writer leaves its file open when its last flush fails (a full disk):
   * the underlying file is then closed directly.
   *
   * <p>The NetCDF C library keeps a file whose {@code nc_close} failed open until the process exits,
   * with its HDF5 state half freed: the deleted temporary's blocks stay in use, the next file that
   * gets the same inode number is refused ("13: Permission denied"), and the JVM can crash at exit
   * inside HDF5. Closing it afterwards is unsafe ({@code nc_abort} crashes in {@code H5G_rootof}).
   * So a full disk must never reach {@code nc_close}: on success the data are flushed first
   * ({@code nc_sync}, whose failure leaves the library's state whole); on any failure the temporary
   * file, whose contents are being thrown away, is first truncated to nothing, which gives the
   * library the room to flush and close cleanly.
   *
   * @param ok whether everything was written (else a failure is already on its way, and this one
   *     is only logged)
   */
  private static void close(NetcdfFileWriter w, Path tmp, NetcdfFormat format, boolean ok) throws IOException {
    if (format == NetcdfFormat.NETCDF4) {
      IOException failure = null;
      if (ok) {
        try {
          w.flush();
        } catch (IOException e) {
          failure = whenFull(e, tmp, format);
        }
      }
      if (!ok || failure != null) truncate(tmp);
      try {
        w.close();
      } catch (IOException | RuntimeException e) {
        if (ok && failure == null) throw e instanceof IOException io ? io : new Problem("closing failed: " + e, e);
        log.warn("the NetCDF C library could not close the failed file {} ({}); it keeps it open until the JVM exits",
            tmp, e.toString());
      }
      if (failure != null) throw failure;
      return;
    }
    java.io.RandomAccessFile javaFile = null;
    Object raf = w.getNetcdfFile().sendIospMessage(NetcdfFile.IOSP_MESSAGE_RANDOM_ACCESS_FILE);
    if (raf instanceof ucar.unidata.io.RandomAccessFile r) javaFile = r.getRandomAccessFile();
    try {
      w.close();
    } catch (IOException | RuntimeException e) {
      if (javaFile != null) {
        try {
          javaFile.close();
        } catch (IOException closing) {
          e.addSuppressed(closing);
        }
      }
      if (ok) throw e instanceof IOException io ? io : new Problem("netcdf-java failed to close the file: " + e, e);
      log.debug("closing the failed file {}: {}", tmp, e.toString());
    }
  }

  /** Frees the blocks of a temporary file whose contents are thrown away. */
  private static void truncate(Path tmp) {
    try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
      ch.truncate(0);
    } catch (IOException e) {
      log.debug("cannot truncate the failed file {}: {}", tmp, e.toString());
    }
  }

  /**
   * The failure, saying "No space left on device" if the disk is full and the NetCDF C library only
   * said "HDF error" (Java's own writes say so themselves).
   */
  private static IOException whenFull(IOException e, Path tmp, NetcdfFormat format) {
    if (format != NetcdfFormat.NETCDF4 || !AtomicFiles.isFull(tmp.getParent())) return e;
    return new Problem("No space left on device; the NetCDF C library said \"" + e.getMessage() + "\"", e);
  }

  /**
   * True for the NetCDF-3 variables written past netcdf-java: numbers outside the record section.
   * netcdf-java converts values to big-endian bytes one call per byte (about 0.5 GB/s); a bulk
   * conversion into a direct buffer and one positioned write per slab runs at disk speed.
   */
  private static boolean isDirect(NcFile.Var v) {
    DataType t = v.type();
    boolean number = t == DataType.DOUBLE || t == DataType.FLOAT || t == DataType.INT || t == DataType.SHORT
        || t == DataType.BYTE;
    return number && v.size() > 0; // a variable over an unlimited (record) dimension has no values here
  }

  /**
   * Writes the values of NetCDF-3 variables into the space netcdf-java laid out for them (and left
   * unwritten, as fill is off), at the offsets its header gives.
   */
  private static void writeDirect(Path tmp, List<NcFile.Var> vars) throws IOException {
    Map<String, FormatProbe.Nc3Var> layout = new HashMap<>();
    try {
      for (FormatProbe.Nc3Var v : FormatProbe.nc3Layout(tmp).vars()) layout.put(v.name(), v);
    } catch (FormatProbe.BadFile e) {
      throw new IOException("netcdf-java wrote a header sweep cannot parse: " + e.getMessage(), e);
    }
    ByteBuffer buf = null;
    try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
      for (NcFile.Var v : vars) {
        FormatProbe.Nc3Var at = layout.get(v.name());
        if (at == null || at.record() || at.bytes() != v.size() * v.type().getSize()) {
          throw new IOException("netcdf-java laid out variable '" + v.name() + "' as " + at + ", not as expected");
        }
        int[] shape = v.shape();
        int rows = shape.length == 0 ? 1 : shape[0];
        long rowBytes = at.bytes() / rows;
        int step = v.rowsPerSlab();
        for (int first = 0; first < rows; first += step) {
          int count = Math.min(step, rows - first);
          int bytes = Math.toIntExact(count * rowBytes);
          if (buf == null || buf.capacity() < bytes) buf = WriteBuffers.borrow(bytes);
          buf.clear();
          if (!v.rows().putBigEndian(first, count, buf, (int) rowBytes)) {
            Array a = v.rows().read(first, count);
            if (a.getSize() * v.type().getSize() != bytes) {
              throw new IOException("variable '" + v.name() + "' gave " + a.getSize() + " values for " + bytes + " bytes");
            }
            putBigEndian(buf, a);
          }
          buf.position(0).limit(bytes);
          long pos = at.begin() + first * rowBytes;
          while (buf.hasRemaining()) pos += ch.write(buf, pos);
        }
      }
    }
  }

  /** The values as NetCDF stores them: big-endian, in one bulk copy per slab. */
  private static void putBigEndian(ByteBuffer buf, Array a) {
    DataType t = a.getDataType();
    int n = (int) a.getSize();
    if (t == DataType.DOUBLE) buf.asDoubleBuffer().put((double[]) a.get1DJavaArray(double.class));
    else if (t == DataType.FLOAT) buf.asFloatBuffer().put((float[]) a.get1DJavaArray(float.class));
    else if (t == DataType.INT) buf.asIntBuffer().put((int[]) a.get1DJavaArray(int.class));
    else if (t == DataType.SHORT) buf.asShortBuffer().put((short[]) a.get1DJavaArray(short.class));
    else buf.put((byte[]) a.get1DJavaArray(byte.class));
    buf.position(n * t.getSize());
  }

  /**
   * netcdf-java's standard chunking with deflate and shuffle, except for strings: the C library
   * refuses filters on variable-length types ("Filter error: bad id or parameters").
   */
  private static final class Chunking implements Nc4Chunking {
    private final Nc4Chunking standard = Nc4ChunkingStrategy.factory(Strategy.standard, DEFLATE_LEVEL, true);

    @Override
    public boolean isChunked(Variable v) {
      return standard.isChunked(v);
    }

    @Override
    public long[] computeChunking(Variable v) {
      return standard.computeChunking(v);
    }

    @Override
    public int getDeflateLevel(Variable v) {
      return v.getDataType() == DataType.STRING ? 0 : standard.getDeflateLevel(v);
    }

    @Override
    public boolean isShuffle(Variable v) {
      return v.getDataType() != DataType.STRING && standard.isShuffle(v);
    }
  }

  private static void writeValues(NetcdfFileWriter w, Variable var, NcFile.Var v)
      throws IOException, InvalidRangeException {
    if (v.size() == 0) return;
    int[] shape = v.shape();
    if (shape.length == 0) {
      w.write(var, values(var, v, 0, 1));
      return;
    }
    int step = v.rowsPerSlab();
    for (int first = 0; first < shape[0]; first += step) {
      int count = Math.min(step, shape[0] - first);
      w.write(var, v.slabOrigin(first), values(var, v, first, count));
    }
  }

  private static Array values(Variable var, NcFile.Var v, int first, int count) throws IOException {
    Array a = v.rows().read(first, count);
    return v.parts() == null ? a : compound((Structure) var, a);
  }

  /**
   * Declares a complex variable as an HDF5 compound {@code {r, i}} of its parts' type: the layout
   * xarray's h5netcdf engine writes and h5py reads as complex.
   */
  private static Variable addComplex(NetcdfFileWriter w, NcFile.Var v, List<Dimension> dims) {
    Structure s = (Structure) w.addVariable(null, v.name(), DataType.STRUCTURE, dims);
    w.addStructureMember(s, COMPLEX_REAL, v.parts(), "");
    w.addStructureMember(s, COMPLEX_IMAG, v.parts(), "");
    // netcdf-java sizes a structure when it is added, before it has members: a size of 1 byte would
    // make the C library's compound type too small for its members ("HDF error" on writing).
    s.calcElementSize();
    return s;
  }

  /** The parts (a plain array with a last axis of 2) packed as the compound's bytes, in native order as the C library reads them. */
  private static Array compound(Structure s, Array parts) {
    int[] partsShape = parts.getShape();
    int[] shape = java.util.Arrays.copyOf(partsShape, partsShape.length - 1);
    int size = parts.getDataType().getSize();
    StructureMembers members = s.makeStructureMembers();
    members.getMembers().get(0).setDataParam(0);
    members.getMembers().get(1).setDataParam(size);
    members.setStructureSize(2 * size);
    ArrayStructureBB bb = new ArrayStructureBB(members, shape);
    ByteBuffer buf = bb.getByteBuffer();
    buf.order(ByteOrder.nativeOrder());
    if (parts.getDataType() == DataType.DOUBLE) {
      buf.asDoubleBuffer().put((double[]) parts.get1DJavaArray(double.class));
    } else {
      buf.asFloatBuffer().put((float[]) parts.get1DJavaArray(float.class));
    }
    return bb;
  }
}
