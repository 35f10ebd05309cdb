package dev.sweep.io.netcdf;

import dev.sweep.data.DType;
import dev.sweep.data.Dataset;
import dev.sweep.data.Index;
import dev.sweep.data.Variable;
import dev.sweep.data.Column;
import dev.sweep.store.IncompatibleStoreException;
import dev.sweep.store.StoreFormatException;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.DoubleBuffer;
import java.nio.FloatBuffer;
import java.nio.IntBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import ucar.ma2.DataType;
import ucar.ma2.InvalidRangeException;
import ucar.nc2.Attribute;
import ucar.nc2.Dimension;
import ucar.nc2.Group;
import ucar.nc2.NetcdfFile;

/**
 * Where the records of a NetCDF-3 record file lie and how their bytes map to sweep's variables: the
 * structure behind {@link NetcdfRecordStore}. NetCDF-3 stores the variables over the unlimited
 * dimension interleaved, record after record: record {@code r} of variable {@code v} starts at
 * {@code begin(v) + r * recsize}, so a run of whole records is one contiguous byte range, written
 * with one positioned write and read with one positioned read. Values are big-endian.
 *
 * <p>The layout is always read from a file's header, including for a file just created, so what
 * this class writes is what netcdf-java laid out.
 */
final class RecordLayout {
  /** Offset of {@code numrecs} in a NetCDF-3 header, just after the magic bytes. */
  static final long NUMRECS_OFFSET = 4;
  /** {@code numrecs} of a file being written in streaming mode: count the records by the file's size. */
  private static final long STREAMING = 0xFFFFFFFFL;

  /** One variable over the record dimension, as the file stores it. */
  record RecordVar(String name, List<String> dims, long[] inner, DType type, DataType ncType, boolean unsigned,
      double[] fills, long offset, long bytes, int elements, String notAppendable) {}

  final Path path;
  /** The unlimited dimension. */
  final String recordDim;
  /**
   * What the file holds with no records: the record dimension of length 0, the labels of the other
   * dimensions, every record variable (the record dimension's own variable too) and the attributes.
   */
  final Dataset template;
  /** The variables over the record dimension, in file (and so record) order. */
  final List<RecordVar> vars;
  /** Where the first record starts. */
  final long recStart;
  /** The bytes of one record. */
  final long recSize;
  /** The record count in the header; -1 if the file was written in streaming mode. */
  final long numrecs;

  private RecordLayout(Path path, String recordDim, Dataset template, List<RecordVar> vars, long recStart,
      long recSize, long numrecs) {
    this.path = path;
    this.recordDim = recordDim;
    this.template = template;
    this.vars = List.copyOf(vars);
    this.recStart = recStart;
    this.recSize = recSize;
    this.numrecs = numrecs;
  }

  /** The byte offset just past record {@code n - 1}. */
  long end(long n) {
    return recStart + n * recSize;
  }

  /**
   * The number of complete records a file of {@code size} bytes holds: at most {@code count} (the
   * header's record count, -1 in streaming mode), and only whole records within the size.
   */
  long completeRecords(long count, long size) {
    long byFile = recSize == 0 ? Long.MAX_VALUE : Math.max(0, size - recStart) / recSize;
    if (count < 0) return recSize == 0 ? 0 : byFile;
    return Math.min(count, byFile);
  }

  /** The record variable of that name, or null. */
  RecordVar var(String name) {
    for (RecordVar v : vars) if (v.name().equals(name)) return v;
    return null;
  }

  // ---- reading a header ----

  /**
   * Reads the layout of an existing file.
   *
   * @throws StoreFormatException if it is not a NetCDF-3 file holding records this class can read
   * @throws IOException if it cannot be read
   */
  static RecordLayout read(Path path) throws IOException {
    byte[] magic = new byte[4];
    int got;
    try (InputStream in = Files.newInputStream(path)) {
      got = in.readNBytes(magic, 0, 4);
    }
    boolean nc3 = got == 4 && magic[0] == 'C' && magic[1] == 'D' && magic[2] == 'F' && (magic[3] == 1 || magic[3] == 2);
    if (!nc3) throw notARecordFile(path, got, magic);
    FormatProbe.Nc3Layout nc3Layout;
    try {
      nc3Layout = FormatProbe.nc3Layout(path);
    } catch (EOFException e) {
      throw new StoreFormatException(path, "truncated: the file (" + Files.size(path) + " bytes) ends inside its "
          + "NetCDF-3 header", null);
    } catch (FormatProbe.BadFile e) {
      throw new StoreFormatException(path, e.getMessage(), null);
    }
    Map<String, FormatProbe.Nc3Var> at = new HashMap<>();
    long recordVars = 0;
    for (FormatProbe.Nc3Var v : nc3Layout.vars()) {
      at.put(v.name(), v);
      if (v.record()) recordVars++;
    }
    if (recordVars == 0) {
      throw new StoreFormatException(path, "it holds no records: no variable lies along an unlimited dimension. "
          + "Read it with Netcdf.read", null);
    }
    NetcdfFile nc;
    try {
      nc = NetcdfFile.open(path.toString());
    } catch (IOException | RuntimeException e) {
      throw new StoreFormatException(path, "corrupt NetCDF-3 file: " + e.getMessage(), e);
    }
    try (nc) {
      return fromHeader(path, nc, nc3Layout, at, recordVars == 1);
    } catch (IllegalArgumentException | IllegalStateException e) {
      throw new StoreFormatException(path, e.getMessage(), e);
    }
  }

  private static StoreFormatException notARecordFile(Path path, int got, byte[] magic) throws IOException {
    if (got == 4 && magic[0] == 'C' && magic[1] == 'D' && magic[2] == 'F' && magic[3] == 5) {
      return new StoreFormatException(path, "a NetCDF-3 64-bit data (CDF-5) file, which netcdf-java 4.5 cannot "
          + "read; record files are NetCDF-3 classic or 64-bit offset", null);
    }
    try (ucar.unidata.io.RandomAccessFile file = new ucar.unidata.io.RandomAccessFile(path.toString(), "r")) {
      FormatProbe.Kind kind = FormatProbe.probe(file);
      if (kind == FormatProbe.Kind.HDF5) {
        return new StoreFormatException(path, "a NetCDF-4/HDF5 file; record files are NetCDF-3, which grows by "
            + "appending records. Read this one with Netcdf.read (or, for a py-pde file, PyPdeStore)", null);
      }
      return new StoreFormatException(path, "not a NetCDF-3 record file", null);
    } catch (FormatProbe.BadFile e) {
      return new StoreFormatException(path, e.getMessage(), null);
    }
  }

  private static RecordLayout fromHeader(Path path, NetcdfFile nc, FormatProbe.Nc3Layout nc3Layout,
      Map<String, FormatProbe.Nc3Var> at, boolean single) throws IOException {
    Group root = nc.getRootGroup();
    String recordDim = null;
    List<NcFile.Dim> dims = new ArrayList<>();
    for (Dimension d : root.getDimensions()) {
      if (d.isUnlimited()) recordDim = d.getShortName();
      dims.add(new NcFile.Dim(d.getShortName(), d.isUnlimited() ? 0 : d.getLength()));
    }
    if (recordDim == null) throw new IllegalStateException("it has record variables but no unlimited dimension");
    // The header as a file with no records: the decoder then reads only the fixed variables (labels).
    List<NcFile.Var> view = new ArrayList<>();
    for (ucar.nc2.Variable v : root.getVariables()) {
      List<String> vd = new ArrayList<>();
      for (Dimension d : v.getDimensions()) vd.add(d.getShortName());
      boolean record = v.isUnlimited();
      int[] shape = v.getShape();
      if (record) shape[0] = 0;
      NcFile.Var[] self = new NcFile.Var[1];
      self[0] = new NcFile.Var(v.getShortName(), vd, v.getDataType(), shape, v.getAttributes(), v.isUnsigned(),
          (first, count) -> {
            try {
              return v.read(self[0].slabOrigin(first), self[0].slabShape(count));
            } catch (InvalidRangeException e) {
              throw new IOException("reading rows " + first + ".." + (first + count) + " of " + v.getShortName(), e);
            }
          });
      view.add(self[0]);
    }
    Dataset decoded = CfDecoder.decode(new NcFile(dims, view, root.getAttributes()), path.toString());

    List<RecordVar> vars = new ArrayList<>();
    long recStart = Long.MAX_VALUE;
    long recSize = 0;
    for (ucar.nc2.Variable v : root.getVariables()) {
      if (!v.isUnlimited()) continue;
      String name = v.getShortName();
      FormatProbe.Nc3Var place = at.get(name);
      DataType t = v.getDataType();
      if (t == DataType.CHAR) {
        throw new IllegalArgumentException("record variable '" + name + "' holds text, which record files do not "
            + "hold; read the file with Netcdf.read");
      }
      if (v.findAttribute("scale_factor") != null || v.findAttribute("add_offset") != null) {
        throw new IllegalArgumentException("record variable '" + name + "' is packed (scale_factor, add_offset), "
            + "which record files do not read; read the file with Netcdf.read");
      }
      DType type = decodedType(decoded, name, recordDim);
      int[] shape = v.getShape();
      // A complex variable's last dimension holds its two parts: not a dimension of the records, but
      // stored in each record, so elements counts parts.
      int partsAxis = type.isComplex() ? 1 : 0;
      long[] inner = new long[shape.length - 1 - partsAxis];
      long elements = 1;
      for (int d = 1; d < shape.length; d++) {
        if (d - 1 < inner.length) inner[d - 1] = shape[d];
        elements *= shape[d];
      }
      double[] fills = fills(v);
      List<String> vd = new ArrayList<>();
      for (Dimension d : v.getDimensions()) vd.add(d.getShortName());
      if (partsAxis == 1) vd.remove(vd.size() - 1);
      String dtype = v.findAttribute("dtype") != null && v.findAttribute("dtype").isString()
          ? v.findAttribute("dtype").getStringValue() : null;
      String notAppendable = appendable(type, t, v.isUnsigned(), fills, dtype);
      vars.add(new RecordVar(name, vd, inner, type, t, v.isUnsigned(), fills, place.begin(), place.bytes(),
          Math.toIntExact(elements), notAppendable));
      recStart = Math.min(recStart, place.begin());
      // One record variable is stored unpadded; several are padded to 4 bytes each.
      recSize += single ? place.bytes() : (place.bytes() + 3) / 4 * 4;
    }
    List<RecordVar> placed = new ArrayList<>();
    for (RecordVar v : vars) {
      placed.add(new RecordVar(v.name(), v.dims(), v.inner(), v.type(), v.ncType(), v.unsigned(), v.fills(),
          v.offset() - recStart, v.bytes(), v.elements(), v.notAppendable()));
    }
    long numrecs = nc3Layout.numrecs() == STREAMING ? -1 : nc3Layout.numrecs();
    return new RecordLayout(path, recordDim, template(decoded, recordDim, placed), placed, recStart, recSize, numrecs);
  }

  /** The sweep type the decoder gave a record variable (the record dimension's own one may be its index). */
  private static DType decodedType(Dataset decoded, String name, String recordDim) {
    if (name.equals(recordDim) && decoded.coords().containsKey(recordDim)) return decoded.coord(recordDim).type();
    Variable v = decoded.variables().get(name);
    if (v == null) throw new IllegalStateException("record variable '" + name + "' has no sweep counterpart");
    return v.type();
  }

  private static double[] fills(ucar.nc2.Variable v) {
    List<Double> out = new ArrayList<>();
    for (String name : List.of("_FillValue", "missing_value")) {
      Attribute a = v.findAttribute(name);
      if (a == null || a.isString()) continue;
      for (int i = 0; i < a.getLength(); i++) {
        double f = a.getNumericValue(i).doubleValue();
        if (!Double.isNaN(f)) out.add(f);
      }
    }
    return out.stream().mapToDouble(Double::doubleValue).toArray();
  }

  /** Null if records of this variable can be appended in its stored form; else why not. */
  private static String appendable(DType type, DataType nc, boolean unsigned, double[] fills, String dtype) {
    boolean ok = switch (type) {
      case DOUBLE, COMPLEX128 -> nc == DataType.DOUBLE && fills.length == 0;
      case FLOAT, COMPLEX64 -> nc == DataType.FLOAT && fills.length == 0;
      case INT -> nc == DataType.INT && !unsigned && fills.length == 0;
      case LONG -> nc == DataType.INT && !unsigned && fills.length == 0 && "int64".equals(dtype);
      case BOOLEAN -> nc == DataType.BYTE;
      default -> false;
    };
    if (ok) return null;
    return "it is stored as " + (unsigned ? "unsigned " : "") + nc.toString().toLowerCase(java.util.Locale.ROOT)
        + (fills.length > 0 ? " with fill values " + Arrays.toString(fills) : "") + " and read as " + type
        + ", which sweep does not write back";
  }

  /** The decoded header with the record dimension's index turned back into its variable. */
  private static Dataset template(Dataset decoded, String recordDim, List<RecordVar> vars) {
    Dataset.Builder b = Dataset.builder();
    for (String d : decoded.dims()) {
      if (d.equals(recordDim)) b.dim(d, 0);
      else if (decoded.coords().containsKey(d)) b.coord(d, decoded.coord(d));
      else b.dim(d, decoded.sizes().get(d));
    }
    for (RecordVar rv : vars) {
      Variable v = decoded.variables().get(rv.name());
      if (v == null) { // the record dimension's index
        b.variable(Variable.of(rv.name(), List.of(recordDim), Column.allocate(rv.type(), new long[] {0})));
      } else {
        b.variable(v);
      }
    }
    return b.attrs(decoded.attrs()).build();
  }

  // ---- records as the store receives them ----

  /**
   * Records in the form a record file stores them: every variable over the record dimension first, the
   * record dimension's labels (if given as an index) turned into its variable.
   *
   * @throws IllegalArgumentException naming what a record file cannot hold
   */
  static Dataset normalise(Dataset records, Path path) {
    if (records.variables().isEmpty() && records.coords().isEmpty()) {
      throw new IllegalArgumentException("the records to append to " + path + " have no variables; expected "
          + "variables over the record dimension first");
    }
    String dim = records.dims().isEmpty() ? null : records.dims().get(0);
    if (!records.variables().isEmpty()) {
      Variable first = records.variables().values().iterator().next();
      if (first.dims().isEmpty()) {
        throw new IllegalArgumentException("variable '" + first.name() + "' is 0-dimensional; a record file holds "
            + "variables over the record dimension first");
      }
      dim = first.dims().get(0);
    } else if (!records.coords().containsKey(dim)) {
      throw new IllegalArgumentException("the records to append to " + path + " have no variables, only the labels "
          + "of " + records.coords().keySet() + "; expected variables over the record dimension first");
    }
    for (Variable v : records.variables().values()) {
      if (v.dims().isEmpty() || !v.dims().get(0).equals(dim)) {
        throw new IllegalArgumentException("variable '" + v.name() + "' has the dimensions " + v.dims() + "; every "
            + "variable of records must have the record dimension '" + dim + "' first");
      }
      if (v.type() == DType.STRING) {
        throw new IllegalArgumentException("variable '" + v.name() + "' is str; NetCDF record files hold numbers "
            + "and booleans (strings have no fixed length per record)");
      }
    }
    if (!records.coords().containsKey(dim)) return records;
    if (records.variables().containsKey(dim)) {
      throw new IllegalArgumentException("the record dimension '" + dim + "' has both labels and a variable");
    }
    Index ix = records.coord(dim);
    if (ix.type() == DType.STRING) {
      throw new IllegalArgumentException("the record dimension '" + dim + "' has string labels, which NetCDF "
          + "record files do not hold");
    }
    Dataset.Builder b = Dataset.builder();
    for (String d : records.dims()) {
      if (d.equals(dim)) b.dim(d, ix.size());
      else if (records.coords().containsKey(d)) b.coord(d, records.coord(d));
      else b.dim(d, records.sizes().get(d));
    }
    b.variable(Variable.of(dim, List.of(dim), Bulk.column(ix)));
    for (Variable v : records.variables().values()) b.variable(v);
    return b.attrs(records.attrs()).build();
  }

  /** The record dimension of normalised records. */
  static String recordDim(Dataset records) {
    return records.variables().values().iterator().next().dims().get(0);
  }

  /**
   * What a new file holds before its first record: the records' structure with the record dimension
   * of length 0, the record dimension's variable written as its (empty) index.
   */
  static Dataset newFile(Dataset records) {
    String dim = recordDim(records);
    Variable own = records.variables().get(dim);
    if (own != null && own.dims().size() != 1) {
      throw new IllegalArgumentException("variable '" + dim + "' is named after the record dimension, so it is "
          + "its coordinate and must be 1-D over it; it has the dimensions " + own.dims());
    }
    Dataset.Builder b = Dataset.builder();
    for (String d : records.dims()) { // the record dimension's coordinate first, as xarray then lists it
      if (d.equals(dim)) {
        if (own != null) b.coord(d, emptyIndex(own.type()));
        else b.dim(d, 0);
      } else if (records.coords().containsKey(d)) {
        b.coord(d, records.coord(d));
      } else {
        b.dim(d, records.sizes().get(d));
      }
    }
    for (Variable v : records.variables().values()) {
      if (v.name().equals(dim)) continue;
      long[] shape = v.shape();
      shape[0] = 0;
      b.variable(Variable.of(v.name(), v.dims(), Column.allocate(v.type(), shape)).withAttrs(v.attrs()));
    }
    return b.attrs(records.attrs()).build();
  }

  private static Index emptyIndex(DType type) {
    return switch (type) {
      case DOUBLE -> Index.ofDoubles();
      case FLOAT -> Index.ofFloats();
      case INT -> Index.ofInts();
      case LONG -> Index.ofLongs();
      case BOOLEAN -> Index.ofBooleans();
      default -> throw new IllegalArgumentException("a record dimension of " + type + " labels");
    };
  }

  /**
   * Checks that records fit this file: the same record dimension and variables, each of the same type,
   * dimensions and inner shape, over the same labels.
   *
   * @throws IncompatibleStoreException naming what differs, with both descriptions
   */
  void requireCompatible(Dataset records) {
    String dim = recordDim(records);
    String stored = describe(template, recordDim);
    String given = describe(records, dim);
    if (!dim.equals(recordDim)) {
      throw incompatible(stored, given, "the records are over '" + dim + "' but " + path.getFileName()
          + " holds records over '" + recordDim + "'");
    }
    Set<String> have = new LinkedHashSet<>();
    for (RecordVar v : vars) have.add(v.name());
    if (!have.equals(records.variables().keySet())) {
      List<String> missing = new ArrayList<>(have);
      missing.removeAll(records.variables().keySet());
      List<String> extra = new ArrayList<>(records.variables().keySet());
      extra.removeAll(have);
      throw incompatible(stored, given, "cannot append to " + path + ": it holds the variables " + have
          + (missing.isEmpty() ? "" : "; the records lack " + missing) + (extra.isEmpty() ? "" : "; the records add "
          + extra) + ". Stored: " + stored + "; given: " + given);
    }
    for (RecordVar rv : vars) {
      Variable v = records.variable(rv.name());
      long[] inner = Arrays.copyOfRange(v.shape(), 1, v.shape().length);
      if (v.type() != rv.type() || !v.dims().equals(rv.dims()) || !Arrays.equals(inner, rv.inner())) {
        throw incompatible(stored, given, "cannot append to " + path + ": variable '" + rv.name() + "' is stored as "
            + rv.type() + " " + rv.dims() + " " + Arrays.toString(rv.inner()) + " per record, but the records hold "
            + v.type() + " " + v.dims() + " " + Arrays.toString(inner));
      }
      if (rv.notAppendable() != null) {
        throw incompatible(stored, given, "cannot append to variable '" + rv.name() + "' of " + path + ": "
            + rv.notAppendable());
      }
    }
    for (String d : records.dims()) {
      if (d.equals(dim)) continue;
      Index mine = template.coords().get(d);
      Index theirs = records.coords().get(d);
      if (!Objects.equals(mine, theirs)) {
        throw incompatible(stored, given, "cannot append to " + path + ": dimension '" + d + "' has the labels "
            + (mine == null ? "(none)" : mine) + " in the file but " + (theirs == null ? "(none)" : theirs)
            + " in the records");
      }
    }
  }

  /** True if the records carry other attributes (of the dataset or a variable) than the file. */
  boolean attributesDiffer(Dataset records) {
    if (!sameAttrs(template.attrs(), records.attrs())) return true;
    for (RecordVar rv : vars) {
      if (rv.name().equals(recordDim)) continue; // the index's attributes are not stored
      if (!sameAttrs(template.variable(rv.name()).attrs(), records.variable(rv.name()).attrs())) return true;
    }
    return false;
  }

  private static boolean sameAttrs(Map<String, Object> a, Map<String, Object> b) {
    if (!a.keySet().equals(b.keySet())) return false;
    for (String k : a.keySet()) if (!Objects.deepEquals(a.get(k), b.get(k))) return false;
    return true;
  }

  private IncompatibleStoreException incompatible(String stored, String given, String why) {
    return new IncompatibleStoreException(path, stored, given, why);
  }

  /** The variables of records, e.g. {@code time (time) float64, u (time, x) float64 [4]}. */
  static String describe(Dataset records, String dim) {
    List<String> parts = new ArrayList<>();
    for (Variable v : records.variables().values()) {
      long[] inner = Arrays.copyOfRange(v.shape(), 1, v.shape().length);
      parts.add(v.name() + " (" + String.join(", ", v.dims()) + ") " + v.type()
          + (inner.length == 0 ? "" : " " + Arrays.toString(inner)));
    }
    return "records over '" + dim + "': " + String.join(", ", parts);
  }

  // ---- bytes ----

  /**
   * The bytes of {@code n} records, laid out as the file holds them, in {@code reuse} if it is large
   * enough. Checks every value the file cannot hold before returning.
   *
   * @throws IllegalArgumentException naming a value the file cannot hold (an int64 outside int32)
   */
  ByteBuffer encode(Dataset records, int n, ByteBuffer reuse) {
    long total = n * recSize;
    if (total > Integer.MAX_VALUE) {
      throw new IllegalArgumentException(n + " records of " + recSize + " bytes are " + total + " bytes; append at "
          + "most " + (Integer.MAX_VALUE / Math.max(1, recSize)) + " records at a time");
    }
    ByteBuffer buf = reuse != null && reuse.capacity() >= total ? reuse : ByteBuffer.allocateDirect((int) total);
    buf.clear().limit((int) total);
    buf.order(ByteOrder.BIG_ENDIAN);
    for (RecordVar rv : vars) {
      Column c = records.variable(rv.name()).column();
      int el = rv.elements();
      long padded = vars.size() == 1 ? rv.bytes() : (rv.bytes() + 3) / 4 * 4;
      for (int j = 0; j < n; j++) {
        int at = (int) (j * recSize + rv.offset());
        for (long p = rv.bytes(); p < padded; p++) buf.put((int) (at + p), (byte) 0);
        if (el == 0) continue;
        switch (rv.type()) {
          case DOUBLE, COMPLEX128 -> buf.slice(at, el * 8).order(ByteOrder.BIG_ENDIAN).asDoubleBuffer()
              .put(0, c.array().data().asNioDouble(), j * el, el);
          case FLOAT, COMPLEX64 -> buf.slice(at, el * 4).order(ByteOrder.BIG_ENDIAN).asFloatBuffer()
              .put(0, c.array().data().asNioFloat(), j * el, el);
          case INT -> buf.slice(at, el * 4).order(ByteOrder.BIG_ENDIAN).asIntBuffer()
              .put(0, c.array().data().asNioInt(), j * el, el);
          case LONG -> {
            java.nio.LongBuffer src = c.array().data().asNioLong();
            for (int i = 0; i < el; i++) {
              long x = src.get(j * el + i);
              if (x != (int) x) {
                throw new IllegalArgumentException("variable '" + rv.name() + "' is int64 and holds " + x + " in record "
                    + j + " of the append, outside int32, which a NetCDF-3 file cannot hold; store it as float64");
              }
              buf.putInt(at + 4 * i, (int) x);
            }
          }
          case BOOLEAN -> buf.put(at, c.array().data().asNio(), j * el, el);
          default -> throw new AssertionError(rv.type());
        }
      }
    }
    buf.position(0);
    return buf;
  }

  /**
   * Allocates the columns for {@code n} records of the given variables.
   */
  Map<String, Column> allocate(List<RecordVar> selected, int n) {
    Map<String, Column> out = new LinkedHashMap<>();
    for (RecordVar rv : selected) {
      long[] shape = new long[rv.inner().length + 1];
      shape[0] = n;
      System.arraycopy(rv.inner(), 0, shape, 1, rv.inner().length);
      out.put(rv.name(), n == 0 ? Column.allocate(rv.type(), shape) : Column.allocateUninitialized(rv.type(), shape));
    }
    return out;
  }

  /**
   * Decodes one variable of {@code n} whole records held in {@code buf} (from its position 0) into rows
   * {@code first ..} of a column.
   */
  void decode(RecordVar rv, ByteBuffer buf, int n, Column dst, long first) {
    int el = rv.elements();
    if (el == 0) return;
    for (int j = 0; j < n; j++) {
      int at = (int) (j * recSize + rv.offset());
      decodeRow(rv, buf, at, dst, (first + j) * el);
    }
  }

  /** Decodes the {@code elements} values of one record of a variable at byte {@code at} of {@code buf}. */
  void decodeRow(RecordVar rv, ByteBuffer buf, int at, Column dst, long to) {
    int el = rv.elements();
    int dstAt = Math.toIntExact(to);
    DataType nc = rv.ncType();
    boolean fills = rv.fills().length > 0;
    if ((rv.type() == DType.DOUBLE || rv.type() == DType.COMPLEX128) && nc == DataType.DOUBLE) {
      DoubleBuffer src = buf.slice(at, el * 8).order(ByteOrder.BIG_ENDIAN).asDoubleBuffer();
      DoubleBuffer out = dst.array().data().asNioDouble();
      out.put(dstAt, src, 0, el);
      if (fills) for (int i = 0; i < el; i++) if (isFill(rv, out.get(dstAt + i))) out.put(dstAt + i, Double.NaN);
      return;
    }
    if ((rv.type() == DType.FLOAT || rv.type() == DType.COMPLEX64) && nc == DataType.FLOAT) {
      FloatBuffer src = buf.slice(at, el * 4).order(ByteOrder.BIG_ENDIAN).asFloatBuffer();
      FloatBuffer out = dst.array().data().asNioFloat();
      out.put(dstAt, src, 0, el);
      if (fills) for (int i = 0; i < el; i++) if (isFill(rv, out.get(dstAt + i))) out.put(dstAt + i, Float.NaN);
      return;
    }
    if (rv.type() == DType.INT && nc == DataType.INT && !rv.unsigned()) {
      IntBuffer src = buf.slice(at, el * 4).order(ByteOrder.BIG_ENDIAN).asIntBuffer();
      dst.array().data().asNioInt().put(dstAt, src, 0, el);
      return;
    }
    if (rv.type() == DType.BOOLEAN) {
      ByteBuffer out = dst.array().data().asNio();
      for (int i = 0; i < el; i++) out.put(dstAt + i, buf.get(at + i) != 0 ? (byte) 1 : (byte) 0);
      return;
    }
    // The general case: an integer read wider, or with fill values as NaN.
    for (int i = 0; i < el; i++) {
      long raw = rawInteger(nc, rv.unsigned(), buf, at, i);
      switch (rv.type()) {
        case INT -> dst.setLong(to + i, raw);
        case LONG -> dst.setLong(to + i, raw);
        case DOUBLE -> dst.setDouble(to + i, isFill(rv, raw) ? Double.NaN : (double) raw);
        case FLOAT -> dst.setDouble(to + i, isFill(rv, raw) ? Double.NaN : (double) raw);
        default -> throw new IllegalStateException("variable '" + rv.name() + "': cannot read " + nc + " as " + rv.type());
      }
    }
  }

  private static long rawInteger(DataType nc, boolean unsigned, ByteBuffer buf, int at, int i) {
    if (nc == DataType.INT) {
      int x = buf.getInt(at + 4 * i);
      return unsigned ? x & 0xFFFFFFFFL : x;
    }
    if (nc == DataType.SHORT) {
      short x = buf.getShort(at + 2 * i);
      return unsigned ? x & 0xFFFF : x;
    }
    if (nc == DataType.BYTE) {
      byte x = buf.get(at + i);
      return unsigned ? x & 0xFF : x;
    }
    if (nc == DataType.DOUBLE) return (long) buf.getDouble(at + 8 * i);
    if (nc == DataType.FLOAT) return (long) buf.getFloat(at + 4 * i);
    throw new IllegalStateException("cannot read NetCDF type " + nc);
  }

  private static boolean isFill(RecordVar rv, double x) {
    for (double f : rv.fills()) if (f == x) return true;
    return false;
  }
}
