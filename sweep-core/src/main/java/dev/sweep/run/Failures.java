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

  /**
   * Keeps an unmodifiable copy of the first failures.
   *
   * @param runs the number of runs attempted
   * @param count the number that failed
   * @param first the first failures, in run order
   * @throws NullPointerException if the list is null or holds null
   */
  public Failures {
    first = List.copyOf(first);
  }

  /** {@return true if no run failed} */
  public boolean isEmpty() {
    return count == 0;
  }

  /**
   * {@return a few lines: how many runs failed, then the first three failures with their causes} With
   * no failure, one line saying that all runs succeeded.
   */
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
