package dev.sweep.io.netcdf;

import dev.sweep.farm.Harvester;
import dev.sweep.run.RunFunction;
import dev.sweep.run.RunOptions;
import dev.sweep.run.Runner;
import dev.sweep.space.Combos;
import dev.sweep.space.Values;
import java.nio.file.Path;

/** A child JVM for the safety tests: harvests into a file until killed, or a range of values. */
public final class HarvestChild {
  private HarvestChild() {}

  /** The function every process harvests: f(a, b, c) = a * 1000 + b + c / 100. */
  public static double f(int a, int b, int c) {
    return a * 1000.0 + b + c / 100.0;
  }

  static Runner runner() {
    return Runner.builder(RunFunction.of(HarvestChild.class, "f")).vars("y")
        .options(RunOptions.builder().verbosity(0).build()).build();
  }

  /**
   * {@code loop FILE}: harvests a = 0, 1, 2, ... (each with b in 0..199, c in 0..49) forever.
   * {@code range FILE FROM COUNT}: harvests a = FROM .. FROM+COUNT-1, one harvest each, then exits.
   */
  public static void main(String[] args) {
    Path file = Path.of(args[1]);
    Harvester h = Harvester.builder(runner(), file).build();
    if (args[0].equals("loop")) {
      runner().runCombos(Combos.builder().add("a", 0).add("b", 0).add("c", 0).build()); // load ND4J first
      int start = h.fullDataset().coords().containsKey("a") ? h.fullDataset().coord("a").size() : 0;
      System.out.println("ready");
      System.out.flush();
      for (int a = start; ; a++) {
        h.harvestCombos(Combos.builder().add("a", a).add("b", Values.range(0, 200)).add("c", Values.range(0, 50)).build());
        System.out.println("saved " + a);
        System.out.flush();
      }
    }
    int from = Integer.parseInt(args[2]);
    int count = Integer.parseInt(args[3]);
    for (int a = from; a < from + count; a++) {
      h.harvestCombos(Combos.builder().add("a", a).add("b", Values.range(0, 10)).add("c", 0, 1).build());
    }
  }
}
