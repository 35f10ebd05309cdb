package dev.sweep.spark;

import dev.sweep.SweepException;

/**
 * A sweep could not run on Spark for a reason other than a failed run: the master did not answer, no
 * executor joined, an executor could not load a class, the job failed, or the sweep would not fit the
 * driver's memory. The message names the master, and the jars shipped when a class was missing.
 * A failed run throws {@link dev.sweep.run.RunFailedException}, as locally.
 */
public final class SparkSweepException extends SweepException {
  private static final long serialVersionUID = 1L;

  private final String master;

  SparkSweepException(String master, String message, Throwable cause) {
    super(message, cause);
    this.master = master;
  }

  /** {@return the master URL of the Spark application, e.g. {@code spark://host:7077} or {@code local[2]}} */
  public String master() {
    return master;
  }
}
