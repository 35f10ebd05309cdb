package dev.sweep.examples.cli;

import java.nio.file.Path;

/** The text {@code sweep show} prints for a CSV table. */
final class TableSummary {
  private TableSummary() {}

  static String of(Path csv) {
    // Read with the types the sampler recorded, not Tablesaw's guesses.
    tech.tablesaw.api.Table t = dev.sweep.io.csv.CsvStore.readTable(csv);
    return csv + ": " + t.rowCount() + " rows\n" + t.structure().printAll() + "\n" + t.summary().printAll()
        + "\n" + t.first(5).printAll();
  }
}
