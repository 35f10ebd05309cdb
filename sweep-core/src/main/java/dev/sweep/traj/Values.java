package dev.sweep.traj;

import java.util.Objects;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The times and data of one field of a trajectory, as PySDE's {@code values} gives them: times of
 * shape {@code (M,)} and the data with time last, {@code (d_X, N, M)} for a state of shape
 * {@code (d_X, N)}; {@link #timeFirst()} gives {@code (M, d_X, N)}. Both arrays are made for this
 * value: changing them changes nothing stored.
 */
public final class Values {
  private final double[] times;
  private final INDArray timeLast;
  private final INDArray timeFirst;

  Values(double[] times, INDArray timeFirst, INDArray timeLast) {
    this.times = Objects.requireNonNull(times, "times");
    this.timeFirst = Objects.requireNonNull(timeFirst, "timeFirst");
    this.timeLast = Objects.requireNonNull(timeLast, "timeLast");
  }

  /** {@return the times of the states, {@code (M,)}, a copy} */
  public double[] times() {
    return times.clone();
  }

  /** {@return the number of states, M} */
  public int size() {
    return times.length;
  }

  /** {@return the data with time as the last axis, PySDE's layout: {@code (d_X, N, M)} for states of shape {@code (d_X, N)}} */
  public INDArray data() {
    return timeLast;
  }

  /** {@return the data with time as the first axis, {@code (M, d_X, N)}: the layout of the file and of {@link Trajectory#toDataset()}} */
  public INDArray timeFirst() {
    return timeFirst;
  }

  @Override
  public String toString() {
    return "Values[" + times.length + " states, data " + java.util.Arrays.toString(timeLast.shape()) + "]";
  }
}
