package dev.sweep.run;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutorService;

/**
 * How a sweep runs: progress display, parallelism, order, failure handling and a time limit per run.
 * Immutable; build with {@link #builder()}. The defaults are a progress bar, one worker (the calling
 * thread), declared order, {@link OnError#STOP} and no time limit.
 *
 * @param verbosity 0 silent, 1 a progress bar (done/total, rate, ETA), 2 the bar and the current arguments
 * @param workers how many threads run at once; 1 runs on the calling thread
 * @param executor where the workers run, or null for threads the sweep starts and stops itself
 * @param shuffleSeed a seed to run in a random order (results still land in their own cells), or null
 * @param onError what a failing run does
 * @param listeners further listeners to progress and failures
 * @param runTimeout how long one run may take before it fails (see {@link Builder#runTimeout}), or null for no limit
 */
public record RunOptions(int verbosity, int workers, ExecutorService executor, Long shuffleSeed,
    OnError onError, List<SweepListener> listeners, Duration runTimeout) {

  private static final RunOptions DEFAULTS = builder().build();

  /**
   * Checks the components and keeps an unmodifiable copy of the listeners. Prefer {@link #builder()},
   * which also checks the ranges of verbosity and workers.
   *
   * @param verbosity 0 silent, 1 a progress bar, 2 the bar and the current arguments
   * @param workers how many threads run at once
   * @param executor where the workers run, or null for threads the sweep starts and stops itself
   * @param shuffleSeed a seed to run in a random order, or null for declared order
   * @param onError what a failing run does
   * @param listeners further listeners to progress and failures
   * @param runTimeout how long one run may take, or null for no limit
   * @throws NullPointerException if {@code onError} or {@code listeners} is null, or a listener is null
   * @throws IllegalArgumentException if {@code runTimeout} is zero or negative
   */
  public RunOptions {
    Objects.requireNonNull(onError, "onError");
    listeners = List.copyOf(listeners);
    if (runTimeout != null) checkTimeout(runTimeout);
  }

  /**
   * The options without a time limit per run, as before that option existed.
   *
   * @param verbosity 0 silent, 1 a progress bar, 2 the bar and the current arguments
   * @param workers how many threads run at once
   * @param executor where the workers run, or null for threads the sweep starts and stops itself
   * @param shuffleSeed a seed to run in a random order, or null for declared order
   * @param onError what a failing run does
   * @param listeners further listeners to progress and failures
   * @throws NullPointerException if {@code onError} or {@code listeners} is null, or a listener is null
   */
  public RunOptions(int verbosity, int workers, ExecutorService executor, Long shuffleSeed, OnError onError,
      List<SweepListener> listeners) {
    this(verbosity, workers, executor, shuffleSeed, onError, listeners, null);
  }

  private static Duration checkTimeout(Duration timeout) {
    if (timeout == null) {
      throw new NullPointerException("runTimeout is null; expected a positive duration (leave it unset for no limit)");
    }
    if (timeout.isZero() || timeout.isNegative()) {
      throw new IllegalArgumentException("runTimeout is " + timeout + "; expected a positive duration");
    }
    return timeout;
  }

  /** {@return the defaults: a progress bar, one worker, declared order, stop on the first failure} */
  public static RunOptions defaults() {
    return DEFAULTS;
  }

  /** {@return a builder starting from the defaults} */
  public static Builder builder() {
    return new Builder();
  }

  /** {@return a builder starting from these options, listeners included} */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.verbosity = verbosity;
    b.workers = workers;
    b.executor = executor;
    b.shuffleSeed = shuffleSeed;
    b.onError = onError;
    b.listeners.addAll(listeners);
    b.runTimeout = runTimeout;
    return b;
  }

  /** Builds {@link RunOptions}; each setter checks its value at once. */
  public static final class Builder {
    private int verbosity = 1;
    private int workers = 1;
    private boolean workersSet;
    private ExecutorService executor;
    private Long shuffleSeed;
    private OnError onError = OnError.STOP;
    private final List<SweepListener> listeners = new ArrayList<>();
    private Duration runTimeout;

    Builder() {}

    /**
     * Sets what the sweep shows while it runs (default 1).
     *
     * @param verbosity 0 silent, 1 a progress bar, 2 the bar and the current arguments
     * @return this builder
     * @throws IllegalArgumentException if {@code verbosity} is not 0, 1 or 2
     */
    public Builder verbosity(int verbosity) {
      if (verbosity < 0 || verbosity > 2) {
        throw new IllegalArgumentException("verbosity is " + verbosity + "; expected 0 (silent), 1 (bar) or 2 (bar and arguments)");
      }
      this.verbosity = verbosity;
      return this;
    }

    /**
     * Sets how many runs go at once (default 1: on the calling thread).
     *
     * @param workers the number of worker threads
     * @return this builder
     * @throws IllegalArgumentException if {@code workers} is less than 1
     */
    public Builder workers(int workers) {
      if (workers < 1) throw new IllegalArgumentException("workers is " + workers + "; expected at least 1");
      this.workers = workers;
      this.workersSet = true;
      return this;
    }

    /**
     * Runs the workers on the given executor (which the sweep does not shut down). Unless
     * {@link #workers} is set (before or after), as many workers as there are processors.
     *
     * @param executor where the workers run
     * @return this builder
     */
    public Builder executor(ExecutorService executor) {
      this.executor = Objects.requireNonNull(executor, "executor");
      if (!workersSet) workers = Runtime.getRuntime().availableProcessors();
      return this;
    }

    /**
     * Runs in an order shuffled with this seed, to balance uneven run times across workers; results
     * still land in their own cells. A sweep of more than {@code Integer.MAX_VALUE} runs cannot be shuffled.
     *
     * @param seed the shuffle's seed: the same seed gives the same order
     * @return this builder
     */
    public Builder shuffle(long seed) {
      this.shuffleSeed = seed;
      return this;
    }

    /**
     * Sets what a failing run does (default {@link OnError#STOP}).
     *
     * @param onError stop the sweep, or record the run as missing and go on
     * @return this builder
     */
    public Builder onError(OnError onError) {
      this.onError = Objects.requireNonNull(onError, "onError");
      return this;
    }

    /**
     * Adds a listener to progress and failures, after those already added (and after the progress bar).
     *
     * @param listener the listener
     * @return this builder
     */
    public Builder listener(SweepListener listener) {
      listeners.add(Objects.requireNonNull(listener, "listener"));
      return this;
    }

    /**
     * Limits how long one run may take (default: no limit). A run still going after {@code timeout}
     * fails with a {@link RunTimeoutException}, named with its arguments like any failed run: under
     * {@link OnError#STOP} the sweep stops with a {@link RunFailedException}, under
     * {@link OnError#CONTINUE} its cell is missing and it counts among the failures.
     *
     * <p>The run's thread is interrupted, so a function that waits (sleeps, locks, blocking I/O) or
     * checks {@link Thread#isInterrupted()} returns soon after, and its thread goes on with the next
     * runs. A function that ignores interrupts is given up on: if it has not returned
     * {@code min(timeout, 1 s)} after the interrupt, the sweep goes on without its thread and
     * whatever it returns later is dropped. That thread keeps running the function until it returns
     * (it is a daemon thread, so it does not keep the JVM alive), and the function must tolerate
     * another run starting meanwhile.
     *
     * <p>With a limit, runs go on threads the sweep starts (or on the {@link #executor}; a worker
     * that takes over from one given up on gets a thread of the sweep's own), never on the calling
     * thread, which keeps the time; each run then costs a clock read and a few memory writes more
     * (about 30 ns: a trivial function runs at half the speed). Without one the sweep is unchanged.
     *
     * @param timeout how long one run may take; positive
     * @return this builder
     * @throws NullPointerException if {@code timeout} is null
     * @throws IllegalArgumentException if {@code timeout} is zero or negative
     */
    public Builder runTimeout(Duration timeout) {
      this.runTimeout = checkTimeout(timeout);
      return this;
    }

    /** {@return the options} */
    public RunOptions build() {
      return new RunOptions(verbosity, workers, executor, shuffleSeed, onError, listeners, runTimeout);
    }
  }
}
