package dev.sweep.io.hdf5;

import dev.sweep.data.Column;
import dev.sweep.data.DType;
import dev.sweep.follow.FollowException;
import dev.sweep.follow.FollowSource;
import dev.sweep.io.internal.LiveFile;
import io.jhdf.HdfFile;
import io.jhdf.api.Dataset;
import io.jhdf.api.Group;
import io.jhdf.api.Node;
import io.jhdf.exceptions.HdfException;
import java.lang.reflect.Array;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An HDF5 file that another process writes, typically h5py in SWMR mode ({@code libver="latest"},
 * which netcdf-java cannot open), followed through jhdf, a pure-Java HDF5 reader. jhdf has no SWMR
 * refresh, so each {@link #refresh()} opens the file anew and reads its metadata as the writer last
 * flushed it; data are read by box (a whole chunked dataset cannot be read while some of its chunks are
 * not yet allocated). A metadata read that fails while the writer is flushing is retried a few times
 * within the refresh.
 *
 * <p>Dataset paths are HDF5 paths, {@code /entry/keys/key_1}; the leading {@code /} may be left out.
 * Numeric datasets of 8, 16, 32 and 64 bits are read as int32 (int64 for 64-bit integers), float32 or
 * float64. Not thread-safe.
 */
public final class Hdf5FollowSource implements FollowSource {
  private static final int ATTEMPTS = 5;

  private final LiveFile live;
  private HdfFile file;
  private Map<String, Dataset> datasets = Map.of();
  private boolean closed;

  private Hdf5FollowSource(LiveFile live) {
    this.live = live;
  }

  /**
   * Opens an HDF5 file to follow, and reads it once.
   *
   * @param path the file; it must exist
   * @return the source
   * @throws java.io.UncheckedIOException if it does not exist or cannot be read
   * @throws FollowException if jhdf cannot read it as HDF5
   */
  public static Hdf5FollowSource open(Path path) {
    Hdf5FollowSource s = new Hdf5FollowSource(LiveFile.of(path));
    s.refresh();
    return s;
  }

  @Override
  public String describe() {
    return "the HDF5 file " + live.path();
  }

  @Override
  public void refresh() {
    if (closed) throw new IllegalStateException(describe() + " is closed");
    live.checkSame();
    RuntimeException last = null;
    for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
      HdfFile opened = null;
      try {
        opened = new HdfFile(live.path());
        Map<String, Dataset> found = new LinkedHashMap<>();
        collect(opened, found);
        live.checkSame(); // the file opened is the one followed, not one renamed over it meanwhile
        if (file != null) file.close();
        file = opened;
        datasets = found;
        return;
      } catch (HdfException | IllegalArgumentException | IllegalStateException | ArithmeticException e) {
        if (opened != null) opened.close();
        last = e; // metadata caught mid-flush: read again
      } catch (RuntimeException e) {
        if (opened != null) opened.close();
        throw e;
      }
    }
    throw new FollowException("cannot read " + describe() + " as HDF5 (" + ATTEMPTS + " attempts): "
        + last.getMessage(), last);
  }

  private static void collect(Group group, Map<String, Dataset> into) {
    for (Node n : group.getChildren().values()) {
      if (n instanceof Dataset d) {
        d.getDimensions(); // reads the dataset's header now, within the refresh's retries
        d.getMaxSize();
        into.put(n.getPath().startsWith("/") ? n.getPath() : "/" + n.getPath(), d);
      }
      else if (n instanceof Group g && !n.isLink()) collect(g, into);
    }
  }

  private static String canonical(String path) {
    Objects.requireNonNull(path, "path");
    return path.startsWith("/") ? path : "/" + path;
  }

  private Dataset dataset(String path) {
    Dataset d = datasets.get(canonical(path));
    if (d == null) {
      throw new IllegalArgumentException("no dataset '" + path + "' in " + describe() + "; it holds " + datasets.keySet());
    }
    return d;
  }

  @Override
  public List<String> datasets() {
    return new ArrayList<>(datasets.keySet());
  }

  @Override
  public boolean contains(String path) {
    return datasets.containsKey(canonical(path));
  }

  @Override
  public long[] shape(String path) {
    int[] dims = dataset(path).getDimensions();
    long[] shape = new long[dims.length];
    for (int i = 0; i < dims.length; i++) shape[i] = dims[i];
    return shape;
  }

  @Override
  public long[] maxShape(String path) {
    Dataset d = dataset(path);
    long[] max = d.getMaxSize();
    long[] shape = shape(path);
    if (max == null || max.length != shape.length) return shape;
    long[] out = max.clone();
    for (int i = 0; i < out.length; i++) if (out[i] < 0) out[i] = -1;
    return out;
  }

  @Override
  public Column read(String path) {
    Dataset d = dataset(path);
    long[] shape = shape(path);
    if (d.isEmpty() || product(shape) == 0) return Column.allocate(typeOf(path, d), shape);
    return read(path, new long[shape.length], shape);
  }

  @Override
  public Column read(String path, long[] origin, long[] box) {
    Dataset d = dataset(path);
    long[] shape = shape(path);
    if (origin.length != shape.length || box.length != shape.length) {
      throw new IllegalArgumentException("a box of rank " + box.length + " for '" + path + "' of shape "
          + java.util.Arrays.toString(shape));
    }
    int[] counts = new int[box.length];
    for (int i = 0; i < box.length; i++) {
      if (origin[i] < 0 || box[i] < 0 || origin[i] + box[i] > shape[i]) {
        throw new IllegalArgumentException("the box at " + java.util.Arrays.toString(origin) + " of shape "
            + java.util.Arrays.toString(box) + " is not within '" + path + "' of shape " + java.util.Arrays.toString(shape));
      }
      counts[i] = Math.toIntExact(box[i]);
    }
    DType type = typeOf(path, d);
    Column out = Column.allocate(type, box);
    if (product(box) == 0) return out;
    Object values;
    try {
      values = shape.length == 0 ? d.getData() : d.getData(origin, counts);
    } catch (HdfException e) {
      throw new FollowException("cannot read '" + path + "' at " + java.util.Arrays.toString(origin) + " from "
          + describe() + ": " + e.getMessage(), e);
    }
    fill(values, out, new long[] {0});
    return out;
  }

  private DType typeOf(String path, Dataset d) {
    Class<?> t = d.getJavaType();
    if (t == double.class) return DType.DOUBLE;
    if (t == float.class) return DType.FLOAT;
    if (t == long.class) return DType.LONG;
    if (t == int.class || t == short.class || t == byte.class) return DType.INT;
    if (t == boolean.class) return DType.INT;
    throw new IllegalArgumentException("the dataset '" + path + "' of " + describe() + " holds " + t.getSimpleName()
        + " values; a follower reads numbers");
  }

  /** Copies a jhdf result (a primitive array nested to the box's rank, or a boxed scalar) in C order. */
  private static void fill(Object values, Column out, long[] at) {
    if (values == null) return;
    Class<?> c = values.getClass();
    if (!c.isArray()) {
      setElement(out, at[0]++, values);
      return;
    }
    if (c.getComponentType().isArray()) {
      for (int i = 0, n = Array.getLength(values); i < n; i++) fill(Array.get(values, i), out, at);
      return;
    }
    if (values instanceof double[] a) {
      for (double v : a) out.setDouble(at[0]++, v);
    } else if (values instanceof float[] a) {
      for (float v : a) out.setDouble(at[0]++, v);
    } else if (values instanceof long[] a) {
      for (long v : a) out.setLong(at[0]++, v);
    } else if (values instanceof int[] a) {
      for (int v : a) out.setLong(at[0]++, v);
    } else if (values instanceof short[] a) {
      for (short v : a) out.setLong(at[0]++, v);
    } else if (values instanceof byte[] a) {
      for (byte v : a) out.setLong(at[0]++, v);
    } else if (values instanceof boolean[] a) {
      for (boolean v : a) out.setLong(at[0]++, v ? 1 : 0);
    } else {
      for (int i = 0, n = Array.getLength(values); i < n; i++) setElement(out, at[0]++, Array.get(values, i));
    }
  }

  private static void setElement(Column out, long i, Object v) {
    if (v instanceof Double || v instanceof Float) out.setDouble(i, ((Number) v).doubleValue());
    else if (v instanceof Number n) out.setLong(i, n.longValue());
    else if (v instanceof Boolean b) out.setLong(i, b ? 1 : 0);
    else throw new IllegalArgumentException("a " + v.getClass().getSimpleName() + " value; a follower reads numbers");
  }

  private static long product(long[] shape) {
    long n = 1;
    for (long s : shape) n *= s;
    return n;
  }

  @Override
  public void close() {
    if (closed) return;
    closed = true;
    if (file != null) file.close();
    file = null;
    datasets = Map.of();
  }

  @Override
  public String toString() {
    return "Hdf5FollowSource[" + live.path() + "]";
  }
}
