package dev.sweep.run;

import dev.sweep.SweepException;
import dev.sweep.data.Dataset;
import java.util.Optional;

/**
 * The sweep stopped because its thread was interrupted: no run was started after the interrupt, the
 * runs in progress were interrupted too, and the interrupted runs and those never started are
 * missing. The calling thread's interrupt status is set again when this is thrown, as the JDK's
 * blocking methods leave it for whoever handles the interrupt.
 *
 * <p>What completed is kept: {@link RunPlan#run} gives the {@link #batch()} of the runs that
 * completed, {@link Runner} gives their {@link #dataset()} (the dataset a full sweep gives, with the
 * runs not done missing), and a {@link dev.sweep.farm.Harvester} saves them to its file before
 * throwing this with its harvest's {@link #dataset()}. {@link ComboRunner} and {@link CaseRunner} give
 * neither. An interrupt is not a failed run: it stops the sweep under {@link OnError#CONTINUE} as well.
 */
public final class SweepInterruptedException extends SweepException {
  private static final long serialVersionUID = 1L;

  private final long completed;
  private final long total;
  private final transient RunBatch batch;
  private final transient Dataset dataset;

  /**
   * Makes the exception.
   *
   * @param message what was interrupted, and what of it was kept
   * @param completed how many runs completed (successfully or not) before the sweep stopped
   * @param total how many runs the sweep had
   * @param batch the completed runs as a batch, or null
   * @param dataset the completed runs as a dataset, or null
   */
  public SweepInterruptedException(String message, long completed, long total, RunBatch batch, Dataset dataset) {
    super(message);
    this.completed = completed;
    this.total = total;
    this.batch = batch;
    this.dataset = dataset;
  }

  static SweepInterruptedException of(String what, Engine.Outcome outcome, long total, RunBatch batch,
      Dataset dataset) {
    long completed = total - outcome.notRun();
    return new SweepInterruptedException(what + " was interrupted after " + completed + " of " + total + " runs; "
        + (batch != null || dataset != null ? "the completed runs are kept, the others are missing"
            : "its results are dropped"), completed, total, batch, dataset);
  }

  /** {@return how many runs completed, successfully or not, before the sweep stopped} */
  public long completedRuns() {
    return completed;
  }

  /** {@return how many runs the sweep had} */
  public long totalRuns() {
    return total;
  }

  /**
   * {@return the completed runs as a batch of the plan, from {@link RunPlan#run}} The runs not done are
   * among its {@link RunBatch#failedRuns() failed runs}, without a failure of their own.
   */
  public Optional<RunBatch> batch() {
    return Optional.ofNullable(batch);
  }

  /** {@return the completed runs as a dataset (the others missing), from a {@link Runner} or a harvest} */
  public Optional<Dataset> dataset() {
    return Optional.ofNullable(dataset);
  }
}
