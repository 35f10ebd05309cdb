package dev.sweep.io.netcdf;

import dev.sweep.data.DType;
import dev.sweep.data.Dataset;
import dev.sweep.data.Index;
import dev.sweep.data.Variable;
import dev.sweep.data.Column;
import dev.sweep.io.internal.Json;
import dev.sweep.store.RecordStore;
import dev.sweep.store.StoreFormatException;
import dev.sweep.store.StoreProvider;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import ucar.ma2.Array;
import ucar.ma2.DataType;
import ucar.ma2.InvalidRangeException;
import ucar.nc2.Attribute;
import ucar.nc2.NetcdfFile;

/**
 * A trajectory file written by py-pde's {@code FileStorage}, read as a {@link RecordStore}
 * ({@link Mode#READ_ONLY} only), so that {@code Trajectory.open(Path.of("run.hdf5"))} reads it like
 * one of sweep's own. Registered as the storage provider {@code py-pde} for {@code .h5}, {@code .hdf5}
 * and {@code .hdf} files.
 *
 * <p><b>The format</b> (py-pde's {@code pde/storage/file.py}): HDF5 with a dataset {@code times}
 * {@code (n,)} and a dataset {@code data} {@code (n, *field_shape)}, both growing along their first axis
 * (or preallocated to {@code max_length}, with {@code data_length} saying how many states are
 * written), chunked and gzip-compressed; every entry of the storage's {@code info} is a root attribute
 * holding {@code json.dumps(value)}, {@code field_attributes} among them (a dict of JSON strings: the
 * field's class, grid, label and dtype).
 *
 * <p><b>What a reader gets:</b> records over {@code time}: the variable {@code time} from
 * {@code times} and one field, named after the field's label (else {@code data}), over the grid's
 * axes ({@code x, y, z} of a Cartesian grid, {@code r} of a polar or spherical one, {@code r, z} of a
 * cylindrical one), with a leading {@code component} axis for a vector field and
 * {@code component_0, component_1} for a rank-2 tensor field; an unknown layout gets
 * {@code dim_0, dim_1, ...}. A Cartesian grid's axes are labelled with the cell centres. Info values
 * that are numbers, booleans, strings or flat lists become attributes of those types; others (dicts,
 * null, nested lists) stay their JSON text.
 *
 * <p>Read by netcdf-java's pure-Java HDF5 reader; h5py's default file format (what py-pde writes)
 * reads, files written with {@code libver="latest"} do not (see {@code NETCDF.md}). Nothing here
 * takes or returns null.
 */
public final class PyPdeStore implements RecordStore {
  private static final String TIME = "time";

  private final Path path;
  private final String field;
  private final List<String> dims;
  private final Map<String, Index> coords;
  private final Map<String, Object> attrs;
  private final long[] shape; // of one state
  private final DType type;
  private long records;
  private boolean closed;

  private PyPdeStore(Path path, String field, List<String> dims, Map<String, Index> coords, Map<String, Object> attrs,
      long[] shape, DType type, long records) {
    this.path = path;
    this.field = field;
    this.dims = dims;
    this.coords = coords;
    this.attrs = attrs;
    this.shape = shape;
    this.type = type;
    this.records = records;
  }

  /**
   * Opens a py-pde file for reading.
   *
   * @param path the HDF5 file
   * @return the store
   * @throws UncheckedIOException if it does not exist or cannot be read
   * @throws StoreFormatException if it is not a py-pde trajectory (no {@code times} and {@code data})
   */
  public static PyPdeStore open(Path path) {
    Objects.requireNonNull(path, "path");
    if (!Files.exists(path)) throw new UncheckedIOException("cannot read " + path, new NoSuchFileException(path.toString()));
    try (NetcdfFile nc = openFile(path)) {
      return read(path, nc);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + path, e);
    }
  }

  private static NetcdfFile openFile(Path path) throws IOException {
    try (ucar.unidata.io.RandomAccessFile raf = new ucar.unidata.io.RandomAccessFile(path.toString(), "r")) {
      FormatProbe.Kind kind = FormatProbe.probe(raf);
      if (kind != FormatProbe.Kind.HDF5) {
        throw new StoreFormatException(path, "a NetCDF-3 file, not py-pde's HDF5; open it as a NetCDF record file "
            + "(.nc)", null);
      }
    } catch (FormatProbe.BadFile e) {
      throw new StoreFormatException(path, e.getMessage(), null);
    }
    try {
      return NetcdfFile.open(path.toString());
    } catch (IOException | RuntimeException e) {
      throw new StoreFormatException(path, "cannot be read as HDF5 (" + e.getMessage() + "); files h5py writes with "
          + "libver='latest' are beyond netcdf-java 4.5", e);
    }
  }

  private static PyPdeStore read(Path path, NetcdfFile nc) throws IOException {
    ucar.nc2.Variable times = nc.getRootGroup().findVariable("times");
    ucar.nc2.Variable data = nc.getRootGroup().findVariable("data");
    if (times == null || data == null) {
      throw new StoreFormatException(path, "not a py-pde trajectory: it lacks the dataset " + (times == null ? "'times'"
          : "'data'") + " that py-pde's FileStorage writes", null);
    }
    int[] ds = data.getShape();
    if (times.getRank() != 1 || ds.length == 0) {
      throw new StoreFormatException(path, "not a py-pde trajectory: 'times' has shape " + Arrays.toString(times.getShape())
          + " and 'data' " + Arrays.toString(ds) + "; expected (n,) and (n, ...)", null);
    }
    Map<String, Object> attrs = new TreeMap<>();
    Map<String, Object> parsed = new LinkedHashMap<>();
    for (Attribute a : nc.getGlobalAttributes()) {
      if (!a.isString()) continue;
      String text = a.getStringValue();
      Object value;
      try {
        value = parse(text);
      } catch (IllegalArgumentException e) {
        attrs.put(a.getShortName(), text); // not JSON: py-pde did not write it; keep the text
        continue;
      }
      parsed.put(a.getShortName(), value);
      attrs.put(a.getShortName(), attribute(value, text));
    }
    long n = Math.min(times.getShape()[0], ds[0]);
    if (parsed.get("data_length") instanceof Number len && len.longValue() >= 0) n = Math.min(n, len.longValue());
    long[] state = new long[ds.length - 1];
    for (int d = 1; d < ds.length; d++) state[d - 1] = ds[d];
    DType type = switch (data.getDataType()) {
      case DOUBLE -> DType.DOUBLE;
      case FLOAT -> DType.FLOAT;
      case INT, SHORT, BYTE -> data.isUnsigned() && data.getDataType() == DataType.INT ? DType.LONG : DType.INT;
      case LONG -> DType.LONG;
      case BOOLEAN -> DType.BOOLEAN;
      default -> throw new StoreFormatException(path, "'data' holds " + data.getDataType() + ", which sweep does not "
          + "read (py-pde's complex fields are beyond NetCDF)", null);
    };
    Layout layout = layout(parsed.get("field_attributes"), state);
    return new PyPdeStore(path, layout.field, layout.dims, layout.coords, attrs, state, type, n);
  }

  /** The field's name and dimensions, from py-pde's field attributes when they say. */
  private record Layout(String field, List<String> dims, Map<String, Index> coords) {}

  private static Layout layout(Object fieldAttributes, long[] shape) {
    String name = "data";
    List<String> dims = null;
    Map<String, Index> coords = new LinkedHashMap<>();
    if (fieldAttributes instanceof Map<?, ?> fa) {
      Object cls = decoded(fa.get("class"));
      Object label = decoded(fa.get("label"));
      Object grid = decoded(fa.get("grid"));
      if (label instanceof String l && !l.isEmpty() && !l.equals(TIME)) name = l;
      if (grid instanceof Map<?, ?> g && g.get("class") instanceof String gc && g.get("shape") instanceof List<?> gs) {
        List<String> axes = axes(gc, gs.size());
        int rank = shape.length - gs.size();
        List<String> lead = "VectorField".equals(cls) && rank == 1 ? List.of("component")
            : "Tensor2Field".equals(cls) && rank == 2 ? List.of("component_0", "component_1") : rank == 0 ? List.of() : null;
        if (axes != null && lead != null && sameShape(gs, shape, rank)) {
          dims = new ArrayList<>(lead);
          dims.addAll(axes);
          if (gc.equals("CartesianGrid") || gc.equals("UnitGrid")) centres(g, gs, axes, coords);
        }
      }
    }
    if (dims == null) {
      dims = new ArrayList<>();
      for (int d = 0; d < shape.length; d++) dims.add("dim_" + d);
    }
    return new Layout(name, List.copyOf(dims), coords);
  }

  private static List<String> axes(String gridClass, int n) {
    List<String> axes = switch (gridClass) {
      case "CartesianGrid", "UnitGrid" -> List.of("x", "y", "z");
      case "PolarSymGrid", "SphericalSymGrid" -> List.of("r");
      case "CylindricalSymGrid" -> List.of("r", "z");
      default -> null;
    };
    return axes == null || n > axes.size() ? null : axes.subList(0, n);
  }

  private static boolean sameShape(List<?> grid, long[] shape, int rank) {
    for (int d = 0; d < grid.size(); d++) {
      if (!(grid.get(d) instanceof Number g) || g.longValue() != shape[rank + d]) return false;
    }
    return true;
  }

  /** The cell centres of a Cartesian grid, the labels of its axes. */
  private static void centres(Map<?, ?> grid, List<?> shape, List<String> axes, Map<String, Index> out) {
    Object bounds = grid.get("bounds");
    for (int d = 0; d < axes.size(); d++) {
      int n = ((Number) shape.get(d)).intValue();
      double lo = 0;
      double hi = n; // a UnitGrid's cells are of size 1
      if (bounds instanceof List<?> b && b.get(d) instanceof List<?> lh && lh.size() == 2
          && lh.get(0) instanceof Number l && lh.get(1) instanceof Number h) {
        lo = l.doubleValue();
        hi = h.doubleValue();
      }
      double[] c = new double[n];
      for (int i = 0; i < n; i++) c[i] = lo + (i + 0.5) * (hi - lo) / n;
      out.put(axes.get(d), Index.ofDoubles(c));
    }
  }

  /** A value of py-pde's field attributes: a JSON string, decoded once more. */
  private static Object decoded(Object v) {
    if (!(v instanceof String s)) return v;
    try {
      return parse(s);
    } catch (IllegalArgumentException e) {
      return s;
    }
  }

  /** An info value as an attribute: numbers, booleans, strings and flat lists as such; else its JSON text. */
  private static Object attribute(Object value, String text) {
    if (value instanceof String || value instanceof Boolean || value instanceof Double) return value;
    if (value instanceof Long l) return l >= Integer.MIN_VALUE && l <= Integer.MAX_VALUE ? (Object) l.intValue() : l;
    if (value instanceof List<?> list && !list.isEmpty()) {
      if (list.stream().allMatch(x -> x instanceof String)) return list.toArray(new String[0]);
      if (list.stream().allMatch(x -> x instanceof Long)) return list.stream().mapToLong(x -> (Long) x).toArray();
      if (list.stream().allMatch(x -> x instanceof Number)) return list.stream().mapToDouble(x -> ((Number) x).doubleValue()).toArray();
    }
    return text;
  }

  /** Parses JSON into String, Long, Double, Boolean, null (as {@link #NULL}), List and Map. */
  static Object parse(String text) {
    return Json.parseAny(text, NULL);
  }

  /** JSON's null. */
  static final Object NULL = new Object() {
    @Override
    public String toString() {
      return "null";
    }
  };

  @Override
  public Path path() {
    return path;
  }

  @Override
  public String recordDim() {
    return TIME;
  }

  @Override
  public synchronized long size() {
    return records;
  }

  /** {@return the name of the field the file holds: py-pde's label, else {@code data}} */
  public String field() {
    return field;
  }

  @Override
  public synchronized Dataset read() {
    return read(0, records);
  }

  @Override
  public synchronized Dataset read(long from, long to) {
    if (from < 0 || from > to || to > records) {
      throw new IndexOutOfBoundsException("records [" + from + ", " + to + ") of " + path + ": expected 0 <= from "
          + "<= to <= " + records + ", the number of states held");
    }
    int n = Math.toIntExact(to - from);
    try (NetcdfFile nc = openFile(path)) {
      double[] t = n == 0 ? new double[0] : (double[]) nc.getRootGroup().findVariable("times")
          .read(new int[] {(int) from}, new int[] {n}).get1DJavaArray(double.class);
      long[] s = new long[shape.length + 1];
      s[0] = n;
      System.arraycopy(shape, 0, s, 1, shape.length);
      Column c = Column.allocate(type, s);
      if (n > 0) {
        int[] origin = new int[s.length];
        origin[0] = (int) from;
        int[] count = new int[s.length];
        for (int d = 0; d < s.length; d++) count[d] = (int) s[d];
        Array a = nc.getRootGroup().findVariable("data").read(origin, count);
        switch (type) {
          case DOUBLE -> Bulk.put(c, 0, (double[]) a.get1DJavaArray(double.class));
          case FLOAT -> Bulk.put(c, 0, (float[]) a.get1DJavaArray(float.class));
          case INT -> Bulk.put(c, 0, (int[]) a.get1DJavaArray(int.class));
          case LONG -> Bulk.put(c, 0, (long[]) a.get1DJavaArray(long.class));
          default -> {
            for (int i = 0; i < a.getSize(); i++) c.setBoolean(i, a.getBoolean(i));
          }
        }
      }
      Dataset.Builder b = Dataset.builder().dim(TIME, n);
      for (String d : dims) {
        if (coords.containsKey(d)) b.coord(d, coords.get(d));
      }
      b.variable(Variable.of(TIME, List.of(TIME), n == 0 ? Column.allocate(DType.DOUBLE, new long[] {0})
          : Column.wrap(org.nd4j.linalg.factory.Nd4j.createFromArray(t))));
      List<String> vd = new ArrayList<>();
      vd.add(TIME);
      vd.addAll(dims);
      b.variable(Variable.of(field, vd, c));
      return b.attrs(attrs).build();
    } catch (InvalidRangeException e) {
      throw new StoreFormatException(path, "cannot read states " + from + ".." + to + ": " + e.getMessage(), e);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + path, e);
    }
  }

  /**
   * {@inheritDoc}
   *
   * @throws IllegalStateException always: py-pde files are read here, not written
   */
  @Override
  public void append(Dataset records) {
    throw new IllegalStateException("the py-pde file " + path + " is read-only here; write trajectories to a NetCDF "
        + "record file (.nc)");
  }

  @Override
  public synchronized long refresh() {
    PyPdeStore again = open(path);
    records = again.records;
    return records;
  }

  @Override
  public Mode mode() {
    return Mode.READ_ONLY;
  }

  @Override
  public synchronized void close() {
    closed = true;
  }

  @Override
  public String toString() {
    return "PyPdeStore[" + path + ", " + records + " states of '" + field + "' " + dims + (closed ? ", closed" : "") + "]";
  }

  /**
   * The {@code py-pde} storage provider: {@code .h5}, {@code .hdf5} and {@code .hdf} files written by
   * py-pde's FileStorage, read as records ({@link PyPdeStore}). Registered in
   * {@code META-INF/services/dev.sweep.store.StoreProvider}.
   */
  public static final class Provider implements StoreProvider {
    /** Makes the provider; {@link java.util.ServiceLoader} calls this. */
    public Provider() {}

    @Override
    public String name() {
      return "py-pde";
    }

    @Override
    public String description() {
      return "py-pde trajectories (HDF5: .h5, .hdf5, .hdf), read-only";
    }

    @Override
    public boolean accepts(Path path) {
      String n = path.getFileName().toString().toLowerCase(Locale.ROOT);
      return n.endsWith(".h5") || n.endsWith(".hdf5") || n.endsWith(".hdf");
    }

    @Override
    public boolean holdsRecords() {
      return true;
    }

    /**
     * {@inheritDoc}
     *
     * @throws UnsupportedOperationException unless the mode is {@link Mode#READ_ONLY}
     */
    @Override
    public RecordStore openRecords(Path path, Mode mode) {
      if (mode != Mode.READ_ONLY) {
        throw new UnsupportedOperationException("py-pde files are read, not written: open " + path.getFileName()
            + " READ_ONLY (Trajectory.open), and write trajectories to a NetCDF record file (.nc)");
      }
      return open(path);
    }
  }
}
