package dev.sweep.cli;

import static org.junit.jupiter.api.Assertions.*;

import dev.sweep.data.Dataset;
import dev.sweep.io.netcdf.NetcdfRecordStore;
import dev.sweep.store.RecordStore;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.factory.Nd4j;

class FollowCommandTest {
  @TempDir Path dir;

  /** Point i of a scan: key i + 1, a 4x5 frame holding i * 100 + 0..19, the finished flag on the last. */
  static Dataset point(int i, boolean last) {
    double[][][] frame = new double[1][4][5];
    for (int y = 0; y < 4; y++) for (int x = 0; x < 5; x++) frame[0][y][x] = i * 100 + y * 5 + x;
    return Dataset.builder()
        .variable("key", List.of("point"), Nd4j.createFromArray(new int[] {i + 1}))
        .variable("frame", List.of("point", "y", "x"), Nd4j.createFromArray(frame))
        .variable("finished", List.of("point"), Nd4j.createFromArray(new int[] {last ? 1 : 0}))
        .build();
  }

  static String expected(int n, String reduce) {
    StringBuilder sb = new StringBuilder("frame\t" + reduce + "\n");
    for (int i = 0; i < n; i++) {
      double v = switch (reduce) {
        case "sum" -> i * 2000 + 190;
        case "mean" -> i * 100 + 9.5;
        default -> i * 100 + 19;
      };
      sb.append(i).append('\t').append(v).append('\n');
    }
    return sb.toString();
  }

  private Path recordFile(int points, boolean finished) {
    Path file = dir.resolve("scan.nc");
    try (NetcdfRecordStore store = NetcdfRecordStore.open(file, RecordStore.Mode.APPEND)) {
      for (int i = 0; i < points; i++) store.append(point(i, finished && i == points - 1));
    }
    return file;
  }

  @Test
  void printsEachFrameAsAnotherWriterAppendsItThenStopsAtTheFinishedFlag() throws Exception {
    Path file = dir.resolve("live.nc");
    NetcdfRecordStore store = NetcdfRecordStore.open(file, RecordStore.Mode.APPEND);
    store.append(point(0, false)); // the file exists before the command starts
    Thread writer = new Thread(() -> {
      try (store) {
        for (int i = 1; i < 12; i++) {
          store.append(point(i, i == 11));
          TimeUnit.MILLISECONDS.sleep(10); // the writer's pace, not a synchronisation
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }, "scan-writer");
    writer.start();
    CliRun r = CliRun.of("follow", file.toString(), "--keys", "key", "--data", "frame", "--finished", "finished",
        "--timeout", "60");
    writer.join();
    assertEquals(0, r.status(), r.err());
    assertEquals(expected(12, "sum"), r.out());
    assertEquals("stopped after 12 frames: finished: the writer set the finished flag\n", r.err());
  }

  @Test
  void aScanThatStopsComingTimesOut() {
    Path file = recordFile(3, false);
    CliRun r = CliRun.of("follow", file.toString(), "--keys", "key", "--data", "frame", "--timeout", "0.2",
        "--reduce", "mean");
    assertEquals(3, r.status(), r.err());
    assertEquals(expected(3, "mean"), r.out());
    assertEquals("stopped after 3 frames: timed out: no new frame within the timeout (0.2 s)\n", r.err());
    CliRun max = CliRun.of("follow", file.toString(), "--keys", "key", "--data", "frame", "--timeout", "0.1",
        "--reduce", "max");
    assertEquals(expected(3, "max"), max.out());
  }

  @Test
  void followsAnHdf5FileThatH5pyWroteInSwmrMode() throws Exception {
    Path python = Path.of("/usr/bin/python3");
    Path file = dir.resolve("scan.h5");
    String script = String.join("\n",
        "import sys, h5py, numpy as np",
        "f = h5py.File(sys.argv[1], 'w', libver='latest')",
        "d = f.create_dataset('entry/data', shape=(2, 3, 4, 5), maxshape=(None, 3, 4, 5), chunks=(1, 1, 4, 5), dtype='f8')",
        "k = f.create_dataset('entry/keys/key_1', shape=(2, 3), maxshape=(None, 3), dtype='i4', fillvalue=0)",
        "fin = f.create_dataset('entry/finished', shape=(1,), dtype='i4')",
        "f.swmr_mode = True",
        "for i in range(6):",
        "    d[np.unravel_index(i, (2, 3))] = i * 100 + np.arange(20).reshape(4, 5)",
        "    d.flush(); k[np.unravel_index(i, (2, 3))] = i + 1; k.flush()",
        "fin[0] = 1; fin.flush(); f.close()");
    boolean h5py = Files.isExecutable(python) && run(python.toString(), "-c", "import h5py") == 0;
    if (!h5py) {
      if ("true".equalsIgnoreCase(System.getenv("CI"))) fail("this test needs apt-get install python3-h5py (CI must run it)");
      Assumptions.abort("no h5py in /usr/bin/python3; skipping");
    }
    assertEquals(0, run(python.toString(), "-c", script, file.toString()));
    CliRun r = CliRun.of("follow", file.toString(), "--keys", "/entry/keys/key_1", "--data", "/entry/data",
        "--finished", "/entry/finished");
    assertEquals(0, r.status(), r.err());
    assertEquals(expected(6, "sum"), r.out());
    assertEquals("stopped after 6 frames: finished: the writer set the finished flag\n", r.err());
  }

  private static int run(String... cmd) throws IOException, InterruptedException {
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    p.getOutputStream().close();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(120, TimeUnit.SECONDS), "python did not finish");
    if (p.exitValue() != 0) System.err.println(out);
    return p.exitValue();
  }

  // ---- bad input ----

  @Test
  void badInputIsRefusedWithExitTwoAndAMessage() throws IOException {
    Path file = recordFile(2, true);
    CliRun missing = CliRun.of("follow", dir.resolve("nope.nc").toString(), "--keys", "key", "--data", "frame");
    assertEquals(2, missing.status());
    assertEquals("sweep follow: no such file: " + dir.resolve("nope.nc") + "\n", missing.err());

    CliRun timeout = CliRun.of("follow", file.toString(), "--keys", "key", "--data", "frame", "--timeout", "0");
    assertEquals(2, timeout.status());
    assertEquals("sweep follow: --timeout was 0.0; expected a positive number of seconds\n", timeout.err());

    CliRun key = CliRun.of("follow", file.toString(), "--keys", "keys", "--data", "frame");
    assertEquals(2, key.status());
    assertEquals("sweep follow: no key dataset 'keys' in the NetCDF file " + file + "; it holds key, frame, finished\n",
        key.err());

    CliRun data = CliRun.of("follow", file.toString(), "--keys", "key", "--data", "image");
    assertEquals(2, data.status());
    assertEquals("sweep follow: no data dataset 'image' in the NetCDF file " + file + "; it holds key, frame, "
        + "finished\n", data.err());

    Path text = Files.writeString(dir.resolve("notes.txt"), "CDX, not NetCDF");
    CliRun neither = CliRun.of("follow", text.toString(), "--keys", "key", "--data", "frame");
    assertEquals(2, neither.status());
    assertEquals("sweep follow: cannot follow " + text + ": it is neither a NetCDF-3 nor an HDF5 file (it starts with "
        + "bytes 43 44 58 2c 20 6e 6f 74 (\"CDX, not\"); NetCDF-3 starts with 'CDF', HDF5 with '\\x89HDF')\n",
        neither.err());

    CliRun noData = CliRun.of("follow", file.toString(), "--keys", "key");
    assertEquals(2, noData.status());
    assertTrue(noData.err().startsWith("Missing required option: '--data=PATH'"), noData.err());

    CliRun reduce = CliRun.of("follow", file.toString(), "--keys", "key", "--data", "frame", "--reduce", "median");
    assertEquals(2, reduce.status());
    assertTrue(reduce.err().startsWith("Invalid value for option '--reduce': expected one of [sum, mean, max] (case-sensitive)"
        + " but was 'median'"), reduce.err());
  }
}
