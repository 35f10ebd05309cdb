package dev.sweep.farm;

import static dev.sweep.testing.DatasetAssertions.assertIdentical;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sweep.data.Dataset;
import dev.sweep.data.Index;
import dev.sweep.data.MergeConflictException;
import dev.sweep.data.MergePolicy;
import dev.sweep.run.OnError;
import dev.sweep.run.RunFunction;
import dev.sweep.run.RunOptions;
import dev.sweep.run.Runner;
import dev.sweep.run.SweepInterruptedException;
import dev.sweep.space.Combos;
import dev.sweep.space.Values;
import dev.sweep.store.DatasetStore;
import dev.sweep.testing.MemoryStores;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * How a harvest grows the file: appended when it only adds labels at the end of the outermost
 * dimension, checkpoints written once to a journal and compacted at the end of the call, journals of
 * dead harvests recovered, and interrupts that save what completed. Over in-memory stores that count
 * what they are asked to do.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class HarvesterGrowthTest {
  static final RunOptions QUIET = RunOptions.builder().verbosity(0).build();
  @TempDir Path dir;

  static double f(int a, int b, int c) {
    return a * 1000.0 + b * 10 + c;
  }

  static Runner runner() {
    return Runner.builder(RunFunction.of(HarvesterGrowthTest.class, "f")).vars("y").options(QUIET).build();
  }

  static Combos grid(List<Object> a, int b, int c) {
    return Combos.builder().add("a", a).add("b", Values.range(0, b)).add("c", Values.range(0, c)).build();
  }

  static Combos slab(int... as) {
    List<Object> a = new java.util.ArrayList<>();
    for (int x : as) a.add(x);
    return grid(a, 4, 3);
  }

  /** A memory store that counts its writes and appends. */
  static final class Counting implements DatasetStore {
    final DatasetStore inner;
    int writes;
    int appends;
    boolean appendable = true;

    Counting(Path path) {
      inner = MemoryStores.dataset(path);
    }

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
      writes++;
      inner.write(ds);
    }

    @Override
    public boolean append(String dim, Dataset tail) {
      if (!appendable || !inner.append(dim, tail)) return false;
      appends++;
      return true;
    }
  }

  @Test
  void aCampaignAlongTheOutermostDimensionIsAppended() {
    Counting store = new Counting(dir.resolve("c.nc"));
    Harvester h = Harvester.builder(runner(), store).build();
    h.harvestCombos(slab(0));
    for (int a = 1; a < 6; a++) h.harvestCombos(slab(a));
    h.harvestCombos(slab(8, 7)); // unsorted new labels still come after the stored ones
    assertEquals(1, store.writes);
    assertEquals(6, store.appends);
    Dataset want = runner().runCombos(slab(0, 1, 2, 3, 4, 5, 7, 8));
    assertIdentical(want, h.fullDataset());
    assertIdentical(want, store.read());
    assertIdentical(want, Harvester.builder(runner(), store).build().fullDataset());
  }

  @Test
  void harvestsThatInsertOrOverlapAreMergedAndRewritten() {
    Counting store = new Counting(dir.resolve("m.nc"));
    Harvester h = Harvester.builder(runner(), store).build();
    h.harvestCombos(slab(0, 2));
    h.harvestCombos(slab(1)); // inserted before the last label
    h.harvestCombos(grid(List.of(3), 5, 3)); // another dimension grows
    h.harvestCombos(slab(3), MergePolicy.NEW_WINS); // overlaps
    assertEquals(4, store.writes);
    assertEquals(0, store.appends);
    Dataset merged = runner().runCombos(slab(0, 1, 2)).merge(runner().runCombos(grid(List.of(3), 5, 3)));
    assertIdentical(merged, h.fullDataset());
    assertIdentical(merged, store.read());
  }

  @Test
  void aStoreThatCannotAppendIsRewritten() {
    Counting store = new Counting(dir.resolve("r.nc"));
    store.appendable = false;
    Harvester h = Harvester.builder(runner(), store).build();
    for (int a = 0; a < 3; a++) h.harvestCombos(slab(a));
    assertEquals(3, store.writes);
    assertIdentical(runner().runCombos(slab(0, 1, 2)), store.read());
  }

  @Test
  void anIntegerOutputAppendedToAFloatVariableIsConverted() {
    Runner ints = Runner.builder(args -> args.getInt("a") * 10 + args.getInt("b")).vars("y")
        .options(RunOptions.builder().verbosity(0).onError(OnError.CONTINUE).build()).build();
    Runner gappy = Runner.builder(args -> {
      if (args.getInt("b") == 1) throw new IllegalStateException("gap");
      return args.getInt("a") * 10 + args.getInt("b");
    }).vars("y").options(RunOptions.builder().verbosity(0).onError(OnError.CONTINUE).build()).build();
    Counting store = new Counting(dir.resolve("i.nc"));
    Combos first = Combos.builder().add("a", 0).add("b", 0, 1).build();
    Harvester.builder(gappy, store).build().harvestCombos(first); // float64, a gap at b = 1
    Harvester h = Harvester.builder(ints, store).build();
    h.harvestCombos(Combos.builder().add("a", 1).add("b", 0, 1).build()); // int32
    assertEquals(1, store.appends);
    assertEquals(dev.sweep.data.DType.DOUBLE, store.read().variable("y").type());
    assertIdentical(gappy.runCombos(first).merge(ints.runCombos(Combos.builder().add("a", 1).add("b", 0, 1).build())),
        store.read());
  }

  @Test
  void checkpointsGoToAJournalAndTheFileIsWrittenOnceAtTheEnd() throws Exception {
    Counting store = new Counting(dir.resolve("k.nc"));
    Harvester h = Harvester.builder(runner(), store).saveEvery(7).build();
    Combos c = grid(List.of(0, 1, 2, 3, 4), 4, 3); // 60 runs, 9 batches
    Dataset got = h.harvestCombos(c);
    assertEquals(1, store.writes);
    assertIdentical(runner().runCombos(c), got);
    assertIdentical(got, store.read());
    try (var files = Files.list(dir)) {
      assertEquals(List.of(dir.resolve("k.nc.lock")), files.toList(), "the journal is gone");
    }
    h.harvestCombos(slab(5)); // and the next harvest appends
    assertEquals(1, store.appends);
  }

  @Test
  void aDeadHarvestsJournalIsMergedByTheNextHarvester() throws Exception {
    Counting store = new Counting(dir.resolve("d.nc"));
    Harvester.builder(runner(), store).build().harvestCombos(slab(0));
    // A harvest that saved two checkpoints and died.
    Journal j = Journal.create(store.path(), MergePolicy.FAIL_ON_CONFLICT);
    j.write(runner().runCombos(slab(1)), 12);
    j.write(runner().runCombos(slab(2)), 12);
    j.release();
    Harvester next = Harvester.builder(runner(), store).build();
    Dataset want = runner().runCombos(slab(0, 1, 2));
    assertIdentical(want, next.fullDataset());
    assertIdentical(want, store.read()); // merged into the file on load
    assertFalse(Files.exists(j.path()));
    // One that dies while a live harvester works on the file is merged at that harvester's next sync.
    Journal k = Journal.create(store.path(), MergePolicy.FAIL_ON_CONFLICT);
    k.write(runner().runCombos(slab(3)), 12);
    k.release();
    next.harvestCombos(slab(4));
    assertIdentical(runner().runCombos(slab(0, 1, 2, 3, 4)), store.read());
    assertFalse(Files.exists(k.path()));
  }

  @Test
  void aConflictAtACheckpointStopsTheHarvestAndKeepsTheEarlierBatches() {
    Counting store = new Counting(dir.resolve("x.nc"));
    Harvester.builder(runner(), store).build().harvestCombos(slab(3));
    Runner other = Runner.builder(args -> -1.0).vars("y").options(QUIET).build();
    Harvester h = Harvester.builder(other, store).saveEvery(12).build();
    var e = assertThrows(MergeConflictException.class, () -> h.harvestCombos(slab(0, 1, 2, 3, 4)));
    assertTrue(e.getMessage().startsWith("variable 'y' conflicts at "), e.getMessage());
    Dataset file = store.read();
    assertEquals(Index.ofInts(0, 1, 2, 3), file.coord("a"), "the three batches before the clash are saved");
    assertEquals(-1.0, file.doubleValue("y", Map.of("a", 2, "b", 0, "c", 0)));
    assertEquals(3000.0, file.doubleValue("y", Map.of("a", 3, "b", 0, "c", 0)));
  }

  @Test
  void aFailedRunUnderStopKeepsTheCompletedBatches() {
    Counting store = new Counting(dir.resolve("s.nc"));
    Runner failsAt2 = Runner.builder(args -> {
      if (args.getInt("a") == 2 && args.getInt("b") == 1) throw new IllegalStateException("crash");
      return 1.0;
    }).vars("y").options(QUIET).build();
    Harvester h = Harvester.builder(failsAt2, store).saveEvery(5).build();
    assertThrows(dev.sweep.run.RunFailedException.class, () -> h.harvestCombos(slab(0, 1, 2, 3)));
    // Batches [0, 5) .. [20, 25) completed; the batch [25, 30) holding a=2, b=1 did not.
    Dataset file = store.read();
    assertEquals(Index.ofInts(0, 1, 2), file.coord("a"));
    assertEquals(25, countValues(file));
  }

  static long countValues(Dataset ds) {
    long n = 0;
    for (double v : ds.variable("y").toDoubleArray()) if (!Double.isNaN(v)) n++;
    return n;
  }

  /** A runner over a, b, c whose run at a = blockAt, b = c = 0 waits for an interrupt, after saying so. */
  static final class Blocking {
    final CountDownLatch reached = new CountDownLatch(1);
    final AtomicInteger done = new AtomicInteger();

    Runner runner(int blockAt, RunOptions options) {
      return Runner.builder(args -> {
        int a = args.getInt("a");
        if (a == blockAt && args.getInt("b") == 0 && args.getInt("c") == 0) {
          reached.countDown();
          new CountDownLatch(1).await();
        }
        done.incrementAndGet();
        return f(a, args.getInt("b"), args.getInt("c"));
      }).vars("y").options(options).build();
    }
  }

  /** Harvests on a thread of its own and interrupts it once the blocking run is reached. */
  static Throwable interruptHarvest(Blocking b, Harvester h, Combos c, boolean[] flagAfter) throws Exception {
    CompletableFuture<Throwable> out = new CompletableFuture<>();
    Thread t = new Thread(() -> {
      try {
        h.harvestCombos(c);
        out.complete(null);
      } catch (Throwable e) {
        flagAfter[0] = Thread.currentThread().isInterrupted();
        out.complete(e);
      }
    }, "harvesting");
    t.start();
    assertTrue(b.reached.await(1, TimeUnit.MINUTES));
    t.interrupt();
    return out.get(1, TimeUnit.MINUTES);
  }

  @Test
  void anInterruptedHarvestSavesTheCompletedRunsAndSaysSo() throws Exception {
    for (OnError policy : OnError.values()) {
      for (long saveEvery : new long[] {0, 5}) {
        Blocking b = new Blocking();
        Runner r = b.runner(2, RunOptions.builder().verbosity(0).onError(policy).build());
        Counting store = new Counting(dir.resolve("int-" + policy + "-" + saveEvery + ".nc"));
        Harvester.Builder builder = Harvester.builder(r, store);
        if (saveEvery > 0) builder.saveEvery(saveEvery);
        Harvester h = builder.build();
        boolean[] flag = new boolean[1];
        Throwable e = interruptHarvest(b, h, slab(0, 1, 2, 3), flag);
        String where = policy + ", saveEvery " + saveEvery;
        assertTrue(e instanceof SweepInterruptedException, where + ": " + e);
        assertTrue(flag[0], where + ": the interrupt status is set again");
        assertEquals("the harvest into " + store.path() + " was interrupted after 24 of 48 runs; the completed runs "
            + "are saved, the others are missing", e.getMessage(), where);
        assertEquals(24, b.done.get(), where + ": no run starts after the interrupt");
        Dataset file = store.read();
        assertEquals(Index.ofInts(0, 1), file.coord("a"), where);
        assertEquals(24, countValues(file), where);
        assertIdentical(file, ((SweepInterruptedException) e).dataset().orElseThrow());
        assertIdentical(file, h.fullDataset());
        h.harvestCombos(slab(4)); // the harvester goes on working
      }
    }
  }

  @Test
  void deleteAlsoDeletesTheCheckpointsOfDeadHarvests() throws Exception {
    Counting store = new Counting(dir.resolve("del.nc"));
    Harvester h = Harvester.builder(runner(), store).build();
    h.harvestCombos(slab(0));
    Journal j = Journal.create(store.path(), MergePolicy.FAIL_ON_CONFLICT);
    j.write(runner().runCombos(slab(1)), 12);
    j.release();
    h.delete(false);
    assertFalse(Files.exists(j.path()));
    h.harvestCombos(slab(5));
    assertEquals(Index.ofInts(5), store.read().coord("a"), "the dead harvest's checkpoint does not come back");
  }
}
