package dev.sweep.space;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class DistributionTest {

  static void assertRefused(String message, Supplier<Distribution> make) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, make::get);
    assertEquals(message, e.getMessage());
  }

  @Test
  void refusesBadBoundsNamingTheParameterAndValue() {
    assertRefused("uniform: lo (3.0) must be less than hi (1.0)", () -> Distribution.uniform(3, 1));
    assertRefused("uniform: lo (1.0) must be less than hi (1.0)", () -> Distribution.uniform(1, 1));
    assertRefused("uniform: hi must be finite, got Infinity", () -> Distribution.uniform(0, Double.POSITIVE_INFINITY));
    assertRefused("uniform: lo must be finite, got NaN", () -> Distribution.uniform(Double.NaN, 1));
    assertRefused("normal: sd must be positive, got -1.0", () -> Distribution.normal(0, -1));
    assertRefused("normal: sd must be positive, got 0.0", () -> Distribution.normal(0, 0));
    assertRefused("normal: mean must be finite, got NaN", () -> Distribution.normal(Double.NaN, 1));
    assertRefused("logUniform: lo must be positive, got 0.0", () -> Distribution.logUniform(0, 1));
    assertRefused("logUniform: lo (10.0) must be less than hi (1.0)", () -> Distribution.logUniform(10, 1));
    assertRefused("integers: lo (5) must be less than hiExclusive (5)", () -> Distribution.integers(5, 5));
    assertRefused("choice: no values to choose from; give at least one", () -> Distribution.choice());
    assertRefused("choice: value 1 is null", () -> Distribution.choice("a", null));
    assertRefused("choice: 1 (Integer) and 'a' (String) cannot share one column type", () -> Distribution.choice(1, "a"));
  }

  @Test
  void drawsStayInTheirRanges() {
    SplittableRandom r = new SplittableRandom(1);
    Distribution u = Distribution.uniform(-1, 2);
    Distribution lu = Distribution.logUniform(1, 1000);
    Distribution ints = Distribution.integers(-3, 4);
    int below10 = 0;
    int[] seen = new int[7];
    for (int i = 0; i < 100_000; i++) {
      double x = (Double) u.draw(r);
      assertTrue(x >= -1 && x < 2, "uniform " + x);
      double y = (Double) lu.draw(r);
      assertTrue(y >= 1 && y < 1000, "logUniform " + y);
      if (y < 10) below10++;
      int k = (Integer) ints.draw(r);
      assertTrue(k >= -3 && k < 4, "integers " + k);
      seen[k + 3]++;
    }
    assertEquals(1.0 / 3, below10 / 100_000.0, 0.01, "a third of log-uniform draws in [1, 10)");
    for (int c : seen) assertTrue(c > 13_000, "every integer drawn about equally often: " + c);
  }

  @Test
  void normalDrawsHaveTheirMeanAndSpread() {
    SplittableRandom r = new SplittableRandom(2);
    Distribution n = Distribution.normal(5, 0.5);
    double sum = 0;
    double sq = 0;
    int count = 200_000;
    for (int i = 0; i < count; i++) {
      double v = (Double) n.draw(r);
      sum += v;
      sq += v * v;
    }
    double mean = sum / count;
    assertEquals(5, mean, 0.01);
    assertEquals(0.5, Math.sqrt(sq / count - mean * mean), 0.01);
  }

  @Test
  void theNormalQuantileIsAccurateToABillionth() {
    assertEquals(0, UnitDistribution.normalQuantile(0.5), 1e-15);
    assertEquals(1.959963984540054, UnitDistribution.normalQuantile(0.975), 1e-8);
    assertEquals(-2.3263478740408408, UnitDistribution.normalQuantile(0.01), 1e-8);
    assertEquals(3.090232306167813, UnitDistribution.normalQuantile(0.999), 1e-8);
    assertTrue(Double.isFinite(UnitDistribution.normalQuantile(0)));
    assertTrue(Double.isFinite(UnitDistribution.normalQuantile(Math.nextDown(1.0))));
  }

  @Test
  void integersAreIntsWhenTheBoundsFitAnIntElseLongs() {
    SplittableRandom r = new SplittableRandom(3);
    assertInstanceOf(Integer.class, Distribution.integers(0, 10).draw(r));
    assertInstanceOf(Long.class, Distribution.integers(0, 1L << 40).draw(r));
    assertInstanceOf(Long.class, ((UnitDistribution) Distribution.integers(Long.MIN_VALUE, Long.MAX_VALUE)).at(0.999));
  }

  @Test
  void choiceWidensMixedNumbersToTheirCommonType() {
    SplittableRandom r = new SplittableRandom(4);
    Distribution d = Distribution.choice(1, 2.5);
    for (int i = 0; i < 100; i++) assertInstanceOf(Double.class, d.draw(r));
    assertEquals(1.0, ((UnitDistribution) d).at(0.0));
    Distribution longs = Distribution.choice(List.of(1, 2L));
    assertInstanceOf(Long.class, longs.draw(r));
  }

  @Test
  void quantilesMapProbabilitiesToValues() {
    assertEquals(0.5, ((UnitDistribution) Distribution.uniform(0, 1)).at(0.5));
    assertEquals(10.0, (Double) ((UnitDistribution) Distribution.logUniform(1, 100)).at(0.5), 1e-12);
    assertEquals("b", ((UnitDistribution) Distribution.choice("a", "b", "c")).at(0.5));
    assertEquals(Math.nextDown(1.0), ((UnitDistribution) Distribution.uniform(0, 1)).at(Math.nextDown(1.0)));
    Distribution exp = Distribution.ofQuantile("exponential(1)", p -> -Math.log1p(-p));
    assertEquals(Math.log(2), (Double) ((UnitDistribution) exp).at(0.5), 1e-15);
    assertEquals("exponential(1)", exp.toString());
  }

  @Test
  void printsWhatItDrawsFrom() {
    assertEquals("uniform(0.0, 1.0)", Distribution.uniform(0, 1).toString());
    assertEquals("normal(0.0, 0.1)", Distribution.normal(0, 0.1).toString());
    assertEquals("logUniform(1.0, 100.0)", Distribution.logUniform(1, 100).toString());
    assertEquals("integers(0, 10)", Distribution.integers(0, 10).toString());
    assertEquals("choice('cos', 'sin')", Distribution.choice("cos", "sin").toString());
  }
}
