package dev.sweep.data;

import java.util.List;
import java.util.Objects;

/**
 * How a reduction such as {@link Dataset#mean(Reduce)} runs: over which dimensions, and with
 * xarray's options {@code skipna}, {@code ddof}, {@code min_count} and {@code keep_attrs}. An
 * immutable value: each {@code with}-style method returns a new one.
 *
 * <pre>{@code
 * ds.mean("a");                                      // over a, skipping missing values
 * ds.std(Reduce.over("a", "b").ddof(1));             // sample standard deviation over a and b
 * ds.sum(Reduce.all().skipna(false));                // over every dimension; NaN propagates
 * ds.sum(Reduce.over("t").minCount(1));              // NaN, not 0, where t holds no value
 * }</pre>
 *
 * <p>Defaults, as xarray's: missing values (NaN, null) are skipped; {@code ddof} is 0 (the population
 * variance); {@code minCount} is 0; attributes are dropped.
 */
public final class Reduce {
  private static final Reduce ALL = new Reduce(List.of(), true, 0, 0, false);

  private final List<String> dims;
  private final boolean skipna;
  private final int ddof;
  private final int minCount;
  private final boolean keepAttrs;

  private Reduce(List<String> dims, boolean skipna, int ddof, int minCount, boolean keepAttrs) {
    this.dims = dims;
    this.skipna = skipna;
    this.ddof = ddof;
    this.minCount = minCount;
    this.keepAttrs = keepAttrs;
  }

  /**
   * {@return a reduction over the given dimensions, with the default options} No dimensions means
   * every dimension, as {@link #all()}.
   *
   * @param dims the dimensions to reduce over, distinct
   * @throws IllegalArgumentException if a dimension is named twice
   * @throws NullPointerException if a name is null
   */
  public static Reduce over(String... dims) {
    List<String> list = List.of(dims);
    if (new java.util.HashSet<>(list).size() != list.size()) {
      throw new IllegalArgumentException("dimensions to reduce over " + list + " repeat a name");
    }
    return list.isEmpty() ? ALL : new Reduce(list, true, 0, 0, false);
  }

  /** {@return a reduction over every dimension, with the default options} */
  public static Reduce all() {
    return ALL;
  }

  /**
   * {@return this reduction, skipping missing values or not} With {@code false}, a NaN (or null) among
   * the values reduced makes the result missing, as xarray's {@code skipna=False}.
   *
   * @param skip true to skip missing values (the default)
   */
  public Reduce skipna(boolean skip) {
    return new Reduce(dims, skip, ddof, minCount, keepAttrs);
  }

  /**
   * {@return this reduction with the delta degrees of freedom of {@code std} and {@code var}} The
   * divisor is {@code N - ddof}, where N is the number of values; 1 gives the sample variance.
   * Where {@code N - ddof} is not positive the result is NaN. Other reductions ignore it.
   *
   * @param ddof the delta degrees of freedom, 0 or more
   * @throws IllegalArgumentException if negative
   */
  public Reduce ddof(int ddof) {
    if (ddof < 0) throw new IllegalArgumentException("ddof is " + ddof + "; expected 0 or more");
    return new Reduce(dims, skipna, ddof, minCount, keepAttrs);
  }

  /**
   * {@return this reduction with a minimum number of values for {@code sum} and {@code prod}} Where
   * fewer values than that are present the result is NaN, so an integer or bool sum with a positive
   * minimum is float64, as xarray's {@code min_count}. Other reductions ignore it.
   *
   * @param minCount the number of values needed, 0 (the default: an empty sum is 0) or more
   * @throws IllegalArgumentException if negative
   */
  public Reduce minCount(int minCount) {
    if (minCount < 0) throw new IllegalArgumentException("minCount is " + minCount + "; expected 0 or more");
    return new Reduce(dims, skipna, ddof, minCount, keepAttrs);
  }

  /**
   * {@return this reduction, keeping the dataset's and the variables' attributes or not} xarray drops
   * them by default ({@code keep_attrs=False}), and so does sweep.
   *
   * @param keep true to keep attributes
   */
  public Reduce keepAttrs(boolean keep) {
    return new Reduce(dims, skipna, ddof, minCount, keep);
  }

  /** {@return the dimensions reduced over; empty for every dimension} */
  public List<String> dims() {
    return dims;
  }

  /** {@return true if missing values are skipped} */
  public boolean skipna() {
    return skipna;
  }

  /** {@return the delta degrees of freedom of std and var} */
  public int ddof() {
    return ddof;
  }

  /** {@return the number of values sum and prod need for a result that is not NaN} */
  public int minCount() {
    return minCount;
  }

  /** {@return true if attributes are kept} */
  public boolean keepAttrs() {
    return keepAttrs;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Reduce r && r.dims.equals(dims) && r.skipna == skipna && r.ddof == ddof
        && r.minCount == minCount && r.keepAttrs == keepAttrs;
  }

  @Override
  public int hashCode() {
    return Objects.hash(dims, skipna, ddof, minCount, keepAttrs);
  }

  @Override
  public String toString() {
    return "Reduce" + (dims.isEmpty() ? "(all)" : dims) + "[skipna=" + skipna + ", ddof=" + ddof
        + ", minCount=" + minCount + ", keepAttrs=" + keepAttrs + "]";
  }
}
