package dev.sweep.data;

import java.nio.DoubleBuffer;
import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.nd4j.linalg.api.ndarray.INDArray;

/** The outer join behind {@link Dataset#merge(Dataset, MergePolicy)}. */
final class Merger {
  private Merger() {}

  static Dataset merge(Dataset old, Dataset neu, MergePolicy policy) {
    return merge(old, neu, policy, true);
  }

  /**
   * The merge, with {@code bulk} false to copy element by element everywhere: the reference the bulk
   * path of float variables is tested against.
   */
  static Dataset merge(Dataset old, Dataset neu, MergePolicy policy, boolean bulk) {
    Dataset.Builder b = Dataset.builder();
    Map<String, int[]> oldMap = new LinkedHashMap<>();
    Map<String, int[]> newMap = new LinkedHashMap<>();
    List<String> dims = new ArrayList<>(old.sizes().keySet());
    for (String d : neu.sizes().keySet()) if (!dims.contains(d)) dims.add(d);
    for (String d : dims) {
      Integer so = old.sizes().get(d);
      Integer sn = neu.sizes().get(d);
      Index io = old.coords().get(d);
      Index in = neu.coords().get(d);
      if (so != null && sn != null) {
        if (io == null || in == null) {
          if (io != null || in != null || !so.equals(sn)) {
            throw new IllegalArgumentException("dimension '" + d + "' has labels in only one dataset, or sizes "
                + so + " and " + sn + " without labels; cannot align them");
          }
          b.dim(d, so);
          oldMap.put(d, identity(so));
          newMap.put(d, identity(sn));
          continue;
        }
        Index u;
        try {
          u = io.union(in);
        } catch (IllegalArgumentException e) {
          throw new IllegalArgumentException("dimension '" + d + "': " + e.getMessage(), e);
        }
        b.coord(d, u);
        oldMap.put(d, positionsIn(io, u));
        newMap.put(d, positionsIn(in, u));
      } else if (so != null) {
        if (io != null) b.coord(d, io); else b.dim(d, so);
        oldMap.put(d, identity(so));
      } else {
        if (in != null) b.coord(d, in); else b.dim(d, sn);
        newMap.put(d, identity(sn));
      }
    }
    Map<String, Integer> sizes = b.sizes;
    Set<String> names = new java.util.LinkedHashSet<>(old.variables().keySet());
    names.addAll(neu.variables().keySet());
    for (String name : names) {
      Variable vo = old.variables().get(name);
      Variable vn = neu.variables().get(name);
      if (vo != null && vn != null && !vo.dims().equals(vn.dims())
          && new HashSet<>(vo.dims()).equals(new HashSet<>(vn.dims()))) {
        vn = vn.transpose(vo.dims()); // same dimensions in another order: align, as xarray does
      }
      if (vo != null && vn != null && !vo.dims().equals(vn.dims())) {
        throw new IllegalArgumentException("variable '" + name + "' has dimensions " + vo.dims()
            + " in the existing data and " + vn.dims() + " in the new data");
      }
      Variable any = vo != null ? vo : vn;
      b.variable(mergeVariable(vo, neu, vn, any.dims(), sizes, oldMap, newMap, policy, bulk));
    }
    b.attrs.putAll(policy == MergePolicy.NEW_WINS ? old.attrs() : neu.attrs());
    b.attrs.putAll(policy == MergePolicy.NEW_WINS ? neu.attrs() : old.attrs());
    return b.build();
  }

  private static int[] identity(int n) {
    int[] a = new int[n];
    for (int i = 0; i < n; i++) a[i] = i;
    return a;
  }

  private static int[] positionsIn(Index part, Index whole) {
    int[] p = new int[part.size()];
    for (int i = 0; i < p.length; i++) p[i] = whole.indexOf(part.get(i));
    return p;
  }

  private static Variable mergeVariable(Variable vo, Dataset neu, Variable vn, List<String> dims,
      Map<String, Integer> sizes, Map<String, int[]> oldMap, Map<String, int[]> newMap, MergePolicy policy,
      boolean bulk) {
    long[] shape = new long[dims.size()];
    for (int d = 0; d < shape.length; d++) shape[d] = sizes.get(dims.get(d));
    long total = Column.product(shape);
    long covered = coverage(dims, vo, vn, oldMap, newMap);
    DType type;
    if (vo != null && vn != null) {
      type = DType.common(vo.type(), vn.type());
      if (type == null && (vo.type() == DType.BOOLEAN || vn.type() == DType.BOOLEAN)
          && (vo.type().isNumeric() || vn.type().isNumeric())) {
        type = DType.DOUBLE; // a boolean that gained gaps earlier is float64: true 1, false 0
      }
      if (type == null) {
        throw new IllegalArgumentException("variable '" + vo.name() + "' is " + vo.type()
            + " in the existing data and " + vn.type() + " in the new data");
      }
    } else {
      type = (vo != null ? vo : vn).type();
    }
    boolean gaps = covered < total;
    if (gaps && !type.hasMissing()) type = DType.DOUBLE;
    Column out;
    if (type.isFloating() || type.isComplex()) {
      out = Column.allocateUninitialized(type, shape);
      // NaN wherever neither dataset writes. Not through INDArray.assign: an ND4J op wakes its OpenMP
      // team, whose threads then spin for a while and take the other cores from the caller.
      Cells cells = bulk ? Cells.of(out.array()) : null;
      if (cells != null) cells.fillNaN();
      else out.array().assign(Double.NaN);
    } else {
      out = Column.allocate(type, shape);
    }
    // Which cells hold a value, needed only where NaN or null cannot tell.
    BitSet filled = !type.hasMissing() ? new BitSet() : null;
    long[] strides = Dataset.strides(shape);
    if (vo != null && !(bulk && copyBulk(vo, oldMap, strides, out, null, policy, false))) {
      copy(vo, oldMap, strides, out, filled, null, policy, false);
    }
    if (vn != null && !(bulk && copyBulk(vn, newMap, strides, out, neu, policy, vo != null))) {
      copy(vn, newMap, strides, out, filled, neu, policy, vo != null);
    }
    Map<String, Object> attrs = new LinkedHashMap<>();
    if (vo != null) attrs.putAll(vo.attrs());
    if (vn != null && (policy == MergePolicy.NEW_WINS || vo == null)) attrs.putAll(vn.attrs());
    else if (vn != null) vn.attrs().forEach(attrs::putIfAbsent);
    return Variable.of((vo != null ? vo : vn).name(), dims, out).withAttrs(attrs);
  }

  /** Cells of the merged grid that either variable's grid covers: |A| + |B| - |A and B|. */
  private static long coverage(List<String> dims, Variable vo, Variable vn, Map<String, int[]> oldMap,
      Map<String, int[]> newMap) {
    long a = vo == null ? 0 : vo.size();
    long b = vn == null ? 0 : vn.size();
    if (vo == null || vn == null) return a + b;
    long both = 1;
    for (String d : dims) {
      BitSet s = new BitSet();
      for (int p : oldMap.get(d)) s.set(p);
      long common = 0;
      for (int p : newMap.get(d)) if (s.get(p)) common++;
      both *= common;
    }
    return a + b - both;
  }

  /**
   * Copies {@code src} into its cells of {@code out} element by element; in the second dataset
   * ({@code second}), a cell that already holds a value follows the policy. Missing source values are
   * skipped, so they never erase a value.
   */
  private static void copy(Variable src, Map<String, int[]> map, long[] strides, Column out, BitSet filled,
      Dataset neu, MergePolicy policy, boolean second) {
    Column c = src.storage();
    long[] shape = c.shape();
    int rank = shape.length;
    int[][] pos = new int[rank][];
    for (int d = 0; d < rank; d++) pos[d] = map.get(src.dims().get(d));
    int[] idx = new int[rank];
    long target = 0;
    for (int d = 0; d < rank; d++) target += pos[d][0] * strides[d];
    long n = c.length();
    for (long k = 0; k < n; k++) {
      if (!c.isMissing(k)) {
        boolean present = filled != null ? filled.get(Math.toIntExact(target)) : !out.isMissing(target);
        if (!second || !present) {
          c.copyTo(k, out, target);
        } else if (policy == MergePolicy.NEW_WINS) {
          c.copyTo(k, out, target);
        } else if (policy == MergePolicy.FAIL_ON_CONFLICT && !equalValues(c, k, out, target)) {
          throw conflict(src, neu, k, out, target);
        }
        if (filled != null) filled.set(Math.toIntExact(target));
      }
      for (int d = rank - 1; d >= 0; d--) {
        if (++idx[d] < shape[d]) {
          target += (pos[d][idx[d]] - pos[d][idx[d] - 1]) * strides[d];
          break;
        }
        target -= (pos[d][idx[d] - 1] - pos[d][0]) * strides[d];
        idx[d] = 0;
      }
    }
  }

  /** {@return the conflict between element k of the new variable and cell {@code target} of out} */
  private static MergeConflictException conflict(Variable src, Dataset neu, long k, Column out, long target) {
    Column c = src.storage();
    long[] shape = c.shape();
    long[] idx = new long[shape.length];
    long rest = k;
    for (int d = shape.length - 1; d >= 0; d--) {
      idx[d] = rest % shape[d];
      rest /= shape[d];
    }
    Map<String, Object> at = new LinkedHashMap<>();
    for (int d = 0; d < shape.length; d++) {
      String dim = src.dims().get(d);
      Index ix = neu.coords().get(dim);
      int p = Math.toIntExact(idx[d]);
      at.put(dim, ix == null ? (Object) p : ix.get(p));
    }
    return new MergeConflictException(src.name(), at, out.get(target), c.get(k));
  }

  /**
   * {@link #copy} for the common case of a float64 or float32 variable merged into float64 (or float32
   * into float32), in bulk: it reads each source row in one copy and writes each run of consecutive
   * target cells in one copy, through the buffers' NIO views. Dimensions that the merged grid holds
   * whole (same size, same positions) are folded into the row, so a merge along the outer dimensions
   * moves long runs. The semantics are {@link #copy}'s, cell for cell, conflicts included.
   *
   * @return false, having written nothing, if the types or sizes need the element-by-element copy
   */
  private static boolean copyBulk(Variable src, Map<String, int[]> map, long[] outStrides, Column out,
      Dataset neu, MergePolicy policy, boolean second) {
    Column c = src.storage();
    DType from = c.type();
    DType to = out.type();
    if (!(to == DType.DOUBLE && (from == DType.DOUBLE || from == DType.FLOAT))
        && !(to == DType.FLOAT && from == DType.FLOAT)) {
      return false;
    }
    Cells in = Cells.of(c.array());
    Cells dst = Cells.of(out.array());
    if (in == null || dst == null) return false;
    long n = c.length();
    if (n == 0) return true;
    long[] shape = c.shape();
    int rank = shape.length;
    int[][] pos = new int[rank][];
    for (int d = 0; d < rank; d++) pos[d] = map.get(src.dims().get(d));
    long[] strides = outStrides;
    if (rank == 0) { // one cell: a row of one
      shape = new long[] {1};
      pos = new int[][] {{0}};
      strides = new long[] {1};
      rank = 1;
    }
    // Fold inner dimensions that the merged grid holds whole into the row: row = dims lead..rank-1.
    int lead = rank - 1;
    while (lead > 0 && whole(pos[lead], shape[lead], strides, lead)) lead--;
    long block = 1; // cells of the folded inner dimensions, contiguous in both source and target
    for (int d = lead + 1; d < rank; d++) block *= shape[d];
    int rowLength = Math.toIntExact(shape[lead] * block);
    // Runs of consecutive target positions along the lead dimension: source offset, length, target offset.
    int[] p = pos[lead];
    int[] runFrom = new int[p.length];
    int[] runLength = new int[p.length];
    long[] runTarget = new long[p.length];
    int runs = 0;
    for (int i = 0; i < p.length; i++) {
      if (i > 0 && p[i] == p[i - 1] + 1) {
        runLength[runs - 1] += (int) block;
      } else {
        runFrom[runs] = (int) (i * block);
        runLength[runs] = (int) block;
        runTarget[runs] = p[i] * strides[lead];
        runs++;
      }
    }
    boolean overwrite = !second || policy == MergePolicy.NEW_WINS;
    double[] row = new double[rowLength];
    double[] cur = new double[rowLength];
    int[] idx = new int[lead];
    long rowTarget = 0;
    for (int d = 0; d < lead; d++) rowTarget += pos[d][0] * strides[d];
    for (long k0 = 0; k0 < n; k0 += rowLength) {
      in.get(k0, row, 0, rowLength);
      for (int r = 0; r < runs; r++) {
        int j0 = runFrom[r];
        int len = runLength[r];
        long t0 = rowTarget + runTarget[r];
        if (overwrite && noNaN(row, j0, len)) {
          dst.put(t0, row, j0, len);
          continue;
        }
        dst.get(t0, cur, 0, len);
        for (int q = 0; q < len; q++) {
          double v = row[j0 + q];
          if (v != v) continue; // missing: never erases a value
          double o = cur[q];
          if (overwrite || o != o) {
            cur[q] = v;
          } else if (policy == MergePolicy.FAIL_ON_CONFLICT && o != v) {
            throw conflict(src, neu, k0 + j0 + q, out, t0 + q);
          }
        }
        dst.put(t0, cur, 0, len);
      }
      for (int d = lead - 1; d >= 0; d--) {
        if (++idx[d] < shape[d]) {
          rowTarget += (pos[d][idx[d]] - pos[d][idx[d] - 1]) * strides[d];
          break;
        }
        rowTarget -= (pos[d][idx[d] - 1] - pos[d][0]) * strides[d];
        idx[d] = 0;
      }
    }
    return true;
  }

  /** True if dimension d of the source covers the merged grid's whole dimension, in the same order. */
  private static boolean whole(int[] positions, long size, long[] strides, int d) {
    if (strides[d - 1] != size * strides[d]) return false; // the merged dimension is longer
    for (int i = 0; i < positions.length; i++) {
      if (positions[i] != i) return false;
    }
    return true;
  }

  private static boolean noNaN(double[] a, int from, int len) {
    for (int i = from; i < from + len; i++) {
      if (a[i] != a[i]) return false;
    }
    return true;
  }

  /**
   * Bulk reads and writes of a float64 or float32 ND4J buffer, as doubles, through its NIO view: no
   * ND4J op, so no OpenMP work. Float32 values widen exactly and narrow back unchanged.
   */
  private abstract static sealed class Cells {
    private static final int CHUNK = 1024;

    final long length;

    Cells(long length) {
      this.length = length;
    }

    /** {@return bulk access to the array, or null if it is not float64 or float32, or too long for NIO} */
    static Cells of(INDArray a) {
      long end = a.offset() + a.length();
      if (a.length() == 0 || end > Integer.MAX_VALUE) return null;
      switch (a.dataType()) {
        case DOUBLE: {
          DoubleBuffer b = a.data().asNioDouble();
          return new Doubles(b, b.position() + (int) a.offset(), a.length());
        }
        case FLOAT: {
          FloatBuffer b = a.data().asNioFloat();
          return new Floats(b, b.position() + (int) a.offset(), a.length());
        }
        default:
          return null;
      }
    }

    abstract void get(long at, double[] dst, int off, int len);

    abstract void put(long at, double[] src, int off, int len);

    abstract void fillNaN();

    static final class Doubles extends Cells {
      private static final double[] NANS = nans();
      private final DoubleBuffer buffer;
      private final int base;

      Doubles(DoubleBuffer buffer, int base, long length) {
        super(length);
        this.buffer = buffer;
        this.base = base;
      }

      private static double[] nans() {
        double[] a = new double[CHUNK];
        java.util.Arrays.fill(a, Double.NaN);
        return a;
      }

      @Override void get(long at, double[] dst, int off, int len) { buffer.get(base + (int) at, dst, off, len); }
      @Override void put(long at, double[] src, int off, int len) { buffer.put(base + (int) at, src, off, len); }

      @Override
      void fillNaN() {
        for (long i = 0; i < length; i += CHUNK) {
          put(i, NANS, 0, (int) Math.min(CHUNK, length - i));
        }
      }
    }

    static final class Floats extends Cells {
      private static final float[] NANS = nans();
      private final FloatBuffer buffer;
      private final int base;
      private float[] scratch = new float[0];

      Floats(FloatBuffer buffer, int base, long length) {
        super(length);
        this.buffer = buffer;
        this.base = base;
      }

      private static float[] nans() {
        float[] a = new float[CHUNK];
        java.util.Arrays.fill(a, Float.NaN);
        return a;
      }

      private float[] scratch(int len) {
        if (scratch.length < len) scratch = new float[len];
        return scratch;
      }

      @Override
      void get(long at, double[] dst, int off, int len) {
        float[] s = scratch(len);
        buffer.get(base + (int) at, s, 0, len);
        for (int i = 0; i < len; i++) dst[off + i] = s[i];
      }

      @Override
      void put(long at, double[] src, int off, int len) {
        float[] s = scratch(len);
        for (int i = 0; i < len; i++) s[i] = (float) src[off + i];
        buffer.put(base + (int) at, s, 0, len);
      }

      @Override
      void fillNaN() {
        for (long i = 0; i < length; i += CHUNK) {
          buffer.put(base + (int) i, NANS, 0, (int) Math.min(CHUNK, length - i));
        }
      }
    }
  }

  private static boolean equalValues(Column src, long k, Column out, long target) {
    if (out.type() == DType.STRING) return java.util.Objects.equals(src.get(k), out.get(target));
    if (out.type().isComplex()) return src.getReal(k) == out.getReal(target) && src.getImag(k) == out.getImag(target);
    if (out.type().isFloating()) return src.getDouble(k) == out.getDouble(target);
    return src.getLong(k) == out.getLong(target);
  }
}
