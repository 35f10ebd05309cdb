package dev.sweep.farm;

import dev.sweep.run.RunBatch;
import dev.sweep.store.StoreFormatException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A crop store in memory, to test the crop on its own terms: it keeps what it is given and gives it
 * back, and {@link #damage} makes a result unreadable as a torn file would be.
 */
final class MemoryCropStore implements CropStore {
  private final Path directory;
  private Map<String, Object> settings;
  private final List<Map<String, Object>> submissions = new ArrayList<>();
  private final List<Map<String, Object>> reaps = new ArrayList<>();
  private final Map<Integer, List<RunBatch>> results = new HashMap<>();
  private final Map<Integer, String> damaged = new HashMap<>();
  private final Map<Integer, String> errors = new HashMap<>();
  private final List<Integer> movedAside = new ArrayList<>();
  int resultWrites;

  MemoryCropStore(Path directory) {
    this.directory = directory;
  }

  @Override
  public Path directory() {
    return directory;
  }

  @Override
  public synchronized Optional<Map<String, Object>> readSettings() {
    return Optional.ofNullable(settings);
  }

  @Override
  public synchronized void createSettings(Map<String, Object> s) {
    if (settings != null) throw new IllegalStateException(directory + " already holds settings");
    settings = new LinkedHashMap<>(s);
  }

  /** Replaces the settings, as a damaged or foreign file would. */
  synchronized void replaceSettings(Map<String, Object> s) {
    settings = s;
  }

  @Override
  public synchronized void appendSubmission(Map<String, Object> submission) {
    submissions.add(submission);
  }

  @Override
  public synchronized List<Map<String, Object>> submissions() {
    return List.copyOf(submissions);
  }

  @Override
  public synchronized void appendReap(Map<String, Object> reap) {
    reaps.add(reap);
  }

  @Override
  public synchronized List<Map<String, Object>> reaps() {
    return List.copyOf(reaps);
  }

  @Override
  public synchronized void writeResult(int batch, List<RunBatch> parts) {
    results.put(batch, List.copyOf(parts));
    damaged.remove(batch);
    resultWrites++;
  }

  @Override
  public synchronized ResultCheck check(int batch) {
    if (damaged.containsKey(batch)) return new ResultCheck(ResultState.DAMAGED, 0, 0, damaged.get(batch));
    List<RunBatch> r = results.get(batch);
    if (r == null) return ResultCheck.absent();
    return new ResultCheck(ResultState.COMPLETE, r.stream().mapToLong(RunBatch::size).sum(),
        r.stream().mapToLong(b -> b.failures().count()).sum(), "");
  }

  @Override
  public synchronized Optional<List<RunBatch>> readResult(int batch) {
    if (damaged.containsKey(batch)) {
      throw new StoreFormatException(directory.resolve("batch-" + batch), damaged.get(batch), null);
    }
    return Optional.ofNullable(results.get(batch));
  }

  /** Makes a batch's result unreadable. */
  synchronized void damage(int batch, String problem) {
    damaged.put(batch, problem);
  }

  @Override
  public synchronized Optional<Path> moveAside(int batch) {
    boolean had = results.remove(batch) != null | damaged.remove(batch) != null;
    if (!had) return Optional.empty();
    movedAside.add(batch);
    return Optional.of(directory.resolve("batch-" + batch + ".aside"));
  }

  synchronized List<Integer> movedAside() {
    return List.copyOf(movedAside);
  }

  @Override
  public synchronized void writeError(int batch, String text) {
    if (text == null) errors.remove(batch);
    else errors.put(batch, text);
  }

  @Override
  public synchronized Optional<String> readError(int batch) {
    return Optional.ofNullable(errors.get(batch));
  }

  @Override
  public synchronized void delete() {
    settings = null;
    submissions.clear();
    reaps.clear();
    results.clear();
    damaged.clear();
    errors.clear();
  }
}
