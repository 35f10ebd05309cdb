package dev.sweep.data;

import java.util.Objects;
import java.util.Optional;

/**
 * A range along one dimension, as Python's {@code slice}: in {@link Dataset#isel(java.util.Map)}
 * positions, in {@link Dataset#sel(java.util.Map)} labels. An immutable value.
 *
 * <pre>{@code
 * ds.sel(Map.of("x", Slice.of(0.2, 0.5)));     // labels from 0.2 to 0.5, both included (xarray's label slices)
 * ds.isel(Map.of("t", Slice.of(0, 100, 10)));  // positions 0, 10, ..., 90 (the stop is excluded)
 * ds.isel(Map.of("t", Slice.from(-5)));         // the last five positions
 * ds.isel(Map.of("t", Slice.all().step(-1)));   // every position, reversed
 * }</pre>
 *
 * <p>As positions, start and stop are integers with Python's rules: the stop is excluded, negative
 * values count from the end, and values past either end are clipped. As labels, both ends are
 * included, the dimension's labels must be sorted (ascending, or descending with the range given from
 * high to low), and an end need not be one of the labels. The step counts positions in both cases.
 */
public final class Slice {
  private static final Slice ALL = new Slice(null, null, 1);

  private final Object start;
  private final Object stop;
  private final int step;

  private Slice(Object start, Object stop, int step) {
    if (step == 0) throw new IllegalArgumentException("slice step is 0; expected a positive or negative step");
    this.start = start;
    this.stop = stop;
    this.step = step;
  }

  /**
   * {@return the range from {@code start} to {@code stop}}
   *
   * @param start the first position or label
   * @param stop the position after the last (isel) or the last label (sel)
   * @throws NullPointerException if an end is null (use {@link #from} or {@link #to} for open ranges)
   */
  public static Slice of(Object start, Object stop) {
    return new Slice(Objects.requireNonNull(start, "start"), Objects.requireNonNull(stop, "stop"), 1);
  }

  /**
   * {@return the range from {@code start} to {@code stop}, every {@code step}-th position}
   *
   * @param start the first position or label
   * @param stop the position after the last (isel) or the last label (sel)
   * @param step the distance between positions taken; negative runs backwards (isel only)
   * @throws IllegalArgumentException if the step is 0
   */
  public static Slice of(Object start, Object stop, int step) {
    return new Slice(Objects.requireNonNull(start, "start"), Objects.requireNonNull(stop, "stop"), step);
  }

  /**
   * {@return the range from {@code start} to the end}
   *
   * @param start the first position or label
   */
  public static Slice from(Object start) {
    return new Slice(Objects.requireNonNull(start, "start"), null, 1);
  }

  /**
   * {@return the range from the beginning to {@code stop}}
   *
   * @param stop the position after the last (isel) or the last label (sel)
   */
  public static Slice to(Object stop) {
    return new Slice(null, Objects.requireNonNull(stop, "stop"), 1);
  }

  /** {@return the whole dimension; with {@link #step(int)}, every n-th position} */
  public static Slice all() {
    return ALL;
  }

  /**
   * {@return this range with another step}
   *
   * @param step the distance between positions taken; negative runs backwards (isel only)
   * @throws IllegalArgumentException if the step is 0
   */
  public Slice step(int step) {
    return new Slice(start, stop, step);
  }

  /** {@return the first position or label; empty for the beginning} */
  public Optional<Object> start() {
    return Optional.ofNullable(start);
  }

  /** {@return the stop; empty for the end} */
  public Optional<Object> stop() {
    return Optional.ofNullable(stop);
  }

  /** {@return the step, never 0} */
  public int step() {
    return step;
  }

  /**
   * The positions this range selects among {@code size} positions, by Python's slice rules.
   *
   * @throws IllegalArgumentException if an end is not an integer
   */
  int[] positions(int size, String dim) {
    long lo = step > 0 ? 0 : -1;
    long hi = step > 0 ? size : size - 1;
    long from = start == null ? (step > 0 ? lo : hi) : clip(integer(start, "start", dim), size, lo, hi);
    long to = stop == null ? (step > 0 ? hi : lo) : clip(integer(stop, "stop", dim), size, lo, hi);
    long n = step > 0 ? (to - from + step - 1) / step : (from - to - step - 1) / -step;
    int[] out = new int[(int) Math.max(n, 0)];
    for (int i = 0; i < out.length; i++) out[i] = (int) (from + (long) i * step);
    return out;
  }

  private static long clip(long v, int size, long lo, long hi) {
    long p = v < 0 ? v + size : v;
    return Math.max(lo, Math.min(hi, p));
  }

  private long integer(Object v, String end, String dim) {
    if (v instanceof Integer || v instanceof Long || v instanceof Short || v instanceof Byte) {
      return ((Number) v).longValue();
    }
    throw new IllegalArgumentException("isel along '" + dim + "': the slice's " + end + " is " + Index.show(v)
        + " (" + v.getClass().getSimpleName() + "); positions are integers (select labels with sel)");
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Slice s && Objects.equals(s.start, start) && Objects.equals(s.stop, stop) && s.step == step;
  }

  @Override
  public int hashCode() {
    return Objects.hash(start, stop, step);
  }

  /** {@return Python's notation, e.g. {@code slice(0.2, 0.5, 1)}} */
  @Override
  public String toString() {
    return "slice(" + (start == null ? "None" : Index.show(start)) + ", " + (stop == null ? "None" : Index.show(stop))
        + ", " + step + ")";
  }
}
