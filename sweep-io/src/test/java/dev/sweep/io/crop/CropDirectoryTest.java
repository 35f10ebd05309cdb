package dev.sweep.io.crop;

import static dev.sweep.testing.DatasetAssertions.assertIdentical;
import static org.junit.jupiter.api.Assertions.*;

import dev.sweep.data.DType;
import dev.sweep.farm.BatchState;
import dev.sweep.farm.Crop;
import dev.sweep.farm.CropStatus;
import dev.sweep.farm.CropStore;
import dev.sweep.farm.Harvester;
import dev.sweep.farm.IncompleteCropException;
import dev.sweep.farm.RemoteFailure;
import dev.sweep.farm.Submission;
import dev.sweep.io.testing.ChildProcess;
import dev.sweep.run.Failure;
import dev.sweep.run.RunBatch;
import dev.sweep.run.RunPlan;
import dev.sweep.store.StoreFormatException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The crop directory format: real files, other JVMs, damage and crashes. */
class CropDirectoryTest {
  @TempDir Path dir;

  @ParameterizedTest
  @ValueSource(strings = {"foo", "bar", "parts", "stacked", "flaky"})
  void batchesWrittenAndReadBackReapIdenticalToALocalRun(String runner) {
    Crop crop = Crop.builder(Sweeps.runner(runner), dir.resolve("c")).batches(5).shuffle(11).sowCombos(Sweeps.combos());
    crop.growMissing();
    Crop reopened = Crop.open(dir.resolve("c"));
    assertIdentical(Sweeps.runner(runner).runCombos(Sweeps.combos()), reopened.reap());
  }

  @Test
  void aBatchFileGivesBackTheBatchAsWritten() {
    RunPlan plan = Sweeps.runner("bar").plan(dev.sweep.space.Cases.none(), Sweeps.combos());
    List<RunBatch> parts = List.of(plan.run(0, 3), plan.run(7, 8));
    CropDirectory store = CropDirectory.of(dir);
    store.writeResult(4, parts);
    List<RunBatch> back = store.readResult(4).orElseThrow();
    assertEquals(2, back.size());
    for (int i = 0; i < 2; i++) {
      assertEquals(parts.get(i).outputs(), back.get(i).outputs());
      assertEquals(parts.get(i).innerDims(), back.get(i).innerDims());
      assertEquals(parts.get(i).attrs(), back.get(i).attrs());
      assertEquals(List.of(parts.get(i).from(), parts.get(i).to()), List.of(back.get(i).from(), back.get(i).to()));
    }
    assertArrayEquals((String[]) parts.get(0).innerLabels().get("x"), (String[]) back.get(0).innerLabels().get("x"));
    assertEquals(new CropStore.ResultCheck(CropStore.ResultState.COMPLETE, 4, 0, ""), store.check(4));
  }

  @Test
  void failuresKeepTheirRunArgumentsAndCause() {
    Crop crop = Crop.builder(Sweeps.runner("flaky"), dir).batches(2).sowCombos(Sweeps.combos());
    crop.growMissing();
    List<RunBatch> result = CropDirectory.of(dir).readResult(0).orElseThrow();
    Failure f = result.get(0).failures().first().get(0);
    assertEquals(Map.of("a", 2, "b", "y", "fn", Sweeps.Fn.SIN), f.arguments());
    RemoteFailure cause = assertInstanceOf(RemoteFailure.class, f.cause());
    assertEquals("java.lang.IllegalStateException", cause.className());
    assertEquals("no luck at a=2, b=y, fn=SIN", cause.remoteMessage());
    assertTrue(cause.remoteStackTrace().contains("at dev.sweep.io.crop.Sweeps.flaky"), cause.remoteStackTrace());
    assertEquals("java.lang.IllegalStateException: no luck at a=2, b=y, fn=SIN", cause.toString());
    assertEquals(2, result.get(0).failures().count());
    // written again from what was read, the cause stays the original's
    CropDirectory.of(dir).writeResult(0, result);
    RemoteFailure again = (RemoteFailure) CropDirectory.of(dir).readResult(0).orElseThrow().get(0).failures().first()
        .get(0).cause();
    assertEquals(cause.toString(), again.toString());
  }

  @Test
  void theSettingsAreReadableJsonThatPythonLoads() throws Exception {
    Crop.builder(Sweeps.runner("foo"), dir).batches(3).sowCombos(Sweeps.combos());
    String text = Files.readString(dir.resolve(CropDirectory.SETTINGS));
    assertTrue(text.startsWith("{\n  \"format\" : \"sweep.crop/1\",\n"), text);
    assertTrue(text.contains("\"values\" : [ \"x\", \"y\", \"zz\" ]"), "arrays stay on one line: " + text);
    Path python = Path.of("/usr/bin/python3");
    if (Files.isExecutable(python)) {
      Process p = new ProcessBuilder(python.toString(), "-c", "import json, sys; d = json.load(open(sys.argv[1]));"
          + " print(d['runs'], d['batches']['count'], d['plan']['runner']['function']['method'])",
          dir.resolve(CropDirectory.SETTINGS).toString()).redirectErrorStream(true).start();
      assertTrue(p.waitFor(60, TimeUnit.SECONDS));
      assertEquals("24 3 foo", new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim());
    }
  }

  @Test
  void workersInOtherJvmsGrowTheBatchesFromTheSettingsAlone() throws Exception {
    Path c = dir.resolve("crop");
    Crop crop = Crop.builder(Sweeps.runner("bar"), c).batches(4).sowCombos(Sweeps.combos());
    try (ChildProcess one = ChildProcess.start(GrowChild.class, "grow", c.toString(), "0", "2");
        ChildProcess two = ChildProcess.start(GrowChild.class, "grow", c.toString(), "3", "1")) {
      assertEquals(0, one.waitFor(120, TimeUnit.SECONDS), one.output());
      assertEquals(0, two.waitFor(120, TimeUnit.SECONDS), two.output());
    }
    assertTrue(crop.status().isComplete(), crop.status().toString());
    assertIdentical(Sweeps.runner("bar").runCombos(Sweeps.combos()), crop.reap());
  }

  @Test
  void aWorkerKilledAtAnyMomentLeavesEveryResultCompleteOrAbsent() throws Exception {
    Path c = dir.resolve("crop");
    Crop crop = Crop.builder(Sweeps.runner("bar"), c).batchSize(1).sowCombos(Sweeps.combos());
    for (int round = 0; round < 4; round++) {
      try (ChildProcess child = ChildProcess.start(GrowChild.class, "loop", c.toString())) {
        String line = "grew " + (round * 5 % crop.batchCount());
        assertTrue(child.awaitLine(line, 120, TimeUnit.SECONDS), child.output());
        child.process().destroyForcibly();
        child.waitFor(60, TimeUnit.SECONDS);
      }
      for (int b = 0; b < crop.batchCount(); b++) {
        CropStore.ResultState s = CropDirectory.of(c).check(b).state();
        assertNotEquals(CropStore.ResultState.DAMAGED, s, "batch " + b + " after kill " + round);
      }
    }
    try (Stream<Path> left = Files.list(c.resolve(CropDirectory.RESULTS))) {
      // a killed writer may leave a hidden temporary file, never a torn result
      assertTrue(left.map(p -> p.getFileName().toString()).allMatch(n -> n.endsWith(".batch") || n.endsWith(".tmp")));
    }
    crop.growMissing();
    assertIdentical(Sweeps.runner("bar").runCombos(Sweeps.combos()), crop.reap());
  }

  /** Ways a result file gets damaged, and the problem each is reported with. */
  @ParameterizedTest
  @ValueSource(strings = {"truncated", "flipped", "empty", "garbage", "version"})
  void aDamagedResultIsFoundNamedMovedAsideAndGrownAgain(String damage) throws IOException {
    Crop crop = Crop.builder(Sweeps.runner("foo"), dir).batches(3).sowCombos(Sweeps.combos());
    crop.growMissing();
    CropDirectory store = CropDirectory.of(dir);
    Path file = store.resultFile(1);
    byte[] b = Files.readAllBytes(file);
    String expected;
    switch (damage) {
      case "truncated":
        b = java.util.Arrays.copyOf(b, b.length - 5);
        expected = "truncated: it does not end with the batch file's end mark";
        break;
      case "flipped":
        b[b.length / 2] ^= 0x10;
        expected = "its checksum is wrong: the file was changed or damaged after it was written";
        break;
      case "empty":
        b = new byte[0];
        expected = "truncated: 0 bytes, less than a batch file's header and trailer";
        break;
      case "garbage":
        b = "this is not a batch file, but it is long enough to have a header".getBytes(StandardCharsets.UTF_8);
        expected = "not a sweep batch file (its first bytes are not the batch file's mark)";
        break;
      default:
        b[11] = 9; // version 9
        expected = "a batch file of version 9, written by another version of sweep; this version reads version 1";
    }
    Files.write(file, b);
    assertEquals(new CropStore.ResultCheck(CropStore.ResultState.DAMAGED, 0, 0, expected), store.check(1));
    CropStatus.Batch status = crop.status().batches().get(1);
    assertEquals(BatchState.DAMAGED, status.state());
    assertEquals(expected, status.detail());
    StoreFormatException read = assertThrows(StoreFormatException.class, () -> store.readResult(1));
    assertEquals(file + ": a damaged batch result: " + expected, read.getMessage());
    IncompleteCropException reap = assertThrows(IncompleteCropException.class, crop::reap);
    assertEquals(List.of(1), reap.batches());
    assertFalse(Files.exists(file));
    try (Stream<Path> files = Files.list(file.getParent())) {
      assertEquals(1, files.filter(p -> p.getFileName().toString().startsWith("batch-00001.batch.damaged-")).count());
    }
    assertEquals(List.of(1), crop.growMissing());
    assertIdentical(Sweeps.runner("foo").runCombos(Sweeps.combos()), crop.reap());
  }

  @Test
  void refusesSettingsThatAreNotJsonNamingTheFile() throws IOException {
    Crop.builder(Sweeps.runner("foo"), dir).batches(3).sowCombos(Sweeps.combos());
    Path settings = dir.resolve(CropDirectory.SETTINGS);
    Files.writeString(settings, Files.readString(settings).substring(0, 100));
    StoreFormatException e = assertThrows(StoreFormatException.class, () -> Crop.open(dir));
    assertTrue(e.getMessage().startsWith(settings + ": the crop's settings are not JSON: "), e.getMessage());
    assertTrue(e.getMessage().contains("at line"), e.getMessage());
  }

  @Test
  void aDirectoryWithoutACropSaysSo() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Crop.open(dir.resolve("nothing")));
    assertEquals("no crop in " + dir.resolve("nothing") + ": it has no settings; sow one there with Crop.builder(runner,"
        + " dir)", e.getMessage());
  }

  @Test
  void submissionsAreRecordedInOrderAcrossOpenings() {
    Crop crop = Crop.builder(Sweeps.runner("foo"), dir).batches(3).sowCombos(Sweeps.combos());
    crop.record(new Submission("slurm", "12", Map.of(0, "12_0", 1, "12_1"), Instant.parse("2024-05-06T07:08:09Z")));
    Crop.open(dir).record(new Submission("pbs", "13[]", Map.of(2, "13[0]"), Instant.parse("2024-05-06T08:00:00Z")));
    List<Submission> all = Crop.open(dir).submissions();
    assertEquals(List.of("12", "13[]"), all.stream().map(Submission::jobId).toList());
    assertEquals(Map.of(0, "12_0", 1, "12_1"), all.get(0).tasks());
    assertEquals(Instant.parse("2024-05-06T08:00:00Z"), all.get(1).submitted());
  }

  @Test
  void cleaningRemovesTheCropAndItsDirectoryButNothingElse() throws IOException {
    Path c = dir.resolve("crop");
    Crop crop = Crop.builder(Sweeps.runner("foo"), c).batches(2).sowCombos(Sweeps.combos());
    crop.growMissing();
    Files.createDirectories(c.resolve(CropDirectory.JOBS));
    Files.writeString(c.resolve(CropDirectory.JOBS).resolve("slurm-1.out"), "log");
    crop.clean(true); // never reaped into a harvester: clean() refuses
    assertFalse(Files.exists(c));
    Path other = dir.resolve("other");
    Files.createDirectories(other);
    Files.writeString(other.resolve("keep.txt"), "mine");
    CropDirectory.of(other).delete();
    assertTrue(Files.exists(other.resolve("keep.txt")), "a directory that holds no crop is left alone");
  }

  @Test
  void reapedIntoANetcdfHarvestThatAlreadyHeldResults() {
    Path nc = dir.resolve("foo.nc");
    Harvester h = Harvester.builder(Sweeps.runner("foo"), nc).build();
    h.harvestCombos(dev.sweep.space.Combos.builder().add("a", 1, 2).add("b", "x", "y", "zz")
        .add("fn", Sweeps.Fn.class).build());
    Crop crop = Crop.builder(h, dir.resolve("crop")).batches(4).sowCombos(dev.sweep.space.Combos.builder()
        .add("a", 3, 4).add("b", "x", "y", "zz").add("fn", Sweeps.Fn.class).build());
    crop.growMissing();
    crop.reap(h);
    assertIdentical(Sweeps.runner("foo").runCombos(Sweeps.combos()), Harvester.builder(Sweeps.runner("foo"), nc).build()
        .fullDataset());
  }

  @Test
  void theGoldenBatchFileStillReads() throws IOException {
    byte[] golden;
    try (var in = CropDirectoryTest.class.getResourceAsStream("/crop/golden.batch")) {
      assertNotNull(in, "missing test resource crop/golden.batch");
      golden = in.readAllBytes();
    }
    assertArrayEquals(golden, BatchFile.encode(2, goldenParts()), "the format of batch files changed: bump its version");
    List<RunBatch> back = BatchFile.decode(golden);
    assertEquals(goldenParts().get(0).outputs(), back.get(0).outputs());
    assertArrayEquals(new long[] {11}, back.get(0).failedRuns());
    Failure f = back.get(0).failures().first().get(0);
    assertEquals(11, f.run());
    assertEquals(Map.of("a", 4), f.arguments());
    assertEquals("x.Boom: b", f.cause().toString());
  }

  /** The parts of the golden file: every output type, labels, attributes and one failure. */
  static List<RunBatch> goldenParts() {
    List<RunBatch.Output> outs = new ArrayList<>();
    outs.add(new RunBatch.Output("d", DType.DOUBLE, List.of(), new long[0], new double[] {1.5, Double.NaN}, Map.of()));
    outs.add(new RunBatch.Output("f", DType.FLOAT, List.of("x"), new long[] {2}, new float[] {1, 2, 3, 4},
        Map.of("units", "m")));
    outs.add(new RunBatch.Output("l", DType.LONG, List.of(), new long[0], new long[] {Long.MAX_VALUE, 0}, Map.of()));
    outs.add(new RunBatch.Output("i", DType.INT, List.of(), new long[0], new int[] {-1, 0}, Map.of()));
    outs.add(new RunBatch.Output("z", DType.BOOLEAN, List.of(), new long[0], new boolean[] {true, false}, Map.of()));
    outs.add(new RunBatch.Output("s", DType.STRING, List.of(), new long[0], new String[] {"é", null}, Map.of()));
    Failure failure = new Failure(11, Map.of("a", 4), new RemoteFailure("x.Boom", "b", "x.Boom: b\n"));
    return List.of(RunBatch.of(10, 12, outs, List.of("x"), Map.of("x", new int[] {10, 20}), Map.of("seed", 3L),
        new long[] {11}, List.of(failure)));
  }
}
