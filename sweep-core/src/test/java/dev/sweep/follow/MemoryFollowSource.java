package dev.sweep.follow;

import dev.sweep.data.Column;
import dev.sweep.data.DType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A followed file held in memory, for the tests of the format-free follower: datasets of doubles that
 * a test writes, as a writer process would, and that a follower sees only from its next refresh.
 */
final class MemoryFollowSource implements FollowSource {
  private record Data(long[] shape, long[] maxShape, double[] values) {
    Data copy() {
      return new Data(shape.clone(), maxShape.clone(), values.clone());
    }
  }

  private final Map<String, Data> written = new LinkedHashMap<>();
  private Map<String, Data> visible = new LinkedHashMap<>();
  int refreshes;
  Runnable onRefresh = () -> {};

  /** Creates (or replaces) a dataset of zeros. */
  MemoryFollowSource create(String path, long[] shape, long[] maxShape) {
    written.put(path, new Data(shape.clone(), maxShape.clone(), new double[Math.toIntExact(Shapes.product(shape))]));
    return this;
  }

  MemoryFollowSource create(String path, long... shape) {
    return create(path, shape, shape);
  }

  /** Creates a dataset holding these values, of this shape. */
  MemoryFollowSource put(String path, long[] shape, long[] maxShape, double... values) {
    create(path, shape, maxShape);
    System.arraycopy(values, 0, written.get(path).values, 0, values.length);
    return this;
  }

  /** Sets the value at a flat index. */
  MemoryFollowSource set(String path, long flat, double value) {
    written.get(path).values[Math.toIntExact(flat)] = value;
    return this;
  }

  /** Sets the first {@code n} values to 1 (keys of the first {@code n} frames). */
  MemoryFollowSource fill(String path, int n) {
    Arrays.fill(written.get(path).values, 0, n, 1);
    return this;
  }

  /** Resizes, keeping the values at their positions (as HDF5 does). */
  MemoryFollowSource resize(String path, long... shape) {
    Data old = written.get(path);
    Data now = new Data(shape.clone(), old.maxShape, new double[Math.toIntExact(Shapes.product(shape))]);
    for (long i = 0; i < Shapes.product(shape); i++) {
      long[] pos = Shapes.unravel(i, shape);
      boolean inside = true;
      long j = 0;
      for (int d = 0; d < pos.length; d++) {
        inside &= pos[d] < old.shape[d];
        j = j * old.shape[d] + pos[d];
      }
      if (inside) now.values[(int) i] = old.values[(int) j];
    }
    written.put(path, now);
    return this;
  }

  /** The shape as written, before a refresh shows it. */
  long[] shape0(String path) {
    return written.get(path).shape.clone();
  }

  @Override
  public String describe() {
    return "the memory file";
  }

  @Override
  public void refresh() {
    refreshes++;
    onRefresh.run();
    Map<String, Data> v = new LinkedHashMap<>();
    written.forEach((k, d) -> v.put(k, d.copy()));
    visible = v;
  }

  @Override
  public List<String> datasets() {
    return new ArrayList<>(visible.keySet());
  }

  @Override
  public boolean contains(String path) {
    return visible.containsKey(path);
  }

  private Data get(String path) {
    Data d = visible.get(path);
    if (d == null) throw new IllegalArgumentException("no dataset " + path);
    return d;
  }

  @Override
  public long[] shape(String path) {
    return get(path).shape.clone();
  }

  @Override
  public long[] maxShape(String path) {
    return get(path).maxShape.clone();
  }

  @Override
  public Column read(String path) {
    Data d = get(path);
    Column c = Column.allocate(DType.DOUBLE, d.shape);
    for (int i = 0; i < d.values.length; i++) c.setDouble(i, d.values[i]);
    return c;
  }

  @Override
  public Column read(String path, long[] origin, long[] box) {
    Data d = get(path);
    Column c = Column.allocate(DType.DOUBLE, box);
    for (long i = 0, n = Shapes.product(box); i < n; i++) {
      long[] pos = Shapes.unravel(i, box);
      long j = 0;
      for (int k = 0; k < pos.length; k++) {
        long at = origin[k] + pos[k];
        if (at >= d.shape[k]) throw new IllegalArgumentException("box outside " + path);
        j = j * d.shape[k] + at;
      }
      c.setDouble(i, d.values[(int) j]);
    }
    return c;
  }

  @Override
  public void close() {}
}
