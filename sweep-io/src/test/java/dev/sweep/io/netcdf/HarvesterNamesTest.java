package dev.sweep.io.netcdf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.sweep.farm.Harvester;
import dev.sweep.run.RunFunction;
import dev.sweep.run.RunOptions;
import dev.sweep.run.Runner;
import dev.sweep.space.Cases;
import dev.sweep.space.Combos;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What NetCDF cannot store is refused as early as is cheap: names when the harvester is built or
 * before a harvest runs anything, values at the checkpoint of the batch that produced them.
 */
class HarvesterNamesTest {
  static final RunOptions QUIET = RunOptions.builder().verbosity(0).build();
  static final AtomicInteger RUNS = new AtomicInteger();
  @TempDir Path dir;

  static double f(int a) {
    RUNS.incrementAndGet();
    return a;
  }

  static Runner.Builder runner() {
    return Runner.builder(RunFunction.of(HarvesterNamesTest.class, "f")).options(QUIET);
  }

  @Test
  void declaredNamesNetcdfRefusesAreRefusedWhenTheHarvesterIsBuilt() {
    Path file = dir.resolve("names.nc");
    var e = assertThrows(IllegalArgumentException.class, () -> Harvester.builder(runner().vars("θ").build(), file).build());
    assertEquals("cannot harvest HarvesterNamesTest.f(int a) into " + file + ": variable name 'θ' is not a valid "
        + "NetCDF name: it starts with 'θ'; start it with an ASCII letter, digit or underscore", e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> Harvester.builder(runner().vars("my out").build(), file).build());
    assertEquals("cannot harvest HarvesterNamesTest.f(int a) into " + file + ": variable name 'my out' is not a valid "
        + "NetCDF name: it contains a space, which netcdf-java 4.5 would store as '_' ('my_out'); use '_' or another "
        + "character", e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> Harvester.builder(runner().vars("y").attr("run by", "me").build(), file).build());
    assertEquals("cannot harvest HarvesterNamesTest.f(int a) into " + file + ": attribute name 'run by' is not a "
        + "valid NetCDF name: it contains a space, which netcdf-java 4.5 would store as '_' ('run_by'); use '_' or "
        + "another character", e.getMessage());
    assertFalse(Files.exists(file));
  }

  @Test
  void parameterNamesNetcdfRefusesAreRefusedBeforeAnyRun() {
    Path file = dir.resolve("params.nc");
    Harvester h = Harvester.builder(runner().vars("y").build(), file).build();
    RUNS.set(0);
    var e = assertThrows(IllegalArgumentException.class,
        () -> h.harvestCombos(Combos.builder().add("a", 1, 2).add("θ", 1, 2).build()));
    assertEquals("cannot harvest into " + file + ", nothing was run: dimension name 'θ' is not a valid NetCDF name: "
        + "it starts with 'θ'; start it with an ASCII letter, digit or underscore", e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> h.harvestCases(Cases.of(List.of("a", "b c"), List.of(List.of(1, 2)))));
    assertEquals("cannot harvest into " + file + ", nothing was run: dimension name 'b c' is not a valid NetCDF name: "
        + "it contains a space, which netcdf-java 4.5 would store as '_' ('b_c'); use '_' or another character",
        e.getMessage());
    assertEquals(0, RUNS.get(), "no run was made");
    assertFalse(Files.exists(file));
  }

  static Object big(int p) {
    return p == 12 ? (Object) (1L << 40) : (Object) (long) p;
  }

  static String text(int p) {
    return p == 7 ? "a\0b" : "p" + p;
  }

  @Test
  void aValueNetcdf3CannotStoreStopsACheckpointedHarvestAtItsBatchKeepingTheEarlierOnes() {
    Path file = dir.resolve("values.nc");
    Runner longs = Runner.builder(RunFunction.of(HarvesterNamesTest.class, "big")).vars("y").type("y", dev.sweep.data.DType.LONG)
        .options(QUIET).build();
    Harvester h = Harvester.builder(longs, file).saveEvery(5).build();
    var e = assertThrows(IllegalArgumentException.class,
        () -> h.harvestCombos(Combos.builder().add("p", dev.sweep.space.Values.range(0, 40)).build()));
    assertEquals("cannot store the results of runs 10 to 14 in " + file + " (the earlier runs are saved): variable "
        + "'y' is int64 and holds 1099511627776 at (p=12), outside int32, and NetCDF-3 has no int64. Write with "
        + "NetcdfFormat.NETCDF4 (needs libnetcdf19), or store the values as float64", e.getMessage());
    assertEquals(dev.sweep.data.Index.ofInts(dev.sweep.space.Values.range(0, 10)), Netcdf.read(file).coord("p"));

    Path strings = dir.resolve("strings.nc");
    Runner texts = Runner.builder(RunFunction.of(HarvesterNamesTest.class, "text")).vars("s").options(QUIET).build();
    Harvester t = Harvester.builder(texts, strings).saveEvery(5).build();
    e = assertThrows(IllegalArgumentException.class,
        () -> t.harvestCombos(Combos.builder().add("p", dev.sweep.space.Values.range(0, 20)).build()));
    assertEquals("cannot store the results of runs 5 to 9 in " + strings + " (the earlier runs are saved): variable "
        + "'s' holds a string with a NUL character at (p=7), which NetCDF cannot store unchanged", e.getMessage());
    assertEquals(5, Netcdf.read(strings).variable("s").size());
    t.harvestCombos(Combos.builder().add("p", 20, 21).build()); // the harvester is not poisoned
    assertEquals(7, Netcdf.read(strings).variable("s").size());
  }
}
