package dev.sweep.traj;

import dev.sweep.data.DType;
import dev.sweep.data.Column;
import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * Row copies between columns as raw bytes: a state into a row of a chunk buffer, a row out of a block
 * of records. Columns are C-order and never views, so row {@code j} of a column of shape
 * {@code (n, ...)} is one run of bytes; one bulk copy moves it whatever its type.
 */
final class Rows {
  private Rows() {}

  static int elementBytes(DType type) {
    return switch (type) {
      case DOUBLE, LONG -> 8;
      case FLOAT, INT -> 4;
      case BOOLEAN -> 1;
      default -> throw new IllegalArgumentException("no rows of " + type);
    };
  }

  /** The shape of a block of {@code n} rows of the given row shape. */
  static long[] blockShape(int n, long[] row) {
    long[] s = new long[row.length + 1];
    s[0] = n;
    System.arraycopy(row, 0, s, 1, row.length);
    return s;
  }

  /** Copies {@code src} (of the row's shape) into row {@code j} of {@code block}. */
  static void put(Column block, int j, Column src) {
    long bytes = src.length() * elementBytes(src.type());
    if (bytes == 0) return;
    ByteBuffer dst = block.array().data().asNio();
    dst.put(Math.toIntExact(j * bytes), src.array().data().asNio(), 0, Math.toIntExact(bytes));
  }

  /** A new column holding row {@code j} of {@code block}. */
  static Column row(Column block, int j) {
    long[] shape = block.shape();
    long[] rowShape = Arrays.copyOfRange(shape, 1, shape.length);
    Column out = Column.allocateUninitialized(block.type(), rowShape);
    copyRows(block, j, out, 0, 1);
    return out;
  }

  /** A new column holding rows {@code [from, from + n)} of {@code block}. */
  static Column rows(Column block, int from, int n) {
    long[] shape = block.shape();
    shape[0] = n;
    Column out = n == 0 ? Column.allocate(block.type(), shape) : Column.allocateUninitialized(block.type(), shape);
    copyRows(block, from, out, 0, n);
    return out;
  }

  /** Copies {@code n} rows of {@code src} from row {@code from} into {@code dst} from row {@code to}. */
  static void copyRows(Column src, int from, Column dst, int to, int n) {
    long[] shape = src.shape();
    long rowElements = 1;
    for (int d = 1; d < shape.length; d++) rowElements *= shape[d];
    long rowBytes = rowElements * elementBytes(src.type());
    if (rowBytes == 0 || n == 0) return;
    ByteBuffer d = dst.array().data().asNio();
    d.put(Math.toIntExact(to * rowBytes), src.array().data().asNio(), Math.toIntExact(from * rowBytes),
        Math.toIntExact(n * rowBytes));
  }
}
