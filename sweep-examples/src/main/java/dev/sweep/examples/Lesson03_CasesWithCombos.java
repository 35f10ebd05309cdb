package dev.sweep.examples;

import dev.sweep.run.ComboRunner;
import dev.sweep.run.Grid;
import dev.sweep.run.RunFunction;
import dev.sweep.run.RunOptions;
import dev.sweep.space.Cases;
import dev.sweep.space.Combos;
import java.util.List;
import java.util.Map;

/**
 * Lesson 3: some arguments as cases, some as combos. Every case runs with every sub-combination;
 * the grid is the smallest holding all runs (a by 1..3, c by false, true, then b), and the cells no
 * run reached are missing (NaN).
 */
public final class Lesson03_CasesWithCombos {
  private Lesson03_CasesWithCombos() {}

  public static Cases cases() {
    return Cases.ofMaps(List.of(
        Map.of("a", 1, "c", true),
        Map.of("a", 2, "c", false),
        Map.of("a", 3, "c", true)));
  }

  public static Combos combos() {
    return Combos.builder().add("b", "x", "y", "z").build();
  }

  public static Grid run(RunOptions options) {
    return ComboRunner.of(RunFunction.of(Tutorial.class, "foo")).with(options).run(cases(), combos());
  }

  public static void main(String[] args) {
    System.out.println(run(RunOptions.defaults()));
  }
}
