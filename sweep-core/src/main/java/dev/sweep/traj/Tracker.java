package dev.sweep.traj;

import dev.sweep.data.Dataset;
import java.util.Objects;
import java.util.function.BiFunction;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Fills a {@link Trajectory} from a user's own time loop (py-pde's {@code storage.tracker}): called at
 * every step, it stores the state when its {@link Interval} is due, transformed first if a
 * transformation was given, starts writing at the first stored state and ends writing at
 * {@link #finish()}.
 *
 * <pre>{@code
 * Tracker tracker = trajectory.tracker(Interval.every(0.1));
 * for (int step = 0; step <= steps; step++) {
 *   tracker.handle(state, step * dt);   // stores at t = 0, 0.1, 0.2, ...
 *   state = advance(state);
 * }
 * tracker.finish();
 * }</pre>
 *
 * <p>Not thread-safe: one loop drives one tracker.
 */
public final class Tracker {
  private final Trajectory trajectory;
  private final Interval interval;
  private final BiFunction<Dataset, Double, Dataset> transformation;
  private long step;
  private double origin = Double.NaN;
  private double next = Double.NaN;
  private boolean started;
  private boolean finished;

  Tracker(Trajectory trajectory, Interval interval, BiFunction<Dataset, Double, Dataset> transformation) {
    this.trajectory = trajectory;
    this.interval = Objects.requireNonNull(interval, "interval");
    this.transformation = transformation;
  }

  /**
   * Hands the tracker the state of one step; it stores it if the interval is due.
   *
   * @param state the state at time {@code t}
   * @param t the simulation time, increasing from call to call
   * @return true if the state was stored
   * @throws IllegalStateException if the tracker was finished
   * @throws IllegalArgumentException as {@link Trajectory#append(Dataset, double)}, for the state stored
   */
  public boolean handle(Dataset state, double t) {
    Objects.requireNonNull(state, "state");
    if (finished) throw new IllegalStateException("the tracker was finished; make a new one to store more states");
    boolean due = due(t);
    step++;
    if (!due) return false;
    Dataset stored = transformation == null ? state : Objects.requireNonNull(transformation.apply(state, t),
        "the transformation returned null");
    if (!started) {
      trajectory.startWriting(stored);
      started = true;
    }
    trajectory.append(stored, t);
    return true;
  }

  /**
   * Hands the tracker a state given as one array, the trajectory's raw field
   * ({@link Trajectory.Builder#field}).
   *
   * @param state the array
   * @param t the simulation time
   * @return true if the state was stored
   */
  public boolean handle(INDArray state, double t) {
    return handle(trajectory.state(state), t);
  }

  /** Ends writing: flushes the buffered states to the trajectory's storage. Calling it again does nothing. */
  public void finish() {
    if (finished) return;
    finished = true;
    if (started) trajectory.endWriting();
  }

  private boolean due(double t) {
    if (interval.countsSteps()) return step % interval.steps() == 0;
    double dt = interval.dt();
    if (Double.isNaN(origin)) origin = Double.isNaN(interval.start()) ? t : interval.start();
    if (Double.isNaN(next)) next = origin;
    double tolerance = 1e-9 * dt;
    if (t < next - tolerance) return false;
    long k = (long) Math.floor((t - origin) / dt + 1e-9) + 1; // the first point of the grid after t
    next = origin + k * dt;
    return true;
  }
}
