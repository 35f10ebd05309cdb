package dev.sweep.farm;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The file transaction a farmer runs around each read and write of its file, in one place: an
 * in-process lock and an exclusive lock on {@code <file>.lock} (so threads and processes take turns),
 * the file's {@link FileStamp} as last seen (so a change by another process is noticed and re-read),
 * and the timestamped backup that {@code delete()} keeps. The atomic write itself belongs to the
 * store (see {@link dev.sweep.store.DatasetStore#write}).
 */
final class SyncedFile {
  private static final Logger LOG = LoggerFactory.getLogger(SyncedFile.class);
  /** One lock per real file, whatever path reached it (a symlinked directory, a relative path). */
  private static final Map<Path, ReentrantLock> IN_PROCESS = new ConcurrentHashMap<>();

  /**
   * What identifies one version of a file: its inode, size, modification time and first bytes. A
   * replace by rename gives a new inode; an append in place (a NetCDF-3 record append) changes the
   * size and the record count in the header, which the first bytes hold, so it is noticed even when
   * it leaves the size as a killed appender's leftovers had it and the coarse clock the same.
   */
  record FileStamp(String key, long size, long modified, int head) {
    /** How many leading bytes the stamp covers: the header of a NetCDF-3 file up to its record count. */
    static final int HEAD_BYTES = 64;

    /** {@return the stamp of the file as it is now; empty if it does not exist} */
    static Optional<FileStamp> of(Path file) {
      try {
        BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
        return Optional.of(new FileStamp(String.valueOf(a.fileKey()), a.size(),
            a.lastModifiedTime().to(java.util.concurrent.TimeUnit.NANOSECONDS), head(file)));
      } catch (NoSuchFileException e) {
        return Optional.empty();
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read the attributes of " + file, e);
      }
    }

    private static int head(Path file) throws IOException {
      try (java.io.InputStream in = Files.newInputStream(file)) {
        return java.util.Arrays.hashCode(in.readNBytes(HEAD_BYTES));
      } catch (AccessDeniedException e) {
        return 0; // unreadable: the rest of the stamp must do
      }
    }
  }

  private final Path file;
  private final dev.sweep.store.LockWait wait;
  private Optional<FileStamp> seen = Optional.empty();

  SyncedFile(Path file) {
    this(file, dev.sweep.store.LockWait.forever());
  }

  /** A file whose lock is awaited as {@code wait} allows while another process holds it. */
  SyncedFile(Path file, dev.sweep.store.LockWait wait) {
    this.file = file.toAbsolutePath().normalize();
    this.wait = wait;
  }

  Path file() {
    return file;
  }

  /** {@return true if the file differs from the version last marked seen (or appeared, or vanished)} */
  boolean changed() {
    return !FileStamp.of(file).equals(seen);
  }

  /** Records the file as it is now as the version this farmer holds. */
  void markSeen() {
    seen = FileStamp.of(file);
  }

  /** Forgets the version held, so the next {@link #changed()} is true if a file exists. */
  void forget() {
    seen = Optional.empty();
  }

  /**
   * Runs the body holding this file's in-process lock and its file lock. On a read-only directory,
   * where no lock file can be made, a body that only reads runs without the file lock.
   */
  <T> T locked(boolean readOnly, Supplier<T> body) {
    // An interrupt would close the lock's channel (and any channel the body uses) and lose the sync,
    // whose results may be all that is left of an interrupted sweep: the status is set again after.
    boolean interrupted = Thread.interrupted();
    try {
      return lockedUninterrupted(readOnly, body);
    } finally {
      if (interrupted || Thread.interrupted()) Thread.currentThread().interrupt();
    }
  }

  private <T> T lockedUninterrupted(boolean readOnly, Supplier<T> body) {
    ReentrantLock local = IN_PROCESS.computeIfAbsent(realPath(), k -> new ReentrantLock());
    local.lock();
    boolean interrupted = false;
    try {
      Path lockFile = file.resolveSibling(file.getFileName() + ".lock");
      long since = System.nanoTime(); // a wait resumed after an interrupt keeps its deadline
      while (true) {
        FileChannel ch;
        try {
          Files.createDirectories(file.getParent());
          ch = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        } catch (AccessDeniedException | java.nio.file.ReadOnlyFileSystemException e) {
          if (readOnly) return body.get();
          throw new UncheckedIOException("cannot lock " + lockFile + ": the directory is not writable", new IOException(e));
        } catch (FileSystemException e) {
          if (readOnly && e.getMessage() != null && e.getMessage().contains("Read-only file system")) return body.get();
          throw new UncheckedIOException("cannot lock " + lockFile, e);
        }
        try (ch) {
          FileLock lock;
          try {
            lock = wait.lock(ch, lockFile, "harvest into " + file, since);
          } catch (java.nio.channels.FileLockInterruptionException e) {
            // Interrupted while waiting: the channel is closed; wait again, as the sync must happen.
            interrupted |= Thread.interrupted();
            continue;
          }
          try (FileLock held = lock) {
            return body.get();
          }
        }
      }
    } catch (dev.sweep.store.LockTimeoutException e) {
      throw new UncheckedIOException(e.getMessage(), e);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot lock " + file + ".lock", e);
    } finally {
      local.unlock();
      if (interrupted) Thread.currentThread().interrupt();
    }
  }

  /**
   * Moves the file aside as {@code <file>.bak-<timestamp>} (a new name even within one millisecond),
   * or deletes it; call under {@link #locked}.
   *
   * @return the backup, if one was kept
   */
  Optional<Path> remove(boolean keepBackup) {
    try {
      if (!Files.exists(file)) return Optional.empty();
      if (!keepBackup) {
        Files.delete(file);
        return Optional.empty();
      }
      String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS"));
      for (int k = 0; ; k++) {
        Path bak = file.resolveSibling(file.getFileName() + ".bak-" + stamp + (k == 0 ? "" : "-" + k));
        try {
          Files.createLink(bak, file); // fails if the name is taken: a backup is never overwritten
        } catch (FileAlreadyExistsException taken) {
          continue;
        }
        Files.delete(file);
        LOG.info("moved {} to {}", file, bak);
        return Optional.of(bak);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete " + file, e);
    }
  }

  /** The file's real path: its directory's real path and its name, so two routes to one file share a lock. */
  private Path realPath() {
    try {
      return file.getParent().toRealPath().resolve(file.getFileName());
    } catch (IOException e) {
      return file;
    }
  }
}
