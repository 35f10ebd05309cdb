package dev.sweep.run;

import dev.sweep.SweepException;

import java.util.Map;

/** A run threw, and the sweep stopped ({@link OnError#STOP}). The cause is what the run threw. */
public final class RunFailedException extends SweepException {
  /** The failing run's number within its sweep. */
  private final long run;

  private final transient Map<String, Object> arguments;

  /**
   * Makes the exception of a failed run. Sweeps make it; an engine that ran the run elsewhere (a
   * cluster) makes it again where the sweep was started, from what the run reported.
   *
   * @param run the failing run's number within its sweep, from 0
   * @param total the number of runs in the sweep
   * @param arguments the failing run's swept arguments, by name
   * @param cause what the run threw
   */
  public RunFailedException(long run, long total, Map<String, Object> arguments, Throwable cause) {
    super("run " + run + " of " + total + " failed for " + Args.describe(arguments) + ": " + cause, cause);
    this.run = run;
    this.arguments = arguments;
  }

  /** {@return the failing run's number within its sweep, from 0} */
  public long run() {
    return run;
  }

  /** {@return the failing run's swept arguments, by name (not constants or resources)} */
  public Map<String, Object> arguments() {
    return arguments;
  }
}
