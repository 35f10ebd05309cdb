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
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a function over a space and hands each result to a sink, serially or on several workers.
 *
 * <p>Work is handed out in chunks of consecutive runs taken from a shared counter, so a trivial
 * function pays one atomic operation per chunk rather than per run, and a slow one still balances
 * (chunks shrink with the number of runs). Results go to the sink by grid cell, so parallel and
 * serial sweeps fill the same cells.
 *
 * <p>With a run timeout ({@link RunOptions#runTimeout()}) every run goes on a worker thread and the
 * calling thread watches the clock (see {@code Sweep.watched}); without one, nothing of that is on
 * the path of a run but one null check.
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
    Args.Layout layout = new Args.Layout(space.names(), fixed);
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
    /** The run timeout and the grace after its interrupt, in nanoseconds; 0 without a timeout. */
    final long timeoutNanos;
    final long graceNanos;
    /** With a run timeout: every worker's run in progress, as the calling thread watches them. */
    final List<Watch> watches = Collections.synchronizedList(new ArrayList<>());
    /** With a run timeout: what a worker thread threw other than a run's failure, rethrown at the end. */
    final AtomicReference<Throwable> workerError = new AtomicReference<>();

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
      long t = 0;
      if (options.runTimeout() != null) {
        try {
          t = options.runTimeout().toNanos();
        } catch (ArithmeticException e) {
          t = Long.MAX_VALUE;
        }
      }
      this.timeoutNanos = Math.min(t, Long.MAX_VALUE / 4); // far beyond any sweep, and free of overflow
      this.graceNanos = Math.min(timeoutNanos, 1_000_000_000L);
    }

    Outcome run() {
      listeners.forEach(l -> l.started(n));
      long handedOut = to; // positions from here on were never given to a worker
      try {
        if (timeoutNanos > 0) {
          handedOut = watched(from);
        } else {
          handedOut = direct();
        }
      } finally {
        Failures f = failures();
        listeners.forEach(l -> l.finished(f));
      }
      return outcome(handedOut);
    }

    /** Runs the range without a run timeout; {@return the first position never handed out}. */
    long direct() {
      Worker first = new Worker(false);
      long next = from;
      // Until the sink knows the outputs' types and shapes, run one at a time on this thread.
      while (next < to && !sink.ready() && !stop.get() && !checkInterrupt()) {
        first.runRange(next, next + 1);
        next++;
      }
      if (options.workers() == 1 || to - next <= 1) {
        long chunk = serialChunk(next);
        long s = next;
        for (; s < to && !stop.get() && !checkInterrupt(); s += chunk) first.runRange(s, Math.min(to, s + chunk));
        return Math.min(s, to);
      }
      return parallel(next);
    }

    long serialChunk(long next) {
      return Math.max(1, Math.min(8192, (to - next) / 256));
    }

    long parallelChunk(long next) {
      return Math.max(1, Math.min(8192, (to - next) / ((long) options.workers() * 64)));
    }

    /** {@return how the sweep ended}, or throws what stopped it; {@code handedOut} as in {@link #run}. */
    Outcome outcome(long handedOut) {
      Throwable error = workerError.get();
      if (error instanceof RuntimeException re) throw re;
      if (error instanceof Error err) throw err;
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
      long chunk = parallelChunk(next);
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
              Worker worker = new Worker(false);
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
      /** This worker's run in progress, for the watch of a sweep with a run timeout; else null. */
      final Watch watch;
      /** Set by this worker's thread when the watch gave up on it: it must leave the sweep. */
      boolean abandoned;

      Worker(boolean watched) {
        this.watch = watched ? new Watch(this) : null;
      }

      /** Runs positions {@code start..end - 1} of the range: runs themselves, or shuffled ones. */
      void runRange(long start, long end) {
        if (watch != null) {
          watch.chunkStart = start;
          watch.chunkEnd = end;
        }
        if (order == null) {
          cursor.seek(start);
          for (long r = start; r < end; r++) {
            if (r > start) cursor.advance();
            if (!runCurrent(r)) {
              if (!abandoned) unrun.add(new long[] {r, end});
              return;
            }
          }
        } else {
          for (long i = start; i < end; i++) {
            cursor.seek(from + order[(int) (i - from)]);
            if (!runCurrent(i)) {
              if (!abandoned) unrun.add(new long[] {i, end});
              return;
            }
          }
        }
        long d = done.addAndGet(end - start);
        for (SweepListener l : listeners) l.progressed(d, args);
      }

      /** Runs the cursor's run, at {@code position} of the range; false if the sweep must stop. */
      boolean runCurrent(long position) {
        if (stop.get()) return false;
        if (watch != null) return runWatched(position);
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

      /**
       * Runs the cursor's run under the watch of a sweep with a run timeout: it publishes the run and
       * its deadline, and whichever of this thread (returning) and the watch (the time is up) changes
       * the run's state first decides whether the run completed or timed out.
       */
      private boolean runWatched(long position) {
        long run = cursor.run();
        Watch w = watch;
        long seq = w.seq += 1;
        w.position = position;
        w.run = run;
        w.deadline = System.nanoTime() + timeoutNanos;
        w.state.set(Watch.stamp(seq, Watch.RUNNING)); // publishes the fields above to the watch
        boolean scalar = primitive != null && sink.ready();
        double d = 0;
        Object result = null;
        Throwable thrown = null;
        try {
          if (scalar) d = primitive.applyAsDouble(args);
          else result = fn.apply(args);
        } catch (Throwable t) {
          thrown = t;
        }
        if (!w.state.compareAndSet(Watch.stamp(seq, Watch.RUNNING), Watch.stamp(seq, Watch.IDLE))) {
          // The watch took the run as timed out. It interrupts under the watch's lock, so once that is
          // free the interrupt has arrived and can be cleared: it was for this run only.
          synchronized (w) {
            Thread.interrupted();
          }
          if (!w.state.compareAndSet(Watch.stamp(seq, Watch.TIMED_OUT), Watch.stamp(seq, Watch.IDLE))) {
            abandoned = true; // the watch gave up on this thread, recorded the run and went on without it
            return false;
          }
          if (thrown instanceof VirtualMachineError vme && !(thrown instanceof StackOverflowError)) throw vme;
          return timedOut(run, args.toMap(), false);
        }
        if (thrown != null) return failed(run, thrown);
        try {
          if (scalar) sink.acceptDouble(run, cursor.cell(), d);
          else sink.accept(run, cursor.cell(), result);
          return true;
        } catch (RuntimeException e) {
          return halt(run, e);
        }
      }

      /** Stops the sweep; the first run to get here is the one the exception names. Returns false. */
      private boolean halt(long run, Throwable cause) {
        return Sweep.this.halt(run, args.toMap(), cause);
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
        return record(run, args.toMap(), t);
      }
    }

    /** Stops the sweep; the first run to get here is the one the exception names. Returns false. */
    boolean halt(long run, Map<String, Object> arguments, Throwable cause) {
      // A sweep too large for memory is no fault of the run that found it out: say so as it is.
      RuntimeException e = cause instanceof MemoryBudget.TooLarge tooLarge ? tooLarge
          : new RunFailedException(run, space.size(), arguments, cause);
      if (fatal.compareAndSet(null, e)) stop.set(true);
      return false;
    }

    /** Records a run that took longer than the timeout; {@return false if the sweep must stop} */
    boolean timedOut(long run, Map<String, Object> arguments, boolean abandoned) {
      return record(run, arguments, new RunTimeoutException(options.runTimeout(), abandoned));
    }

    /** Records a failed run under the error policy; {@return false if the sweep must stop} */
    boolean record(long run, Map<String, Object> arguments, Throwable t) {
      Failure f = new Failure(run, arguments, t);
      if (options.onError() == OnError.STOP) return halt(run, arguments, t);
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

    /**
     * Runs positions {@code next..to - 1} on worker threads while this (the calling) thread watches
     * the clock: a run past its deadline is taken as timed out and its thread interrupted; a thread
     * that has not come back from the function {@code graceNanos} later is given up on, and a new
     * worker takes over the rest of its chunk. As without a timeout, one worker runs alone, one run at
     * a time, until the sink is ready. {@return the first position never handed out}
     */
    long watched(long next) {
      AtomicLong counter = new AtomicLong(next);
      if (!sink.ready()) watch(counter, 1, 1, true);
      if (!stop.get() && counter.get() < to) {
        int w = counter.get() >= to - 1 ? 1 : options.workers();
        watch(counter, w, w == 1 ? serialChunk(counter.get()) : parallelChunk(counter.get()), false);
      }
      return Math.min(counter.get(), to);
    }

    /** Starts {@code w} workers taking chunks from the counter and watches them until none is left. */
    private void watch(AtomicLong counter, int w, long chunk, boolean untilReady) {
      AtomicInteger live = new AtomicInteger();
      for (int i = 0; i < w; i++) start(new Worker(true), counter, chunk, untilReady, 0, 0, live, options.executor());
      while (live.get() > 0) {
        long now = System.nanoTime();
        long wake = now + Math.min(timeoutNanos, 1_000_000_000L);
        Watch[] ws;
        synchronized (watches) {
          ws = watches.toArray(new Watch[0]);
        }
        for (Watch x : ws) {
          long st = x.state.get();
          int state = Watch.stateOf(st);
          if (state == Watch.RUNNING) {
            long deadline = x.deadline; // of this run or a later one: never of an earlier one
            if (now - deadline >= 0) {
              synchronized (x) {
                if (x.state.compareAndSet(st, Watch.stamp(Watch.seqOf(st), Watch.TIMED_OUT))) {
                  x.interruptedAt = now;
                  x.thread.interrupt();
                  state = Watch.TIMED_OUT;
                }
              }
            } else {
              wake = Math.min(wake, deadline);
            }
          }
          if (state == Watch.TIMED_OUT) {
            if (now - x.interruptedAt >= graceNanos) {
              if (x.state.compareAndSet(Watch.stamp(Watch.seqOf(st), Watch.TIMED_OUT),
                  Watch.stamp(Watch.seqOf(st), Watch.ABANDONED))) {
                abandon(x, counter, chunk, untilReady, live);
              }
            } else {
              wake = Math.min(wake, x.interruptedAt + graceNanos);
            }
          }
        }
        if (live.get() == 0) break;
        LockSupport.parkNanos(this, Math.max(wake - System.nanoTime(), 100_000L)); // a worker unparks when done
        if (Thread.interrupted()) {
          interrupt(); // as in a sweep without a timeout: stop, and interrupt the runs in progress
          synchronized (watches) {
            for (Watch x : watches) x.thread.interrupt();
          }
        }
      }
    }

    /** Records the watched worker's run as timed out and goes on without its thread. */
    private void abandon(Watch x, AtomicLong counter, long chunk, boolean untilReady, AtomicInteger live) {
      watches.remove(x);
      Worker gone = x.worker;
      LOG.warn("run {} ignored the interrupt of its timeout; the sweep goes on without its thread {}", x.run,
          x.thread.getName());
      long position = x.position;
      long chunkStart = x.chunkStart;
      long chunkEnd = x.chunkEnd;
      boolean goOn = timedOut(x.run, gone.args.toMap(), true); // its cursor holds still while it is stuck
      if (goOn && !stop.get()) {
        done.addAndGet(position + 1 - chunkStart); // the runs of its chunk up to this one are done
        if (position + 1 < chunkEnd) {
          start(new Worker(true), counter, chunk, untilReady, position + 1, chunkEnd, live, null);
        } else if (!untilReady || !sink.ready()) {
          start(new Worker(true), counter, chunk, untilReady, 0, 0, live, null);
        }
      } else if (position + 1 < chunkEnd) {
        unrun.add(new long[] {position + 1, chunkEnd});
      }
      live.decrementAndGet();
    }

    /**
     * Starts a watched worker on the executor, or on a daemon thread of its own if that is null: first
     * {@code [leftFrom, leftTo)}, then chunks. A worker that replaces one given up on always gets a
     * thread of its own, since the executor's threads may all be stuck in runs given up on.
     */
    private void start(Worker worker, AtomicLong counter, long chunk, boolean untilReady, long leftFrom, long leftTo,
        AtomicInteger live, ExecutorService ex) {
      live.incrementAndGet();
      Runnable task = () -> {
        Watch x = worker.watch;
        x.thread = Thread.currentThread();
        watches.add(x);
        if (interrupted.get()) x.thread.interrupt(); // started while the caller's interrupt went round
        try {
          if (leftFrom < leftTo) worker.runRange(leftFrom, leftTo);
          while (!worker.abandoned && !stop.get() && !checkInterrupt()) {
            if (untilReady && sink.ready()) break;
            long c = untilReady ? 1 : chunk;
            long s = counter.getAndAdd(c);
            if (s >= to) break;
            worker.runRange(s, Math.min(to, s + c));
          }
        } catch (Throwable t) {
          if (!worker.abandoned) {
            workerError.compareAndSet(null, t instanceof RuntimeException || t instanceof Error ? t
                : new IllegalStateException(t));
            stop.set(true);
          }
        } finally {
          if (!worker.abandoned) {
            watches.remove(x);
            if (interrupted.get()) Thread.interrupted(); // a pool's thread goes back without our interrupt
            live.decrementAndGet();
            LockSupport.unpark(caller);
          }
        }
      };
      if (ex != null) {
        try {
          ex.execute(task);
        } catch (RuntimeException e) { // rejected: a shut-down executor
          live.decrementAndGet();
          stop.set(true);
          throw e;
        }
      } else {
        Thread t = new Thread(task, "sweep-worker-" + WORKER_IDS.incrementAndGet());
        t.setDaemon(true); // a thread given up on must not keep the JVM alive
        t.start();
      }
    }
  }

  private static final AtomicLong WORKER_IDS = new AtomicLong();

  /**
   * A watched worker's run in progress. {@code state} holds the run's sequence number (per worker) and
   * its state; the worker moves RUNNING to IDLE when the run returns, the watch RUNNING to TIMED_OUT
   * when its time is up and TIMED_OUT to ABANDONED when the thread has not come back within the grace,
   * so the sequence number keeps the watch from taking a later run for the one it looked at.
   */
  static final class Watch {
    static final int IDLE = 0;
    static final int RUNNING = 1;
    static final int TIMED_OUT = 2;
    static final int ABANDONED = 3;

    final Sweep.Worker worker;
    final AtomicLong state = new AtomicLong();
    long seq; // the worker's own
    volatile long deadline;
    volatile long position;
    volatile long run;
    volatile long chunkStart;
    volatile long chunkEnd;
    volatile Thread thread;
    long interruptedAt; // the watch's own

    Watch(Sweep.Worker worker) {
      this.worker = worker;
    }

    static long stamp(long seq, int state) {
      return seq << 2 | state;
    }

    static long seqOf(long stamp) {
      return stamp >>> 2;
    }

    static int stateOf(long stamp) {
      return (int) (stamp & 3);
    }
  }
}
