package dev.sweep.data;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.factory.Nd4j;

class ArithmeticTest {
  /** p (a, b) = 10 a + b; q (b) = b / 2; labels a = 1, 2, 3 and b = 0, 1. */
  static Dataset ds() {
    return Dataset.builder().coord("a", Index.ofInts(1, 2, 3)).coord("b", Index.ofInts(0, 1))
        .variable("p", List.of("a", "b"), Nd4j.createFromArray(new double[][] {{10, 11}, {20, Double.NaN}, {30, 31}}))
        .variable("q", List.of("b"), Nd4j.createFromArray(0.0, 0.5))
        .variable("n", List.of("a"), Nd4j.createFromArray(1, 2, 3))
        .variable("s", List.of("a"), "x", "y", "z")
        .build();
  }

  @Test
  void sameDimensionsCombineElementWise() {
    Dataset ds = ds();
    Variable p = ds.variable("p");
    assertArrayEquals(new double[] {20, 22, 40, Double.NaN, 60, 62}, p.plus(p).toDoubleArray());
    assertArrayEquals(new double[] {0, 0, 0, Double.NaN, 0, 0}, p.minus(p).toDoubleArray());
    assertArrayEquals(new double[] {1, 1, 1, Double.NaN, 1, 1}, p.div(p).toDoubleArray());
    assertArrayEquals(new double[] {5, 5.5, 10, Double.NaN, 15, 15.5}, p.times(0.5).toDoubleArray());
    assertArrayEquals(new double[] {11, 12, 21, Double.NaN, 31, 32}, p.plus(1).toDoubleArray());
    assertEquals(DType.DOUBLE, ds.variable("n").times(2).type());
    assertArrayEquals(new double[] {2, 4, 6}, ds.variable("n").times(2).toDoubleArray());
  }

  @Test
  void operandsBroadcastByDimensionName() {
    Dataset ds = ds();
    Variable pq = ds.variable("p").times(ds.variable("q"));
    assertEquals(List.of("a", "b"), pq.dims());
    assertArrayEquals(new double[] {0, 5.5, 0, Double.NaN, 0, 15.5}, pq.toDoubleArray());
    Variable qn = ds.variable("q").plus(ds.variable("n")); // (b) + (a) -> (b, a)
    assertEquals(List.of("b", "a"), qn.dims());
    for (int b = 0; b < 2; b++) for (int a = 0; a < 3; a++) {
      assertEquals(b / 2.0 + (a + 1), qn.getDouble(b, a), "b=" + b + ", a=" + a);
    }
    Variable hyp = ds.variable("n").combine(ds.get("a"), Math::hypot);
    assertArrayEquals(new double[] {Math.hypot(1, 1), Math.hypot(2, 2), Math.hypot(3, 3)}, hyp.toDoubleArray());
  }

  @Test
  void withAddsOrReplacesAVariableComputedFromTheDataset() {
    Dataset ds = ds();
    Dataset e = ds.with("energy", d -> d.get("p").times(d.get("a")));
    assertEquals(List.of("p", "q", "n", "s", "energy"), List.copyOf(e.variables().keySet()));
    assertEquals(40.0, e.doubleValue("energy", Map.of("a", 2, "b", 0)));
    Dataset replaced = ds.with("q", ds.get("q").map(Math::exp));
    assertEquals(Math.exp(0.5), replaced.doubleValue("q", Map.of("b", 1)));
    assertEquals(List.of("p", "q", "n", "s"), List.copyOf(replaced.variables().keySet()));
    Dataset masked = ds.where(ds.get("p").test(v -> v > 15));
    assertTrue(Double.isNaN(masked.doubleValue("p", Map.of("a", 1, "b", 1))));
    assertEquals(30.0, masked.doubleValue("p", Map.of("a", 3, "b", 0)));
  }

  @Test
  void badOperandsAreNamed() {
    Dataset ds = ds();
    var e = assertThrows(IllegalArgumentException.class, () -> ds.variable("s").plus(1));
    assertEquals("plus: variable 's' is str; arithmetic needs numbers or bools", e.getMessage());
    Variable other = Variable.of("w", List.of("a"), Nd4j.createFromArray(1.0, 2.0));
    e = assertThrows(IllegalArgumentException.class, () -> ds.variable("n").times(other));
    assertEquals("times of 'n' and 'w': dimension 'a' has size 3 in 'n' and 2 in 'w'", e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> ds.get("zz"));
    assertEquals("no variable or labelled dimension 'zz'; the variables are [p, q, n, s] and the labelled dimensions "
        + "[a, b]", e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> ds.with("a", ds.get("n")));
    assertEquals("variable 'a' has the name of a labelled dimension", e.getMessage());
  }
}
