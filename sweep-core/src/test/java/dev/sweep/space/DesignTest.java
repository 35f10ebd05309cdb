package dev.sweep.space;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class DesignTest {

  /** The L2-star discrepancy of points[dim][sample] (Warnock's formula): lower is more even. */
  static double l2StarDiscrepancy(double[][] u) {
    int d = u.length;
    int n = u[0].length;
    double sum1 = 0;
    for (int i = 0; i < n; i++) {
      double p = 1;
      for (int k = 0; k < d; k++) p *= 1 - u[k][i] * u[k][i];
      sum1 += p;
    }
    double sum2 = 0;
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        double p = 1;
        for (int k = 0; k < d; k++) p *= 1 - Math.max(u[k][i], u[k][j]);
        sum2 += p;
      }
    }
    return Math.sqrt(Math.pow(3, -d) - Math.pow(2, 1 - d) / n * sum1 + sum2 / ((double) n * n));
  }

  @ParameterizedTest
  @EnumSource(Design.class)
  void everyDesignGivesNPointsInTheUnitCubeAndRepeatsWithTheSeed(Design design) {
    double[][] u = design.points(500, 4, new SplittableRandom(1));
    assertEquals(4, u.length);
    for (double[] row : u) {
      assertEquals(500, row.length);
      for (double v : row) assertTrue(v >= 0 && v < 1, design + " gave " + v);
    }
    assertArrayEquals(u[3], design.points(500, 4, new SplittableRandom(1))[3]);
    assertFalse(Arrays.equals(u[0], design.points(500, 4, new SplittableRandom(2))[0]),
        design + " differs with the seed");
  }

  @Test
  void aLatinHypercubeHasExactlyOneSampleInEachStratumOfEachDimension() {
    for (int n : new int[] {1, 2, 7, 100, 1000}) {
      double[][] u = Design.LATIN_HYPERCUBE.points(n, 5, new SplittableRandom(n));
      for (double[] row : u) {
        int[] count = new int[n];
        for (double v : row) count[(int) Math.floor(v * n)]++;
        for (int k = 0; k < n; k++) assertEquals(1, count[k], "n " + n + ", stratum " + k);
      }
    }
  }

  @Test
  void haltonPointsAreMoreEvenThanIndependentOnes() {
    for (int d : new int[] {2, 3, 5}) {
      double halton = 0;
      double independent = 0;
      double lhs = 0;
      for (int seed = 0; seed < 10; seed++) {
        halton += l2StarDiscrepancy(Design.HALTON.points(256, d, new SplittableRandom(seed)));
        independent += l2StarDiscrepancy(Design.INDEPENDENT.points(256, d, new SplittableRandom(seed)));
        lhs += l2StarDiscrepancy(Design.LATIN_HYPERCUBE.points(256, d, new SplittableRandom(seed)));
      }
      double factor = d <= 3 ? 0.5 : 0.8; // the advantage shrinks as dimensions are added
      assertTrue(halton < independent * factor, "d " + d + ": Halton " + halton / 10 + " vs independent " + independent / 10);
      assertTrue(lhs < independent, "d " + d + ": Latin hypercube " + lhs / 10 + " vs independent " + independent / 10);
    }
  }

  @Test
  void haltonUsesOnePrimeBasePerDimension() {
    // The first points in bases 2 and 3 (0.5, 0.25, 0.75, ... and 1/3, 2/3, 1/9, ...), each dimension
    // shifted by the offset its generator draws.
    SplittableRandom offsets = new SplittableRandom(5);
    double[] shift = {offsets.nextDouble(), offsets.nextDouble()};
    double[][] u = Design.HALTON.points(4, 2, new SplittableRandom(5));
    double[][] unshifted = {{0.5, 0.25, 0.75, 0.125}, {1.0 / 3, 2.0 / 3, 1.0 / 9, 1.0 / 3 + 1.0 / 9}};
    for (int d = 0; d < 2; d++) {
      for (int i = 0; i < 4; i++) {
        double want = unshifted[d][i] + shift[d];
        assertEquals(want >= 1 ? want - 1 : want, u[d][i], 1e-12, "dimension " + d + ", point " + i);
      }
    }
  }

  @Test
  void sobolPointsAreMoreEvenThanIndependentOnesInManyDimensions() {
    for (int d : new int[] {2, 8}) {
      double sobol = 0;
      double independent = 0;
      for (int seed = 0; seed < 10; seed++) {
        sobol += l2StarDiscrepancy(Design.SOBOL.points(256, d, new SplittableRandom(seed)));
        independent += l2StarDiscrepancy(Design.INDEPENDENT.points(256, d, new SplittableRandom(seed)));
      }
      assertTrue(sobol < independent * 0.8, "d " + d + ": Sobol " + sobol / 10 + " vs independent " + independent / 10);
    }
  }

  @Test
  void haltonRefusesMoreDimensionsThanItsPrimes() {
    var e = assertThrows(IllegalArgumentException.class, () -> Design.HALTON.points(4, 41, new SplittableRandom(1)));
    assertEquals("HALTON places at most 40 arguments; this draw has 41 continuous ones: use SOBOL or LATIN_HYPERCUBE",
        e.getMessage());
    assertEquals(1000, Design.SOBOL.points(2, 1000, new SplittableRandom(1)).length);
  }
}
