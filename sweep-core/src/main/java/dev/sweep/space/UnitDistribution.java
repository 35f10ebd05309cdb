package dev.sweep.space;

import dev.sweep.data.DType;
import java.util.function.DoubleFunction;
import java.util.random.RandomGenerator;

/**
 * A distribution defined by its quantile function, so that a {@link Design} can feed it evenly spread
 * probabilities; independent draws use a direct method where there is a better one (the Gaussian
 * generator, exact bounded integers).
 */
final class UnitDistribution implements Distribution {
  private final String name;
  private final DoubleFunction<?> quantile;
  private final Distribution direct; // null: apply the quantile to a uniform double

  UnitDistribution(String name, DoubleFunction<?> quantile, Distribution direct) {
    this.name = name;
    this.quantile = quantile;
    this.direct = direct;
  }

  @Override
  public Object draw(RandomGenerator random) {
    return direct != null ? direct.draw(random) : quantile.apply(random.nextDouble());
  }

  /** The value at probability u in [0, 1). */
  Object at(double u) {
    return quantile.apply(u);
  }

  @Override
  public String toString() {
    return name;
  }

  /** The value as the given type: ints widened to longs or doubles; anything else unchanged. */
  static Object widen(Object v, DType t) {
    if (t == DType.DOUBLE && v instanceof Number n && !(v instanceof Double)) return n.doubleValue();
    if (t == DType.LONG && v instanceof Number n && !(v instanceof Long)) return n.longValue();
    return v;
  }

  // Acklam's rational approximation of the standard normal quantile (relative error below 1.2e-9).
  private static final double[] A = {-3.969683028665376e+01, 2.209460984245205e+02, -2.759285104469687e+02,
      1.383577518672690e+02, -3.066479806614716e+01, 2.506628277459239e+00};
  private static final double[] B = {-5.447609879822406e+01, 1.615858368580409e+02, -1.556989798598866e+02,
      6.680131188771972e+01, -1.328068155288572e+01};
  private static final double[] C = {-7.784894002430293e-03, -3.223964580411365e-01, -2.400758277161838e+00,
      -2.549732539343734e+00, 4.374664141464968e+00, 2.938163982698783e+00};
  private static final double[] D = {7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e+00,
      3.754408661907416e+00};
  private static final double P_LOW = 0.02425;

  /**
   * The standard normal quantile at p, accurate to about 1e-9 relative; p is clamped into the open
   * interval (0, 1) so that the result is always finite.
   */
  static double normalQuantile(double p) {
    double lo = 0x1.0p-53;
    if (p < lo) p = lo;
    if (p > 1 - lo) p = 1 - lo;
    if (p < P_LOW) {
      double q = Math.sqrt(-2 * Math.log(p));
      return (((((C[0] * q + C[1]) * q + C[2]) * q + C[3]) * q + C[4]) * q + C[5])
          / ((((D[0] * q + D[1]) * q + D[2]) * q + D[3]) * q + 1);
    }
    if (p > 1 - P_LOW) {
      double q = Math.sqrt(-2 * Math.log(1 - p));
      return -(((((C[0] * q + C[1]) * q + C[2]) * q + C[3]) * q + C[4]) * q + C[5])
          / ((((D[0] * q + D[1]) * q + D[2]) * q + D[3]) * q + 1);
    }
    double q = p - 0.5;
    double r = q * q;
    return (((((A[0] * r + A[1]) * r + A[2]) * r + A[3]) * r + A[4]) * r + A[5]) * q
        / (((((B[0] * r + B[1]) * r + B[2]) * r + B[3]) * r + B[4]) * r + 1);
  }
}
