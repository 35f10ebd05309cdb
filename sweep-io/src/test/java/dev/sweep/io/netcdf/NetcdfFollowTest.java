package dev.sweep.io.netcdf;

import static org.junit.jupiter.api.Assertions.*;

import dev.sweep.data.Dataset;
import dev.sweep.follow.FollowException;
import dev.sweep.follow.FollowSource;
import dev.sweep.follow.FrameFollower;
import dev.sweep.follow.FrameSlice;
import dev.sweep.follow.ScanFrame;
import dev.sweep.follow.StopReason;
import dev.sweep.io.FollowSources;
import dev.sweep.io.testing.ChildProcess;
import dev.sweep.store.RecordStore;
import dev.sweep.store.StoreFormatException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Following NetCDF-3 files while a separate JVM writes them: netcdf-java's own writer (a fixed scalar
 * {@code finished} flag) and our record store (a {@code finished} record variable).
 */
class NetcdfFollowTest {
  private static final int H = 8;
  private static final int W = 6;
  @TempDir Path dir;

  private static ChildProcess writer(String kind, Path file, int points, long delayMs, String... more)
      throws Exception {
    List<String> args = new ArrayList<>(List.of(kind, file.toString(), "" + points, "" + H, "" + W, "" + delayMs));
    args.addAll(List.of(more));
    ChildProcess w = ChildProcess.start(ScanWriterChild.class, args.toArray(String[]::new));
    w.expect("ready");
    return w;
  }

  private static FrameFollower follower(FollowSource file, Duration timeout) {
    return FrameFollower.builder(file).keys("key").data("frame").finished("finished").timeout(timeout).build();
  }

  private static List<ScanFrame> drain(FrameFollower f) {
    List<ScanFrame> out = new ArrayList<>();
    for (ScanFrame x : f) out.add(x);
    return out;
  }

  private static void assertFrames(List<ScanFrame> frames, int n) {
    assertEquals(n, frames.size(), "frames yielded");
    for (int i = 0; i < n; i++) {
      FrameSlice s = frames.get(i).slice("frame");
      assertEquals(i, s.index(), "in order, each once");
      assertArrayEquals(new long[] {1, H, W}, s.shape());
      assertArrayEquals(new long[] {i, 0, 0}, s.origin());
      assertEquals(ScanWriterChild.sum(i, H, W), s.sum(), 0, "the values the writer wrote, frame " + i);
      assertEquals(i * 1000.0 + W + 2, s.array().getDouble(0, 1, 2), 0);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"netcdf-java", "records"})
  void everyFrameOnceInOrderWhileAJvmWritesThemThenTheFinishedFlag(String kind) throws Exception {
    Path file = dir.resolve("scan.nc");
    try (ChildProcess w = writer(kind, file, 30, 20); FollowSource nc = FollowSources.open(file)) {
      assertTrue(nc instanceof NetcdfFollowSource, nc.toString());
      FrameFollower f = follower(nc, Duration.ofSeconds(60));
      List<ScanFrame> frames = drain(f);
      assertFrames(frames, 30);
      assertEquals(StopReason.FINISHED, f.stopReason().orElseThrow());
      assertFalse(f.timedOut());
      w.expect("done");
      assertEquals(0, w.exitCode());
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"netcdf-java", "records"})
  void aStalledWriterTimesTheFollowerOut(String kind) throws Exception {
    Path file = dir.resolve("stall.nc");
    try (ChildProcess w = writer(kind, file, 20, 5, "stall-after", "7"); FollowSource nc = FollowSources.open(file)) {
      w.expect("stalled");
      FrameFollower f = follower(nc, Duration.ofMillis(500));
      assertFrames(drain(f), 7);
      assertEquals(StopReason.TIMED_OUT, f.stopReason().orElseThrow());
      assertFalse(f.finishedSet());
      w.send("go on");
      w.expect("done");
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"netcdf-java", "records"})
  void aWriterKilledMidFrameLeavesThatFrameUnyielded(String kind) throws Exception {
    Path file = dir.resolve("killed.nc");
    try (ChildProcess w = writer(kind, file, 20, 0, "die-mid-frame", "5")) {
      w.expect("mid-frame");
      w.kill();
      try (FollowSource nc = FollowSources.open(file)) {
        FrameFollower f = follower(nc, Duration.ofMillis(300));
        assertFrames(drain(f), 5);
        assertEquals(StopReason.TIMED_OUT, f.stopReason().orElseThrow(), "a clean timeout, no error");
        if (kind.equals("netcdf-java")) {
          assertEquals(6, nc.shape("frame")[0], "frame 5's data were flushed and counted, its key never written");
        }
      }
    }
  }

  @Test
  void aFileReplacedByARenameIsAnErrorNotAStaleRead() throws Exception {
    Path file = dir.resolve("traj.nc");
    try (NetcdfRecordStore store = NetcdfRecordStore.open(file, RecordStore.Mode.APPEND)) {
      store.append(ScanWriterChild.record(0, H, W, false));
      try (FollowSource nc = FollowSources.open(file)) {
        FrameFollower f = FrameFollower.builder(nc).keys("key").data("frame").timeout(Duration.ofSeconds(5)).build();
        assertEquals(0, f.next().index());
        // New attributes make the record store rewrite the file: a copy renamed over it.
        Dataset withInfo = ScanWriterChild.record(1, H, W, false).toBuilder().attrs(Map.of("run", "second")).build();
        store.append(withInfo);
        FollowException e = assertThrows(FollowException.class, f::hasNext);
        assertTrue(e.getMessage().startsWith(file + " was replaced while it was followed: another file was renamed "
            + "over it (inode "), e.getMessage());
        assertTrue(e.getMessage().endsWith("as a Harvester or any atomic save does. A follower reads a file that grows "
            + "in place; it does not switch to the new file, whose frames may be laid out anew"), e.getMessage());
      }
    }
  }

  @Test
  void aRemovedFileIsAnError() throws Exception {
    Path file = dir.resolve("gone.nc");
    try (NetcdfRecordStore store = NetcdfRecordStore.open(file, RecordStore.Mode.APPEND)) {
      store.append(ScanWriterChild.record(0, H, W, false));
    }
    try (FollowSource nc = FollowSources.open(file)) {
      Files.delete(file);
      assertEquals(file + " was removed while it was followed",
          assertThrows(FollowException.class, nc::refresh).getMessage());
    }
  }

  // ---- bad input ----

  @Test
  void aMissingKeyOrDataPathListsTheFilesVariables() throws Exception {
    Path file = dir.resolve("scan.nc");
    try (ChildProcess w = writer("netcdf-java", file, 2, 0); FollowSource nc = FollowSources.open(file)) {
      w.expect("done");
      FollowException e = assertThrows(FollowException.class,
          () -> FrameFollower.builder(nc).keys("keys").data("frame").build());
      assertEquals("no key dataset 'keys' in the NetCDF file " + file + "; it holds key, frame, finished", e.getMessage());
      FollowException d = assertThrows(FollowException.class,
          () -> FrameFollower.builder(nc).keys("key").data("image").build());
      assertEquals("no data dataset 'image' in the NetCDF file " + file + "; it holds key, frame, finished",
          d.getMessage());
    }
  }

  @Test
  void dataWhoseScanShapeDiffersFromTheKeysIsRefused() throws Exception {
    Path file = dir.resolve("rows.nc");
    try (NetcdfRecordStore store = NetcdfRecordStore.open(file, RecordStore.Mode.APPEND)) {
      store.append(Dataset.builder()
          .variable("key", List.of("row", "col"), Nd4j.createFromArray(new int[][] {{1, 2, 3}}))
          .variable("frame", List.of("row", "c", "y"), Nd4j.createFromArray(new double[][][] {{{1, 2}, {3, 4}}}))
          .build());
    }
    try (FollowSource nc = FollowSources.open(file)) {
      FollowException e = assertThrows(FollowException.class,
          () -> FrameFollower.builder(nc).keys("key").data("frame").build());
      assertEquals("the data dataset 'frame' of the NetCDF file " + file + " has scan shape [1, 2] (shape [1, 2, 2]) "
          + "but the keys [key] have [1, 3]; they must agree in every scan dimension but the first", e.getMessage());
    }
  }

  @Test
  void rowsOfARecordFileAreFollowedFrameByFrame() throws Exception {
    Path file = dir.resolve("rows.nc");
    try (NetcdfRecordStore store = NetcdfRecordStore.open(file, RecordStore.Mode.APPEND)) {
      store.append(Dataset.builder()
          .variable("key", List.of("row", "col"), Nd4j.createFromArray(new int[][] {{1, 2, 3}, {4, 0, 6}}))
          .variable("frame", List.of("row", "col", "y"), Nd4j.createFromArray(new double[][][] {
              {{0, 1}, {10, 11}, {20, 21}}, {{30, 31}, {40, 41}, {50, 51}}}))
          .build());
    }
    try (FollowSource nc = FollowSources.open(file)) {
      FrameFollower f = FrameFollower.builder(nc).keys("key").data("frame").timeout(Duration.ofMillis(100)).build();
      List<ScanFrame> frames = drain(f);
      assertEquals(4, frames.size(), "the prefix before the zero at (1, 1)");
      assertArrayEquals(new long[] {1, 0, 0}, frames.get(3).slice("frame").origin());
      assertArrayEquals(new long[] {1, 1, 2}, frames.get(3).slice("frame").shape());
      assertEquals(61, frames.get(3).slice("frame").sum(), 0);
      assertEquals(41, frames.get(2).slice("frame").sum(), 0);
    }
  }

  @Test
  void aFileThatIsNeitherNetcdf3NorHdf5IsRefusedNamingItsFirstBytes() throws Exception {
    Path text = Files.writeString(dir.resolve("notes.nc"), "hello, world\n", StandardCharsets.US_ASCII);
    assertEquals("cannot follow " + text + ": it is neither a NetCDF-3 nor an HDF5 file (it starts with bytes 68 65 6c "
        + "6c 6f 2c 20 77 (\"hello, w\"); NetCDF-3 starts with 'CDF', HDF5 with '\\x89HDF')",
        assertThrows(FollowException.class, () -> FollowSources.open(text)).getMessage());
    Path empty = Files.createFile(dir.resolve("empty.nc"));
    assertEquals("cannot follow " + empty + ": the file is empty (0 bytes); expected a NetCDF-3 or an HDF5 file",
        assertThrows(FollowException.class, () -> FollowSources.open(empty)).getMessage());
    Path missing = dir.resolve("missing.nc");
    assertEquals("cannot follow " + missing + ": no such file",
        assertThrows(UncheckedIOException.class, () -> FollowSources.open(missing)).getMessage());
  }

  @Test
  void aNetcdfFileWithoutRecordsIsRefused() {
    Path file = dir.resolve("fixed.nc");
    Netcdf.write(Dataset.builder().variable("v", List.of("x"), Nd4j.createFromArray(1.0, 2.0)).build(), file);
    StoreFormatException e = assertThrows(StoreFormatException.class, () -> FollowSources.open(file));
    assertEquals(file + ": it holds no records: no variable lies along an unlimited dimension. Read it with "
        + "Netcdf.read", e.getMessage());
  }
}
