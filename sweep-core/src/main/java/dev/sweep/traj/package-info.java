/**
 * Trajectories: the states of a running simulation at successive times (an SDE integrator over an
 * ensemble, a PDE solver over a grid), kept every n-th step, written to a file in chunks while the
 * simulation runs, and read back as one labelled dataset. The counterpart of py-pde's and PySDE's
 * storages.
 *
 * <p>Start with {@link dev.sweep.traj.Trajectory#builder()}: in memory, or {@code file(path)} for a
 * file in any format that holds records (sweep-io registers NetCDF for {@code .nc}). Write with
 * py-pde's protocol ({@code startWriting}, {@code append}, {@code endWriting}) or PySDE's
 * ({@code store(t, data, iteration)}, {@code save}, {@code values}); a {@link dev.sweep.traj.Tracker}
 * stores the states of a user's own time loop every {@link dev.sweep.traj.Interval}. Read with
 * {@code get}, {@code slice}, iteration over {@link dev.sweep.traj.Frame}s, {@code timeRange},
 * {@code field}, {@code apply} and {@code toDataset}; {@code Trajectory.gather} joins the parts that
 * several processes wrote along the ensemble dimension.
 *
 * <p>A trajectory writes through the {@link dev.sweep.store.RecordStore} port and knows no file
 * format. It lives beside the farmers rather than in {@code farm}, because it runs nothing: the
 * simulation calls it. Nulls: no method takes or returns null.
 */
package dev.sweep.traj;
