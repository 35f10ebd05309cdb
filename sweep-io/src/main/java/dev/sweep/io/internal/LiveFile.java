package dev.sweep.io.internal;

import dev.sweep.follow.FollowException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Objects;

/**
 * A file followed while another process writes it, known by its identity (device and inode): a file
 * renamed over it is another file, which a follower must not mistake for the one it followed.
 */
public final class LiveFile {
  private final Path path;
  private final Object key;

  private LiveFile(Path path, Object key) {
    this.path = path;
    this.key = key;
  }

  /**
   * {@return the file at this path now}
   *
   * @param path the file
   * @throws UncheckedIOException if it does not exist or cannot be read
   */
  public static LiveFile of(Path path) {
    Objects.requireNonNull(path, "path");
    if (!Files.exists(path)) {
      throw new UncheckedIOException("cannot follow " + path + ": no such file", new NoSuchFileException(path.toString()));
    }
    if (Files.isDirectory(path)) {
      throw new UncheckedIOException("cannot follow " + path + ": it is a directory, not a file",
          new IOException(path + " is a directory"));
    }
    return new LiveFile(path, key(path));
  }

  /** {@return the path} */
  public Path path() {
    return path;
  }

  /**
   * Checks that the path still names the file first opened.
   *
   * @throws FollowException if the file was removed, or another file renamed over it
   */
  public void checkSame() {
    Object now;
    try {
      now = key(path);
    } catch (UncheckedIOException e) {
      throw new FollowException(path + " was removed while it was followed", e);
    }
    if (key != null && !key.equals(now)) {
      throw new FollowException(path + " was replaced while it was followed: another file was renamed over it (inode "
          + key + ", now " + now + "), as a Harvester or any atomic save does. A follower reads a file that grows in "
          + "place; it does not switch to the new file, whose frames may be laid out anew");
    }
  }

  private static Object key(Path path) {
    try {
      return Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS).fileKey();
    } catch (NoSuchFileException e) {
      throw new UncheckedIOException("cannot follow " + path + ": no such file", e);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + path, e);
    }
  }
}
