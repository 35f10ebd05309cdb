package dev.sweep.store;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.FileLockInterruptionException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How long a writer waits for the exclusive lock on a file's lock file ({@code <file>.lock}) while
 * another process holds it: without limit ({@link #forever()}, the default), or at most a given time
 * ({@link #atMost}), after which the wait fails with a {@link LockTimeoutException} whose message says
 * which process waited, for which lock file, to do what, and for how long. Set through {@code lockTimeout} on the
 * {@link dev.sweep.farm.Harvester} and {@link dev.sweep.farm.Sampler} builders, and passed to record
 * stores by {@link Stores#records(Path, RecordStore.Mode, LockWait)}. Every wait is logged when it
 * starts (INFO), naming the lock file and this process. Immutable.
 */
public final class LockWait {
  private static final Logger LOG = LoggerFactory.getLogger(LockWait.class);
  private static final LockWait FOREVER = new LockWait(null);
  /** The longest pause between two tries while waiting with a timeout. */
  private static final long MAX_PAUSE_NANOS = 50_000_000L;

  private final Duration timeout; // null: forever

  private LockWait(Duration timeout) {
    this.timeout = timeout;
  }

  /** {@return a wait without limit: the writer waits as long as another process holds the lock} */
  public static LockWait forever() {
    return FOREVER;
  }

  /**
   * {@return a wait of at most the timeout}
   *
   * @param timeout how long to wait for another process's lock
   * @throws NullPointerException if the timeout is null
   * @throws IllegalArgumentException if the timeout is zero or negative
   */
  public static LockWait atMost(Duration timeout) {
    return new LockWait(check("lockTimeout", timeout));
  }

  private static Duration check(String parameter, Duration timeout) {
    if (timeout == null) throw new NullPointerException(parameter + " is null; expected a positive duration");
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException(parameter + " is " + timeout + "; expected a positive duration");
    }
    return timeout;
  }

  /** {@return the longest wait; empty for a wait without limit} */
  public Optional<Duration> timeout() {
    return Optional.ofNullable(timeout);
  }

  /**
   * Takes the exclusive lock on an open lock file, waiting as this allows while another process holds
   * it: what a store implementation calls where it would call {@link FileChannel#lock()}.
   *
   * @param channel the lock file, open for writing
   * @param lockFile its path, for the messages
   * @param purpose what the lock is for, completing "waits for the lock file X to ...", e.g.
   *     {@code "harvest into /data/foo.nc"}
   * @return the lock
   * @throws LockTimeoutException if the wait timed out, naming this process, the lock file, the
   *     purpose and the time waited
   * @throws IOException if the lock cannot be taken
   * @throws FileLockInterruptionException if the thread is interrupted while waiting; its interrupt
   *     status is set
   */
  public FileLock lock(FileChannel channel, Path lockFile, String purpose) throws IOException {
    return lock(channel, lockFile, purpose, System.nanoTime());
  }

  /**
   * As {@link #lock(FileChannel, Path, String)}, for a wait that began earlier (a wait resumed after an
   * interrupt closed the channel): the timeout counts from {@code since}.
   *
   * @param channel the lock file, open for writing
   * @param lockFile its path, for the messages
   * @param purpose what the lock is for
   * @param since {@link System#nanoTime()} when the wait began
   * @return the lock
   * @throws LockTimeoutException if the wait timed out
   * @throws IOException if the lock cannot be taken
   */
  public FileLock lock(FileChannel channel, Path lockFile, String purpose, long since) throws IOException {
    Objects.requireNonNull(channel, "channel");
    FileLock lock = channel.tryLock();
    if (lock != null) return lock;
    long pid = ProcessHandle.current().pid();
    LOG.info("process {} waits for the lock file {} to {}: another process holds it ({})", pid, lockFile, purpose,
        timeout == null ? "no time limit" : "giving up after " + seconds(timeout.toNanos()));
    if (timeout == null) {
      lock = channel.lock();
      LOG.info("process {} got the lock file {} after {}", pid, lockFile, seconds(System.nanoTime() - since));
      return lock;
    }
    long pause = 1_000_000L;
    while (true) {
      long waited = System.nanoTime() - since;
      long left = timeout.toNanos() - waited;
      if (left <= 0) {
        throw new LockTimeoutException("process " + pid + " waited " + seconds(waited) + " for the lock file "
            + lockFile + " to " + purpose + ", which another process holds, and gave up (lockTimeout " + timeout
            + "); find that process (e.g. lsof " + lockFile + "), or allow a longer lockTimeout", lockFile,
            Duration.ofNanos(waited));
      }
      try {
        Thread.sleep(Math.max(1, Math.min(pause, left) / 1_000_000L));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new FileLockInterruptionException();
      }
      pause = Math.min(MAX_PAUSE_NANOS, pause * 2);
      lock = channel.tryLock();
      if (lock != null) {
        LOG.info("process {} got the lock file {} after {}", pid, lockFile, seconds(System.nanoTime() - since));
        return lock;
      }
    }
  }

  /** Seconds to the millisecond, without trailing zeros: "0.15 s", "0.301 s", "120 s". */
  private static String seconds(long nanos) {
    String s = String.format(java.util.Locale.ROOT, "%.3f", nanos / 1e9).replaceAll("0+$", "");
    return (s.endsWith(".") ? s.substring(0, s.length() - 1) : s) + " s";
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof LockWait w && Objects.equals(timeout, w.timeout);
  }

  @Override
  public int hashCode() {
    return Objects.hashCode(timeout);
  }

  @Override
  public String toString() {
    return timeout == null ? "LockWait[forever]" : "LockWait[at most " + timeout + "]";
  }
}
