package dev.sweep.follow;

import java.util.ArrayList;
import java.util.List;

/** A clock that moves only when the follower sleeps, running what a test scheduled for that time. */
final class FakeTime implements Sleeper {
  private record Action(long atNanos, Runnable run) {}

  long now;
  final List<Long> sleeps = new ArrayList<>();
  private final List<Action> actions = new ArrayList<>();

  /** Runs {@code r} when the clock first reaches {@code millis}. */
  FakeTime at(long millis, Runnable r) {
    actions.add(new Action(millis * 1_000_000, r));
    return this;
  }

  @Override
  public long nanoTime() {
    return now;
  }

  @Override
  public void sleep(long nanos) {
    sleeps.add(nanos);
    now += nanos;
    actions.removeIf(a -> {
      if (a.atNanos <= now) {
        a.run.run();
        return true;
      }
      return false;
    });
  }

  long millis() {
    return now / 1_000_000;
  }
}
