package dev.sweep.spark;

import dev.sweep.run.RunFailedException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A run failed on an executor under {@link dev.sweep.run.OnError#STOP}: thrown there so that Spark
 * fails (and may retry) the task, and carrying what the driver needs to throw the
 * {@link RunFailedException} a local sweep throws.
 */
final class RemoteRunFailure extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final long run;
  private final long total;
  private final LinkedHashMap<String, Object> arguments;

  RemoteRunFailure(RunFailedException e, long total) {
    super(e.getMessage(), TaskOutcome.portable(e.getCause()));
    this.run = e.run();
    this.total = total;
    this.arguments = new LinkedHashMap<>(e.arguments());
  }

  /** {@return the exception a local sweep throws for this run} */
  RunFailedException toRunFailedException() {
    return new RunFailedException(run, total, arguments, getCause());
  }

  /** {@return the failing run's swept arguments} */
  Map<String, Object> arguments() {
    return arguments;
  }
}
