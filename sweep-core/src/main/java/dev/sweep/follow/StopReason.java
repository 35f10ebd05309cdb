package dev.sweep.follow;

/** Why a follower stopped yielding frames. */
public enum StopReason {
  /** No new frame was completed within the timeout of one wait: the writer stalled, died, or never ended. */
  TIMED_OUT("timed out: no new frame within the timeout"),
  /** The finished flag was set, and one more poll found no new frame. */
  FINISHED("finished: the writer set the finished flag"),
  /** Every key is written and the keys have reached their largest shape: nothing more can come. */
  COMPLETE("complete: every frame of the scan is written"),
  /** The waiting thread was interrupted; its interrupt flag is set again. */
  INTERRUPTED("interrupted while waiting for a frame");

  private final String description;

  StopReason(String description) {
    this.description = description;
  }

  /** {@return the reason in words, e.g. {@code "timed out: no new frame within the timeout"}} */
  public String description() {
    return description;
  }
}
