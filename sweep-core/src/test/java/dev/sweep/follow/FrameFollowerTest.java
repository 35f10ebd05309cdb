package dev.sweep.follow;

import static org.junit.jupiter.api.Assertions.*;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** swmr_tools' DataSource and FrameReader tests, ported, and the checks of data shapes. */
class FrameFollowerTest {
  private static final long U = -1;
  private final FakeTime time = new FakeTime();

  private FrameFollower.Builder follower(MemoryFollowSource s) {
    return FrameFollower.builder(s).timeout(Duration.ofSeconds(1)).sleeper(time);
  }

  /** A 1-D scan of n points with frames of 2x3, frame i holding i * 100 + 0..5, and its keys. */
  static MemoryFollowSource scan(int n, int written) {
    MemoryFollowSource s = new MemoryFollowSource().create("data", new long[] {n, 2, 3}, new long[] {U, 2, 3})
        .create("key", new long[] {n}, new long[] {U}).fill("key", written);
    for (int i = 0; i < n * 6; i++) s.set("data", i, (i / 6) * 100 + i % 6);
    return s;
  }

  static List<ScanFrame> drain(FrameFollower f) {
    List<ScanFrame> out = new ArrayList<>();
    for (ScanFrame x : f) out.add(x);
    return out;
  }

  @Test
  void yieldsEveryFrameWithItsValuesAndOrigin() {
    FrameFollower f = follower(scan(5, 5)).keys("key").data("image", "data").build();
    List<ScanFrame> frames = drain(f);
    assertEquals(5, frames.size());
    for (int i = 0; i < 5; i++) {
      FrameSlice s = frames.get(i).slice("image");
      assertEquals(i, frames.get(i).index());
      assertArrayEquals(new long[] {1, 2, 3}, s.shape(), "the scan dimension kept as size 1");
      assertArrayEquals(new long[] {i, 0, 0}, s.origin());
      assertEquals(i * 100 * 6 + 15, s.sum(), 0);
      assertEquals(i * 100 + 5, s.array().getDouble(0, 1, 2), 0);
    }
    assertTrue(f.timedOut());
  }

  @Test
  void theFinishedFlagEndsWithoutATimeoutAndWithoutItATimeoutEnds() {
    MemoryFollowSource s = scan(10, 10).create("finished", 1).set("finished", 0, 1);
    FrameFollower finished = follower(s).keys("key").data("data").finished("finished").build();
    assertEquals(10, drain(finished).size());
    assertTrue(finished.finishedSet());
    assertFalse(finished.timedOut());
    assertEquals(0, time.now);

    FrameFollower timeout = follower(scan(10, 10)).keys("key").data("data").build();
    assertEquals(10, drain(timeout).size());
    assertTrue(timeout.timedOut());
    assertFalse(timeout.finishedSet());
  }

  @Test
  void aLastKeyOfZeroGivesNineItems() {
    MemoryFollowSource s = scan(10, 10).set("key", 9, 0);
    assertEquals(9, drain(follower(s).keys("key").data("data").build()).size());
  }

  @Test
  void fourInterleavedReadersGive42OrderedItems() {
    MemoryFollowSource s = new MemoryFollowSource().create("key", new long[] {42}, new long[] {U}).fill("key", 42);
    String[] paths = new String[4];
    for (int r = 0; r < 4; r++) {
      paths[r] = "data_" + r;
      int frames = (42 - r + 3) / 4; // reader r holds frames r, r + 4, ...
      s.create(paths[r], new long[] {frames, 1}, new long[] {U, 1});
      for (int j = 0; j < frames; j++) s.set(paths[r], j, j * 4 + r);
    }
    List<ScanFrame> frames = drain(follower(s).keys("key").interleaved("d", paths).build());
    assertEquals(42, frames.size());
    for (int i = 0; i < 42; i++) {
      FrameSlice slice = frames.get(i).slice("d");
      assertEquals(i, slice.array().getDouble(0), 0, "frame " + i + " in order");
      assertEquals("data_" + (i % 4), slice.path());
      assertArrayEquals(new long[] {i / 4, 0}, slice.origin());
    }
  }

  @Test
  void severalDataDatasetsAreReadTogether() {
    MemoryFollowSource s = scan(3, 3).create("total", new long[] {3}, new long[] {U});
    for (int i = 0; i < 3; i++) s.set("total", i, i * 10);
    List<ScanFrame> frames = drain(follower(s).keys("key").data("image", "data").data("total", "total").build());
    assertEquals(List.of("image", "total"), new ArrayList<>(frames.get(2).slices().keySet()));
    assertEquals(20, frames.get(2).slice("total").sum(), 0);
    assertArrayEquals(new long[] {1}, frames.get(2).slice("total").shape(), "a scalar per point: shape [1]");
    assertEquals("no data named 'x'; the names are [image, total]",
        assertThrows(IllegalArgumentException.class, () -> frames.get(0).slice("x")).getMessage());
  }

  @Test
  void frameReaderReadsScalarLinearImageAndGridValues() {
    MemoryFollowSource s = new MemoryFollowSource()
        .create("scalar", 2, 3)                 // a value per point of a 2x3 grid
        .create("linear", 2, 3, 4)              // a vector of 4
        .create("image", 2, 3, 4, 5)            // an image of 4x5
        .create("grid", 2, 3, 1, 1);            // keys-like trailing ones
    for (String p : List.of("scalar", "linear", "image", "grid")) {
      long n = Shapes.product(s.shape0(p));
      for (long i = 0; i < n; i++) s.set(p, i, i);
    }
    s.refresh();
    FrameSlice scalar = FrameReader.of(s, "scalar", 2).read(4);
    assertArrayEquals(new long[] {1, 1}, scalar.shape());
    assertArrayEquals(new long[] {1, 1}, scalar.origin());
    assertEquals(4, scalar.sum(), 0);
    FrameSlice linear = FrameReader.of(s, "linear", 2).read(5);
    assertArrayEquals(new long[] {1, 1, 4}, linear.shape());
    assertArrayEquals(new long[] {1, 2, 0}, linear.origin());
    assertEquals(20 + 21 + 22 + 23, linear.sum(), 0);
    FrameSlice image = FrameReader.of(s, "image", 2).read(1);
    assertArrayEquals(new long[] {1, 1, 4, 5}, image.shape());
    assertEquals(20 + 19, image.array().getDouble(0, 0, 3, 4), 0);
    FrameSlice grid = FrameReader.of(s, "grid", 2).read(3);
    assertArrayEquals(new long[] {1, 1, 1, 1}, grid.shape());
    assertEquals(3, grid.sum(), 0);
  }

  @Test
  void aFrameBeyondTheDataIsAnErrorAfterOneRefresh() {
    MemoryFollowSource s = scan(3, 3);
    s.refresh();
    int before = s.refreshes;
    FollowException e = assertThrows(FollowException.class, () -> FrameReader.of(s, "data", 1).read(3));
    assertEquals(before + 1, s.refreshes);
    assertEquals("frame 3 is beyond the data dataset 'data' of the memory file: its scan shape is [3] (shape "
        + "[3, 2, 3]), 3 frames", e.getMessage());
  }

  // ---- bad input ----

  @Test
  void aMissingDataDatasetListsWhatTheFileHolds() {
    FollowException e = assertThrows(FollowException.class,
        () -> follower(scan(3, 3)).keys("key").data("frames").build());
    assertEquals("no data dataset 'frames' in the memory file; it holds data, key", e.getMessage());
  }

  @Test
  void dataWhoseScanShapeDiffersFromTheKeysIsRefused() {
    MemoryFollowSource s = new MemoryFollowSource().create("key", 3, 4).create("data", 3, 5, 8, 8);
    FollowException e = assertThrows(FollowException.class, () -> follower(s).keys("key").data("data").build());
    assertEquals("the data dataset 'data' of the memory file has scan shape [3, 5] (shape [3, 5, 8, 8]) but the keys "
        + "[key] have [3, 4]; they must agree in every scan dimension but the first", e.getMessage());
    MemoryFollowSource low = new MemoryFollowSource().create("key", 3, 4).create("data", 12);
    assertEquals("the data dataset 'data' of the memory file has shape [12], of rank 1, fewer dimensions than the "
        + "scan's 2", assertThrows(FollowException.class, () -> follower(low).keys("key").data("data").build())
        .getMessage());
  }

  @Test
  void builderChecksItsValues() {
    FrameFollower.Builder b = follower(scan(3, 3)).keys("key");
    assertEquals("no data dataset was given; call data(...)", assertThrows(IllegalStateException.class, b::build)
        .getMessage());
    b.data("d", "data");
    assertEquals("data name 'd' was given twice",
        assertThrows(IllegalArgumentException.class, () -> b.data("d", "key")).getMessage());
    assertEquals("no dataset was given for data 'e'",
        assertThrows(IllegalArgumentException.class, () -> b.interleaved("e")).getMessage());
    assertEquals("frame index was -1; expected at least 0",
        assertThrows(IllegalArgumentException.class, () -> FrameReader.of(scan(1, 1), "data", 1).read(-1)).getMessage());
  }
}
