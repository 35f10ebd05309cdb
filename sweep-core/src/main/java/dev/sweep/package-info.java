/**
 * The root of sweep: {@link dev.sweep.SweepException}, the exception every failure that sweep itself
 * reports extends. The work happens in the packages below, in the order data flows:
 * {@code space} (what to run), {@code run} (running it), {@code data} (the labelled results),
 * {@code farm} (keeping them across sweeps), {@code traj} (a running simulation's states over time) and
 * {@code store} (the ports to files).
 */
package dev.sweep;
