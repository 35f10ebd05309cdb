package dev.sweep.run;

import static org.junit.jupiter.api.Assertions.*;

import dev.sweep.space.Cases;
import dev.sweep.space.Combos;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class EngineTest {
  static final RunOptions QUIET = RunOptions.builder().verbosity(0).build();

  static Object[] foo(int a, String b, boolean c) {
    return new Object[] {a + "-" + b + "-" + c, Math.sin(a)};
  }

  static double twice(double x) {
    return 2 * x;
  }

  double scale = 3;

  double scaled(double x) {
    return scale * x;
  }

  static int over(int a) {
    return a;
  }

  static int over(String a) {
    return 0;
  }

  @Test
  void comboRunnerReturnsTheTutorialGrid() {
    Grid g = ComboRunner.of(RunFunction.of(EngineTest.class, "foo")).with(QUIET)
        .run(Combos.builder().add("a", 1, 2, 3).add("b", "x", "y", "z").add("c", true, false).build());
    assertArrayEquals(new int[] {3, 3, 2}, g.shape());
    assertArrayEquals(new Object[] {"2-y-false", Math.sin(2)}, (Object[]) g.get(1, 1, 1));
    assertArrayEquals(new Object[] {"3-z-true", Math.sin(3)}, (Object[]) g.at(Map.of("a", 3, "b", "z", "c", true)));
    List<Object> nested = g.toNested();
    assertEquals(3, nested.size());
  }

  @Test
  void comboRunnerFillsUnrunCellsWithNaN() {
    Grid g = ComboRunner.of(RunFunction.of(EngineTest.class, "foo")).with(QUIET)
        .run(Cases.ofMaps(List.of(Map.of("a", 1, "c", true), Map.of("a", 2, "c", false))),
            Combos.builder().add("b", "x").build());
    assertEquals(List.of("a", "c", "b"), g.dims());
    assertTrue(g.isMissing(0, 0, 0));
    assertEquals(Double.NaN, g.get(0, 0, 0));
    assertEquals(2, g.missingCount());
  }

  @Test
  void caseRunnerReturnsFlatResultsInCaseOrder() {
    List<Object> r = CaseRunner.of(RunFunction.of(EngineTest.class, "foo")).with(QUIET)
        .run(Cases.of(List.of("a", "b", "c"), List.of(4, "z", false), List.of(5, "y", true)));
    assertArrayEquals(new Object[] {"4-z-false", Math.sin(4)}, (Object[]) r.get(0));
    assertArrayEquals(new Object[] {"5-y-true", Math.sin(5)}, (Object[]) r.get(1));
  }

  @Test
  void bindsInstanceMethodsAndWidensArguments() {
    List<Object> r = CaseRunner.of(RunFunction.of(new EngineTest(), "scaled")).with(QUIET)
        .run(Cases.of(List.of("x"), List.of(2), List.of(1.5)));
    assertEquals(List.of(6.0, 4.5), r);
  }

  @Test
  void rejectsACaseLackingAnArgumentTheFunctionNeeds() {
    var e = assertThrows(IllegalArgumentException.class, () -> CaseRunner.of(RunFunction.of(EngineTest.class, "foo"))
        .with(QUIET).run(Cases.of(List.of("a", "b"), List.of(1, "x"))));
    assertEquals("EngineTest.foo(int a, String b, boolean c) needs argument 'c', which no case, combo, constant or "
        + "resource gives (given: [a, b])", e.getMessage());
  }

  @Test
  void rejectsACaseNamingAnArgumentTheFunctionDoesNotTake() {
    var e = assertThrows(IllegalArgumentException.class, () -> CaseRunner.of(RunFunction.of(EngineTest.class, "twice"))
        .with(QUIET).run(Cases.of(List.of("x", "y"), List.of(1.0, 2.0))));
    assertEquals("a case names argument 'y', which EngineTest.twice(double x) does not take", e.getMessage());
  }

  @Test
  void rejectsOverloadedAndMissingMethods() {
    var e = assertThrows(IllegalArgumentException.class, () -> RunFunction.of(EngineTest.class, "over"));
    assertTrue(e.getMessage().startsWith("dev.sweep.run.EngineTest has 2 methods named 'over'; a sweep binds to exactly one"),
        e.getMessage());
    var e2 = assertThrows(IllegalArgumentException.class, () -> RunFunction.of(EngineTest.class, "nope"));
    assertEquals("dev.sweep.run.EngineTest has no method named 'nope'", e2.getMessage());
    var e3 = assertThrows(IllegalArgumentException.class, () -> RunFunction.of(EngineTest.class, "scaled"));
    assertTrue(e3.getMessage().contains("is an instance method; bind it with RunFunction.of(instance, \"scaled\")"));
  }

  @Test
  void aFailingRunStopsTheSweepNamingItsArguments() {
    RunFunction f = a -> {
      if (a.getInt("a") == 2 && a.getString("b").equals("y")) throw new ArithmeticException("boom");
      return 1.0;
    };
    Combos c = Combos.builder().add("a", 1, 2, 3).add("b", "x", "y").build();
    var e = assertThrows(RunFailedException.class, () -> ComboRunner.of(f).with(QUIET).run(c));
    assertEquals("run 3 of 6 failed for a=2, b='y': java.lang.ArithmeticException: boom", e.getMessage());
    assertInstanceOf(ArithmeticException.class, e.getCause());
    assertEquals(Map.of("a", 2, "b", "y"), e.arguments());
    var p = assertThrows(RunFailedException.class,
        () -> ComboRunner.of(f).with(RunOptions.builder().verbosity(0).workers(2).build()).run(c));
    assertEquals(Map.of("a", 2, "b", "y"), p.arguments());
  }

  @Test
  void continueRecordsFailuresAsMissingAndSummarises() {
    RunFunction f = a -> {
      if (a.getInt("a") % 2 == 0) throw new IllegalStateException("even " + a.getInt("a"));
      return (double) a.getInt("a");
    };
    List<Failures> heard = new ArrayList<>();
    RunOptions o = RunOptions.builder().verbosity(0).onError(OnError.CONTINUE).listener(new SweepListener() {
      @Override
      public void finished(Failures failures) {
        heard.add(failures);
      }
    }).build();
    Runner r = Runner.builder(f).vars("y").options(o).build();
    var ds = r.runCombos(Combos.builder().add("a", 1, 2, 3, 4, 5).build());
    assertTrue(Double.isNaN(ds.doubleValue("y", Map.of("a", 2))));
    assertEquals(5.0, ds.doubleValue("y", Map.of("a", 5)));
    Failures fs = heard.get(0);
    assertEquals(2, fs.count());
    assertEquals(5, fs.runs());
    assertEquals(Map.of("a", 2), fs.first().get(0).arguments());
    assertTrue(fs.summary().startsWith("2 of 5 runs failed\n  run 1 (a=2): java.lang.IllegalStateException: even 2"),
        fs.summary());
    Grid g = ComboRunner.of(f).with(o).run(Combos.builder().add("a", 1, 2).build());
    assertEquals(1, g.failures().count());
    assertTrue(g.isMissing(1));
  }

  @Test
  void anExecutorKeepsAnExplicitWorkerCount() {
    var pool = java.util.concurrent.Executors.newSingleThreadExecutor();
    try {
      assertEquals(1, RunOptions.builder().workers(1).executor(pool).build().workers());
      assertEquals(3, RunOptions.builder().executor(pool).workers(3).build().workers());
      assertEquals(Runtime.getRuntime().availableProcessors(), RunOptions.builder().executor(pool).build().workers());
    } finally {
      pool.shutdown();
    }
  }

  @Test
  void aGridWithoutDimensionsHoldsOneResult() {
    Grid g = ComboRunner.of(a -> 42).with(QUIET).run(Combos.empty());
    assertEquals(List.of(42), g.toNested());
    assertEquals(42, g.get());
  }

  @Test
  void failuresKeepTheLowestRunsWhateverTheOrder() {
    List<Failures> heard = new ArrayList<>();
    RunOptions o = RunOptions.builder().verbosity(0).workers(2).shuffle(3).onError(OnError.CONTINUE)
        .listener(new SweepListener() {
          @Override
          public void finished(Failures failures) {
            heard.add(failures);
          }
        }).build();
    Grid g = ComboRunner.of(a -> {
      if (a.getInt("a") % 3 == 0) throw new IllegalStateException("third");
      return 1;
    }).with(o).run(Combos.builder().add("a", dev.sweep.space.Values.range(0, 300)).build());
    Failures f = heard.get(0);
    assertEquals(100, f.count());
    assertEquals(Failures.KEPT, f.first().size());
    for (int i = 0; i < Failures.KEPT; i++) assertEquals(3L * i, f.first().get(i).run());
    assertEquals(100, g.missingCount());
  }

  @Test
  void optionsRejectBadValues() {
    var e = assertThrows(IllegalArgumentException.class, () -> RunOptions.builder().verbosity(3));
    assertEquals("verbosity is 3; expected 0 (silent), 1 (bar) or 2 (bar and arguments)", e.getMessage());
    var e2 = assertThrows(IllegalArgumentException.class, () -> RunOptions.builder().workers(0));
    assertEquals("workers is 0; expected at least 1", e2.getMessage());
  }

  @Test
  void argsNameTheArgumentsThereAre() {
    RunFunction f = a -> a.getDouble("nope");
    var e = assertThrows(RunFailedException.class,
        () -> ComboRunner.of(f).with(QUIET).run(Combos.builder().add("a", 1).build()));
    assertEquals("no argument 'nope'; this run has [a]", e.getCause().getMessage());
    RunFunction g = a -> a.getInt("a");
    var e2 = assertThrows(RunFailedException.class,
        () -> ComboRunner.of(g).with(QUIET).run(Combos.builder().add("a", "x").build()));
    assertEquals("argument 'a' is 'x' (String), not int", e2.getCause().getMessage());
  }

  @Test
  void listenersHearProgressToTheEnd() {
    AtomicLong last = new AtomicLong();
    RunOptions o = RunOptions.builder().verbosity(0).workers(2).listener(new SweepListener() {
      @Override
      public void progressed(long done, Args lastArgs) {
        last.accumulateAndGet(done, Math::max);
      }
    }).build();
    ComboRunner.of(a -> 1).with(o).run(Combos.builder().add("a", dev.sweep.space.Values.range(0, 1000)).build());
    assertEquals(1000, last.get());
  }

  @Test
  void verbosityTwoRunsWithAProgressBar() {
    Grid g = ComboRunner.of(a -> a.getInt("a")).with(RunOptions.builder().verbosity(2).build())
        .run(Combos.builder().add("a", 1, 2, 3).build());
    assertEquals(3, g.get(2));
  }
}
