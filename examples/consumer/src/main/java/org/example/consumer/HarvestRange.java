package org.example.consumer;

import dev.sweep.farm.Harvester;
import dev.sweep.run.RunFunction;
import dev.sweep.run.RunOptions;
import dev.sweep.run.Runner;
import dev.sweep.space.Combos;
import dev.sweep.space.Values;
import java.nio.file.Path;

/**
 * Harvests {@code y = f(a, b)} into one NetCDF file, one harvest per value of a: {@code HarvestRange
 * FILE FROM COUNT} harvests a = FROM .. FROM+COUNT-1 with b in 0..9. Several processes may run it on
 * the same file at once; each harvest locks the file, merges with what the others wrote, and saves.
 */
public final class HarvestRange {
  private HarvestRange() {}

  /** The harvested function: {@code f(a, b) = 100 a + b}. */
  public static double f(int a, int b) {
    return 100.0 * a + b;
  }

  /** The runner every process uses: one float64 output {@code y} over a and b, quiet. */
  public static Runner runner() {
    return Runner.builder(RunFunction.of(HarvestRange.class, "f")).vars("y")
        .options(RunOptions.builder().verbosity(0).build()).build();
  }

  public static void main(String[] args) {
    Path file = Path.of(args[0]);
    int from = Integer.parseInt(args[1]);
    int count = Integer.parseInt(args[2]);
    Harvester harvester = Harvester.builder(runner(), file).build();
    for (int a = from; a < from + count; a++) {
      harvester.harvestCombos(Combos.builder().add("a", a).add("b", Values.range(0, 10)).build());
    }
  }
}
