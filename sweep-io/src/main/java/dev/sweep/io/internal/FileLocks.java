package dev.sweep.io.internal;

import dev.sweep.store.LockTimeoutException;
import dev.sweep.store.LockWait;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * An exclusive lock on a file's lock file ({@code <file>.lock} next to it), held by one thread of one
 * process at a time: what appends to a shared file run under. A file lock is held per process, so
 * threads of this JVM queue on an in-process lock first; the lock file is opened only under that
 * lock, because on Linux closing any descriptor of a file drops the process's lock on it.
 */
public final class FileLocks {
  private static final Map<Path, ReentrantLock> IN_PROCESS = new ConcurrentHashMap<>();

  private final Path file;
  private final Path lockFile;
  private final LockWait wait;
  private final String doing;
  private Path key; // the lock file's real path, once its directory exists

  private FileLocks(Path file, LockWait wait, String doing) {
    this.file = file;
    this.lockFile = file.resolveSibling(file.getFileName() + ".lock");
    this.wait = wait;
    this.doing = doing;
  }

  /**
   * {@return the lock of a file, awaited as long as another process holds it}
   *
   * @param file the file whose writers the lock serialises; its lock file is {@code <file>.lock}
   */
  public static FileLocks of(Path file) {
    return of(file, LockWait.forever());
  }

  /**
   * {@return the lock of a file, awaited as {@code wait} allows while another process holds it}
   *
   * @param file the file whose writers the lock serialises; its lock file is {@code <file>.lock}
   * @param wait how long to wait for another process's lock
   */
  public static FileLocks of(Path file, LockWait wait) {
    return of(file, wait, "write");
  }

  /**
   * {@return the lock of a file, awaited as {@code wait} allows, whose errors say what its holder does}
   *
   * @param file the file whose writers the lock serialises; its lock file is {@code <file>.lock}
   * @param wait how long to wait for another process's lock
   * @param doing what the holder does to the file, as the words before its name in error messages:
   *     {@code "write"} gives "cannot lock f.lock to write f"
   * @throws IllegalArgumentException if {@code doing} is blank
   */
  public static FileLocks of(Path file, LockWait wait, String doing) {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(wait, "wait");
    if (Objects.requireNonNull(doing, "doing").isBlank()) {
      throw new IllegalArgumentException("doing is blank; expected what the lock's holder does, e.g. \"write\"");
    }
    return new FileLocks(file, wait, doing);
  }

  /** {@return the lock file} */
  public Path lockFile() {
    return lockFile;
  }

  /**
   * Runs an action holding the lock.
   *
   * @param action what to do under the lock
   * @param <T> what it returns
   * @return what the action returned
   * @throws UncheckedIOException naming the file, if the lock file cannot be opened or locked, or the
   *     lock was not had in time (its cause a {@link LockTimeoutException})
   */
  public <T> T run(Supplier<T> action) {
    if (key == null) {
      try {
        // Keyed by the real directory, so two paths to one file (a symlinked directory) share one lock.
        key = lockFile.toAbsolutePath().getParent().toRealPath().resolve(lockFile.getFileName());
      } catch (IOException e) {
        throw new UncheckedIOException("cannot find the directory of " + file, e);
      }
    }
    ReentrantLock inProcess = IN_PROCESS.computeIfAbsent(key, k -> new ReentrantLock());
    inProcess.lock();
    try (FileChannel ch = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
      FileLock lock;
      try {
        lock = wait.lock(ch, lockFile, doing + " " + file);
      } catch (LockTimeoutException e) {
        throw new UncheckedIOException(e.getMessage(), e);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot lock " + lockFile + " to " + doing + " " + file, e);
      }
      try {
        return action.get();
      } finally {
        lock.release();
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open the lock file " + lockFile + " of " + file, e);
    } finally {
      inProcess.unlock();
    }
  }
}
