package dev.sweep.farm;

import dev.sweep.data.Dataset;
import dev.sweep.data.Index;
import dev.sweep.data.MergePolicy;
import dev.sweep.data.Variable;
import dev.sweep.run.Label;
import dev.sweep.run.PlanRunner;
import dev.sweep.run.RunOptions;
import dev.sweep.run.Runner;
import dev.sweep.space.Cases;
import dev.sweep.space.Combos;
import dev.sweep.space.Space;
import dev.sweep.store.DatasetStore;
import dev.sweep.store.Stores;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Merges successive sweeps of one {@link Runner} into one dataset kept in a file: xyzpy's
 * {@code Harvester}. The file grows across sessions: construction loads it, and every harvest runs,
 * merges into the full dataset and writes it back.
 *
 * <pre>{@code
 * Harvester h = Harvester.builder(runner, Path.of("foo.nc")).build();
 * h.harvestCombos(combos);       // run, merge, sync
 * h.harvestCombos(moreCombos);   // labels become the sorted union; unrun cells are NaN
 * Dataset all = h.fullDataset();
 * }</pre>
 *
 * <p>Safety: each write replaces the file atomically (see {@link DatasetStore#write}); harvests take
 * an exclusive lock on {@code <file>.lock} and re-read the file if another process changed it, so
 * several JVMs can harvest into one file and all results are kept; with {@link Builder#saveEvery}
 * a long harvest is saved in batches, so a crash loses at most one batch. A file written by a
 * different runner (other variables or dimensions) is refused.
 *
 * <p>Thread-safe: harvests on one instance run one at a time.
 */
public final class Harvester {
  private static final Logger LOG = LoggerFactory.getLogger(Harvester.class);

  private final Runner runner;
  private final DatasetStore store;
  private final MergePolicy policy;
  private final long batchRuns;
  private final Duration batchTime;
  private final PlanRunner planRunner;
  private Dataset full;
  private Dataset last;
  private final SyncedFile synced;

  private Harvester(Builder b) {
    this.runner = b.runner;
    this.store = b.store;
    this.policy = b.policy;
    this.batchRuns = b.batchRuns;
    this.batchTime = b.batchTime;
    this.planRunner = b.planRunner;
    this.full = Dataset.builder().build();
    this.synced = new SyncedFile(store.path());
    synced.locked(true, () -> {
      if (store.exists()) {
        Dataset stored = store.read();
        checkDeclared(stored);
        full = stored;
        synced.markSeen();
      }
      return null;
    });
  }

  /**
   * {@return a builder for a harvester of the runner into the file}
   *
   * @param runner the runner whose sweeps are merged
   * @param file the file, its format chosen by extension (e.g. {@code .nc}) when the harvester is
   *     built; it need not exist yet
   */
  public static Builder builder(Runner runner, Path file) {
    Builder b = new Builder(runner, null);
    b.file = Objects.requireNonNull(file, "file");
    return b;
  }

  /**
   * {@return a builder for a harvester of the runner through a given store}
   *
   * @param runner the runner whose sweeps are merged
   * @param store the store that reads and writes the file
   */
  public static Builder builder(Runner runner, DatasetStore store) {
    return new Builder(runner, store);
  }

  /**
   * A builder for the static method's harvester, described by its {@link Label} and syncing with
   * the file the label's {@code harvester} element names; a relative name resolves against
   * {@link Builder#directory}, else the working directory. Add constants with
   * {@link Builder#configureRunner}.
   *
   * @param owner the class that declares (or inherits) the method
   * @param method the method's name
   * @return the harvester's builder
   * @throws IllegalArgumentException if the method has no {@code @Label} or its label names no
   *     harvester file
   */
  public static Builder labelled(Class<?> owner, String method) {
    String file = Labelled.harvestFile(owner, method).orElseThrow(() -> new IllegalArgumentException(
        owner.getSimpleName() + "." + method + " has no @Harvest(\"<file>.nc\"); name the file there, or use"
            + " Harvester.builder(runner, file)"));
    return builder(Runner.labelled(owner, method).build(), Path.of(file));
  }

  /**
   * Runs every combination, merges the results into the full dataset and syncs the file.
   *
   * @param combos the parameters to combine; may hold {@link Combos.Builder#addStored} placeholders
   * @return this harvest's results
   * @throws dev.sweep.run.RunFailedException if a run throws under {@link dev.sweep.run.OnError#STOP}
   * @throws dev.sweep.data.MergeConflictException if new and stored values differ under
   *     {@link MergePolicy#FAIL_ON_CONFLICT}; the file keeps what was synced before
   * @throws IllegalArgumentException if the file was written by a different runner, the arguments do
   *     not fit the runner, or a stored-values parameter names a dimension the file has no labels for
   * @throws UncheckedIOException if the file cannot be locked, read or written
   */
  public Dataset harvestCombos(Combos combos) {
    return harvest(Cases.none(), Objects.requireNonNull(combos, "combos"), false, policy);
  }

  /**
   * Runs the cases, merges the results into the full dataset and syncs the file.
   *
   * @param cases the points to run; no two may be the same point
   * @return this harvest's results
   * @throws dev.sweep.run.RunFailedException if a run throws under {@link dev.sweep.run.OnError#STOP}
   * @throws dev.sweep.data.MergeConflictException if new and stored values differ under
   *     {@link MergePolicy#FAIL_ON_CONFLICT}; the file keeps what was synced before
   * @throws IllegalArgumentException if the file was written by a different runner, the arguments do
   *     not fit the runner, or a stored-values parameter names a dimension the file has no labels for
   * @throws UncheckedIOException if the file cannot be locked, read or written
   */
  public Dataset harvestCases(Cases cases) {
    return harvest(Objects.requireNonNull(cases, "cases"), Combos.empty(), false, policy);
  }

  /**
   * Runs every combination for every case, merges the results into the full dataset and syncs the file.
   *
   * @param cases the points to run; no two may be the same point
   * @param combos the parameters combined with each case
   * @return this harvest's results
   * @throws dev.sweep.run.RunFailedException if a run throws under {@link dev.sweep.run.OnError#STOP}
   * @throws dev.sweep.data.MergeConflictException if new and stored values differ under
   *     {@link MergePolicy#FAIL_ON_CONFLICT}; the file keeps what was synced before
   * @throws IllegalArgumentException if the file was written by a different runner, the arguments do
   *     not fit the runner, or a stored-values parameter names a dimension the file has no labels for
   * @throws UncheckedIOException if the file cannot be locked, read or written
   */
  public Dataset harvest(Cases cases, Combos combos) {
    return harvest(cases, combos, policy);
  }

  /**
   * As {@link #harvestCombos(Combos)}, merging this harvest's results under its own policy (xyzpy's
   * {@code overwrite=True} is {@link MergePolicy#NEW_WINS}); the harvester's policy is unchanged.
   *
   * @param combos the parameters to combine
   * @param policy what happens where new results meet stored ones, for this call
   * @return this harvest's results
   */
  public Dataset harvestCombos(Combos combos, MergePolicy policy) {
    return harvest(Cases.none(), combos, policy);
  }

  /**
   * As {@link #harvest(Cases, Combos)}, merging this harvest's results under its own policy.
   *
   * @param cases the points to run
   * @param combos the parameters combined with each case
   * @param policy what happens where new results meet stored ones, for this call
   * @return this harvest's results
   */
  public Dataset harvest(Cases cases, Combos combos, MergePolicy policy) {
    return harvest(Objects.requireNonNull(cases, "cases"), Objects.requireNonNull(combos, "combos"), false,
        Objects.requireNonNull(policy, "policy"));
  }

  /**
   * Runs only the combinations whose cells are not yet filled in the file (xyzpy's
   * {@code missing_only=True}), merges and syncs.
   *
   * @param combos the parameters to combine
   * @return the results of the runs made; an empty dataset if none was missing
   * @throws dev.sweep.run.RunFailedException if a run throws under {@link dev.sweep.run.OnError#STOP}
   * @throws dev.sweep.data.MergeConflictException if new and stored values differ under
   *     {@link MergePolicy#FAIL_ON_CONFLICT}; the file keeps what was synced before
   * @throws IllegalArgumentException if the file was written by a different runner, the arguments do
   *     not fit the runner, or a stored-values parameter names a dimension the file has no labels for
   * @throws UncheckedIOException if the file cannot be locked, read or written
   */
  public Dataset harvestMissing(Combos combos) {
    return harvest(Cases.none(), Objects.requireNonNull(combos, "combos"), true, policy);
  }

  /**
   * Runs only the points not yet filled in the file, of every case with every combination, merges and
   * syncs; as {@link #harvestMissing(Combos)}.
   *
   * @param cases the points to run
   * @param combos the parameters combined with each case
   * @return the results of the runs made; an empty dataset if none was missing
   * @throws dev.sweep.run.RunFailedException if a run throws under {@link dev.sweep.run.OnError#STOP}
   * @throws dev.sweep.data.MergeConflictException if new and stored values differ under
   *     {@link MergePolicy#FAIL_ON_CONFLICT}; the file keeps what was synced before
   * @throws IllegalArgumentException if the file was written by a different runner, the arguments do
   *     not fit the runner, or a stored-values parameter names a dimension the file has no labels for
   * @throws UncheckedIOException if the file cannot be locked, read or written
   */
  public Dataset harvestMissing(Cases cases, Combos combos) {
    return harvest(Objects.requireNonNull(cases, "cases"), Objects.requireNonNull(combos, "combos"), true, policy);
  }

  private synchronized Dataset harvest(Cases cases, Combos combos, boolean missingOnly, MergePolicy policy) {
    synced.locked(false, () -> {
      refresh();
      return null;
    });
    Space space = Space.of(cases, resolveStored(combos));
    List<Map<String, Object>> points = null;
    if (missingOnly) {
      points = missingPoints(space);
      if (points.isEmpty()) {
        LOG.info("nothing to harvest: all {} requested runs are already in {}", space.size(), store.path());
        last = Dataset.builder().build();
        return last;
      }
    }
    Dataset result;
    if (points == null && batchRuns == 0 && batchTime == null) {
      result = planRunner.run(runner.plan(cases, space.combos()));
      sync(result, policy);
    } else {
      if (points == null) points = allPoints(space);
      result = runInBatches(points, policy);
    }
    last = result;
    return result;
  }

  private Combos resolveStored(Combos combos) {
    if (combos.storedNames().isEmpty()) return combos;
    Combos.Builder b = Combos.builder();
    for (Combos.Parameter p : combos.parameters()) {
      if (!p.isStored()) {
        List<Object> vs = new ArrayList<>();
        for (int i = 0; i < p.size(); i++) vs.add(p.value(i));
        b.add(p.name(), vs);
        continue;
      }
      Index stored = full.coords().get(p.name());
      if (stored == null) {
        throw new IllegalArgumentException("parameter '" + p.name() + "' asks for the values already stored, but "
            + store.path() + " has no labelled dimension '" + p.name() + "' (it has " + full.coords().keySet() + ")");
      }
      b.add(p.name(), stored.labels());
    }
    return b.build();
  }

  private static List<Map<String, Object>> allPoints(Space space) {
    List<Map<String, Object>> out = new ArrayList<>(Math.toIntExact(space.size()));
    for (long r = 0; r < space.size(); r++) out.add(space.arguments(r));
    return out;
  }

  /** The requested runs whose cell holds no value in the full dataset. */
  private List<Map<String, Object>> missingPoints(Space space) {
    List<String> swept = new ArrayList<>();
    for (String d : full.dims()) {
      if (!full.variables().isEmpty() && full.variables().values().stream().allMatch(v -> v.dims().contains(d))) {
        swept.add(d);
      }
    }
    Set<List<Object>> missing = new HashSet<>();
    for (Map<String, Object> m : full.missingCases()) missing.add(new ArrayList<>(m.values()));
    List<Map<String, Object>> out = new ArrayList<>();
    for (long r = 0; r < space.size(); r++) {
      Map<String, Object> args = space.arguments(r);
      if (swept.isEmpty() || !args.keySet().containsAll(swept)) {
        out.add(args);
        continue;
      }
      List<Object> key = new ArrayList<>(swept.size());
      boolean known = true;
      for (String d : swept) {
        Index ix = full.coords().get(d);
        int p = ix == null ? -1 : ix.indexOf(args.get(d));
        if (p < 0) {
          known = false;
          break;
        }
        key.add(ix.get(p));
      }
      if (!known || missing.contains(key)) out.add(args);
    }
    return out;
  }

  private Dataset runInBatches(List<Map<String, Object>> points, MergePolicy policy) {
    Dataset all = null;
    int from = 0;
    int size = batchRuns > 0 ? (int) Math.min(Integer.MAX_VALUE, batchRuns) : Math.min(points.size(), 16);
    while (from < points.size()) {
      int to = Math.min(points.size(), from + size);
      long t0 = System.nanoTime();
      Dataset part = planRunner.run(runner.plan(toCases(points.subList(from, to)), Combos.empty()));
      sync(part, policy);
      all = all == null ? part : all.merge(part, MergePolicy.NEW_WINS);
      if (batchTime != null) {
        double perRun = Math.max(1e-9, (System.nanoTime() - t0) / 1e9 / (to - from));
        size = (int) Math.max(1, Math.min(1_000_000, batchTime.toNanos() / 1e9 / perRun));
      }
      LOG.debug("saved {} of {} runs to {}", to, points.size(), store.path());
      from = to;
    }
    return all;
  }

  /** Points as cases, keeping the order of their arguments (that of the space they came from). */
  private static Cases toCases(List<Map<String, Object>> points) {
    List<String> names = new ArrayList<>(points.get(0).keySet());
    List<List<Object>> tuples = new ArrayList<>(points.size());
    for (Map<String, Object> p : points) tuples.add(new ArrayList<>(p.values()));
    return Cases.of(names, tuples);
  }

  /** Merges results run elsewhere (a crop's) into the file as a harvest's own: the hook of {@link Crop#reap(Harvester)}. */
  synchronized void absorb(Dataset results) {
    sync(results, policy);
    last = results;
  }

  /** Merges new results into the file under the lock, re-reading it first if another process changed it. */
  private void sync(Dataset result, MergePolicy policy) {
    synced.locked(false, () -> {
      refresh();
      checkCompatible(full, result, "the new results");
      Dataset merged = full.variables().isEmpty() ? result : full.merge(result, policy);
      store.write(merged); // memory changes only once the file holds it, so a failed write changes nothing
      full = merged;
      synced.markSeen();
      return null;
    });
  }

  /** Takes in what another process wrote since this harvester last saw the file, or its deletion. */
  private void refresh() {
    if (!synced.changed()) return;
    if (!store.exists()) {
      // Another harvester deleted the file: the deletion stands, rather than this harvester's memory
      // bringing the deleted results back at its next sync.
      LOG.warn("{} was deleted by another harvester; dropping the {} cells held here", store.path(), cells(full));
      full = Dataset.builder().build();
      synced.markSeen();
      return;
    }
    Dataset stored = store.read();
    checkCompatible(stored, full, "this harvester's data");
    full = full.variables().isEmpty() ? stored : stored.merge(full, policy);
    synced.markSeen();
  }

  /** Refuses a stored dataset whose variables differ from those the runner declares. */
  private static long cells(Dataset ds) {
    long n = 0;
    for (Variable v : ds.variables().values()) n += v.size();
    return n;
  }

  private void checkDeclared(Dataset stored) {
    if (runner.vars().isEmpty() || stored.variables().isEmpty()) return;
    Set<String> declared = new HashSet<>(runner.vars());
    if (!declared.equals(stored.variables().keySet())) {
      throw new IllegalArgumentException(store.path() + " was written by a different runner: it holds variables "
          + stored.variables().keySet() + ", this runner's are " + runner.vars() + differences(declared,
              stored.variables().keySet()));
    }
  }

  private void checkCompatible(Dataset stored, Dataset incoming, String what) {
    if (stored.variables().isEmpty() || incoming.variables().isEmpty()) return;
    Set<String> a = stored.variables().keySet();
    Set<String> b = incoming.variables().keySet();
    if (!a.equals(b)) {
      throw new IllegalArgumentException(store.path() + " was written by a different runner: it holds variables " + a
          + ", " + what + " have " + b + differences(b, a));
    }
    for (String name : a) {
      Variable va = stored.variable(name);
      Variable vb = incoming.variable(name);
      if (!new HashSet<>(va.dims()).equals(new HashSet<>(vb.dims()))) {
        throw new IllegalArgumentException(store.path() + " was written by a different runner: variable '" + name
            + "' has dimensions " + va.dims() + " there and " + vb.dims() + " in " + what);
      }
    }
  }

  private static String differences(Set<String> ours, Set<String> theirs) {
    Set<String> missing = new java.util.TreeSet<>(ours);
    missing.removeAll(theirs);
    Set<String> extra = new java.util.TreeSet<>(theirs);
    extra.removeAll(ours);
    StringBuilder sb = new StringBuilder();
    if (!missing.isEmpty()) sb.append("; not in the file: ").append(missing);
    if (!extra.isEmpty()) sb.append("; only in the file: ").append(extra);
    return sb.toString();
  }

  /**
   * {@return everything harvested so far, in this and earlier sessions and by other processes as of
   * the last sync; an empty dataset before anything is stored}
   */
  public synchronized Dataset fullDataset() {
    return full;
  }

  /** {@return the results of this instance's latest harvest; empty before the first or after a delete} */
  public synchronized Optional<Dataset> lastDataset() {
    return Optional.ofNullable(last);
  }

  /**
   * Deletes the harvested data: the file is renamed to {@code <file>.bak-<timestamp>} (returned),
   * and the in-memory dataset is emptied.
   *
   * @return the backup's path; empty if there was no file
   * @throws UncheckedIOException if the file cannot be locked or moved
   */
  public synchronized Optional<Path> delete() {
    return delete(true);
  }

  /**
   * Deletes the harvested data, keeping a timestamped backup of the file only if {@code keepBackup};
   * the in-memory dataset is emptied.
   *
   * @param keepBackup rename the file to {@code <file>.bak-<timestamp>} rather than delete it
   * @return the backup's path; empty if there was no file or no backup was kept
   * @throws UncheckedIOException if the file cannot be locked, moved or deleted
   */
  public synchronized Optional<Path> delete(boolean keepBackup) {
    return synced.locked(false, () -> {
      full = Dataset.builder().build();
      last = null;
      synced.forget();
      return synced.remove(keepBackup);
    });
  }

  /** {@return the file this harvester syncs with, as the store names it} */
  public Path file() {
    return store.path();
  }

  /** {@return the runner whose sweeps this harvester runs and merges} */
  public Runner runner() {
    return runner;
  }

  @Override
  public String toString() {
    return "<sweep.Harvester>\n  runner: " + runner.toString().replace("\n", "\n  ") + "\n  sync file --> "
        + store.path() + " (" + policy + ")";
  }

  /** Builds a {@link Harvester}; {@link #build()} loads the existing file. */
  public static final class Builder {
    private Runner runner;
    private DatasetStore store;
    private Path file;
    private Path directory;
    private MergePolicy policy = MergePolicy.FAIL_ON_CONFLICT;
    private long batchRuns;
    private Duration batchTime;
    private PlanRunner planRunner = PlanRunner.local();

    Builder(Runner runner, DatasetStore store) {
      this.runner = Objects.requireNonNull(runner, "runner");
      this.store = store;
    }

    /**
     * Sets the directory a relative file name resolves against, instead of the working directory.
     *
     * @param directory the directory
     * @return this builder
     * @throws IllegalStateException if the harvester was given a store rather than a file
     */
    public Builder directory(Path directory) {
      if (file == null) throw new IllegalStateException("this harvester writes through " + store + ", not a file name");
      this.directory = Objects.requireNonNull(directory, "directory");
      return this;
    }

    /**
     * Runs the harvests with these options instead of the runner's own.
     *
     * @param options progress, workers, order and failure handling
     * @return this builder
     */
    public Builder options(RunOptions options) {
      this.runner = runner.with(Objects.requireNonNull(options, "options"));
      return this;
    }

    /**
     * Adjusts the runner, e.g. to add the constants a labelled method needs:
     * {@code configureRunner(r -> r.constant("t", ts))}.
     *
     * @param change completes a builder that starts from the current runner
     * @return this builder
     */
    public Builder configureRunner(java.util.function.UnaryOperator<Runner.Builder> change) {
      this.runner = change.apply(runner.toBuilder()).build();
      return this;
    }

    /**
     * Runs the harvests' sweeps with this plan runner, e.g. on a Spark cluster (sweep-spark's
     * {@code SparkSweep}), instead of in this JVM; merging and syncing the file stay here. Every
     * harvest (and every batch of {@link #saveEvery}) is one plan.
     *
     * @param planRunner runs each harvest's plan and gives back its dataset
     * @return this builder
     */
    public Builder runOn(PlanRunner planRunner) {
      this.planRunner = Objects.requireNonNull(planRunner, "planRunner");
      return this;
    }

    /**
     * Sets what happens where new results meet stored ones (default: fail on conflicting values).
     *
     * @param policy the merge policy
     * @return this builder
     */
    public Builder merge(MergePolicy policy) {
      this.policy = Objects.requireNonNull(policy, "policy");
      return this;
    }

    /**
     * Saves after every {@code runs} runs, so a crash loses at most that many; by default a harvest
     * is saved once, at its end.
     *
     * @param runs the number of runs per batch
     * @return this builder
     * @throws IllegalArgumentException if {@code runs} is less than 1
     * @throws IllegalStateException if a save interval was already set
     */
    public Builder saveEvery(long runs) {
      if (runs < 1) throw new IllegalArgumentException("saveEvery runs is " + runs + "; expected at least 1");
      if (batchTime != null) throw new IllegalStateException("saveEvery was already set to " + batchTime);
      this.batchRuns = runs;
      return this;
    }

    /**
     * Saves about every {@code interval}, so a crash loses at most about that much work; the batch
     * size adapts to the time runs take, starting at 16 runs.
     *
     * @param interval the time between saves
     * @return this builder
     * @throws IllegalArgumentException if {@code interval} is not positive
     * @throws IllegalStateException if a number of runs per save was already set
     */
    public Builder saveEvery(Duration interval) {
      if (interval.isNegative() || interval.isZero()) {
        throw new IllegalArgumentException("saveEvery interval is " + interval + "; expected a positive duration");
      }
      if (batchRuns > 0) throw new IllegalStateException("saveEvery was already set to " + batchRuns + " runs");
      this.batchTime = interval;
      return this;
    }

    /**
     * The harvester, with the existing file loaded.
     *
     * @return the harvester
     * @throws IllegalArgumentException if no registered format accepts the file, or the file holds
     *     other variables than the runner declares
     * @throws java.io.UncheckedIOException if the file cannot be read
     */
    public Harvester build() {
      if (store == null) store = Stores.dataset(directory == null ? file : directory.resolve(file));
      return new Harvester(this);
    }
  }
}
