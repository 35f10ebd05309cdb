package dev.sweep.io.table;

import dev.sweep.data.DType;
import dev.sweep.data.Dataset;
import dev.sweep.data.Index;
import dev.sweep.data.Variable;
import dev.sweep.data.Column;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.FloatColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.ShortColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Any {@link Dataset} as a Tablesaw {@link Table} in long form, and back: xarray's
 * {@code ds.to_dataframe().reset_index()} and {@code Dataset.from_dataframe(df.set_index(dims))}. A
 * sampler's table and a harvest's dataset meet here.
 *
 * <pre>{@code
 * Table t = LongTable.of(harvester.fullDataset());        // columns a, b, c, a_out, b_out; one row per cell
 * Dataset ds = LongTable.toDataset(t, "a", "b", "c");     // the same dataset again
 * }</pre>
 *
 * <p>For a flat dataset over a labelled dimension (every variable 1-D over it) this is the table
 * {@code Tables.of} gives. Missing values are NaN in double and float columns and missing (empty) in string columns.
 * Columns are built whole from primitive arrays, not row by row. Nothing here takes or returns null.
 */
public final class LongTable {
  private LongTable() {}

  /**
   * The dataset in long form: one row per cell of its dimensions (in C order, the last dimension
   * fastest), a column per dimension (its labels, or positions from 0 for a dimension without labels)
   * and a column per data variable (repeated along the dimensions it lacks).
   *
   * @param ds the dataset
   * @return a new table named "dataset"
   * @throws IllegalArgumentException if the dataset has more than 2^31 - 1 cells, or a variable has
   *     the name of a dimension
   */
  public static Table of(Dataset ds) {
    List<String> dims = ds.dims();
    long[] shape = new long[dims.size()];
    for (int d = 0; d < shape.length; d++) shape[d] = ds.sizes().get(dims.get(d));
    long cells = Column.product(shape);
    if (cells > Integer.MAX_VALUE) {
      throw new IllegalArgumentException("LongTable.of: the dataset has " + cells + " cells " + ds.sizes()
          + "; a table holds at most " + Integer.MAX_VALUE + " rows (select or reduce first)");
    }
    int n = (int) cells;
    for (String v : ds.variables().keySet()) {
      if (ds.sizes().containsKey(v)) {
        throw new IllegalArgumentException("LongTable.of: variable '" + v + "' has the name of a dimension, and a table's "
            + "columns need distinct names; rename it first");
      }
    }
    List<tech.tablesaw.columns.Column<?>> cols = new ArrayList<>();
    long stride = n;
    for (int d = 0; d < shape.length; d++) {
      stride /= Math.max(shape[d], 1);
      Index ix = ds.coords().containsKey(dims.get(d)) ? ds.coords().get(dims.get(d)) : Index.range((int) shape[d]);
      cols.add(labelColumn(dims.get(d), ix, positions(n, (int) shape[d], (int) stride)));
    }
    for (Variable v : ds.variables().values()) cols.add(valueColumn(v, dims, shape, n));
    return Table.create("dataset", cols);
  }

  /** For each row, the position along a dimension of the given size whose labels repeat {@code stride} times. */
  private static int[] positions(int n, int size, int stride) {
    int[] p = new int[n];
    if (size == 0) return p;
    for (int r = 0, block = 0; r < n; r += stride, block++) Arrays.fill(p, r, Math.min(n, r + stride), block % size);
    return p;
  }

  private static tech.tablesaw.columns.Column<?> labelColumn(String name, Index ix, int[] pos) {
    int n = pos.length;
    switch (ix.type()) {
      case INT: {
        int[] l = (int[]) ix.toArray();
        int[] out = new int[n];
        for (int r = 0; r < n; r++) out[r] = l[pos[r]];
        return IntColumn.create(name, out);
      }
      case LONG: {
        long[] l = (long[]) ix.toArray();
        long[] out = new long[n];
        for (int r = 0; r < n; r++) out[r] = l[pos[r]];
        return LongColumn.create(name, out);
      }
      case DOUBLE: {
        double[] l = (double[]) ix.toArray();
        double[] out = new double[n];
        for (int r = 0; r < n; r++) out[r] = l[pos[r]];
        return DoubleColumn.create(name, out);
      }
      case FLOAT: {
        float[] l = (float[]) ix.toArray();
        float[] out = new float[n];
        for (int r = 0; r < n; r++) out[r] = l[pos[r]];
        return FloatColumn.create(name, out);
      }
      case BOOLEAN: {
        boolean[] l = (boolean[]) ix.toArray();
        boolean[] out = new boolean[n];
        for (int r = 0; r < n; r++) out[r] = l[pos[r]];
        return BooleanColumn.create(name, out);
      }
      default: {
        String[] l = (String[]) ix.toArray();
        String[] out = new String[n];
        for (int r = 0; r < n; r++) out[r] = l[pos[r]];
        return StringColumn.create(name, out);
      }
    }
  }

  /** The variable's values at every row: its storage offset for each cell of the dataset's grid. */
  private static tech.tablesaw.columns.Column<?> valueColumn(Variable v, List<String> dims, long[] shape, int n) {
    Column c = v.column();
    long[] vshape = v.shape();
    long[] vstrides = new long[vshape.length];
    long s = 1;
    for (int d = vshape.length - 1; d >= 0; d--) {
      vstrides[d] = s;
      s *= vshape[d];
    }
    long[] step = new long[shape.length];
    for (int d = 0; d < shape.length; d++) {
      int i = v.dims().indexOf(dims.get(d));
      step[d] = i < 0 ? 0 : vstrides[i];
    }
    boolean direct = v.dims().equals(dims);
    int[] idx = new int[shape.length];
    String name = v.name();
    switch (v.type()) {
      case DOUBLE:
      case FLOAT: {
        double[] out = new double[n];
        if (direct) c.getDoubles(0, out, 0, n);
        else for (int r = 0, off = 0; r < n; r++, off = next(idx, shape, step, off)) out[r] = c.getDouble(off);
        if (v.type() == DType.DOUBLE) return DoubleColumn.create(name, out);
        float[] f = new float[n];
        for (int r = 0; r < n; r++) f[r] = (float) out[r];
        return FloatColumn.create(name, f);
      }
      case LONG:
      case INT: {
        long[] out = new long[n];
        if (direct) c.getLongs(0, out, 0, n);
        else for (int r = 0, off = 0; r < n; r++, off = next(idx, shape, step, off)) out[r] = c.getLong(off);
        if (v.type() == DType.LONG) return LongColumn.create(name, out);
        int[] i = new int[n];
        for (int r = 0; r < n; r++) i[r] = (int) out[r];
        return IntColumn.create(name, i);
      }
      case BOOLEAN: {
        boolean[] out = new boolean[n];
        for (int r = 0, off = 0; r < n; r++, off = next(idx, shape, step, off)) out[r] = c.getLong(off) != 0;
        return BooleanColumn.create(name, out);
      }
      default: {
        String[] values = c.strings();
        StringColumn out = StringColumn.create(name);
        for (int r = 0, off = 0; r < n; r++, off = next(idx, shape, step, off)) {
          String x = values[off];
          if (x == null) out.appendMissing();
          else out.append(x);
        }
        return out;
      }
    }
  }

  /** Advances the odometer over {@code shape} and returns the next storage offset. */
  private static int next(int[] idx, long[] shape, long[] step, int off) {
    for (int d = shape.length - 1; d >= 0; d--) {
      if (++idx[d] < shape[d]) return (int) (off + step[d]);
      off -= (int) (step[d] * (shape[d] - 1));
      idx[d] = 0;
    }
    return off;
  }

  /**
   * The table as a dataset over the given columns: each becomes a dimension labelled by its distinct
   * values, sorted (as pandas' {@code set_index} levels), and every other column a variable over all
   * of them. Cells no row names are missing: NaN, or null for strings; an int or bool column with
   * such gaps becomes float64 (true 1.0), as in a merge. An empty string is a missing string.
   *
   * @param table the table, one row per cell
   * @param dims the columns that label the cells, in dimension order; at least one
   * @return the dataset
   * @throws IllegalArgumentException if no dimension is given, a column does not exist or is of a
   *     type a dataset cannot hold, a label is missing, or two rows name the same cell
   */
  public static Dataset toDataset(Table table, String... dims) {
    List<String> names = table.columnNames();
    if (dims.length == 0) {
      throw new IllegalArgumentException("LongTable.toDataset needs the columns that label the cells, e.g. toDataset(table, \""
          + (names.isEmpty() ? "a" : names.get(0)) + "\"); the columns are " + names);
    }
    Set<String> seen = new HashSet<>();
    for (String d : dims) {
      if (!names.contains(d)) {
        throw new IllegalArgumentException("LongTable.toDataset: no column '" + d + "'; the columns are " + names);
      }
      if (!seen.add(d)) throw new IllegalArgumentException("LongTable.toDataset: column '" + d + "' is named twice");
    }
    int rows = table.rowCount();
    Dataset.Builder b = Dataset.builder();
    long[] shape = new long[dims.length];
    int[][] pos = new int[dims.length][];
    for (int d = 0; d < dims.length; d++) {
      tech.tablesaw.columns.Column<?> col = table.column(dims[d]);
      pos[d] = new int[rows];
      Index ix = labels(col, pos[d]);
      b.coord(dims[d], ix);
      shape[d] = ix.size();
    }
    long total = Column.product(shape);
    if (total > Integer.MAX_VALUE) {
      throw new IllegalArgumentException("LongTable.toDataset: the labels span " + total + " cells; at most " + Integer.MAX_VALUE);
    }
    int[] cell = new int[rows];
    boolean[] filled = new boolean[(int) total];
    for (int r = 0; r < rows; r++) {
      long k = 0;
      for (int d = 0; d < dims.length; d++) k = k * shape[d] + pos[d][r];
      if (filled[(int) k]) {
        Map<String, Object> at = new LinkedHashMap<>();
        for (String d : dims) at.put(d, table.column(d).get(r));
        throw new IllegalArgumentException("LongTable.toDataset: two rows name the cell " + at + " (row " + r + " and an earlier "
            + "one); each cell needs one row (reduce or drop duplicates first)");
      }
      filled[(int) k] = true;
      cell[r] = (int) k;
    }
    boolean gaps = rows < total;
    List<String> dimList = List.of(dims);
    for (tech.tablesaw.columns.Column<?> col : table.columns()) {
      if (dimList.contains(col.name())) continue;
      b.variable(Variable.of(col.name(), dimList, values(col, cell, shape, gaps)));
    }
    return b.build();
  }

  private static DType dtype(tech.tablesaw.columns.Column<?> col) {
    if (col instanceof DoubleColumn) return DType.DOUBLE;
    if (col instanceof FloatColumn) return DType.FLOAT;
    if (col instanceof LongColumn) return DType.LONG;
    if (col instanceof IntColumn || col instanceof ShortColumn) return DType.INT;
    if (col instanceof BooleanColumn) return DType.BOOLEAN;
    if (col instanceof StringColumn) return DType.STRING;
    throw new IllegalArgumentException("LongTable.toDataset: column '" + col.name() + "' is " + col.type()
        + ", which a dataset cannot hold (double, float, long, integer, short, boolean, string)");
  }

  /** The sorted distinct values of a label column; fills each row's position among them. */
  private static Index labels(tech.tablesaw.columns.Column<?> col, int[] pos) {
    DType t = dtype(col);
    int rows = col.size();
    for (int r = 0; r < rows; r++) {
      if (col.isMissing(r)) {
        throw new IllegalArgumentException("LongTable.toDataset: column '" + col.name() + "' has no value in row " + r
            + "; every row needs a label");
      }
    }
    if (t == DType.STRING || t == DType.BOOLEAN) {
      TreeSet<Object> distinct = new TreeSet<>();
      for (int r = 0; r < rows; r++) distinct.add(col.get(r));
      Map<Object, Integer> at = new HashMap<>();
      for (Object l : distinct) at.put(l, at.size());
      for (int r = 0; r < rows; r++) pos[r] = at.get(col.get(r));
      return Index.of(distinct);
    }
    double[] v = new double[rows];
    for (int r = 0; r < rows; r++) v[r] = ((Number) col.get(r)).doubleValue();
    double[] sorted = Arrays.stream(v).sorted().distinct().toArray();
    for (int r = 0; r < rows; r++) pos[r] = Arrays.binarySearch(sorted, v[r]);
    switch (t) {
      case INT: return Index.ofInts(Arrays.stream(sorted).mapToInt(x -> (int) x).toArray());
      case LONG: {
        long[] l = new long[rows];
        for (int r = 0; r < rows; r++) l[r] = ((Number) col.get(r)).longValue();
        long[] s = Arrays.stream(l).sorted().distinct().toArray();
        for (int r = 0; r < rows; r++) pos[r] = Arrays.binarySearch(s, l[r]);
        return Index.ofLongs(s);
      }
      case FLOAT: {
        float[] f = new float[sorted.length];
        for (int i = 0; i < f.length; i++) f[i] = (float) sorted[i];
        return Index.ofFloats(f);
      }
      default: return Index.ofDoubles(sorted);
    }
  }

  private static Column values(tech.tablesaw.columns.Column<?> col, int[] cell, long[] shape, boolean gaps) {
    DType t = dtype(col);
    boolean missing = gaps;
    if (!t.isFloating() && t != DType.STRING) {
      for (int r = 0; r < cell.length && !missing; r++) missing = col.isMissing(r);
    }
    DType type = missing && !t.isFloating() && t != DType.STRING ? DType.DOUBLE : t;
    Column out = Column.allocate(type, shape);
    if (type.isFloating() && gaps) out.array().assign(Double.NaN);
    for (int r = 0; r < cell.length; r++) {
      if (col.isMissing(r)) {
        out.setMissing(cell[r]);
        continue;
      }
      if (col instanceof DoubleColumn d) out.setDouble(cell[r], d.getDouble(r));
      else if (col instanceof FloatColumn f) out.setDouble(cell[r], f.getFloat(r));
      else if (col instanceof BooleanColumn bc) out.setDouble(cell[r], bc.get(r) ? 1 : 0);
      else if (type == DType.STRING) out.setString(cell[r], String.valueOf(col.get(r)));
      else if (type.isFloating()) out.setDouble(cell[r], ((Number) col.get(r)).doubleValue());
      else out.setLong(cell[r], ((Number) col.get(r)).longValue());
    }
    return out;
  }
}
