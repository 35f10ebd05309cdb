package dev.sweep.io.netcdf;

import dev.sweep.data.DType;
import dev.sweep.data.Dataset;
import dev.sweep.data.DuplicateLabelException;
import dev.sweep.data.Variable;
import dev.sweep.data.Column;
import dev.sweep.io.internal.Json;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import ucar.ma2.Array;
import ucar.ma2.DataType;
import ucar.nc2.Attribute;

/**
 * Decodes NetCDF variables and attributes into a {@link Dataset}, undoing {@link CfEncoder} and
 * reading files other tools wrote the way xarray decodes them; does no I/O of its own.
 *
 * <ul>
 *   <li>A variable named after its only dimension is that dimension's index, if its labels are
 *       distinct; otherwise it stays a data variable. Its attributes are dropped (an index has none).
 *   <li>Other variables, including xarray's non-index coordinates, are data variables; the CF
 *       {@code coordinates} attribute stays on them, so writing the dataset back keeps xarray's view.
 *   <li>{@code char} variables become strings over all but their last dimension (decoded by
 *       {@code _Encoding}, UTF-8 if absent, trailing NULs dropped); a dimension used only that way is
 *       not a dimension of the dataset.
 *   <li>{@code byte} with {@code dtype = "bool"} is bool; an integer with {@code dtype = "int64"} is
 *       int64; byte and short are int32; unsigned int32 and int64 are int64.
 *   <li>{@code _FillValue} and {@code missing_value} become NaN (null for strings); an integer
 *       variable that has them, or any variable with {@code scale_factor} / {@code add_offset},
 *       becomes float64, as in xarray.
 *   <li>Complex values: an HDF5 compound of two floats named {@code r} and {@code i} (as xarray's
 *       h5netcdf engine writes them; also {@code re}/{@code im}, {@code real}/{@code imag}) is complex128
 *       or complex64; so is a float variable whose last dimension, of size 2, is named
 *       {@code _pfnc_complex} (as sweep writes NetCDF-3), {@code complex} or {@code ri} (the nc-complex
 *       convention), and that dimension is not a dimension of the dataset.
 *   <li>Other types (other compounds, enum, opaque, vlen) are skipped with a warning. Files with data in
 *       groups never get here: {@link NetcdfReader} refuses them.
 * </ul>
 */
final class CfDecoder {
  private static final Logger log = LoggerFactory.getLogger(CfDecoder.class);

  /** Attributes the NetCDF libraries add themselves; never user data. */
  private static final Set<String> ARTEFACTS = Set.of("_ChunkSizes", "_Netcdf4Dimid", "_Netcdf4Coordinates",
      "_Storage", "_DeflateLevel", "_Shuffle", "_Endianness", "_NoFill", "_Fletcher32", "_Filter",
      "_NCProperties", "_SuperblockVersion", "_IsNetcdf4", "_Format", "_nc3_strict", CfEncoder.ORDER);

  private final NcFile file;
  private final String source;

  private CfDecoder(NcFile file, String source) {
    this.file = file;
    this.source = source;
  }

  /**
   * The dataset a NetCDF file holds.
   *
   * @param source the file, for messages
   * @throws IOException if reading values fails
   */
  static Dataset decode(NcFile file, String source) throws IOException {
    return new CfDecoder(file, source).decode();
  }

  private Dataset decode() throws IOException {
    Map<String, Integer> fileDims = new LinkedHashMap<>();
    for (NcFile.Dim d : file.dims()) fileDims.put(d.name(), d.length());

    // Dimensions the dataset keeps: all but those used only as the string length of char variables.
    Set<String> used = new HashSet<>();
    Set<String> charOnly = new HashSet<>();
    for (NcFile.Var v : file.vars()) {
      List<String> dims = v.dims();
      for (int d = 0; d < dims.size(); d++) {
        boolean last = d == dims.size() - 1;
        if (last && (v.type() == DataType.CHAR || isComplexParts(v))) charOnly.add(dims.get(d));
        else used.add(dims.get(d));
      }
    }
    charOnly.removeAll(used);

    Map<String, Column> columns = new LinkedHashMap<>();
    Map<String, List<String>> varDims = new HashMap<>();
    Map<String, Map<String, Object>> varAttrs = new HashMap<>();
    for (NcFile.Var v : file.vars()) {
      Decoded d = decodeVar(v);
      if (d == null) continue;
      columns.put(v.name(), d.column);
      varDims.put(v.name(), d.dims);
      varAttrs.put(v.name(), d.attrs);
    }

    Map<String, Object> global = CfAttributes.decode(file.attrs(), ARTEFACTS, "the dataset");
    List<String> dimOrder = new ArrayList<>();
    List<String> varOrder = new ArrayList<>();
    readOrder(dimOrder, varOrder);

    Set<String> dims = new LinkedHashSet<>();
    for (String d : dimOrder) {
      if (fileDims.containsKey(d) && !charOnly.contains(d)) dims.add(d);
    }
    for (String d : fileDims.keySet()) {
      if (!charOnly.contains(d)) dims.add(d);
    }

    Dataset.Builder b = Dataset.builder();
    Set<String> coordinates = new HashSet<>();
    for (String dim : dims) {
      Column c = columns.get(dim);
      if (c != null && varDims.get(dim).equals(List.of(dim))) {
        try {
          b.coord(dim, Bulk.index(c));
          coordinates.add(dim);
          if (!varAttrs.get(dim).isEmpty()) {
            log.debug("{}: dropping attributes {} of coordinate '{}'", source, varAttrs.get(dim).keySet(), dim);
          }
          continue;
        } catch (IllegalArgumentException | DuplicateLabelException e) {
          log.warn("{}: coordinate '{}' is not an index ({}); reading it as a data variable", source, dim,
              e.getMessage());
        }
      }
      b.dim(dim, fileDims.get(dim));
    }

    Set<String> names = new LinkedHashSet<>();
    for (String v : varOrder) {
      if (columns.containsKey(v)) names.add(v);
    }
    names.addAll(columns.keySet());
    for (String name : names) {
      if (coordinates.contains(name)) continue;
      b.variable(Variable.of(name, varDims.get(name), columns.get(name)).withAttrs(varAttrs.get(name)));
    }
    return b.attrs(global).build();
  }

  /** The order NetCDF-4 files written by sweep record, if any. */
  private void readOrder(List<String> dims, List<String> vars) {
    for (Attribute a : file.attrs()) {
      if (!a.getShortName().equals(CfEncoder.ORDER) || !a.isString()) continue;
      try {
        if (Json.parse(a.getStringValue()) instanceof Map<?, ?> m) {
          addStrings(m.get("dims"), dims);
          addStrings(m.get("variables"), vars);
        }
      } catch (IllegalArgumentException e) {
        log.warn("{}: ignoring attribute {}: {}", source, CfEncoder.ORDER, e.getMessage());
      }
    }
  }

  private static void addStrings(Object list, List<String> out) {
    if (list instanceof List<?> l) {
      for (Object o : l) {
        if (o instanceof String s) out.add(s);
      }
    }
  }

  private record Decoded(List<String> dims, Column column, Map<String, Object> attrs) {}

  private Decoded decodeVar(NcFile.Var v) throws IOException {
    String owner = "variable '" + v.name() + "'";
    Set<String> consumed = new HashSet<>(ARTEFACTS);
    consumed.add("_Unsigned");
    DataType t = v.type();
    List<String> dims = v.dims();
    long[] shape = toLongs(v.shape());
    Column column;
    if (v.parts() != null) {
      column = complexes(v, shape, v.parts());
    } else if (isComplexParts(v)) {
      dims = dims.subList(0, dims.size() - 1);
      shape = java.util.Arrays.copyOf(shape, shape.length - 1);
      consumed.add(CfEncoder.COMPLEX_CONVENTION);
      consumed.add("_FillValue");
      consumed.add("missing_value");
      column = complexes(v, shape, t);
    } else if (t == DataType.CHAR || t == DataType.STRING) {
      if (t == DataType.CHAR && shape.length > 0) { // the last dimension is the string length
        dims = dims.subList(0, dims.size() - 1);
        shape = java.util.Arrays.copyOf(shape, shape.length - 1);
        consumed.add("_Encoding");
      }
      Set<String> missing = new HashSet<>();
      for (String name : List.of("missing_value", "_FillValue")) {
        Attribute a = v.attr(name);
        if (a != null && a.isString()) {
          missing.add(a.getStringValue());
          consumed.add(name);
        }
      }
      column = Column.ofStrings(shape, strings(v, missing));
    } else if (t.isNumeric()) {
      column = numbers(v, shape, consumed, owner);
    } else {
      log.warn("{}: skipping {}: NetCDF type {} has no sweep counterpart", source, owner, t);
      return null;
    }
    return new Decoded(dims, column, CfAttributes.decode(v.attrs(), consumed, owner));
  }

  /** Names of the last dimension that mark a float variable as complex parts, as nc-complex knows them. */
  private static final Set<String> COMPLEX_DIMS = Set.of(CfEncoder.COMPLEX_DIM, "complex", "ri");

  /**
   * True for a float variable whose last dimension, of size 2, holds real and imaginary parts: the
   * nc-complex convention (dimension {@code _pfnc_complex}, or {@code complex} or {@code ri}), as
   * sweep writes complex values in NetCDF-3 and netCDF4-python 1.7 reads them.
   */
  static boolean isComplexParts(NcFile.Var v) {
    int[] shape = v.shape();
    return (v.type() == DataType.DOUBLE || v.type() == DataType.FLOAT) && shape.length > 0
        && shape[shape.length - 1] == 2 && COMPLEX_DIMS.contains(v.dims().get(shape.length - 1));
  }

  /** A complex column from slabs of parts (a last axis of 2); a part equal to a fill value makes the element missing. */
  private Column complexes(NcFile.Var v, long[] shape, DataType part) throws IOException {
    boolean dbl = part == DataType.DOUBLE;
    Column c = Column.allocateUninitialized(dbl ? DType.COMPLEX128 : DType.COMPLEX64, shape);
    Set<Double> fills = new HashSet<>();
    for (String name : List.of("_FillValue", "missing_value")) {
      Attribute a = v.attr(name);
      if (a == null || a.isString()) continue;
      for (int i = 0; i < a.getLength(); i++) {
        double f = a.getNumericValue(i).doubleValue();
        if (!Double.isNaN(f)) fills.add(f);
      }
    }
    long perElement = v.parts() != null ? 2 : 1; // a compound's slabs are counted in elements, else in parts
    read(v, (a, at) -> {
      double[] d = (double[]) a.get1DJavaArray(double.class);
      long from = at * perElement;
      for (int k = 0; k + 1 < d.length; k += 2) {
        long i = (from + k) / 2;
        if (fills.contains(d[k]) || fills.contains(d[k + 1])) c.setMissing(i);
        else c.setComplex(i, d[k], d[k + 1]);
      }
    });
    return c;
  }

  /** A numeric column; allocated uninitialized, as the slabs below fill every element. */
  private Column numbers(NcFile.Var v, long[] shape, Set<String> consumed, String owner) throws IOException {
    DataType t = v.type();
    boolean unsigned = v.unsigned();
    String dtype = v.attr("dtype") != null && v.attr("dtype").isString() ? v.attr("dtype").getStringValue() : null;
    boolean integer = t == DataType.BYTE || t == DataType.SHORT || t == DataType.INT || t == DataType.LONG;
    double scale = number(v, "scale_factor", consumed, 1);
    double offset = number(v, "add_offset", consumed, 0);
    boolean scaled = consumed.contains("scale_factor") || consumed.contains("add_offset");
    Set<Double> fills = new HashSet<>();
    for (String name : List.of("_FillValue", "missing_value")) {
      Attribute a = v.attr(name);
      if (a == null || a.isString()) continue;
      consumed.add(name);
      for (int i = 0; i < a.getLength(); i++) {
        double f = toDouble(a.getNumericValue(i), a.isUnsigned() || unsigned);
        if (!Double.isNaN(f)) fills.add(f);
      }
    }

    if (integer && "bool".equals(dtype) && fills.isEmpty() && !scaled) {
      consumed.add("dtype");
      Column c = Column.allocateUninitialized(DType.BOOLEAN, shape);
      read(v, (a, at) -> Bulk.putBools(c, at, (byte[]) a.get1DJavaArray(byte.class)));
      return c;
    }
    if (scaled || (integer && !fills.isEmpty())) {
      Column c = Column.allocateUninitialized(DType.DOUBLE, shape);
      read(v, (a, at) -> {
        double[] d = doubles(a, unsigned);
        for (int i = 0; i < d.length; i++) {
          if (!fills.isEmpty() && fills.contains(d[i])) d[i] = Double.NaN;
          else d[i] = d[i] * scale + offset;
        }
        Bulk.put(c, at, d);
      });
      return c;
    }
    if (t == DataType.DOUBLE || t == DataType.FLOAT) {
      boolean dbl = t == DataType.DOUBLE;
      Column c = Column.allocateUninitialized(dbl ? DType.DOUBLE : DType.FLOAT, shape);
      read(v, (a, at) -> {
        if (dbl) {
          double[] d = (double[]) a.get1DJavaArray(double.class);
          if (!fills.isEmpty()) for (int i = 0; i < d.length; i++) if (fills.contains(d[i])) d[i] = Double.NaN;
          Bulk.put(c, at, d);
        } else {
          float[] f = (float[]) a.get1DJavaArray(float.class);
          if (!fills.isEmpty()) for (int i = 0; i < f.length; i++) if (fills.contains((double) f[i])) f[i] = Float.NaN;
          Bulk.put(c, at, f);
        }
      });
      return c;
    }
    boolean wide = t == DataType.LONG || (t == DataType.INT && unsigned);
    if ("int64".equals(dtype)) { // sweep's mark of int64 stored as int32 in NetCDF-3
      consumed.add("dtype");
      wide = true;
    }
    if (wide) {
      Column c = Column.allocateUninitialized(DType.LONG, shape);
      read(v, (a, at) -> {
        long[] l = longs(a, unsigned);
        if (t == DataType.LONG && unsigned) {
          for (int i = 0; i < l.length; i++) {
            if (l[i] < 0) {
              throw new IllegalArgumentException(owner + " is uint64 and holds "
                  + Long.toUnsignedString(l[i]) + ", beyond int64");
            }
          }
        }
        Bulk.put(c, at, l);
      });
      return c;
    }
    Column c = Column.allocateUninitialized(DType.INT, shape);
    read(v, (a, at) -> Bulk.put(c, at, ints(a, unsigned)));
    return c;
  }

  /** Receives one slab: its values and the flat position (in the NetCDF variable) of the first. */
  @FunctionalInterface
  private interface SlabSink {
    void accept(Array values, long at);
  }

  /** Reads a variable slab by slab, as {@link NcFile.Var#rowsPerSlab()} sizes them. */
  private static void read(NcFile.Var v, SlabSink sink) throws IOException {
    int[] shape = v.shape();
    if (v.size() == 0) return;
    if (shape.length == 0) {
      sink.accept(v.rows().read(0, 1), 0);
      return;
    }
    long rowElems = v.size() / shape[0];
    int step = v.rowsPerSlab();
    for (int first = 0; first < shape[0]; first += step) {
      int count = Math.min(step, shape[0] - first);
      sink.accept(v.rows().read(first, count), first * rowElems);
    }
  }

  private String[] strings(NcFile.Var v, Set<String> missing) throws IOException {
    int[] ncShape = v.shape();
    boolean chars = v.type() == DataType.CHAR && ncShape.length > 0; // else one string per element
    int strlen = chars ? ncShape[ncShape.length - 1] : 1;
    long n = 1;
    for (int d = 0; d < ncShape.length - (chars ? 1 : 0); d++) n *= ncShape[d];
    String[] out = new String[Math.toIntExact(n)];
    if (chars && strlen == 0) {
      java.util.Arrays.fill(out, missing.contains("") ? null : "");
      return out;
    }
    Charset charset = charset(v);
    byte[] bytes = new byte[strlen];
    read(v, (a, at) -> {
      if (!chars) {
        for (int i = 0; i < a.getSize(); i++) {
          Object o = a.getObject(i);
          String s = o == null || o.equals('\0') ? "" : o.toString(); // netCDF-4 stores "" as a null pointer
          out[(int) at + i] = missing.contains(s) ? null : s;
        }
        return;
      }
      char[] c = (char[]) a.get1DJavaArray(char.class);
      int start = (int) (at / strlen);
      for (int k = 0; k < c.length / strlen; k++) {
        int len = 0;
        for (int j = 0; j < strlen; j++) {
          bytes[j] = (byte) c[k * strlen + j]; // one byte per char, as NetCDF stores them
          if (bytes[j] != 0) len = j + 1; // NetCDF pads with NULs; xarray drops trailing ones
        }
        String s = new String(bytes, 0, len, charset);
        out[start + k] = missing.contains(s) ? null : s;
      }
    });
    return out;
  }

  private Charset charset(NcFile.Var v) {
    Attribute enc = v.attr("_Encoding");
    if (enc == null || !enc.isString()) return StandardCharsets.UTF_8;
    try {
      return Charset.forName(enc.getStringValue());
    } catch (IllegalArgumentException e) {
      log.warn("{}: variable '{}' has unknown _Encoding '{}'; decoding it as UTF-8", source, v.name(),
          enc.getStringValue());
      return StandardCharsets.UTF_8;
    }
  }

  private static double number(NcFile.Var v, String name, Set<String> consumed, double otherwise) {
    Attribute a = v.attr(name);
    if (a == null || a.isString() || a.getLength() != 1) return otherwise;
    consumed.add(name);
    return a.getNumericValue().doubleValue();
  }

  private static double toDouble(Number n, boolean unsigned) {
    if (!unsigned) return n.doubleValue();
    if (n instanceof Byte b) return b & 0xFF;
    if (n instanceof Short s) return s & 0xFFFF;
    if (n instanceof Integer i) return i & 0xFFFFFFFFL;
    return n.doubleValue();
  }

  private static double[] doubles(Array a, boolean unsigned) {
    if (!unsigned) return (double[]) a.get1DJavaArray(double.class);
    long[] l = longs(a, true);
    double[] d = new double[l.length];
    for (int i = 0; i < l.length; i++) d[i] = l[i];
    return d;
  }

  private static long[] longs(Array a, boolean unsigned) {
    if (!unsigned) return (long[]) a.get1DJavaArray(long.class);
    DataType t = a.getDataType();
    long mask = t == DataType.BYTE ? 0xFFL : t == DataType.SHORT ? 0xFFFFL : t == DataType.INT ? 0xFFFFFFFFL : -1L;
    long[] l = (long[]) a.get1DJavaArray(long.class);
    for (int i = 0; i < l.length; i++) l[i] &= mask;
    return l;
  }

  private static int[] ints(Array a, boolean unsigned) {
    if (!unsigned || a.getDataType() == DataType.INT) return (int[]) a.get1DJavaArray(int.class);
    long[] l = longs(a, true);
    int[] out = new int[l.length];
    for (int i = 0; i < l.length; i++) out[i] = (int) l[i];
    return out;
  }

  private static long[] toLongs(int[] shape) {
    long[] out = new long[shape.length];
    for (int d = 0; d < shape.length; d++) out[d] = shape[d];
    return out;
  }
}
