package dev.sweep.io.netcdf;

import static dev.sweep.testing.DatasetAssertions.assertIdentical;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sweep.data.DType;
import dev.sweep.data.Dataset;
import dev.sweep.farm.Crop;
import dev.sweep.farm.Harvester;
import dev.sweep.run.RunFunction;
import dev.sweep.run.RunOptions;
import dev.sweep.run.Runner;
import dev.sweep.space.Combos;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.math3.complex.Complex;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Complex outputs harvested into files across harvests (NetCDF-3 records appended in place, NetCDF-4
 * rewritten, merges that leave NaN+NaNj), through checkpoint journals and crop batch files.
 */
class ComplexHarvestTest {
  static final RunOptions QUIET = RunOptions.builder().verbosity(0).build();
  @TempDir Path dir;

  /** An amplitude and its spectrum: a complex scalar and a complex vector. */
  public static Object[] wave(int a, double b) {
    Complex amp = new Complex(a, -b);
    return new Object[] {amp, new Complex[] {amp.multiply(2), amp.conjugate()}};
  }

  static Runner runner() {
    return Runner.builder(RunFunction.of(ComplexHarvestTest.class, "wave")).vars("amp", "spec").dims("spec", "k")
        .options(QUIET).build();
  }

  static Combos combos(int... as) {
    Integer[] boxed = new Integer[as.length];
    for (int i = 0; i < as.length; i++) boxed[i] = as[i];
    return Combos.builder().add("a", (Object[]) boxed).add("b", 0.5, 1.5).build();
  }

  @Test
  void netcdf3HarvestsAppendComplexRecordsInPlace() throws Exception {
    Path file = dir.resolve("waves.nc");
    Harvester h = Harvester.builder(runner(), file).build();
    h.harvestCombos(combos(0, 1));
    Object before = HarvesterAppendTest.inode(file);
    h.harvestCombos(combos(2));
    assertEquals(before, HarvesterAppendTest.inode(file), "appended in place, not rewritten");
    Dataset want = runner().runCombos(combos(0, 1, 2));
    assertEquals(DType.COMPLEX128, want.variable("amp").type());
    assertIdentical(want, h.fullDataset());
    assertIdentical(want, Harvester.builder(runner(), file).build().fullDataset());
  }

  @Test
  void netcdf4HarvestsMergeWithNaNPlusNaNjWhereNoRunWasMade() {
    Path file = dir.resolve("waves4.nc");
    ExternalTools.requireNetcdf4();
    Netcdf.write(runner().runCombos(combos(0)), file, NetcdfFormat.NETCDF4);
    Harvester h = Harvester.builder(runner(), file).build();
    h.harvestCombos(Combos.builder().add("a", 1).add("b", 2.5).build());
    Dataset full = Harvester.builder(runner(), file).build().fullDataset();
    assertEquals(List.of("a", "b", "k"), full.dims());
    assertEquals(Complex.NaN, full.variable("amp").get(0, 2), "a=0, b=2.5 never ran");
    assertEquals(new Complex(1, -2.5), full.variable("amp").get(1, 2));
    assertTrue(full.variable("spec").isMissing(1, 0, 1));
    assertEquals(new Complex(2, -5), full.variable("spec").get(1, 2, 0));
  }

  @Test
  void checkpointsAndCropBatchesCarryComplexValues() {
    Path file = dir.resolve("checkpointed.nc");
    Harvester h = Harvester.builder(runner(), file).saveEvery(1).build();
    h.harvestCombos(combos(0, 1, 2));
    assertIdentical(runner().runCombos(combos(0, 1, 2)), Harvester.builder(runner(), file).build().fullDataset());

    Path reaped = dir.resolve("reaped.nc");
    Harvester into = Harvester.builder(runner(), reaped).build();
    Crop crop = Crop.builder(into, dir.resolve("crop")).batches(3).sowCombos(combos(0, 1, 2));
    crop.growMissing();
    crop.reap(into);
    assertIdentical(runner().runCombos(combos(0, 1, 2)), Harvester.builder(runner(), reaped).build().fullDataset());
  }
}
