package dev.sweep.run;

import dev.sweep.SweepException;
import java.time.Duration;

/**
 * A run took longer than the sweep's {@link RunOptions.Builder#runTimeout run timeout}. It is the
 * cause of the run's {@link Failure} (or of the {@link RunFailedException} under
 * {@link OnError#STOP}), which name the run's arguments.
 */
public final class RunTimeoutException extends SweepException {
  private static final long serialVersionUID = 1L;

  private final Duration timeout;
  private final boolean abandoned;

  /**
   * Makes the exception.
   *
   * @param timeout the limit the run went past
   * @param abandoned true if the run did not return after its thread was interrupted, so that the
   *     sweep went on without that thread
   */
  public RunTimeoutException(Duration timeout, boolean abandoned) {
    super("the run took longer than its timeout of " + show(timeout) + (abandoned
        ? "; it ignored the interrupt, so the sweep went on without its thread (still running it)"
        : " and was interrupted"));
    this.timeout = timeout;
    this.abandoned = abandoned;
  }

  /** {@return the limit the run went past} */
  public Duration timeout() {
    return timeout;
  }

  /** {@return true if the run ignored the interrupt and its thread was left running it} */
  public boolean abandoned() {
    return abandoned;
  }

  static String show(Duration d) {
    return d.getSeconds() < 10 && d.getNano() % 1_000_000 == 0 ? d.toMillis() + " ms" : d.toString();
  }
}
