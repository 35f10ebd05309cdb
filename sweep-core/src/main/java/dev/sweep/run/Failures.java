package dev.sweep.run;

import java.util.List;

/**
 * The failures of a sweep run with {@link OnError#CONTINUE}.
 *
 * @param runs the number of runs attempted
 * @param count the number that failed
 * @param first the first failures, in run order (at most {@value #KEPT})
 */
public record Failures(long runs, long count, List<Failure> first) {
  /** How many failures are kept in full. */
  public static final int KEPT = 10;

  public Failures {
    first = List.copyOf(first);
  }

  public boolean isEmpty() {
    return count == 0;
  }

  /** A few lines: how many failed, then the first few failures with their causes. */
  public String summary() {
    if (count == 0) return "all " + runs + " runs succeeded";
    StringBuilder sb = new StringBuilder().append(count).append(" of ").append(runs).append(" runs failed");
    int shown = Math.min(first.size(), 3);
    for (int i = 0; i < shown; i++) sb.append("\n  ").append(first.get(i));
    if (count > shown) sb.append("\n  ...");
    return sb.toString();
  }

  @Override
  public String toString() {
    return summary();
  }
}
