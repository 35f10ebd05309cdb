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

/** Names NetCDF cannot store are refused when the harvester is built, or before a harvest runs anything. */
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
}
