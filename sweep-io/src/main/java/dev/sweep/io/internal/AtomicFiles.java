package dev.sweep.io.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Replaces a file atomically: the one place where sweep-io writes a whole file. <b>Not API</b>: this
 * class is public only so that sweep's own formats (NetCDF files, CSV sidecars, scene and crop
 * settings) share it; it may change without notice.
 *
 * <pre>{@code
 * AtomicFiles.replace(target, tmp -> Files.writeString(tmp, json));
 * }</pre>
 *
 * <p>{@link #replace} writes through a callback into a temporary file in the target's directory,
 * {@code fdatasync}s it, renames it over the target ({@code ATOMIC_MOVE}) and {@code fsync}s the
 * directory, so that a reader, or a crash at any moment, sees the old file or the new one, never half
 * of one. On any failure the temporary file is deleted and the old file is untouched.
 *
 * <p><b>Temporary files</b> are named {@code .<name>.<16 hex digits>.tmp} and created with default
 * permissions (as the target would be; {@code Files.createTempFile} would make them private). Beside
 * each, the writer holds an exclusive lock on {@code .<name>.<same digits>.lock} for as long as the
 * temporary exists. A process killed while writing leaves both behind; the next {@link #replace} of
 * a file in that directory deletes every temporary whose lock it can take, so never one that another
 * live process (or this one) is writing. The lock sits on its own file because a POSIX lock on the
 * temporary itself would be dropped as soon as the library writing it (netcdf-java, the NetCDF C
 * library) closes its own descriptor. Temporaries of the target without a lock file (left by sweep
 * 0.1, which did not lock) are deleted once they are {@link #UNLOCKED_STALE_AFTER} old.
 *
 * <p><b>Looking for leftovers costs a directory listing</b>, which grows with the directory: a scene
 * of thousands of frames, a results directory of many files. So a replace lists the directory only
 * if something else may have left a leftover there since this JVM last looked: on its first replace
 * there, when the directory's modification time differs from the one this JVM's last replace there
 * left (another process created or deleted an entry), and at least every {@link #RESCAN_AFTER}
 * (which also covers file systems whose timestamps are too coarse to show a change). Leftovers are
 * garbage, never data, so a late clean-up loses nothing.
 *
 * <p><b>Freeing the replaced file off the writer's path.</b> Renaming a new file over a large old one
 * makes the file system free the old blocks inside {@code rename} (about 90 ms for 80 MB on ext4
 * mounted with {@code discard}, 2.5 ms for 400 KB; see BENCHMARKS.md). For a target of
 * {@link #KEEP_ASIDE_BYTES} or more, a hard link {@code .<name>.<random>.old} taken just before the
 * rename keeps those blocks alive, so the rename is cheap, and a background daemon thread deletes the
 * link. A shutdown hook waits up to ten seconds for pending deletions, so a short-lived process leaves
 * no link behind; links left by a process that died first are deleted by the next look for
 * leftovers in that directory. {@link #awaitReleased} waits for the pending deletions.
 */
public final class AtomicFiles {
  private static final Logger log = LoggerFactory.getLogger(AtomicFiles.class);

  /**
   * Targets of this size or more are linked aside before the rename and freed in the background;
   * below it, freeing the old file is cheap and the rename does it.
   */
  public static final long KEEP_ASIDE_BYTES = 64L << 10;

  /**
   * How old a temporary file without a lock file must be before a replace deletes it as a leftover;
   * only files written by sweep versions before the lock files have none.
   */
  public static final Duration UNLOCKED_STALE_AFTER = Duration.ofMinutes(10);

  /**
   * Writes the new contents of a file.
   */
  @FunctionalInterface
  public interface Writer {
    /**
     * Writes the complete new contents into the temporary file, which exists and is empty. It may be
     * opened, truncated and reopened any number of times, but not renamed or deleted.
     *
     * @param temporary the temporary file, in the target's directory
     * @throws IOException if writing fails; the temporary file is then deleted and the target untouched
     */
    void write(Path temporary) throws IOException;
  }

  /**
   * The longest a replace goes without listing its directory for leftovers, even when the directory
   * looks unchanged.
   */
  public static final Duration RESCAN_AFTER = Duration.ofSeconds(30);

  private static final Pattern TOKEN = Pattern.compile("[0-9a-f]{1,16}"); // sweep 0.1 wrote 1 to 16 digits
  private static final Pattern LOCKED_TOKEN = Pattern.compile("[0-9a-f]{16}"); // what a writer with a lock file names

  /** A directory's modification time as this JVM's last replace there left it, and when it was last listed. */
  private record Look(FileTime modified, long listedAt) {}

  /** The directories this JVM replaced files in lately (least recently used dropped first). */
  private static final Map<Path, Look> LOOKS = Collections.synchronizedMap(new LinkedHashMap<>(16, 0.75f, true) {
    private static final long serialVersionUID = 1L;

    @Override
    protected boolean removeEldestEntry(Map.Entry<Path, Look> eldest) {
      return size() > 256;
    }
  });

  /** Lock files of writes in progress in this JVM; never opened by the cleaner (see {@link #cleanStale}). */
  private static final Set<Path> WRITING = ConcurrentHashMap.newKeySet();

  /** Links this process will delete itself; other links are leftovers of a process that died. */
  private static final Set<Path> PENDING = ConcurrentHashMap.newKeySet();

  private static final ExecutorService RECLAIMER = Executors.newSingleThreadExecutor(r -> {
    Thread t = new Thread(r, "sweep-file-reclaimer");
    t.setDaemon(true);
    return t;
  });

  static {
    // A short-lived process (a command-line run) should not leave its links behind.
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      RECLAIMER.shutdown();
      try {
        RECLAIMER.awaitTermination(10, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }, "sweep-file-reclaimer-drain"));
  }

  private AtomicFiles() {}

  /**
   * Replaces the target with what the writer writes, atomically and durably.
   *
   * @param target the file to replace or create; its directory must exist
   * @param writer writes the new contents into a temporary file next to the target
   * @throws UncheckedIOException {@code "cannot write <target>: <why>"} if the directory is missing,
   *     the target is a directory, or writing, syncing or renaming fails ({@code "no space left on
   *     <directory>"} when the file system is full); the old file is then untouched and the
   *     temporary file deleted
   * @throws RuntimeException whatever the writer throws unchecked, after the same clean-up
   */
  public static void replace(Path target, Writer writer) {
    replace(target, writer, true);
  }

  /**
   * Replaces the target with what the writer writes, atomically; durably only if asked. Without
   * {@code durable} the two fsyncs are left out: readers and a killed process still see the old or
   * the new content whole, but a power failure soon after may leave the file empty or old. For files
   * that can be made again, where the fsyncs would be most of the cost (a simulation's frames).
   *
   * @param target the file to replace or create; its directory must exist
   * @param writer writes the new contents into a temporary file next to the target
   * @param durable whether the new content and the rename reach the disk before this returns
   * @throws UncheckedIOException as {@link #replace(Path, Writer)}
   * @throws RuntimeException whatever the writer throws unchecked, after the same clean-up
   */
  public static void replace(Path target, Writer writer, boolean durable) {
    Path abs = target.toAbsolutePath().normalize();
    Path dir = abs.getParent();
    if (dir == null || !Files.isDirectory(dir)) {
      throw failure(abs, "its directory " + dir + " does not exist", null);
    }
    if (Files.isDirectory(abs)) throw failure(abs, "it is a directory", null);
    long listedAt = cleanStaleIfChanged(dir, abs);
    String token = null;
    Path lockFile = null;
    FileChannel lockChannel = null;
    Path tmp = null;
    Path old = null;
    boolean moved = false;
    try {
      for (int attempt = 0; lockChannel == null; attempt++) {
        token = String.format("%016x", ThreadLocalRandom.current().nextLong());
        lockFile = dir.resolve("." + abs.getFileName() + "." + token + ".lock");
        WRITING.add(lockFile);
        lockChannel = lockedOrNull(lockFile);
        if (lockChannel == null) {
          WRITING.remove(lockFile);
          if (attempt >= 10) throw new IOException("cannot take a lock file beside the temporary file");
        }
      }
      tmp = dir.resolve("." + abs.getFileName() + "." + token + ".tmp");
      Files.createFile(tmp); // default permissions, as the target would get
      writer.write(tmp);
      if (durable) {
        try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
          // fdatasync: the data and the metadata needed to read it back (the size), not the timestamps
          ch.force(false);
        }
      }
      old = keepAside(abs);
      Files.move(tmp, abs, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      moved = true;
      if (durable) syncDirectory(dir);
      releaseLater(old);
    } catch (IOException e) {
      throw failure(abs, describe(e, dir), e);
    } finally {
      if (!moved) {
        if (tmp != null) deleteQuietly(tmp);
        if (old != null) release(old);
      }
      if (lockChannel != null) {
        deleteQuietly(lockFile); // while still locked: a cleaner never sees it unlocked and present
        try {
          lockChannel.close(); // releases the lock
        } catch (IOException e) {
          log.debug("closing the lock file {}: {}", lockFile, e.toString());
        }
      }
      if (lockFile != null) WRITING.remove(lockFile);
      if (moved) remember(dir, listedAt); // after the last change this write makes to the directory
    }
  }

  /**
   * A channel holding an exclusive lock on a new lock file, or null if a cleaner deleted the file
   * before the lock was taken (then the caller takes another name).
   */
  private static FileChannel lockedOrNull(Path lockFile) throws IOException {
    FileChannel ch = FileChannel.open(lockFile, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
    boolean ok = false;
    try {
      ch.lock();
      // A cleaner in another process that locked the file first deleted it before letting go; the lock
      // then sits on a deleted file, which would protect nothing.
      ok = Files.exists(lockFile);
      return ok ? ch : null;
    } finally {
      if (!ok) ch.close();
    }
  }

  /**
   * Looks for leftovers in the directory unless nothing can have left one since this JVM's last
   * replace there (see the class comment).
   *
   * @return when the directory was last listed, as {@link System#nanoTime()}
   */
  private static long cleanStaleIfChanged(Path dir, Path target) {
    Look last = LOOKS.get(dir);
    long now = System.nanoTime();
    if (last != null && now - last.listedAt() < RESCAN_AFTER.toNanos() && last.modified().equals(modified(dir))) {
      return last.listedAt();
    }
    cleanStale(target);
    return now;
  }

  /** Notes the directory's modification time after a replace of this JVM, which left no leftover. */
  private static void remember(Path dir, long listedAt) {
    FileTime m = modified(dir);
    if (m != null) LOOKS.put(dir, new Look(m, listedAt));
  }

  /** {@return the directory's modification time; null if it cannot be read} */
  private static FileTime modified(Path dir) {
    try {
      return Files.getLastModifiedTime(dir);
    } catch (IOException e) {
      return null;
    }
  }

  /**
   * Deletes what writes in the target's directory left behind: temporary files and lock files whose
   * lock can be taken (their writer died), hard links to replaced files that no live writer of this
   * JVM is about to delete, and, without a lock file, temporaries of the target older than
   * {@link #UNLOCKED_STALE_AFTER}. A temporary that a live process is writing is never touched; only
   * names this class makes are considered ({@code .<name>.<16 hex digits>.tmp} and {@code .lock}
   * for any name, and {@code .<name>.<hex>.old} beside an existing {@code <name>}). Problems are
   * logged, never thrown: a leftover is no reason to fail a write.
   *
   * @param target the file about to be written; its directory is listed
   */
  public static void cleanStale(Path target) {
    Path abs = target.toAbsolutePath().normalize();
    Path dir = abs.getParent();
    String own = "." + abs.getFileName() + ".";
    Set<String> names = new HashSet<>();
    Set<String> stems = new java.util.TreeSet<>();
    List<String> links = new ArrayList<>();
    try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir)) {
      for (Path p : ds) {
        String n = p.getFileName().toString();
        names.add(n);
        if (!n.startsWith(".")) continue;
        int dot = n.lastIndexOf('.');
        int before = n.lastIndexOf('.', dot - 1);
        if (before <= 1) continue; // no name between the leading dot and the token
        String suffix = n.substring(dot);
        String token = n.substring(before + 1, dot);
        if (suffix.equals(".old")) {
          if (TOKEN.matcher(token).matches()) links.add(n);
        } else if (suffix.equals(".tmp") || suffix.equals(".lock")) {
          boolean ours = n.startsWith(own) && before == own.length() - 1;
          if (LOCKED_TOKEN.matcher(token).matches() || ours && TOKEN.matcher(token).matches()) {
            stems.add(n.substring(0, dot));
          }
        }
      }
    } catch (IOException | RuntimeException e) {
      log.debug("cannot look for leftover temporary files in {}: {}", dir, e.toString());
      return;
    }
    for (String stem : stems) {
      try {
        cleanStale(dir, stem, stem.startsWith(own) && stem.lastIndexOf('.') == own.length() - 1);
      } catch (IOException | RuntimeException e) {
        log.debug("cannot clean up {}.*: {}", dir.resolve(stem), e.toString());
      }
    }
    for (String link : links) {
      String of = link.substring(1, link.lastIndexOf('.', link.length() - 5));
      Path p = dir.resolve(link);
      if (names.contains(of) && !PENDING.contains(p)) delete(p, "the leftover link to a replaced file");
    }
  }

  /**
   * Deletes one write's leftover temporary and lock file if its writer is gone; {@code unlocked}
   * allows deleting an old temporary without a lock file (the target's own, from sweep 0.1).
   */
  private static void cleanStale(Path dir, String stem, boolean unlocked) throws IOException {
    Path tmp = dir.resolve(stem + ".tmp");
    Path lockFile = dir.resolve(stem + ".lock");
    // Closing any channel on a file drops every POSIX lock this process holds on it, so the lock
    // files of this JVM's own writes are never opened here.
    if (WRITING.contains(lockFile)) return;
    FileChannel ch;
    try {
      // Read access is enough: a shared lock cannot be taken while the writer holds its exclusive one.
      ch = FileChannel.open(lockFile, StandardOpenOption.READ);
    } catch (NoSuchFileException e) {
      // No lock file: the temporary comes from a version that did not lock, or its writer finished.
      // A writer takes its lock before creating the temporary and deletes it after the rename.
      if (unlocked && isOlderThan(tmp, UNLOCKED_STALE_AFTER)) delete(tmp, "an unlocked leftover");
      return;
    }
    try (ch) {
      FileLock lock;
      try {
        lock = ch.tryLock(0, Long.MAX_VALUE, true);
      } catch (OverlappingFileLockException e) {
        return; // held in this JVM (a write that began after the check above)
      }
      if (lock == null) return; // a live process is writing it
      // Its writer is gone. Delete the temporary first, then the lock file, while holding the lock.
      delete(tmp, "the leftover");
      delete(lockFile, "the leftover lock file");
    }
  }

  private static boolean isOlderThan(Path file, Duration age) {
    try {
      FileTime t = Files.getLastModifiedTime(file);
      return t.toInstant().isBefore(Instant.now().minus(age));
    } catch (IOException e) {
      return false;
    }
  }

  private static void delete(Path file, String what) {
    try {
      if (Files.deleteIfExists(file)) log.info("deleted {} {}", what, file);
    } catch (IOException e) {
      log.warn("cannot delete {} {}: {}", what, file, e.toString());
    }
  }

  /**
   * Makes a rename or creation in the directory durable; not every platform can open a directory,
   * and that is no error.
   *
   * @param dir the directory
   */
  public static void syncDirectory(Path dir) {
    try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
      ch.force(true);
    } catch (IOException | UnsupportedOperationException e) {
      log.debug("cannot fsync directory {}: {}", dir, e.toString());
    }
  }

  /**
   * Waits until the replaced files whose freeing is pending in the background are deleted.
   *
   * @param timeout how long to wait at most
   * @return true if none is pending any more; false if the timeout passed first
   * @throws InterruptedException if interrupted while waiting
   */
  public static boolean awaitReleased(Duration timeout) throws InterruptedException {
    if (RECLAIMER.isShutdown()) return PENDING.isEmpty();
    Future<?> marker;
    try {
      marker = RECLAIMER.submit(() -> {}); // one thread, in order: done when everything before it is
    } catch (java.util.concurrent.RejectedExecutionException e) {
      return PENDING.isEmpty();
    }
    try {
      marker.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
      return true;
    } catch (TimeoutException e) {
      return false;
    } catch (java.util.concurrent.ExecutionException e) {
      throw new IllegalStateException("the reclaimer failed", e);
    }
  }

  /**
   * A hard link to the large file about to be replaced, or null if there is none, it is small, or
   * links are unsupported.
   */
  private static Path keepAside(Path target) {
    if (!Files.isRegularFile(target)) return null;
    try {
      if (Files.size(target) < KEEP_ASIDE_BYTES) return null;
    } catch (IOException e) {
      return null;
    }
    Path link = target.resolveSibling("." + target.getFileName() + "."
        + Long.toHexString(ThreadLocalRandom.current().nextLong()) + ".old");
    try {
      Files.createLink(link, target);
      PENDING.add(link);
      return link;
    } catch (IOException | UnsupportedOperationException | SecurityException e) {
      log.debug("cannot link {} aside, the rename frees it: {}", target, e.toString());
      return null;
    }
  }

  /** Deletes the link in the background. */
  private static void releaseLater(Path link) {
    if (link == null) return;
    try {
      RECLAIMER.execute(() -> release(link));
    } catch (java.util.concurrent.RejectedExecutionException e) { // shutting down
      release(link);
    }
  }

  private static void release(Path link) {
    try {
      Path dir = link.getParent();
      FileTime before = modified(dir);
      Files.deleteIfExists(link);
      // The deletion is this JVM's own: a directory that looked unchanged before it still does.
      FileTime after = modified(dir);
      if (before != null && after != null) {
        LOOKS.computeIfPresent(dir, (d, look) -> look.modified().equals(before) ? new Look(after, look.listedAt()) : look);
      }
    } catch (IOException e) {
      log.warn("cannot delete {}: {}", link, e.toString());
    } finally {
      PENDING.remove(link);
    }
  }

  private static void deleteQuietly(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      log.warn("could not delete the temporary file {}: {}", file, e.toString());
    }
  }

  /**
   * What went wrong, in words: a full disk says so, since the libraries often do not (the NetCDF C
   * library reports only "HDF error"). Called while the temporary file still holds its blocks.
   */
  static String describe(IOException e, Path dir) {
    String text = chain(e).toLowerCase(Locale.ROOT);
    if (text.contains("disk quota exceeded")) return "disk quota exceeded on " + dir + " (" + e + ")";
    if (text.contains("no space left on device")) return "no space left on " + dir + " (" + e + ")";
    if (isFull(dir)) return "no space left on " + dir + " (" + usableSpace(dir) + " bytes free; " + e + ")";
    if (text.contains("read-only file system")) return "read-only file system at " + dir + " (" + e + ")";
    if (e instanceof AccessDeniedException || e instanceof FileSystemException fs && fs.getReason() != null
        && fs.getReason().toLowerCase(Locale.ROOT).contains("permission denied")) {
      return "permission denied (" + e + ")";
    }
    return e.toString();
  }

  /** Below this many free bytes after a failed write, the file system is taken to be full. */
  private static final long NO_SPACE_BYTES = 1L << 20;

  /**
   * Whether the file system of a directory is (nearly) full: less than 1 MiB usable. Writers whose
   * library reports a full disk only vaguely (the NetCDF C library says "HDF error") ask this right
   * after the failure, before anything is freed, and then say "No space left on device" in their
   * exception, which {@link #replace} turns into {@code "no space left on <directory>"}.
   *
   * @param dir a directory
   * @return true if less than 1 MiB is usable there; false if more, or if it cannot be told
   */
  public static boolean isFull(Path dir) {
    long free = usableSpace(dir);
    return free >= 0 && free < NO_SPACE_BYTES;
  }

  private static long usableSpace(Path dir) {
    try {
      return Files.getFileStore(dir).getUsableSpace();
    } catch (IOException | RuntimeException e) {
      return -1;
    }
  }

  private static String chain(Throwable e) {
    StringBuilder sb = new StringBuilder();
    for (Throwable t = e; t != null && sb.length() < 10_000; t = t.getCause() == t ? null : t.getCause()) {
      sb.append(t).append('\n');
    }
    return sb.toString();
  }

  private static UncheckedIOException failure(Path file, String why, IOException cause) {
    String message = "cannot write " + file + ": " + why;
    return new UncheckedIOException(message, cause != null ? cause : new IOException(message));
  }
}
