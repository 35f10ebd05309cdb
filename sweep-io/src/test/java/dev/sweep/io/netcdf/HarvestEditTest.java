package dev.sweep.io.netcdf;

import static dev.sweep.testing.DatasetAssertions.assertIdentical;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sweep.data.Dataset;
import dev.sweep.data.Index;
import dev.sweep.farm.Harvester;
import dev.sweep.io.testing.ChildProcess;
import dev.sweep.run.RunFunction;
import dev.sweep.run.RunOptions;
import dev.sweep.run.Runner;
import dev.sweep.space.Combos;
import dev.sweep.space.Values;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Editing a harvest in a real NetCDF file: the edit sticks for every live harvester, here and in another JVM. */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class HarvestEditTest {
  static final RunOptions QUIET = RunOptions.builder().verbosity(0).build();
  @TempDir Path dir;

  static Combos at(int... as) {
    List<Object> a = new java.util.ArrayList<>();
    for (int x : as) a.add(x);
    return Combos.builder().add("a", a).add("b", Values.range(0, 10)).add("c", 0, 1).build();
  }

  @Test
  void aDropByOneHarvesterSticksForAnotherLiveOneInThisJvm() {
    Path file = dir.resolve("shared.nc");
    Harvester one = Harvester.builder(HarvestChild.runner(), file).build();
    Harvester two = Harvester.builder(HarvestChild.runner(), file).build();
    one.harvestCombos(at(0, 1));
    two.harvestCombos(at(2)); // two holds 0, 1, 2
    one.dropSel(Map.of("a", 1));
    two.harvestCombos(at(3));
    assertEquals(Index.ofInts(0, 2, 3), Netcdf.read(file).coord("a"), "the dropped label does not come back");
    assertIdentical(Netcdf.read(file), two.fullDataset());
    two.replace(HarvestChild.runner().runCombos(at(7)));
    one.harvestCombos(at(8));
    assertEquals(Index.ofInts(7, 8), Netcdf.read(file).coord("a"), "what the replacement lacks does not come back");
  }

  @Test
  void aDropSticksForALiveHarvesterInAnotherJvmBothWays() throws Exception {
    Path file = dir.resolve("two-jvms.nc");
    Harvester here = Harvester.builder(HarvestChild.runner(), file).build();
    here.harvestCombos(at(0, 1, 2));
    try (ChildProcess child = ChildProcess.start(EditChild.class, file.toString())) {
      assertNotNull(child.await(l -> l.startsWith("ready"), 2, TimeUnit.MINUTES), child.output());
      assertTrue(child.output().contains("ready a=[0, 1, 2]"), child.output());
      here.dropSel(Map.of("a", 1));
      child.send("harvest 5");
      String line = child.await(l -> l.startsWith("harvested 5"), 2, TimeUnit.MINUTES);
      assertEquals("harvested 5 a=[0, 2, 5]", line, child.output());
      // And the other way: the child drops, this live harvester's next harvest keeps it dropped.
      child.send("drop 0");
      assertEquals("dropped 0 a=[2, 5]", child.await(l -> l.startsWith("dropped 0"), 2, TimeUnit.MINUTES),
          child.output());
      here.harvestCombos(at(6));
      assertEquals(Index.ofInts(2, 5, 6), Netcdf.read(file).coord("a"));
      assertEquals(Index.ofInts(2, 5, 6), here.fullDataset().coord("a"));
      child.send("exit");
      assertTrue(child.process().waitFor(2, TimeUnit.MINUTES), "the child did not exit");
    }
    HarvesterNetcdfTest.assertConsistent(Netcdf.read(file));
  }

  static double g(int a, int b, int c) {
    return a * 10.0 + b + c * 100.0;
  }

  @Test
  void expandDimsThenAHarvestAlongTheNewDimensionAsXyzpyDoes() {
    Path file = dir.resolve("expand.nc");
    Runner constant = Runner.builder(RunFunction.of(HarvestEditTest.class, "g")).vars("y").constant("c", 8)
        .options(QUIET).build();
    Harvester.builder(constant, file).build()
        .harvestCombos(Combos.builder().add("a", 0, 1).add("b", 0, 1, 2).build());
    Runner swept = Runner.builder(RunFunction.of(HarvestEditTest.class, "g")).vars("y").options(QUIET).build();
    Harvester h = Harvester.builder(swept, file).build();
    h.expandDims("c", 8);
    assertEquals(List.of("c", "a", "b"), Netcdf.read(file).dims());
    Combos both = Combos.builder().add("a", 0, 1).add("b", 0, 1, 2).add("c", 8, 9).build();
    h.harvestCombos(both);
    Dataset stored = Netcdf.read(file);
    assertIdentical(swept.runCombos(both).transpose("c", "a", "b"), stored);
    ExternalTools.requireXarray();
    String code = "import sys, xarray as xr\n"
        + "ds = xr.open_dataset(sys.argv[1])\n"
        + "print(list(ds.y.dims), ds.c.values.tolist(), float(ds.y.sel(c=9, a=1, b=2)), sorted(ds.attrs))\n";
    ExternalTools.Result r = ExternalTools.run(dir, ExternalTools.PYTHON.toString(), "-c", code, file.toString())
        .assertSuccess("xarray");
    assertEquals("['c', 'a', 'b'] [8, 9] 912.0 []", r.stdout().trim());
  }
}
