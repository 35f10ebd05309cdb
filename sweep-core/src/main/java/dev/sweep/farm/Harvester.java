package dev.sweep.farm;

import dev.sweep.data.Dataset;
import dev.sweep.data.Index;
import dev.sweep.data.MergePolicy;
import dev.sweep.data.Variable;
import dev.sweep.run.Label;
import dev.sweep.run.PlanRunner;
import dev.sweep.run.RunBatch;
import dev.sweep.run.RunOptions;
import dev.sweep.run.RunPlan;
import dev.sweep.run.Runner;
import dev.sweep.run.SweepInterruptedException;
import dev.sweep.space.Cases;
import dev.sweep.space.Combos;
import dev.sweep.space.Space;
import dev.sweep.store.DatasetStore;
import dev.sweep.store.LockWait;
import dev.sweep.store.Stores;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
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
 * merges into the full dataset and brings the file up to date.
 *
 * <pre>{@code
 * Harvester h = Harvester.builder(runner, Path.of("foo.nc")).build();
 * h.harvestCombos(combos);       // run, merge, sync
 * h.harvestCombos(moreCombos);   // labels become the sorted union; unrun cells are NaN
 * Dataset all = h.fullDataset();
 * }</pre>
 *
 * <p><b>What a harvest costs.</b> A harvest that only adds labels after the last ones of the
 * outermost dimension (more values of {@code a}, more seeds, later times), with the same labels along
 * every other dimension, is appended to the file in place when its store can ({@link
 * DatasetStore#append}; NetCDF-3 files keep their first dimension as the record dimension for this)
 * and costs what its new runs cost, whatever the file holds. Any other harvest (labels inserted
 * before the last ones or along another dimension, overwritten cells, a new variable type) merges
 * into the full dataset and rewrites the file, costing what the file holds. With {@link
 * Builder#saveEvery}, each batch is a checkpoint written once to a journal beside the file, costing
 * what the batch costs; the file is brought up to date from the journal at the end of the call (and,
 * during a long call, about every {@value #COMPACT_SECONDS} seconds when that takes under 5% of the
 * time).
 *
 * <p><b>Safety.</b> Each write of the file is atomic or an append that a crash leaves whole (see
 * {@link DatasetStore#write} and {@link DatasetStore#append}); harvests take an exclusive lock on
 * {@code <file>.lock} and re-read the file if another process changed it, so several JVMs can
 * harvest into one file and all results are kept (a harvest waits as long as another process holds
 * the lock, unless {@link Builder#lockTimeout} bounds the wait). After every {@code harvest*} call returns (or
 * throws), the file holds everything harvested so far. A crash in the middle of a checkpointed
 * harvest loses at most the batch in progress: the journals of harvests that did not finish are
 * merged into the file by the next harvester that opens or syncs it, and a checkpoint torn by the
 * crash is dropped with a warning that says how many runs it held. An interrupt of the harvesting
 * thread stops the sweep; the completed runs are saved, then {@link SweepInterruptedException} says
 * so (with the interrupt status set again). A file written by a different runner (other variables or
 * dimensions) is refused.
 *
 * <p><b>Editing.</b> {@link #dropSel} removes labels, {@link #expandDims} turns a constant of earlier
 * harvests into a dimension of one label (then harvest more labels along it), {@link #replace} puts a
 * given dataset in place of the harvest, {@link #delete} moves the file aside. The file is the record
 * of the harvest: every harvester that finds the file changed since it last saw it takes the file as
 * it is rather than merging its memory back in (a harvester's own results reach the file before its
 * memory, so its memory holds nothing the file lacks but what an edit removed). So an edit sticks for
 * every live harvester of the file, in this JVM and in others. The checkpoints of harvests that died
 * before an edit are merged first and edited with the rest ({@code replace} and {@code delete}
 * discard them); a harvest still running elsewhere adds its results when it syncs, like any later
 * harvest (harvesting a dropped label again brings it back).
 *
 * <p>Thread-safe: harvests on one instance run one at a time.
 */
public final class Harvester {
  private static final Logger LOG = LoggerFactory.getLogger(Harvester.class);

  /** During a checkpointed harvest, the file is brought up to date at most this often. */
  static final int COMPACT_SECONDS = 10;

  /** ... and only while doing so takes at most this share of the harvest's time. */
  static final double COMPACT_SHARE = 0.05;

  private final Runner runner;
  private final DatasetStore store;
  private final MergePolicy policy;
  private final long batchRuns;
  private final Duration batchTime;
  private final PlanRunner planRunner;
  private Held full;
  private Dataset last;
  private final SyncedFile synced;
  private long lastJournalScan; // System.nanoTime() of the last look for dead harvests' journals

  private Harvester(Builder b) {
    this.runner = b.runner;
    this.store = b.store;
    this.policy = b.policy;
    this.batchRuns = b.batchRuns;
    this.batchTime = b.batchTime;
    this.planRunner = b.planRunner;
    this.full = Held.empty();
    this.synced = new SyncedFile(store.path(), b.lockWait);
    synced.locked(true, () -> {
      if (store.exists()) {
        Dataset stored = store.read();
        checkDeclared(stored);
        full = Held.of(stored);
        synced.markSeen();
      }
      recoverJournals(true);
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
    b.file = Checks.given(file, "file", "the file to harvest into, e.g. Path.of(\"foo.nc\")");
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
   * the file its {@link Harvest} names, or {@code <method>.nc} without one ({@code foo.nc} for a method
   * {@code foo}); a relative name resolves against {@link Builder#directory}, else the working
   * directory. Add constants with {@link Builder#configureRunner}.
   *
   * @param owner the class that declares (or inherits) the method
   * @param method the method's name
   * @return the harvester's builder
   * @throws IllegalArgumentException if the class has no such method with a {@code @Label}
   */
  public static Builder labelled(Class<?> owner, String method) {
    Objects.requireNonNull(owner, "owner");
    Objects.requireNonNull(method, "method");
    String file = Labelled.harvestFile(owner, method).orElse(method + ".nc");
    return builder(Runner.labelled(owner, method).build(), Path.of(file));
  }

  /**
   * Runs every combination, merges the results into the full dataset and syncs the file.
   *
   * @param combos the parameters to combine; may hold {@link Combos.Builder#addStored} placeholders
   * @return this harvest's results
   * @throws dev.sweep.run.RunFailedException if a run throws under {@link dev.sweep.run.OnError#STOP};
   *     with {@link Builder#saveEvery}, the batches completed before it are saved
   * @throws SweepInterruptedException if the thread is interrupted; the completed runs are saved first
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
   * @throws dev.sweep.run.RunFailedException if a run throws under {@link dev.sweep.run.OnError#STOP};
   *     with {@link Builder#saveEvery}, the batches completed before it are saved
   * @throws SweepInterruptedException if the thread is interrupted; the completed runs are saved first
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
   * @throws dev.sweep.run.RunFailedException if a run throws under {@link dev.sweep.run.OnError#STOP};
   *     with {@link Builder#saveEvery}, the batches completed before it are saved
   * @throws SweepInterruptedException if the thread is interrupted; the completed runs are saved first
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
   * @throws dev.sweep.run.RunFailedException if a run throws under {@link dev.sweep.run.OnError#STOP};
   *     with {@link Builder#saveEvery}, the batches completed before it are saved
   * @throws SweepInterruptedException if the thread is interrupted; the completed runs are saved first
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
   * @throws dev.sweep.run.RunFailedException if a run throws under {@link dev.sweep.run.OnError#STOP};
   *     with {@link Builder#saveEvery}, the batches completed before it are saved
   * @throws SweepInterruptedException if the thread is interrupted; the completed runs are saved first
   * @throws dev.sweep.data.MergeConflictException if new and stored values differ under
   *     {@link MergePolicy#FAIL_ON_CONFLICT}; the file keeps what was synced before
   * @throws IllegalArgumentException if the file was written by a different runner, the arguments do
   *     not fit the runner, or a stored-values parameter names a dimension the file has no labels for
   * @throws UncheckedIOException if the file cannot be locked, read or written
   */
  public Dataset harvestMissing(Cases cases, Combos combos) {
    return harvest(Objects.requireNonNull(cases, "cases"), Objects.requireNonNull(combos, "combos"), true, policy);
  }

  /**
   * Refuses, before anything runs, names the store's format cannot hold among those the runner
   * declares: its outputs, their inner dimensions, and the constants and attributes that become the
   * dataset's attributes (or dimensions, where they label one).
   */
  static void checkNames(DatasetStore store, Runner runner) {
    Set<String> dims = new java.util.LinkedHashSet<>();
    runner.varDims().values().forEach(dims::addAll);
    dims.addAll(runner.coords().keySet());
    Set<String> attrs = new java.util.LinkedHashSet<>();
    for (String c : runner.constants().keySet()) if (!dims.contains(c)) attrs.add(c);
    attrs.addAll(runner.attrs().keySet());
    try {
      store.checkNames("variable", runner.vars());
      store.checkNames("dimension", dims);
      store.checkNames("attribute", attrs);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("cannot harvest " + runner.function() + " into " + store.path() + ": "
          + e.getMessage(), e);
    }
  }

  /** Refuses, before any run, parameter names the store cannot hold as dimensions. */
  private void checkParameterNames(Cases cases, Combos combos) {
    List<String> names = new ArrayList<>(cases.names());
    names.addAll(combos.names());
    try {
      store.checkNames("dimension", names);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("cannot harvest into " + store.path() + ", nothing was run: "
          + e.getMessage(), e);
    }
  }

  private synchronized Dataset harvest(Cases cases, Combos combos, boolean missingOnly, MergePolicy policy) {
    checkParameterNames(cases, combos);
    synced.locked(false, () -> {
      refresh(true);
      return null;
    });
    Combos resolved = resolveStored(combos);
    Cases runCases = cases;
    Combos runCombos = resolved;
    if (missingOnly) {
      Space space = Space.of(cases, resolved);
      List<Map<String, Object>> points = missingPoints(space);
      if (points.isEmpty()) {
        LOG.info("nothing to harvest: all {} requested runs are already in {}", space.size(), store.path());
        last = Dataset.builder().build();
        return last;
      }
      runCases = toCases(points); // the missing points, chosen cell by cell, run as cases
      runCombos = Combos.empty();
    }
    Dataset result = batchRuns == 0 && batchTime == null ? runWhole(runCases, runCombos, policy)
        : runInBatches(runner.plan(runCases, runCombos), policy);
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
      Index stored = full.coord(p.name());
      if (stored == null) {
        throw new IllegalArgumentException("parameter '" + p.name() + "' asks for the values already stored, but "
            + store.path() + " has no labelled dimension '" + p.name() + "' (it has " + full.coords().keySet() + ")");
      }
      b.add(p.name(), stored.labels());
    }
    return b.build();
  }

  /** The requested runs whose cell holds no value in the full dataset. */
  private List<Map<String, Object>> missingPoints(Space space) {
    Dataset held = full.get();
    List<String> swept = new ArrayList<>();
    for (String d : held.dims()) {
      if (!held.variables().isEmpty() && held.variables().values().stream().allMatch(v -> v.dims().contains(d))) {
        swept.add(d);
      }
    }
    Set<List<Object>> missing = new HashSet<>();
    for (Map<String, Object> m : held.missingCases()) missing.add(new ArrayList<>(m.values()));
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
        Index ix = held.coords().get(d);
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

  /** Points as cases, keeping the order of their arguments (that of the space they came from). */
  private static Cases toCases(List<Map<String, Object>> points) {
    List<String> names = new ArrayList<>(points.get(0).keySet());
    List<List<Object>> tuples = new ArrayList<>(points.size());
    for (Map<String, Object> p : points) tuples.add(new ArrayList<>(p.values()));
    return Cases.of(names, tuples);
  }

  /** Merges results run elsewhere (a crop's) into the file as a harvest's own: the hook of {@link Crop#reap(Harvester)}. */
  synchronized void absorb(Dataset results) {
    sync(results, policy, null, true);
    last = results;
  }

  /** Runs everything, then syncs once: the harvest without checkpoints. */
  private Dataset runWhole(Cases cases, Combos combos, MergePolicy policy) {
    Dataset result;
    SweepInterruptedException stopped = null;
    try {
      result = planRunner.run(runner.plan(cases, combos));
    } catch (SweepInterruptedException e) {
      stopped = e;
      result = completedPart(e.dataset().orElseThrow());
    }
    if (result != null) sync(result, policy, null, true);
    if (stopped != null) throw interrupted(stopped.completedRuns(), stopped.totalRuns(), result);
    return result;
  }

  /**
   * Runs the plan in ranges, adding each batch to one assembly and writing it once to this call's
   * journal (a checkpoint, O(batch)); at the end the assembly is synced into the file and the journal
   * deleted. The file is also brought up to date during a long call (see {@link #COMPACT_SECONDS}).
   */
  private Dataset runInBatches(RunPlan plan, MergePolicy policy) {
    RunPlan.Assembly assembly = plan.assembly();
    long n = plan.size();
    long size = batchRuns > 0 ? batchRuns : Math.min(n, 16);
    Journal journal = null;
    SweepInterruptedException stopped = null;
    RuntimeException failure = null;
    long lastCompaction = System.nanoTime();
    long compactionNanos = 0;
    long from = 0;
    try {
      while (from < n) {
        long to = Math.min(n, from + size);
        long t0 = System.nanoTime();
        List<RunBatch> batches;
        try {
          batches = planRunner.run(plan, from, to);
        } catch (SweepInterruptedException e) {
          stopped = e;
          assembly.add(e.batch().orElseThrow());
          break;
        }
        boolean lastBatch = to == n; // it goes straight into the file
        boolean checking = policy == MergePolicy.FAIL_ON_CONFLICT && !full.isEmpty();
        Dataset part = !lastBatch || checking ? datasetOf(plan, batches) : null;
        if (part != null) checkStorable(part, from, to); // before the batch joins what is saved
        if (checking) checkConflicts(part, policy);
        batches.forEach(assembly::add);
        if (!lastBatch) {
          if (journal == null) journal = synced.locked(false, () -> Journal.create(synced.file(), policy));
          journal.write(part, to - from);
          LOG.debug("saved {} of {} runs to {}", to, n, journal.path());
          long now = System.nanoTime();
          if (now - lastCompaction >= Math.max(COMPACT_SECONDS * 1_000_000_000L, compactionNanos / COMPACT_SHARE)) {
            sync(completedPart(assembly.dataset()), policy, journal, false); // not-yet-run labels stay out
            lastCompaction = System.nanoTime();
            compactionNanos = lastCompaction - now;
          }
        }
        if (batchTime != null) {
          double perRun = Math.max(1e-9, (System.nanoTime() - t0) / 1e9 / (to - from));
          size = (long) Math.max(1, Math.min(1_000_000, batchTime.toNanos() / 1e9 / perRun));
        }
        from = to;
      }
    } catch (RuntimeException e) {
      failure = e; // what completed is saved below, then this is thrown
    }
    Dataset result = assembly.dataset();
    if (failure != null || stopped != null) result = completedPart(result);
    try {
      if (result != null) sync(result, policy, journal, true);
      else if (journal != null) { // nothing completed, so nothing was saved in it
        Journal unused = journal;
        synced.locked(false, () -> {
          unused.delete();
          return null;
        });
      }
    } catch (RuntimeException e) {
      if (journal != null) journal.release();
      if (failure == null) throw e;
      failure.addSuppressed(e);
    }
    if (failure != null) throw failure;
    if (stopped != null) throw interrupted(from + stopped.completedRuns(), n, result);
    LOG.debug("saved {} of {} runs to {}", n, n, store.path());
    return result;
  }

  /** Refuses a batch holding a value the file's format cannot store, naming the runs and the cell. */
  private void checkStorable(Dataset part, long from, long to) {
    try {
      store.checkValues(part);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("cannot store the results of runs " + from + " to " + (to - 1) + " in "
          + store.path() + " (the earlier runs are saved): " + e.getMessage(), e);
    }
  }

  /**
   * The part of a stopped harvest's results that runs reached: along each dimension that every
   * variable has, the labels with at least one value (a run that never ran leaves its cells missing);
   * null if no run completed. Costs what the results hold, once, when a harvest stops early.
   */
  static Dataset completedPart(Dataset ds) {
    if (ds.variables().isEmpty()) return null;
    Map<String, Object> keep = new LinkedHashMap<>();
    boolean trimmed = false;
    for (String d : ds.dims()) {
      if (!ds.variables().values().stream().allMatch(v -> v.dims().contains(d))) continue;
      boolean[] used = new boolean[ds.sizes().get(d)];
      for (Variable v : ds.variables().values()) {
        long[] shape = v.shape();
        int axis = v.dims().indexOf(d);
        long stride = 1;
        for (int k = axis + 1; k < shape.length; k++) stride *= shape[k];
        dev.sweep.data.Column c = v.column();
        for (long i = 0, n = c.length(); i < n; i++) {
          if (!c.isMissing(i)) used[(int) ((i / stride) % shape[axis])] = true;
        }
      }
      List<Integer> positions = new ArrayList<>();
      for (int i = 0; i < used.length; i++) if (used[i]) positions.add(i);
      if (positions.isEmpty()) return null;
      if (positions.size() < used.length) trimmed = true;
      keep.put(d, positions);
    }
    return trimmed ? ds.isel(keep) : ds;
  }

  private static boolean causedByInterrupt(Throwable t) {
    for (int depth = 0; t != null && depth < 8; depth++, t = t.getCause()) {
      if (t instanceof java.nio.channels.ClosedByInterruptException
          || t instanceof java.nio.channels.FileLockInterruptionException
          || t instanceof java.io.InterruptedIOException) {
        return true;
      }
    }
    return false;
  }

  private SweepInterruptedException interrupted(long completed, long total, Dataset result) {
    Thread.currentThread().interrupt();
    return new SweepInterruptedException("the harvest into " + store.path() + " was interrupted after " + completed
        + " of " + total + " runs; the completed runs are saved, the others are missing", completed, total, null,
        result);
  }

  /**
   * Under {@link MergePolicy#FAIL_ON_CONFLICT}, fails at the first checkpoint whose values differ from
   * stored ones, as a sync would, so that a clash stops the harvest early; costs what the overlap holds.
   */
  private void checkConflicts(Dataset part, MergePolicy policy) {
    if (policy != MergePolicy.FAIL_ON_CONFLICT || full.isEmpty() || part.variables().isEmpty()) return;
    Map<String, int[]> heldAt = new LinkedHashMap<>();
    Map<String, int[]> partAt = new LinkedHashMap<>();
    for (String d : part.dims()) {
      Index p = part.coords().get(d);
      Index h = full.coord(d);
      if (p == null || h == null) return; // unlabelled: the sync aligns and checks
      int[] hp = new int[p.size()];
      int[] pp = new int[p.size()];
      int k = 0;
      for (int i = 0; i < p.size(); i++) {
        int at = h.indexOf(p.get(i));
        if (at >= 0) {
          hp[k] = at;
          pp[k++] = i;
        }
      }
      if (k == 0) return; // no cell in common
      heldAt.put(d, Arrays.copyOf(hp, k));
      partAt.put(d, Arrays.copyOf(pp, k));
    }
    checkCompatible(full.variables(), part.variables(), "the new results");
    Dataset held = full.get();
    if (!held.dims().containsAll(part.dims())) return;
    held.isel(heldAt).merge(part.isel(partAt), MergePolicy.FAIL_ON_CONFLICT); // throws on a clash
  }

  /**
   * Merges results into the file under the lock, re-reading it first if another process changed it:
   * appended in place when that is all the merge does and the store can, else merged and rewritten.
   * Memory changes only once the file holds the change. Then the journal's entries, now in the file,
   * go: deleted at the end of the call, else cleared.
   */
  private void sync(Dataset result, MergePolicy policy, Journal journal, boolean end) {
    for (int attempt = 0; ; attempt++) {
      try {
        synced.locked(false, () -> {
          refresh(false);
          checkCompatible(full.variables(), result.variables(), "the new results");
          Optional<Held.Tail> tail = full.tailOf(result, policy);
          if (tail.isPresent() && store.append(tail.get().dim(), tail.get().data())) {
            full.append(tail.get());
          } else {
            Dataset merged = full.isEmpty() ? result : full.get().merge(result, policy);
            store.write(merged);
            full = Held.of(merged);
          }
          synced.markSeen();
          if (journal != null) {
            if (end) journal.delete();
            else journal.clear();
          }
          return null;
        });
        return;
      } catch (UncheckedIOException e) {
        // An interrupt that arrived during the write closed its channel; the file is as it was: again.
        if (attempt >= 3 || !causedByInterrupt(e)) throw e;
        LOG.info("the sync of {} was interrupted; writing it again", store.path());
      }
    }
  }

  /**
   * Takes in what another process wrote since this harvester last saw the file, or its deletion, and
   * the journals of harvests that died: at the start of a harvest call ({@code journalsNow}), and at
   * a sync within a call at most once a second.
   */
  private void refresh(boolean journalsNow) {
    reload();
    recoverJournals(journalsNow);
  }

  /**
   * If another harvester changed the file since this one last saw it, takes the file as it is: the
   * file is the record of the harvest, and this harvester's own results reach it before they reach
   * memory, so memory never holds what the file lacks except what an edit removed (a {@link #dropSel},
   * {@link #replace} or {@link #delete} by another harvester, here or in another process, or a change
   * by another tool). Taking the file rather than merging memory into it is what makes such a removal
   * stick.
   */
  private void reload() {
    if (!synced.changed()) return;
    if (!store.exists()) {
      if (!full.isEmpty()) {
        LOG.warn("{} was deleted by another harvester; dropping the {} cells held here", store.path(),
            cells(full.variables()));
      }
      full = Held.empty();
    } else {
      full = Held.of(store.read());
    }
    synced.markSeen();
  }

  /**
   * Merges the journals of harvests that did not finish (their owners died, or could not sync) into
   * the held dataset and the file, then deletes them; call under the lock. Where the file cannot be
   * written (a read-only disk), they are merged in memory and left for a later sync. Unless
   * {@code now}, looks only if a second has passed since the last look. A look is one stat while no
   * journal exists (see {@link Journal}'s marker), a listing of the directory while one may.
   */
  private void recoverJournals(boolean now) {
    long t = System.nanoTime();
    if (!now && t - lastJournalScan < 1_000_000_000L) return;
    lastJournalScan = t;
    List<Journal.Recovered> found = Journal.recover(synced.file());
    if (found.isEmpty()) return;
    Dataset held = full.get();
    Dataset merged = withCheckpoints(held, found);
    try {
      if (merged != held) {
        store.write(merged);
        synced.markSeen();
      }
      full = Held.of(merged);
      found.forEach(Journal.Recovered::finish);
    } catch (RuntimeException e) {
      LOG.warn("cannot write the recovered checkpoints into {} ({}); they are held in memory and stay in their "
          + "journals for a later sync", store.path(), e.toString());
      full = Held.of(merged);
      found.forEach(Journal.Recovered::abandon);
    }
  }

  /** The dataset with the recovered journals' entries merged in; the same instance if none had any. */
  private Dataset withCheckpoints(Dataset held, List<Journal.Recovered> found) {
    Dataset merged = held;
    for (Journal.Recovered r : found) {
      if (r.entries.isEmpty()) continue;
      try {
        Dataset part = mergeAll(r.entries);
        checkCompatible(merged.variables(), part.variables(), "the checkpoints in " + r.journal);
        merged = merged.variables().isEmpty() ? part : merged.merge(part, r.policy);
      } catch (IllegalArgumentException | dev.sweep.data.MergeConflictException e) {
        LOG.warn("dropping the {} checkpointed runs in {}: {}", r.runs, r.journal, e.getMessage());
      }
    }
    return merged;
  }

  /** The dataset of one checkpoint's batches (a plan runner elsewhere may cut a range into several). */
  private static Dataset datasetOf(RunPlan plan, List<RunBatch> batches) {
    if (batches.size() == 1) return plan.datasetOf(batches.get(0));
    List<Dataset> parts = new ArrayList<>(batches.size());
    for (RunBatch b : batches) parts.add(plan.datasetOf(b));
    return mergeAll(parts);
  }

  /** One dataset of disjoint parts, merged pairwise as a balanced tree. */
  private static Dataset mergeAll(List<Dataset> parts) {
    List<Dataset> level = new ArrayList<>(parts);
    while (level.size() > 1) {
      List<Dataset> next = new ArrayList<>();
      for (int i = 0; i + 1 < level.size(); i += 2) {
        next.add(level.get(i).merge(level.get(i + 1), MergePolicy.NEW_WINS));
      }
      if (level.size() % 2 == 1) next.add(level.get(level.size() - 1));
      level = next;
    }
    return level.get(0);
  }

  private static long cells(Map<String, Variable> vars) {
    long n = 0;
    for (Variable v : vars.values()) n += v.size();
    return n;
  }

  /** Refuses a stored dataset whose variables differ from those the runner declares. */
  private void checkDeclared(Dataset stored) {
    if (runner.vars().isEmpty() || stored.variables().isEmpty()) return;
    Set<String> declared = new HashSet<>(runner.vars());
    if (!declared.equals(stored.variables().keySet())) {
      throw new IllegalArgumentException(store.path() + " was written by a different runner: it holds variables "
          + stored.variables().keySet() + ", this runner's are " + runner.vars() + differences(declared,
              stored.variables().keySet()));
    }
  }

  /** Refuses a dataset meant for the file whose variables differ from those the runner declares. */
  private void checkDeclared(Dataset ds, String what) {
    if (runner.vars().isEmpty()) return;
    Set<String> declared = new HashSet<>(runner.vars());
    if (!declared.equals(ds.variables().keySet())) {
      Set<String> missing = new java.util.TreeSet<>(declared);
      missing.removeAll(ds.variables().keySet());
      Set<String> extra = new java.util.TreeSet<>(ds.variables().keySet());
      extra.removeAll(declared);
      throw new IllegalArgumentException(what + " holds variables " + ds.variables().keySet() + ", but the runner of "
          + store.path() + " declares " + runner.vars() + (missing.isEmpty() ? "" : "; missing: " + missing)
          + (extra.isEmpty() ? "" : "; not declared: " + extra));
    }
  }

  private void checkCompatible(Map<String, Variable> stored, Map<String, Variable> incoming, String what) {
    if (stored.isEmpty() || incoming.isEmpty()) return;
    Set<String> a = stored.keySet();
    Set<String> b = incoming.keySet();
    if (!a.equals(b)) {
      throw new IllegalArgumentException(store.path() + " was written by a different runner: it holds variables " + a
          + ", " + what + " have " + b + differences(b, a));
    }
    for (String name : a) {
      Variable va = stored.get(name);
      Variable vb = incoming.get(name);
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
    return full.get();
  }

  /** {@return the results of this instance's latest harvest; empty before the first or after a delete} */
  public synchronized Optional<Dataset> lastDataset() {
    return Optional.ofNullable(last);
  }

  /**
   * Deletes the harvested data: the file is renamed to {@code <file>.bak-<timestamp>} (returned),
   * the checkpoint journals of harvests that died are deleted, and the in-memory dataset is emptied.
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
      full = Held.empty();
      last = null;
      synced.forget();
      // The checkpoints of harvests that died are deleted data too: a later sync must not bring them back.
      for (Journal.Recovered r : Journal.recover(synced.file())) r.finish();
      return synced.remove(keepBackup);
    });
  }

  /**
   * Removes labels from the harvest and its file, as xarray's {@code drop_sel}: {@code
   * h.dropSel(Map.of("a", List.of(3, 4)))}. The removal sticks: every harvester of the file, in this
   * JVM or another, takes the file as it is at its next harvest instead of merging its memory back
   * into it, and the checkpoints of harvests that died before the edit are merged first and lose the
   * labels too. Results of harvests still running elsewhere reach the file when they sync, as any
   * later harvest's do (harvesting a label again brings it back). Costs a rewrite of the file.
   *
   * @param labels a label, or a collection of labels, by dimension name
   * @return the full dataset after the edit
   * @throws NullPointerException if {@code labels} is null
   * @throws IllegalArgumentException naming the dimension and listing what exists, if nothing is
   *     harvested yet, a dimension or label does not exist or is null, or every label of a dimension
   *     would go (drop the variables or {@link #delete} the harvest instead)
   * @throws UncheckedIOException if the file cannot be locked, read or written; it is then unchanged
   */
  public synchronized Dataset dropSel(Map<String, ?> labels) {
    Objects.requireNonNull(labels, "dropSel: labels is null; expected labels by dimension name");
    if (labels.isEmpty()) {
      throw new IllegalArgumentException("dropSel: no labels given; name the labels to remove by dimension, e.g. "
          + "Map.of(\"a\", List.of(3, 4))");
    }
    for (Map.Entry<String, ?> e : labels.entrySet()) {
      if (e.getKey() == null) throw new IllegalArgumentException("dropSel: a dimension name is null in " + labels);
      if (e.getValue() == null) {
        throw new IllegalArgumentException("dropSel along '" + e.getKey() + "': the labels are null");
      }
    }
    return edit("dropSel", true, held -> harvested(held, "dropSel").dropSel(labels));
  }

  /**
   * Adds a dimension of size 1 with one label to the harvest and its file, as xarray's {@code
   * expand_dims}: a value every earlier run shared (a constant {@code c = 8}) becomes a swept
   * parameter, so that a harvester whose runner takes {@code c} as an argument can then harvest
   * {@code c = [8, 9]} into the same file. The new dimension comes first, so a campaign along it
   * appends in place. As {@link #dropSel}, the edit sticks for every harvester of the file, and the
   * checkpoints of harvests that died before it are merged first and expanded too; a live harvester
   * whose runner still has {@code c} as a constant is refused at its next harvest, because its results
   * lack the dimension. A dataset attribute named {@code dim} (where a runner records a scalar
   * constant) is removed, as the label now holds its value; one with another value is refused.
   * Costs a rewrite of the file.
   *
   * @param dim the new dimension, e.g. {@code "c"}
   * @param label its one label, e.g. {@code 8}
   * @return the full dataset after the edit
   * @throws NullPointerException if {@code dim} or {@code label} is null
   * @throws IllegalArgumentException if nothing is harvested yet, the dimension exists (listing those
   *     that do) or names a variable, the harvest records another value of that name as a constant, or
   *     the label is of no supported type
   * @throws UncheckedIOException if the file cannot be locked, read or written; it is then unchanged
   */
  public synchronized Dataset expandDims(String dim, Object label) {
    Objects.requireNonNull(dim, "expandDims: dim is null; expected the name of the new dimension");
    Objects.requireNonNull(label, "expandDims: label is null; expected the value the harvested runs shared");
    if (dim.isEmpty()) throw new IllegalArgumentException("expandDims: dim is empty; expected a dimension name");
    return edit("expandDims", true, held -> expanded(harvested(held, "expandDims"), dim, label));
  }

  /**
   * Replaces the harvest with the given dataset, in memory and in the file, as xyzpy's assignment of
   * {@code full_ds}: for edits this class has no method for ({@code h.replace(h.fullDataset().where(...))}).
   * What the dataset lacks is removed for every harvester of the file, as for {@link #dropSel}; the
   * checkpoints of harvests that died before the call are discarded, as by {@link #delete}.
   *
   * @param dataset the new content of the harvest
   * @return the dataset, now the full dataset
   * @throws NullPointerException if {@code dataset} is null
   * @throws IllegalArgumentException if the dataset holds no variable, or other variables than the
   *     runner declares, or the file's format cannot hold it (nothing is written)
   * @throws UncheckedIOException if the file cannot be locked or written; it is then unchanged
   */
  public synchronized Dataset replace(Dataset dataset) {
    Objects.requireNonNull(dataset, "replace: dataset is null; expected the dataset the harvest becomes");
    if (dataset.variables().isEmpty()) {
      throw new IllegalArgumentException("replace: the dataset holds no variable; to empty the harvest, delete() it");
    }
    checkDeclared(dataset, "the replacement");
    return edit("replace", false, held -> dataset);
  }

  /**
   * The dataset with the new dimension, without the attribute that recorded the same value as a
   * constant (a runner's scalar constants become dataset attributes), which the label now holds.
   */
  private Dataset expanded(Dataset held, String dim, Object label) {
    Object constant = held.attrs().get(dim);
    if (constant != null && !sameValue(constant, label)) {
      throw new IllegalArgumentException("expandDims: " + store.path() + " records the constant " + dim + " = "
          + constant + " (its attribute '" + dim + "'), not " + label + "; give that value as the label");
    }
    Dataset out = held.expandDims(dim, label);
    if (constant == null) return out;
    Dataset.Builder b = Dataset.builder();
    for (String d : out.dims()) {
      if (out.coords().containsKey(d)) b.coord(d, out.coords().get(d));
      else b.dim(d, out.sizes().get(d));
    }
    out.variables().values().forEach(b::variable);
    out.attrs().forEach((k, v) -> {
      if (!k.equals(dim)) b.attr(k, v);
    });
    return b.build();
  }

  private static boolean sameValue(Object a, Object b) {
    if (a instanceof Number x && b instanceof Number y) return x.doubleValue() == y.doubleValue();
    return a.equals(b) || a.toString().equals(b.toString());
  }

  private Dataset harvested(Dataset held, String what) {
    if (held.variables().isEmpty()) {
      throw new IllegalArgumentException(what + ": nothing is harvested in " + store.path() + " yet");
    }
    return held;
  }

  /**
   * Applies an edit to the full dataset under the lock and writes the result: the file as another
   * harvester left it, with (if {@code withCheckpoints}) the journals of dead harvests merged in,
   * goes through {@code change}; the journals go once the file holds the result, and stay if it
   * cannot be written. Memory changes only once the file holds the change.
   */
  private Dataset edit(String what, boolean withCheckpoints, java.util.function.UnaryOperator<Dataset> change) {
    return synced.locked(false, () -> {
      reload();
      List<Journal.Recovered> dead = Journal.recover(synced.file());
      try {
        Dataset held = withCheckpoints ? withCheckpoints(full.get(), dead) : full.get();
        Dataset after = change.apply(held);
        store.write(after);
        full = Held.of(after);
        synced.markSeen();
        dead.forEach(Journal.Recovered::finish);
        LOG.info("{} rewrote {}", what, store.path());
        return after;
      } catch (RuntimeException e) {
        dead.forEach(Journal.Recovered::abandon);
        throw e;
      }
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
    private LockWait lockWait = LockWait.forever();

    Builder(Runner runner, DatasetStore store) {
      this.runner = Checks.given(runner, "runner", "the runner whose sweeps are harvested");
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
      this.directory = Checks.given(directory, "directory", "the directory a relative file name resolves against");
      return this;
    }

    /**
     * Runs the harvests with these options instead of the runner's own.
     *
     * @param options progress, workers, order and failure handling
     * @return this builder
     */
    public Builder options(RunOptions options) {
      this.runner = runner.with(Checks.given(options, "options", "RunOptions"));
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
      Checks.given(change, "configureRunner change", "a function that completes the runner's builder");
      Runner.Builder changed = change.apply(runner.toBuilder());
      this.runner = Checks.given(changed, "the builder configureRunner's change returned", "a Runner.Builder").build();
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
      this.planRunner = Checks.given(planRunner, "planRunner", "a PlanRunner, e.g. PlanRunner.local()");
      return this;
    }

    /**
     * Sets what happens where new results meet stored ones (default: fail on conflicting values).
     *
     * @param policy the merge policy
     * @return this builder
     */
    public Builder merge(MergePolicy policy) {
      this.policy = Checks.given(policy, "merge policy", "a MergePolicy, e.g. MergePolicy.NEW_WINS");
      return this;
    }

    /**
     * Saves a checkpoint after every {@code runs} runs, so a crash loses at most the batch in
     * progress; by default a harvest is saved once, at its end. A checkpoint is written once to a
     * journal beside the file and costs what its batch costs; the file itself is brought up to date
     * from the journal at the end of the call, during a long call about every
     * {@value Harvester#COMPACT_SECONDS} seconds (when that takes under 5% of the time), and after a
     * crash by the next harvester that opens or syncs the file. A checkpoint survives a killed JVM at
     * once and reaches the disk (fsync) within a second. Each batch but the last is checked for values
     * the file's format cannot store ({@link DatasetStore#checkValues}) before it is saved, so such a
     * value stops the harvest at its batch, the earlier batches saved.
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
     * Saves a checkpoint about every {@code interval}, so a crash loses at most about that much work;
     * the batch size adapts to the time runs take, starting at 16 runs. Checkpoints are kept as for
     * {@link #saveEvery(long)}.
     *
     * @param interval the time between saves
     * @return this builder
     * @throws NullPointerException if {@code interval} is null
     * @throws IllegalArgumentException if {@code interval} is not positive
     * @throws IllegalStateException if a number of runs per save was already set
     */
    public Builder saveEvery(Duration interval) {
      Checks.given(interval, "saveEvery interval", "a positive duration");
      if (interval.isNegative() || interval.isZero()) {
        throw new IllegalArgumentException("saveEvery interval is " + interval + "; expected a positive duration");
      }
      if (batchRuns > 0) throw new IllegalStateException("saveEvery was already set to " + batchRuns + " runs");
      this.batchTime = interval;
      return this;
    }

    /**
     * Waits at most {@code timeout} for the file's lock while another process holds it (a harvest in
     * another JVM), instead of as long as it takes; past it, the harvest (or {@link #build()}, which
     * loads the file) throws an {@link UncheckedIOException} whose cause is a
     * {@link dev.sweep.store.LockTimeoutException} saying which process waited for which lock file,
     * and for how long. Every wait is logged when it starts.
     *
     * @param timeout the longest wait for each lock
     * @return this builder
     * @throws NullPointerException if {@code timeout} is null
     * @throws IllegalArgumentException if {@code timeout} is zero or negative
     */
    public Builder lockTimeout(Duration timeout) {
      this.lockWait = LockWait.atMost(timeout);
      return this;
    }

    /**
     * The harvester, with the existing file loaded.
     *
     * @return the harvester
     * @throws IllegalArgumentException if no registered format accepts the file, the format cannot
     *     store a name the runner declares (an output, an inner dimension, a constant or an attribute),
     *     or the file holds other variables than the runner declares
     * @throws java.io.UncheckedIOException if the file cannot be read
     */
    public Harvester build() {
      if (store == null) store = Stores.dataset(directory == null ? file : directory.resolve(file));
      checkNames(store, runner);
      return new Harvester(this);
    }
  }
}
