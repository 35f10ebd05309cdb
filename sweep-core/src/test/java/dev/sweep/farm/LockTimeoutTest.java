package dev.sweep.farm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sweep.run.RunFunction;
import dev.sweep.run.RunOptions;
import dev.sweep.run.Runner;
import dev.sweep.space.Combos;
import dev.sweep.space.Distribution;
import dev.sweep.space.Draws;
import dev.sweep.store.DatasetStore;
import dev.sweep.store.LockTimeoutException;
import dev.sweep.testing.MemoryStores;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Waiting for another process's lock, with and without a timeout; and the builders' bad values. */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class LockTimeoutTest {
  static final RunOptions QUIET = RunOptions.builder().verbosity(0).build();
  @TempDir Path dir;

  static double y(int a) {
    return a;
  }

  static Runner runner() {
    return Runner.builder(RunFunction.of(LockTimeoutTest.class, "y")).vars("y").options(QUIET).build();
  }

  @Test
  void aHarvesterGivesUpOnAnotherProcesssLockAfterItsTimeoutSayingWhoWaitedForWhat() throws Exception {
    DatasetStore store = MemoryStores.dataset(dir.resolve("h.nc"));
    Path lockFile = dir.resolve("h.nc.lock").toAbsolutePath();
    Process holder = LockHolder.hold(lockFile);
    try {
      long t0 = System.nanoTime();
      var e = assertThrows(UncheckedIOException.class,
          () -> Harvester.builder(runner(), store).lockTimeout(Duration.ofMillis(300)).build());
      assertTrue(System.nanoTime() - t0 >= 300_000_000L, "it waited its timeout");
      String pid = String.valueOf(ProcessHandle.current().pid());
      assertTrue(e.getMessage().matches("process " + pid + " waited 0\\.\\d+ s for the lock file "
          + java.util.regex.Pattern.quote(lockFile.toString()) + " to harvest into "
          + java.util.regex.Pattern.quote(dir.resolve("h.nc").toAbsolutePath().toString())
          + ", which another process holds, and gave up \\(lockTimeout PT0\\.3S\\); find that process \\(e\\.g\\. lsof "
          + java.util.regex.Pattern.quote(lockFile.toString()) + "\\), or allow a longer lockTimeout"), e.getMessage());
      LockTimeoutException cause = assertInstanceOf(LockTimeoutException.class, e.getCause());
      assertEquals(lockFile, cause.lockFile());
      assertTrue(cause.waited().toMillis() >= 300, cause.waited().toString());
    } finally {
      LockHolder.release(holder);
    }
    // Once the other process lets go, the same harvester is built and harvests.
    Harvester h = Harvester.builder(runner(), store).lockTimeout(Duration.ofMillis(300)).build();
    h.harvestCombos(Combos.builder().add("a", 1, 2).build());
    assertEquals(2, store.read().variable("y").size());
  }

  @Test
  void aHarvestWithATimeoutWaitsForTheLockAndGoesOnWhenItIsFree() throws Exception {
    DatasetStore store = MemoryStores.dataset(dir.resolve("w.nc"));
    Harvester h = Harvester.builder(runner(), store).lockTimeout(Duration.ofMinutes(2)).build();
    Process holder = LockHolder.hold(dir.resolve("w.nc.lock").toAbsolutePath());
    Thread[] harvesting = new Thread[1];
    CompletableFuture<Void> done = CompletableFuture.runAsync(() -> {
      harvesting[0] = Thread.currentThread();
      h.harvestCombos(Combos.builder().add("a", 1, 2, 3).build());
    });
    // Wait (a signal, not a fixed time) until the harvest is parked in the lock's wait, then let go.
    long until = System.nanoTime() + TimeUnit.MINUTES.toNanos(1);
    while ((harvesting[0] == null || harvesting[0].getState() != Thread.State.TIMED_WAITING) && !done.isDone()) {
      assertTrue(System.nanoTime() < until, "the harvest never waited for the lock");
      Thread.onSpinWait();
    }
    assertTrue(!done.isDone(), "the harvest did not wait for the other process's lock");
    LockHolder.release(holder);
    done.get(2, TimeUnit.MINUTES);
    assertEquals(3, store.read().variable("y").size());
  }

  @Test
  void buildersNameTheParameterAndTheValueTheyRefuse() {
    Harvester.Builder b = Harvester.builder(runner(), MemoryStores.dataset(dir.resolve("b.nc")));
    assertEquals("lockTimeout is null; expected a positive duration",
        assertThrows(NullPointerException.class, () -> b.lockTimeout(null)).getMessage());
    assertEquals("lockTimeout is PT0S; expected a positive duration",
        assertThrows(IllegalArgumentException.class, () -> b.lockTimeout(Duration.ZERO)).getMessage());
    assertEquals("lockTimeout is PT-1S; expected a positive duration",
        assertThrows(IllegalArgumentException.class, () -> b.lockTimeout(Duration.ofSeconds(-1))).getMessage());
    assertEquals("saveEvery interval is null; expected a positive duration",
        assertThrows(NullPointerException.class, () -> b.saveEvery((Duration) null)).getMessage());
    assertEquals("saveEvery interval is PT-5M; expected a positive duration",
        assertThrows(IllegalArgumentException.class, () -> b.saveEvery(Duration.ofMinutes(-5))).getMessage());
    assertEquals("saveEvery runs is -3; expected at least 1",
        assertThrows(IllegalArgumentException.class, () -> b.saveEvery(-3)).getMessage());
    assertEquals("merge policy is null; expected a MergePolicy, e.g. MergePolicy.NEW_WINS",
        assertThrows(NullPointerException.class, () -> b.merge(null)).getMessage());
    assertEquals("options is null; expected RunOptions",
        assertThrows(NullPointerException.class, () -> b.options(null)).getMessage());
    assertEquals("planRunner is null; expected a PlanRunner, e.g. PlanRunner.local()",
        assertThrows(NullPointerException.class, () -> b.runOn(null)).getMessage());
    assertEquals("configureRunner change is null; expected a function that completes the runner's builder",
        assertThrows(NullPointerException.class, () -> b.configureRunner(null)).getMessage());
    assertEquals("the builder configureRunner's change returned is null; expected a Runner.Builder",
        assertThrows(NullPointerException.class, () -> b.configureRunner(r -> null)).getMessage());
    assertEquals("file is null; expected the file to harvest into, e.g. Path.of(\"foo.nc\")",
        assertThrows(NullPointerException.class, () -> Harvester.builder(runner(), (Path) null)).getMessage());
    assertEquals("runner is null; expected the runner whose sweeps are harvested",
        assertThrows(NullPointerException.class, () -> Harvester.builder(null, dir.resolve("x.nc"))).getMessage());
    assertEquals("directory is null; expected the directory a relative file name resolves against",
        assertThrows(NullPointerException.class, () -> Harvester.builder(runner(), Path.of("x.nc")).directory(null))
            .getMessage());

    Crop.Builder c = Crop.builder(runner(), new MemoryCropStore(dir.resolve("crop")));
    assertEquals("classpath is null; expected the class path entries of the workers",
        assertThrows(NullPointerException.class, () -> c.classpath(null)).getMessage());
    assertEquals("a classpath entry is null; expected a path",
        assertThrows(NullPointerException.class, () -> c.classpath(java.util.Arrays.asList(Path.of("a.jar"), null)))
            .getMessage());
    assertEquals("java is null; expected the path of java on the workers",
        assertThrows(NullPointerException.class, () -> c.java(null)).getMessage());
    assertEquals("onError policy is null; expected an OnError, e.g. OnError.CONTINUE",
        assertThrows(NullPointerException.class, () -> c.onError(null)).getMessage());

    Draws draws = Draws.builder().from("a", Distribution.choice(1, 2)).build();
    Sampler.Builder s = Sampler.builder(runner(), draws);
    assertEquals("lockTimeout is PT0S; expected a positive duration",
        assertThrows(IllegalArgumentException.class, () -> s.lockTimeout(Duration.ZERO)).getMessage());
    assertEquals("design is null; expected a Design, e.g. Design.INDEPENDENT",
        assertThrows(NullPointerException.class, () -> s.design(null)).getMessage());
    assertEquals("file is null; expected the file to sample into, e.g. Path.of(\"trig.csv\")",
        assertThrows(NullPointerException.class, () -> s.file(null)).getMessage());
    assertEquals("defaults is null; expected the Draws of every argument",
        assertThrows(NullPointerException.class, () -> Sampler.builder(runner(), null)).getMessage());
    Sampler.Builder given = Sampler.builder(runner(), draws).store(MemoryStores.records(dir.resolve("s.csv")))
        .lockTimeout(Duration.ofSeconds(5));
    assertEquals("lockTimeout is set to PT5S but the store " + dir.resolve("s.csv") + " was given ready-made and "
        + "takes its own locks; set a file(...) instead of the store, or open the store with "
        + "Stores.records(path, mode, LockWait.atMost(...))",
        assertThrows(IllegalStateException.class, given::build).getMessage());
  }
}
