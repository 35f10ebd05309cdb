package dev.sweep.space;

import dev.sweep.data.DType;
import org.apache.commons.math3.special.Erf;
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

  /**
   * The standard normal quantile at p (commons-math's inverse error function, accurate to about
   * 1e-15 in the body); p is clamped into the open interval (0, 1) so that the result is always finite.
   */
  static double normalQuantile(double p) {
    double lo = 0x1.0p-53;
    if (p < lo) p = lo;
    if (p > 1 - lo) p = 1 - lo;
    return SQRT2 * Erf.erfInv(2 * p - 1);
  }

  private static final double SQRT2 = Math.sqrt(2);
}
