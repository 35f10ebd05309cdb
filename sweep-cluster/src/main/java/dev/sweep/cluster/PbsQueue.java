package dev.sweep.cluster;

import dev.sweep.farm.JobQueue;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * PBS's view of a crop's tasks, under the name {@code pbs}: {@code qstat -x -f -t} for PBS Pro's
 * subjobs ({@code 1234[3].server}). Tasks that SLURM's {@code qsub} (slurm-wlm-torque) submitted are
 * SLURM array tasks ({@code 5_3}) and are asked of SLURM.
 */
public final class PbsQueue implements JobQueue {
  private static final Pattern SLURM_TASK = Pattern.compile("\\d+_\\d+");
  private static final Pattern SUBJOB = Pattern.compile("(\\d+)\\[\\d+\\](.*)");

  /** Made by the service loader. */
  public PbsQueue() {}

  @Override
  public String name() {
    return "pbs";
  }

  @Override
  public Map<String, TaskState> states(List<String> tasks) {
    List<String> slurm = new ArrayList<>();
    List<String> pbs = new ArrayList<>();
    for (String t : tasks) (SLURM_TASK.matcher(t).matches() ? slurm : pbs).add(t);
    Map<String, TaskState> out = new HashMap<>();
    if (!slurm.isEmpty()) out.putAll(new SlurmQueue().states(slurm));
    if (pbs.isEmpty()) return out;
    Map<String, String> env = Map.of();
    Path qstat = Commands.require("qstat", "ask PBS about a crop's tasks", "install PBS's client commands", env);
    Set<String> jobs = new LinkedHashSet<>();
    for (String t : pbs) {
      Matcher m = SUBJOB.matcher(t);
      jobs.add(m.matches() ? m.group(1) + "[]" + m.group(2) : t);
    }
    Map<String, TaskState> known = new HashMap<>();
    for (String job : jobs) {
      Commands.Result r = Commands.run(List.of(qstat.toString(), "-x", "-f", "-t", job), null, env);
      if (r.exitCode() == 0) known.putAll(parseQstat(r.stdout()));
    }
    for (String t : pbs) out.put(t, known.getOrDefault(t, new TaskState(Phase.ENDED, "")));
    return out;
  }

  /** Jobs from {@code qstat -f}: blocks that start {@code Job Id: ID} and hold {@code job_state = X}. */
  static Map<String, TaskState> parseQstat(String text) {
    Map<String, TaskState> out = new HashMap<>();
    String id = null;
    String state = null;
    String exit = null;
    for (String raw : (text + "\nJob Id: end").split("\n")) {
      String line = raw.strip();
      if (line.startsWith("Job Id:")) {
        if (id != null && state != null) out.put(id, state(state, exit));
        id = line.substring("Job Id:".length()).strip();
        state = null;
        exit = null;
      } else if (line.startsWith("job_state = ")) {
        state = line.substring("job_state = ".length()).strip();
      } else if (line.startsWith("Exit_status = ")) {
        exit = line.substring("Exit_status = ".length()).strip();
      }
    }
    return out;
  }

  private static TaskState state(String s, String exit) {
    switch (s) {
      case "Q": case "H": case "W": case "T": case "S":
        return new TaskState(Phase.QUEUED, "job_state " + s);
      case "R": case "E": case "B":
        return new TaskState(Phase.RUNNING, "job_state " + s);
      default:
        return new TaskState(Phase.ENDED, "job_state " + s + (exit == null ? "" : " exit " + exit));
    }
  }
}
