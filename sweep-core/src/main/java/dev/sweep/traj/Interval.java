package dev.sweep.traj;

/**
 * When a {@link Tracker} stores the state it is handed: every {@code dt} of simulation time, or every
 * n-th step (py-pde's interrupts). Immutable.
 */
public final class Interval {
  private final double dt;
  private final double start;
  private final long steps;

  private Interval(double dt, double start, long steps) {
    this.dt = dt;
    this.start = start;
    this.steps = steps;
  }

  /**
   * {@return an interval of simulation time: the first state handed, then the first at or after each
   * multiple of {@code dt} from its time}
   *
   * @param dt the time between stored states
   * @throws IllegalArgumentException if dt is not a positive finite number
   */
  public static Interval every(double dt) {
    return every(dt, Double.NaN);
  }

  /**
   * {@return an interval of simulation time on a fixed grid: the first state at or after {@code start}, then
   * the first at or after each {@code start + k * dt}} States handed before {@code start} are not stored.
   *
   * @param dt the time between stored states
   * @param start the time of the first stored state; NaN for the time of the first state handed
   * @throws IllegalArgumentException if dt is not a positive finite number, or start is infinite
   */
  public static Interval every(double dt, double start) {
    if (!(dt > 0) || Double.isInfinite(dt)) {
      throw new IllegalArgumentException("dt is " + dt + "; expected a positive, finite time between stored states");
    }
    if (Double.isInfinite(start)) throw new IllegalArgumentException("start is " + start + "; expected a finite time or NaN");
    return new Interval(dt, start, 0);
  }

  /**
   * {@return an interval of steps: the first state handed, then every n-th}
   *
   * @param n the number of steps between stored states; 1 stores every state
   * @throws IllegalArgumentException if n is not positive
   */
  public static Interval everySteps(long n) {
    if (n <= 0) throw new IllegalArgumentException("n is " + n + "; expected a positive number of steps between stored states");
    return new Interval(Double.NaN, Double.NaN, n);
  }

  /** {@return true if this interval counts steps, false if it measures time} */
  public boolean countsSteps() {
    return steps > 0;
  }

  /** {@return the time between stored states; NaN for an interval of steps} */
  public double dt() {
    return dt;
  }

  /** {@return the time of the first stored state; NaN if it is the first state's} */
  public double start() {
    return start;
  }

  /** {@return the steps between stored states; 0 for an interval of time} */
  public long steps() {
    return steps;
  }

  @Override
  public String toString() {
    return steps > 0 ? "every " + steps + " steps" : "every " + dt + (Double.isNaN(start) ? "" : " from " + start);
  }
}
