package dev.sweep.io.table;

import dev.sweep.data.Dataset;
import dev.sweep.io.csv.CsvStore;
import java.nio.file.Path;
import tech.tablesaw.api.ColumnType;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.Table;

/**
 * A fresh JVM that first touches either {@code DoubleColumn} or {@code ColumnType}, then sends a double
 * column through every conversion: Tablesaw 0.44.4 holds two {@code ColumnType.DOUBLE} instances when
 * {@code DoubleColumn} is loaded first. Prints {@code same-instance=<bool>} and then {@code ok}.
 */
public final class ColumnTypeOrderChild {
  private ColumnTypeOrderChild() {}

  /**
   * Runs the conversions.
   *
   * @param args {@code column-first} or {@code type-first}, then a CSV file to write
   */
  public static void main(String[] args) {
    boolean same;
    DoubleColumn x;
    if (args[0].equals("column-first")) {
      x = DoubleColumn.create("x", 0.5, 0.25);
      same = x.type() == ColumnType.DOUBLE;
    } else {
      Object t = ColumnType.DOUBLE;
      x = DoubleColumn.create("x", 0.5, 0.25);
      same = x.type() == t;
    }
    System.out.println("same-instance=" + same);
    Dataset ds = Tables.toDataset(Table.create("t", x), "sample");
    Path csv = Path.of(args[1]);
    try (CsvStore store = CsvStore.open(csv)) {
      store.append(ds);
    }
    Table back = CsvStore.readTable(csv);
    Table view = Tables.of(ds);
    if (back.doubleColumn("x").getDouble(1) != 0.25 || view.doubleColumn("x").getDouble(0) != 0.5) {
      throw new AssertionError("values changed: " + back + view);
    }
    System.out.println("ok");
  }
}
