package dev.sweep.examples.cli;

import java.nio.file.Path;

/** The text {@code sweep show} prints for a CSV table. */
final class TableSummary {
  private TableSummary() {}

  static String of(Path csv) {
    tech.tablesaw.api.Table t = tech.tablesaw.api.Table.read().csv(csv.toFile());
    return t.structure().printAll() + "\n" + t.summary().printAll() + "\n" + t.first(5).printAll();
  }
}
