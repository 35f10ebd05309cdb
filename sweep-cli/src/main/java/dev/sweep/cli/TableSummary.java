package dev.sweep.cli;

import java.nio.file.Path;
import tech.tablesaw.api.Table;

/** The text {@code sweep show} prints for a table: its size, column types, statistics and first rows. */
final class TableSummary {
  private TableSummary() {}

  static String of(Path file, Table t) {
    return file + ": " + t.rowCount() + " rows\n" + t.structure().printAll() + "\n" + t.summary().printAll()
        + "\n" + t.first(5).printAll();
  }
}
