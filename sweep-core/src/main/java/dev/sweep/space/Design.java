package dev.sweep.space;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.apache.commons.math3.random.HaltonSequenceGenerator;
import org.apache.commons.math3.random.RandomVectorGenerator;
import org.apache.commons.math3.random.SobolSequenceGenerator;

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
      if (dims > MAX_HALTON_DIMS) {
        throw new IllegalArgumentException("HALTON places at most " + MAX_HALTON_DIMS + " arguments; this draw has "
            + dims + " continuous ones: use SOBOL or LATIN_HYPERCUBE");
      }
      return shifted(dims == 0 ? null : new HaltonSequenceGenerator(dims, Arrays.copyOf(PRIMES, dims), null),
          n, dims, random);
    }
  },

  /**
   * The Sobol low-discrepancy sequence (Joe and Kuo's direction numbers, up to 1000 arguments),
   * shifted by a random offset modulo 1 per argument as {@link #HALTON} is. Evenest for powers of two
   * samples; it keeps its evenness in many more dimensions than Halton.
   */
  SOBOL {
    @Override
    double[][] points(int n, int dims, SplittableRandom random) {
      return shifted(dims == 0 ? null : new SobolSequenceGenerator(dims), n, dims, random);
    }
  };

  private static final int MAX_HALTON_DIMS = 40;
  private static final int[] PRIMES = {2, 3, 5, 7, 11, 13, 17, 19, 23, 29, 31, 37, 41, 43, 47, 53, 59, 61, 67, 71,
      73, 79, 83, 89, 97, 101, 103, 107, 109, 113, 127, 131, 137, 139, 149, 151, 157, 163, 167, 173};

  /** The sequence's points 1..n (never the origin), each argument shifted by its own random offset modulo 1. */
  private static double[][] shifted(RandomVectorGenerator sequence, int n, int dims, SplittableRandom random) {
    double[][] u = new double[dims][n];
    double[] shift = new double[dims];
    for (int d = 0; d < dims; d++) shift[d] = random.nextDouble();
    if (dims == 0) return u;
    sequence.nextVector(); // both sequences start at the origin, which would sit on every corner
    for (int i = 0; i < n; i++) {
      double[] p = sequence.nextVector();
      for (int d = 0; d < dims; d++) {
        double v = p[d] + shift[d];
        u[d][i] = below1(v >= 1 ? v - 1 : v);
      }
    }
    return u;
  }

  /**
   * The design's n points in [0, 1)^dims, as {@code points[dim][sample]}, using only the given
   * generator.
   */
  abstract double[][] points(int n, int dims, SplittableRandom random);

  private static double below1(double v) {
    return v < 1 ? v : Math.nextDown(1.0);
  }
}
