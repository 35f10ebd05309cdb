package dev.sweep.store;

import dev.sweep.SweepException;
import java.nio.file.Path;
import java.util.Objects;

/**
 * A file is damaged, truncated or not of the format its store expects. Thrown alike by every format
 * (NetCDF, CSV), always before anything was written, so the file is left as it was.
 */
public final class StoreFormatException extends SweepException {
  private static final long serialVersionUID = 1L;

  private final transient Path path;

  /**
   * Makes the exception for a file and what is wrong with it.
   *
   * @param path the file
   * @param problem what is wrong, e.g. {@code "corrupt NetCDF-3 header: ..."} or {@code "line 7: it has 4 fields; the header has 3"}
   * @param cause the underlying failure, may be null
   */
  public StoreFormatException(Path path, String problem, Throwable cause) {
    super(Objects.requireNonNull(path, "path") + ": " + Objects.requireNonNull(problem, "problem"), cause);
    this.path = path;
  }

  /** {@return the damaged file} */
  public Path path() {
    return path;
  }
}
