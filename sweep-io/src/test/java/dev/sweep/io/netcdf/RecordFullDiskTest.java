package dev.sweep.io.netcdf;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.sweep.store.RecordStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Appends on a real, small file system that fills up (a 256 KiB tmpfs, which needs root): a failed
 * append must leave the file with every earlier record, so that a smaller retry and the next session
 * see exactly the records of the appends that returned.
 */
class RecordFullDiskTest {
  @TempDir Path dir;
  private Path disk;

  @BeforeEach
  void mountASmallTmpfs() throws Exception {
    disk = dir.resolve("disk");
    Files.createDirectories(disk);
    String why = run("mount", "-t", "tmpfs", "-o", "size=256k", "tmpfs", disk.toString());
    if (why != null) {
      disk = null;
      String msg = "cannot mount a small tmpfs to fill (" + why + "); this test needs root";
      if ("true".equalsIgnoreCase(System.getenv("CI"))) fail(msg);
      Assumptions.abort(msg);
    }
  }

  @AfterEach
  void unmount() throws Exception {
    if (disk != null) {
      String why = run("umount", disk.toString());
      // A NetCDF writer that failed on the full disk may still hold its deleted temporary file open
      // until it is collected; a lazy unmount lets the file system go when it is closed.
      if (why != null && why.contains("busy")) why = run("umount", "-l", disk.toString());
      if (why != null) fail("cannot unmount " + disk + ": " + why);
    }
  }

  /** Runs a command; null if it succeeded, else what it said. */
  private static String run(String... cmd) throws IOException, InterruptedException {
    Process p;
    try {
      p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    } catch (IOException e) {
      return e.toString();
    }
    p.getOutputStream().close();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
    if (!p.waitFor(60, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      return "timed out";
    }
    return p.exitValue() == 0 ? null : "exit " + p.exitValue() + ": " + out;
  }

  @Test
  void aFailedAppendKeepsEveryEarlierRecordForARetryAndTheNextSession() throws Exception {
    Path nc = disk.resolve("full.nc");
    try (RecordStore store = NetcdfRecordStore.open(nc, RecordStore.Mode.APPEND)) {
      store.append(Chunks.records(0, 100));
      byte[] before = Files.readAllBytes(nc);

      UncheckedIOException e = assertThrows(UncheckedIOException.class,
          () -> store.append(Chunks.records(100, 5_000))); // about 660 KB: more than the disk
      assertTrue(e.getMessage().startsWith("cannot append 5000 records to " + nc + " ("), e.getMessage());
      assertTrue(e.getMessage().endsWith("); the file was cut back to its 100 records"), e.getMessage());
      assertArrayEquals(before, Files.readAllBytes(nc), "the file holds exactly what it held");
      assertEquals(100, store.size());

      store.append(Chunks.records(100, 50)); // the retry, smaller, fits
      assertEquals(150, store.size());
      Chunks.check(store.read(), 0);
    }
    try (RecordStore next = NetcdfRecordStore.open(nc, RecordStore.Mode.APPEND)) {
      assertEquals(150, next.size());
      Chunks.check(next.read(), 0);
    }
  }

  @Test
  void aNewFileThatDoesNotFitIsNotLeftBehind() throws Exception {
    fill(disk.resolve("filler"));
    Path nc = disk.resolve("none.nc");
    try (RecordStore store = NetcdfRecordStore.open(nc, RecordStore.Mode.APPEND)) {
      UncheckedIOException e = assertThrows(UncheckedIOException.class, () -> store.append(Chunks.records(0, 100)));
      assertTrue(e.getMessage().startsWith("cannot write " + nc.toAbsolutePath()), e.getMessage());
      assertEquals(0, store.size());
    }

    try (var files = Files.list(disk)) {
      assertEquals(java.util.List.of("filler", "none.nc.lock"), files.map(p -> p.getFileName().toString()).sorted()
          .toList(), "no file, whole or partial, nor a temporary one");
    }
  }

  @Test
  void aTrajectoryWhoseFlushFillsTheDiskKeepsEveryEarlierChunkAndItsBufferedStates() throws Exception {
    Path nc = disk.resolve("traj.nc");
    Path filler = disk.resolve("filler");
    Files.write(filler, new byte[96 * 1024]); // room for a few chunks of 25 states of 16 doubles (3.4 KB each)
    dev.sweep.traj.Trajectory t = dev.sweep.traj.Trajectory.builder().file(nc).chunkSize(25).build();
    t.startWriting(TrajectoryChild.state(0));
    long k = 0;
    UncheckedIOException failure = null;
    while (failure == null) {
      try {
        t.append(TrajectoryChild.state(k), k * 0.1);
        k++;
      } catch (UncheckedIOException e) {
        failure = e;
      }
    }
    assertTrue(failure.getMessage().contains("; the file was cut back to its "), failure.getMessage());
    long flushed;
    try (dev.sweep.traj.Trajectory back = dev.sweep.traj.Trajectory.open(nc)) {
      flushed = back.size();
      assertEquals(0, flushed % 25, "whole chunks only");
      assertEquals(k + 1 - 25, flushed, "every chunk but the one that did not fit");
      for (long j = 0; j < flushed; j++) assertEquals(TrajectoryChild.state(j), back.get(j));
    }
    assertEquals(k + 1, t.size(), "the states of the failed chunk stay buffered");
    Files.delete(filler); // room again: the next save writes them
    t.save();
    t.append(TrajectoryChild.state(k + 1), (k + 1) * 0.1);
    t.close();
    try (dev.sweep.traj.Trajectory back = dev.sweep.traj.Trajectory.open(nc)) {
      assertEquals(k + 2, back.size());
      assertEquals(TrajectoryChild.state(k), back.get(k));
    }
  }

  /** Writes zeros into a file until the disk is full. */
  private static void fill(Path file) throws IOException {
    try (var out = Files.newOutputStream(file)) {
      byte[] block = new byte[4096];
      while (true) out.write(block);
    } catch (IOException e) {
      if (!String.valueOf(e.getMessage()).contains("No space left")) throw e;
    }
  }
}
