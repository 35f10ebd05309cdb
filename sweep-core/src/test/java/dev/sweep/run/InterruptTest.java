package dev.sweep.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sweep.data.Dataset;
import dev.sweep.space.Cases;
import dev.sweep.space.Combos;
import dev.sweep.space.Values;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * An interrupt stops a sweep: no run starts after it, what completed is kept, and the caller learns
 * of it (issue: under {@link OnError#CONTINUE} every later run used to fail at once).
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class InterruptTest {

  /** A function over p = 0..399 whose run at {@code blockAt} blocks until interrupted, after saying so. */
  static final class Blocking {
    final int blockAt;
    final CountDownLatch reached = new CountDownLatch(1);
    final AtomicInteger started = new AtomicInteger();

    Blocking(int blockAt) {
      this.blockAt = blockAt;
    }

    RunFunction fn() {
      return args -> {
        started.incrementAndGet();
        int p = args.getInt("p");
        if (p == blockAt) {
          reached.countDown();
          new CountDownLatch(1).await(); // until the interrupt: InterruptedException
        }
        return (double) p;
      };
    }
  }

  static final Combos P400 = Combos.builder().add("p", Values.range(0, 400)).build();

  /** Runs the body on a thread of its own, interrupts that thread once the blocking run is reached. */
  static <T> Outcome<T> interrupted(Blocking f, Supplier<T> body) throws Exception {
    CompletableFuture<Outcome<T>> done = new CompletableFuture<>();
    Thread t = new Thread(() -> {
      try {
        T value = body.get();
        done.complete(new Outcome<>(value, null, Thread.currentThread().isInterrupted()));
      } catch (RuntimeException e) {
        done.complete(new Outcome<>(null, e, Thread.currentThread().isInterrupted()));
      }
    }, "sweeping");
    t.start();
    assertTrue(f.reached.await(1, TimeUnit.MINUTES), "the blocking run was never reached");
    t.interrupt();
    return done.get(1, TimeUnit.MINUTES);
  }

  record Outcome<T>(T value, RuntimeException thrown, boolean flagSet) {}

  @ParameterizedTest
  @EnumSource(OnError.class)
  void aSerialSweepStopsAtTheInterruptAndKeepsWhatCompleted(OnError policy) throws Exception {
    Blocking f = new Blocking(57);
    Runner r = Runner.builder(f.fn()).vars("y")
        .options(RunOptions.builder().verbosity(0).onError(policy).build()).build();
    Outcome<Dataset> o = interrupted(f, () -> r.runCombos(P400));
    var e = assertInstanceOf(SweepInterruptedException.class, o.thrown());
    assertTrue(o.flagSet(), "the caller's interrupt status is set again");
    assertEquals(58, f.started.get(), "no run starts after the interrupt");
    assertEquals(57, e.completedRuns());
    assertEquals(400, e.totalRuns());
    assertEquals("the sweep was interrupted after 57 of 400 runs; the completed runs are kept, the others are "
        + "missing", e.getMessage());
    Dataset ds = e.dataset().orElseThrow();
    double[] y = ds.variable("y").toDoubleArray();
    for (int p = 0; p < 400; p++) {
      if (p < 57) assertEquals(p, y[p]);
      else assertTrue(Double.isNaN(y[p]), "p=" + p + " never ran");
    }
  }

  @Test
  void aPlanRangeGivesTheBatchOfTheCompletedRuns() throws Exception {
    Blocking f = new Blocking(130);
    Runner r = Runner.builder(f.fn()).vars("y").options(RunOptions.builder().verbosity(0).build()).build();
    RunPlan plan = r.plan(Cases.none(), P400);
    Outcome<RunBatch> o = interrupted(f, () -> plan.run(100, 300));
    var e = assertInstanceOf(SweepInterruptedException.class, o.thrown());
    RunBatch b = e.batch().orElseThrow();
    assertEquals(100, b.from());
    assertEquals(300, b.to());
    assertEquals(170, b.failedRuns().length, "the interrupted run and the 169 never started have no result");
    assertEquals(130, b.failedRuns()[0]);
    assertTrue(b.failures().first().isEmpty(), "not run is not failed: no run has a failure cause");
    Dataset part = plan.datasetOf(b);
    assertEquals(30, part.variable("y").toDoubleArray().length - countNaN(part.variable("y").toDoubleArray()));
  }

  @Test
  void parallelWorkersStopAndTheRunInProgressIsInterrupted() throws Exception {
    Blocking f = new Blocking(57);
    Runner r = Runner.builder(f.fn()).vars("y")
        .options(RunOptions.builder().verbosity(0).workers(2).onError(OnError.CONTINUE).build()).build();
    Outcome<Dataset> o = interrupted(f, () -> r.runCombos(P400));
    var e = assertInstanceOf(SweepInterruptedException.class, o.thrown());
    assertTrue(o.flagSet());
    double[] y = e.dataset().orElseThrow().variable("y").toDoubleArray();
    assertTrue(Double.isNaN(y[57]), "the blocked run was interrupted");
    long kept = 0;
    for (int p = 0; p < 400; p++) {
      if (!Double.isNaN(y[p])) {
        assertEquals(p, y[p]);
        kept++;
      }
    }
    assertEquals(e.completedRuns(), kept, "every completed run is kept");
    assertTrue(kept < 400);
  }

  @Test
  void anAlreadyInterruptedThreadRunsNothing() {
    AtomicInteger calls = new AtomicInteger();
    Runner r = Runner.builder(args -> (double) calls.incrementAndGet()).vars("y")
        .options(RunOptions.builder().verbosity(0).build()).build();
    Thread.currentThread().interrupt();
    try {
      var e = assertThrows(SweepInterruptedException.class, () -> r.runCombos(P400));
      assertEquals(0, e.completedRuns());
      assertTrue(Thread.currentThread().isInterrupted());
    } finally {
      Thread.interrupted();
    }
    assertEquals(0, calls.get());
    assertFalse(Thread.currentThread().isInterrupted());
    var e2 = assertThrows(SweepInterruptedException.class, () -> {
      Thread.currentThread().interrupt();
      try {
        ComboRunner.of(args -> 1.0).with(RunOptions.builder().verbosity(0).build()).run(P400);
      } finally {
        Thread.interrupted();
      }
    });
    assertEquals("the sweep was interrupted after 0 of 400 runs; its results are dropped", e2.getMessage());
  }

  @Test
  void anExceptionCausedByAnInterruptIsNoFailureEither() throws Exception {
    Blocking f = new Blocking(10);
    RunFunction wrapping = args -> {
      try {
        return f.fn().apply(args);
      } catch (InterruptedException e) {
        throw new IllegalStateException("wrapped", e); // as user code often does
      }
    };
    Runner r = Runner.builder(wrapping).vars("y")
        .options(RunOptions.builder().verbosity(0).onError(OnError.CONTINUE).build()).build();
    Outcome<Dataset> o = interrupted(f, () -> r.runCombos(P400));
    var e = assertInstanceOf(SweepInterruptedException.class, o.thrown());
    assertEquals(10, e.completedRuns());
    assertEquals(11, f.started.get());
  }

  private static <T> T assertInstanceOf(Class<T> type, Object o) {
    assertTrue(type.isInstance(o), "expected a " + type.getSimpleName() + ", got " + o);
    return type.cast(o);
  }

  private static int countNaN(double[] a) {
    int n = 0;
    for (double d : a) if (Double.isNaN(d)) n++;
    return n;
  }
}
