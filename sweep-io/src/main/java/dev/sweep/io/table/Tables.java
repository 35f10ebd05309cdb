package dev.sweep.io.table;

import dev.sweep.data.DType;
import dev.sweep.data.Dataset;
import dev.sweep.data.Index;
import dev.sweep.data.Variable;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.nd4j.linalg.factory.Nd4j;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.FloatColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * Converts between a flat {@link Dataset} (every variable 1-D over one dimension) and a Tablesaw
 * {@link Table}, column by column: the Java counterpart of xarray's {@code Dataset.to_dataframe()} for
 * that case.
 *
 * <pre>{@code
 * Table t = Tables.of(sampler.fullDataset());        // one column per variable
 * Dataset back = Tables.toDataset(t, "sample");     // one variable per column, over "sample"
 * }</pre>
 *
 * <p>Column types are told apart by the column's class, never by comparing {@code ColumnType}s with
 * {@code ==}: Tablesaw 0.44.4 can hold two {@code ColumnType.DOUBLE} instances, depending on which of
 * {@code DoubleColumn} and {@code ColumnType} a JVM loads first. Nothing here takes or returns null.
 */
public final class Tables {
  private Tables() {}

  /**
   * {@return a table with one column per variable of a flat dataset, in the dataset's order} A labelled
   * dimension comes first, as a column named after it (what pandas' {@code to_dataframe().reset_index()}
   * gives). A missing string becomes Tablesaw's missing string, the empty string. The table is named
   * after the dimension.
   *
   * @param ds a dataset whose variables are all 1-D over the same dimension
   * @throws IllegalArgumentException naming a variable that is not 1-D over that dimension
   */
  public static Table of(Dataset ds) {
    Objects.requireNonNull(ds, "ds");
    String dim = null;
    for (Variable v : ds.variables().values()) {
      if (v.dims().size() != 1 || (dim != null && !dim.equals(v.dims().get(0)))) {
        throw new IllegalArgumentException("variable '" + v.name() + "' has the dimensions " + v.dims() + "; a table "
            + "holds a flat dataset, every variable 1-D over one dimension" + (dim == null ? "" : " ('" + dim + "')")
            + ": select or stack the others first");
      }
      dim = v.dims().get(0);
    }
    if (dim == null) dim = ds.dims().size() == 1 ? ds.dims().get(0) : "table";
    List<Column<?>> cols = new ArrayList<>();
    Index labels = ds.coords().get(dim);
    if (labels != null) cols.add(labelColumn(dim, labels));
    for (Variable v : ds.variables().values()) cols.add(column(v));
    return Table.create(dim, cols);
  }

  /** {@return a Tablesaw column holding a 1-D variable's values in its own type} */
  private static Column<?> column(Variable v) {
    String name = v.name();
    int n = Math.toIntExact(v.size());
    if (v.type().isComplex()) {
      throw new IllegalArgumentException("column '" + name + "' is " + v.type() + ", which a Tablesaw table cannot "
          + "hold (it has no complex column type); make two variables of its parts first, e.g. "
          + "variable(\"" + name + "\").real() and .imag()");
    }
    if (n == 0) return empty(name, v.type());
    switch (v.type()) {
      case DOUBLE: return DoubleColumn.create(name, v.array().toDoubleVector());
      case FLOAT: return FloatColumn.create(name, v.array().toFloatVector());
      case LONG: return LongColumn.create(name, v.array().toLongVector());
      case INT: return IntColumn.create(name, v.array().toIntVector());
      case BOOLEAN: {
        double[] d = v.toDoubleArray();
        boolean[] b = new boolean[n];
        for (int i = 0; i < n; i++) b[i] = d[i] != 0;
        return BooleanColumn.create(name, b);
      }
      default: {
        String[] s = v.toStringArray();
        for (int i = 0; i < n; i++) if (s[i] == null) s[i] = "";
        return StringColumn.create(name, s);
      }
    }
  }

  private static Column<?> labelColumn(String dim, Index labels) {
    int n = labels.size();
    Object[] values = new Object[n];
    for (int i = 0; i < n; i++) values[i] = labels.get(i);
    switch (labels.type()) {
      case DOUBLE: {
        double[] d = new double[n];
        for (int i = 0; i < n; i++) d[i] = ((Number) values[i]).doubleValue();
        return DoubleColumn.create(dim, d);
      }
      case FLOAT: {
        float[] f = new float[n];
        for (int i = 0; i < n; i++) f[i] = ((Number) values[i]).floatValue();
        return FloatColumn.create(dim, f);
      }
      case LONG: {
        long[] l = new long[n];
        for (int i = 0; i < n; i++) l[i] = ((Number) values[i]).longValue();
        return LongColumn.create(dim, l);
      }
      case INT: {
        int[] a = new int[n];
        for (int i = 0; i < n; i++) a[i] = ((Number) values[i]).intValue();
        return IntColumn.create(dim, a);
      }
      case BOOLEAN: {
        boolean[] b = new boolean[n];
        for (int i = 0; i < n; i++) b[i] = (Boolean) values[i];
        return BooleanColumn.create(dim, b);
      }
      default: {
        String[] s = new String[n];
        for (int i = 0; i < n; i++) s[i] = String.valueOf(values[i]);
        return StringColumn.create(dim, s);
      }
    }
  }

  /** The type of a column a dataset can hold, by its class; null for others. */
  private static DType dtypeOf(Column<?> col) {
    if (col instanceof DoubleColumn) return DType.DOUBLE;
    if (col instanceof FloatColumn) return DType.FLOAT;
    if (col instanceof LongColumn) return DType.LONG;
    if (col instanceof IntColumn) return DType.INT;
    if (col instanceof BooleanColumn) return DType.BOOLEAN;
    if (col instanceof StringColumn) return DType.STRING;
    return null;
  }

  private static Column<?> empty(String name, DType t) {
    switch (t) {
      case DOUBLE: return DoubleColumn.create(name);
      case FLOAT: return FloatColumn.create(name);
      case LONG: return LongColumn.create(name);
      case INT: return IntColumn.create(name);
      case BOOLEAN: return BooleanColumn.create(name);
      default: return StringColumn.create(name);
    }
  }

  /**
   * {@return the table as a dataset over one unlabelled dimension, one variable per column in order}
   * An empty string becomes a missing string (null). An int, long or bool column with missing cells
   * becomes float64 with NaN there (bools as 1 and 0), the way a dataset holds missing integers.
   *
   * @param table the table
   * @param dim the name of the dimension along its rows
   * @throws IllegalArgumentException naming a column of a type a dataset cannot hold (dates, times and
   *     the like)
   */
  public static Dataset toDataset(Table table, String dim) {
    Objects.requireNonNull(table, "table");
    Objects.requireNonNull(dim, "dim");
    int n = table.rowCount();
    Dataset.Builder b = Dataset.builder().dim(dim, n);
    List<String> dims = List.of(dim);
    for (Column<?> col : table.columns()) {
      String name = col.name();
      if (n == 0 && dtypeOf(col) != null) { // ND4J cannot make an empty array from an empty Java array
        b.variable(Variable.of(name, dims, dev.sweep.data.Column.allocate(dtypeOf(col), new long[] {0})));
      } else if (col instanceof DoubleColumn d) {
        b.variable(name, dims, Nd4j.createFromArray(d.asDoubleArray()));
      } else if (col instanceof FloatColumn f) {
        b.variable(name, dims, Nd4j.createFromArray(f.asFloatArray()));
      } else if (col instanceof LongColumn l) {
        b.variable(name, dims, l.countMissing() == 0 ? Nd4j.createFromArray(l.asLongArray())
            : Nd4j.createFromArray(l.asDoubleArray()));
      } else if (col instanceof IntColumn in) {
        b.variable(name, dims, in.countMissing() == 0 ? Nd4j.createFromArray(in.asIntArray())
            : Nd4j.createFromArray(in.asDoubleArray()));
      } else if (col instanceof BooleanColumn bc) {
        if (bc.countMissing() == 0) {
          boolean[] v = new boolean[n];
          for (int i = 0; i < n; i++) v[i] = bc.get(i);
          b.variable(name, dims, Nd4j.createFromArray(v));
        } else {
          double[] v = new double[n];
          for (int i = 0; i < n; i++) v[i] = bc.isMissing(i) ? Double.NaN : bc.get(i) ? 1 : 0;
          b.variable(name, dims, Nd4j.createFromArray(v));
        }
      } else if (col instanceof StringColumn s) {
        String[] v = new String[n];
        for (int i = 0; i < n; i++) {
          String x = s.get(i);
          v[i] = x == null || x.isEmpty() ? null : x;
        }
        b.variable(name, dims, v);
      } else {
        throw new IllegalArgumentException("column '" + name + "' is " + col.type() + "; a sweep dataset holds "
            + "INTEGER (int32), LONG (int64), FLOAT (float32), DOUBLE (float64), BOOLEAN (bool) and STRING (str)"
            + " columns");
      }
    }
    return b.build();
  }
}
