package dev.sweep.farm;

import static dev.sweep.testing.DatasetAssertions.assertIdentical;
import static org.junit.jupiter.api.Assertions.*;

import dev.sweep.data.Dataset;
import dev.sweep.run.OnError;
import dev.sweep.run.RunBatch;
import dev.sweep.run.RunFailedException;
import dev.sweep.run.RunFunction;
import dev.sweep.run.RunOptions;
import dev.sweep.run.RunPlan;
import dev.sweep.run.Runner;
import dev.sweep.space.Cases;
import dev.sweep.space.Combos;
import dev.sweep.testing.MemoryStores;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The crop on its own terms, over an in-memory store: sowing, growing, status and reaping. */
class CropTest {
  static final RunOptions QUIET = RunOptions.builder().verbosity(0).build();
  static final Path DIR = Path.of("/crops/test");

  static Object[] foo(int a, String b, boolean c) {
    return new Object[] {a + "-" + b + "-" + c, Math.sin(a) + b.length()};
  }

  static double flaky(int a, String b, boolean c) {
    if (a == 2 && b.equals("y")) throw new IllegalStateException("no luck at a=" + a + ", b=" + b);
    return a * 10.0 + b.length();
  }

  static Runner fooRunner() {
    return Runner.builder(RunFunction.of(CropTest.class, "foo")).vars("s", "y").options(QUIET).build();
  }

  static Runner flakyRunner(OnError onError) {
    return Runner.builder(RunFunction.of(CropTest.class, "flaky")).vars("v")
        .options(QUIET.toBuilder().onError(onError).build()).build();
  }

  static Combos abc() {
    return Combos.builder().add("a", 1, 2, 3, 4).add("b", "x", "y", "zz").add("c", true, false).build();
  }

  static Cases cases() {
    return Cases.ofMaps(List.of(Map.of("a", 3, "c", true), Map.of("a", 1, "c", false), Map.of("a", 2, "c", true)));
  }

  @AfterEach
  void forgetQueue() {
    TestQueue.STATES.clear();
  }

  static Stream<Arguments> cuts() {
    List<Arguments> out = new ArrayList<>();
    for (String space : List.of("combos", "cases", "cases x combos")) {
      out.add(Arguments.of(space, "8 batches", null));
      out.add(Arguments.of(space, "batchSize 5", null));
      out.add(Arguments.of(space, "1 batch", null));
      out.add(Arguments.of(space, "8 batches", 42L));
      out.add(Arguments.of(space, "batchSize 4", 7L));
    }
    return out.stream();
  }

  static Crop sow(String space, String cut, Long seed, MemoryCropStore store) {
    Crop.Builder b = Crop.builder(fooRunner(), store);
    if (cut.startsWith("batchSize")) b.batchSize(Integer.parseInt(cut.substring(10)));
    else b.batches(Integer.parseInt(cut.substring(0, cut.indexOf(' '))));
    if (seed != null) b.shuffle(seed);
    switch (space) {
      case "combos": return b.sowCombos(abc());
      case "cases": return b.sowCases(Cases.of(List.of("a", "b", "c"), List.of(2, "x", true), List.of(1, "zz", false),
          List.of(3, "x", false), List.of(4, "y", true), List.of(5, "q", true), List.of(6, "x", false),
          List.of(7, "y", false), List.of(8, "zz", true), List.of(9, "x", true)));
      default: return b.sow(cases(), Combos.builder().add("b", "x", "y", "zz").build());
    }
  }

  @ParameterizedTest(name = "{0}, {1}, shuffle {2}")
  @MethodSource("cuts")
  void batchesGrownInAnyOrderReapIntoTheDatasetOfALocalRun(String space, String cut, Long seed) {
    MemoryCropStore store = new MemoryCropStore(DIR);
    Crop crop = sow(space, cut, seed, store);
    RunPlan plan = RunPlan.fromSpec(crop.planSpec(), Map.of(), QUIET);
    // every run is in exactly one batch
    boolean[] seen = new boolean[(int) crop.runs()];
    for (int b = 0; b < crop.batchCount(); b++) {
      long n = 0;
      for (long[] r : crop.batchRanges(b)) {
        for (long run = r[0]; run < r[1]; run++) {
          assertFalse(seen[(int) run], "run " + run + " is in two batches");
          seen[(int) run] = true;
        }
        n += r[1] - r[0];
      }
      assertEquals(crop.batchRuns(b), n);
    }
    for (boolean s : seen) assertTrue(s);
    Crop worker = Crop.open(store).withOptions(QUIET); // as another JVM opens it
    for (int b = crop.batchCount() - 1; b >= 0; b--) assertTrue(worker.grow(b));
    assertTrue(crop.status().isComplete());
    assertIdentical(fooRunner().run(plan.cases(), plan.combos()), crop.reap());
  }

  @Test
  void evenBatchesDifferByAtMostOneRun() {
    Crop crop = Crop.builder(fooRunner(), new MemoryCropStore(DIR)).batches(5).sowCombos(abc()); // 24 runs
    List<Long> sizes = new ArrayList<>();
    for (int b = 0; b < 5; b++) sizes.add(crop.batchRuns(b));
    assertEquals(List.of(4L, 5L, 5L, 5L, 5L), sizes);
    assertEquals(List.of(0L, 4L), List.of(crop.batchRanges(0).get(0)[0], crop.batchRanges(0).get(0)[1]));
  }

  @Test
  void aShuffleDealsTheSameBatchesEveryTimeAndOthersForAnotherSeed() {
    Crop one = Crop.builder(fooRunner(), new MemoryCropStore(DIR)).batches(4).shuffle(1).sowCombos(abc());
    Crop again = Crop.builder(fooRunner(), new MemoryCropStore(DIR)).batches(4).shuffle(1).sowCombos(abc());
    Crop other = Crop.builder(fooRunner(), new MemoryCropStore(DIR)).batches(4).shuffle(2).sowCombos(abc());
    assertEquals(ranges(one, 0), ranges(again, 0));
    assertNotEquals(ranges(one, 0), ranges(other, 0));
    assertTrue(one.batchRanges(0).size() > 1, "a shuffled batch is scattered over the runs");
  }

  private static List<List<Long>> ranges(Crop crop, int b) {
    List<List<Long>> out = new ArrayList<>();
    for (long[] r : crop.batchRanges(b)) out.add(List.of(r[0], r[1]));
    return out;
  }

  @Test
  void theSettingsAreThePlanTheCutAndTheWorkersClassPath() {
    MemoryCropStore store = new MemoryCropStore(DIR);
    Crop crop = Crop.builder(fooRunner(), store).batches(3).shuffle(9).classpath(List.of(Path.of("/opt/app.jar")))
        .java(Path.of("/usr/bin/java")).sowCombos(abc());
    Map<String, Object> s = store.readSettings().orElseThrow();
    assertEquals(Crop.FORMAT, s.get("format"));
    assertEquals(crop.planSpec().toMap(), s.get("plan"));
    assertEquals(24L, s.get("runs"));
    Map<String, Object> batches = new LinkedHashMap<>();
    batches.put("count", 3);
    batches.put("size", 0L);
    batches.put("shuffle", 9L);
    assertEquals(batches, s.get("batches"));
    assertEquals("STOP", s.get("onError"));
    assertEquals(Map.of("classpath", List.of("/opt/app.jar"), "java", "/usr/bin/java"), s.get("workers"));
    assertNull(s.get("harvester"));
    Instant.parse((String) s.get("created"));
  }

  @Test
  void aGrownBatchIsSkippedUnlessOverwriteIsAsked() {
    MemoryCropStore store = new MemoryCropStore(DIR);
    Crop crop = Crop.builder(fooRunner(), store).batches(2).sowCombos(abc());
    assertTrue(crop.grow(1));
    assertFalse(crop.grow(1));
    assertEquals(1, store.resultWrites);
    assertTrue(crop.grow(1, true));
    assertEquals(2, store.resultWrites);
  }

  @Test
  void refusesABatchOutOfRange() {
    Crop crop = Crop.builder(fooRunner(), new MemoryCropStore(DIR)).batches(8).sowCombos(abc());
    for (int bad : new int[] {8, -1}) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> crop.grow(bad));
      assertEquals("batch " + bad + " is not in crop " + DIR + ", which has batches 0..7", e.getMessage());
    }
  }

  @Test
  void anIncompleteReapIsMissingExactlyAtTheRunsOfMissingBatches() {
    MemoryCropStore store = new MemoryCropStore(DIR);
    Crop crop = Crop.builder(fooRunner(), store).batches(5).shuffle(3).sowCombos(abc());
    for (int b : new int[] {0, 2, 4}) crop.grow(b);
    IncompleteCropException e = assertThrows(IncompleteCropException.class, crop::reap);
    assertEquals(List.of(1, 3), e.batches());
    assertTrue(e.getMessage().startsWith("crop " + DIR + " is not complete: batches [1, 3] have no result;"), e.getMessage());
    RunPlan plan = RunPlan.fromSpec(crop.planSpec(), Map.of(), QUIET);
    List<RunBatch> grown = new ArrayList<>();
    for (int b : new int[] {0, 2, 4}) for (long[] r : crop.batchRanges(b)) grown.add(plan.run(r[0], r[1]));
    Dataset partial = crop.reapIncomplete();
    assertIdentical(plan.assemble(grown), partial);
    long missingCells = 0;
    for (double y : partial.variable("y").toDoubleArray()) if (Double.isNaN(y)) missingCells++;
    assertEquals(crop.batchRuns(1) + crop.batchRuns(3), missingCells);
  }

  @Test
  void failedRunsUnderContinueAreRecordedAndReapedAsMissing() {
    MemoryCropStore store = new MemoryCropStore(DIR);
    Runner runner = flakyRunner(OnError.CONTINUE);
    Crop crop = Crop.builder(runner, store).batches(4).sowCombos(abc());
    crop.growMissing();
    CropStatus status = crop.status();
    assertTrue(status.isComplete());
    assertEquals(2, status.batches().stream().mapToLong(CropStatus.Batch::failedRuns).sum()); // a=2, b=y, c=true/false
    assertIdentical(runner.runCombos(abc()), crop.reap());
    List<RunBatch> result = store.readResult(1).orElseThrow();
    assertEquals(Map.of("a", 2, "b", "y", "c", true), result.get(0).failures().first().get(0).arguments());
  }

  /** Like {@link #flaky}, but a=3, b=zz waits until interrupted instead of returning. */
  static double hangs(int a, String b, boolean c) throws InterruptedException {
    if (a == 3 && b.equals("zz")) new java.util.concurrent.CountDownLatch(1).await();
    return a * 10.0 + b.length();
  }

  @Test
  void theRunTimeoutIsRecordedAtSowingAndAppliesWhereverTheBatchesGrow() {
    MemoryCropStore store = new MemoryCropStore(DIR);
    Runner runner = Runner.builder(RunFunction.of(CropTest.class, "hangs")).vars("v").options(QUIET.toBuilder()
        .onError(OnError.CONTINUE).runTimeout(java.time.Duration.ofMillis(200)).build()).build();
    Crop.builder(runner, store).batches(4).sowCombos(abc());
    Crop reopened = Crop.open(store); // as a worker opens it, knowing nothing of the runner's options
    assertEquals("PT0.2S", reopened.settings().get("runTimeout"));
    reopened.growMissing();
    assertEquals(2, reopened.status().batches().stream().mapToLong(CropStatus.Batch::failedRuns).sum()); // c=true, false
    double[] v = reopened.reap().variable("v").toDoubleArray();
    long missing = 0;
    for (double x : v) if (Double.isNaN(x)) missing++;
    assertEquals(2, missing);
    Crop untimed = Crop.builder(flakyRunner(OnError.CONTINUE), new MemoryCropStore(DIR)).batches(4).sowCombos(abc());
    assertFalse(untimed.settings().containsKey("runTimeout"), "no entry without a timeout");
  }

  @Test
  void aFailingBatchUnderStopHasNoResultAndItsStatusSaysWhy() {
    MemoryCropStore store = new MemoryCropStore(DIR);
    Crop crop = Crop.builder(flakyRunner(OnError.STOP), store).batches(4).sowCombos(abc());
    RunFailedException e = assertThrows(RunFailedException.class, () -> crop.grow(1));
    assertTrue(e.getMessage().contains("no luck at a=2, b=y"), e.getMessage());
    crop.grow(0);
    CropStatus status = crop.status();
    assertEquals(BatchState.DONE, status.batches().get(0).state());
    CropStatus.Batch failed = status.batches().get(1);
    assertEquals(BatchState.FAILED, failed.state());
    assertTrue(failed.detail().startsWith("dev.sweep.run.RunFailedException"), failed.detail());
    assertEquals(BatchState.MISSING, status.batches().get(2).state());
    assertEquals(Map.of(BatchState.DONE, 1, BatchState.FAILED, 1, BatchState.MISSING, 2), status.counts());
    // sown again with the policy that records failures, the batch grows
    Crop lenient = Crop.builder(flakyRunner(OnError.STOP), new MemoryCropStore(DIR)).batches(4).onError(OnError.CONTINUE)
        .sowCombos(abc());
    assertTrue(lenient.grow(1));
    assertEquals(2, lenient.status().batches().get(1).failedRuns()); // a=2, b=y, c=true and false
  }

  @Test
  void statusAsksTheSchedulerAboutSubmittedBatchesButTheResultFileIsTheTruth() {
    MemoryCropStore store = new MemoryCropStore(DIR);
    Crop crop = Crop.builder(fooRunner(), store).batches(6).sowCombos(abc());
    Map<Integer, String> tasks = new LinkedHashMap<>();
    for (int b = 0; b < 5; b++) tasks.put(b, "7_" + b);
    crop.record(new Submission("test", "7", tasks, Instant.parse("2024-01-02T03:04:05Z")));
    TestQueue.STATES.put("7_0", new JobQueue.TaskState(JobQueue.Phase.ENDED, "COMPLETED exit 0"));
    TestQueue.STATES.put("7_1", new JobQueue.TaskState(JobQueue.Phase.ENDED, "COMPLETED exit 0"));
    TestQueue.STATES.put("7_2", new JobQueue.TaskState(JobQueue.Phase.RUNNING, "RUNNING"));
    TestQueue.STATES.put("7_3", new JobQueue.TaskState(JobQueue.Phase.QUEUED, "PENDING (Resources)"));
    // 7_4 is forgotten by the scheduler
    crop.grow(0);
    store.damage(5, "truncated after 10 bytes");
    CropStatus s = crop.status();
    List<BatchState> states = s.batches().stream().map(CropStatus.Batch::state).toList();
    assertEquals(List.of(BatchState.DONE, BatchState.FAILED, BatchState.RUNNING, BatchState.QUEUED, BatchState.FAILED,
        BatchState.DAMAGED), states);
    assertEquals("COMPLETED exit 0, no result", s.batches().get(1).detail(), "exit 0 without a result file is a failure");
    assertEquals("ended without a result", s.batches().get(4).detail());
    assertEquals("PENDING (Resources)", s.batches().get(3).detail());
    assertEquals("truncated after 10 bytes", s.batches().get(5).detail());
    assertEquals(List.of(1, 4), s.batchesIn(BatchState.FAILED));
    String table = s.toString();
    assertTrue(table.startsWith("crop " + DIR + ": 24 runs in 6 batches: 1 done, 1 queued, 1 running, 2 failed, 1 damaged\n"
        + "batch  state         runs  failed  task  detail\n"
        + "    0  done             4       0  7_0\n"
        + "    1  failed           4       -  7_1   COMPLETED exit 0, no result\n"), table);
    // a resubmission of the failed batches is what status asks about next
    crop.record(new Submission("test", "8", Map.of(1, "8_0", 4, "8_1"), Instant.parse("2024-01-02T04:00:00Z")));
    TestQueue.STATES.put("8_0", new JobQueue.TaskState(JobQueue.Phase.QUEUED, "PENDING"));
    assertEquals(BatchState.QUEUED, crop.status().batches().get(1).state());
    assertEquals(List.of("7", "8"), crop.submissions().stream().map(Submission::jobId).toList());
  }

  @Test
  void aSchedulerThisJvmCannotAskLeavesItsBatchesUnknown() {
    Crop crop = Crop.builder(fooRunner(), new MemoryCropStore(DIR)).batches(2).sowCombos(abc());
    crop.record(new Submission("slurm", "3", Map.of(0, "3_0", 1, "3_1"), Instant.now()));
    CropStatus.Batch b = crop.status().batches().get(0);
    assertEquals(BatchState.UNKNOWN, b.state());
    assertEquals("submitted to slurm, which this JVM cannot ask: put sweep-cluster on the class path", b.detail());
  }

  @Test
  void refusesASubmissionOfABatchItDoesNotHave() {
    Crop crop = Crop.builder(fooRunner(), new MemoryCropStore(DIR)).batches(2).sowCombos(abc());
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> crop.record(new Submission("test", "1", Map.of(2, "1_0"), Instant.now())));
    assertEquals("batch 2 is not in crop " + DIR + ", which has batches 0..1", e.getMessage());
  }

  @Test
  void aDamagedResultIsMovedAsideAtReapAndGrownAgain() {
    MemoryCropStore store = new MemoryCropStore(DIR);
    Crop crop = Crop.builder(fooRunner(), store).batches(3).sowCombos(abc());
    crop.growMissing();
    store.damage(1, "checksum mismatch");
    IncompleteCropException e = assertThrows(IncompleteCropException.class, crop::reap);
    assertEquals(List.of(1), e.batches());
    assertTrue(e.getMessage().contains("batches [1] had damaged results, moved aside:\n  batch 1: "), e.getMessage());
    assertEquals(List.of(1), store.movedAside());
    assertEquals(BatchState.MISSING, crop.status().batches().get(1).state());
    assertEquals(List.of(1), crop.growMissing());
    assertIdentical(fooRunner().runCombos(abc()), crop.reap());
  }

  @Test
  void aLambdaCannotBeSownTheErrorSaysToUseAMethod() {
    Runner lambda = Runner.builder(args -> 1.0).vars("v").options(QUIET).build();
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Crop.builder(lambda, new MemoryCropStore(DIR)).sowCombos(abc()));
    assertTrue(e.getMessage().startsWith("cannot sow a crop: this runner's function "), e.getMessage());
    assertTrue(e.getMessage().contains("build the runner from a static method"), e.getMessage());
  }

  @Test
  void refusesAResourceWhichCannotTravel() {
    Runner withResource = Runner.builder(RunFunction.of(CropTest.class, "foo")).vars("s", "y").build().toBuilder()
        .resource("solver", new Object()).build();
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Crop.builder(withResource, new MemoryCropStore(DIR)).sowCombos(abc()));
    assertTrue(e.getMessage().contains("has resources [solver], which cannot travel to a crop's workers"), e.getMessage());
  }

  @Test
  void refusesCutsThatDoNotFit() {
    Crop.Builder b = Crop.builder(fooRunner(), new MemoryCropStore(DIR));
    assertEquals("batches is 25 but the sweep has only 24 runs; expected at most 24 batches",
        assertThrows(IllegalArgumentException.class, () -> b.batches(25).sowCombos(abc())).getMessage());
    assertEquals("batchSize was already set to 3; set one of the two",
        assertThrows(IllegalStateException.class, () -> Crop.builder(fooRunner(), DIR).batchSize(3).batches(2)).getMessage());
    assertEquals("batchSize is 0; expected at least 1 run per batch",
        assertThrows(IllegalArgumentException.class, () -> Crop.builder(fooRunner(), DIR).batchSize(0)).getMessage());
  }

  @Test
  void sowingTheSameSweepAgainIsANoOpAndAnotherIsRefused() {
    MemoryCropStore store = new MemoryCropStore(DIR);
    Crop crop = Crop.builder(fooRunner(), store).batches(4).sowCombos(abc());
    crop.grow(2);
    Crop again = Crop.builder(fooRunner(), store).batches(4).sowCombos(abc());
    assertEquals(crop.settings(), again.settings());
    assertEquals(BatchState.DONE, again.status().batches().get(2).state());
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Crop.builder(fooRunner(), store).batches(3).sowCombos(abc()));
    assertEquals(DIR + " already holds another crop: its batches differ from this sowing's; sow into another directory,"
        + " or clean() the old crop first", e.getMessage());
    IllegalArgumentException other = assertThrows(IllegalArgumentException.class,
        () -> Crop.builder(fooRunner(), store).batches(4).sowCombos(Combos.builder().add("a", 1, 2).add("b", "x", "y")
            .add("c", true).build()));
    assertTrue(other.getMessage().contains("its plan, runs differ"), other.getMessage());
  }

  @Test
  void refusesACropOfAnotherVersionAndDamagedSettings() {
    MemoryCropStore store = new MemoryCropStore(DIR);
    Crop.builder(fooRunner(), store).sowCombos(abc());
    Map<String, Object> s = new LinkedHashMap<>(store.readSettings().orElseThrow());
    s.put("format", "sweep.crop/2");
    store.replaceSettings(s);
    IllegalArgumentException version = assertThrows(IllegalArgumentException.class, () -> Crop.open(store));
    assertEquals("crop " + DIR + " was sown by another version of sweep: its settings have the format \"sweep.crop/2\","
        + " and this version reads \"sweep.crop/1\"; reap it with the version that sowed it, or sow it again",
        version.getMessage());
    s.put("format", Crop.FORMAT);
    s.put("runs", "many");
    IllegalArgumentException damaged = assertThrows(IllegalArgumentException.class, () -> Crop.open(store));
    assertEquals("crop " + DIR + " has damaged settings: \"runs\" should be a whole number, not \"many\"",
        damaged.getMessage());
    s.put("runs", 24L);
    for (String bad : new String[] {"soon", "PT0S", "-PT1S"}) {
      s.put("runTimeout", bad);
      IllegalArgumentException timeout = assertThrows(IllegalArgumentException.class, () -> Crop.open(store));
      assertEquals("crop " + DIR + " has damaged settings: \"runTimeout\" is \"" + bad + "\"; expected a positive "
          + "ISO-8601 duration such as \"PT30S\"", timeout.getMessage());
    }
    s.remove("runTimeout");
    s.put("plan", Map.of("format", "sweep.plan/1"));
    IllegalArgumentException plan = assertThrows(IllegalArgumentException.class, () -> Crop.open(store));
    assertTrue(plan.getMessage().startsWith("crop " + DIR + " has damaged settings: plan spec: "), plan.getMessage());
    IllegalArgumentException none = assertThrows(IllegalArgumentException.class,
        () -> Crop.open(new MemoryCropStore(Path.of("/crops/none"))));
    assertEquals("no crop in /crops/none: it has no settings; sow one there with Crop.builder(runner, dir)",
        none.getMessage());
  }

  @Test
  void aResultOfAnotherCutIsRefusedAtReap() {
    MemoryCropStore store = new MemoryCropStore(DIR);
    Crop crop = Crop.builder(fooRunner(), store).batches(2).sowCombos(abc());
    RunPlan plan = RunPlan.fromSpec(crop.planSpec(), Map.of(), QUIET);
    store.writeResult(0, List.of(plan.run(0, 5)));
    crop.grow(1);
    IllegalStateException e = assertThrows(IllegalStateException.class, crop::reap);
    assertEquals("crop " + DIR + ": the result of batch 0 holds the runs [[0, 5)] but the batch is [[0, 12)]; it belongs"
        + " to another crop: move it away and grow the batch again", e.getMessage());
  }

  @Test
  void aReapIntoAHarvesterMergesWithWhatItHeld() {
    Path file = DIR.resolve("foo.nc");
    Harvester h = Harvester.builder(fooRunner(), MemoryStores.dataset(file)).build();
    Combos first = Combos.builder().add("a", 1, 2).add("b", "x", "y", "zz").add("c", true, false).build();
    h.harvestCombos(first);
    Combos more = Combos.builder().add("a", 3, 4).add("b", "x", "y", "zz").add("c", true, false).build();
    Crop crop = Crop.builder(h, new MemoryCropStore(DIR)).batches(3).sowCombos(more);
    assertEquals(java.util.Optional.of(file.toAbsolutePath()), crop.harvestFile());
    crop.growMissing();
    assertIdentical(fooRunner().runCombos(more), crop.reap(h));
    assertIdentical(fooRunner().runCombos(abc()), h.fullDataset());
  }

  @Test
  void refusesToReapIntoAHarvesterOfAnotherRunnerNamingTheDifferences() {
    Crop crop = Crop.builder(fooRunner(), new MemoryCropStore(DIR)).batches(2).sowCombos(abc());
    crop.growMissing();
    Runner other = Runner.builder(RunFunction.of(CropTest.class, "foo")).vars("s", "z").attr("note", "x").build();
    Harvester h = Harvester.builder(other, MemoryStores.dataset(DIR.resolve("other.nc"))).build();
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> crop.reap(h));
    assertEquals("crop " + DIR + " was sown by another runner than that of the harvester of " + DIR.resolve("other.nc")
        + "; they differ in vars: [s, y] in the crop, [s, z] in the harvester; attrs: {} in the crop, "
        + "{note=x} in the harvester", e.getMessage());
    assertTrue(h.fullDataset().variables().isEmpty(), "the harvest is untouched");
  }

  @Test
  void aReapWaitsForBatchesGrownElsewhere() throws Exception {
    MemoryCropStore store = new MemoryCropStore(DIR);
    Crop crop = Crop.builder(fooRunner(), store).batches(4).sowCombos(abc());
    ExecutorService elsewhere = Executors.newSingleThreadExecutor();
    try {
      Future<List<Integer>> grown = elsewhere.submit(() -> Crop.open(store).withOptions(QUIET).growMissing());
      assertIdentical(fooRunner().runCombos(abc()), crop.withOptions(QUIET).reap(Duration.ofMinutes(2)));
      assertEquals(List.of(0, 1, 2, 3), grown.get());
    } finally {
      elsewhere.shutdownNow();
    }
  }

  @Test
  void aReapThatWaitsInVainSaysForWhatAndStopsEarlyWhenAllThatIsLeftFailed() {
    MemoryCropStore store = new MemoryCropStore(DIR);
    Crop crop = Crop.builder(fooRunner(), store).batches(2).sowCombos(abc()).withOptions(QUIET);
    crop.grow(0);
    IncompleteCropException timeout = assertThrows(IncompleteCropException.class, () -> crop.reap(Duration.ofMillis(50)));
    assertEquals(List.of(1), timeout.batches());
    assertTrue(timeout.getMessage().contains("waited PT0.05S for them"), timeout.getMessage());
    crop.record(new Submission("test", "9", Map.of(1, "9_1"), Instant.now()));
    TestQueue.STATES.put("9_1", new JobQueue.TaskState(JobQueue.Phase.ENDED, "FAILED exit 1"));
    IncompleteCropException failed = assertThrows(IncompleteCropException.class, () -> crop.reap(Duration.ofHours(1)));
    assertTrue(failed.getMessage().contains("every batch still to come has failed"), failed.getMessage());
  }

  @Test
  void cleaningDeletesTheCrop() {
    MemoryCropStore store = new MemoryCropStore(DIR);
    Crop crop = Crop.builder(fooRunner(), store).batches(2).sowCombos(abc());
    crop.growMissing();
    crop.clean(true); // never reaped into a harvester: clean() refuses (CropSamplerTest)
    assertTrue(store.readSettings().isEmpty());
    assertTrue(store.readResult(0).isEmpty());
  }
}
