package dev.sweep.farm;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * One submission of a crop's batches to a scheduler: which batch runs as which task. A crop records
 * every submission ({@link Crop#record}); the latest one of a batch is the one {@link Crop#status()}
 * asks its {@link JobQueue} about.
 *
 * @param scheduler the scheduler's name, as its {@link JobQueue#name()}
 * @param jobId the job id the scheduler gave (an array job's id)
 * @param tasks the task id of each batch submitted, by batch number
 * @param submitted when it was submitted
 */
public record Submission(String scheduler, String jobId, Map<Integer, String> tasks, Instant submitted) {

  /**
   * Checks the parts and keeps an unmodifiable copy of the tasks, by ascending batch.
   *
   * @throws IllegalArgumentException if there are no tasks, or a name or id is empty
   * @throws NullPointerException if a part is null
   */
  public Submission {
    Objects.requireNonNull(scheduler, "scheduler");
    Objects.requireNonNull(jobId, "jobId");
    Objects.requireNonNull(submitted, "submitted");
    if (scheduler.isBlank() || jobId.isBlank()) {
      throw new IllegalArgumentException("a submission names its scheduler and job id; got '" + scheduler + "' and '"
          + jobId + "'");
    }
    if (tasks.isEmpty()) throw new IllegalArgumentException("submission " + jobId + " holds no batch");
    tasks = Collections.unmodifiableMap(new TreeMap<>(tasks));
    tasks.forEach((b, t) -> Objects.requireNonNull(t, "task of batch " + b));
  }

  /** {@return the submission as plain data} */
  Map<String, Object> toMap() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("scheduler", scheduler);
    m.put("job", jobId);
    Map<String, Object> ts = new LinkedHashMap<>();
    tasks.forEach((b, t) -> ts.put(String.valueOf(b), t));
    m.put("tasks", ts);
    m.put("submitted", submitted.toString());
    return m;
  }

  /** The submission {@link #toMap()} described. */
  static Submission fromMap(Map<String, Object> m, String where) {
    try {
      Map<Integer, String> tasks = new LinkedHashMap<>();
      ((Map<?, ?>) m.get("tasks")).forEach((b, t) -> tasks.put(Integer.parseInt((String) b), (String) t));
      return new Submission((String) m.get("scheduler"), (String) m.get("job"), tasks,
          Instant.parse((String) m.get("submitted")));
    } catch (RuntimeException e) {
      throw new IllegalArgumentException(where + ": a submission should be {\"scheduler\", \"job\", \"tasks\": "
          + "{batch: task}, \"submitted\"}, not " + m + " (" + e.getMessage() + ")", e);
    }
  }

  /** {@return the batches submitted, ascending} */
  public List<Integer> batches() {
    return List.copyOf(tasks.keySet());
  }
}
