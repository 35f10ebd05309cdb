package dev.sweep.farm;

import static dev.sweep.testing.DatasetAssertions.assertIdentical;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sweep.data.Dataset;
import dev.sweep.data.MergeConflictException;
import dev.sweep.data.MergePolicy;
import dev.sweep.run.PlanRunner;
import dev.sweep.run.RunFunction;
import dev.sweep.run.RunPlan;
import dev.sweep.run.RunOptions;
import dev.sweep.run.Runner;
import dev.sweep.space.Combos;
import dev.sweep.store.DatasetStore;
import dev.sweep.testing.MemoryStores;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Harvester on its own terms, over in-memory stores: merging, sessions, policies and the file transaction. */
class HarvesterTest {
  static final RunOptions QUIET = RunOptions.builder().verbosity(0).build();
  @TempDir Path dir;

  static double y(int a, int b) {
    return a * 10 + b;
  }

  static Runner runner() {
    return Runner.builder(RunFunction.of(HarvesterTest.class, "y")).vars("y").options(QUIET).build();
  }

  static Combos grid(int a0, int a1) {
    Combos.Builder b = Combos.builder();
    List<Object> as = new ArrayList<>();
    for (int a = a0; a < a1; a++) as.add(a);
    return b.add("a", as).add("b", 0, 1, 2).build();
  }

  @Test
  void harvestsMergeIntoTheStoreAndANewHarvesterLoadsThem() {
    DatasetStore store = MemoryStores.dataset(dir.resolve("m.nc"));
    Harvester h = Harvester.builder(runner(), store).build();
    h.harvestCombos(grid(0, 2));
    h.harvestCombos(grid(2, 4));
    assertIdentical(runner().runCombos(grid(0, 4)), h.fullDataset());
    assertIdentical(h.fullDataset(), store.read());
    Harvester later = Harvester.builder(runner(), store).build();
    assertIdentical(h.fullDataset(), later.fullDataset());
  }

  @Test
  void aFailedWriteLeavesTheHarvesterAsItWasSoLaterHarvestsWork() {
    DatasetStore refusing = new DatasetStore() {
      final DatasetStore inner = MemoryStores.dataset(dir.resolve("r.nc"));

      @Override
      public Path path() {
        return inner.path();
      }

      @Override
      public boolean exists() {
        return inner.exists();
      }

      @Override
      public Dataset read() {
        return inner.read();
      }

      @Override
      public void write(Dataset ds) {
        if (ds.coord("a").size() > 2 && ds.coord("a").indexOf(9) >= 0) {
          throw new IllegalArgumentException("a = 9 cannot be stored");
        }
        inner.write(ds);
      }
    };
    Harvester h = Harvester.builder(runner(), refusing).build();
    h.harvestCombos(grid(0, 2));
    var e = assertThrows(IllegalArgumentException.class, () -> h.harvestCombos(grid(9, 10)));
    assertEquals("a = 9 cannot be stored", e.getMessage());
    assertIdentical(runner().runCombos(grid(0, 2)), h.fullDataset());
    h.harvestCombos(grid(2, 3)); // not poisoned by the refused harvest
    assertIdentical(runner().runCombos(grid(0, 3)), refusing.read());
  }

  @Test
  void conflictsFailUnlessTheHarvesterChoosesAPolicy() {
    DatasetStore store = MemoryStores.dataset(dir.resolve("c.nc"));
    Runner other = Runner.builder(RunFunction.ofDouble(args -> -1.0)).vars("y").options(QUIET).build();
    Harvester.builder(runner(), store).build().harvestCombos(grid(0, 1));
    Harvester h = Harvester.builder(other, store).build();
    assertThrows(MergeConflictException.class, () -> h.harvestCombos(grid(0, 1)));
    assertEquals(0.0, store.read().doubleValue("y", Map.of("a", 0, "b", 0)));
    Harvester.builder(other, store).merge(MergePolicy.NEW_WINS).build().harvestCombos(grid(0, 1));
    assertEquals(-1.0, store.read().doubleValue("y", Map.of("a", 0, "b", 0)));
  }

  @Test
  void aHarvestCanChooseItsOwnPolicy() {
    DatasetStore store = MemoryStores.dataset(dir.resolve("p.nc"));
    Harvester.builder(runner(), store).build().harvestCombos(grid(0, 1));
    Runner other = Runner.builder(RunFunction.ofDouble(args -> -1.0)).vars("y").options(QUIET).build();
    Harvester h = Harvester.builder(other, store).build();
    h.harvestCombos(grid(0, 1), MergePolicy.NEW_WINS); // xyzpy's overwrite=True, for this call only
    assertEquals(-1.0, store.read().doubleValue("y", Map.of("a", 0, "b", 0)));
    assertThrows(MergeConflictException.class, () -> Harvester.builder(runner(), store).build().harvestCombos(grid(0, 1)));
    assertThrows(NullPointerException.class, () -> h.harvestCombos(null));
    assertEquals("policy", assertThrows(NullPointerException.class, () -> h.harvestCombos(grid(0, 1), null)).getMessage());
  }

  @Test
  void twoPathsToOneFileShareOneLock() throws Exception {
    Path real = Files.createDirectories(dir.resolve("real"));
    Path link = Files.createSymbolicLink(dir.resolve("link"), real);
    Harvester h1 = Harvester.builder(runner(), MemoryStores.dataset(real.resolve("s.nc"))).build();
    Harvester h2 = Harvester.builder(runner(), MemoryStores.dataset(link.resolve("s.nc"))).build();
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      List<Future<?>> done = new ArrayList<>();
      for (Harvester h : List.of(h1, h2)) {
        done.add(pool.submit(() -> {
          for (int a = 0; a < 200; a++) h.harvestCombos(grid(a, a + 1));
        }));
      }
      for (Future<?> f : done) f.get(); // an OverlappingFileLockException would surface here
    } finally {
      pool.shutdownNow();
    }
    assertEquals(200, h1.fullDataset().coord("a").size());
  }

  @Test
  void backupsOfDeletedFilesNeverOverwriteEachOther() throws Exception {
    Path file = dir.resolve("b.nc");
    SyncedFile synced = new SyncedFile(file);
    List<Path> backups = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      Files.writeString(file, "version " + i);
      Optional<Path> bak = synced.locked(false, () -> synced.remove(true));
      backups.add(bak.orElseThrow());
      assertFalse(Files.exists(file));
    }
    assertEquals(50, backups.stream().distinct().count());
    for (int i = 0; i < 50; i++) assertEquals("version " + i, Files.readString(backups.get(i)));
    assertEquals(Optional.empty(), synced.locked(false, () -> synced.remove(true)));
  }

  @Test
  void theStampNoticesAnotherWriter() throws Exception {
    Path file = dir.resolve("s.txt");
    SyncedFile synced = new SyncedFile(file);
    assertFalse(synced.changed(), "no file, nothing seen");
    Files.writeString(file, "one");
    assertTrue(synced.changed());
    synced.markSeen();
    assertFalse(synced.changed());
    Path tmp = dir.resolve("s.tmp");
    Files.writeString(tmp, "two, longer");
    Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    assertTrue(synced.changed(), "a replaced file is a new version");
    assertNotEquals(Optional.empty(), SyncedFile.FileStamp.of(file));
  }

  @Test
  void aLabelWithoutAFileHarvestsIntoAFileNamedAfterTheMethod() {
    // No store for .nc is registered in this module: the refusal names the file chosen.
    var named = assertThrows(IllegalArgumentException.class, () -> Harvester.labelled(Plain.class, "f").directory(dir).build());
    assertTrue(named.getMessage().startsWith("no storage for '" + dir.resolve("f.nc") + "'"), named.getMessage());
    var e = assertThrows(IllegalArgumentException.class, () -> Harvester.labelled(Plain.class, "nope"));
    assertTrue(e.getMessage().startsWith("dev.sweep.farm.HarvesterTest$Plain has no method 'nope' with a @Label"),
        e.getMessage());
    assertThrows(UncheckedIOException.class, () -> MemoryStores.dataset(dir.resolve("none.nc")).read());
  }

  /** A plan runner that runs each plan or range in two halves, as other JVMs would, and counts them. */
  static final class Halves implements PlanRunner {
    final List<RunPlan> plans = new ArrayList<>();
    final List<long[]> ranges = new ArrayList<>();

    @Override
    public Dataset run(RunPlan plan) {
      plans.add(plan);
      long half = plan.size() / 2;
      return plan.assemble(List.of(plan.run(half, plan.size()), plan.run(0, half)));
    }

    @Override
    public List<dev.sweep.run.RunBatch> run(RunPlan plan, long from, long to) {
      ranges.add(new long[] {from, to});
      long half = (from + to) / 2;
      return List.of(plan.run(half, to), plan.run(from, half));
    }
  }

  @Test
  void harvestsRunOnTheGivenPlanRunnerAndMergeHere() {
    Halves halves = new Halves();
    DatasetStore store = MemoryStores.dataset(dir.resolve("elsewhere.nc"));
    Harvester h = Harvester.builder(runner(), store).runOn(halves).build();
    h.harvestCombos(grid(0, 2));
    h.harvestCombos(grid(2, 4));
    assertIdentical(runner().runCombos(grid(0, 4)), h.fullDataset());
    assertIdentical(h.fullDataset(), store.read());
    assertEquals(2, halves.plans.size());
    Harvester batched = Harvester.builder(runner(), MemoryStores.dataset(dir.resolve("batched.nc"))).runOn(halves)
        .saveEvery(4).build();
    batched.harvestCombos(grid(0, 4));
    assertIdentical(runner().runCombos(grid(0, 4)), batched.fullDataset());
    assertEquals(2, halves.plans.size(), "the checkpointed harvest runs in ranges");
    assertEquals(3, halves.ranges.size(), "12 runs saved every 4: three ranges");
    assertArrayEquals(new long[] {8, 12}, halves.ranges.get(2));
  }

  static final class Plain {
    @dev.sweep.run.Label(varNames = "y")
    static double f(double x) {
      return x;
    }
  }
}
