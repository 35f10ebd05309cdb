package dev.sweep.data;

/**
 * How {@link Dataset#sel(java.util.Map, Lookup)} finds a label: exactly, or the nearest one within a
 * tolerance (xarray's {@code method="nearest", tolerance=...}). An immutable value.
 *
 * <pre>{@code
 * ds.sel(Map.of("x", 0.33), Lookup.nearest());       // the label closest to 0.33
 * ds.sel(Map.of("x", 0.33), Lookup.nearest(0.01));   // ... and fail unless it is within 0.01
 * }</pre>
 *
 * <p>Nearest lookup needs numeric labels; a tie goes to the larger label, as in xarray. It applies
 * to single labels and collections of labels, not to {@link Slice}s.
 */
public final class Lookup {
  private static final Lookup EXACT = new Lookup(false, 0);
  private static final Lookup NEAREST = new Lookup(true, Double.POSITIVE_INFINITY);

  private final boolean nearest;
  private final double tolerance;

  private Lookup(boolean nearest, double tolerance) {
    this.nearest = nearest;
    this.tolerance = tolerance;
  }

  /** {@return exact lookup: every label must be present (the default of {@code sel})} */
  public static Lookup exact() {
    return EXACT;
  }

  /** {@return nearest-label lookup, however far the nearest label is} */
  public static Lookup nearest() {
    return NEAREST;
  }

  /**
   * {@return nearest-label lookup that fails where the nearest label is farther than {@code tolerance}}
   *
   * @param tolerance the largest distance accepted, 0 or more
   * @throws IllegalArgumentException if the tolerance is negative or NaN
   */
  public static Lookup nearest(double tolerance) {
    if (!(tolerance >= 0)) {
      throw new IllegalArgumentException("tolerance is " + tolerance + "; expected 0 or more");
    }
    return new Lookup(true, tolerance);
  }

  /** {@return true for nearest-label lookup} */
  public boolean isNearest() {
    return nearest;
  }

  /** {@return the largest distance accepted by nearest lookup (infinite if none was given); 0 for exact} */
  public double tolerance() {
    return tolerance;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Lookup l && l.nearest == nearest && Double.compare(l.tolerance, tolerance) == 0;
  }

  @Override
  public int hashCode() {
    return Boolean.hashCode(nearest) * 31 + Double.hashCode(tolerance);
  }

  @Override
  public String toString() {
    return nearest ? (Double.isInfinite(tolerance) ? "nearest" : "nearest(tolerance=" + tolerance + ")") : "exact";
  }
}
