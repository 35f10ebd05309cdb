package dev.sweep.run;

/** What a sweep does when a run throws. */
public enum OnError {
  /** Stop the sweep and throw {@link RunFailedException} naming the failing run's arguments (the default). */
  STOP,
  /**
   * Record the run as missing and go on; the failures are summarised at the end (logged, and passed
   * to {@link SweepListener#finished}). An interrupt is not a failed run: it stops the sweep under
   * either policy ({@link SweepInterruptedException}).
   */
  CONTINUE
}
