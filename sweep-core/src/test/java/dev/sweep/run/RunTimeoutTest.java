package dev.sweep.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sweep.data.Dataset;
import dev.sweep.space.Cases;
import dev.sweep.space.Combos;
import dev.sweep.space.Values;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A per-run time limit ({@link RunOptions.Builder#runTimeout}): a run past it fails with its
 * arguments, a run that waits is interrupted, one that ignores interrupts is given up on, and
 * without a limit the sweep runs as before, on the calling thread.
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class RunTimeoutTest {
  static final Duration SHORT = Duration.ofMillis(200);
  /** A generous bound on a sweep whose only slow runs are cut off after {@link #SHORT}. */
  static final long BOUND_MS = 30_000;

  static final Combos P10 = Combos.builder().add("p", Values.range(0, 10)).build();

  static RunOptions.Builder quiet() {
    return RunOptions.builder().verbosity(0);
  }

  /** Returns p, except that the runs at {@code slow} wait until interrupted. */
  static RunFunction waitingAt(Set<Integer> slow) {
    return RunFunction.ofDouble(args -> {
      int p = args.getInt("p");
      if (slow.contains(p)) new CountDownLatch(1).await(); // only an interrupt ends it
      return p;
    });
  }

  @Test
  void invalidTimeoutsAreRefusedNamingTheParameterAndValue() {
    var nul = assertThrows(NullPointerException.class, () -> RunOptions.builder().runTimeout(null));
    assertEquals("runTimeout is null; expected a positive duration (leave it unset for no limit)", nul.getMessage());
    var zero = assertThrows(IllegalArgumentException.class, () -> RunOptions.builder().runTimeout(Duration.ZERO));
    assertEquals("runTimeout is PT0S; expected a positive duration", zero.getMessage());
    var neg = assertThrows(IllegalArgumentException.class, () -> RunOptions.builder().runTimeout(Duration.ofMillis(-5)));
    assertEquals("runTimeout is PT-0.005S; expected a positive duration", neg.getMessage());
    var canonical = assertThrows(IllegalArgumentException.class,
        () -> new RunOptions(0, 1, null, null, OnError.STOP, List.of(), Duration.ofSeconds(-1)));
    assertEquals("runTimeout is PT-1S; expected a positive duration", canonical.getMessage());
  }

  @Test
  void theTimeoutIsKeptByToBuilderAndAbsentByDefault() {
    assertNull(RunOptions.defaults().runTimeout());
    assertNull(new RunOptions(0, 1, null, null, OnError.STOP, List.of()).runTimeout());
    RunOptions o = quiet().runTimeout(SHORT).build();
    assertEquals(SHORT, o.runTimeout());
    assertEquals(SHORT, o.toBuilder().workers(2).build().runTimeout());
  }

  @Test
  void underStopARunPastItsTimeoutIsInterruptedAndStopsTheSweepNamingItsArguments() {
    ComboRunner r = ComboRunner.of(waitingAt(Set.of(3))).with(quiet().runTimeout(SHORT).build());
    long t0 = System.nanoTime();
    var e = assertThrows(RunFailedException.class, () -> r.run(P10));
    long ms = (System.nanoTime() - t0) / 1_000_000;
    assertTrue(ms >= 190 && ms < BOUND_MS, "stopped after " + ms + " ms");
    assertEquals(3, e.run());
    assertEquals(java.util.Map.of("p", 3), e.arguments());
    assertEquals("run 3 of 10 failed for p=3: dev.sweep.run.RunTimeoutException: the run took longer than its "
        + "timeout of 200 ms and was interrupted", e.getMessage());
    var cause = assertInstanceOf(RunTimeoutException.class, e.getCause());
    assertEquals(SHORT, cause.timeout());
    assertFalse(cause.abandoned());
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 2})
  void underContinueTimedOutRunsAreMissingCellsCountedAmongTheFailures(int workers) {
    Set<Integer> slow = Set.of(2, 5, 9);
    Runner r = Runner.builder(waitingAt(slow)).vars("y")
        .options(quiet().workers(workers).onError(OnError.CONTINUE).runTimeout(SHORT).build()).build();
    long t0 = System.nanoTime();
    Dataset ds = r.runCombos(P10);
    long ms = (System.nanoTime() - t0) / 1_000_000;
    assertTrue(ms < BOUND_MS, "took " + ms + " ms");
    double[] y = ds.variable("y").toDoubleArray();
    for (int p = 0; p < 10; p++) {
      if (slow.contains(p)) assertTrue(Double.isNaN(y[p]), "p=" + p + " timed out");
      else assertEquals(p, y[p], "p=" + p);
    }
    Grid g = ComboRunner.of(waitingAt(slow))
        .with(quiet().workers(workers).onError(OnError.CONTINUE).runTimeout(SHORT).build()).run(P10);
    assertEquals(3, g.failures().count());
    assertEquals(List.of(2L, 5L, 9L), g.failures().first().stream().map(Failure::run).toList());
    Failure f = g.failures().first().get(1);
    assertEquals(java.util.Map.of("p", 5), f.arguments());
    assertInstanceOf(RunTimeoutException.class, f.cause());
    assertEquals("run 5 (p=5): dev.sweep.run.RunTimeoutException: the run took longer than its timeout of 200 ms "
        + "and was interrupted", f.toString());
  }

  /** Spins without looking at interrupts at p = 4 until released; records the thread it spins on. */
  static final class Spinner {
    final CountDownLatch spinning = new CountDownLatch(1);
    volatile boolean released;
    final AtomicReference<Thread> thread = new AtomicReference<>();

    RunFunction fn() {
      return RunFunction.ofDouble(args -> {
        int p = args.getInt("p");
        if (p == 4) {
          thread.set(Thread.currentThread());
          spinning.countDown();
          while (!released) Thread.onSpinWait(); // ignores the interrupt
          return -1;
        }
        return p;
      });
    }
  }

  @Test
  void aRunThatIgnoresTheInterruptIsGivenUpOnAndItsDaemonThreadLeftToFinish() throws Exception {
    Spinner s = new Spinner();
    Runner r = Runner.builder(s.fn()).vars("y")
        .options(quiet().onError(OnError.CONTINUE).runTimeout(SHORT).build()).build();
    long t0 = System.nanoTime();
    Dataset ds;
    try {
      ds = r.runCombos(P10);
    } finally {
      long ms = (System.nanoTime() - t0) / 1_000_000;
      assertTrue(ms < BOUND_MS, "took " + ms + " ms");
    }
    Thread stuck = s.thread.get();
    try {
      double[] y = ds.variable("y").toDoubleArray();
      for (int p = 0; p < 10; p++) {
        if (p == 4) assertTrue(Double.isNaN(y[p]), "the abandoned run has no result");
        else assertEquals(p, y[p], "p=" + p + " ran on another thread");
      }
      assertTrue(stuck.isAlive(), "the function still spins");
      assertTrue(stuck.isDaemon(), "so it cannot keep the JVM alive");
      assertTrue(stuck.getName().startsWith("sweep-worker-"), stuck.getName());
    } finally {
      s.released = true;
    }
    stuck.join(60_000);
    assertFalse(stuck.isAlive(), "once the function returns, its thread ends");
    assertTrue(Double.isNaN(ds.variable("y").toDoubleArray()[4]), "its late result is dropped");
  }

  @Test
  void underStopARunThatIgnoresTheInterruptStopsTheSweepAsAbandoned() throws Exception {
    Spinner s = new Spinner();
    ComboRunner r = ComboRunner.of(s.fn()).with(quiet().runTimeout(SHORT).build());
    try {
      var e = assertThrows(RunFailedException.class, () -> r.run(P10));
      assertEquals("run 4 of 10 failed for p=4: dev.sweep.run.RunTimeoutException: the run took longer than its "
          + "timeout of 200 ms; it ignored the interrupt, so the sweep went on without its thread (still running it)",
          e.getMessage());
      assertTrue(assertInstanceOf(RunTimeoutException.class, e.getCause()).abandoned());
    } finally {
      s.released = true;
    }
    Thread stuck = s.thread.get();
    stuck.join(60_000);
    assertFalse(stuck.isAlive());
  }

  @Test
  void withoutATimeoutRunsGoOnTheCallingThreadAndWithOneOnAWorker() {
    Set<Thread> seen = ConcurrentHashMap.newKeySet();
    RunFunction fn = RunFunction.ofDouble(args -> {
      seen.add(Thread.currentThread());
      return args.getInt("p");
    });
    ComboRunner.of(fn).with(quiet().build()).run(P10);
    assertEquals(Set.of(Thread.currentThread()), seen);
    seen.clear();
    Grid g = ComboRunner.of(fn).with(quiet().runTimeout(Duration.ofMinutes(1)).build()).run(P10);
    assertEquals(1, seen.size());
    assertNotSame(Thread.currentThread(), seen.iterator().next());
    assertTrue(g.failures().isEmpty());
    for (int p = 0; p < 10; p++) assertEquals((double) p, g.get(p));
  }

  @Test
  void runsWithinTheirTimeGiveTheSameDatasetAsWithoutATimeout() {
    Combos c = Combos.builder().add("a", Values.range(0, 30)).add("b", Values.range(0, 40)).build();
    RunFunction fn = args -> new double[] {args.getInt("a") * 0.5 + args.getInt("b"), args.getInt("a") - args.getInt("b")};
    Dataset plain = Runner.builder(fn).vars("s", "d").options(quiet().build()).build().runCombos(c);
    for (int w : new int[] {1, 2, 3}) {
      Dataset timed = Runner.builder(fn).vars("s", "d")
          .options(quiet().workers(w).shuffle(7).runTimeout(Duration.ofMinutes(1)).build()).build().runCombos(c);
      assertEquals(plain, timed, "workers=" + w);
    }
  }

  @Test
  void aRunPlanRangeTimesItsRunsOut() {
    Runner r = Runner.builder(waitingAt(Set.of(6))).vars("y")
        .options(quiet().onError(OnError.CONTINUE).runTimeout(SHORT).build()).build();
    RunPlan plan = r.plan(Cases.none(), P10);
    RunBatch b = plan.run(5, 8);
    assertEquals(5, b.from());
    assertEquals(8, b.to());
    assertEquals(1, b.failedRuns().length);
    assertEquals(6, b.failedRuns()[0]);
    assertInstanceOf(RunTimeoutException.class, b.failures().first().get(0).cause());
  }

  @Test
  void theWorkersCanComeFromTheCallersExecutor() throws Exception {
    ExecutorService ex = Executors.newFixedThreadPool(2, r -> {
      Thread t = new Thread(r, "callers-pool");
      t.setDaemon(true);
      return t;
    });
    try {
      Set<String> names = ConcurrentHashMap.newKeySet();
      Set<Integer> slow = Set.of(1);
      RunFunction fn = RunFunction.ofDouble(args -> {
        names.add(Thread.currentThread().getName());
        int p = args.getInt("p");
        if (slow.contains(p)) new CountDownLatch(1).await();
        return p;
      });
      Grid g = ComboRunner.of(fn).with(quiet().executor(ex).workers(2).onError(OnError.CONTINUE)
          .runTimeout(SHORT).build()).run(P10);
      assertEquals(Set.of("callers-pool"), names);
      assertEquals(1, g.failures().count());
      assertFalse(Thread.interrupted(), "the caller's interrupt status is untouched");
    } finally {
      ex.shutdownNow();
    }
  }

  @Test
  void aWorkerGivenUpOnIsReplacedEvenWhenTheExecutorHasNoThreadLeft() throws Exception {
    ExecutorService ex = Executors.newFixedThreadPool(1, r -> {
      Thread t = new Thread(r, "callers-only-thread");
      t.setDaemon(true);
      return t;
    });
    Spinner s = new Spinner();
    try {
      Grid g = ComboRunner.of(s.fn()).with(quiet().executor(ex).workers(1).onError(OnError.CONTINUE)
          .runTimeout(SHORT).build()).run(P10);
      assertEquals("callers-only-thread", s.thread.get().getName());
      assertEquals(1, g.failures().count());
      for (int p = 0; p < 10; p++) if (p != 4) assertEquals((double) p, g.get(p));
    } finally {
      s.released = true;
      ex.shutdownNow();
    }
  }

  /** A caller's interrupt still stops a sweep with a timeout, keeping what completed (as {@link InterruptTest}). */
  @Test
  void theCallersInterruptStopsATimedSweepAndKeepsWhatCompleted() throws Exception {
    InterruptTest.Blocking f = new InterruptTest.Blocking(57);
    Runner r = Runner.builder(f.fn()).vars("y")
        .options(quiet().runTimeout(Duration.ofMinutes(1)).build()).build();
    InterruptTest.Outcome<Dataset> o = InterruptTest.interrupted(f, () -> r.runCombos(InterruptTest.P400));
    var e = assertInstanceOf(SweepInterruptedException.class, o.thrown());
    assertTrue(o.flagSet(), "the caller's interrupt status is set again");
    assertEquals(58, f.started.get(), "no run starts after the interrupt");
    assertEquals(57, e.completedRuns());
    double[] y = e.dataset().orElseThrow().variable("y").toDoubleArray();
    for (int p = 0; p < 400; p++) {
      if (p < 57) assertEquals(p, y[p]);
      else assertTrue(Double.isNaN(y[p]), "p=" + p + " never ran");
    }
  }

  @Test
  void theCallersInterruptStopsParallelTimedWorkers() throws Exception {
    InterruptTest.Blocking f = new InterruptTest.Blocking(57);
    Runner r = Runner.builder(f.fn()).vars("y")
        .options(quiet().workers(2).onError(OnError.CONTINUE).runTimeout(Duration.ofMinutes(1)).build()).build();
    InterruptTest.Outcome<Dataset> o = InterruptTest.interrupted(f, () -> r.runCombos(InterruptTest.P400));
    var e = assertInstanceOf(SweepInterruptedException.class, o.thrown());
    assertTrue(o.flagSet());
    double[] y = e.dataset().orElseThrow().variable("y").toDoubleArray();
    assertTrue(Double.isNaN(y[57]));
    long kept = 0;
    for (int p = 0; p < 400; p++) {
      if (!Double.isNaN(y[p])) {
        assertEquals(p, y[p]);
        kept++;
      }
    }
    assertEquals(e.completedRuns(), kept, "every completed run is kept");
  }

  @Test
  void aTimedOutRunsInterruptDoesNotReachTheNextRun() {
    // After a run's timeout interrupt, the next runs on the same thread must not see it.
    RunFunction fn = RunFunction.ofDouble(args -> {
      int p = args.getInt("p");
      if (p == 0) new CountDownLatch(1).await();
      if (Thread.currentThread().isInterrupted()) throw new IllegalStateException("interrupt leaked to p=" + p);
      Thread.sleep(1); // would throw at once if the flag were set
      return p;
    });
    Grid g = ComboRunner.of(fn).with(quiet().onError(OnError.CONTINUE).runTimeout(SHORT).build()).run(P10);
    assertEquals(1, g.failures().count(), g.failures().summary());
    assertSame(RunTimeoutException.class, g.failures().first().get(0).cause().getClass());
  }
}
