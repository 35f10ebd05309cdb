package dev.sweep.farm;

/** Where a batch of a {@link Crop} stands, as {@link Crop#status()} finds it. */
public enum BatchState {
  /** Its result file is complete: the only proof that a batch was grown. */
  DONE,
  /** Submitted, and the scheduler has not started it. */
  QUEUED,
  /** Submitted, and the scheduler says it is running. */
  RUNNING,
  /**
   * No complete result, and either the scheduler says its task ended, or a worker recorded why it
   * failed.
   */
  FAILED,
  /** Its result file is damaged (truncated, or its checksum is wrong); grow it again. */
  DAMAGED,
  /** Submitted to a scheduler this JVM cannot ask (its module is not on the class path). */
  UNKNOWN,
  /** Never grown, never submitted. */
  MISSING
}
