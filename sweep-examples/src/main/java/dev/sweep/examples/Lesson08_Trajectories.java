package dev.sweep.examples;

import dev.sweep.data.Dataset;
import dev.sweep.run.RunOptions;
import dev.sweep.run.Runner;
import dev.sweep.space.Combos;
import dev.sweep.traj.Interval;
import dev.sweep.traj.Tracker;
import dev.sweep.traj.Trajectory;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Lesson 8: store the trajectory of a running simulation. An ensemble of 1,000 Ornstein-Uhlenbeck
 * processes {@code dX = -theta (X - mu) dt + sigma dW} is integrated by Euler-Maruyama for 10,000 steps
 * of {@code dt = 0.001}; PySDE's protocol keeps every 10th state, {@code (component, trajectory)} =
 * (1, 1000), writing chunks of 100 states to {@code ou.nc} while it runs, and the file is opened back as
 * a {@code Dataset} over {@code time}. Then a sweep over {@code theta}: each run integrates a smaller
 * ensemble, stores its trajectory every 0.1 of time through a {@link Tracker} into
 * {@code ou_theta_<theta>.nc}, and returns summary statistics, which the runner labels.
 */
public final class Lesson08_Trajectories {
  /** The process: mean reversion theta, long-run mean mu, noise sigma, starting point x0. */
  public static final double THETA = 1.0;
  public static final double MU = 0.5;
  public static final double SIGMA = 0.5;
  public static final double X0 = 2.0;
  public static final double DT = 1e-3;
  public static final int TRAJECTORIES = 1_000;
  public static final int STEPS = 10_000;
  public static final int STRIDE = 10;
  public static final int CHUNK = 100;

  private Lesson08_Trajectories() {}

  /** One Euler-Maruyama step of every trajectory, in place. */
  static void step(double[] x, double theta, double dt, SplittableRandom rnd) {
    double noise = SIGMA * Math.sqrt(dt);
    for (int j = 0; j < x.length; j++) x[j] += -theta * (x[j] - MU) * dt + noise * rnd.nextGaussian();
  }

  /**
   * Integrates the ensemble, storing every {@value #STRIDE}th state into {@code dir/ou.nc} in chunks of
   * {@value #CHUNK}, and returns the file read back: {@code x (time, component, trajectory)}.
   *
   * @param dir where {@code ou.nc} goes
   * @param seed the seed of the noise
   * @return the stored trajectory, 1,000 states at t = 0, 0.01, ..., 9.99
   */
  public static Dataset ensemble(Path dir, long seed) {
    Path file = dir.resolve("ou.nc");
    SplittableRandom rnd = new SplittableRandom(seed);
    double[] x = new double[TRAJECTORIES];
    java.util.Arrays.fill(x, X0);
    try (Trajectory traj = Trajectory.builder().file(file).stride(STRIDE).chunkSize(CHUNK)
        .field("x", "component", "trajectory")
        .info("process", "Ornstein-Uhlenbeck").info("theta", THETA).info("mu", MU).info("sigma", SIGMA)
        .info("dt", DT).info("integrator", "Euler-Maruyama").build()) {
      for (int it = 0; it < STEPS; it++) {
        traj.store(it * DT, Nd4j.createFromArray(new double[][] {x}), it); // the state before the step, as PySDE
        step(x, THETA, DT, rnd);
      }
      traj.save();
    }
    try (Trajectory back = Trajectory.open(file)) {
      return back.toDataset();
    }
  }

  /** The mean and variance of the process at time t, started at {@link #X0}. */
  public static double[] theory(double theta, double t) {
    double decay = Math.exp(-theta * t);
    return new double[] {MU + (X0 - MU) * decay, SIGMA * SIGMA / (2 * theta) * (1 - decay * decay)};
  }

  /** The summary of one run of the sweep: the ensemble's final mean and variance, and the theory's. */
  public record Summary(double mean, double variance, double theoryMean, double theoryVariance, long states) {}

  /**
   * Integrates 200 trajectories for 2,000 steps at a given theta, storing the state every 0.1 of time
   * into {@code dir/ou_theta_<theta>.nc}, and summarises the final state.
   *
   * @param dir where the file goes
   * @param theta the mean reversion
   * @param seed the seed of the noise
   * @return the final ensemble mean and variance beside the theory's
   */
  public static Summary summarise(Path dir, double theta, long seed) {
    int n = 200;
    int steps = 2_000;
    SplittableRandom rnd = new SplittableRandom(seed ^ Double.doubleToLongBits(theta));
    double[] x = new double[n];
    java.util.Arrays.fill(x, X0);
    long states;
    try (Trajectory traj = Trajectory.builder().file(dir.resolve("ou_theta_" + theta + ".nc")).chunkSize(10)
        .info("theta", theta).build()) {
      Tracker tracker = traj.tracker(Interval.every(0.1));
      for (int s = 0; s <= steps; s++) {
        tracker.handle(Dataset.builder().variable("x", List.of("trajectory"), Nd4j.createFromArray(x)).build(), s * DT);
        if (s < steps) step(x, theta, DT, rnd);
      }
      tracker.finish();
      states = traj.size();
    }
    double mean = 0;
    for (double v : x) mean += v;
    mean /= n;
    double var = 0;
    for (double v : x) var += (v - mean) * (v - mean);
    var /= n - 1;
    double[] th = theory(theta, steps * DT);
    return new Summary(mean, var, th[0], th[1], states);
  }

  /**
   * Sweeps theta over 0.5, 1, 2 and 4, each run storing its trajectory and returning its summary.
   *
   * @param dir where the runs' files go
   * @param options how to run
   * @param seed the seed of the noise
   * @return the summaries over {@code theta}
   */
  public static Dataset thetaSweep(Path dir, RunOptions options, long seed) {
    Runner runner = Runner.builder(args -> summarise(dir, args.getDouble("theta"), seed)).options(options).build();
    return runner.runCombos(Combos.builder().add("theta", 0.5, 1.0, 2.0, 4.0).build());
  }

  public static void main(String[] args) {
    Path dir = Path.of(args.length > 0 ? args[0] : ".");
    System.out.println(ensemble(dir, 42));
    System.out.println(thetaSweep(dir, RunOptions.defaults(), 42));
  }
}
