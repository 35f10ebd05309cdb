package dev.sweep.run;

import static dev.sweep.testing.DatasetAssertions.assertIdentical;
import static org.junit.jupiter.api.Assertions.*;

import dev.sweep.data.DType;
import dev.sweep.data.Dataset;
import dev.sweep.data.Index;
import dev.sweep.space.Cases;
import dev.sweep.space.Combos;
import dev.sweep.space.Values;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.nd4j.linalg.factory.Nd4j;

class RunPlanTest {
  static final RunOptions QUIET = RunOptions.builder().verbosity(0).build();
  static final RunOptions CONTINUE = RunOptions.builder().verbosity(0).onError(OnError.CONTINUE).build();

  static Object[] foo(int a, String b, boolean c) {
    return new Object[] {a + "-" + b + "-" + c, Math.sin(a)};
  }

  static int count(int a, String b, boolean c) {
    return a * 10 + b.length() + (c ? 1 : 0);
  }

  static double wave(int a, String b, boolean c) {
    return a * Math.cos(b.charAt(0)) + (c ? 0.5 : 0);
  }

  static Object[] bar(int a, String b, boolean c, double[] t) {
    double[][] m = new double[2][t.length];
    for (int x = 0; x < 2; x++) for (int k = 0; k < t.length; k++) m[x][k] = a * (x + 1) * t[k] + (c ? 1 : 0);
    return new Object[] {(long) a * 1_000_000_000_000L, new float[] {a, b.length()}, m, new boolean[] {c, !c}};
  }

  record Out(double sum, @Dims("k") int[] parts, String tag) {}

  static Out parts(int a, String b, boolean c) {
    return new Out(a + 0.5, new int[] {a, -a, a * a}, b + (c ? "!" : "?"));
  }

  static Dataset stacked(int a, String b, boolean c) {
    return Dataset.builder().coord("q", Index.ofStrings("lo", "hi"))
        .variable("v", List.of("q"), Nd4j.createFromArray((double) a, a + b.length()))
        .variable("w", List.of("q"), b, c ? "yes" : "no").attr("source", "stacked").build();
  }

  static Object[] flaky(int a, String b, boolean c) {
    if ((a + b.length() + (c ? 1 : 0)) % 3 == 0) throw new IllegalStateException("flaky at a=" + a + " b=" + b);
    return new Object[] {a, b + c};
  }

  static Runner runner(String name, RunOptions options) {
    Runner.Builder b;
    switch (name) {
      case "foo": b = Runner.builder(RunFunction.of(RunPlanTest.class, "foo")).vars("s", "y"); break;
      case "count": b = Runner.builder(RunFunction.of(RunPlanTest.class, "count")).vars("n"); break;
      case "wave": b = Runner.builder(RunFunction.of(RunPlanTest.class, "wave")).vars("w"); break;
      case "bar": b = Runner.builder(RunFunction.of(RunPlanTest.class, "bar")).vars("L", "F", "M", "B")
          .dims("F", "x").dims("M", "x", "t").dims("B", "two").coords("x", "left", "right")
          .constant("t", Values.linspace(0, 1, 3)).attr("note", "bar"); break;
      case "parts": b = Runner.builder(RunFunction.of(RunPlanTest.class, "parts")); break;
      case "stacked": b = Runner.builder(RunFunction.of(RunPlanTest.class, "stacked")); break;
      case "flaky": b = Runner.builder(RunFunction.of(RunPlanTest.class, "flaky")).vars("i", "s"); break;
      default: throw new AssertionError(name);
    }
    return b.options(options).build();
  }

  static Combos abc() {
    return Combos.builder().add("a", 1, 2, 3).add("b", "x", "yy", "zzz").add("c", true, false).build();
  }

  static Cases sparseCases() {
    return Cases.ofMaps(List.of(Map.of("a", 3, "c", true), Map.of("a", 1, "c", false), Map.of("a", 2, "c", true),
        Map.of("a", 1, "c", true)));
  }

  /** The space's cases and combos: combos alone, cases alone, and cases times combos. */
  static Object[] space(String kind) {
    switch (kind) {
      case "combos": return new Object[] {Cases.none(), abc()};
      case "cases": return new Object[] {Cases.of(List.of("a", "b", "c"), List.of(2, "x", true), List.of(1, "zzz", false),
          List.of(3, "x", false)), Combos.empty()};
      default: return new Object[] {sparseCases(), Combos.builder().add("b", "x", "yy", "zzz").build()};
    }
  }

  /** {@code k} consecutive ranges covering {@code [0, n)}, cut at random places, in shuffled order. */
  static List<long[]> cut(long n, int k, long seed) {
    Random random = new Random(seed);
    TreeSet<Long> cuts = new TreeSet<>();
    while (cuts.size() < Math.min(k - 1, n - 1)) cuts.add(1 + (long) random.nextInt((int) n - 1));
    List<long[]> ranges = new ArrayList<>();
    long from = 0;
    for (long c : cuts) {
      ranges.add(new long[] {from, c});
      from = c;
    }
    ranges.add(new long[] {from, n});
    Collections.shuffle(ranges, random);
    return ranges;
  }

  static List<RunBatch> runCut(RunPlan plan, int k, long seed) {
    List<RunBatch> batches = new ArrayList<>();
    for (long[] r : cut(plan.size(), k, seed)) batches.add(plan.run(r[0], r[1]));
    return batches;
  }

  static Stream<Arguments> runnersSpacesAndCuts() {
    List<Arguments> out = new ArrayList<>();
    for (String r : List.of("foo", "count", "wave", "bar", "parts", "stacked")) {
      for (String s : List.of("combos", "cases", "cases x combos")) {
        for (int k : new int[] {1, 3, 7}) out.add(Arguments.of(r, s, k));
      }
    }
    return out.stream();
  }

  @ParameterizedTest(name = "{0} over {1} in {2} ranges")
  @MethodSource("runnersSpacesAndCuts")
  void anyCutAssembledInAnyOrderIsIdenticalToALocalRun(String name, String kind, int k) {
    Runner runner = runner(name, QUIET);
    Object[] sp = space(kind);
    RunPlan plan = runner.plan((Cases) sp[0], (Combos) sp[1]);
    assertIdentical(runner.run((Cases) sp[0], (Combos) sp[1]), plan.assemble(runCut(plan, k, 17L * k)));
  }

  @ParameterizedTest(name = "in {0} ranges")
  @MethodSource("cuts")
  void failedRunsBecomeMissingAsInALocalRun(int k) {
    Runner runner = runner("flaky", CONTINUE);
    RunPlan plan = runner.plan(Cases.none(), abc());
    List<RunBatch> batches = runCut(plan, k, 5L * k);
    Dataset local = runner.runCombos(abc());
    assertEquals(DType.DOUBLE, local.variable("i").type(), "ints with gaps become float64");
    assertIdentical(local, plan.assemble(batches));
    assertEquals(6, batches.stream().mapToLong(b -> b.failures().count()).sum());
    for (RunBatch b : batches) {
      for (long r : b.failedRuns()) {
        assertTrue(r >= b.from() && r < b.to());
        assertTrue(Double.isNaN(local.doubleValue("i", plan.arguments(r))));
      }
    }
  }

  static Stream<Integer> cuts() {
    return Stream.of(1, 3, 7);
  }

  @Test
  void aBatchWhereEveryRunFailedHasNoOutputs() {
    RunPlan plan = runner("flaky", CONTINUE).plan(Cases.none(), abc());
    RunBatch allFailed = plan.run(0, 1); // a=1, b=x, c=true: 1 + 1 + 1 = 3 fails
    assertEquals(List.of(), allFailed.outputs());
    assertArrayEquals(new long[] {0}, allFailed.failedRuns());
    assertEquals(1, allFailed.failures().count());
    assertEquals("flaky at a=1 b=x", allFailed.failures().first().get(0).cause().getMessage());
    assertEquals(Map.of("a", 1, "b", "x", "c", true), allFailed.failures().first().get(0).arguments());
    List<RunBatch> batches = List.of(plan.run(1, 2), allFailed, plan.run(2, plan.size()));
    assertIdentical(runner("flaky", CONTINUE).runCombos(abc()), plan.assemble(batches));
    Dataset none = plan.assemble(List.of(allFailed));
    assertEquals(Map.of(), none.variables(), "no run succeeded, as in a local sweep");
    assertEquals(plan.dims(), none.dims());
  }

  /** The function of {@code runner}, failing on the runs given: what a sweep that lost those runs gives. */
  static Runner losing(Runner runner, long from, long to) {
    RunFunction fn = runner.function();
    RunFunction losing = a -> {
      if (a.run() >= from && a.run() < to) throw new IllegalStateException("lost");
      return fn.apply(a);
    };
    Runner.Builder b = Runner.builder(losing).vars(runner.vars().toArray(new String[0])).options(CONTINUE);
    runner.varDims().forEach((v, d) -> b.dims(v, d.toArray(new String[0])));
    runner.coords().forEach(b::coords);
    runner.constants().forEach(b::constant);
    runner.attrs().forEach(b::attr);
    return b.build();
  }

  @Test
  void runsNoBatchHoldsAreMissing() {
    Runner runner = runner("bar", QUIET);
    RunPlan plan = runner.plan(Cases.none(), abc());
    Dataset partial = plan.assemble(List.of(plan.run(10, 18), plan.run(0, 4)));
    assertIdentical(losing(runner, 4, 10).runCombos(abc()), partial);
  }

  @Test
  void anAssemblyGrowsBatchByBatchAndEarlierDatasetsStayAsTheyWere() {
    Runner runner = runner("count", QUIET);
    RunPlan plan = runner.plan(sparseCases(), Combos.builder().add("b", "x", "yy", "zzz").build());
    RunPlan.Assembly assembly = plan.assembly();
    List<RunBatch> added = new ArrayList<>();
    List<Dataset> seen = new ArrayList<>();
    for (long[] r : cut(plan.size(), 4, 3)) {
      RunBatch b = plan.run(r[0], r[1]);
      assembly.add(b);
      added.add(b);
      seen.add(assembly.dataset());
      assertEquals(added.stream().mapToLong(RunBatch::size).sum(), assembly.runs());
      assertIdentical(plan.assemble(added), seen.get(seen.size() - 1));
    }
    assertIdentical(runner.run(sparseCases(), Combos.builder().add("b", "x", "yy", "zzz").build()), assembly.dataset());
    assertIdentical(plan.assemble(added.subList(0, 1)), seen.get(0));
  }

  @Test
  void aBatchsOwnDatasetIsTheSmallestGridHoldingIt() {
    Runner runner = runner("foo", QUIET);
    RunPlan plan = runner.plan(Cases.none(), abc());
    // runs 6..11 are a = 2, every b and c: a block of the grid
    Dataset block = plan.datasetOf(plan.run(6, 12));
    assertIdentical(runner.runCombos(Combos.builder().add("a", 2).add("b", "x", "yy", "zzz").add("c", true, false)
        .build()), block);
    // runs 4..7 are (1, zzz, *) and (2, x, *): a in {1, 2}, b in {x, zzz}, with the two other cells missing
    Dataset across = plan.datasetOf(plan.run(4, 8));
    assertEquals(Index.ofInts(1, 2), across.coord("a"));
    assertEquals(Index.ofStrings("x", "zzz"), across.coord("b"));
    assertEquals(Index.ofBooleans(true, false), across.coord("c"));
    assertEquals("1-zzz-false", across.value("s", Map.of("a", 1, "b", "zzz", "c", false)));
    assertNull(across.value("s", Map.of("a", 1, "b", "x", "c", true)));
    assertTrue(Double.isNaN(across.doubleValue("y", Map.of("a", 2, "b", "zzz", "c", true))));
  }

  @Test
  void aBatchRebuiltFromItsPlainPartsAssemblesTheSame() {
    Runner runner = runner("bar", CONTINUE);
    RunPlan plan = runner.plan(sparseCases(), Combos.builder().add("b", "x", "yy", "zzz").build());
    List<RunBatch> rebuilt = new ArrayList<>();
    List<RunBatch> batches = runCut(plan, 3, 11);
    for (RunBatch b : batches) {
      List<RunBatch.Output> outs = new ArrayList<>();
      for (RunBatch.Output o : b.outputs()) {
        outs.add(new RunBatch.Output(o.name(), o.type(), o.dims(), o.shape(), o.values(), o.attrs()));
      }
      rebuilt.add(RunBatch.of(b.from(), b.to(), outs, b.innerDims(), b.innerLabels(), b.attrs(), b.failedRuns(),
          b.failures().first()));
    }
    assertIdentical(plan.assemble(batches), plan.assemble(rebuilt));
    RunBatch.Output m = batches.get(0).outputs().get(2);
    assertEquals("M", m.name());
    assertEquals(List.of("x", "t"), m.dims());
    assertArrayEquals(new long[] {2, 3}, m.shape());
    assertEquals(6 * batches.get(0).size(), ((double[]) m.values()).length);
    assertEquals(List.of("x", "t", "two"), batches.get(0).innerDims());
    assertArrayEquals(new String[] {"left", "right"}, (String[]) batches.get(0).innerLabels().get("x"));
    assertArrayEquals(new double[] {0, 0.5, 1}, (double[]) batches.get(0).innerLabels().get("t"));
  }

  @Test
  void aBatchIsSerializableForEnginesThatShipObjects() throws Exception {
    Runner runner = runner("stacked", QUIET);
    RunPlan plan = runner.plan(Cases.none(), abc());
    List<RunBatch> shipped = new ArrayList<>();
    for (RunBatch b : runCut(plan, 3, 2)) {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
        out.writeObject(b);
      }
      try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
        shipped.add((RunBatch) in.readObject());
      }
    }
    assertIdentical(runner.runCombos(abc()), plan.assemble(shipped));
  }

  @Test
  void rangesRunInAnotherRunnerRebuiltFromTheSpecAssembleWithTheOthers() {
    Runner here = runner("bar", QUIET);
    Runner there = Runner.fromSpec(RunnerSpec.fromMap(JsonLike.reparseMap(here.spec().toMap()))).with(QUIET);
    RunPlan driver = here.plan(Cases.none(), abc());
    RunPlan worker = there.plan(Cases.none(), abc());
    List<RunBatch> batches = List.of(worker.run(0, 5), driver.run(5, 9), worker.run(9, 18));
    assertIdentical(here.runCombos(abc()), driver.assemble(batches));
  }

  @Test
  void parallelAndShuffledBatchesAssembleTheSame() {
    RunOptions busy = RunOptions.builder().verbosity(0).workers(3).shuffle(7).build();
    Runner runner = runner("parts", busy);
    RunPlan plan = runner.plan(Cases.none(), abc());
    assertIdentical(runner("parts", QUIET).runCombos(abc()), plan.assemble(runCut(plan, 3, 9)));
  }

  @Test
  void aBatchsListenersSeeItsRuns() {
    List<Long> started = new ArrayList<>();
    RunOptions o = RunOptions.builder().verbosity(0).listener(new SweepListener() {
      @Override
      public void started(long runs) {
        started.add(runs);
      }
    }).build();
    RunPlan plan = runner("wave", o).plan(Cases.none(), abc());
    plan.run(3, 10);
    assertEquals(List.of(7L), started);
  }

  @Test
  void refusesRangesOutsideThePlanAndOverlappingBatches() {
    RunPlan plan = runner("wave", QUIET).plan(Cases.none(), abc());
    var outside = assertThrows(IllegalArgumentException.class, () -> plan.run(10, 19));
    assertEquals("runs [10, 19) are not within the plan's 18 runs; expected 0 <= from <= to <= 18", outside.getMessage());
    assertThrows(IllegalArgumentException.class, () -> plan.run(5, 4));
    RunPlan.Assembly a = plan.assembly().add(plan.run(0, 6));
    var overlap = assertThrows(IllegalArgumentException.class, () -> a.add(plan.run(5, 9)));
    assertEquals("batch [5, 9) overlaps batch [0, 6), which was added before", overlap.getMessage());
    assertEquals(6, a.runs(), "a refused batch leaves the assembly as it was");
    a.add(plan.run(6, 9)).add(plan.run(12, 12));
    assertEquals(9, a.runs());
  }

  static Object firstIntThenDouble(int a, String b, boolean c) {
    return a == 1 ? (Object) a : (Object) (a + 0.5);
  }

  @Test
  void refusesBatchesWhoseOutputsDiffer() {
    Runner runner = Runner.builder(RunFunction.of(RunPlanTest.class, "firstIntThenDouble")).vars("y").options(QUIET)
        .build();
    RunPlan plan = runner.plan(Cases.none(), abc());
    RunBatch ints = plan.run(0, 6);
    RunBatch doubles = plan.run(6, 18);
    var e = assertThrows(IllegalArgumentException.class, () -> plan.assemble(List.of(ints, doubles)));
    assertEquals("batch [6, 18) has outputs [y float64] (labels {}) unlike batch [0, 6): [y int32] (labels {}); "
        + "declare the outputs' types with Runner.Builder.type so that every batch agrees", e.getMessage());
    Runner typed = runner.toBuilder().type("y", DType.DOUBLE).build();
    RunPlan typedPlan = typed.plan(Cases.none(), abc());
    assertIdentical(typed.runCombos(abc()), typedPlan.assemble(List.of(typedPlan.run(0, 6), typedPlan.run(6, 18))));
  }

  @Test
  void aBatchFromPlainPartsIsChecked() {
    RunBatch.Output y = new RunBatch.Output("y", DType.DOUBLE, List.of(), new long[0], new double[] {1, 2}, Map.of());
    var length = assertThrows(IllegalArgumentException.class,
        () -> RunBatch.of(0, 3, List.of(y), List.of(), Map.of(), Map.of(), new long[0], List.of()));
    assertEquals("output 'y' holds 2 values; 3 runs of 1 make 3", length.getMessage());
    var type = assertThrows(IllegalArgumentException.class,
        () -> new RunBatch.Output("y", DType.INT, List.of(), new long[0], new double[] {1, 2}, Map.of()));
    assertEquals("output 'y' is int32, so its values should be int[], not double[]", type.getMessage());
    var failed = assertThrows(IllegalArgumentException.class,
        () -> RunBatch.of(0, 2, List.of(y), List.of(), Map.of(), Map.of(), new long[] {2}, List.of()));
    assertEquals("failed runs should be ascending within [0, 2); got [2]", failed.getMessage());
    var dims = assertThrows(IllegalArgumentException.class, () -> RunBatch.of(0, 1,
        List.of(new RunBatch.Output("v", DType.DOUBLE, List.of("x"), new long[] {2}, new double[] {1, 2}, Map.of())),
        List.of("x"), Map.of("x", new int[] {1, 2, 3}), Map.of(), new long[0], List.of()));
    assertEquals("inner dimension 'x' has size 2 but 3 labels", dims.getMessage());
    var range = assertThrows(IllegalArgumentException.class,
        () -> RunBatch.of(3, 2, List.of(), List.of(), Map.of(), Map.of(), new long[0], List.of()));
    assertEquals("a batch covers runs [from, to) with 0 <= from <= to; got [3, 2)", range.getMessage());
  }

  @Test
  void aPlanChecksItsSpaceAtOnce() {
    Runner runner = runner("foo", QUIET);
    var e = assertThrows(IllegalArgumentException.class,
        () -> runner.plan(Cases.none(), Combos.builder().add("a", 1).add("b", "x").build()));
    assertEquals("RunPlanTest.foo(int a, String b, boolean c) needs argument 'c', which no case, combo, constant or "
        + "resource gives (given: [a, b])", e.getMessage());
    RunPlan plan = runner.plan(sparseCases(), Combos.builder().add("b", "x", "yy").build());
    assertEquals(List.of("a", "c", "b"), plan.dims());
    assertEquals(8, plan.size());
    assertArrayEquals(new long[] {3, 2, 2}, plan.shape());
    assertEquals(Map.of("a", 3, "c", true, "b", "yy"), plan.arguments(1));
    assertSame(runner, plan.runner());
  }

  /** Points with repeats: a sampler's draws. */
  static Cases points() {
    return Cases.of(List.of("a", "b", "c"), List.of(2, "x", true), List.of(1, "zzz", false), List.of(2, "x", true),
        List.of(3, "yy", false), List.of(1, "x", true), List.of(3, "zzz", true), List.of(2, "yy", false));
  }

  @ParameterizedTest(name = "{0} in {1} ranges")
  @MethodSource("pointRunnersAndCuts")
  void aPointsPlanAssemblesTheTableRunPointsGives(String name, int k) {
    Runner runner = runner(name, name.equals("flaky") ? CONTINUE : QUIET);
    RunPlan plan = runner.planPoints(points(), "sample");
    assertTrue(plan.isPoints());
    assertEquals(List.of("sample"), plan.dims());
    assertEquals(7, plan.size());
    assertEquals(Map.of("a", 2, "b", "x", "c", true), plan.arguments(2));
    Dataset local = runner.runPoints(points(), "sample");
    assertIdentical(local, plan.assemble(runCut(plan, k, 13L * k)));
    RunPlan.Assembly grown = plan.assembly();
    for (RunBatch b : runCut(plan, k, 3L * k)) grown.add(b);
    assertIdentical(local, grown.dataset());
  }

  static Stream<Arguments> pointRunnersAndCuts() {
    List<Arguments> out = new ArrayList<>();
    for (String r : List.of("foo", "wave", "bar", "flaky")) for (int k : new int[] {1, 3, 7}) out.add(Arguments.of(r, k));
    return out.stream();
  }

  @Test
  void aPointsBatchsOwnDatasetHoldsItsRowsAndTheirArguments() {
    Runner runner = runner("foo", QUIET);
    RunPlan plan = runner.planPoints(points(), "sample");
    Dataset rows = plan.datasetOf(plan.run(2, 5));
    Cases three = Cases.of(List.of("a", "b", "c"), List.of(2, "x", true), List.of(3, "yy", false), List.of(1, "x", true));
    assertIdentical(runner.runPoints(three, "sample"), rows);
  }

  @Test
  void aPointsPlanIsChecked() {
    Runner runner = runner("foo", QUIET);
    var dim = assertThrows(IllegalArgumentException.class, () -> runner.planPoints(points(), "a"));
    assertEquals("the flat dimension 'a' is also a case argument", dim.getMessage());
    var args = assertThrows(IllegalArgumentException.class,
        () -> runner.planPoints(Cases.of(List.of("a", "b"), List.of(1, "x")), "sample"));
    assertTrue(args.getMessage().startsWith("RunPlanTest.foo(int a, String b, boolean c) needs argument 'c'"),
        args.getMessage());
    assertFalse(runner.plan(Cases.none(), abc()).isPoints());
  }

  @Test
  void theLocalPlanRunnerRunsAPlanAsTheRunnerDoes() {
    Runner runner = runner("bar", QUIET);
    assertIdentical(runner.runCombos(abc()), PlanRunner.local().run(runner.plan(Cases.none(), abc())));
    assertIdentical(runner.runPoints(points(), "sample"), PlanRunner.local().run(runner.planPoints(points(), "sample")));
  }

  @Test
  void aRunFailedElsewhereIsReportedWithItsArguments() {
    var e = new RunFailedException(4, 18, Map.of("a", 1), new IllegalStateException("boom"));
    assertEquals("run 4 of 18 failed for a=1: java.lang.IllegalStateException: boom", e.getMessage());
    assertEquals(4, e.run());
    assertEquals(Map.of("a", 1), e.arguments());
  }
}
