package dev.sweep.bench;

/**
 * One workload's figure.
 *
 * @param name the workload's fixed name, e.g. {@code runner_dataset}
 * @param value the figure (higher is better unless the unit is MB of memory)
 * @param unit e.g. {@code runs/s}
 * @param target the figure to reach, in words (e.g. {@code >= 10 M runs/s})
 * @param met whether the target is met
 * @param note how it was measured or what limits it
 */
public record Result(String name, double value, String unit, String target, boolean met, String note) {

  /** The machine-readable line: {@code bench <name> <value> <unit>}. */
  public String line() {
    String v = value == Math.rint(value) && Math.abs(value) < 1e15 ? Long.toString((long) value)
        : String.format(java.util.Locale.ROOT, "%.2f", value);
    return "bench " + name + " " + v + " " + unit;
  }
}
