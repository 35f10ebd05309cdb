package dev.sweep.examples;

import dev.sweep.data.Dataset;
import dev.sweep.run.RunOptions;
import dev.sweep.run.Runner;
import dev.sweep.space.Combos;
import dev.sweep.space.Values;

/**
 * Lesson 5: outputs with inner dimensions. {@code bar(i, j, k, t) -> (A, B[x], C[x, t])}, described
 * by its {@link dev.sweep.run.Label}, with the constant t = linspace(0, 1, 101) stored as the labels
 * of dimension t. A is (i, j, k), B is (i, j, k, x), C is (i, j, k, x, t).
 */
public final class Lesson05_StructuredOutput {
  private Lesson05_StructuredOutput() {}

  public static Combos combos() {
    return Combos.builder()
        .add("i", 5, 6, 7)
        .add("j", 0.5, 0.6, 0.7)
        .add("k", 0.05, 0.06, 0.07)
        .build();
  }

  public static Runner runner(RunOptions options) {
    return Runner.labelled(Tutorial.class, "bar")
        .constant("t", Values.linspace(0, 1, 101))
        .options(options)
        .build();
  }

  public static Dataset run(RunOptions options) {
    return runner(options).runCombos(combos());
  }

  public static void main(String[] args) {
    System.out.println(run(RunOptions.defaults()));
  }
}
