package dev.sweep.examples;

import dev.sweep.data.Dataset;
import dev.sweep.run.RunFunction;
import dev.sweep.run.RunOptions;
import dev.sweep.run.Runner;

/** Lesson 4: describe foo's outputs with a {@link Runner} and get a labelled {@link Dataset}. */
public final class Lesson04_Runner {
  private Lesson04_Runner() {}

  public static Runner runner(RunOptions options) {
    return Runner.builder(RunFunction.of(Tutorial.class, "foo"))
        .vars("a_out", "b_out")
        .options(options)
        .build();
  }

  public static Dataset run(RunOptions options) {
    return runner(options).runCombos(Lesson01_ComboRunner.combos());
  }

  public static void main(String[] args) {
    System.out.println(run(RunOptions.defaults()));
  }
}
