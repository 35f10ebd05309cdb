package dev.sweep.io.netcdf;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.sweep.data.Dataset;
import dev.sweep.data.Index;
import dev.sweep.store.RecordStore;
import dev.sweep.store.StoreFormatException;
import dev.sweep.store.Stores;
import dev.sweep.traj.Trajectory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * py-pde's own trajectory files, made by Debian's h5py the way py-pde's FileStorage makes them
 * ({@code pypde/make_pypde_file.py}), read back: times, values and info must match.
 */
class PyPdeFileTest {
  @TempDir Path dir;

  /** Makes the file, or skips (fails on CI) when /usr/bin/python3 has no h5py. */
  private Path make(String name, String... args) {
    boolean h5py = Files.isExecutable(ExternalTools.PYTHON) && ExternalTools.run(dir, ExternalTools.PYTHON.toString(),
        "-c", "import h5py").exitCode() == 0;
    if (!h5py) {
      String msg = ExternalTools.PYTHON + " with h5py is missing; apt-get install python3-h5py";
      if ("true".equalsIgnoreCase(System.getenv("CI"))) fail(msg + " (CI must run this test)");
      assumeTrue(false, msg + "; skipping");
    }
    Path script = dir.resolve("make_pypde_file.py");
    if (!Files.exists(script)) {
      try (var in = PyPdeFileTest.class.getResourceAsStream("/pypde/make_pypde_file.py")) {
        Files.copy(in, script);
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    }
    Path file = dir.resolve(name);
    String[] cmd = new String[3 + args.length];
    cmd[0] = ExternalTools.PYTHON.toString();
    cmd[1] = script.toString();
    cmd[2] = file.toString();
    System.arraycopy(args, 0, cmd, 3, args.length);
    ExternalTools.run(dir, cmd).assertSuccess("make_pypde_file.py");
    return file;
  }

  private static double value(int k, int i, int j) {
    return k + 10.0 * i + j / 10.0;
  }

  private static void checkStates(Trajectory t) {
    assertEquals(6, t.size());
    double[] times = t.times();
    for (int k = 0; k < 6; k++) assertEquals(0.05 * k, times[k], "the times as h5py wrote them, to the bit");
    assertEquals(List.of("c"), t.fields(), "the field is named after py-pde's label");
    for (int k = 0; k < 6; k++) {
      Dataset s = t.get(k);
      assertEquals(List.of("x", "y"), s.variable("c").dims());
      for (int i = 0; i < 8; i++) {
        for (int j = 0; j < 4; j++) assertEquals(value(k, i, j), s.variable("c").getDouble(i, j), "state " + k);
      }
    }
  }

  @Test
  void readsAFileWrittenAsPyPdeWritesIt() {
    Path file = make("run.hdf5");
    try (Trajectory t = Trajectory.open(file)) {
      checkStates(t);
      Map<String, Object> info = t.info();
      assertEquals(0.05, info.get("dt"));
      assertEquals(0, info.get("t_start"));
      assertEquals("diffusion", info.get("model"));
      assertEquals(true, info.get("converged"));
      assertEquals(6, info.get("data_length"));
      assertArrayEquals(new long[] {1, 2, 3}, (long[]) info.get("seeds"));
      assertEquals("{\"D\": 0.1, \"bc\": \"auto_periodic_neumann\"}", info.get("params"), "a dict stays its JSON");
      assertTrue(((String) info.get("field_attributes")).startsWith("{\"class\": \"\\\"ScalarField\\\"\""));
      Dataset all = t.toDataset();
      assertEquals(List.of("time", "x", "y"), all.dims());
      assertEquals(Index.ofDoubles(0.0625, 0.1875, 0.3125, 0.4375, 0.5625, 0.6875, 0.8125, 0.9375), all.coord("x"),
          "a Cartesian grid's axes are labelled with the cell centres");
      assertEquals(Index.ofDoubles(0.25, 0.75, 1.25, 1.75), all.coord("y"));
      assertEquals(value(3, 2, 1), all.doubleValue("c", Map.of("time", 0.05 * 3, "x", 0.3125, "y", 0.75)));
    }
  }

  @Test
  void readsAPreallocatedFileUpToItsDataLength() {
    Path file = make("prealloc.h5", "--max-length", "10");
    try (RecordStore s = Stores.records(file, RecordStore.Mode.READ_ONLY)) {
      assertTrue(s instanceof PyPdeStore);
      assertEquals(6, s.size(), "10 preallocated, 6 written");
    }
    try (Trajectory t = Trajectory.open(file)) {
      checkStates(t);
    }
  }

  @Test
  void pyPdeFilesAreReadOnlyAndOtherFilesAreRefused() throws Exception {
    Path file = make("ro.hdf5");
    UnsupportedOperationException e = assertThrows(UnsupportedOperationException.class, () -> Stores.records(file));
    assertEquals("py-pde files are read, not written: open ro.hdf5 READ_ONLY (Trajectory.open), and write "
        + "trajectories to a NetCDF record file (.nc)", e.getMessage());
    IllegalStateException ro = assertThrows(IllegalStateException.class,
        () -> PyPdeStore.open(file).append(Dataset.builder().build()));
    assertTrue(ro.getMessage().endsWith("is read-only here; write trajectories to a NetCDF record file (.nc)"));

    Path other = dir.resolve("other.h5");
    Netcdf.write(Dataset.builder().coord("a", Index.ofInts(1, 2)).build(), other, NetcdfFormat.NETCDF4);
    StoreFormatException bad = assertThrows(StoreFormatException.class, () -> PyPdeStore.open(other));
    assertEquals(other + ": not a py-pde trajectory: it lacks the dataset 'times' that py-pde's FileStorage writes",
        bad.getMessage());
    Path text = dir.resolve("text.h5");
    Files.writeString(text, "hello");
    bad = assertThrows(StoreFormatException.class, () -> PyPdeStore.open(text));
    assertTrue(bad.getMessage().startsWith(text + ": not a NetCDF file"), bad.getMessage());
  }
}
