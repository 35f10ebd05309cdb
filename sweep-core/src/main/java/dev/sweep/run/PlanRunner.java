package dev.sweep.run;

import dev.sweep.data.Dataset;
import java.util.List;

/**
 * Runs a {@link RunPlan} and gives back its dataset: here ({@link #local()}, what every runner does
 * by default), or elsewhere, such as on a Spark cluster (sweep-spark's {@code SparkSweep}). Harvesters
 * and samplers take one ({@code runOn}), so that their merging and syncing stay in this JVM while the
 * runs happen where the plan runner sends them.
 *
 * <p>An implementation returns what {@link Runner#run} (or, for a {@linkplain RunPlan#isPoints points
 * plan}, {@link Runner#runPoints}) gives for the plan's runner and space, and follows the runner's
 * {@link OnError} policy: under {@link OnError#STOP} a failed run throws {@link RunFailedException}
 * naming its arguments; under {@link OnError#CONTINUE} it is missing. A harvester that checkpoints
 * ({@code saveEvery}) runs its plan range by range ({@link #run(RunPlan, long, long)}), so that each
 * range is saved as soon as it is done, wherever it ran.
 */
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

  /**
   * Runs the runs {@code from} (inclusive) to {@code to} (exclusive) of the plan: one checkpoint of a
   * harvest. Failures follow the runner's {@link OnError} policy, as in {@link #run(RunPlan)}.
   *
   * @param plan the plan
   * @param from the first run, from 0
   * @param to the run after the last, at most {@link RunPlan#size()}
   * @return their batches, which together hold each run of the range once, in any order
   * @throws IllegalArgumentException if the range is not within {@code [0, plan.size())}
   * @throws RunFailedException as {@link #run(RunPlan)}
   * @throws SweepInterruptedException if the thread was interrupted; its batch holds the runs that
   *     completed
   */
  List<RunBatch> run(RunPlan plan, long from, long to);

  /** {@return the plan runner that runs plans in this JVM with their runner's options} */
  static PlanRunner local() {
    return Local.INSTANCE;
  }

  /** Runs plans here: {@link RunPlan#runAll} and {@link RunPlan#run(long, long)}. */
  enum Local implements PlanRunner {
    INSTANCE;

    @Override
    public Dataset run(RunPlan plan) {
      return plan.runAll();
    }

    @Override
    public List<RunBatch> run(RunPlan plan, long from, long to) {
      return List.of(plan.run(from, to));
    }

    @Override
    public String toString() {
      return "PlanRunner.local()";
    }
  }
}
