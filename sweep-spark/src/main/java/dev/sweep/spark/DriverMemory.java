package dev.sweep.spark;

import dev.sweep.data.DType;
import dev.sweep.data.Index;
import dev.sweep.run.RunBatch;
import dev.sweep.run.RunnerSpec;
import java.lang.reflect.Array;
import java.util.List;
import java.util.Locale;

/** Estimates what a sweep's results take on the driver, before running and from its first results. */
final class DriverMemory {
  private DriverMemory() {}

  /**
   * The bytes one run's results take, and how they were counted.
   *
   * @param bytes the bytes per run
   * @param outputs the number of outputs counted
   */
  record PerRun(long bytes, int outputs) {
    String describe() {
      return bytes + " bytes over " + outputs + (outputs == 1 ? " output" : " outputs");
    }
  }

  /**
   * From the description alone: every declared output (one if none is declared) with its labelled inner
   * dimensions, 8 bytes per element unless a smaller type is declared. A lower bound: inner dimensions
   * without labels count once, and strings count their reference only.
   */
  static PerRun perRun(RunnerSpec spec) {
    List<String> vars = spec.vars().isEmpty() ? List.of("") : spec.vars();
    long total = 0;
    for (String v : vars) {
      long inner = 1;
      for (String d : spec.varDims().getOrDefault(v, List.of())) inner = Math.multiplyExact(inner, size(spec, d));
      DType t = spec.types().get(v);
      total = Math.addExact(total, Math.multiplyExact(inner, t == null ? 8 : bytes(t)));
    }
    return new PerRun(total, vars.size());
  }

  /** The labels a dimension has in the description: its coords, or a constant of its name. */
  private static long size(RunnerSpec spec, String dim) {
    Index ix = spec.coords().get(dim);
    if (ix != null) return ix.size();
    Object c = spec.constants().get(dim);
    if (c instanceof Index i) return i.size();
    if (c != null && c.getClass().isArray()) return Array.getLength(c);
    if (c instanceof List<?> l) return l.size();
    return 1;
  }

  /** From a batch of results: every output's elements, strings by their measured length. */
  static PerRun perRun(RunBatch batch) {
    long total = 0;
    for (RunBatch.Output o : batch.outputs()) {
      long perElement = o.type() == DType.STRING ? stringBytes(o) : bytes(o.type());
      total = Math.addExact(total, Math.multiplyExact(o.inner(), perElement));
    }
    return new PerRun(total, batch.outputs().size());
  }

  /** A string element: its reference, its object header and its characters, on average over up to 1,000. */
  private static long stringBytes(RunBatch.Output o) {
    String[] values = (String[]) o.values();
    int n = Math.min(values.length, 1000);
    long chars = 0;
    for (int i = 0; i < n; i++) chars += values[i] == null ? 0 : values[i].length();
    return 8 + 40 + (n == 0 ? 0 : chars / n);
  }

  private static int bytes(DType t) {
    switch (t) {
      case FLOAT: case INT: return 4;
      case BOOLEAN: return 1;
      case COMPLEX128: return 16;
      default: return 8; // float64, int64, complex64, and a string's reference
    }
  }

  /**
   * The driver holds the dataset being assembled and, at the end, its copy that the sweep returns;
   * and a range's results twice while they arrive (the bytes and the batch read from them).
   */
  static double need(long runs, long widest, long perRun) {
    return (2.0 * runs + 2.0 * widest) * perRun;
  }

  static String show(double bytes) {
    if (bytes >= 1L << 30) return String.format(Locale.ROOT, "%.1f GiB", bytes / (1L << 30));
    if (bytes >= 1L << 20) return String.format(Locale.ROOT, "%.1f MiB", bytes / (1L << 20));
    if (bytes >= 1L << 10) return String.format(Locale.ROOT, "%.1f KiB", bytes / (1L << 10));
    return String.format(Locale.ROOT, "%.0f bytes", bytes);
  }
}
