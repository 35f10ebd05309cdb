package dev.sweep.examples;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sweep.data.Dataset;
import dev.sweep.data.Index;
import dev.sweep.run.RunOptions;
import dev.sweep.traj.Trajectory;
import dev.sweep.traj.Values;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Lesson 8's numbers: the Ornstein-Uhlenbeck ensemble in ou.nc, and the sweep over theta. */
class Lesson08Test {
  @TempDir Path dir;

  @Test
  void theEnsembleIsStoredEveryTenthStepAndMatchesTheTheory() {
    Dataset ds = Lesson08_Trajectories.ensemble(dir, 42);
    assertEquals(Map.of("time", 1000, "component", 1, "trajectory", 1000), ds.sizes());
    Index time = ds.coord("time");
    assertEquals(0.0, time.getDouble(0));
    assertEquals(9.99, time.getDouble(999), 1e-12);
    assertEquals(0.01, time.getDouble(1), 1e-15);
    assertEquals("Ornstein-Uhlenbeck", ds.attrs().get("process"));
    assertEquals(1.0, ds.attrs().get("theta"));
    for (int j = 0; j < 1000; j += 97) assertEquals(Lesson08_Trajectories.X0, ds.variable("x").getDouble(0, 0, j));

    double[] last = ds.variable("x").array().get(org.nd4j.linalg.indexing.NDArrayIndex.point(999)).dup().data()
        .asDouble();
    double mean = 0;
    for (double v : last) mean += v;
    mean /= last.length;
    double var = 0;
    for (double v : last) var += (v - mean) * (v - mean);
    var /= last.length - 1;
    double[] theory = Lesson08_Trajectories.theory(Lesson08_Trajectories.THETA, 9.99);
    double se = Math.sqrt(theory[1] / last.length);
    assertEquals(theory[0], mean, 5 * se, "the ensemble mean at t=9.99");
    assertEquals(theory[1], var, 5 * theory[1] * Math.sqrt(2.0 / (last.length - 1)), "the ensemble variance");

    try (Trajectory t = Trajectory.open(dir.resolve("ou.nc"))) {
      Values v = t.values();
      assertArrayEquals(new long[] {1, 1000, 1000}, v.data().shape(), "PySDE's (d_X, N, M)");
      assertEquals(ds.variable("x").getDouble(500, 0, 7), v.data().getDouble(0, 7, 500));
    }
    assertTrue(Files.exists(dir.resolve("ou.nc")));
  }

  @Test
  void theSweepOverThetaStoresEachRunAndSummarisesIt() {
    Dataset stats = Lesson08_Trajectories.thetaSweep(dir, RunOptions.builder().verbosity(0).build(), 42);
    assertEquals(Index.ofDoubles(0.5, 1.0, 2.0, 4.0), stats.coord("theta"));
    for (double theta : new double[] {0.5, 1.0, 2.0, 4.0}) {
      Map<String, Double> at = Map.of("theta", theta);
      double theoryVar = stats.doubleValue("theoryVariance", at);
      assertEquals(Lesson08_Trajectories.theory(theta, 2.0)[1], theoryVar, 1e-12);
      assertEquals(stats.doubleValue("theoryMean", at), stats.doubleValue("mean", at), 5 * Math.sqrt(theoryVar / 200),
          "mean at theta=" + theta);
      assertEquals(theoryVar, stats.doubleValue("variance", at), 0.5 * theoryVar, "variance at theta=" + theta);
      assertEquals(21.0, stats.doubleValue("states", at), "t = 0, 0.1, ..., 2.0");
      try (Trajectory t = Trajectory.open(dir.resolve("ou_theta_" + theta + ".nc"))) {
        assertEquals(21, t.size());
        assertEquals(2.0, t.time(-1), 1e-9);
        assertEquals(theta, t.info().get("theta"));
      }
    }
  }
}
