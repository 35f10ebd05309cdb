package dev.sweep.io.netcdf;

import dev.sweep.data.Dataset;
import dev.sweep.data.Index;
import dev.sweep.data.Variable;
import dev.sweep.data.Column;
import dev.sweep.io.internal.Json;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import ucar.ma2.Array;
import ucar.ma2.DataType;
import ucar.nc2.Attribute;

/**
 * Encodes a {@link Dataset} into NetCDF variables and attributes by the CF conventions that xarray
 * decodes (the counterpart of xarray's {@code coding/} and {@code conventions.py}); does no I/O.
 *
 * <ul>
 *   <li>float64 / float32: {@code double} / {@code float} with {@code _FillValue = NaN}.
 *   <li>int32: {@code int}. int64: {@code int64} in NetCDF-4; in NetCDF-3 {@code int} with
 *       {@code dtype = "int64"} when every value fits, else an error.
 *   <li>bool: {@code byte} 0/1 with {@code dtype = "bool"}, which xarray decodes to bool.
 *   <li>str: NetCDF-4 {@code string}; NetCDF-3 {@code char (dims..., <name>_strlen)} of UTF-8 bytes
 *       with {@code _Encoding = "utf-8"}. Null strings are written as a text that no value uses
 *       (the empty string if free) named by {@code missing_value}, which xarray decodes to NaN.
 *   <li>An index coordinate is the variable named after its dimension; dimensions of size 0 are
 *       unlimited (NetCDF-3 allows one, as the first dimension of every variable over it).
 *   <li>NetCDF-4 files also carry {@value #ORDER}: the pure-Java HDF5 reader lists dimensions and
 *       variables in hash order, so the order is recorded.
 * </ul>
 */
final class CfEncoder {
  /** The last dimension of a complex variable in NetCDF-3, as the nc-complex convention names it. */
  static final String COMPLEX_DIM = "_pfnc_complex";

  /** Variable attribute naming how a NetCDF-3 complex variable is stored. */
  static final String COMPLEX_CONVENTION = "complex_convention";

  /** The value of {@value #COMPLEX_CONVENTION}. */
  static final String NC_COMPLEX = "nc-complex: real and imaginary parts along the last dimension, " + COMPLEX_DIM;

  /** Global attribute of NetCDF-4 files: JSON {@code {"dims": [...], "variables": [...]}}. */
  static final String ORDER = "sweep_order";

  /** Variable attributes the encoding writes or the NetCDF libraries interpret: not for users. */
  static final Set<String> VARIABLE_RESERVED = Set.of("_FillValue", "missing_value", "_Encoding", "_Unsigned",
      "scale_factor", "add_offset", "dtype", COMPLEX_CONVENTION, CfAttributes.TYPES, "_ChunkSizes", "_Netcdf4Dimid",
      "_Netcdf4Coordinates", "_Storage", "_DeflateLevel", "_Shuffle", "_Endianness", "_NoFill", "_Fletcher32",
      "_Filter");

  /** Global attributes the encoding writes or the NetCDF libraries interpret. */
  static final Set<String> GLOBAL_RESERVED = Set.of(CfAttributes.TYPES, ORDER, "_NCProperties",
      "_SuperblockVersion", "_IsNetcdf4", "_Format", "_nc3_strict");

  private final Dataset ds;
  private final NetcdfFormat format;
  private final boolean nc3;
  private final List<NcFile.Dim> dims = new ArrayList<>();
  private final Set<String> takenDimNames = new HashSet<>();

  private CfEncoder(Dataset ds, NetcdfFormat format) {
    this.ds = ds;
    this.format = format;
    this.nc3 = format == NetcdfFormat.NETCDF3_64BIT_OFFSET;
  }

  /**
   * The NetCDF structure of a dataset in the given format. Checks everything the format cannot hold
   * before any file is touched.
   *
   * @throws IllegalArgumentException naming what cannot be stored and what to do instead
   */
  static NcFile encode(Dataset ds, NetcdfFormat format) {
    return new CfEncoder(ds, format).encode();
  }

  /**
   * Checks the values {@link #encode} would refuse (int64 outside int32 in NetCDF-3, strings with a
   * NUL character or an unpaired surrogate) without encoding anything: it reads only the int64 and
   * string variables, once.
   *
   * @throws IllegalArgumentException naming the variable, the value and its cell's labels
   */
  static void checkValues(Dataset ds, NetcdfFormat format) {
    CfEncoder e = new CfEncoder(ds, format);
    for (Variable v : ds.variables().values()) {
      String owner = "variable '" + v.name() + "'";
      Column col = v.column();
      if (col.type() == dev.sweep.data.DType.LONG && e.nc3) e.requireInt32(col, v.dims(), owner);
      else if (col.type() == dev.sweep.data.DType.STRING) e.requireStorable(col.strings(), v.dims(), col.shape(), owner);
    }
  }

  private NcFile encode() {
    String emptyDim = null;
    for (Map.Entry<String, Integer> e : ds.sizes().entrySet()) {
      Names.check("dimension", e.getKey(), null);
      if (e.getValue() == 0 && nc3) {
        if (emptyDim != null) {
          throw new IllegalArgumentException("dimensions '" + emptyDim + "' and '" + e.getKey()
              + "' both have size 0; NetCDF-3 holds an empty dimension only as its one unlimited dimension. "
              + "Write with NetcdfFormat.NETCDF4");
        }
        emptyDim = e.getKey();
      }
      dims.add(new NcFile.Dim(e.getKey(), e.getValue()));
      takenDimNames.add(e.getKey());
    }
    takenDimNames.addAll(ds.variables().keySet());

    List<NcFile.Var> vars = new ArrayList<>();
    for (Map.Entry<String, Index> e : ds.coords().entrySet()) {
      String dim = e.getKey();
      vars.add(encode(dim, List.of(dim), Bulk.column(e.getValue()), Map.of(), "coordinate '" + dim + "'"));
    }
    for (Variable v : ds.variables().values()) {
      Names.check("variable", v.name(), null);
      if (ds.sizes().containsKey(v.name())) {
        throw new IllegalArgumentException("variable '" + v.name() + "' has the name of a dimension; NetCDF and "
            + "xarray would read it as that dimension's coordinate. Rename the variable, or make its values "
            + "the labels of dimension '" + v.name() + "'");
      }
      if (emptyDim != null && v.dims().contains(emptyDim) && !v.dims().get(0).equals(emptyDim)) {
        throw new IllegalArgumentException("variable '" + v.name() + "' has the empty dimension '" + emptyDim
            + "' in position " + v.dims().indexOf(emptyDim) + "; NetCDF-3 holds an empty dimension only as the "
            + "unlimited dimension, which must come first. Write with NetcdfFormat.NETCDF4");
      }
      vars.add(encode(v.name(), v.dims(), v.column(), v.attrs(), "variable '" + v.name() + "'"));
    }

    List<Attribute> global = new ArrayList<>(
        CfAttributes.encode(ds.attrs(), format, "the dataset", GLOBAL_RESERVED));
    if (!nc3) {
      Map<String, Object> order = new LinkedHashMap<>();
      order.put("dims", List.copyOf(ds.sizes().keySet()));
      order.put("variables", List.copyOf(ds.variables().keySet()));
      global.add(new Attribute(ORDER, Json.write(order)));
    }
    return new NcFile(dims, vars, global);
  }

  private NcFile.Var encode(String name, List<String> varDims, Column col, Map<String, Object> userAttrs,
      String owner) {
    if (col.length() > Integer.MAX_VALUE) {
      throw new IllegalArgumentException(owner + " has " + col.length() + " elements; at most "
          + Integer.MAX_VALUE + " per variable can be written");
    }
    int[] shape = toInts(col.shape());
    int rowElems = 1;
    for (int d = 1; d < shape.length; d++) rowElems *= shape[d];
    final int perRow = rowElems;
    List<Attribute> attrs = new ArrayList<>();
    List<String> ncDims = varDims;
    int[] ncShape = shape;
    DataType type;
    DataType parts = null;
    NcFile.Rows rows;
    switch (col.type()) {
      case COMPLEX128:
      case COMPLEX64: {
        boolean dbl = col.type() == dev.sweep.data.DType.COMPLEX128;
        DataType part = dbl ? DataType.DOUBLE : DataType.FLOAT;
        int[] partsShape = Arrays.copyOf(shape, shape.length + 1);
        partsShape[shape.length] = 2;
        // The column's storage already holds each value's real then imaginary part: one bulk copy per slab.
        rows = (first, count) -> {
          int[] s = Arrays.copyOf(slab(shape, count), shape.length + 1);
          s[shape.length] = 2;
          long from = 2L * first * perRow;
          int n = 2 * (shape.length == 0 ? 1 : count * perRow);
          return Array.factory(part, s, dbl ? Bulk.doubles(col, from, n) : Bulk.floats(col, from, n));
        };
        if (nc3) {
          if (ds.sizes().containsKey(COMPLEX_DIM) || ds.variables().containsKey(COMPLEX_DIM)) {
            throw new IllegalArgumentException(owner + " is " + col.type() + ", which NetCDF-3 stores along a last "
                + "dimension named '" + COMPLEX_DIM + "', but the dataset has a dimension or variable of that name. "
                + "Rename it, or write with NetcdfFormat.NETCDF4");
          }
          if (dims.stream().noneMatch(d -> d.name().equals(COMPLEX_DIM))) dims.add(new NcFile.Dim(COMPLEX_DIM, 2));
          ncDims = new ArrayList<>(varDims);
          ncDims.add(COMPLEX_DIM);
          ncShape = partsShape;
          type = part;
          attrs.add(dbl ? new Attribute("_FillValue", Double.NaN) : new Attribute("_FillValue", Float.NaN));
          attrs.add(new Attribute(COMPLEX_CONVENTION, NC_COMPLEX));
        } else {
          type = DataType.STRUCTURE; // an HDF5 compound {r, i}, which h5py and xarray's h5netcdf read as complex
          parts = part;
        }
        break;
      }
      case DOUBLE:
        type = DataType.DOUBLE;
        attrs.add(new Attribute("_FillValue", Double.NaN));
        rows = new ColumnRows(col, DataType.DOUBLE, shape, perRow);
        break;
      case FLOAT:
        type = DataType.FLOAT;
        attrs.add(new Attribute("_FillValue", Float.NaN));
        rows = new ColumnRows(col, DataType.FLOAT, shape, perRow);
        break;
      case INT:
        type = DataType.INT;
        rows = new ColumnRows(col, DataType.INT, shape, perRow);
        break;
      case LONG:
        if (nc3) {
          requireInt32(col, varDims, owner);
          type = DataType.INT;
          attrs.add(new Attribute("dtype", "int64"));
          rows = (first, count) -> {
            long[] l = Bulk.longs(col, (long) first * perRow, count * perRow);
            int[] out = new int[l.length];
            for (int i = 0; i < l.length; i++) out[i] = (int) l[i];
            return Array.factory(DataType.INT, slab(shape, count), out);
          };
        } else {
          type = DataType.LONG;
          rows = (first, count) -> Array.factory(DataType.LONG, slab(shape, count),
              Bulk.longs(col, (long) first * perRow, count * perRow));
        }
        break;
      case BOOLEAN:
        type = DataType.BYTE;
        attrs.add(new Attribute("dtype", "bool"));
        rows = (first, count) -> Array.factory(DataType.BYTE, slab(shape, count),
            Bulk.bools(col, (long) first * perRow, count * perRow));
        break;
      case STRING: {
        String[] values = col.strings();
        requireStorable(values, varDims, col.shape(), owner);
        String missing = missingText(values);
        boolean scalar = shape.length == 0;
        if (nc3) {
          int strlen = 1;
          for (String s : values) strlen = Math.max(strlen, utf8Length(s == null ? missing : s));
          final int len = strlen;
          String strDim = charDimName(name);
          dims.add(new NcFile.Dim(strDim, strlen));
          ncDims = new ArrayList<>(varDims);
          ncDims.add(strDim);
          ncShape = Arrays.copyOf(shape, shape.length + 1);
          ncShape[shape.length] = strlen;
          type = DataType.CHAR;
          attrs.add(new Attribute("_Encoding", "utf-8"));
          rows = (first, count) -> {
            int n = scalar ? 1 : count * perRow;
            char[] out = new char[n * len];
            long base = (long) first * perRow;
            for (int k = 0; k < n; k++) {
              String s = values[(int) (base + k)];
              byte[] b = (s == null ? missing : s).getBytes(StandardCharsets.UTF_8);
              // NetCDF-3 stores a char as one byte: one UTF-8 byte per Java char, written unchanged.
              for (int j = 0; j < b.length; j++) out[k * len + j] = (char) (b[j] & 0xFF);
            }
            int[] s = scalar ? new int[] {len} : Arrays.copyOf(slab(shape, count), shape.length + 1);
            s[s.length - 1] = len;
            return Array.factory(DataType.CHAR, s, out);
          };
        } else {
          type = DataType.STRING;
          rows = (first, count) -> {
            int n = scalar ? 1 : count * perRow;
            String[] out = new String[n];
            long base = (long) first * perRow;
            for (int k = 0; k < n; k++) {
              String s = values[(int) (base + k)];
              out[k] = s == null ? missing : s;
            }
            return Array.factory(DataType.STRING, slab(shape, count), out);
          };
        }
        if (missing != null) attrs.add(new Attribute("missing_value", missing));
        break;
      }
      default:
        throw new AssertionError(col.type());
    }
    attrs.addAll(CfAttributes.encode(userAttrs, format, owner, VARIABLE_RESERVED));
    return new NcFile.Var(name, ncDims, type, ncShape, attrs, false, rows, parts);
  }

  /** The shape of a slab of {@code count} rows of a variable of the given shape. */
  /**
   * The rows of a float64, float32 or int32 column, read into an array or put big-endian straight
   * from the column's buffer (no copy in between).
   */
  private record ColumnRows(Column col, DataType type, int[] shape, int perRow) implements NcFile.Rows {
    @Override
    public Array read(int first, int count) {
      long from = (long) first * perRow;
      int n = count * perRow;
      Object values = type == DataType.DOUBLE ? Bulk.doubles(col, from, n)
          : type == DataType.FLOAT ? Bulk.floats(col, from, n) : Bulk.ints(col, from, n);
      return Array.factory(type, slab(shape, count), values);
    }

    @Override
    public boolean putBigEndian(int first, int count, java.nio.ByteBuffer into, int stride) {
      Bulk.putBigEndian(col, (long) first * perRow, count, perRow, into, stride);
      return true;
    }
  }

  private static int[] slab(int[] shape, int count) {
    int[] s = shape.clone();
    if (s.length > 0) s[0] = count;
    return s;
  }

  private void requireInt32(Column col, List<String> varDims, String owner) {
    long n = col.length();
    int chunk = 1 << 20;
    for (long from = 0; from < n; from += chunk) {
      long[] part = Bulk.longs(col, from, (int) Math.min(chunk, n - from));
      for (int i = 0; i < part.length; i++) {
        if (part[i] != (int) part[i]) {
          throw new IllegalArgumentException(owner + " is int64 and holds " + part[i] + " at "
              + where(varDims, col.shape(), from + i) + ", outside int32, and NetCDF-3 has no int64. "
              + "Write with NetcdfFormat.NETCDF4 (needs libnetcdf19), or store the values as float64");
        }
      }
    }
  }

  /** The labels of element {@code flat} of a variable, e.g. {@code (a=3, b='y')}, for messages. */
  private String where(List<String> varDims, long[] shape, long flat) {
    long[] pos = new long[shape.length];
    for (int d = shape.length - 1; d >= 0; d--) {
      pos[d] = flat % shape[d];
      flat /= shape[d];
    }
    StringBuilder sb = new StringBuilder("(");
    for (int d = 0; d < pos.length; d++) {
      if (d > 0) sb.append(", ");
      Index ix = ds.coords().get(varDims.get(d));
      Object label = ix == null ? pos[d] : ix.get((int) pos[d]);
      sb.append(varDims.get(d)).append('=').append(label instanceof String ? "'" + label + "'" : label);
    }
    return sb.append(')').toString();
  }

  /**
   * Rejects strings NetCDF would change: a NUL character ends a string in the C library and pads
   * NetCDF-3 char arrays; an unpaired surrogate has no UTF-8 form.
   */
  private void requireStorable(String[] values, List<String> varDims, long[] shape, String owner) {
    for (int k = 0; k < values.length; k++) {
      String s = values[k];
      if (s == null) continue;
      for (int i = 0; i < s.length(); i++) {
        char c = s.charAt(i);
        boolean lone = Character.isHighSurrogate(c)
            ? i + 1 == s.length() || !Character.isLowSurrogate(s.charAt(i + 1))
            : Character.isLowSurrogate(c) && (i == 0 || !Character.isHighSurrogate(s.charAt(i - 1)));
        if (c == 0 || lone) {
          throw new IllegalArgumentException(owner + " holds a string with " + (c == 0 ? "a NUL character"
              : "an unpaired surrogate") + " at " + where(varDims, shape, k) + ", which NetCDF cannot store "
              + "unchanged");
        }
      }
    }
  }

  /** A text that no value uses, to stand for null; null if there is no null. */
  static String missingText(String[] values) {
    boolean any = false;
    for (String s : values) {
      if (s == null) {
        any = true;
        break;
      }
    }
    if (!any) return null;
    Set<String> used = new HashSet<>(Arrays.asList(values));
    for (String candidate : List.of("", "NA", "N/A", "<missing>")) {
      if (!used.contains(candidate)) return candidate;
    }
    for (int i = 1; ; i++) {
      String candidate = "<missing-" + i + ">";
      if (!used.contains(candidate)) return candidate;
    }
  }

  private String charDimName(String variable) {
    String base = variable + "_strlen";
    String name = base;
    for (int i = 2; takenDimNames.contains(name); i++) name = base + "_" + i;
    takenDimNames.add(name);
    return name;
  }

  /** The UTF-8 length of a string, without encoding it. */
  static int utf8Length(String s) {
    int n = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < 0x80) {
        n++;
      } else if (c < 0x800) {
        n += 2;
      } else if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
        n += 4;
        i++;
      } else {
        n += 3;
      }
    }
    return n;
  }

  private static int[] toInts(long[] shape) {
    int[] out = new int[shape.length];
    for (int d = 0; d < shape.length; d++) out[d] = Math.toIntExact(shape[d]);
    return out;
  }
}
