package dev.sweep.run;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutorService;

/**
 * How a sweep runs: progress display, parallelism, order and failure handling. Immutable; build with
 * {@link #builder()}. The defaults are a progress bar, one worker (the calling thread), declared
 * order and {@link OnError#STOP}.
 *
 * @param verbosity 0 silent, 1 a progress bar (done/total, rate, ETA), 2 the bar and the current arguments
 * @param workers how many threads run at once; 1 runs on the calling thread
 * @param executor where the workers run, or null for threads the sweep starts and stops itself
 * @param shuffleSeed a seed to run in a random order (results still land in their own cells), or null
 * @param onError what a failing run does
 * @param listeners further listeners to progress and failures
 */
public record RunOptions(int verbosity, int workers, ExecutorService executor, Long shuffleSeed,
    OnError onError, List<SweepListener> listeners) {

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
   * @throws NullPointerException if {@code onError} or {@code listeners} is null, or a listener is null
   */
  public RunOptions {
    Objects.requireNonNull(onError, "onError");
    listeners = List.copyOf(listeners);
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

    /** {@return the options} */
    public RunOptions build() {
      return new RunOptions(verbosity, workers, executor, shuffleSeed, onError, listeners);
    }
  }
}
