package dev.sweep.traj;

import dev.sweep.data.Dataset;
import java.util.Objects;

/**
 * One stored state of a trajectory with its time, as {@link Trajectory#iterator()} yields them (py-pde's
 * {@code items()}).
 *
 * @param time the simulation time of the state
 * @param state the state: one variable per field, over the fields' own dimensions (no time dimension)
 */
public record Frame(double time, Dataset state) {
  /**
   * Makes a frame.
   *
   * @throws NullPointerException if the state is null
   */
  public Frame {
    Objects.requireNonNull(state, "state");
  }
}
