package dev.sweep.run;

/**
 * Hears about a sweep's progress. Every method has a no-op default, so a listener implements only
 * what it needs. Calls may come from worker threads, one at a time per worker.
 */
public interface SweepListener {
  /** Before the first run. */
  default void started(long runs) {}

  /**
   * After a batch of runs: {@code done} runs are finished so far; {@code last} is the last run's
   * arguments (valid only during this call).
   */
  default void progressed(long done, Args last) {}

  /** After a run failed under {@link OnError#CONTINUE}. */
  default void failed(Failure failure) {}

  /** After the last run (also after a failed sweep stops). */
  default void finished(Failures failures) {}
}
