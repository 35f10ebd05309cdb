package dev.sweep.farm;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A batch scheduler's view of the tasks a crop submitted to it, for {@link Crop#status()}: whether
 * each task is still queued, running, or has ended. sweep-cluster registers SLURM, PBS and SGE in
 * {@code META-INF/services/dev.sweep.farm.JobQueue}; the crop finds the queue by the
 * {@link Submission#scheduler()} name it recorded.
 *
 * <p>A queue only informs: a batch is done when its result file is complete, whatever the scheduler
 * says (a job can end COMPLETED with exit code 0 without having run).
 */
public interface JobQueue {

  /** {@return the scheduler's name, as submissions record it: {@code "slurm"}, {@code "pbs"}, {@code "sge"}} */
  String name();

  /**
   * Asks the scheduler about tasks.
   *
   * @param tasks task ids, as the submissions recorded them (e.g. {@code "1234_5"})
   * @return the state of every task asked about; a task the scheduler no longer knows has
   *     {@link Phase#ENDED}
   * @throws IllegalStateException naming the command and how to install it, if the scheduler's
   *     tools are missing, or quoting the scheduler, if it refused to answer
   */
  Map<String, TaskState> states(List<String> tasks);

  /** Where a task is in the scheduler's life cycle. */
  enum Phase {
    /** Waiting to start (pending, held). */
    QUEUED,
    /** Started and not yet ended. */
    RUNNING,
    /** Ended, in whatever way; or forgotten by the scheduler. */
    ENDED
  }

  /**
   * A task's state, as the scheduler tells it.
   *
   * @param phase queued, running or ended
   * @param detail the scheduler's own words, e.g. {@code "FAILED exit 1"} or {@code "PENDING (Priority)"}; may be empty
   */
  record TaskState(Phase phase, String detail) {
    /**
     * Checks the parts.
     *
     * @throws NullPointerException if a part is null
     */
    public TaskState {
      Objects.requireNonNull(phase, "phase");
      Objects.requireNonNull(detail, "detail");
    }
  }
}
