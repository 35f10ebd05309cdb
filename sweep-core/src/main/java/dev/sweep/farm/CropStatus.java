package dev.sweep.farm;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Where every batch of a {@link Crop} stands, from its result files first and its scheduler second.
 * {@link #toString()} is the table {@code sweep crop status} prints.
 *
 * @param directory the crop's directory
 * @param runs the number of runs of the whole sweep
 * @param batches each batch's status, by batch number
 */
public record CropStatus(Path directory, long runs, List<Batch> batches) {

  /**
   * Keeps an unmodifiable copy of the batches.
   *
   * @throws NullPointerException if a part is null
   */
  public CropStatus {
    Objects.requireNonNull(directory, "directory");
    batches = List.copyOf(batches);
  }

  /**
   * One batch's status.
   *
   * @param batch the batch number
   * @param state where it stands
   * @param runs its number of runs
   * @param failedRuns how many of its runs failed (recorded in a complete result); 0 otherwise
   * @param task the scheduler's task that grows it, as last submitted; empty if never submitted
   * @param detail what the scheduler or the worker said (e.g. {@code "FAILED exit 1"}), or what is
   *     wrong with a damaged file; may be empty
   */
  public record Batch(int batch, BatchState state, long runs, long failedRuns, Optional<String> task, String detail) {
    /**
     * Checks the parts.
     *
     * @throws NullPointerException if a part is null
     */
    public Batch {
      Objects.requireNonNull(state, "state");
      Objects.requireNonNull(task, "task");
      Objects.requireNonNull(detail, "detail");
    }
  }

  /** {@return the number of batches in each state, in the order of {@link BatchState}; states with none left out} */
  public Map<BatchState, Integer> counts() {
    Map<BatchState, Integer> m = new EnumMap<>(BatchState.class);
    for (Batch b : batches) m.merge(b.state(), 1, Integer::sum);
    return m;
  }

  /**
   * {@return the numbers of the batches in any of the given states, ascending}
   *
   * @param states the states
   */
  public List<Integer> batchesIn(BatchState... states) {
    List<Integer> out = new ArrayList<>();
    for (Batch b : batches) {
      for (BatchState s : states) {
        if (b.state() == s) {
          out.add(b.batch());
          break;
        }
      }
    }
    return out;
  }

  /** {@return true if every batch is done} */
  public boolean isComplete() {
    return batches.stream().allMatch(b -> b.state() == BatchState.DONE);
  }

  /**
   * {@return the table: a summary line, then one line per batch}
   * <pre>
   * crop /scratch/foo: 1000 runs in 4 batches: 2 done, 1 failed, 1 queued
   * batch  state    runs  failed  task     detail
   *     0  done      250       0  17_0
   *     1  failed    250       -  17_1     FAILED exit 1
   * </pre>
   */
  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder("crop ").append(directory).append(": ").append(runs).append(" runs in ")
        .append(batches.size()).append(batches.size() == 1 ? " batch" : " batches").append(':');
    String sep = " ";
    for (Map.Entry<BatchState, Integer> e : counts().entrySet()) {
      sb.append(sep).append(e.getValue()).append(' ').append(e.getKey().name().toLowerCase(java.util.Locale.ROOT));
      sep = ", ";
    }
    int taskWidth = 4;
    for (Batch b : batches) taskWidth = Math.max(taskWidth, b.task().map(String::length).orElse(1));
    sb.append('\n').append(String.format("%5s  %-8s %9s %7s  %-" + taskWidth + "s  %s", "batch", "state", "runs", "failed",
        "task", "detail").stripTrailing());
    for (Batch b : batches) {
      String failed = b.state() == BatchState.DONE ? String.valueOf(b.failedRuns()) : "-";
      sb.append('\n').append(String.format("%5d  %-8s %9d %7s  %-" + taskWidth + "s  %s", b.batch(),
          b.state().name().toLowerCase(java.util.Locale.ROOT), b.runs(), failed, b.task().orElse("-"),
          firstLine(b.detail())).stripTrailing());
    }
    return sb.toString();
  }

  private static String firstLine(String s) {
    int nl = s.indexOf('\n');
    String line = nl < 0 ? s : s.substring(0, nl);
    return line.length() > 160 ? line.substring(0, 157) + "..." : line;
  }
}
