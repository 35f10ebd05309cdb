package dev.sweep.io.netcdf;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sweep.farm.Harvester;
import dev.sweep.run.RunFunction;
import dev.sweep.run.RunOptions;
import dev.sweep.run.Runner;
import dev.sweep.space.Combos;
import dev.sweep.store.StoreFormatException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A NetCDF-4 file whose data live in groups is refused, not read as its (empty) root group: writing
 * that root back, as a harvest does, would delete the groups' data.
 */
class GroupsTest {
  /** What {@code xarray_groups.nc} (make_golden.py) holds, and what to do about it. */
  static final String PROBLEM = "it keeps data in NetCDF-4 groups, which sweep does not read: group 'sim' "
      + "(variables temperature, count, t), group 'sim/run2' (variables energy); the root group holds 0 "
      + "variables. Reading the root alone would lose the groups when the dataset is written back. Save each "
      + "group as a file of its own, e.g. in Python: xr.open_dataset(path, group=\"sim\").to_netcdf(\"sim.nc\")";

  @TempDir Path dir;

  static double f(int a) {
    return a * 2.0;
  }

  @Test
  void readingAFileWithDataInGroupsSaysWhatItHoldsAndWhatToDo() {
    Path file = ExternalTools.resource(dir, "xarray_groups.nc");
    StoreFormatException e = assertThrows(StoreFormatException.class, () -> Netcdf.read(file));
    assertEquals(file + ": " + PROBLEM, e.getMessage());
  }

  @Test
  void aHarvesterRefusesToHarvestIntoItAndLeavesItAsItWas() throws Exception {
    Path file = ExternalTools.resource(dir, "xarray_groups.nc");
    byte[] before = Files.readAllBytes(file);
    Runner runner = Runner.builder(RunFunction.of(GroupsTest.class, "f")).vars("y")
        .options(RunOptions.builder().verbosity(0).build()).build();
    StoreFormatException e = assertThrows(StoreFormatException.class, () -> {
      Harvester h = Harvester.builder(runner, file).build();
      h.harvestCombos(Combos.builder().add("a", 1, 2).build());
    });
    assertTrue(e.getMessage().contains("group 'sim' (variables temperature, count, t)"), e.getMessage());
    assertArrayEquals(before, Files.readAllBytes(file), "the file is untouched");
  }

  @Test
  void aFileXarrayWritesTodayWithGroupsIsRefusedToo() {
    ExternalTools.requireXarray();
    Path script = ExternalTools.resource(dir, "make_golden.py");
    ExternalTools.run(dir, ExternalTools.PYTHON.toString(), script.toString(), dir.toString())
        .assertSuccess("make_golden.py");
    Path file = dir.resolve("xarray_groups.nc");
    StoreFormatException e = assertThrows(StoreFormatException.class, () -> Netcdf.read(file));
    assertEquals(file + ": " + PROBLEM, e.getMessage());
  }

  @Test
  void emptyGroupsAreIgnored() {
    ExternalTools.requireXarray();
    Path file = dir.resolve("empty_group.nc");
    String code = "import sys, netCDF4\n"
        + "with netCDF4.Dataset(sys.argv[1], 'w') as nc:\n"
        + "    nc.createDimension('i', 2)\n"
        + "    nc.createVariable('v', 'f8', ('i',))[:] = [1.5, 2.5]\n"
        + "    nc.createGroup('nothing_here')\n";
    ExternalTools.run(dir, ExternalTools.PYTHON.toString(), "-c", code, file.toString()).assertSuccess("netCDF4");
    assertArrayEquals(new double[] {1.5, 2.5}, Netcdf.read(file).variable("v").toDoubleArray());
  }
}
