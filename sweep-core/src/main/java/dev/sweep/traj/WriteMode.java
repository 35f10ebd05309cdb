package dev.sweep.traj;

/**
 * How a {@link Trajectory} treats the states already stored when it starts writing: py-pde's write
 * modes.
 */
public enum WriteMode {
  /** Clear the stored states at the first {@link Trajectory#startWriting}, append at later ones. The default. */
  TRUNCATE_ONCE,
  /** Clear the stored states at every {@link Trajectory#startWriting}. */
  TRUNCATE,
  /** Keep the stored states and append after them. */
  APPEND,
  /** Never write: {@link Trajectory#startWriting} and the other writing methods are refused. */
  READ_ONLY
}
