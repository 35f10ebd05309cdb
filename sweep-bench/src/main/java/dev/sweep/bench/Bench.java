package dev.sweep.bench;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Runs the workloads in one JVM and prints a short table, then one machine-readable line per
 * workload: {@code bench <name> <value> <unit>}.
 */
public final class Bench {
  private Bench() {}

  /**
   * Runs the named workloads (all if {@code only} is empty) and prints the report.
   *
   * @return the results, in order
   */
  public static List<Result> run(List<String> only, boolean quick, Path workDir, PrintStream out) throws Exception {
    List<String> names = only.isEmpty() ? Workloads.names() : only;
    for (String n : names) {
      if (!Workloads.names().contains(n)) {
        throw new IllegalArgumentException("no workload '" + n + "'; the workloads are " + Workloads.names());
      }
    }
    Workloads w = new Workloads(quick, workDir);
    List<Result> results = new ArrayList<>();
    for (String n : names) {
      long t0 = System.nanoTime();
      Result r = w.run(n);
      results.add(r);
      out.printf(Locale.ROOT, "  %-17s %14s %-8s %-4s %5.1fs  target %s; %s%n", r.name(), human(r.value()), r.unit(),
          r.met() ? "ok" : "MISS", (System.nanoTime() - t0) / 1e9, r.target(), r.note());
      out.flush();
    }
    out.println();
    for (Result r : results) out.println(r.line());
    return results;
  }

  static String human(double v) {
    if (v >= 1e6) return String.format(Locale.ROOT, "%.2f M", v / 1e6);
    if (v >= 1e4) return String.format(Locale.ROOT, "%.1f k", v / 1e3);
    return String.format(Locale.ROOT, "%.2f", v);
  }
}
