package dev.sweep.traj;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sweep.data.DType;
import dev.sweep.data.Dataset;
import dev.sweep.data.Index;
import dev.sweep.store.RecordStore;
import dev.sweep.testing.MemoryStores;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** The trajectory storage over memory and over any record store: py-pde's and PySDE's protocols. */
class TrajectoryTest {
  /** A state: field u over x (labelled 1, 2, 3), values k, k + 0.1, k + 0.2. */
  static Dataset state(double k) {
    return Dataset.builder().coord("x", Index.ofInts(1, 2, 3))
        .variable("u", List.of("x"), Nd4j.createFromArray(k, k + 0.1, k + 0.2)).build();
  }

  /** A collection: u as above and a scalar field e = 2k. */
  static Dataset collection(double k) {
    return state(k).toBuilder().variable("e", List.of(), Nd4j.scalar(2 * k)).build();
  }

  /**
   * Opens one memory store again for reading and appending, as a file would be reopened, and a new one
   * when asked to truncate; closing what it opened leaves the records there for the next opening.
   */
  static final class Reopened implements Function<RecordStore.Mode, RecordStore> {
    RecordStore current = MemoryStores.records(Path.of("memory"));
    int truncations;

    @Override
    public RecordStore apply(RecordStore.Mode mode) {
      if (mode == RecordStore.Mode.TRUNCATE) {
        current = MemoryStores.records(Path.of("memory"));
        truncations++;
      }
      RecordStore records = current;
      return new RecordStore() {
        @Override public Path path() { return records.path(); }
        @Override public String recordDim() { return records.recordDim(); }
        @Override public long size() { return records.size(); }
        @Override public Dataset read() { return records.read(); }
        @Override public Dataset read(long from, long to) { return records.read(from, to); }
        @Override public void append(Dataset r) { records.append(r); }
        @Override public long refresh() { return records.refresh(); }
        @Override public Mode mode() { return mode; }
        @Override public void close() {}
      };
    }
  }

  static List<Trajectory> everyStorage() {
    return List.of(Trajectory.builder().chunkSize(3).build(),
        Trajectory.builder().chunkSize(3).store(new Reopened()).build());
  }

  @Test
  void writesAndReadsStatesInMemoryAndThroughARecordStore() {
    for (Trajectory t : everyStorage()) {
      t.startWriting(state(0), Map.of("model", "diffusion"));
      for (int k = 0; k < 8; k++) t.append(state(k), k * 0.5);
      assertEquals(8, t.size(), t.toString());
      t.endWriting();
      assertEquals(List.of("u"), t.fields());
      assertArrayEquals(new double[] {0, 0.5, 1, 1.5, 2, 2.5, 3, 3.5}, t.times());
      assertEquals(state(3), t.get(3));
      assertEquals(state(7), t.get(-1));
      assertEquals(state(0), t.get(-8));
      assertEquals(3.5, t.time(-1));
      assertEquals("diffusion", t.info().get("model"));
      IndexOutOfBoundsException e = assertThrows(IndexOutOfBoundsException.class, () -> t.get(8));
      assertTrue(e.getMessage().startsWith("state 8 of the "), e.getMessage());
      assertTrue(e.getMessage().endsWith(", which holds 8 states: expected -8 <= i < 8"), e.getMessage());
      assertThrows(IndexOutOfBoundsException.class, () -> t.get(-9));

      Dataset all = t.toDataset();
      assertEquals(List.of("time", "x"), all.dims());
      assertEquals(Index.ofDoubles(0, 0.5, 1, 1.5, 2, 2.5, 3, 3.5), all.coord("time"));
      assertEquals(List.of("time", "x"), all.variable("u").dims());
      assertEquals(5.2, all.doubleValue("u", Map.of("time", 2.5, "x", 3)), 1e-12);
      assertEquals("diffusion", all.attrs().get("model"));

      Dataset part = t.slice(2, -3);
      assertEquals(Index.ofDoubles(1, 1.5, 2), part.coord("time"));
      assertEquals(2.1, part.doubleValue("u", Map.of("time", 1.0, "x", 2)), 1e-12);
      assertThrows(IndexOutOfBoundsException.class, () -> t.slice(3, 9));

      List<Double> seen = new ArrayList<>();
      for (Frame f : t) {
        assertEquals(state(f.time() * 2), f.state());
        seen.add(f.time());
      }
      assertEquals(List.of(0.0, 0.5, 1.0, 1.5, 2.0, 2.5, 3.0, 3.5), seen);
    }
  }

  @Test
  void anEmptyTrajectoryReadsAsEmpty() {
    for (Trajectory t : everyStorage()) {
      assertEquals(0, t.size());
      assertEquals(List.of(), t.fields());
      assertEquals(0, t.times().length);
      assertEquals(Map.of("time", 0), t.toDataset().sizes());
      assertFalse(t.iterator().hasNext());
      IllegalStateException e = assertThrows(IllegalStateException.class, t::values);
      assertTrue(e.getMessage().endsWith("holds no states, so its fields are not known yet"), e.getMessage());
      e = assertThrows(IllegalStateException.class, () -> t.values("u"));
      assertTrue(e.getMessage().endsWith("holds no states, so its fields are not known yet"), e.getMessage());
    }
  }

  @Test
  void readingSeesBufferedStatesBeforeAnyFlush() {
    Trajectory t = Trajectory.builder().chunkSize(100).build();
    t.startWriting(state(0));
    t.append(state(0), 0);
    t.append(state(1), 1);
    assertEquals(2, t.size());
    assertEquals(state(1), t.get(1));
    assertEquals(Index.ofDoubles(0, 1), t.toDataset().coord("time"));
  }

  @Test
  void theDefaultTimeIsZeroThenTheLastPlusOne() {
    Trajectory t = Trajectory.inMemory();
    t.startWriting(state(0));
    t.append(state(0));
    t.append(state(1));
    t.append(state(2), 10);
    t.append(state(3));
    assertArrayEquals(new double[] {0, 1, 10, 11}, t.times());
  }

  @Test
  void truncateOnceClearsAtTheFirstStartAndAppendsAfter() {
    Reopened stores = new Reopened();
    stores.current.append(Dataset.builder().dim("time", 1).coord("x", Index.ofInts(1, 2, 3))
        .variable("time", List.of("time"), Nd4j.createFromArray(5.0))
        .variable("u", List.of("time", "x"), Nd4j.createFromArray(new double[][] {{9, 9, 9}})).build());
    Trajectory t = Trajectory.builder().store(stores).build();
    assertEquals(1, t.size(), "the old session's state is there before writing");
    for (int session = 0; session < 3; session++) {
      t.startWriting(state(session));
      t.append(state(session), session);
      t.endWriting();
    }
    assertEquals(3, t.size(), "py-pde's storage_write: three truncate_once sessions hold three states");
    assertEquals(1, stores.truncations);
    assertEquals(state(2), t.get(2));
  }

  @Test
  void truncateClearsEveryTimeAndAppendKeepsEverything() {
    Trajectory truncating = Trajectory.builder().writeMode(WriteMode.TRUNCATE).build();
    Trajectory appending = Trajectory.builder().writeMode(WriteMode.APPEND).build();
    for (Trajectory t : List.of(truncating, appending)) {
      for (int session = 0; session < 3; session++) {
        t.startWriting(state(session));
        t.append(state(session), session);
        t.append(state(session + 0.5), session + 0.5);
        t.endWriting();
      }
    }
    assertArrayEquals(new double[] {2, 2.5}, truncating.times());
    assertArrayEquals(new double[] {0, 0.5, 1, 1.5, 2, 2.5}, appending.times());
  }

  @Test
  void appendModeContinuesAStoreThatHoldsStates() {
    Reopened stores = new Reopened();
    try (Trajectory first = Trajectory.builder().store(stores).chunkSize(2).info("a", 1).build()) {
      first.startWriting(state(0));
      for (int k = 0; k < 3; k++) first.append(state(k), k);
    }
    Trajectory again = Trajectory.builder().store(stores).writeMode(WriteMode.APPEND).build();
    assertEquals(3, again.size());
    assertEquals(1, again.info().get("a"), "the stored information is read back");
    again.startWriting(state(3));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> again.append(state(3), 2));
    assertEquals("the time 2.0 does not increase: the last state is at t=2.0 (Builder.allowNonIncreasingTimes() "
        + "allows it)", e.getMessage());
    again.append(state(3), 3);
    again.endWriting();
    assertArrayEquals(new double[] {0, 1, 2, 3}, again.times());
    assertEquals(1, stores.truncations, "only the first trajectory, truncating once, cleared the store");

    Trajectory other = Trajectory.builder().store(stores).writeMode(WriteMode.APPEND).build();
    e = assertThrows(IllegalArgumentException.class, () -> other.startWriting(collection(0)));
    assertTrue(e.getMessage().startsWith("the example state has the fields 'u' float64 (x) [3], 'e' float64 () [] "
        + "but the trajectory in a record store holds states with 'u' float64 (x) [3]"), e.getMessage());
  }

  @Test
  void pysdesStoreKeepsEveryStrideAndFlushesAsSoonAsAChunkIsFull() {
    Reopened stores = new Reopened();
    Trajectory t = Trajectory.builder().store(stores).stride(2).chunkSize(3).field("x", "component", "trajectory")
        .build();
    for (int it = 0; it < 10; it++) {
      INDArray data = Nd4j.ones(DataType.DOUBLE, 2, 4).muli(it);
      t.store(it * 0.1, data, it);
      if (it == 4) assertEquals(3, stores.current.size(), "the chunk is written by the call that fills it");
    }
    assertEquals(5, t.size());
    assertEquals(3, stores.current.size(), "the last two states are buffered");
    Values before = t.values(); // PySDE: values() before the rest is flushed
    assertArrayEquals(new long[] {2, 4, 5}, before.data().shape());
    assertArrayEquals(new long[] {5, 2, 4}, before.timeFirst().shape());
    assertArrayEquals(new double[] {0, 0.2, 0.4, 0.6000000000000001, 0.8}, before.times(), 1e-12);
    assertEquals(8.0, before.data().getDouble(1, 3, 4));
    Values twice = t.values(); // PySDE's second values() raised
    assertEquals(before.data(), twice.data());
    t.save();
    t.save(); // idempotent
    assertEquals(5, stores.current.size());
    assertEquals(before.data(), t.values().data(), "values() after save()");
    t.store(1.0, Nd4j.ones(DataType.DOUBLE, 2, 4).muli(10), 10); // writing goes on after save
    assertEquals(6, t.size());
  }

  @Test
  void aStoredStateIsACopyOfTheCallersArray() {
    Trajectory t = Trajectory.builder().field("x").build();
    INDArray data = Nd4j.createFromArray(1.0, 2.0);
    t.store(0, data, 0);
    data.putScalar(0, 99.0); // the integrator updates its state in place
    assertEquals(1.0, t.get(0).variable("x").getDouble(0));
  }

  @Test
  void strideAndChunkSizeMustBePositive() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Trajectory.builder().stride(0));
    assertEquals("stride is 0; expected a positive number of iterations between stored states", e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> Trajectory.builder().chunkSize(-5));
    assertEquals("chunkSize is -5; expected a positive number of states per chunk", e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> Trajectory.inMemory().store(0, Nd4j.ones(2), -1));
    assertEquals("iteration is -1; expected the integrator's iteration number, >= 0", e.getMessage());
  }

  @Test
  void aStateUnlikeTheFirstIsRefusedNamingBoth() {
    Trajectory t = Trajectory.inMemory();
    t.startWriting(state(0));
    t.append(state(0), 0);
    Dataset longer = Dataset.builder().variable("u", List.of("x"), Nd4j.createFromArray(1.0, 2.0, 3.0, 4.0)).build();
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> t.append(longer, 1));
    assertEquals("the state at t=1.0 has field 'u' float64 (x) [4] but the first state has 'u' float64 (x) [3]",
        e.getMessage());
    Dataset floats = Dataset.builder().variable("u", List.of("x"), Nd4j.createFromArray(1f, 2f, 3f)).build();
    e = assertThrows(IllegalArgumentException.class, () -> t.append(floats, 1));
    assertEquals("the state at t=1.0 has field 'u' float32 (x) [3] but the first state has 'u' float64 (x) [3]",
        e.getMessage());
    Dataset renamed = Dataset.builder().variable("u", List.of("y"), Nd4j.createFromArray(1.0, 2.0, 3.0)).build();
    e = assertThrows(IllegalArgumentException.class, () -> t.append(renamed, 1));
    assertEquals("the state at t=1.0 has field 'u' float64 (y) [3] but the first state has 'u' float64 (x) [3]",
        e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> t.append(collection(1), 1));
    assertEquals("the state at t=1.0 has the fields [u, e] but the first state has [u]", e.getMessage());
    Dataset relabelled = state(1).toBuilder().coord("x", Index.ofInts(4, 5, 6)).build();
    e = assertThrows(IllegalArgumentException.class, () -> t.append(relabelled, 1));
    assertEquals("the state at t=1.0 labels dimension 'x' " + Index.ofInts(4, 5, 6) + " but the first state labels it "
        + Index.ofInts(1, 2, 3), e.getMessage());
    assertEquals(1, t.size(), "nothing was stored");
  }

  @Test
  void timesMustIncreaseUnlessAllowed() {
    Trajectory t = Trajectory.inMemory();
    t.startWriting(state(0));
    t.append(state(0), 1);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> t.append(state(1), 0.5));
    assertEquals("the time 0.5 does not increase: the last state is at t=1.0 (Builder.allowNonIncreasingTimes() "
        + "allows it)", e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> t.append(state(1), Double.NaN));
    assertEquals("the time is NaN; expected a finite number", e.getMessage());

    Trajectory any = Trajectory.builder().allowNonIncreasingTimes().build();
    any.startWriting(state(0));
    any.append(state(0), 1);
    any.append(state(1), 1);
    any.append(state(2), 0);
    assertArrayEquals(new double[] {1, 1, 0}, any.times());
    Dataset all = any.toDataset();
    assertArrayEquals(new double[] {1, 1, 0}, all.variable("time").toDoubleArray(), "repeated times stay a variable");
  }

  @Test
  void writingOutOfTurnIsRefused() {
    Trajectory t = Trajectory.inMemory();
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> t.append(state(0), 0));
    assertEquals("cannot append a state before startWriting(...)", e.getMessage());
    t.startWriting(state(0));
    e = assertThrows(IllegalStateException.class, () -> t.startWriting(state(0)));
    assertEquals("the in-memory trajectory is already writing; call endWriting() first", e.getMessage());
    t.append(state(0), 0);
    t.endWriting();
    t.endWriting(); // warns, does nothing
    e = assertThrows(IllegalStateException.class, () -> t.append(state(1), 1));
    assertEquals("cannot append a state after endWriting(): call startWriting(...) to write more", e.getMessage());
    e = assertThrows(IllegalStateException.class, () -> t.store(1, Nd4j.ones(3), 0));
    assertTrue(e.getMessage().startsWith("cannot append a state after endWriting()"), e.getMessage());

    Trajectory readOnly = Trajectory.builder().writeMode(WriteMode.READ_ONLY).build();
    e = assertThrows(IllegalStateException.class, () -> readOnly.startWriting(state(0)));
    assertEquals("the in-memory trajectory is read-only (WriteMode.READ_ONLY); build it with another write mode to "
        + "write", e.getMessage());
    e = assertThrows(IllegalStateException.class, () -> readOnly.store(0, Nd4j.ones(3), 0));
    assertTrue(e.getMessage().contains("read-only"), e.getMessage());
    Trajectory closed = Trajectory.inMemory();
    closed.close();
    e = assertThrows(IllegalStateException.class, () -> closed.startWriting(state(0)));
    assertEquals("the in-memory trajectory is closed", e.getMessage());
  }

  @Test
  void statesTheTrajectoryCannotHoldAreRefused() {
    Trajectory t = Trajectory.inMemory();
    Dataset text = Dataset.builder().dim("x", 1).variable("s", List.of("x"), "a").build();
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> t.startWriting(text));
    assertEquals("field 's' is str; trajectories hold numbers and booleans", e.getMessage());
    Dataset timed = Dataset.builder().variable("u", List.of("time"), Nd4j.ones(2)).build();
    e = assertThrows(IllegalArgumentException.class, () -> t.startWriting(timed));
    assertTrue(e.getMessage().startsWith("the state has the dimension 'time', which is the trajectory's time "
        + "dimension"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> t.startWriting(Dataset.builder().build()));
    assertEquals("the state has no variables; a state holds one variable per field", e.getMessage());
    assertFalse(t.isWriting());
  }

  @Test
  void timeRangesIncludeBothEnds() {
    Trajectory t = Trajectory.inMemory();
    t.startWriting(state(0));
    for (int k = 0; k < 10; k++) t.append(state(k), k * 0.25);
    Trajectory r = t.timeRange(0.5, 1.25);
    assertArrayEquals(new double[] {0.5, 0.75, 1, 1.25}, r.times());
    assertEquals(state(2), r.get(0));
    assertEquals(0, t.timeRange(5, 6).size());
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> t.timeRange(1, 0));
    assertEquals("the time range [1.0, 0.0] is empty or NaN; expected t0 <= t1", e.getMessage());
  }

  @Test
  void oneFieldOfACollectionByNameOrIndex() {
    Trajectory t = Trajectory.builder().chunkSize(2).build();
    t.startWriting(collection(0));
    for (int k = 0; k < 5; k++) t.append(collection(k), k);
    assertEquals(List.of("u", "e"), t.fields());
    Trajectory e = t.field("e");
    assertEquals(List.of("e"), e.fields());
    assertEquals(8.0, e.get(4).variable("e").getDouble());
    assertEquals(t.field(0).get(3), state(3));
    IllegalArgumentException bad = assertThrows(IllegalArgumentException.class, () -> t.field("v"));
    assertEquals("no field 'v'; the fields are [u, e]", bad.getMessage());
    IndexOutOfBoundsException out = assertThrows(IndexOutOfBoundsException.class, () -> t.field(2));
    assertEquals("field 2 of [u, e]: expected 0 <= index < 2", out.getMessage());
    IllegalStateException many = assertThrows(IllegalStateException.class, t::values);
    assertEquals("the in-memory trajectory has the fields [u, e]; name the one to read with values(field)",
        many.getMessage());
    assertArrayEquals(new long[] {3, 5}, t.values("u").data().shape());
  }

  @Test
  void applyAndCopyWriteIntoAnotherStorage() {
    Trajectory t = Trajectory.builder().chunkSize(2).info("k", "v").build();
    t.startWriting(state(0));
    for (int k = 0; k < 5; k++) t.append(state(k), k);
    Trajectory doubled = t.apply((s, time) -> Dataset.builder().coord("x", Index.ofInts(1, 2, 3))
        .variable("u", List.of("x"), s.variable("u").array().mul(2)).build());
    assertEquals(6.4, doubled.get(3).variable("u").getDouble(2), 1e-12);
    assertArrayEquals(t.times(), doubled.times());
    assertEquals("v", doubled.info().get("k"));

    Reopened stores = new Reopened();
    Trajectory out = Trajectory.builder().store(stores).build();
    t.copyTo(out);
    assertEquals(5, stores.current.size(), "copyTo ends the target's writing");
    assertEquals(t.toDataset(), out.toDataset());
    assertEquals(t.toDataset(), t.copy().toDataset());
    Trajectory empty = Trajectory.inMemory();
    assertEquals(0, empty.copy().size(), "copying nothing is fine");
  }

  @Test
  void stateTypesRoundTripExactly() {
    Dataset s = Dataset.builder()
        .variable("b", List.of("i"), Nd4j.createFromArray(true, false, true))
        .variable("n", List.of("i"), Nd4j.createFromArray(1, 2, 3))
        .variable("l", List.of("i"), Nd4j.createFromArray(1L << 40, 2L, 3L))
        .variable("f", List.of("i"), Nd4j.createFromArray(1f, 2f, 3f)).build();
    for (Trajectory t : everyStorage()) {
      t.startWriting(s);
      for (int k = 0; k < 7; k++) t.append(s, k);
      t.endWriting();
      assertEquals(s, t.get(5));
      Dataset all = t.toDataset();
      assertEquals(DType.BOOLEAN, all.variable("b").type());
      assertEquals(DType.LONG, all.variable("l").type());
    }
  }

  @Test
  void aTrackerStoresEveryDtOrEveryNSteps() {
    Trajectory byTime = Trajectory.inMemory();
    Tracker tracker = byTime.tracker(Interval.every(0.1));
    double dt = 0.03;
    for (int step = 0; step <= 20; step++) tracker.handle(state(step), step * dt);
    tracker.finish();
    tracker.finish();
    assertArrayEquals(new double[] {0, 0.12, 0.21, 0.3, 0.42, 0.51, 0.6}, byTime.times(), 1e-12);
    assertFalse(byTime.isWriting());

    Trajectory bySteps = Trajectory.inMemory();
    Tracker every3 = bySteps.tracker(Interval.everySteps(3), (s, t) -> s.toBuilder()
        .variable("t2", List.of(), Nd4j.scalar(2 * t)).build());
    for (int step = 0; step < 10; step++) every3.handle(state(step), step);
    every3.finish();
    assertArrayEquals(new double[] {0, 3, 6, 9}, bySteps.times());
    assertEquals(List.of("u", "t2"), bySteps.fields(), "the transformation's fields are stored");
    assertEquals(18.0, bySteps.get(-1).variable("t2").getDouble());
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> every3.handle(state(0), 20));
    assertEquals("the tracker was finished; make a new one to store more states", e.getMessage());

    Trajectory fromStart = Trajectory.inMemory();
    Tracker grid = fromStart.tracker(Interval.every(1, 2));
    for (int step = 0; step <= 8; step++) grid.handle(state(step), step * 0.5);
    grid.finish();
    assertArrayEquals(new double[] {2, 3, 4}, fromStart.times());
    IllegalArgumentException bad = assertThrows(IllegalArgumentException.class, () -> Interval.every(0));
    assertEquals("dt is 0.0; expected a positive, finite time between stored states", bad.getMessage());
  }

  @Test
  void partsOfAnEnsembleAreGatheredAlongTheEnsembleDimension() {
    List<Trajectory> parts = new ArrayList<>();
    for (int rank = 0; rank < 3; rank++) {
      Trajectory p = Trajectory.builder().field("x", "component", "trajectory").chunkSize(2).build();
      for (int it = 0; it < 5; it++) p.store(it, Nd4j.ones(DataType.DOUBLE, 1, 2 + rank).muli(rank * 10 + it), it);
      parts.add(p);
    }
    Dataset all = Trajectory.gather(parts, "trajectory");
    assertEquals(Map.of("time", 5, "component", 1, "trajectory", 9), all.sizes());
    assertEquals(24.0, all.variable("x").getDouble(4, 0, 8));
    assertEquals(13.0, all.variable("x").getDouble(3, 0, 2));
    Trajectory shorter = Trajectory.builder().field("x", "component", "trajectory").build();
    shorter.store(0, Nd4j.ones(DataType.DOUBLE, 1, 2), 0);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Trajectory.gather(List.of(parts.get(0), shorter), "trajectory"));
    assertEquals("part 1 has other times than part 0: 1 times from 0.0 to 0.0 against 5 times from 0.0 to 4.0; the "
        + "parts of an ensemble share their times", e.getMessage());
    assertEquals(Path.of("out", "ou_p3.nc"), Trajectory.partFile(Path.of("out", "ou.nc"), 3));
  }
}
