package dev.sweep.io.hdf5;

import static org.junit.jupiter.api.Assertions.*;

import dev.sweep.follow.FollowException;
import dev.sweep.follow.FollowSource;
import dev.sweep.follow.FrameFollower;
import dev.sweep.follow.FrameSlice;
import dev.sweep.follow.KeyFollower;
import dev.sweep.follow.RowKeyFollower;
import dev.sweep.follow.ScanFrame;
import dev.sweep.follow.StopReason;
import dev.sweep.io.FollowSources;
import dev.sweep.io.testing.ChildProcess;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Following HDF5 files while Debian's h5py writes them in SWMR mode, shaped like swmr_tools'
 * {@code mock_scan}: {@code /entry/data} (scan + frame), {@code /entry/keys/key_N}, {@code /entry/finished}.
 */
class Hdf5FollowTest {
  private static final int FH = 3;
  private static final int FW = 4;
  @TempDir static Path scripts;
  @TempDir Path dir;
  private static Path mockScan;
  private static Path keys;

  @BeforeAll
  static void copyScripts() throws IOException {
    mockScan = copy("mock_scan.py");
    keys = copy("keys.py");
  }

  private static Path copy(String name) throws IOException {
    Path p = scripts.resolve(name);
    try (InputStream in = Hdf5FollowTest.class.getResourceAsStream(name)) {
      Files.copy(in, p);
    }
    return p;
  }

  @BeforeEach
  void needH5py() {
    H5py.require();
  }

  private ChildProcess mockScan(Path file, String... options) throws Exception {
    List<String> args = new ArrayList<>(List.of(file.toString(), "--frame", FH + "," + FW));
    args.addAll(List.of(options));
    ChildProcess w = H5py.start(mockScan, args.toArray(String[]::new));
    w.expect("ready");
    return w;
  }

  private static FrameFollower.Builder follower(FollowSource file, Duration timeout) {
    return FrameFollower.builder(file).keys("/entry/keys/key_1").data("image", "/entry/data")
        .finished("/entry/finished").timeout(timeout);
  }

  private static List<ScanFrame> drain(FrameFollower f) {
    List<ScanFrame> out = new ArrayList<>();
    for (ScanFrame x : f) out.add(x);
    return out;
  }

  /** Frame i holds i * 1000 + 0 .. 11 (mock_scan.py). */
  private static double sum(long i) {
    int n = FH * FW;
    return i * 1000.0 * n + n * (n - 1) / 2.0;
  }

  private static void assertFrames(List<ScanFrame> frames, int n, int cols) {
    assertEquals(n, frames.size(), "frames yielded");
    for (int i = 0; i < n; i++) {
      FrameSlice s = frames.get(i).slice("image");
      assertEquals(i, s.index(), "in order, each once");
      assertArrayEquals(new long[] {1, 1, FH, FW}, s.shape(), "the scan dimensions kept as 1");
      assertArrayEquals(new long[] {i / cols, i % cols, 0, 0}, s.origin());
      assertEquals(sum(i), s.sum(), 0, "the values h5py wrote, frame " + i);
      assertEquals(i * 1000.0 + 7, s.array().getDouble(0, 0, 1, 3), 0);
    }
  }

  @Test
  void everyFrameOnceInOrderWhileH5pyWritesThemThenTheFinishedFlag() throws Exception {
    Path file = dir.resolve("scan.h5");
    try (ChildProcess w = mockScan(file, "--scan", "4,5", "--delay-ms", "20", "--wait-start");
        FollowSource h5 = FollowSources.open(file)) {
      assertTrue(h5 instanceof Hdf5FollowSource, h5.toString());
      FrameFollower f = follower(h5, Duration.ofSeconds(60)).build();
      assertEquals(2, f.keys().scanRank());
      assertEquals(-1, f.keys().currentMax(), "nothing written before the writer starts");
      w.send("start");
      List<ScanFrame> frames = drain(f);
      assertFrames(frames, 20, 5);
      assertEquals(StopReason.FINISHED, f.stopReason().orElseThrow());
      assertTrue(f.finishedSet());
      assertFalse(f.timedOut());
      w.expect("done");
      assertEquals(0, w.exitCode());
    }
  }

  @Test
  void aPreallocatedScanIsCompleteWithoutTheFlag() throws Exception {
    Path file = dir.resolve("fixed.h5");
    try (ChildProcess w = mockScan(file, "--scan", "3,4", "--delay-ms", "5", "--fixed", "--no-finished")) {
      w.expect("done");
      try (FollowSource h5 = FollowSources.open(file)) {
        FrameFollower f = FrameFollower.builder(h5).keys("entry/keys/key_1").data("image", "entry/data")
            .timeout(Duration.ofSeconds(60)).build();
        assertFrames(drain(f), 12, 4);
        assertEquals(StopReason.COMPLETE, f.stopReason().orElseThrow());
        assertTrue(f.keys().areKeysComplete());
      }
    }
  }

  @Test
  void aStalledWriterTimesTheFollowerOut() throws Exception {
    Path file = dir.resolve("stall.h5");
    try (ChildProcess w = mockScan(file, "--scan", "3,4", "--delay-ms", "5", "--stall-after", "6");
        FollowSource h5 = FollowSources.open(file)) {
      FrameFollower f = follower(h5, Duration.ofMillis(500)).build();
      List<ScanFrame> frames = new ArrayList<>();
      for (int i = 0; i < 6; i++) frames.add(f.next());
      w.expect("stalled");
      frames.addAll(drain(f));
      assertFrames(frames, 6, 4);
      assertEquals(StopReason.TIMED_OUT, f.stopReason().orElseThrow());
      w.send("go on");
      w.expect("done");
    }
  }

  @Test
  void aWriterKilledMidFrameLeavesThatFrameUnyielded() throws Exception {
    Path file = dir.resolve("killed.h5");
    try (ChildProcess w = mockScan(file, "--scan", "3,4", "--delay-ms", "0", "--die-mid-frame", "7")) {
      w.expect("mid-frame");
      w.kill();
      try (FollowSource h5 = FollowSources.open(file)) {
        FrameFollower f = follower(h5, Duration.ofMillis(300)).build();
        assertFrames(drain(f), 7, 4);
        assertEquals(StopReason.TIMED_OUT, f.stopReason().orElseThrow(), "a clean timeout, no error");
      }
    }
  }

  @Test
  void aSnakeScanYieldsOnlyTheContiguousPrefix() throws Exception {
    Path file = dir.resolve("snake.h5");
    try (ChildProcess w = mockScan(file, "--scan", "3,4", "--delay-ms", "0", "--snake", "--stall-after", "6")) {
      w.expect("stalled"); // points 4 and 5 are written at (1, 3) and (1, 2): flat indices 7 and 6
      try (FollowSource h5 = FollowSources.open(file)) {
        KeyFollower k = KeyFollower.builder(h5).keys("/entry/keys/key_1").timeout(Duration.ofMillis(300)).build();
        List<Long> got = new ArrayList<>();
        while (k.hasNext()) got.add(k.nextLong());
        assertEquals(List.of(0L, 1L, 2L, 3L), got);
        assertTrue(k.timedOut());
      }
      w.send("go on");
      w.expect("done");
    }
  }

  @Test
  void multipleKeysCountTogether() throws Exception {
    Path file = dir.resolve("two.h5");
    try (ChildProcess w = mockScan(file, "--scan", "12", "--delay-ms", "5", "--keys", "2", "--lagging-key", "3")) {
      try (FollowSource h5 = FollowSources.open(file)) {
        FrameFollower f = FrameFollower.builder(h5).keys("/entry/keys/key_1", "/entry/keys/key_2")
            .data("image", "/entry/data").finished("/entry/finished").timeout(Duration.ofSeconds(60)).build();
        List<ScanFrame> frames = drain(f);
        assertEquals(9, frames.size(), "key_2 never reaches the last 3 points");
        assertEquals(StopReason.FINISHED, f.stopReason().orElseThrow());
        for (int i = 0; i < 9; i++) assertEquals(sum(i), frames.get(i).slice("image").sum(), 0);
      }
      w.expect("done");
    }
  }

  @Test
  void jaggedKeysAreZeroPadded() throws Exception {
    Path file = dir.resolve("jagged.h5");
    H5py.run(keys, file.toString(), "jagged");
    try (FollowSource h5 = FollowSources.open(file)) {
      FrameFollower f = FrameFollower.builder(h5).keys("/entry/key_1", "/entry/key_2").data("/entry/data")
          .timeout(Duration.ofMillis(200)).build();
      List<ScanFrame> frames = drain(f);
      assertEquals(3, frames.size());
      assertEquals(4 + 5, frames.get(2).slice("/entry/data").sum(), 0);
      assertTrue(f.timedOut());
    }
  }

  @Test
  void rowFollowerOverAnH5pyGrid() throws Exception {
    Path file = dir.resolve("rows.h5");
    try (ChildProcess w = mockScan(file, "--scan", "4,5", "--delay-ms", "0")) {
      w.expect("done");
      try (FollowSource h5 = FollowSources.open(file)) {
        RowKeyFollower rows = RowKeyFollower.of(KeyFollower.builder(h5).keys("/entry/keys/key_1")
            .finished("/entry/finished").timeout(Duration.ofSeconds(60)).build());
        List<Long> got = new ArrayList<>();
        while (rows.hasNext()) got.add(rows.nextLong());
        assertEquals(List.of(4L, 9L, 14L, 19L), got);
      }
    }
  }

  @Test
  void aKeyGrowingInItsFastestDimensionFailsNamingItAndBothShapes() throws Exception {
    Path file = dir.resolve("grid.h5");
    H5py.run(keys, file.toString(), "grid");
    try (FollowSource h5 = FollowSources.open(file)) {
      KeyFollower k = KeyFollower.builder(h5).keys("/entry/key").timeout(Duration.ofSeconds(5)).build();
      for (int i = 0; i < 4; i++) assertEquals(i, k.nextLong());
      H5py.run(keys, file.toString(), "widen");
      FollowException e = assertThrows(FollowException.class, k::hasNext);
      assertEquals("the key dataset '/entry/key' of the HDF5 file " + file + " grew in dimension 1, not only its first "
          + "(slowest): from [2, 2] to [2, 3]. The flat indices already yielded would now stand for other scan points; "
          + "a writer must grow a scan along its slowest dimension only", e.getMessage());
    }
  }

  // ---- bad input ----

  @Test
  void aMissingPathListsTheDatasetsTheFileHolds() throws Exception {
    Path file = dir.resolve("scan.h5");
    try (ChildProcess w = mockScan(file, "--scan", "2", "--delay-ms", "0")) {
      w.expect("done");
      try (FollowSource h5 = FollowSources.open(file)) {
        String holds = "; it holds /entry/keys/key_1, /entry/data, /entry/finished"; // in the order h5py created them
        assertEquals("no key dataset '/entry/key' in the HDF5 file " + file + holds, assertThrows(FollowException.class,
            () -> FrameFollower.builder(h5).keys("/entry/key").data("/entry/data").build()).getMessage());
        assertEquals("no data dataset '/entry/frames' in the HDF5 file " + file + holds, assertThrows(
            FollowException.class, () -> FrameFollower.builder(h5).keys("/entry/keys/key_1").data("/entry/frames")
                .build()).getMessage());
      }
    }
  }

  @Test
  void keyDatasetsOfDifferentRanksAreRefused() throws Exception {
    Path file = dir.resolve("ranks.h5");
    H5py.run(keys, file.toString(), "ranks");
    try (FollowSource h5 = FollowSources.open(file)) {
      FollowException e = assertThrows(FollowException.class,
          () -> KeyFollower.builder(h5).keys("/entry/key_1", "/entry/key_2").build());
      assertEquals("the key datasets of the HDF5 file " + file + " have different ranks: '/entry/key_1' has scan rank 2 "
          + "(shape [2, 3]), '/entry/key_2' has 1 (shape [6])", e.getMessage());
    }
  }
}
