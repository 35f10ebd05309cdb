package dev.sweep.io.netcdf;

import dev.sweep.data.DType;
import dev.sweep.data.Index;
import dev.sweep.data.Column;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Bulk copies between a column's off-heap ND4J buffer and Java arrays: one memory copy per slab
 * through the buffer's NIO view, instead of a call per element. Columns are C-order and not views
 * (see {@link Column#wrap}), so element i of the variable is element i of the buffer.
 */
final class Bulk {
  private Bulk() {}

  static double[] doubles(Column c, long from, int n) {
    double[] out = new double[n];
    if (n > 0) c.array().data().asNioDouble().get(index(from), out);
    return out;
  }

  static float[] floats(Column c, long from, int n) {
    float[] out = new float[n];
    if (n > 0) c.array().data().asNioFloat().get(index(from), out);
    return out;
  }

  static int[] ints(Column c, long from, int n) {
    int[] out = new int[n];
    if (n > 0) c.array().data().asNioInt().get(index(from), out);
    return out;
  }

  static long[] longs(Column c, long from, int n) {
    long[] out = new long[n];
    if (n > 0) c.array().data().asNioLong().get(index(from), out);
    return out;
  }

  /** Booleans as bytes 0 and 1 (ND4J stores a bool in one byte). */
  static byte[] bools(Column c, long from, int n) {
    byte[] out = new byte[n];
    if (n > 0) c.array().data().asNio().get(index(from), out);
    return out;
  }

  static void put(Column c, long from, double[] values) {
    if (values.length > 0) c.array().data().asNioDouble().put(index(from), values);
  }

  static void put(Column c, long from, float[] values) {
    if (values.length > 0) c.array().data().asNioFloat().put(index(from), values);
  }

  static void put(Column c, long from, int[] values) {
    if (values.length > 0) c.array().data().asNioInt().put(index(from), values);
  }

  static void put(Column c, long from, long[] values) {
    if (values.length > 0) c.array().data().asNioLong().put(index(from), values);
  }

  /** Stores booleans given as bytes; any non-zero byte is true. */
  static void putBools(Column c, long from, byte[] values) {
    for (int i = 0; i < values.length; i++) {
      if (values[i] != 0) values[i] = 1;
    }
    if (values.length > 0) c.array().data().asNio().put(index(from), values);
  }

  /** The labels of an index as a one-dimensional column, so coordinates encode like variables. */
  static Column column(Index ix) {
    long[] shape = {ix.size()};
    if (ix.type() == DType.STRING) return Column.ofStrings(shape, (String[]) ix.toArray());
    if (ix.size() == 0) return Column.allocate(ix.type(), shape);
    switch (ix.type()) {
      case INT: return Column.wrap(Nd4j.create((int[]) ix.toArray(), shape, DataType.INT32));
      case LONG: return Column.wrap(Nd4j.create((long[]) ix.toArray(), shape, DataType.INT64));
      case DOUBLE: return Column.wrap(Nd4j.create((double[]) ix.toArray(), shape, DataType.DOUBLE));
      case FLOAT: return Column.wrap(Nd4j.create((float[]) ix.toArray(), shape, DataType.FLOAT));
      case BOOLEAN: return Column.wrap(Nd4j.create((boolean[]) ix.toArray(), shape, DataType.BOOL));
      default: throw new AssertionError(ix.type());
    }
  }

  /** The labels of a one-dimensional column as an index; throws if they are not distinct. */
  static Index index(Column c) {
    int n = Math.toIntExact(c.length());
    switch (c.type()) {
      case INT: return Index.ofInts(ints(c, 0, n));
      case LONG: return Index.ofLongs(longs(c, 0, n));
      case DOUBLE: return Index.ofDoubles(doubles(c, 0, n));
      case FLOAT: return Index.ofFloats(floats(c, 0, n));
      case BOOLEAN: {
        byte[] b = bools(c, 0, n);
        boolean[] out = new boolean[n];
        for (int i = 0; i < n; i++) out[i] = b[i] != 0;
        return Index.ofBooleans(out);
      }
      default: return Index.ofStrings(c.strings().clone());
    }
  }

  /**
   * Puts {@code rows} rows of {@code perRow} values of a float64, float32 or int32 column, from
   * element {@code from}, big-endian into the buffer: row {@code r} at {@code into.position() + r *
   * stride} bytes. One bulk byte-swapping copy per row, from the column's native buffer.
   */
  static void putBigEndian(Column c, long from, int rows, int perRow, java.nio.ByteBuffer into, int stride) {
    if (rows == 0 || perRow == 0) return;
    java.nio.ByteBuffer dst = into.duplicate().order(java.nio.ByteOrder.BIG_ENDIAN);
    int base = into.position();
    int at = index(from);
    int size = c.type() == DType.DOUBLE ? 8 : 4;
    if (stride == perRow * size) { // contiguous rows: one copy
      perRow = Math.multiplyExact(rows, perRow);
      rows = 1;
    }
    switch (c.type()) {
      case DOUBLE -> {
        java.nio.DoubleBuffer src = c.array().data().asNioDouble();
        for (int r = 0; r < rows; r++, at += perRow) {
          dst.position(base + r * stride);
          dst.asDoubleBuffer().put(src.slice(at, perRow));
        }
      }
      case FLOAT -> {
        java.nio.FloatBuffer src = c.array().data().asNioFloat();
        for (int r = 0; r < rows; r++, at += perRow) {
          dst.position(base + r * stride);
          dst.asFloatBuffer().put(src.slice(at, perRow));
        }
      }
      case INT -> {
        java.nio.IntBuffer src = c.array().data().asNioInt();
        for (int r = 0; r < rows; r++, at += perRow) {
          dst.position(base + r * stride);
          dst.asIntBuffer().put(src.slice(at, perRow));
        }
      }
      default -> throw new IllegalArgumentException("no bulk big-endian copy of " + c.type());
    }
  }

  private static int index(long from) {
    return Math.toIntExact(from);
  }
}
