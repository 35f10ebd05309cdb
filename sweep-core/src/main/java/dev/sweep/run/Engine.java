package dev.sweep.run;

import dev.sweep.space.Space;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a function over a space and hands each result to a sink, serially or on several workers.
 *
 * <p>Work is handed out in chunks of consecutive runs taken from a shared counter, so a trivial
 * function pays one atomic operation per chunk rather than per run, and a slow one still balances
 * (chunks shrink with the number of runs). Results go to the sink by grid cell, so parallel and
 * serial sweeps fill the same cells.
 */
final class Engine {
  private static final Logger LOG = LoggerFactory.getLogger(Engine.class);

  /** Receives results; must accept distinct cells from several threads at once once ready. */
  interface Sink {
    /** False until the sink has seen enough (one result) to accept results from many threads. */
    default boolean ready() {
      return true;
    }

    void accept(long run, long cell, Object result);

    /** Stores a double result without boxing; by default boxes it. */
    default void acceptDouble(long run, long cell, double result) {
      accept(run, cell, result);
    }
  }

  /**
   * How a sweep ended: its failures, and the runs without a result (failed, or never run because the
   * sweep was interrupted), ascending. {@code notRun} of them were never run; {@code interrupted}
   * says the sweep stopped for an interrupt.
   */
  record Outcome(Failures failures, long[] failedRuns, long notRun, boolean interrupted) {
    Outcome(Failures failures, long[] failedRuns) {
      this(failures, failedRuns, 0, false);
    }
  }

  private Engine() {}

  /** Runs every run of the space. */
  static Outcome run(Space space, RunFunction fn, Map<String, ?> fixed, RunOptions options, Sink sink) {
    return run(space, fn, fixed, options, sink, 0, space.size());
  }

  /**
   * Runs the runs {@code from} (inclusive) to {@code to} (exclusive) of the space; run numbers, cells
   * and failures stay those of the whole space, and listeners see a sweep of {@code to - from} runs.
   */
  static Outcome run(Space space, RunFunction fn, Map<String, ?> fixed, RunOptions options, Sink sink,
      long from, long to) {
    if (from < 0 || to > space.size() || from > to) {
      throw new IllegalArgumentException("runs [" + from + ", " + to + ") are not a range of the " + space.size()
          + " runs of the space; expected 0 <= from <= to <= " + space.size());
    }
    checkArguments(space, fn, fixed);
    Args.Layout layout = new Args.Layout(space, fixed, to - from);
    int[] order = options.shuffleSeed() == null ? null : shuffled(to - from, options.shuffleSeed());
    List<SweepListener> listeners = new ArrayList<>();
    if (options.verbosity() > 0) listeners.add(new Progress(options.verbosity()));
    listeners.addAll(options.listeners());
    Sweep sweep = new Sweep(space, fn, layout, options, sink, order, listeners, from, to);
    return sweep.run();
  }

  /** Checks a function's declared arguments against what the sweep passes, naming cases and combos. */
  static void checkArguments(Space space, RunFunction fn, Map<String, ?> fixed) {
    ArgumentCheck.check(fn, space.names(), fixed.keySet(), new ArgumentCheck.Words() {
      @Override
      public String missing(String arg, List<String> given) {
        return fn + " needs argument '" + arg + "', which no case, combo, constant or resource gives (given: "
            + given + ")";
      }

      @Override
      public String notTaken(String arg, boolean swept) {
        String where = space.cases().names().contains(arg) ? "a case" : space.combos().contains(arg) ? "a combo"
            : "a constant or resource";
        return where + " names argument '" + arg + "', which " + fn + " does not take";
      }
    });
  }

  private static int[] shuffled(long n, long seed) {
    if (n > Integer.MAX_VALUE) {
      throw new IllegalArgumentException("cannot shuffle " + n + " runs; at most " + Integer.MAX_VALUE);
    }
    int[] p = new int[(int) n];
    for (int i = 0; i < p.length; i++) p[i] = i;
    SplittableRandom r = new SplittableRandom(seed);
    for (int i = p.length - 1; i > 0; i--) {
      int j = r.nextInt(i + 1);
      int t = p[i];
      p[i] = p[j];
      p[j] = t;
    }
    return p;
  }

  /** True if a run's exception says its thread was interrupted (perhaps wrapped once or twice). */
  static boolean isInterrupt(Throwable t) {
    for (int depth = 0; t != null && depth < 8; depth++, t = t.getCause()) {
      if (t instanceof InterruptedException || t instanceof java.io.InterruptedIOException
          || t instanceof java.nio.channels.ClosedByInterruptException
          || t instanceof java.nio.channels.FileLockInterruptionException) {
        return true;
      }
    }
    return false;
  }

  /** One sweep's shared state. */
  private static final class Sweep {
    final Space space;
    final RunFunction fn;
    final Args.Layout layout;
    final RunOptions options;
    final Sink sink;
    final int[] order;
    final List<SweepListener> listeners;
    final long from; // the first run of the range
    final long to; // the run after the last
    final long n; // the number of runs in the range
    final AtomicLong done = new AtomicLong();
    final AtomicBoolean stop = new AtomicBoolean();
    final AtomicReference<RuntimeException> fatal = new AtomicReference<>();
    final List<Failure> failures = Collections.synchronizedList(new ArrayList<>());
    final AtomicLong failureCount = new AtomicLong();
    long[] failedRuns = new long[16]; // every failed run, guarded by failures
    int failedCount;
    /** Set when the sweep stops for an interrupt, of the calling thread or of a worker. */
    final AtomicBoolean interrupted = new AtomicBoolean();
    /** Whether the calling thread itself was interrupted: its interrupt status is set again at the end. */
    volatile boolean callerInterrupted;
    final Thread caller = Thread.currentThread();
    /** Position ranges {@code [from, to)} handed to a worker but not run, because the sweep stopped. */
    final List<long[]> unrun = Collections.synchronizedList(new ArrayList<>());
    /** Worker threads of a parallel sweep, interrupted when the calling thread is. */
    final List<Thread> workerThreads = Collections.synchronizedList(new ArrayList<>());

    Sweep(Space space, RunFunction fn, Args.Layout layout, RunOptions options, Sink sink, int[] order,
        List<SweepListener> listeners, long from, long to) {
      this.space = space;
      this.fn = fn;
      this.layout = layout;
      this.options = options;
      this.sink = sink;
      this.order = order;
      this.listeners = listeners;
      this.from = from;
      this.to = to;
      this.n = to - from;
    }

    Outcome run() {
      listeners.forEach(l -> l.started(n));
      long handedOut = to; // positions from here on were never given to a worker
      try {
        Worker first = new Worker();
        long next = from;
        // Until the sink knows the outputs' types and shapes, run one at a time on this thread.
        while (next < to && !sink.ready() && !stop.get() && !checkInterrupt()) {
          first.runRange(next, next + 1);
          next++;
        }
        if (options.workers() == 1 || to - next <= 1) {
          long chunk = Math.max(1, Math.min(8192, (to - next) / 256));
          long s = next;
          for (; s < to && !stop.get() && !checkInterrupt(); s += chunk) first.runRange(s, Math.min(to, s + chunk));
          handedOut = Math.min(s, to);
        } else {
          handedOut = parallel(next);
        }
      } finally {
        Failures f = failures();
        listeners.forEach(l -> l.finished(f));
      }
      RuntimeException e = fatal.get();
      if (e != null) throw e;
      Failures f = failures();
      if (!f.isEmpty()) LOG.warn(f.summary());
      long[] failed;
      synchronized (failures) {
        failed = Arrays.copyOf(failedRuns, failedCount);
      }
      if (!interrupted.get()) return new Outcome(f, failed);
      if (handedOut < to) unrun.add(new long[] {handedOut, to});
      long[] notRun = notRunRuns();
      long[] all = Arrays.copyOf(failed, failed.length + notRun.length);
      System.arraycopy(notRun, 0, all, failed.length, notRun.length);
      Arrays.sort(all);
      LOG.warn("interrupted: {} of {} runs done, {} not run", n - notRun.length - failed.length, n, notRun.length);
      if (callerInterrupted) caller.interrupt(); // the caller's status, which a run may have consumed
      return new Outcome(f, all, notRun.length, true);
    }

    /** True if the thread running this is interrupted; then the sweep stops, as for an interrupted run. */
    boolean checkInterrupt() {
      if (!Thread.currentThread().isInterrupted()) return false;
      interrupt();
      return true;
    }

    /** Stops the sweep for an interrupt seen on the current thread. */
    void interrupt() {
      if (Thread.currentThread() == caller) callerInterrupted = true;
      interrupted.set(true);
      stop.set(true);
    }

    /** The runs of the position ranges that were never run, ascending. */
    long[] notRunRuns() {
      long count = 0;
      synchronized (unrun) {
        for (long[] r : unrun) count += r[1] - r[0];
      }
      long[] out = new long[Math.toIntExact(count)];
      int k = 0;
      synchronized (unrun) {
        for (long[] r : unrun) {
          for (long p = r[0]; p < r[1]; p++) out[k++] = order == null ? p : from + order[(int) (p - from)];
        }
      }
      Arrays.sort(out);
      return out;
    }

    Failures failures() {
      List<Failure> sorted;
      synchronized (failures) {
        sorted = new ArrayList<>(failures);
      }
      sorted.sort((a, b) -> Long.compare(a.run(), b.run()));
      return new Failures(n, failureCount.get(), sorted.subList(0, Math.min(sorted.size(), Failures.KEPT)));
    }

    /** Runs positions {@code next..to - 1} on the workers; {@return the first position never handed out}. */
    long parallel(long next) {
      int w = options.workers();
      long chunk = Math.max(1, Math.min(8192, (to - next) / ((long) w * 64)));
      AtomicLong counter = new AtomicLong(next);
      ExecutorService ex = options.executor();
      boolean own = ex == null;
      if (own) {
        AtomicLong id = new AtomicLong();
        ex = Executors.newFixedThreadPool(w, r -> {
          Thread t = new Thread(r, "sweep-worker-" + id.incrementAndGet());
          t.setDaemon(true);
          return t;
        });
      }
      try {
        List<Future<?>> futures = new ArrayList<>();
        for (int i = 0; i < w; i++) {
          futures.add(ex.submit(() -> {
            workerThreads.add(Thread.currentThread());
            try {
              Worker worker = new Worker();
              while (!stop.get() && !checkInterrupt()) {
                long s = counter.getAndAdd(chunk);
                if (s >= to) break;
                worker.runRange(s, Math.min(to, s + chunk));
              }
            } finally {
              workerThreads.remove(Thread.currentThread());
              if (interrupted.get()) Thread.interrupted(); // the pool's thread goes back without our interrupt
            }
          }));
        }
        for (Future<?> f : futures) {
          while (true) {
            try {
              f.get();
              break;
            } catch (ExecutionException e) {
              stop.set(true);
              Throwable c = e.getCause();
              if (c instanceof RuntimeException re) throw re;
              if (c instanceof Error err) throw err;
              throw new IllegalStateException(c);
            } catch (InterruptedException e) {
              // Stop the sweep and wait for the workers to finish the runs in progress (interrupted too),
              // so that what completed is all there when the outcome is made.
              interrupt();
              synchronized (workerThreads) {
                for (Thread t : workerThreads) t.interrupt();
              }
            }
          }
        }
      } finally {
        if (own) ex.shutdownNow();
      }
      return Math.min(counter.get(), to);
    }

    /** Runs on one thread with its own cursor and arguments. */
    final class Worker {
      final Space.Cursor cursor = space.cursor();
      final Args args = new Args(layout, cursor);
      final RunFunction.OfDouble primitive = fn instanceof RunFunction.OfDouble d ? d : null;

      /** Runs positions {@code start..end - 1} of the range: runs themselves, or shuffled ones. */
      void runRange(long start, long end) {
        if (order == null) {
          cursor.seek(start);
          for (long r = start; r < end; r++) {
            if (r > start) cursor.advance();
            if (!runCurrent()) {
              unrun.add(new long[] {r, end});
              return;
            }
          }
        } else {
          for (long i = start; i < end; i++) {
            cursor.seek(from + order[(int) (i - from)]);
            if (!runCurrent()) {
              unrun.add(new long[] {i, end});
              return;
            }
          }
        }
        long d = done.addAndGet(end - start);
        for (SweepListener l : listeners) l.progressed(d, args);
      }

      /** Runs the cursor's run; false if the sweep must stop. */
      boolean runCurrent() {
        if (stop.get()) return false;
        long run = cursor.run();
        if (primitive != null && sink.ready()) {
          double d;
          try {
            d = primitive.applyAsDouble(args);
          } catch (Throwable t) {
            return failed(run, t);
          }
          try {
            sink.acceptDouble(run, cursor.cell(), d);
            return true;
          } catch (RuntimeException e) {
            return halt(run, e);
          }
        }
        Object result;
        try {
          result = fn.apply(args);
        } catch (Throwable t) {
          return failed(run, t);
        }
        try {
          sink.accept(run, cursor.cell(), result);
          return true;
        } catch (RuntimeException e) {
          // The result does not fit the runner's description: a mistake in the description or the
          // function, not a failed run, so it stops the sweep whatever the error policy.
          return halt(run, e);
        }
      }

      /** Stops the sweep; the first run to get here is the one the exception names. Returns false. */
      private boolean halt(long run, Throwable cause) {
        // A sweep too large for memory is no fault of the run that found it out: say so as it is.
        RuntimeException e = cause instanceof MemoryBudget.TooLarge tooLarge ? tooLarge
            : new RunFailedException(run, space.size(), args.toMap(), cause);
        if (fatal.compareAndSet(null, e)) stop.set(true);
        return false;
      }

      private boolean failed(long run, Throwable t) {
        // A stack overflow unwinds cleanly and belongs to the run (deep recursion in the function);
        // other VM errors (out of memory) leave the JVM in no state to go on.
        if (t instanceof VirtualMachineError vme && !(t instanceof StackOverflowError)) throw vme;
        if (isInterrupt(t) || Thread.currentThread().isInterrupted()) {
          // Not a failure of the run: the sweep was asked to stop. The run counts as not run.
          interrupt();
          return false;
        }
        Failure f = new Failure(run, args.toMap(), t);
        if (options.onError() == OnError.STOP) return halt(run, t);
        failureCount.incrementAndGet();
        synchronized (failures) {
          // Keep the lowest-numbered failures, whatever order the workers finish in.
          if (failures.size() < Failures.KEPT) {
            failures.add(f);
          } else {
            int worst = 0;
            for (int i = 1; i < failures.size(); i++) if (failures.get(i).run() > failures.get(worst).run()) worst = i;
            if (run < failures.get(worst).run()) failures.set(worst, f);
          }
          if (failedCount == failedRuns.length) failedRuns = Arrays.copyOf(failedRuns, failedCount * 2);
          failedRuns[failedCount++] = run;
        }
        for (SweepListener l : listeners) l.failed(f);
        return true;
      }
    }
  }
}
