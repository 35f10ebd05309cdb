package dev.sweep.examples;

import dev.sweep.run.CaseRunner;
import dev.sweep.run.RunFunction;
import dev.sweep.run.RunOptions;
import dev.sweep.space.Cases;
import java.util.List;

/** Lesson 2: run isolated cases; the results come back flat, in case order. */
public final class Lesson02_CaseRunner {
  private Lesson02_CaseRunner() {}

  /** The cases (4, 'z', false) and (5, 'y', true) for arguments a, b, c. */
  public static Cases cases() {
    return Cases.of(List.of("a", "b", "c"), List.of(4, "z", false), List.of(5, "y", true));
  }

  public static List<Object> run(RunOptions options) {
    return CaseRunner.of(RunFunction.of(Tutorial.class, "foo")).with(options).run(cases());
  }

  public static void main(String[] args) {
    run(RunOptions.defaults()).forEach(r -> System.out.println(java.util.Arrays.toString((Object[]) r)));
  }
}
