package dev.sweep.farm;

import dev.sweep.SweepException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * A crop cannot be reaped whole: some batches have no complete result (never grown, failed,
 * damaged), or a wait for them timed out. Names the batches; damaged results were moved aside, so
 * growing the batches again ({@link Crop#growMissing()}, or resubmitting them) completes the crop.
 */
public final class IncompleteCropException extends SweepException {
  private static final long serialVersionUID = 1L;

  private final transient Path directory;
  private final List<Integer> batches;

  IncompleteCropException(Path directory, List<Integer> missing, Map<Integer, String> damaged) {
    super(message(directory, missing, damaged));
    this.directory = directory;
    TreeSet<Integer> all = new TreeSet<>(missing);
    all.addAll(damaged.keySet());
    this.batches = List.copyOf(all);
  }

  IncompleteCropException(Path directory, List<Integer> batches, String why) {
    super("crop " + directory + ": batches " + batches + " have no complete result; " + why);
    this.directory = directory;
    this.batches = List.copyOf(batches);
  }

  private static String message(Path directory, List<Integer> missing, Map<Integer, String> damaged) {
    StringBuilder sb = new StringBuilder("crop ").append(directory).append(" is not complete:");
    if (!missing.isEmpty()) sb.append(" batches ").append(missing).append(" have no result");
    if (!damaged.isEmpty()) {
      if (!missing.isEmpty()) sb.append(';');
      sb.append(" batches ").append(damaged.keySet()).append(" had damaged results, moved aside:");
      damaged.forEach((b, why) -> sb.append("\n  batch ").append(b).append(": ").append(why));
      sb.append('\n');
    } else {
      sb.append(';');
    }
    return sb.append(" grow them (crop.growMissing(), or submit them again), or reap what there is with"
        + " reapIncomplete()").toString();
  }

  /** {@return the crop's directory} */
  public Path directory() {
    return directory;
  }

  /** {@return the batches without a complete result, ascending} */
  public List<Integer> batches() {
    return batches;
  }
}
