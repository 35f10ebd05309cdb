package dev.sweep.run;

import static org.junit.jupiter.api.Assertions.*;

import dev.sweep.data.Dataset;
import dev.sweep.space.Cases;
import dev.sweep.space.Combos;
import dev.sweep.space.Values;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class RunnerSmokeTest {
  static Object[] foo(int a, String b, boolean c) {
    return new Object[] {a + "-" + b + "-" + c, Math.sin(a)};
  }

  static Object[] bar(int i, double j, double k, double[] t) {
    Random r = new Random();
    double[][] c = new double[3][t.length];
    for (double[] row : c) for (int q = 0; q < row.length; q++) row[q] = r.nextDouble();
    return new Object[] {r.nextDouble(), new double[] {1, 2, 3}, c};
  }

  @Test
  void tutorial() {
    Combos combos = Combos.builder().add("a", 1, 2, 3).add("b", "x", "y", "z").add("c", true, false).build();
    RunOptions quiet = RunOptions.builder().verbosity(0).build();
    Grid g = ComboRunner.of(RunFunction.of(RunnerSmokeTest.class, "foo")).with(quiet).run(combos);
    System.out.println(g);
    Runner r = Runner.builder(RunFunction.of(RunnerSmokeTest.class, "foo")).vars("a_out", "b_out").options(quiet).build();
    Dataset ds = r.runCombos(combos);
    System.out.println(ds);
    Dataset mixed = r.run(Cases.ofMaps(List.of(Map.of("a", 1, "c", true), Map.of("a", 2, "c", false), Map.of("a", 3, "c", true))),
        Combos.builder().add("b", "x", "y", "z").build());
    System.out.println(mixed);
    Runner rb = Runner.builder(RunFunction.of(RunnerSmokeTest.class, "bar")).vars("A", "B", "C").dims("B", "x").dims("C", "x", "t")
        .coords("x", 10, 20, 30).constant("t", Values.linspace(0, 1, 101)).options(quiet).build();
    Dataset b = rb.runCombos(Combos.builder().add("i", 5, 6, 7).add("j", 0.5, 0.6, 0.7).add("k", 0.05, 0.06, 0.07).build());
    System.out.println(b);
    assertArrayEquals(new long[] {3, 3, 3, 3, 101}, b.variable("C").shape());
  }
}
