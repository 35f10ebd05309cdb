package dev.sweep.io.netcdf;

import dev.sweep.farm.Harvester;
import dev.sweep.run.RunFunction;
import dev.sweep.run.RunOptions;
import dev.sweep.run.Runner;
import dev.sweep.space.Combos;
import dev.sweep.space.Values;
import java.nio.file.Path;

/**
 * A child JVM for the checkpoint crash test: harvests the missing runs of a grid with
 * {@code saveEvery}, printing {@code ready} once loaded; the harvester logs each saved checkpoint
 * ("saved N of M runs") at debug level. Prints {@code done} when the grid is complete.
 */
public final class CheckpointChild {
  private CheckpointChild() {}

  /** The grid: a in 0..39, b in 0..99, c in 0..49 (200,000 runs). */
  static Combos grid() {
    return Combos.builder().add("a", Values.range(0, 40)).add("b", Values.range(0, 100)).add("c", Values.range(0, 50))
        .build();
  }

  /** {@link HarvestChild#f}, after a few microseconds of work, so that a harvest lasts long enough to be killed in. */
  public static double slow(int a, int b, int c) {
    double s = 0;
    for (int i = 0; i < 2000; i++) s += Math.sin(i + a);
    return HarvestChild.f(a, b, c) + (s > 1e9 ? 1 : 0);
  }

  static Runner runner() {
    return Runner.builder(RunFunction.of(CheckpointChild.class, "slow")).vars("y")
        .options(RunOptions.builder().verbosity(0).build()).build();
  }

  /** {@code FILE SAVE_EVERY}. */
  public static void main(String[] args) {
    Harvester h = Harvester.builder(runner(), Path.of(args[0])).saveEvery(Long.parseLong(args[1])).build();
    System.out.println("ready");
    System.out.flush();
    h.harvestMissing(grid());
    System.out.println("done");
    System.out.flush();
  }
}
