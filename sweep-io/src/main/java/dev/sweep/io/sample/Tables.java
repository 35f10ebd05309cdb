package dev.sweep.io.sample;

import dev.sweep.data.DType;
import dev.sweep.data.Dataset;
import dev.sweep.data.Variable;
import dev.sweep.internal.Column;
import java.util.ArrayList;
import java.util.List;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.FloatColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * The Sampler's own conversions to Tablesaw columns, with its column types; they go with the Sampler
 * when it moves. The general conversions live in {@link dev.sweep.io.table.Tables}.
 */
final class Tables {
  private Tables() {}

  /** A Tablesaw column holding the variable's values (1-D), as the given type. */
  static tech.tablesaw.columns.Column<?> column(Variable v, DType as) {
    Column c = v.column();
    if (c.type() != as) c = c.convert(as);
    String name = v.name();
    int n = Math.toIntExact(c.length());
    switch (as) {
      case DOUBLE: return DoubleColumn.create(name, c.array().toDoubleVector());
      case FLOAT: return FloatColumn.create(name, c.array().toFloatVector());
      case LONG: return LongColumn.create(name, c.array().toLongVector());
      case INT: return IntColumn.create(name, c.array().toIntVector());
      case BOOLEAN: {
        boolean[] b = new boolean[n];
        for (int i = 0; i < n; i++) b[i] = c.getLong(i) != 0;
        return BooleanColumn.create(name, b);
      }
      default: {
        String[] s = c.strings().clone();
        for (int i = 0; i < n; i++) {
          if (s[i] == null) s[i] = "";
        }
        return StringColumn.create(name, s);
      }
    }
  }

  /** A column of n missing values (NaN, or empty strings) of the given type. */
  static tech.tablesaw.columns.Column<?> missing(String name, DType t, int n) {
    switch (t) {
      case DOUBLE: {
        double[] d = new double[n];
        java.util.Arrays.fill(d, Double.NaN);
        return DoubleColumn.create(name, d);
      }
      case FLOAT: {
        float[] f = new float[n];
        java.util.Arrays.fill(f, Float.NaN);
        return FloatColumn.create(name, f);
      }
      case STRING: {
        StringColumn s = StringColumn.create(name);
        for (int i = 0; i < n; i++) s.appendMissing();
        return s;
      }
      default: throw new IllegalArgumentException("output '" + name + "' is " + t + ", which has no missing value");
    }
  }

  /** A copy of the table made column by column (Tablesaw's own copy goes row by row). */
  static Table copy(Table t) {
    List<tech.tablesaw.columns.Column<?>> cols = new ArrayList<>();
    for (tech.tablesaw.columns.Column<?> c : t.columns()) cols.add(c.copy());
    return Table.create(t.name(), cols);
  }

  /** The table as a dataset over one unlabelled dimension; see {@link dev.sweep.io.table.Tables#toDataset}. */
  static Dataset dataset(Table table, String dim) {
    return dev.sweep.io.table.Tables.toDataset(table, dim);
  }
}
