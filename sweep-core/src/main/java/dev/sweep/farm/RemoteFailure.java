package dev.sweep.farm;

import dev.sweep.SweepException;
import java.util.Objects;

/**
 * What a run threw in another JVM, as the batch's result file recorded it: the exception's class
 * name, message and stack trace, as text (the exception itself may not exist on this class path).
 * The cause of a {@link dev.sweep.run.Failure} read back from a crop.
 */
public final class RemoteFailure extends SweepException {
  private static final long serialVersionUID = 1L;

  private final String className;
  private final String remoteMessage;
  private final String remoteStackTrace;

  /**
   * Makes the record of a failure.
   *
   * @param className the class of what was thrown, e.g. {@code "java.lang.IllegalStateException"}
   * @param message its message; may be null
   * @param stackTrace its stack trace as printed, or empty
   */
  public RemoteFailure(String className, String message, String stackTrace) {
    super(Objects.requireNonNull(className, "className") + (message == null ? "" : ": " + message));
    this.className = className;
    this.remoteMessage = message;
    this.remoteStackTrace = Objects.requireNonNull(stackTrace, "stackTrace");
  }

  /** {@return the class of what the run threw} */
  public String className() {
    return className;
  }

  /** {@return the message of what the run threw; null if it had none} */
  public String remoteMessage() {
    return remoteMessage;
  }

  /** {@return the stack trace the worker printed; empty if not recorded} */
  public String remoteStackTrace() {
    return remoteStackTrace;
  }

  /** {@return the class name and message, as the worker's exception printed itself} */
  @Override
  public String toString() {
    return getMessage();
  }
}
