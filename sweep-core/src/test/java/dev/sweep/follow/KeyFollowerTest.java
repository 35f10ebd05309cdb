package dev.sweep.follow;

import static org.junit.jupiter.api.Assertions.*;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/** swmr_tools' KeyFollower tests, ported, and the follower's own rules, on a source held in memory. */
class KeyFollowerTest {
  private static final long U = -1; // an unlimited dimension
  private final FakeTime time = new FakeTime();

  private KeyFollower.Builder follower(MemoryFollowSource source, String... keys) {
    return KeyFollower.builder(source).keys(keys).timeout(Duration.ofSeconds(1)).sleeper(time);
  }

  static List<Long> drain(java.util.PrimitiveIterator.OfLong it) {
    List<Long> out = new ArrayList<>();
    while (it.hasNext()) out.add(it.nextLong());
    return out;
  }

  static List<Long> range(long n) {
    return LongStream.range(0, n).boxed().toList();
  }

  @Test
  void firstFrameNeedsEveryKey() {
    MemoryFollowSource s = new MemoryFollowSource().create("a", 10).create("b", 10);
    s.set("a", 0, 1);
    s.set("b", 1, 1);
    KeyFollower kf = follower(s, "a", "b").build();
    assertEquals(List.of(), drain(kf));
    assertTrue(kf.timedOut());
    s.set("b", 0, 1);
    kf.reset();
    assertEquals(List.of(0L), drain(kf));
  }

  @Test
  void firstFrameOfJaggedKeys() {
    MemoryFollowSource s = new MemoryFollowSource().put("a", new long[] {4}, new long[] {U}, 1, 1, 1, 1)
        .put("b", new long[] {2}, new long[] {U}, 1, 1);
    KeyFollower kf = follower(s, "a", "b").build();
    assertEquals(List.of(0L, 1L), drain(kf), "zero-padded to the longest: frames 2 and 3 lack key b");
    assertEquals(StopReason.TIMED_OUT, kf.stopReason().orElseThrow());
  }

  @Test
  void iteratesACompleteDatasetAndStopsWithoutATimeout() {
    MemoryFollowSource s = new MemoryFollowSource().create("k", 5, 10).fill("k", 50);
    KeyFollower kf = follower(s, "k").build();
    assertEquals(2, kf.scanRank());
    assertArrayEquals(new long[] {5, 10}, kf.scanShape());
    assertEquals(range(50), drain(kf));
    assertEquals(StopReason.COMPLETE, kf.stopReason().orElseThrow());
    assertTrue(kf.areKeysComplete());
    assertEquals(0, time.now, "a complete scan never waits");
  }

  @Test
  void keysWithTrailingOnesHaveTheScanRank() {
    MemoryFollowSource s = new MemoryFollowSource().create("k", 2, 4, 1, 1).fill("k", 8);
    KeyFollower kf = follower(s, "k").build();
    assertEquals(2, kf.scanRank());
    assertEquals(range(8), drain(kf));
  }

  @Test
  void incompleteStopsAtTheFirstZeroAfterTheTimeoutPollingEveryTwentieth() {
    MemoryFollowSource s = new MemoryFollowSource().create("k", 5, 10).fill("k", 25);
    KeyFollower kf = follower(s, "k").build();
    assertEquals(range(25), drain(kf));
    assertTrue(kf.timedOut());
    assertFalse(kf.finishedSet());
    assertEquals(1000, time.millis(), "one wait of the whole timeout");
    assertEquals(20, time.sleeps.size());
    assertTrue(time.sleeps.stream().allMatch(n -> n == 50_000_000L), "polls every timeout/20: " + time.sleeps);
    assertEquals(1 + 21, kf.polls(), "the build's poll, one at once when the keys run out, one after each sleep");
    assertEquals(24, kf.currentMax());
    assertFalse(kf.areKeysComplete());
  }

  @Test
  void multipleIncompleteKeysTheMinimumWins() {
    MemoryFollowSource s = new MemoryFollowSource().create("a", 5, 10).create("b", 5, 10).create("c", 5, 10)
        .fill("a", 25).fill("b", 20).fill("c", 50);
    assertEquals(range(20), drain(follower(s, "a", "b", "c").build()));
  }

  @Test
  void aSnakeScanYieldsOnlyTheContiguousPrefix() {
    MemoryFollowSource s = new MemoryFollowSource().create("k", 5, 10).fill("k", 20);
    for (int i = 25; i < 30; i++) s.set("k", i, 1); // row 2, written right to left, half done
    assertEquals(range(20), drain(follower(s, "k").build()));
  }

  @Test
  void keysOneOneZeroOneGiveTwoFramesThenATimeout() {
    MemoryFollowSource s = new MemoryFollowSource().put("k", new long[] {4}, new long[] {4}, 1, 1, 0, 1);
    KeyFollower kf = follower(s, "k").build();
    assertEquals(List.of(0L, 1L), drain(kf));
    assertTrue(kf.timedOut());
  }

  @Test
  void nanKeysAreNotWritten() {
    MemoryFollowSource s = new MemoryFollowSource().put("k", new long[] {3}, new long[] {3}, 1, Double.NaN, 1);
    assertEquals(List.of(0L), drain(follower(s, "k").build()));
  }

  @Test
  void readsUpdatesWhileIterating() {
    MemoryFollowSource s = new MemoryFollowSource().create("k", 5, 10).fill("k", 25);
    time.at(300, () -> s.fill("k", 50));
    KeyFollower kf = follower(s, "k").build();
    assertEquals(range(50), drain(kf));
    assertEquals(StopReason.COMPLETE, kf.stopReason().orElseThrow());
    assertEquals(300, time.millis(), "frame 25 came at the first poll after the writer wrote it");
  }

  @Test
  void theTimeoutCountsPerWait() {
    MemoryFollowSource s = new MemoryFollowSource().create("k", new long[] {10}, new long[] {10}).fill("k", 2);
    time.at(900, () -> s.fill("k", 4));
    time.at(1800, () -> s.fill("k", 6));
    KeyFollower kf = follower(s, "k").build();
    assertEquals(range(6), drain(kf), "each wait shorter than the timeout, their sum longer");
    assertTrue(kf.timedOut());
    assertEquals(2800, time.millis());
  }

  @Test
  void refreshMaxAndComplete() {
    MemoryFollowSource s = new MemoryFollowSource().create("k", 5, 10).fill("k", 25);
    KeyFollower kf = follower(s, "k").build();
    assertEquals(24, kf.currentMax());
    assertFalse(kf.areKeysComplete());
    s.fill("k", 50);
    assertEquals(24, kf.currentMax(), "unchanged until a poll");
    assertEquals(49, kf.refresh());
    assertTrue(kf.areKeysComplete());
  }

  @Test
  void anUpdateThatGrowsTheSlowestDimensionIsFollowed() {
    MemoryFollowSource s = new MemoryFollowSource().create("k", new long[] {2, 5}, new long[] {U, 5}).fill("k", 10);
    time.at(200, () -> s.resize("k", 4, 5).fill("k", 20));
    KeyFollower kf = follower(s, "k").build();
    assertEquals(range(20), drain(kf));
    assertArrayEquals(new long[] {4, 5}, kf.scanShape());
    assertFalse(kf.areKeysComplete(), "an unlimited key can always grow");
    assertTrue(kf.timedOut());
  }

  @Test
  void aKeyGrowingInItsFastestDimensionFailsNamingTheDatasetAndBothShapes() {
    MemoryFollowSource s = new MemoryFollowSource().create("k", new long[] {2, 2}, new long[] {U, U}).fill("k", 4);
    KeyFollower kf = follower(s, "k").build();
    assertEquals(range(4), List.of(kf.nextLong(), kf.nextLong(), kf.nextLong(), kf.nextLong()));
    s.resize("k", 2, 3).fill("k", 6);
    FollowException e = assertThrows(FollowException.class, kf::hasNext);
    assertEquals("the key dataset 'k' of the memory file grew in dimension 1, not only its first (slowest): from "
        + "[2, 2] to [2, 3]. The flat indices already yielded would now stand for other scan points; a writer must "
        + "grow a scan along its slowest dimension only", e.getMessage());
  }

  @Test
  void theFinishedFlagStopsAfterOneMorePollWithoutATimeout() {
    MemoryFollowSource s = new MemoryFollowSource().create("k", new long[] {10}, new long[] {U}).fill("k", 5)
        .create("finished", 1);
    time.at(100, () -> s.set("finished", 0, 1));
    KeyFollower kf = follower(s, "k").finished("finished").build();
    assertEquals(range(5), drain(kf));
    assertEquals(StopReason.FINISHED, kf.stopReason().orElseThrow());
    assertTrue(kf.finishedSet());
    assertFalse(kf.timedOut());
    assertEquals(100, time.millis());
    assertEquals(1 + 1 + 2 + 1, kf.polls(), "build, at once, two sleeps of 50 ms, then the extra poll");
  }

  @Test
  void framesWrittenWithTheFlagAreStillYielded() {
    MemoryFollowSource s = new MemoryFollowSource().create("k", new long[] {10}, new long[] {U}).fill("k", 5)
        .create("finished", 1);
    time.at(100, () -> s.fill("k", 10).set("finished", 0, 1));
    KeyFollower kf = follower(s, "k").finished("finished").build();
    assertEquals(range(10), drain(kf));
    assertEquals(StopReason.FINISHED, kf.stopReason().orElseThrow());
  }

  @Test
  void resetStartsAgain() {
    MemoryFollowSource s = new MemoryFollowSource().create("k", 6).fill("k", 3);
    KeyFollower kf = follower(s, "k").build();
    assertEquals(range(3), drain(kf));
    kf.reset();
    assertFalse(kf.stopReason().isPresent());
    assertEquals(range(3), drain(kf));
  }

  @Test
  void rowFollowerYieldsTheLastIndexOfEachCompleteRow() {
    MemoryFollowSource s = new MemoryFollowSource().create("k", 5, 10).fill("k", 25);
    RowKeyFollower rows = RowKeyFollower.of(follower(s, "k").build());
    assertEquals(10, rows.rowSize());
    assertEquals(List.of(9L, 19L), drain(rows));
    assertEquals(StopReason.TIMED_OUT, rows.stopReason().orElseThrow());

    MemoryFollowSource full = new MemoryFollowSource().create("k", 5, 10).fill("k", 50);
    assertEquals(List.of(9L, 19L, 29L, 39L, 49L), drain(RowKeyFollower.of(follower(full, "k").build())));
  }

  @Test
  void rowFollowerOverFlatUnlimitedKeysNeedsTheRowSize() {
    MemoryFollowSource s = new MemoryFollowSource().create("k", new long[] {30}, new long[] {U}).fill("k", 25);
    KeyFollower kf = follower(s, "k").build();
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> RowKeyFollower.of(kf));
    assertEquals("the keys [k] have scan shape [30], of rank 1: give the row size, RowKeyFollower.of(keys, rowSize)",
        e.getMessage());
    assertEquals(List.of(9L, 19L), drain(RowKeyFollower.of(kf, 10)));
    assertEquals("rowSize was 0; expected a positive number of frames",
        assertThrows(IllegalArgumentException.class, () -> RowKeyFollower.of(kf, 0)).getMessage());
  }

  // ---- bad input ----

  @Test
  void aMissingKeyListsWhatTheFileHolds() {
    MemoryFollowSource s = new MemoryFollowSource().create("data", 4, 3).create("keys/key_1", 4);
    FollowException e = assertThrows(FollowException.class, () -> follower(s, "keys/key_2").build());
    assertEquals("no key dataset 'keys/key_2' in the memory file; it holds data, keys/key_1", e.getMessage());
    FollowException f = assertThrows(FollowException.class,
        () -> follower(s, "keys/key_1").finished("done").build());
    assertEquals("no finished flag dataset 'done' in the memory file; it holds data, keys/key_1", f.getMessage());
  }

  @Test
  void keysOfDifferentRanksAreRefused() {
    MemoryFollowSource s = new MemoryFollowSource().create("a", 2, 4).create("b", 8);
    FollowException e = assertThrows(FollowException.class, () -> follower(s, "a", "b").build());
    assertEquals("the key datasets of the memory file have different ranks: 'a' has scan rank 2 (shape [2, 4]), "
        + "'b' has 1 (shape [8])", e.getMessage());
  }

  @Test
  void keysThatDifferInAFastDimensionAreRefused() {
    MemoryFollowSource s = new MemoryFollowSource().create("a", 2, 4).create("b", 2, 3);
    FollowException e = assertThrows(FollowException.class, () -> follower(s, "a", "b").build());
    assertEquals("the key datasets 'a' [2, 4] and 'b' [2, 3] of the memory file differ in dimension 1; keys may "
        + "differ only in their first (slowest) dimension", e.getMessage());
  }

  @Test
  void aScalarKeyIsRefused() {
    MemoryFollowSource s = new MemoryFollowSource().create("k");
    assertEquals("the key dataset 'k' in the memory file is a scalar; key datasets have the scan's shape, one value "
        + "per frame", assertThrows(FollowException.class, () -> follower(s, "k").build()).getMessage());
  }

  @Test
  void builderChecksItsValues() {
    MemoryFollowSource s = new MemoryFollowSource().create("k", 3);
    KeyFollower.Builder b = KeyFollower.builder(s);
    assertEquals("timeout was PT0S; expected a positive duration",
        assertThrows(IllegalArgumentException.class, () -> b.timeout(Duration.ZERO)).getMessage());
    assertEquals("poll interval was PT-1S; expected a positive duration",
        assertThrows(IllegalArgumentException.class, () -> b.pollInterval(Duration.ofSeconds(-1))).getMessage());
    assertEquals("key path was blank; expected a dataset path",
        assertThrows(IllegalArgumentException.class, () -> b.keys(" ")).getMessage());
    assertEquals("no key dataset was given; call keys(...)",
        assertThrows(IllegalStateException.class, b::build).getMessage());
    b.keys("k");
    assertEquals("key path 'k' was given twice", assertThrows(IllegalArgumentException.class, () -> b.keys("k")).getMessage());
    b.timeout(Duration.ofSeconds(1)).pollInterval(Duration.ofSeconds(2));
    assertEquals("poll interval PT2S exceeds the timeout PT1S; expected at most the timeout",
        assertThrows(IllegalStateException.class, b::build).getMessage());
  }
}
