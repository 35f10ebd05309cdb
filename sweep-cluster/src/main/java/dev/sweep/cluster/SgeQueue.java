package dev.sweep.cluster;

import dev.sweep.farm.JobQueue;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Grid Engine's view of a crop's tasks, under the name {@code sge}: {@code qstat} lists the pending
 * and running tasks ({@code qw}, {@code r}); a task it does not list has ended.
 */
public final class SgeQueue implements JobQueue {
  /** Made by the service loader. */
  public SgeQueue() {}

  @Override
  public String name() {
    return "sge";
  }

  @Override
  public Map<String, TaskState> states(List<String> tasks) {
    Map<String, String> env = Map.of();
    Path qstat = Commands.require("qstat", "ask Grid Engine about a crop's tasks",
        "install Grid Engine's client commands (Debian: apt-get install gridengine-client)", env);
    Commands.Result r = Commands.run(List.of(qstat.toString()), null, env);
    if (r.exitCode() != 0) {
      throw new IllegalStateException("qstat could not say how the tasks stand (exit " + r.exitCode() + "): " + r.said());
    }
    Map<String, TaskState> listed = parseQstat(r.stdout());
    Map<String, TaskState> out = new HashMap<>();
    for (String t : tasks) out.put(t, listed.getOrDefault(t, new TaskState(Phase.ENDED, "")));
    return out;
  }

  /**
   * Tasks from plain {@code qstat}: after two header lines, {@code job-ID prior name user state
   * submit/start-at [queue] [slots] ja-task-ID}, the task ids a number, a list or a range
   * {@code 4-8:1} (pending tasks are listed together).
   */
  static Map<String, TaskState> parseQstat(String text) {
    Map<String, TaskState> out = new HashMap<>();
    for (String line : text.split("\n")) {
      String[] f = line.strip().split("\\s+");
      if (f.length < 8 || !f[0].matches("\\d+")) continue;
      String state = f[4];
      Phase phase = state.contains("r") || state.contains("t") ? Phase.RUNNING : Phase.QUEUED;
      // job-ID prior name user state date time [queue] slots [ja-task-ID]: the queue (q@host) only once running
      boolean queued = f[7].contains("@");
      if (f.length - (queued ? 1 : 0) != 9) continue; // no ja-task-ID: not an array job
      String tasks = f[f.length - 1];
      if (!tasks.matches("[0-9,:-]+")) continue;
      for (String part : tasks.split(",")) {
        String[] range = part.split("[-:]");
        int from = Integer.parseInt(range[0]);
        int to = range.length > 1 ? Integer.parseInt(range[1]) : from;
        int step = range.length > 2 ? Integer.parseInt(range[2]) : 1;
        for (int i = from; i <= to; i += step) out.put(f[0] + "." + i, new TaskState(phase, "state " + state));
      }
    }
    return out;
  }
}
