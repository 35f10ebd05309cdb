package dev.sweep.store;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;

/**
 * A wait for another process's lock on a file's lock file outlasted its {@link LockWait}: the cause of
 * the {@link java.io.UncheckedIOException} a harvest or an append then throws, with the same message
 * (which process waited, for which lock file, to do what, and for how long).
 */
public final class LockTimeoutException extends IOException {
  private static final long serialVersionUID = 1L;

  /** The lock file waited for. */
  private final transient Path lockFile;
  /** How long the wait lasted. */
  private final Duration waited;

  LockTimeoutException(String message, Path lockFile, Duration waited) {
    super(message);
    this.lockFile = lockFile;
    this.waited = waited;
  }

  /** {@return the lock file waited for} */
  public Path lockFile() {
    return lockFile;
  }

  /** {@return how long the wait lasted} */
  public Duration waited() {
    return waited;
  }
}
