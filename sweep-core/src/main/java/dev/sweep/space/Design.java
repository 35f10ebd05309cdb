package dev.sweep.space;

import java.util.SplittableRandom;

/**
 * How one call's samples are placed in the parameter space: independently, or as a space-filling
 * design that covers a sparse space evenly.
 *
 * <p>A design works on probabilities: for each sample it gives a point of [0, 1)^d, one coordinate per
 * argument whose distribution has a quantile function (every built-in {@link Distribution} and
 * {@link Distribution#ofQuantile}), and each distribution maps its coordinate to a value. Arguments
 * drawn from other distributions are drawn independently under every design. Designs use the sampler's
 * seed, so a seeded sampler repeats its designs too.
 */
public enum Design {
  /** Every argument of every sample drawn independently (xyzpy's behaviour; the default). */
  INDEPENDENT {
    @Override
    double[][] points(int n, int dims, SplittableRandom random) {
      double[][] u = new double[dims][n];
      for (double[] row : u) {
        for (int i = 0; i < n; i++) row[i] = random.nextDouble();
      }
      return u;
    }
  },

  /**
   * A Latin hypercube: each argument's range is cut into n strata of equal probability and every
   * stratum holds exactly one of the n samples, placed at random within it; strata are paired across
   * arguments at random.
   */
  LATIN_HYPERCUBE {
    @Override
    double[][] points(int n, int dims, SplittableRandom random) {
      double[][] u = new double[dims][n];
      int[] perm = new int[n];
      for (double[] row : u) {
        for (int i = 0; i < n; i++) perm[i] = i;
        for (int i = n - 1; i > 0; i--) {
          int j = random.nextInt(i + 1);
          int t = perm[i];
          perm[i] = perm[j];
          perm[j] = t;
        }
        for (int i = 0; i < n; i++) row[i] = below1((perm[i] + random.nextDouble()) / n);
      }
      return u;
    }
  },

  /**
   * The Halton low-discrepancy sequence (one prime base per argument: 2, 3, 5, 7, ...) shifted by a
   * random offset modulo 1 per argument (a Cranley-Patterson rotation), so that different seeds give
   * different, equally even point sets. Best for a handful of arguments; with many, the high bases
   * correlate.
   */
  HALTON {
    @Override
    double[][] points(int n, int dims, SplittableRandom random) {
      double[][] u = new double[dims][n];
      int[] bases = primes(dims);
      for (int d = 0; d < dims; d++) {
        double shift = random.nextDouble();
        for (int i = 0; i < n; i++) {
          double v = radicalInverse(i + 1L, bases[d]) + shift;
          u[d][i] = below1(v >= 1 ? v - 1 : v);
        }
      }
      return u;
    }
  };

  /**
   * The design's n points in [0, 1)^dims, as {@code points[dim][sample]}, using only the given
   * generator.
   */
  abstract double[][] points(int n, int dims, SplittableRandom random);

  private static double below1(double v) {
    return v < 1 ? v : Math.nextDown(1.0);
  }

  /** The digits of i in the given base, mirrored about the radix point. */
  static double radicalInverse(long i, int base) {
    double inv = 1.0 / base;
    double f = inv;
    double r = 0;
    while (i > 0) {
      r += (i % base) * f;
      i /= base;
      f *= inv;
    }
    return r;
  }

  /** The first n primes. */
  static int[] primes(int n) {
    int[] p = new int[n];
    int found = 0;
    for (int c = 2; found < n; c++) {
      boolean prime = true;
      for (int k = 0; k < found && p[k] * p[k] <= c; k++) {
        if (c % p[k] == 0) {
          prime = false;
          break;
        }
      }
      if (prime) p[found++] = c;
    }
    return p;
  }
}
