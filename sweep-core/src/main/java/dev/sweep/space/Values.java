package dev.sweep.space;

/**
 * Evenly spaced value lists for {@link Combos} and constants, as NumPy's {@code arange},
 * {@code linspace} and {@code logspace}.
 */
public final class Values {
  private Values() {}

  /**
   * {@return the integers {@code start, start + 1, ..., stop - 1}; empty if {@code stop <= start}}
   *
   * @param start the first value
   * @param stop the end, excluded
   */
  public static int[] range(int start, int stop) {
    return range(start, stop, 1);
  }

  /**
   * {@return the integers from {@code start} by {@code step} up to but excluding {@code stop}} A
   * negative step counts down; the result is empty if {@code stop} lies behind {@code start}.
   *
   * @param start the first value
   * @param stop the end, excluded
   * @param step the distance between values, negative to count down
   * @throws IllegalArgumentException if {@code step} is 0
   */
  public static int[] range(int start, int stop, int step) {
    if (step == 0) throw new IllegalArgumentException("range step is 0; expected a non-zero step");
    int n = Math.max(0, (int) Math.ceil((stop - (double) start) / step));
    int[] out = new int[n];
    for (int i = 0; i < n; i++) out[i] = start + i * step;
    return out;
  }

  /**
   * {@return {@code num} evenly spaced doubles from {@code start} to {@code stop}, both included} With
   * {@code num} 1 it is {@code start} alone; the last value is exactly {@code stop}.
   *
   * @param start the first value
   * @param stop the last value
   * @param num how many values
   * @throws IllegalArgumentException if {@code num} is less than 1
   */
  public static double[] linspace(double start, double stop, int num) {
    if (num < 1) throw new IllegalArgumentException("linspace num is " + num + "; expected at least 1");
    double[] out = new double[num];
    if (num == 1) {
      out[0] = start;
      return out;
    }
    double step = (stop - start) / (num - 1);
    for (int i = 0; i < num; i++) out[i] = start + i * step;
    out[num - 1] = stop;
    return out;
  }

  /**
   * {@return {@code num} doubles from {@code 10^startExp} to {@code 10^stopExp}, evenly spaced in the
   * exponent}
   *
   * @param startExp the exponent of the first value
   * @param stopExp the exponent of the last value
   * @param num how many values
   * @throws IllegalArgumentException if {@code num} is less than 1
   */
  public static double[] logspace(double startExp, double stopExp, int num) {
    double[] e = linspace(startExp, stopExp, num);
    for (int i = 0; i < num; i++) e[i] = Math.pow(10, e[i]);
    return e;
  }
}
