package dev.sweep.run;

/**
 * Hears about a sweep's progress. Every method has a no-op default, so a listener implements only
 * what it needs. Calls may come from worker threads, one at a time per worker.
 */
public interface SweepListener {
  /**
   * Called before the first run.
   *
   * @param runs the number of runs the sweep will make
   */
  default void started(long runs) {}

  /**
   * Called after a batch of runs. Batches on different workers finish in any order, so {@code done}
   * is a running total, not a run number.
   *
   * @param done how many runs are finished so far, over all workers
   * @param last the arguments of the batch's last run; valid only during this call
   *     ({@link Args#toMap()} keeps a copy); null when the runs happened in another JVM (a cluster)
   *     that reports only how many are done
   */
  default void progressed(long done, Args last) {}

  /**
   * Called after a run failed under {@link OnError#CONTINUE}, on the worker that ran it.
   *
   * @param failure the run, its arguments and what it threw
   */
  default void failed(Failure failure) {}

  /**
   * Called once after the last run, and also when a failed sweep stops.
   *
   * @param failures the failures recorded under {@link OnError#CONTINUE}; empty otherwise
   */
  default void finished(Failures failures) {}

  /**
   * {@return the progress bar a sweep shows with {@link RunOptions.Builder#verbosity} 1 or 2: done/total,
   * rate and ETA, or plain log lines without a terminal} For engines that run a sweep elsewhere and
   * report its progress here.
   *
   * @param verbosity 1 for the bar, 2 for the bar and the last run's arguments
   * @throws IllegalArgumentException if verbosity is not 1 or 2
   */
  static SweepListener progressBar(int verbosity) {
    if (verbosity < 1 || verbosity > 2) {
      throw new IllegalArgumentException("verbosity is " + verbosity + "; a progress bar has verbosity 1 or 2");
    }
    return new Progress(verbosity);
  }
}
