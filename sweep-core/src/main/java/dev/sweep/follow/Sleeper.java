package dev.sweep.follow;

/**
 * The follower's time: a monotonic clock and a way to wait. {@link #SYSTEM} is real time; a test
 * passes one whose clock advances only when it sleeps, so that the polling of a follower (how many
 * polls, when it times out) is checked exactly and at once.
 */
public interface Sleeper {
  /** Real time: {@link System#nanoTime()} and {@link Thread#sleep(long, int)}. */
  Sleeper SYSTEM = new Sleeper() {
    @Override
    public long nanoTime() {
      return System.nanoTime();
    }

    @Override
    public void sleep(long nanos) throws InterruptedException {
      if (nanos > 0) Thread.sleep(nanos / 1_000_000, (int) (nanos % 1_000_000));
    }
  };

  /** {@return the current time in nanoseconds, from an arbitrary origin; only differences count} */
  long nanoTime();

  /**
   * Waits.
   *
   * @param nanos how long, in nanoseconds; nothing if not positive
   * @throws InterruptedException if the thread is interrupted while waiting
   */
  void sleep(long nanos) throws InterruptedException;
}
