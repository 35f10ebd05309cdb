package dev.sweep.io.netcdf;

import dev.sweep.data.Column;
import dev.sweep.data.DType;
import dev.sweep.data.Dataset;
import dev.sweep.follow.FollowException;
import dev.sweep.follow.FollowSource;
import dev.sweep.io.internal.LiveFile;
import dev.sweep.store.RecordStore;
import dev.sweep.store.StoreFormatException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import ucar.ma2.DataType;
import ucar.nc2.Dimension;
import ucar.nc2.NetcdfFile;

/**
 * A NetCDF-3 file that another process appends records to, followed live: our record files
 * ({@link NetcdfRecordStore}, a trajectory's), or any NetCDF-3 file a writer grows along its unlimited
 * dimension (netcdf-java's and the C library's writers flush a record's data before the record count).
 * The record count is the commit marker: {@link #refresh()} re-reads it through
 * {@link RecordStore#refresh()}, and the records it counts are read with positioned reads (no cache that
 * could hold stale bytes).
 *
 * <p>Its datasets are the file's numeric variables: a record variable has the shape
 * {@code [records, inner...]} and may grow along the first; a fixed variable (a scalar {@code finished}
 * flag) keeps its shape, and is re-read at each read. An integer key a writer has not yet written holds
 * NetCDF's default fill value (-2147483647 for int), which is read as 0, "not written"; a key with a
 * {@code _FillValue} reads as NaN there, which also means "not written". A writer must not rewrite the
 * header while it is followed: {@link NetcdfRecordStore} does so (by a rename) only when an append
 * brings new attributes, which this source reports as a replaced file. Not thread-safe.
 */
public final class NetcdfFollowSource implements FollowSource {
  private record Var(String name, DataType type, boolean record, long[] shape, long begin) {}

  private final LiveFile live;
  private final NetcdfRecordStore store;
  private final Map<String, Var> vars;
  private long records;
  private boolean closed;

  private NetcdfFollowSource(LiveFile live, NetcdfRecordStore store, Map<String, Var> vars) {
    this.live = live;
    this.store = store;
    this.vars = vars;
  }

  /**
   * Opens a NetCDF-3 file to follow.
   *
   * @param path the file; it must exist and hold variables along an unlimited dimension
   * @return the source, refreshed once
   * @throws StoreFormatException if it is not a NetCDF-3 file, or holds no record variable
   * @throws UncheckedIOException if it does not exist or cannot be read
   */
  public static NetcdfFollowSource open(Path path) {
    LiveFile live = LiveFile.of(path);
    NetcdfRecordStore store = NetcdfRecordStore.openLive(path);
    try {
      NetcdfFollowSource s = new NetcdfFollowSource(live, store, header(path));
      s.refresh();
      return s;
    } catch (RuntimeException e) {
      store.close();
      throw e;
    }
  }

  private static Map<String, Var> header(Path path) {
    Map<String, Long> begins = new LinkedHashMap<>();
    try {
      for (FormatProbe.Nc3Var v : FormatProbe.nc3Layout(path).vars()) begins.put(v.name(), v.begin());
    } catch (FormatProbe.BadFile e) {
      throw new StoreFormatException(path, e.getMessage(), null);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + path, e);
    }
    Map<String, Var> vars = new LinkedHashMap<>();
    try (NetcdfFile nc = NetcdfFile.open(path.toString())) {
      for (ucar.nc2.Variable v : nc.getVariables()) {
        DataType t = v.getDataType();
        if (!t.isNumeric()) continue;
        List<Dimension> dims = v.getDimensions();
        long[] shape = new long[dims.size()];
        for (int i = 0; i < shape.length; i++) shape[i] = dims.get(i).isUnlimited() ? 0 : dims.get(i).getLength();
        vars.put(v.getShortName(), new Var(v.getShortName(), t, v.isUnlimited(), shape,
            begins.getOrDefault(v.getShortName(), -1L)));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the header of " + path, e);
    }
    return vars;
  }

  @Override
  public String describe() {
    return "the NetCDF file " + live.path();
  }

  @Override
  public void refresh() {
    if (closed) throw new IllegalStateException(describe() + " is closed");
    live.checkSame();
    records = store.refresh();
    live.checkSame(); // the count read is the followed file's, not that of one renamed over it meanwhile
  }

  @Override
  public List<String> datasets() {
    return new ArrayList<>(vars.keySet());
  }

  @Override
  public boolean contains(String path) {
    return vars.containsKey(path);
  }

  private Var var(String path) {
    Var v = vars.get(Objects.requireNonNull(path, "path"));
    if (v == null) throw new IllegalArgumentException("no numeric variable '" + path + "' in " + describe()
        + "; it holds " + vars.keySet());
    return v;
  }

  @Override
  public long[] shape(String path) {
    Var v = var(path);
    long[] s = v.shape.clone();
    if (v.record) s[0] = records;
    return s;
  }

  @Override
  public long[] maxShape(String path) {
    Var v = var(path);
    long[] s = v.shape.clone();
    if (v.record) s[0] = -1;
    return s;
  }

  @Override
  public Column read(String path) {
    long[] shape = shape(path);
    return read(path, new long[shape.length], shape);
  }

  @Override
  public Column read(String path, long[] origin, long[] box) {
    Var v = var(path);
    long[] shape = shape(path);
    if (origin.length != shape.length || box.length != shape.length) {
      throw new IllegalArgumentException("a box of rank " + box.length + " for '" + path + "' of shape "
          + Arrays.toString(shape));
    }
    for (int i = 0; i < box.length; i++) {
      if (origin[i] < 0 || box[i] < 0 || origin[i] + box[i] > shape[i]) {
        throw new IllegalArgumentException("the box at " + Arrays.toString(origin) + " of shape " + Arrays.toString(box)
            + " is not within '" + path + "' of shape " + Arrays.toString(shape));
      }
    }
    Column whole = v.record ? readRecords(v, origin[0], box[0]) : readFixed(v);
    long[] wholeOrigin = origin.clone();
    if (v.record) wholeOrigin[0] = 0;
    return unfilled(v, box(whole, wholeOrigin, box));
  }

  private Column readRecords(Var v, long from, long n) {
    Dataset d = store.read(from, from + n, List.of(v.name));
    return d.variable(v.name).column();
  }

  /** A fixed variable, read afresh from the file: its bytes sit at a place the header gives. */
  private Column readFixed(Var v) {
    long count = 1;
    for (long s : v.shape) count *= s;
    int size = v.type.getSize();
    ByteBuffer buf = ByteBuffer.allocate(Math.toIntExact(count * size));
    try (FileChannel ch = FileChannel.open(live.path(), StandardOpenOption.READ)) {
      long pos = v.begin;
      while (buf.hasRemaining()) {
        int k = ch.read(buf, pos);
        if (k < 0) throw new FollowException(describe() + " ends inside its variable '" + v.name + "'");
        pos += k;
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read '" + v.name + "' from " + live.path(), e);
    }
    buf.flip();
    boolean floating = v.type == DataType.DOUBLE || v.type == DataType.FLOAT;
    Column c = Column.allocate(floating ? DType.DOUBLE : DType.LONG, v.shape);
    for (long i = 0; i < count; i++) {
      switch (v.type) {
        case DOUBLE -> c.setDouble(i, buf.getDouble());
        case FLOAT -> c.setDouble(i, buf.getFloat());
        case INT -> c.setLong(i, buf.getInt());
        case SHORT -> c.setLong(i, buf.getShort());
        case BYTE -> c.setLong(i, buf.get());
        case LONG -> c.setLong(i, buf.getLong());
        default -> throw new IllegalArgumentException("variable '" + v.name + "' of " + describe() + " is "
            + v.type + "; a follower reads numbers");
      }
    }
    return c;
  }

  /** The box of a column; the column itself when the box is all of it. */
  private static Column box(Column whole, long[] origin, long[] box) {
    long[] shape = whole.shape();
    if (Arrays.equals(shape, box)) return whole;
    Column out = Column.allocate(whole.type(), box);
    long n = 1;
    for (long b : box) n *= b;
    long[] pos = new long[box.length];
    for (long i = 0; i < n; i++) {
      long src = 0;
      for (int d = 0; d < box.length; d++) src = src * shape[d] + origin[d] + pos[d];
      whole.copyTo(src, out, i);
      for (int d = box.length - 1; d >= 0; d--) {
        if (++pos[d] < box[d]) break;
        pos[d] = 0;
      }
    }
    return out;
  }

  /** Integer values that are NetCDF's default fill, as 0: "not yet written". */
  private static Column unfilled(Var v, Column c) {
    long fill = switch (v.type) {
      case INT -> -2147483647L;
      case SHORT -> -32767L;
      case BYTE -> -127L;
      default -> 0;
    };
    if (fill == 0 || (c.type() != DType.INT && c.type() != DType.LONG)) return c;
    Column out = null;
    for (long i = 0, n = c.length(); i < n; i++) {
      if (c.getLong(i) == fill) {
        if (out == null) out = c.copy();
        out.setLong(i, 0);
      }
    }
    return out == null ? c : out;
  }

  @Override
  public void close() {
    if (closed) return;
    closed = true;
    store.close();
  }

  @Override
  public String toString() {
    return "NetcdfFollowSource[" + live.path() + ", " + records + " records]";
  }
}
