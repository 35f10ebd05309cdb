package dev.sweep.examples;

import dev.sweep.run.ComboRunner;
import dev.sweep.run.Grid;
import dev.sweep.run.RunFunction;
import dev.sweep.run.RunOptions;
import dev.sweep.space.Combos;

/** Lesson 1: run {@code foo} over the outer product of combos; the results come back on the N-D grid. */
public final class Lesson01_ComboRunner {
  private Lesson01_ComboRunner() {}

  /** a = 1..3, b in x, y, z, c in true, false: 3 * 3 * 2 = 18 combinations. */
  public static Combos combos() {
    return Combos.builder()
        .add("a", 1, 2, 3)
        .add("b", "x", "y", "z")
        .add("c", true, false)
        .build();
  }

  public static Grid run(RunOptions options) {
    return ComboRunner.of(RunFunction.of(Tutorial.class, "foo")).with(options).run(combos());
  }

  public static void main(String[] args) {
    System.out.println(run(RunOptions.defaults()));
  }
}
