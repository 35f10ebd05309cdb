package dev.sweep.spark;

import static dev.sweep.spark.Fns.CONTINUE;
import static dev.sweep.spark.Fns.QUIET;
import static dev.sweep.spark.Fns.abc;
import static dev.sweep.spark.Fns.runner;
import static dev.sweep.testing.DatasetAssertions.assertIdentical;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sweep.data.Dataset;
import dev.sweep.data.Index;
import dev.sweep.farm.Harvester;
import dev.sweep.farm.Sampler;
import dev.sweep.run.Args;
import dev.sweep.run.Failures;
import dev.sweep.run.OnError;
import dev.sweep.run.RunFailedException;
import dev.sweep.run.RunBatch;
import dev.sweep.run.RunFunction;
import dev.sweep.run.RunOptions;
import dev.sweep.run.RunPlan;
import dev.sweep.run.Runner;
import dev.sweep.run.SweepListener;
import dev.sweep.space.Cases;
import dev.sweep.space.Combos;
import dev.sweep.space.Distribution;
import dev.sweep.space.Draws;
import dev.sweep.space.Values;
import dev.sweep.store.Stores;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.apache.spark.SparkConf;
import org.apache.spark.Success$;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Sweeps on Spark in local mode: two executor threads in this JVM, tasks retried up to three times. */
class SparkSweepLocalTest {
  static JavaSparkContext sc;

  @BeforeAll
  static void startSpark() {
    sc = new JavaSparkContext(new SparkConf().setMaster("local[2,3]").setAppName("sweep-spark-test")
        .set("spark.ui.enabled", "false").set("spark.driver.host", "127.0.0.1")
        .set("spark.driver.bindAddress", "127.0.0.1"));
  }

  @AfterAll
  static void stopSpark() {
    if (sc != null) sc.stop();
  }

  static Stream<Arguments> runnersSpacesAndPartitions() {
    List<Arguments> out = new ArrayList<>();
    for (String r : List.of("foo", "bar", "parts", "stacked")) {
      for (String s : List.of("combos", "cases", "cases x combos")) {
        for (int k : new int[] {1, 3, 7}) out.add(Arguments.of(r, s, k));
      }
    }
    return out.stream();
  }

  @ParameterizedTest(name = "{0} over {1} in {2} partitions")
  @MethodSource("runnersSpacesAndPartitions")
  void aSweepOnSparkIsIdenticalToALocalRun(String name, String kind, int partitions) {
    Runner runner = runner(name, QUIET);
    Object[] space = Fns.space(kind);
    Cases cases = (Cases) space[0];
    Combos combos = (Combos) space[1];
    SparkSweep spark = SparkSweep.builder(sc).partitions(partitions).build();
    assertIdentical(runner.run(cases, combos), spark.run(runner, cases, combos));
  }

  @Test
  void theDefaultCutIsFourRangesPerCoreAndNeverMoreThanTheRuns() {
    SparkSweep spark = SparkSweep.on(sc);
    assertEquals(8, spark.partitionsFor(1_000_000));
    assertEquals(5, spark.partitionsFor(5));
    assertEquals(List.of("[0, 4)", "[4, 7)", "[7, 10)"),
        SparkSweep.ranges(10, 3).stream().map(r -> "[" + r[0] + ", " + r[1] + ")").toList());
    Runner runner = Runner.builder(RunFunction.of(Fns.class, "trivial")).vars("y").options(QUIET).build();
    Combos big = Combos.builder().add("i", Values.range(0, 500)).add("j", Values.range(0, 400)).build();
    assertIdentical(runner.runCombos(big), spark.runCombos(runner, big));
  }

  @Test
  void underStopAFailedRunFailsTheSweepWithItsArguments() {
    Runner runner = runner("flaky", QUIET);
    var local = assertThrows(RunFailedException.class, () -> runner.runCombos(abc()));
    var one = assertThrows(RunFailedException.class, () -> SparkSweep.builder(sc).partitions(1).build()
        .runCombos(runner, abc()));
    assertEquals("run 0 of 18 failed for a=1, b='x', c=true: java.lang.IllegalStateException: flaky at a=1 b=x",
        one.getMessage());
    assertEquals(local.getMessage(), one.getMessage());
    assertEquals(Map.of("a", 1, "b", "x", "c", true), one.arguments());
    assertEquals("flaky at a=1 b=x", one.getCause().getMessage());
    // Ranges run at once: the sweep stops with whichever failing run's task gave up first.
    var three = assertThrows(RunFailedException.class, () -> SparkSweep.builder(sc).partitions(3).build()
        .runCombos(runner, abc()));
    Map<String, Object> args = three.arguments();
    assertEquals(runner.plan(Cases.none(), abc()).arguments(three.run()), args);
    assertEquals(0, ((int) args.get("a") + ((String) args.get("b")).length() + ((boolean) args.get("c") ? 1 : 0)) % 3);
    assertEquals("flaky at a=" + args.get("a") + " b=" + args.get("b"), three.getCause().getMessage());
  }

  @Test
  void underContinueFailedRunsAreMissingAndReportedWithoutFailingTheJob() {
    List<Failures> finished = new ArrayList<>();
    List<Long> progressed = new ArrayList<>();
    RunOptions options = RunOptions.builder().verbosity(1).onError(OnError.CONTINUE).listener(new SweepListener() {
      @Override
      public void progressed(long done, Args last) {
        progressed.add(done);
      }

      @Override
      public void finished(Failures failures) {
        finished.add(failures);
      }
    }).build();
    Runner runner = runner("flaky", options);
    Dataset onSpark = SparkSweep.builder(sc).partitions(7).build().runCombos(runner, abc());
    List<Failures> locally = new ArrayList<>();
    Dataset local = runner("flaky", CONTINUE.toBuilder().listener(new SweepListener() {
      @Override
      public void finished(Failures failures) {
        locally.add(failures);
      }
    }).build()).runCombos(abc());
    assertIdentical(local, onSpark);
    assertEquals(1, finished.size());
    Failures f = finished.get(0);
    assertEquals(18, f.runs());
    assertEquals(6, f.count());
    assertEquals(List.of(0L, 3L, 7L, 10L, 14L, 17L), f.first().stream().map(x -> x.run()).toList());
    assertEquals(locally.get(0).first().stream().map(x -> x.run()).toList(), f.first().stream().map(x -> x.run()).toList());
    assertEquals(Map.of("a", 1, "b", "x", "c", true), f.first().get(0).arguments());
    assertEquals("flaky at a=1 b=x", f.first().get(0).cause().getMessage());
    assertEquals(7, progressed.size(), "one report per range");
    assertEquals(18L, progressed.get(progressed.size() - 1));
  }

  @Test
  void underStopTheOtherTasksAreInterruptedRatherThanRunningTheirRanges() throws Exception {
    java.util.concurrent.CountDownLatch otherEnded = new java.util.concurrent.CountDownLatch(1);
    List<Object> otherReason = new java.util.concurrent.CopyOnWriteArrayList<>();
    SparkListener watcher = new SparkListener() {
      @Override
      public void onTaskEnd(SparkListenerTaskEnd end) {
        if (end.taskInfo().index() == 1) { // the range [400, 800): 40 s of dwelling if left to run
          otherReason.add(end.reason());
          otherEnded.countDown();
        }
      }
    };
    sc.sc().addSparkListener(watcher);
    try {
      Runner runner = Runner.builder(RunFunction.of(Fns.class, "failOrDwell")).vars("v").options(QUIET).build();
      Combos combos = Combos.builder().add("i", java.util.stream.IntStream.range(0, 800).boxed().toArray()).build();
      RunFailedException e = assertThrows(RunFailedException.class,
          () -> SparkSweep.builder(sc).partitions(2).build().runCombos(runner, combos));
      assertEquals("run 0 fails on purpose", e.getCause().getMessage());
      assertTrue(otherEnded.await(120, java.util.concurrent.TimeUnit.SECONDS), "the other task never ended");
      assertTrue(otherReason.get(0) instanceof org.apache.spark.TaskKilled, "ended by " + otherReason.get(0));
      assertTrue(Fns.DWELT.get() < 400, Fns.DWELT.get() + " dwelling runs completed");
    } finally {
      sc.sc().removeSparkListener(watcher);
    }
  }

  @Test
  void theRunTimeoutTravelsToTheExecutors() {
    List<Failures> finished = new ArrayList<>();
    RunOptions options = CONTINUE.toBuilder().runTimeout(Duration.ofMillis(200)).listener(new SweepListener() {
      @Override
      public void finished(Failures failures) {
        finished.add(failures);
      }
    }).build();
    Runner runner = Runner.builder(RunFunction.of(Fns.class, "hangsAt3")).vars("y").options(options).build();
    Dataset onSpark = SparkSweep.builder(sc).partitions(2).build()
        .runCombos(runner, Combos.builder().add("i", Values.range(0, 8)).build());
    double[] y = onSpark.variable("y").toDoubleArray();
    for (int i = 0; i < 8; i++) {
      if (i == 3) assertTrue(Double.isNaN(y[i]), "i=3 timed out on its executor");
      else assertEquals(i, y[i]);
    }
    assertEquals(1, finished.get(0).count());
    assertEquals(Map.of("i", 3), finished.get(0).first().get(0).arguments());
    assertEquals("the run took longer than its timeout of 200 ms and was interrupted",
        finished.get(0).first().get(0).cause().getMessage());
  }

  @Test
  void aTaskRetriedBySparkDoesNotDuplicateItsResults() throws Exception {
    AtomicInteger failedAttempts = new AtomicInteger();
    AtomicInteger succeeded = new AtomicInteger();
    SparkListener counter = new SparkListener() {
      @Override
      public void onTaskEnd(SparkListenerTaskEnd end) {
        if (end.reason() == Success$.MODULE$) succeeded.incrementAndGet();
        else failedAttempts.incrementAndGet();
      }
    };
    sc.sc().addSparkListener(counter);
    try {
      Runner runner = runner("firstAttemptFails", QUIET);
      Dataset onSpark = SparkSweep.builder(sc).partitions(3).build().runCombos(runner, abc());
      sc.sc().listenerBus().waitUntilEmpty(30_000);
      assertIdentical(runner.runCombos(abc()), onSpark);
      assertEquals(3, failedAttempts.get(), "each range failed once, on its third run");
      assertEquals(3, succeeded.get(), "and succeeded on its second attempt");
    } finally {
      sc.sc().removeSparkListener(counter);
    }
  }

  @Test
  void aHarvesterRunsOnSparkAndMergesAndSyncsItsFileOnTheDriver(@TempDir Path dir) {
    Runner runner = runner("foo", QUIET);
    Combos first = abc();
    Combos second = Combos.builder().add("a", 4, 5).add("b", "x", "w").add("c", true, false).build();
    Harvester local = Harvester.builder(runner, dir.resolve("local.nc")).build();
    local.harvestCombos(first);
    local.harvestCombos(second);
    Harvester onSpark = Harvester.builder(runner, dir.resolve("spark.nc"))
        .runOn(SparkSweep.builder(sc).partitions(3).build()).build();
    onSpark.harvestCombos(first);
    onSpark.harvestCombos(second);
    assertIdentical(local.fullDataset(), onSpark.fullDataset());
    assertIdentical(local.fullDataset(), Stores.dataset(dir.resolve("spark.nc")).read());
    Dataset missing = onSpark.harvestMissing(Combos.builder().add("a", 1, 6).add("b", "x").add("c", true).build());
    assertEquals(Index.ofInts(6), missing.coord("a"), "only a=6 was missing");
  }

  @Test
  void aCheckpointingHarvesterRunsEachRangeOnSpark(@TempDir Path dir) {
    Runner runner = runner("foo", QUIET);
    SparkSweep spark = SparkSweep.builder(sc).partitions(2).build();
    Harvester onSpark = Harvester.builder(runner, dir.resolve("spark.nc")).runOn(spark).saveEvery(5).build();
    onSpark.harvestCombos(abc());
    assertIdentical(runner.runCombos(abc()), onSpark.fullDataset());
    assertIdentical(onSpark.fullDataset(), Stores.dataset(dir.resolve("spark.nc")).read());
    RunPlan plan = runner.plan(Cases.none(), abc());
    List<RunBatch> range = spark.run(plan, 3, 9);
    assertEquals(2, range.size(), "the range in two tasks");
    assertEquals(6, range.stream().mapToLong(RunBatch::size).sum());
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> spark.run(plan, 3, 99));
    assertEquals("runs [3, 99) are not within the plan's " + plan.size() + " runs; expected 0 <= from <= to <= "
        + plan.size(), e.getMessage());
  }

  @Test
  void aSamplerDrawsOnTheDriverRunsOnSparkAndAppendsItsFile(@TempDir Path dir) {
    Runner runner = Runner.builder(RunFunction.of(Fns.class, "scaled")).vars("y").constant("c", 0.5).options(QUIET)
        .build();
    Draws draws = Draws.builder().from("x", Distribution.uniform(0, 1)).values("k", 1, 2, 3).build();
    Sampler local = Sampler.builder(runner, draws).seed(11).build();
    Sampler onSpark = Sampler.builder(runner, draws).file(dir.resolve("samples.csv")).seed(11)
        .runOn(SparkSweep.builder(sc).partitions(3).build()).build();
    assertIdentical(local.sampleCombos(1_000), onSpark.sampleCombos(1_000));
    assertIdentical(local.sampleCombos(500), onSpark.sampleCombos(500));
    Sampler reopened = Sampler.builder(runner, draws).file(dir.resolve("samples.csv")).seed(11).build();
    assertIdentical(local.fullDataset(), reopened.fullDataset());
  }

  @Test
  void aRunnerOfALambdaIsRefusedWithTheAdviceToUseAMethod() {
    Runner lambda = Runner.builder(RunFunction.ofDouble(a -> a.getInt("a"))).vars("y").options(QUIET).build();
    var e = assertThrows(IllegalArgumentException.class,
        () -> SparkSweep.on(sc).runCombos(lambda, Combos.builder().add("a", 1, 2).build()));
    assertTrue(e.getMessage().startsWith("a sweep on Spark rebuilds its runner on every executor from the runner's "
        + "description, and this runner's function "), e.getMessage());
    assertTrue(e.getMessage().endsWith("is a lambda or an object of its own, which cannot be rebuilt in another JVM; "
        + "build the runner from a static method: Runner.builder(RunFunction.of(Owner.class, \"method\")) or "
        + "Runner.labelled(Owner.class, \"method\")"), e.getMessage());
  }

  @Test
  void aResourceThatCannotTravelIsRefusedByName() {
    Runner runner = Runner.builder(RunFunction.of(Fns.class, "withSolver")).vars("y").resource("solver", new Object())
        .options(QUIET).build();
    var e = assertThrows(IllegalArgumentException.class,
        () -> SparkSweep.on(sc).runCombos(runner, Combos.builder().add("a", 1, 2).build()));
    assertEquals("resource 'solver' (java.lang.Object) is not Serializable, so it cannot reach the Spark executors; "
        + "make it Serializable, or build it inside the function", e.getMessage());
    Runner serializable = runner.toBuilder().resource("solver", "a string travels").build();
    assertIdentical(serializable.runCombos(Combos.builder().add("a", 1, 2).build()),
        SparkSweep.on(sc).runCombos(serializable, Combos.builder().add("a", 1, 2).build()));
  }

  @Test
  void aSweepTooBigForTheDriverIsRefusedBeforeRunningWithTheEstimate() {
    Runner runner = runner("foo", QUIET);
    Combos big = Combos.builder().add("a", Values.range(0, 1000)).add("b", "x", "y").add("c", true, false).build();
    var e = assertThrows(SparkSweepException.class,
        () -> SparkSweep.builder(sc).driverMemory(10_000).build().runCombos(runner, big));
    assertEquals("a sweep of 4,000 runs needs at least 140.6 KiB on the driver (16 bytes over 2 outputs per run, from "
        + "its description: the dataset and its final copy, and the widest range's results), more than the 9.8 KiB "
        + "it may use (SparkSweep.Builder.driverMemory, by default the driver's maximum heap); give the driver more "
        + "memory (spark.driver.memory), or run the sweep in parts (several harvests into one file, each over a part of the combos)", e.getMessage());
    assertEquals("local[2,3]", e.master());
  }

  @Test
  void aSweepWhoseFirstResultsShowItTooBigIsStoppedWithTheMeasure() {
    Runner runner = Runner.builder(RunFunction.of(Fns.class, "wide")).vars("s").options(QUIET).build();
    var e = assertThrows(SparkSweepException.class, () -> SparkSweep.builder(sc).driverMemory(1_000_000).partitions(4)
        .build().runCombos(runner, Combos.builder().add("i", Values.range(0, 40)).build()));
    assertEquals("a sweep of 40 runs needs about 981.4 KiB on the driver (10050 bytes over 1 output per run, from the "
        + "first results: the dataset and its final copy, and the widest range's results), more than the 976.6 KiB it "
        + "may use (SparkSweep.Builder.driverMemory, by default the driver's maximum heap); give the driver more memory "
        + "(spark.driver.memory), or run the sweep in parts (several harvests into one file, each over a part of the combos)", e.getMessage());
  }

  @Test
  void aMasterThatDoesNotAnswerIsReportedWithItsUrlWithinTheTimeout() throws Exception {
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort(); // free once closed: nothing listens there
    }
    String url = "spark://127.0.0.1:" + port;
    long t0 = System.nanoTime();
    var e = assertThrows(SparkSweepException.class, () -> SparkSweep.connect(new SparkConf().setMaster(url)
        .setAppName("nobody"), Duration.ofSeconds(5)));
    assertTrue(System.nanoTime() - t0 < 5_000_000_000L, "within the timeout");
    assertTrue(e.getMessage().startsWith("the Spark master " + url + " does not answer within 5 s (127.0.0.1:" + port
        + ": Connection refused"), e.getMessage());
    assertTrue(e.getMessage().endsWith("); start it (sbin/start-master.sh) or correct the URL"), e.getMessage());
    assertEquals(url, e.master());
    var none = assertThrows(IllegalArgumentException.class,
        () -> SparkSweep.connect(new SparkConf().setAppName("nowhere"), Duration.ofSeconds(1)));
    assertEquals("the Spark configuration sets no master; set it with SparkConf.setMaster, e.g. \"spark://host:7077\" "
        + "or \"local[2]\"", none.getMessage());
  }

  @Test
  void settingsAreChecked() {
    var p = assertThrows(IllegalArgumentException.class, () -> SparkSweep.builder(sc).partitions(0));
    assertEquals("partitions is 0; expected at least 1", p.getMessage());
    var m = assertThrows(IllegalArgumentException.class, () -> SparkSweep.builder(sc).driverMemory(-1));
    assertEquals("driverMemory is -1 bytes; expected a positive number", m.getMessage());
    var t = assertThrows(IllegalArgumentException.class, () -> SparkSweep.builder(sc).executorTimeout(Duration.ZERO));
    assertEquals("executorTimeout is PT0S; expected a positive duration", t.getMessage());
    assertArrayEquals(new long[] {0, 1}, SparkSweep.ranges(1, 1).get(0));
  }
}
