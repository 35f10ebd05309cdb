package dev.sweep;

/**
 * The root of sweep's own exceptions, so that a caller can catch everything sweep itself reports in
 * one clause. Each subtype carries the data that explains it (the run, the cell, the file, both
 * descriptions); argument checks still throw {@link IllegalArgumentException} and
 * {@link NullPointerException}, and I/O failures {@link java.io.UncheckedIOException}, as the JDK does.
 *
 * <p>The family: {@link dev.sweep.run.RunFailedException} (a run threw),
 * {@link dev.sweep.run.SweepInterruptedException} (the sweep's thread was interrupted),
 * {@link dev.sweep.data.MergeConflictException} (two values for one cell),
 * {@link dev.sweep.data.DuplicateLabelException} (a label given twice),
 * {@link dev.sweep.store.StoreFormatException} (a damaged or foreign file) and
 * {@link dev.sweep.store.IncompatibleStoreException} (a file written by another runner).
 */
public class SweepException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /**
   * Makes an exception with a message that says what happened and with which data.
   *
   * @param message the message
   */
  protected SweepException(String message) {
    super(message);
  }

  /**
   * Makes an exception with a message and the exception that caused it.
   *
   * @param message the message
   * @param cause the cause, may be null
   */
  protected SweepException(String message, Throwable cause) {
    super(message, cause);
  }
}
