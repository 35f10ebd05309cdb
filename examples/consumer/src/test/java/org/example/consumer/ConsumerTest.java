package org.example.consumer;

import static dev.sweep.testing.DatasetAssertions.assertIdentical;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.sweep.data.Dataset;
import dev.sweep.data.Index;
import dev.sweep.io.netcdf.Netcdf;
import dev.sweep.io.netcdf.NetcdfFormat;
import dev.sweep.farm.Sampler;
import dev.sweep.io.table.Tables;
import dev.sweep.plot.Plot;
import dev.sweep.store.Stores;
import dev.sweep.run.RunOptions;
import dev.sweep.space.Combos;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.Table;

/**
 * Uses sweep as a library from a project of its own, with nothing but the installed artifacts and
 * the dependencies they declare on the classpath: the checks that a user's classpath works.
 */
class ConsumerTest {
  static final RunOptions QUIET = RunOptions.builder().verbosity(0).build();
  @TempDir Path dir;

  /** The tutorial's sampler, called twice: the second call is the one that needs Guava 33 under Tablesaw. */
  @Test
  void samplerRunsTwiceIntoOneCsv() throws Exception {
    Sampler sampler = Sampler.labelled(Trig.class, "trig", Trig.defaults())
        .directory(dir).seed(42).options(QUIET).build();
    sampler.sampleCombos(1_000);
    sampler.sampleCombos(500, Trig.tangents());
    Table all = Tables.of(sampler.fullDataset());
    assertEquals(1_500, all.rowCount());
    assertEquals(List.of("amp", "fn", "x", "phase", "out"), all.columnNames());
    assertEquals(500, all.stringColumn("fn").isEqualTo("tan").size());
    Plot.scatter(all).x("x").y("out").hue("fn").build().write(dir.resolve("trig.png"));
    Stores.dataset(dir.resolve("trig.nc")).write(sampler.fullDataset());
    assertEquals(1_500, Netcdf.read(dir.resolve("trig.nc")).sizes().get(Sampler.DIM));
    assertTrue(Files.size(dir.resolve("trig.png")) > 0);

    Sampler reopened = Sampler.labelled(Trig.class, "trig", Trig.defaults())
        .directory(dir).seed(43).options(QUIET).build();
    reopened.sampleCombos(100);
    assertEquals(1_600, Tables.of(reopened.fullDataset()).rowCount());
  }

  /** Two JVMs harvest into one file at once; the file keeps every result of both. */
  @Test
  void twoProcessesHarvestIntoOneFile() throws Exception {
    Path file = dir.resolve("shared.nc");
    Process first = child(file, 0, 8);
    Process second = child(file, 50, 8);
    for (Process p : List.of(first, second)) {
      if (!p.waitFor(3, TimeUnit.MINUTES)) {
        p.destroyForcibly();
        fail("a harvesting process did not finish in 3 minutes");
      }
      String out = new String(p.getInputStream().readAllBytes());
      assertEquals(0, p.exitValue(), "a harvesting process failed:\n" + out);
    }
    Dataset ds = Netcdf.read(file);
    assertEquals(Map.of("a", 16, "b", 10), ds.sizes());
    Index a = ds.coord("a");
    Index b = ds.coord("b");
    for (int i = 0; i < a.size(); i++) {
      for (int j = 0; j < b.size(); j++) {
        double want = HarvestRange.f((int) a.getLong(i), (int) b.getLong(j));
        assertEquals(want, ds.variable("y").getDouble(i, j), "y at a=" + a.get(i) + ", b=" + b.get(j));
      }
    }
  }

  /** NetCDF-4 goes through JNA and the NetCDF C library: the dependency that a consumer resolved as jna 4.1.0. */
  @Test
  void writesAndReadsNetcdf4() {
    if (!Netcdf.isNetcdf4Available()) {
      String install = "apt-get install libnetcdf19";
      if ("true".equalsIgnoreCase(System.getenv("CI"))) fail("the NetCDF C library is missing, and CI must run this test: " + install);
      assumeTrue(false, "the NetCDF C library is missing; skipping (" + install + ")");
    }
    Dataset ds = HarvestRange.runner().runCombos(
        Combos.builder().add("a", 1, 2, 3).add("b", 0, 1).build());
    Path file = dir.resolve("results.nc4");
    Netcdf.write(ds, file, NetcdfFormat.NETCDF4);
    Dataset back = Netcdf.read(file);
    assertIdentical(ds, back);
    assertFalse(Double.isNaN(back.doubleValue("y", Map.of("a", 3, "b", 1))));
    assertEquals(301.0, back.doubleValue("y", Map.of("a", 3, "b", 1)));
  }

  private static Process child(Path file, int from, int count) throws Exception {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.add("-Xmx512m");
    cmd.add("-Dorg.slf4j.simpleLogger.defaultLogLevel=warn");
    cmd.add("-cp");
    cmd.add(System.getProperty("java.class.path"));
    cmd.add(HarvestRange.class.getName());
    cmd.add(file.toString());
    cmd.add(Integer.toString(from));
    cmd.add(Integer.toString(count));
    return new ProcessBuilder(cmd).redirectErrorStream(true).start();
  }
}
