package dev.sweep.cluster;

import dev.sweep.run.RunFunction;
import dev.sweep.run.RunOptions;
import dev.sweep.run.Runner;
import dev.sweep.space.Combos;

/** The function the cluster tests sow: fails on purpose where {@code a} is the value of {@code -Dsweep.test.unlucky}. */
public final class Work {
  static final RunOptions QUIET = RunOptions.builder().verbosity(0).build();

  private Work() {}

  /** {@code a * sin(x) + n}, unless {@code a} is unlucky in this JVM. */
  public static double wave(int a, double x, int n) {
    if (a == Integer.getInteger("sweep.test.unlucky", -1)) {
      throw new IllegalStateException("a = " + a + " is unlucky in this worker");
    }
    return a * Math.sin(x) + n;
  }

  static Runner runner() {
    return Runner.builder(RunFunction.of(Work.class, "wave")).vars("y").options(QUIET).build();
  }

  /** 8 values of a, so that 8 batches hold one value of a each. */
  static Combos combos() {
    return Combos.builder().add("a", 0, 1, 2, 3, 4, 5, 6, 7).add("x", 0.0, 0.5, 1.0).add("n", 10, 20).build();
  }
}
