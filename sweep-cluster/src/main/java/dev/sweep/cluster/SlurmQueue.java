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
 * SLURM's view of a crop's tasks: {@code squeue} for those still pending or running, then
 * {@code scontrol show job} (and {@code sacct}, where accounting is on) for how the others ended.
 * Found by {@link dev.sweep.farm.Crop#status()} through the service loader, under the name {@code slurm}.
 */
public final class SlurmQueue implements JobQueue {
  private static final String INSTALL = "install SLURM's client commands (Debian: apt-get install slurm-client)";
  private static final Pattern TASK = Pattern.compile("(\\d+)_(\\d+)");

  /** Made by the service loader. */
  public SlurmQueue() {}

  @Override
  public String name() {
    return "slurm";
  }

  @Override
  public Map<String, TaskState> states(List<String> tasks) {
    Map<String, String> env = Map.of();
    Path squeue = Commands.require("squeue", "ask SLURM about a crop's tasks", INSTALL, env);
    Set<String> jobs = new LinkedHashSet<>();
    for (String t : tasks) {
      Matcher m = TASK.matcher(t);
      jobs.add(m.matches() ? m.group(1) : t);
    }
    Map<String, TaskState> live = new HashMap<>();
    for (String job : jobs) {
      Commands.Result r = Commands.run(List.of(squeue.toString(), "-h", "-r", "-j", job, "-o", "%i|%T|%r"), null, env);
      if (r.exitCode() != 0) {
        if (r.said().contains("Invalid job id")) continue; // SLURM forgot it: it ended
        throw new IllegalStateException("squeue could not say how job " + job + " stands (exit " + r.exitCode() + "): "
            + r.said());
      }
      live.putAll(parseSqueue(r.stdout()));
    }
    Map<String, TaskState> out = new HashMap<>();
    List<String> ended = new ArrayList<>();
    for (String t : tasks) {
      TaskState s = live.get(t);
      if (s != null) out.put(t, s);
      else ended.add(t);
    }
    if (!ended.isEmpty()) out.putAll(endings(ended, env));
    return out;
  }

  /** Tasks from {@code squeue -h -r -o "%i|%T|%r"}: id, state and reason. */
  static Map<String, TaskState> parseSqueue(String text) {
    Map<String, TaskState> out = new HashMap<>();
    for (String line : text.split("\n")) {
      String[] f = line.strip().split("\\|");
      if (f.length < 2) continue;
      String state = f[1];
      String reason = f.length > 2 && !f[2].isBlank() && !f[2].equals("None") ? " (" + f[2] + ")" : "";
      Phase phase;
      switch (state) {
        case "PENDING": case "REQUEUED": case "REQUEUE_HOLD": case "REQUEUE_FED": case "CONFIGURING": case "RESV_DEL_HOLD":
          phase = Phase.QUEUED;
          break;
        case "RUNNING": case "COMPLETING": case "SUSPENDED": case "STAGE_OUT": case "SIGNALING": case "RESIZING":
          phase = Phase.RUNNING;
          break;
        default:
          phase = Phase.ENDED;
      }
      out.put(f[0], new TaskState(phase, state + reason));
    }
    return out;
  }

  /** How ended tasks ended, from scontrol (recent jobs) or sacct (where accounting is on); else nothing said. */
  private static Map<String, TaskState> endings(List<String> tasks, Map<String, String> env) {
    Map<String, TaskState> out = new HashMap<>();
    Set<String> jobs = new LinkedHashSet<>();
    for (String t : tasks) {
      Matcher m = TASK.matcher(t);
      if (m.matches()) jobs.add(m.group(1));
    }
    Map<String, String> said = new HashMap<>();
    for (String job : jobs) {
      try {
        Path scontrol = Commands.require("scontrol", "ask SLURM how a crop's tasks ended", INSTALL, env);
        Commands.Result r = Commands.run(List.of(scontrol.toString(), "show", "job", "-o", job), null, env);
        if (r.exitCode() == 0) said.putAll(parseScontrol(r.stdout()));
      } catch (IllegalStateException e) {
        // without scontrol the tasks still ended; only the detail is lost
      }
    }
    for (String t : tasks) out.put(t, new TaskState(Phase.ENDED, said.getOrDefault(t, "")));
    return out;
  }

  /** Ended tasks from {@code scontrol show job -o JOB}: one line per task, with its state and exit code. */
  static Map<String, String> parseScontrol(String text) {
    Map<String, String> out = new HashMap<>();
    Pattern job = Pattern.compile("ArrayJobId=(\\d+) ArrayTaskId=(\\d+) ");
    Pattern state = Pattern.compile(" JobState=(\\S+)");
    Pattern exit = Pattern.compile(" ExitCode=(\\d+):(\\d+)");
    for (String line : text.split("\n")) {
      Matcher j = job.matcher(line);
      Matcher s = state.matcher(line);
      if (!j.find() || !s.find()) continue;
      Matcher e = exit.matcher(line);
      String detail = s.group(1);
      if (e.find()) detail += e.group(2).equals("0") ? " exit " + e.group(1) : " signal " + e.group(2);
      out.put(j.group(1) + "_" + j.group(2), detail);
    }
    return out;
  }
}
