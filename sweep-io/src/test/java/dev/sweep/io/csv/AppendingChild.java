package dev.sweep.io.csv;

import dev.sweep.io.table.Tables;
import java.nio.file.Path;
import java.util.SplittableRandom;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * A process that appends numbered rows to a CSV file until it is killed; {@link CsvCrashTest} kills
 * it at random moments. Row i holds values computed from i alone, so any row can be checked.
 */
public final class AppendingChild {
  private AppendingChild() {}

  /** Rows from..from+n-1. */
  static Table rows(long from, int n) {
    long[] i = new long[n];
    String[] s = new String[n];
    double[] x = new double[n];
    boolean[] even = new boolean[n];
    int[] k = new int[n];
    for (int j = 0; j < n; j++) {
      long r = from + j;
      i[j] = r;
      s[j] = text(r);
      x[j] = r / 3.0;
      even[j] = r % 2 == 0;
      k[j] = (int) (r % 1000);
    }
    return Table.create("rows", LongColumn.create("i", i), StringColumn.create("s", s), DoubleColumn.create("x", x),
        BooleanColumn.create("even", even), IntColumn.create("k", k));
  }

  static String text(long r) {
    return "r" + r + (r % 7 == 0 ? ", seven" : "") + (r % 11 == 0 ? " \"eleven\"" : "") + (r % 13 == 0 ? "\nthirteen" : "");
  }

  /** The line the child prints after its first append returned; the test waits for it before the kill clock starts. */
  static final String APPENDED = "appended";

  /**
   * Appends to args[0] forever, batch sizes and pauses (which keep the file small enough to check
   * quickly) drawn with seed args[1]; prints {@value #APPENDED} once its first append returned.
   */
  public static void main(String[] args) throws InterruptedException {
    CsvStore csv = CsvStore.open(Path.of(args[0]));
    SplittableRandom random = new SplittableRandom(Long.parseLong(args[1]));
    long next = csv.size();
    System.out.println("started at row " + next);
    boolean first = true;
    while (true) {
      int n = random.nextInt(5) == 0 ? random.nextInt(1, 2_000) : random.nextInt(1, 100);
      csv.append(Tables.toDataset(rows(next, n), "row"));
      next += n;
      if (first) {
        System.out.println(APPENDED);
        System.out.flush();
        first = false;
      }
      Thread.sleep(random.nextInt(6));
    }
  }
}
