package dev.sweep.space;

import dev.sweep.data.DType;
import dev.sweep.data.Index;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.function.DoubleFunction;
import java.util.random.RandomGenerator;

/**
 * Where one argument's values come from: each call of {@link #draw} gives one value. xyzpy's
 * zero-argument callables, made seedable by taking the random generator to draw from.
 *
 * <pre>{@code
 * Distribution x = Distribution.uniform(0, 2 * Math.PI);
 * Distribution phase = Distribution.normal(0, 0.1);
 * Distribution mine = random -> random.nextExponential();   // any value of a supported type
 * }</pre>
 *
 * <p>The built-in distributions are also defined by their quantile function (inverse CDF), which lets a
 * {@link Design} other than {@link Design#INDEPENDENT} place their samples evenly. A distribution of
 * your own that is a lambda is always drawn independently; give its quantile function with
 * {@link #ofQuantile} to have designs cover it too.
 *
 * <p>A draw must return a non-null Integer, Long, Double, Float, Boolean, String or enum; every draw of
 * one argument must share one column type (ints widen to longs or doubles).
 */
@FunctionalInterface
public interface Distribution {

  /**
   * Draws one value, using only the given generator for randomness (so that a seeded sampler repeats
   * its samples).
   *
   * @param random the generator to draw from
   * @return the value: a non-null Integer, Long, Double, Float, Boolean, String or enum
   */
  Object draw(RandomGenerator random);

  /**
   * Doubles uniform in [lo, hi).
   *
   * @param lo the lower bound, included
   * @param hi the upper bound, excluded
   * @return the distribution
   * @throws IllegalArgumentException unless both bounds are finite, lo &lt; hi, and hi - lo is finite
   */
  static Distribution uniform(double lo, double hi) {
    finite("uniform", "lo", lo);
    finite("uniform", "hi", hi);
    if (!(lo < hi)) {
      throw new IllegalArgumentException("uniform: lo (" + lo + ") must be less than hi (" + hi + ")");
    }
    double width = hi - lo;
    if (Double.isInfinite(width)) {
      throw new IllegalArgumentException("uniform: the range [" + lo + ", " + hi + ") is wider than a double holds");
    }
    return new UnitDistribution("uniform(" + lo + ", " + hi + ")", u -> {
      double v = lo + width * u;
      return v < hi ? v : Math.nextDown(hi);
    }, null);
  }

  /**
   * Normally distributed doubles.
   *
   * @param mean the mean
   * @param sd the standard deviation
   * @return the distribution
   * @throws IllegalArgumentException unless the mean is finite and the standard deviation finite and
   *     positive
   */
  static Distribution normal(double mean, double sd) {
    finite("normal", "mean", mean);
    finite("normal", "sd", sd);
    if (!(sd > 0)) {
      throw new IllegalArgumentException("normal: sd must be positive, got " + sd);
    }
    return new UnitDistribution("normal(" + mean + ", " + sd + ")",
        u -> mean + sd * UnitDistribution.normalQuantile(u), r -> mean + sd * r.nextGaussian());
  }

  /**
   * Doubles in [lo, hi) whose logarithm is uniform: as many samples between 1 and 10 as between 10
   * and 100.
   *
   * @param lo the lower bound, included
   * @param hi the upper bound, excluded
   * @return the distribution
   * @throws IllegalArgumentException unless 0 &lt; lo &lt; hi, both finite
   */
  static Distribution logUniform(double lo, double hi) {
    finite("logUniform", "lo", lo);
    finite("logUniform", "hi", hi);
    if (!(lo > 0)) {
      throw new IllegalArgumentException("logUniform: lo must be positive, got " + lo);
    }
    if (!(lo < hi)) {
      throw new IllegalArgumentException("logUniform: lo (" + lo + ") must be less than hi (" + hi + ")");
    }
    double a = Math.log(lo);
    double w = Math.log(hi) - a;
    return new UnitDistribution("logUniform(" + lo + ", " + hi + ")", u -> {
      double v = Math.exp(a + w * u);
      return v < lo ? lo : v < hi ? v : Math.nextDown(hi);
    }, null);
  }

  /**
   * Integers uniform in [lo, hiExclusive): Integers when every value fits an int, else Longs.
   *
   * @param lo the lowest value
   * @param hiExclusive one past the highest value
   * @return the distribution
   * @throws IllegalArgumentException unless lo &lt; hiExclusive
   */
  static Distribution integers(long lo, long hiExclusive) {
    if (lo >= hiExclusive) {
      throw new IllegalArgumentException("integers: lo (" + lo + ") must be less than hiExclusive ("
          + hiExclusive + ")");
    }
    boolean ints = lo >= Integer.MIN_VALUE && hiExclusive - 1 <= Integer.MAX_VALUE;
    String name = "integers(" + lo + ", " + hiExclusive + ")";
    DoubleFunction<Object> at = u -> {
      // the width may overflow a long; step through doubles, then clamp
      double w = (double) hiExclusive - (double) lo;
      long v = lo + (long) Math.floor(u * w);
      if (v >= hiExclusive || v < lo) v = hiExclusive - 1;
      return ints ? (Object) (int) v : (Object) v;
    };
    Distribution direct = r -> {
      long v = r.nextLong(lo, hiExclusive);
      return ints ? (Object) (int) v : (Object) v;
    };
    return new UnitDistribution(name, at, direct);
  }

  /**
   * One of the given values, each equally likely (xyzpy's list of values). Numbers of different types
   * are widened to their common type (1 and 2.5 give 1.0 and 2.5).
   *
   * @param values the values, in order; repeats make a value more likely
   * @return the distribution
   * @throws IllegalArgumentException if there are no values, one is null, or they cannot share a
   *     column type (a number and a string)
   */
  static Distribution choice(Object... values) {
    Objects.requireNonNull(values, "values");
    return choice(Arrays.asList(values));
  }

  /**
   * One of the values of a list, each equally likely; as {@link #choice(Object...)}.
   *
   * @param values the values, in order; repeats make a value more likely
   * @return the distribution
   * @throws IllegalArgumentException if there are no values, one is null, or they cannot share a
   *     column type
   */
  static Distribution choice(List<?> values) {
    Objects.requireNonNull(values, "values");
    if (values.isEmpty()) {
      throw new IllegalArgumentException("choice: no values to choose from; give at least one");
    }
    Object[] vs = values.toArray();
    for (int i = 0; i < vs.length; i++) {
      if (vs[i] == null) throw new IllegalArgumentException("choice: value " + i + " is null");
    }
    DType t;
    try {
      t = Index.commonType(vs);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("choice: " + e.getMessage().replace("coordinate type", "column type"), e);
    }
    for (int i = 0; i < vs.length; i++) vs[i] = UnitDistribution.widen(vs[i], t);
    StringBuilder name = new StringBuilder("choice(");
    for (int i = 0; i < vs.length; i++) {
      if (i > 0) name.append(", ");
      if (i == 8 && vs.length > 10) {
        name.append("... ").append(vs.length - 8).append(" more");
        break;
      }
      name.append(vs[i] instanceof String s ? "'" + s + "'" : String.valueOf(vs[i]));
    }
    name.append(')');
    int k = vs.length;
    return new UnitDistribution(name.toString(), u -> vs[Math.min(k - 1, (int) (u * k))],
        r -> vs[k == 1 ? 0 : r.nextInt(k)]);
  }

  /**
   * A distribution of your own given by its quantile function (inverse CDF) on [0, 1), so that designs
   * place its samples evenly too. Independent draws apply it to a uniform double.
   *
   * @param name how the distribution prints, e.g. {@code "exponential(2)"}
   * @param inverseCdf maps a probability in [0, 1) to a value; must never return null
   * @return the distribution
   */
  static Distribution ofQuantile(String name, DoubleFunction<?> inverseCdf) {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(inverseCdf, "inverseCdf");
    return new UnitDistribution(name, inverseCdf::apply, null);
  }

  private static void finite(String dist, String param, double v) {
    if (!Double.isFinite(v)) {
      throw new IllegalArgumentException(dist + ": " + param + " must be finite, got " + v);
    }
  }
}
