package dev.sweep.farm;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A job queue named "test" that reports the states a test sets: how {@link Crop#status()} reads a
 * scheduler, apart from any real one (sweep-cluster tests SLURM itself). Registered in this module's
 * test resources.
 */
public final class TestQueue implements JobQueue {
  static final Map<String, TaskState> STATES = new ConcurrentHashMap<>();

  /** Made by the service loader. */
  public TestQueue() {}

  @Override
  public String name() {
    return "test";
  }

  @Override
  public Map<String, TaskState> states(List<String> tasks) {
    Map<String, TaskState> out = new java.util.HashMap<>();
    for (String t : tasks) {
      TaskState s = STATES.get(t);
      if (s != null) out.put(t, s);
    }
    return out;
  }
}
