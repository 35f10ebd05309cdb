package dev.sweep.io.netcdf;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sweep.data.Dataset;
import dev.sweep.data.Index;
import dev.sweep.io.testing.ChildProcess;
import dev.sweep.store.StoreFormatException;
import dev.sweep.traj.Trajectory;
import dev.sweep.traj.WriteMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Trajectories written to NetCDF record files: reopened, killed mid-chunk, written by several processes. */
class TrajectoryFileTest {
  @TempDir Path dir;

  private static void write(Trajectory t, long from, long n) {
    if (!t.isWriting()) t.startWriting(TrajectoryChild.state(from));
    for (long k = from; k < from + n; k++) t.append(TrajectoryChild.state(k), k * 0.1);
  }

  private static void check(Trajectory t, long n) {
    assertEquals(n, t.size());
    double[] times = t.times();
    for (int k = 0; k < n; k++) {
      assertEquals(k * 0.1, times[k], "time " + k);
    }
    for (long k : new long[] {0, n / 2, n - 1}) assertEquals(TrajectoryChild.state(k), t.get(k), "state " + k);
  }

  @Test
  void aTrajectoryFileIsWrittenInChunksAndOpensAgain() throws Exception {
    Path nc = dir.resolve("traj.nc");
    try (Trajectory t = Trajectory.builder().file(nc).chunkSize(10).info("model", "heat").build()) {
      write(t, 0, 25);
      assertEquals(20, Trajectory.open(nc).size(), "two full chunks are in the file while the third fills");
    }
    try (Trajectory back = Trajectory.open(nc)) {
      check(back, 25);
      assertEquals("heat", back.info().get("model"));
      assertEquals(List.of("u"), back.fields());
      Dataset all = back.toDataset();
      assertEquals(List.of("time", "x"), all.dims());
      assertEquals(TrajectoryChild.state(7).variable("u").array(),
          all.variable("u").array().getRow(7));
      assertEquals(Index.range(16), all.coord("x"));
    }
    try (Trajectory more = Trajectory.builder().file(nc).writeMode(WriteMode.APPEND).build()) {
      write(more, 25, 5);
    }
    try (Trajectory back = Trajectory.open(nc)) {
      check(back, 30);
    }
    try (Trajectory again = Trajectory.builder().file(nc).build()) { // truncate once: the first start clears
      assertEquals(30, again.size());
      write(again, 0, 3);
      assertEquals(3, again.size());
    }
    assertEquals(3, Netcdf.read(nc).sizes().get("time"));
  }

  @Test
  void theInfoIsInTheFileWhileWritingAndAfterTheEndWithoutTheFileHeldOpen() {
    // py-pde's keep_opened=False closed the file after each append, then wrote the info to the closed handle.
    Path nc = dir.resolve("info.nc");
    Trajectory t = Trajectory.builder().file(nc).chunkSize(2).info("model", "heat").build();
    t.startWriting(TrajectoryChild.state(0), Map.of("run", 7));
    write(t, 0, 3);
    try (Trajectory reader = Trajectory.open(nc)) { // between appends any reader opens the file
      assertEquals(2, reader.size());
      assertEquals(7, reader.info().get("run"));
    }
    write(t, 3, 2);
    t.endWriting();
    t.endWriting(); // only warns
    try (Trajectory reader = Trajectory.open(nc)) {
      check(reader, 5);
      assertEquals("heat", reader.info().get("model"));
      assertEquals(7, reader.info().get("run"));
    }
    t.close();
  }

  @Test
  void xarrayOpensATrajectoryAsATimeSeries() {
    ExternalTools.requireXarray();
    Path nc = dir.resolve("xr.nc");
    try (Trajectory t = Trajectory.builder().file(nc).chunkSize(7).info("theta", 1.5).build()) {
      write(t, 0, 20);
    }
    String code = String.join("\n",
        "import sys, numpy as np, xarray as xr",
        "ds = xr.open_dataset(sys.argv[1])",
        "assert dict(ds.sizes) == {'time': 20, 'x': 16}, dict(ds.sizes)",
        "assert ds.u.dims == ('time', 'x')",
        "assert np.allclose(ds.time.values, np.arange(20) * 0.1)",
        "assert np.allclose(ds.u.values, np.arange(20)[:, None] + np.arange(16)[None, :] / 100)",
        "assert ds.attrs['theta'] == 1.5",
        "print(float(ds.u.sel(time=0.5, method='nearest').sel(x=3)))");
    ExternalTools.Result r = ExternalTools.run(dir, ExternalTools.PYTHON.toString(), "-c", code, nc.toString())
        .assertSuccess("xarray");
    assertEquals("5.03", r.stdout().trim());
  }

  @Test
  void aFileThatIsNotATrajectoryIsRefusedNamingIt() throws Exception {
    Path nc = dir.resolve("plain.nc");
    Files.writeString(nc, "not netcdf");
    StoreFormatException e = assertThrows(StoreFormatException.class, () -> Trajectory.open(nc));
    assertTrue(e.getMessage().startsWith(nc + ": not a NetCDF file"), e.getMessage());
    IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
        () -> Trajectory.builder().file(dir.resolve("t.xyz")));
    assertTrue(unknown.getMessage().startsWith("no storage for '" + dir.resolve("t.xyz") + "'"), unknown.getMessage());
  }

  @Test
  void aWriterKilledAfterAFlushedChunkLeavesEveryFlushedChunk() throws Exception {
    Path nc = dir.resolve("killed.nc");
    SplittableRandom random = new SplittableRandom(3);
    long flushed = 0;
    for (int kill = 0; kill < 6; kill++) {
      int chunk = random.nextInt(5, 200);
      int signals = random.nextInt(1, 4);
      long signalled;
      try (ChildProcess child = ChildProcess.start(TrajectoryChild.class, "write", nc.toString(), Integer.toString(chunk))) {
        int[] seen = {0};
        String line = child.await(l -> l.startsWith(TrajectoryChild.FLUSHED) && ++seen[0] == signals, 120,
            TimeUnit.SECONDS);
        assertNotNull(line, () -> "the child flushed no chunk within 120 s: " + child.output());
        child.kill(); // in the middle of its next chunk
        signalled = Long.parseLong(line.substring(TrajectoryChild.FLUSHED.length()));
      }
      try (Trajectory back = Trajectory.open(nc)) {
        assertTrue(back.size() >= signalled, back.size() + " states < " + signalled + " flushed");
        assertTrue(back.size() > flushed, "each child flushed a chunk");
        flushed = back.size();
        check(back, flushed);
      }
    }
  }

  @Test
  void severalProcessesWriteTheirPartsIntoOneNewDirectoryAndAReaderGathersThem() throws Exception {
    Path base = dir.resolve("out").resolve("run").resolve("ou.nc"); // the directories do not exist yet
    Path go = dir.resolve("go");
    int parts = 3;
    List<ChildProcess> children = new ArrayList<>();
    try {
      for (int rank = 0; rank < parts; rank++) {
        children.add(ChildProcess.start(TrajectoryChild.class, "part", Trajectory.partFile(base, rank).toString(),
            Integer.toString(rank), go.toString()));
      }
      for (ChildProcess c : children) {
        assertNotNull(c.await(TrajectoryChild.READY::equals, 120, TimeUnit.SECONDS), c::output);
      }
      Files.createFile(go); // all at once: each creates the directories and its file
      for (ChildProcess c : children) {
        assertNotNull(c.await("done"::equals, 120, TimeUnit.SECONDS), c::output);
        assertEquals(0, c.process().waitFor(60, TimeUnit.SECONDS) ? c.process().exitValue() : -1, c::output);
      }
    } finally {
      for (ChildProcess c : children) c.close();
    }
    List<Path> files = new ArrayList<>();
    for (int rank = 0; rank < parts; rank++) files.add(Trajectory.partFile(base, rank));
    Dataset all = Trajectory.gatherFiles(files, "trajectory");
    assertEquals(Map.of("time", 5, "component", 1, "trajectory", 9), all.sizes());
    assertEquals(Index.ofDoubles(0, 0.5, 1, 1.5, 2), all.coord("time"));
    for (int rank = 0; rank < parts; rank++) {
      for (int t = 0; t < 5; t++) {
        for (int j = 0; j < 3; j++) {
          assertEquals(TrajectoryChild.part(rank, t, j), all.variable("x").getDouble(t, 0, rank * 3 + j));
        }
      }
    }
    assertArrayEquals(new String[] {"ou_p0.nc", "ou_p1.nc", "ou_p2.nc"}, Files.list(base.getParent())
        .map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".nc")).sorted().toArray());
  }
}
