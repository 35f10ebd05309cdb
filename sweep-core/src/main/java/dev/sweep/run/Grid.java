package dev.sweep.run;

import dev.sweep.data.Index;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The raw results of a {@link ComboRunner} on the N-D grid of the parameter space: one result object
 * per cell, by position or by labels. Cells no run filled (cases that leave gaps, or failed runs)
 * read as {@link Double#NaN}, as in xyzpy; {@link #isMissing} tells them apart.
 */
public final class Grid {
  private final List<String> dims;
  private final Map<String, Index> coords;
  private final long[] shape;
  private final Object[] cells;
  private final Failures failures;

  Grid(List<String> dims, Map<String, Index> coords, long[] shape, Object[] cells, Failures failures) {
    this.dims = List.copyOf(dims);
    this.coords = Map.copyOf(coords);
    this.shape = shape;
    this.cells = cells;
    this.failures = failures;
  }

  /** {@return the dimension names: case arguments, then combos; unmodifiable} */
  public List<String> dims() {
    return dims;
  }

  /**
   * {@return the labels along a dimension}
   *
   * @param dim the dimension's name
   * @throws IllegalArgumentException naming the dimensions there are, if there is none by that name
   */
  public Index coord(String dim) {
    Index ix = coords.get(dim);
    if (ix == null) throw new IllegalArgumentException("no dimension '" + dim + "'; the dimensions are " + dims);
    return ix;
  }

  /** {@return the size along each dimension, in {@link #dims()} order (a new array)} */
  public int[] shape() {
    return Arrays.stream(shape).mapToInt(Math::toIntExact).toArray();
  }

  /** {@return the number of cells, filled or not} */
  public int size() {
    return cells.length;
  }

  /**
   * {@return the result at the given positions, or NaN if the cell was never filled}
   *
   * @param positions one position per dimension, in {@link #dims()} order
   * @throws IllegalArgumentException if the number of positions is not the number of dimensions
   * @throws IndexOutOfBoundsException if a position is outside its dimension
   */
  public Object get(int... positions) {
    Object o = cells[offset(positions)];
    return o == null ? Double.NaN : o;
  }

  /**
   * {@return the result at the given labels, or NaN if the cell was never filled}
   *
   * @param labels one label per dimension, by dimension name; other entries are ignored
   * @throws IllegalArgumentException if a dimension has no label given, or not the one given
   */
  public Object at(Map<String, ?> labels) {
    int[] p = new int[dims.size()];
    for (int d = 0; d < p.length; d++) {
      String dim = dims.get(d);
      if (!labels.containsKey(dim)) {
        throw new IllegalArgumentException("no label given for dimension '" + dim + "'; the dimensions are " + dims);
      }
      p[d] = coords.get(dim).indexOf(labels.get(dim));
      if (p[d] < 0) {
        throw new IllegalArgumentException("dimension '" + dim + "' has no label " + labels.get(dim)
            + "; its labels are " + coords.get(dim));
      }
    }
    return get(p);
  }

  /**
   * {@return true if no run filled the cell: a gap between cases, or a run that failed}
   *
   * @param positions one position per dimension, in {@link #dims()} order
   * @throws IllegalArgumentException if the number of positions is not the number of dimensions
   * @throws IndexOutOfBoundsException if a position is outside its dimension
   */
  public boolean isMissing(int... positions) {
    return cells[offset(positions)] == null;
  }

  /** {@return the number of cells no run filled} */
  public long missingCount() {
    long m = 0;
    for (Object o : cells) if (o == null) m++;
    return m;
  }

  /** {@return the failures of runs under {@link OnError#CONTINUE}; empty otherwise} */
  public Failures failures() {
    return failures;
  }

  /**
   * {@return the results as nested lists, one level per dimension (xyzpy's nested tuples), NaN where
   * missing; for a grid with no dimensions, a list of its one result}
   */
  public List<Object> toNested() {
    return shape.length == 0 ? List.of(get()) : nest(0, 0);
  }

  private List<Object> nest(int d, long base) {
    List<Object> out = new ArrayList<>((int) shape[d]);
    long stride = 1;
    for (int k = d + 1; k < shape.length; k++) stride *= shape[k];
    for (int i = 0; i < shape[d]; i++) {
      long off = base + i * stride;
      if (d == shape.length - 1) {
        Object o = cells[(int) off];
        out.add(o == null ? Double.NaN : o);
      } else {
        out.add(nest(d + 1, off));
      }
    }
    return out;
  }

  private int offset(int[] positions) {
    if (positions.length != shape.length) {
      throw new IllegalArgumentException("the grid has " + shape.length + " dimensions " + dims + "; got "
          + positions.length + " positions");
    }
    long off = 0;
    for (int d = 0; d < shape.length; d++) {
      if (positions[d] < 0 || positions[d] >= shape[d]) {
        throw new IndexOutOfBoundsException("position " + positions[d] + " along '" + dims.get(d)
            + "' is outside 0.." + (shape[d] - 1));
      }
      off = off * shape[d] + positions[d];
    }
    return (int) off;
  }

  /** The dimensions, then the results nested one level per dimension, e.g. {@code (('1-x-true', 0.8415), ...)}. */
  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder("Grid").append(dims).append(Arrays.toString(shape)).append('\n');
    show(shape.length == 0 ? get() : toNested(), sb);
    return sb.toString();
  }

  private static void show(Object o, StringBuilder sb) {
    if (o instanceof List<?> l) {
      sb.append('(');
      for (int i = 0; i < l.size(); i++) {
        if (i > 0) sb.append(", ");
        show(l.get(i), sb);
      }
      sb.append(')');
    } else if (o instanceof Object[] a) {
      show(Arrays.asList(a), sb);
    } else if (o instanceof String s) {
      sb.append('\'').append(s).append('\'');
    } else if (o != null && o.getClass().isArray()) {
      int n = java.lang.reflect.Array.getLength(o);
      List<Object> l = new ArrayList<>(n);
      for (int i = 0; i < n; i++) l.add(java.lang.reflect.Array.get(o, i));
      show(l, sb);
    } else {
      sb.append(o);
    }
  }
}
