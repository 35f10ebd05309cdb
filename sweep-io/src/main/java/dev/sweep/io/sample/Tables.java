package dev.sweep.io.sample;

import dev.sweep.data.DType;
import dev.sweep.data.Dataset;
import dev.sweep.data.Variable;
import dev.sweep.internal.Column;
import java.util.ArrayList;
import java.util.List;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.ColumnType;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.FloatColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/** Converts between a flat {@link Dataset} over one dimension and a Tablesaw {@link Table}, column-wise. */
final class Tables {
  private Tables() {}

  /**
   * The sweep type of a Tablesaw type.
   *
   * @throws IllegalArgumentException for a type a dataset cannot hold
   */
  static DType dtype(ColumnType t, String column) {
    if (t == ColumnType.DOUBLE) return DType.DOUBLE;
    if (t == ColumnType.FLOAT) return DType.FLOAT;
    if (t == ColumnType.LONG) return DType.LONG;
    if (t == ColumnType.INTEGER) return DType.INT;
    if (t == ColumnType.BOOLEAN) return DType.BOOLEAN;
    if (t == ColumnType.STRING) return DType.STRING;
    throw new IllegalArgumentException("column '" + column + "' is " + t + ", which a sweep dataset cannot hold");
  }

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

  /** The table as a dataset over one unlabelled dimension; an empty string becomes a missing string. */
  static Dataset dataset(Table table, String dim) {
    int n = table.rowCount();
    Dataset.Builder b = Dataset.builder().dim(dim, n);
    List<Variable> vars = new ArrayList<>();
    for (tech.tablesaw.columns.Column<?> col : table.columns()) {
      DType t = dtype(col.type(), col.name());
      Column c = Column.allocate(t, new long[] {n});
      if (col instanceof DoubleColumn d) {
        for (int i = 0; i < n; i++) c.setDouble(i, d.getDouble(i));
      } else if (col instanceof FloatColumn f) {
        for (int i = 0; i < n; i++) c.setDouble(i, f.getFloat(i));
      } else if (col instanceof LongColumn l) {
        for (int i = 0; i < n; i++) c.setLong(i, l.getLong(i));
      } else if (col instanceof IntColumn in) {
        for (int i = 0; i < n; i++) c.setLong(i, in.getInt(i));
      } else if (col instanceof BooleanColumn bc) {
        for (int i = 0; i < n; i++) c.setBoolean(i, Boolean.TRUE.equals(bc.get(i)));
      } else {
        StringColumn s = (StringColumn) col;
        for (int i = 0; i < n; i++) {
          String v = s.get(i);
          c.setString(i, v.isEmpty() ? null : v);
        }
      }
      vars.add(Variable.of(col.name(), List.of(dim), c));
    }
    vars.forEach(b::variable);
    return b.build();
  }
}
