package dev.sweep.run;

import dev.sweep.data.Dataset;

/**
 * Runs a {@link RunPlan} and gives back its dataset: here ({@link #local()}, what every runner does
 * by default), or elsewhere, such as on a Spark cluster (sweep-spark's {@code SparkSweep}). Harvesters
 * and samplers take one ({@code runOn}), so that their merging and syncing stay in this JVM while the
 * runs happen where the plan runner sends them.
 *
 * <p>An implementation returns what {@link Runner#run} (or, for a {@linkplain RunPlan#isPoints points
 * plan}, {@link Runner#runPoints}) gives for the plan's runner and space, and follows the runner's
 * {@link OnError} policy: under {@link OnError#STOP} a failed run throws {@link RunFailedException}
 * naming its arguments; under {@link OnError#CONTINUE} it is missing.
 */
@FunctionalInterface
public interface PlanRunner {
  /**
   * Runs every run of the plan.
   *
   * @param plan the plan to run
   * @return its dataset, as a local run gives it
   * @throws RunFailedException if a run throws under {@link OnError#STOP}, or a result does not fit
   *     the outputs' description
   */
  Dataset run(RunPlan plan);

  /** {@return the plan runner that runs plans in this JVM with their runner's options} */
  static PlanRunner local() {
    return RunPlan::runAll;
  }
}
