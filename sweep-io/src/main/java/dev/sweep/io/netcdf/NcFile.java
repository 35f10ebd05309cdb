package dev.sweep.io.netcdf;

import java.io.IOException;
import java.util.List;
import ucar.ma2.Array;
import ucar.ma2.DataType;
import ucar.nc2.Attribute;

/**
 * A NetCDF file as plain structure, between the CF encoding ({@link CfEncoder}, {@link CfDecoder})
 * and the file I/O ({@link NetcdfWriter}, {@link NetcdfReader}): dimensions, variables with their
 * NetCDF types and attributes, and global attributes. Values are reached slab by slab through
 * {@link Rows}, so neither side holds a second copy of a large variable.
 */
record NcFile(List<Dim> dims, List<Var> vars, List<Attribute> attrs) {

  /** Target size of one slab read or written at a time; large enough for disk speed. */
  static final long SLAB_BYTES = 8L << 20;

  NcFile {
    dims = List.copyOf(dims);
    vars = List.copyOf(vars);
    attrs = List.copyOf(attrs);
  }

  /** A dimension; length 0 is written as an unlimited dimension, the only way NetCDF holds it. */
  record Dim(String name, int length) {}

  /**
   * A variable over named dimensions, in the NetCDF type it has in the file. {@code unsigned} is set
   * by the reader for unsigned integer types (netCDF-4) or {@code _Unsigned = "true"} (netCDF-3).
   * {@code parts} is set for a complex variable stored as an HDF5 compound {@code {r, i}} of that
   * type (then {@code type} is {@code STRUCTURE}); its {@link #rows} give the parts as a plain array
   * with one more, last axis of 2. Null for every other variable.
   */
  record Var(String name, List<String> dims, DataType type, int[] shape, List<Attribute> attrs,
      boolean unsigned, Rows rows, DataType parts) {
    Var {
      dims = List.copyOf(dims);
      shape = shape.clone();
      attrs = List.copyOf(attrs);
    }

    Var(String name, List<String> dims, DataType type, int[] shape, List<Attribute> attrs, boolean unsigned,
        Rows rows) {
      this(name, dims, type, shape, attrs, unsigned, rows, null);
    }

    @Override
    public int[] shape() {
      return shape.clone();
    }

    /** The attribute by name, or null. */
    Attribute attr(String name) {
      for (Attribute a : attrs) {
        if (a.getShortName().equals(name)) return a;
      }
      return null;
    }

    /** The number of elements. */
    long size() {
      long n = 1;
      for (int s : shape) n *= s;
      return n;
    }

    /**
     * How many rows (index values along the first axis) one slab holds: enough for about
     * {@link #SLAB_BYTES}. A scalar, or a single string stored as one row of characters, is one slab.
     */
    int rowsPerSlab() {
      if (shape.length == 0) return 1;
      if (shape.length == 1 && type == DataType.CHAR) return shape[0];
      long rowElems = 1;
      for (int d = 1; d < shape.length; d++) rowElems *= shape[d];
      long rowBytes = Math.max(1, rowElems * (parts != null ? 2 * parts.getSize() : elementBytes(type)));
      return (int) Math.max(1, Math.min(shape[0], SLAB_BYTES / rowBytes));
    }

    /** The shape of the slab of {@code count} rows. */
    int[] slabShape(int count) {
      int[] s = shape.clone();
      if (s.length > 0 && !(s.length == 1 && type == DataType.CHAR)) s[0] = count;
      return s;
    }

    /** The origin of the slab that starts at row {@code first}. */
    int[] slabOrigin(int first) {
      int[] o = new int[shape.length];
      if (o.length > 0) o[0] = first;
      return o;
    }

    private static int elementBytes(DataType t) {
      if (t == DataType.STRING) return 16;
      return Math.max(1, t.getSize());
    }
  }

  /**
   * The values of a variable, one slab at a time: rows {@code [first, first + count)} along the
   * first axis, as shaped by {@link Var#slabShape(int)}. For a scalar, {@code (0, 1)} is everything.
   */
  @FunctionalInterface
  interface Rows {
    Array read(int first, int count) throws IOException;

    /**
     * Puts rows {@code [first, first + count)} as NetCDF stores them (big-endian) into the buffer,
     * row {@code r} at {@code into.position() + r * stride} bytes, straight from where the values
     * live, if these rows can; the buffer's position is then undefined. Writers call it before
     * {@link #read}, which copies the values into a new array first.
     *
     * @return false if these rows cannot (the caller then reads and converts them)
     */
    default boolean putBigEndian(int first, int count, java.nio.ByteBuffer into, int stride) {
      return false;
    }
  }
}
