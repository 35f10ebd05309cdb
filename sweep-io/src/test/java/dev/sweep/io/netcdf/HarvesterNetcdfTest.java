package dev.sweep.io.netcdf;

import static dev.sweep.testing.DatasetAssertions.assertIdentical;
import static org.junit.jupiter.api.Assertions.*;

import dev.sweep.data.Dataset;
import dev.sweep.data.Index;
import dev.sweep.data.MergeConflictException;
import dev.sweep.data.MergePolicy;
import dev.sweep.farm.Harvest;
import dev.sweep.farm.Harvester;
import dev.sweep.run.Label;
import dev.sweep.run.OnError;
import dev.sweep.run.RunFailedException;
import dev.sweep.run.RunFunction;
import dev.sweep.run.RunOptions;
import dev.sweep.run.Runner;
import dev.sweep.space.Cases;
import dev.sweep.space.Combos;
import dev.sweep.space.Values;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

class HarvesterNetcdfTest {
  static final RunOptions QUIET = RunOptions.builder().verbosity(0).build();
  @TempDir Path dir;

  static Object[] foo(int a, String b, boolean c) {
    return new Object[] {a + "-" + b + "-" + c, Math.sin(a)};
  }

  static Runner fooRunner() {
    return Runner.builder(RunFunction.of(HarvesterNetcdfTest.class, "foo")).vars("a_out", "b_out").options(QUIET).build();
  }

  static Combos first() {
    return Combos.builder().add("a", 1, 2, 3).add("b", "x", "y", "z").add("c", true, false).build();
  }

  static Combos second() {
    return Combos.builder().add("a", 4, 5, 6).add("b", "w", "v").add("c", true, false).build();
  }

  @Test
  void tutorialHarvestsMergeIntoOneFile() {
    Path file = dir.resolve("foo.nc");
    Harvester h = Harvester.builder(fooRunner(), file).build();
    h.harvestCombos(first());
    assertTrue(Files.exists(file));
    h.harvestCombos(second());
    Dataset full = h.fullDataset();
    assertEquals(Map.of("a", 6, "b", 5, "c", 2), full.sizes());
    assertEquals(Index.ofInts(1, 2, 3, 4, 5, 6), full.coord("a"));
    assertEquals(Index.ofStrings("v", "w", "x", "y", "z"), full.coord("b"));
    assertEquals(Index.ofBooleans(true, false), full.coord("c"));
    assertTrue(Double.isNaN(full.doubleValue("b_out", Map.of("a", 1, "b", "v", "c", true))));
    assertNull(full.value("a_out", Map.of("a", 5, "b", "z", "c", false)));
    assertEquals("5-w-false", full.value("a_out", Map.of("a", 5, "b", "w", "c", false)));
    assertEquals(Math.sin(6), full.doubleValue("b_out", Map.of("a", 6, "b", "v", "c", true)));
    assertIdentical(full, Netcdf.read(file));
    assertEquals(Map.of("a", 3, "b", 2, "c", 2), h.lastDataset().orElseThrow().sizes());
  }

  @Test
  void harvestContinuesInANewSession() {
    Path file = dir.resolve("foo.nc");
    Harvester.builder(fooRunner(), file).build().harvestCombos(first());
    Harvester later = Harvester.builder(fooRunner(), file).build();
    assertEquals(18, later.fullDataset().variable("b_out").size());
    later.harvestCombos(second());
    assertEquals(60, later.fullDataset().variable("b_out").size());
    assertIdentical(later.fullDataset(), Netcdf.read(file));
  }

  @Test
  void missingOnlyRunsOnlyTheUnfilledCells() {
    AtomicInteger calls = new AtomicInteger();
    Runner counting = Runner.builder(a -> {
      calls.incrementAndGet();
      return a.getDouble("x") * a.getInt("n");
    }).vars("y").options(QUIET).build();
    Harvester h = Harvester.builder(counting, dir.resolve("m.nc")).build();
    h.harvestCombos(Combos.builder().add("x", 1.0, 2.0).add("n", 1, 2).build());
    assertEquals(4, calls.get());
    Dataset got = h.harvestMissing(Combos.builder().add("x", 1.0, 2.0, 3.0).add("n", 1, 2).build());
    assertEquals(6, calls.get()); // only x = 3.0 ran
    assertEquals(Index.ofDoubles(3.0), got.coord("x"));
    h.harvestMissing(Combos.builder().add("x", 1.0, 3.0).add("n", 2).build());
    assertEquals(6, calls.get());
    assertEquals(6.0, h.fullDataset().doubleValue("y", Map.of("x", 3.0, "n", 2)));
  }

  @Test
  void storedPlaceholderMeansEveryStoredLabel() {
    Harvester h = Harvester.builder(fooRunner(), dir.resolve("s.nc")).build();
    h.harvestCombos(first());
    Dataset got = h.harvestCombos(Combos.builder().add("a", 7).addStored("b").add("c", true, false).build());
    assertEquals(Index.ofStrings("x", "y", "z"), got.coord("b"));
    var e = assertThrows(IllegalArgumentException.class,
        () -> h.harvestCombos(Combos.builder().add("a", 8).add("b", "x").addStored("q").build()));
    assertTrue(e.getMessage().startsWith("parameter 'q' asks for the values already stored, but"), e.getMessage());
    var e2 = assertThrows(IllegalArgumentException.class,
        () -> fooRunner().runCombos(Combos.builder().addStored("b").build()));
    assertEquals("parameters [b] stand for the values already stored; only a Harvester can resolve them", e2.getMessage());
  }

  @Test
  void deleteKeepsATimestampedBackupUnlessToldOtherwise() throws IOException {
    Path file = dir.resolve("d.nc");
    Harvester h = Harvester.builder(fooRunner(), file).build();
    h.harvestCombos(first());
    Optional<Path> bak = h.delete();
    assertFalse(Files.exists(file));
    assertTrue(bak.isPresent() && Files.exists(bak.get()), bak.toString());
    assertTrue(bak.get().getFileName().toString().startsWith("d.nc.bak-"));
    assertTrue(h.fullDataset().variables().isEmpty());
    h.harvestCombos(second());
    assertEquals(Optional.empty(), h.delete(false));
    assertFalse(Files.exists(file));
  }

  @Test
  void aDeleteByOneHarvesterSticksForAnotherLiveOne() {
    Path file = dir.resolve("shared.nc");
    Harvester one = Harvester.builder(fooRunner(), file).build();
    Harvester two = Harvester.builder(fooRunner(), file).build();
    one.harvestCombos(first());
    two.harvestCombos(second()); // two now holds both harvests
    one.delete(false);
    two.harvestCombos(Combos.builder().add("a", 7).add("b", "x").add("c", true).build());
    Dataset after = Netcdf.read(file);
    assertEquals(Index.ofInts(7), after.coord("a"), "the deleted harvests do not come back");
    assertIdentical(after, two.fullDataset());
  }

  @Test
  void refusesAFileWrittenByADifferentRunner() {
    Path file = dir.resolve("other.nc");
    Harvester.builder(fooRunner(), file).build().harvestCombos(first());
    Runner other = Runner.builder(a -> 1.0).vars("y").options(QUIET).build();
    var e = assertThrows(IllegalArgumentException.class, () -> Harvester.builder(other, file).build());
    assertEquals(file + " was written by a different runner: it holds variables [a_out, b_out], this runner's are "
        + "[y]; not in the file: [y]; only in the file: [a_out, b_out]", e.getMessage());
    Runner undeclared = Runner.builder(a -> new Res(1.0)).options(QUIET).build();
    Harvester h = Harvester.builder(undeclared, file).build();
    var e2 = assertThrows(IllegalArgumentException.class, () -> h.harvestCombos(Combos.builder().add("a", 9).build()));
    assertTrue(e2.getMessage().contains("was written by a different runner"), e2.getMessage());
  }

  record Res(double r) {}

  @Test
  void conflictingValuesFailUnlessAPolicyChooses() {
    Path file = dir.resolve("c.nc");
    Runner one = Runner.builder(a -> 1.0).vars("y").options(QUIET).build();
    Runner two = Runner.builder(a -> 2.0).vars("y").options(QUIET).build();
    Harvester.builder(one, file).build().harvestCombos(Combos.builder().add("p", 1, 2).build());
    Harvester clash = Harvester.builder(two, file).build();
    var e = assertThrows(MergeConflictException.class, () -> clash.harvestCombos(Combos.builder().add("p", 2, 3).build()));
    assertEquals("variable 'y' conflicts at p=2: existing value 1.0, new value 2.0; merge with NEW_WINS or OLD_WINS "
        + "to choose one", e.getMessage());
    assertEquals(2, Netcdf.read(file).variable("y").size()); // the file is untouched
    Harvester wins = Harvester.builder(two, file).merge(MergePolicy.NEW_WINS).build();
    wins.harvestCombos(Combos.builder().add("p", 2, 3).build());
    assertArrayEquals(new double[] {1, 2, 2}, Netcdf.read(file).variable("y").toDoubleArray());
  }

  @Test
  void saveEveryKeepsCompletedBatchesWhenAHarvestFails() {
    Path file = dir.resolve("b.nc");
    Runner failsAt12 = Runner.builder(a -> {
      if (a.getInt("p") == 12) throw new IllegalStateException("crash");
      return (double) a.getInt("p");
    }).vars("y").options(QUIET).build();
    Harvester h = Harvester.builder(failsAt12, file).saveEvery(5).build();
    assertThrows(RunFailedException.class, () -> h.harvestCombos(Combos.builder().add("p", Values.range(0, 20)).build()));
    assertEquals(Index.ofInts(Values.range(0, 10)), Netcdf.read(file).coord("p"));
    Harvester timed = Harvester.builder(failsAt12.with(RunOptions.builder().verbosity(0).onError(OnError.CONTINUE).build()),
        dir.resolve("t.nc")).saveEvery(java.time.Duration.ofMillis(50)).build();
    Dataset got = timed.harvestCombos(Combos.builder().add("p", Values.range(0, 40)).build());
    assertEquals(40, Netcdf.read(dir.resolve("t.nc")).variable("y").size());
    assertTrue(Double.isNaN(got.doubleValue("y", Map.of("p", 12))));
  }

  @Test
  void builderRejectsBadIntervals() {
    var b = Harvester.builder(fooRunner(), dir.resolve("x.nc"));
    assertEquals("saveEvery runs is 0; expected at least 1",
        assertThrows(IllegalArgumentException.class, () -> b.saveEvery(0)).getMessage());
    assertEquals("saveEvery interval is PT0S; expected a positive duration",
        assertThrows(IllegalArgumentException.class, () -> b.saveEvery(java.time.Duration.ZERO)).getMessage());
    var e = assertThrows(IllegalArgumentException.class, () -> Harvester.builder(fooRunner(), dir.resolve("x.xyz")).build());
    assertTrue(e.getMessage().startsWith("no storage for '"), e.getMessage());
  }

  static class Labelled {
    @Label(varNames = {"sum", "diff"}, harvester = "sums.nc")
    static double[] sumDiff(double x, double y) {
      return new double[] {x + y, x - y};
    }
  }

  @Test
  void labelGivesAReadyHarvester() {
    Harvester h = Harvester.labelled(Labelled.class, "sumDiff").directory(dir).options(QUIET).build();
    h.harvestCombos(Combos.builder().add("x", 1.0, 2.0).add("y", 0.5).build());
    assertEquals(dir.resolve("sums.nc"), h.file());
    assertEquals(2.5, Netcdf.read(dir.resolve("sums.nc")).doubleValue("sum", Map.of("x", 2.0, "y", 0.5)));
  }

  static final class Sub extends Labelled {}

  static final class Timed {
    @Label(varNames = {"y"}, varDims = {"y[t]"})
    @Harvest("timed.nc")
    static double[] series(double k, double[] t) {
      double[] y = new double[t.length];
      for (int i = 0; i < t.length; i++) y[i] = k * t[i];
      return y;
    }
  }

  @Test
  void labelledHarvestersFindInheritedMethodsAndTakeConstants() {
    Harvester inherited = Harvester.labelled(Sub.class, "sumDiff").directory(dir).options(QUIET).build();
    assertEquals(dir.resolve("sums.nc"), inherited.file());
    Harvester h = Harvester.labelled(Timed.class, "series").directory(dir).options(QUIET)
        .configureRunner(r -> r.constant("t", new double[] {0, 0.5, 1})).build();
    h.harvestCombos(Combos.builder().add("k", 1.0, 2.0).build());
    assertEquals(Index.ofDoubles(0, 0.5, 1), Netcdf.read(dir.resolve("timed.nc")).coord("t"));
    var e = assertThrows(IllegalArgumentException.class, () -> Harvester.labelled(HarvesterNetcdfTest.class, "foo"));
    assertEquals("dev.sweep.io.netcdf.HarvesterNetcdfTest has no method 'foo' with a @Label: "
        + "HarvesterNetcdfTest.foo(int a, String b, boolean c) has none", e.getMessage());
  }

  // ---- safety with real processes ----

  static Process child(String... args) throws IOException {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.add("-Xmx512m");
    cmd.add("-Dorg.slf4j.simpleLogger.defaultLogLevel=warn");
    cmd.add("-cp");
    cmd.add(System.getProperty("java.class.path"));
    cmd.add(HarvestChild.class.getName());
    cmd.addAll(List.of(args));
    return new ProcessBuilder(cmd).redirectErrorStream(true).start();
  }

  /** Every stored value is the function's value at its labels, or missing. */
  static void assertConsistent(Dataset ds) {
    Index a = ds.coord("a");
    Index b = ds.coord("b");
    Index c = ds.coord("c");
    var y = ds.variable("y");
    for (int i = 0; i < a.size(); i++) for (int j = 0; j < b.size(); j++) for (int k = 0; k < c.size(); k++) {
      double v = y.getDouble(i, j, k);
      double want = HarvestChild.f((int) a.getLong(i), (int) b.getLong(j), (int) c.getLong(k));
      if (!Double.isNaN(v)) assertEquals(want, v, "at a=" + a.get(i));
    }
    for (int i = 0; i < a.size(); i++) assertFalse(Double.isNaN(y.getDouble(i, 0, 0)), "a=" + a.get(i) + " incomplete");
  }

  @Test
  @Timeout(value = 15, unit = TimeUnit.MINUTES)
  void aProcessKilledDuringSyncLeavesAWholeFile() throws Exception {
    Path file = dir.resolve("kill.nc");
    Random rnd = new Random(42);
    int kills = 0;
    int lastSize = 0;
    for (int round = 0; round < 12; round++) {
      Process p = child("loop", file.toString());
      try {
        var out = new java.io.BufferedReader(new java.io.InputStreamReader(p.getInputStream()));
        assertEquals("ready", out.readLine(), "child did not start");
        // Wait for the child's first completed harvest of this round (its signal), then kill it at a
        // random moment of the harvests that follow.
        String line = out.readLine();
        assertTrue(line != null && line.startsWith("saved "), "child did not harvest: " + line);
        Thread.sleep(rnd.nextInt(600));
      } finally {
        p.destroyForcibly();
        p.waitFor(30, TimeUnit.SECONDS);
        kills++;
      }
      if (!Files.exists(file)) continue;
      Dataset ds = Netcdf.read(file); // never half-written: it always reads
      assertConsistent(ds);
      int size = ds.coord("a").size();
      assertTrue(size >= lastSize, "the file lost harvests: " + size + " < " + lastSize);
      lastSize = size;
    }
    assertEquals(12, kills);
    assertTrue(lastSize > 0, "no harvest completed in 12 rounds");
  }

  @Test
  void twoProcessesHarvestingOneFileKeepAllResults() throws Exception {
    Path file = dir.resolve("shared.nc");
    Process p1 = child("range", file.toString(), "0", "15");
    Process p2 = child("range", file.toString(), "100", "15");
    for (Process p : List.of(p1, p2)) {
      assertTrue(p.waitFor(3, TimeUnit.MINUTES), "child timed out");
      String out = new String(p.getInputStream().readAllBytes());
      assertEquals(0, p.exitValue(), out);
    }
    Dataset ds = Netcdf.read(file);
    assertEquals(30, ds.coord("a").size());
    for (double v : ds.variable("y").toDoubleArray()) assertFalse(Double.isNaN(v));
    assertConsistent(ds);
  }
}
