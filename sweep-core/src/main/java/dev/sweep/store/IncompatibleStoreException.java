package dev.sweep.store;

import dev.sweep.SweepException;
import java.nio.file.Path;
import java.util.Objects;

/**
 * A file holds results of another shape than the ones about to be stored in it (other variables,
 * dimensions or columns): typically a file written by a different runner. Nothing is written; the
 * exception carries both descriptions so a caller can show or compare them.
 */
public final class IncompatibleStoreException extends SweepException {
  private static final long serialVersionUID = 1L;

  private final transient Path path;
  private final String stored;
  private final String expected;

  /**
   * Makes the exception.
   *
   * @param path the file
   * @param stored a description of what the file holds (e.g. its variables and their dimensions)
   * @param expected a description of what was about to be stored
   * @param why the message: what differs, and what to do instead
   */
  public IncompatibleStoreException(Path path, String stored, String expected, String why) {
    super(Objects.requireNonNull(why, "why"));
    this.path = Objects.requireNonNull(path, "path");
    this.stored = Objects.requireNonNull(stored, "stored");
    this.expected = Objects.requireNonNull(expected, "expected");
  }

  /** {@return the file} */
  public Path path() {
    return path;
  }

  /** {@return what the file holds, as text} */
  public String stored() {
    return stored;
  }

  /** {@return what was about to be stored, as text} */
  public String expected() {
    return expected;
  }
}
