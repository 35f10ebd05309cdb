package dev.sweep.farm;

import dev.sweep.data.Dataset;
import dev.sweep.run.OnError;
import dev.sweep.run.PlanSpec;
import dev.sweep.run.RunBatch;
import dev.sweep.run.RunOptions;
import dev.sweep.run.RunPlan;
import dev.sweep.run.Runner;
import dev.sweep.run.RunnerSpec;
import dev.sweep.space.Cases;
import dev.sweep.space.Combos;
import dev.sweep.store.LockWait;
import dev.sweep.store.StoreFormatException;
import java.io.File;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Supplier;
import me.tongfei.progressbar.DelegatingProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A sweep sown into batches on disk, to be grown anywhere that shares the directory (array jobs on a
 * cluster, other machines, this JVM) and reaped into the dataset a local run gives: xyzpy's
 * {@code Crop}.
 *
 * <pre>{@code
 * Crop crop = Crop.builder(runner, Path.of("crops/foo")).batches(8).sowCombos(combos);
 * // on each node:  sweep grow crops/foo --batch $SLURM_ARRAY_TASK_ID   (or crop.grow(3) here)
 * crop.status();                      // done, queued, running, failed, missing: per batch
 * Dataset ds = crop.reap();           // identical to runner.runCombos(combos)
 * crop.reap(harvester);               // or merged into a harvest file
 * crop.clean();                       // then delete the crop: refused unless it was reaped into one
 * }</pre>
 *
 * <p>A sampler's samples grow the same way: {@code Crop.builder(sampler, dir).sowSamples(n)} draws the
 * n samples {@code sampler.sampleCombos(n)} would draw (with the sampler's seed, from the samples it
 * holds) and sows them as a plan of points ({@link Runner#planPoints}); {@link #reap(Sampler)} keeps
 * in the sampler (and its file) exactly the samples the local call would have kept.
 *
 * <p>Sowing writes only the crop's settings, readable JSON: the {@link PlanSpec} (the runner's
 * description with its function as class and method, the cases and combos), the batches as ranges of
 * the plan's deterministic run numbering, and the class path the workers need. No file per run,
 * whatever the size of the sweep; a runner built from a lambda cannot be sown (name a static method).
 *
 * <p>Growing batch {@code b} runs its ranges with {@link RunPlan#run} and writes one result file,
 * atomically, keyed by run number: reaping places every value by its run, never by replaying an
 * order. Runs that fail are handled by the error policy recorded at sowing (the runner's, unless
 * {@link Builder#onError} says otherwise): under {@link OnError#CONTINUE} they are recorded in the
 * result with their arguments and causes and reaped as missing; under {@link OnError#STOP} the batch
 * fails, the worker records why, and it has no result. The runner's run timeout
 * ({@link RunOptions.Builder#runTimeout}), if it has one, is recorded too and applies wherever the
 * batches grow.
 *
 * <p>The result files are the truth: a batch is done when its file is complete, whatever a scheduler
 * says. Submissions to schedulers are recorded ({@link #record}) so that {@link #status()} can ask the
 * scheduler (a {@link JobQueue} on the class path) about the others.
 *
 * <p>{@link #clean()} deletes the crop only once its results are kept elsewhere: a reap into a
 * harvester or sampler is recorded in the crop, so a {@code clean()} in another process sees it;
 * {@link #clean(boolean) clean(true)} deletes an unreaped crop anyway.
 *
 * <p>The crop's files go through a {@link CropStore}: sweep-io registers the directory format. Thread
 * safe; several processes may grow the batches of one crop at once.
 */
public final class Crop {
  /** The value of the settings' {@code "format"} entry; a crop of another format version is refused. */
  public static final String FORMAT = "sweep.crop/1";

  private static final Logger LOG = LoggerFactory.getLogger(Crop.class);
  private static final Set<String> KEYS =
      Set.of("format", "created", "plan", "runs", "batches", "onError", "runTimeout", "workers",
          "harvester", "sampler");
  /** The settings entries that say what the crop computes; the others say where and by whom. */
  private static final List<String> IDENTITY = List.of("plan", "runs", "batches", "onError");

  private final CropStore store;
  private final Map<String, Object> settings;
  private final PlanSpec spec;
  private final Batches batches;
  private final OnError onError;
  private final Duration runTimeout; // null: none
  private final List<String> classpath;
  private final String java;
  private final Optional<Path> harvestFile;
  private final Optional<SownSamples> samples; // present for a sampler's crop
  private final RunOptions options;
  private RunPlan plan; // rebuilt from the spec on first use: it needs the function's class

  private Crop(CropStore store, Map<String, Object> settings, RunOptions options) {
    this(store, settings, options, null);
  }

  /** The crop of the settings; {@code known} is their plan's spec when the caller has it (sowing), so it is not decoded again. */
  private Crop(CropStore store, Map<String, Object> settings, RunOptions options, PlanSpec known) {
    this.store = store;
    this.settings = settings;
    String where = "crop " + store.directory();
    Object format = settings.get("format");
    if (!FORMAT.equals(format)) {
      throw new IllegalArgumentException(where + " was sown by another version of sweep: its settings have the format "
          + show(format) + ", and this version reads \"" + FORMAT + "\"; reap it with the version that sowed it, or sow it"
          + " again");
    }
    for (String k : settings.keySet()) {
      if (!KEYS.contains(k)) throw damaged(where, "unknown entry \"" + k + "\"; the entries are " + KEYS, null);
    }
    try {
      this.spec = known != null ? known : PlanSpec.fromMap(map(where, "plan", settings.get("plan")));
      Map<String, Object> b = map(where, "batches", settings.get("batches"));
      long runs = number(where, "runs", settings.get("runs"));
      long size = number(where, "batches size", b.get("size"));
      Object seed = b.get("shuffle");
      Long shuffle = seed == null ? null : number(where, "batches shuffle", seed);
      this.batches = size > 0 ? Batches.bySize(runs, size, shuffle)
          : Batches.byCount(runs, Math.toIntExact(number(where, "batches count", b.get("count"))), shuffle);
      if (batches.count() != number(where, "batches count", b.get("count"))) {
        throw damaged(where, "\"batches\" says " + b.get("count") + " batches, but " + runs + " runs of " + size
            + " make " + batches.count(), null);
      }
      this.onError = OnError.valueOf(string(where, "onError", settings.get("onError")));
      Object timeout = settings.get("runTimeout");
      Duration t = null;
      try {
        if (timeout != null) t = Duration.parse(string(where, "runTimeout", timeout));
      } catch (DateTimeParseException e) {
        t = Duration.ZERO;
      }
      if (t != null && (t.isZero() || t.isNegative())) {
        throw damaged(where, "\"runTimeout\" is " + show(timeout) + "; expected a positive ISO-8601 duration such as "
            + "\"PT30S\"", null);
      }
      this.runTimeout = t;
      Map<String, Object> w = map(where, "workers", settings.get("workers"));
      List<String> cp = new ArrayList<>();
      Object entries = w.get("classpath");
      if (!(entries instanceof List<?> l)) throw damaged(where, "\"workers\" has no \"classpath\" list", null);
      for (Object e : l) cp.add(string(where, "workers classpath entry", e));
      this.classpath = Collections.unmodifiableList(cp);
      this.java = string(where, "workers java", w.get("java"));
      Object h = settings.get("harvester");
      this.harvestFile = h == null ? Optional.empty() : Optional.of(Path.of(string(where, "harvester", h)));
      Object sm = settings.get("sampler");
      if (sm == null) {
        this.samples = Optional.empty();
      } else {
        Map<String, Object> m = map(where, "sampler", sm);
        Object file = m.get("file");
        this.samples = Optional.of(new SownSamples(number(where, "sampler seed", m.get("seed")),
            number(where, "sampler offset", m.get("offset")), file == null ? "" : string(where, "sampler file", file)));
        if (spec.points().isEmpty() || spec.cases().size() != runs) {
          throw damaged(where, "\"sampler\" is set, but the plan is not one of " + runs + " points", null);
        }
      }
    } catch (IllegalArgumentException | ArithmeticException e) {
      if (e.getMessage() != null && e.getMessage().startsWith(where)) throw e;
      throw damaged(where, e.getMessage(), e);
    }
    RunOptions.Builder b = options.toBuilder().onError(onError);
    this.options = (runTimeout != null ? b.runTimeout(runTimeout) : b).build();
  }

  /**
   * What a sampler's crop records of the sampler it was sown from.
   *
   * @param seed the sampler's seed
   * @param offset the number of samples it held when the crop's were drawn
   * @param file its file; empty without one
   */
  private record SownSamples(long seed, long offset, String file) {}

  private static IllegalArgumentException damaged(String where, String problem, Throwable cause) {
    return new IllegalArgumentException(where + " has damaged settings: " + problem, cause);
  }

  /**
   * {@return a builder that sows the runner's sweeps into the directory}
   *
   * @param runner the runner; its function must be a static method (it is rebuilt in the workers)
   * @param directory the crop's directory: new, empty, or holding the same crop (sowing again is a no-op)
   */
  public static Builder builder(Runner runner, Path directory) {
    return new Builder(Objects.requireNonNull(runner, "runner"), null, Objects.requireNonNull(directory, "directory"), null);
  }

  /**
   * {@return a builder that sows a harvester's sweeps into the directory} The crop remembers the
   * harvester's file ({@link #harvestFile()}); reap into it with {@link #reap(Harvester)}.
   *
   * @param harvester the harvester, whose runner the crop runs
   * @param directory the crop's directory
   */
  public static Builder builder(Harvester harvester, Path directory) {
    Objects.requireNonNull(harvester, "harvester");
    return new Builder(harvester.runner(), harvester.file(), Objects.requireNonNull(directory, "directory"), null);
  }

  /**
   * {@return a builder that sows a sampler's samples into the directory} Sow with
   * {@link Builder#sowSamples}; reap into the sampler with {@link #reap(Sampler)}.
   *
   * @param sampler the sampler, whose runner, draws, design and seed the crop's samples follow
   * @param directory the crop's directory
   */
  public static Builder builder(Sampler sampler, Path directory) {
    return new Builder(Checks.given(sampler, "sampler", "the sampler whose samples are sown"),
        Objects.requireNonNull(directory, "directory"), null);
  }

  /**
   * {@return a builder that sows a sampler's samples into the given store}
   *
   * @param sampler the sampler
   * @param store where the crop's files go
   */
  public static Builder builder(Sampler sampler, CropStore store) {
    return new Builder(Checks.given(sampler, "sampler", "the sampler whose samples are sown"), null,
        Objects.requireNonNull(store, "store"));
  }

  /**
   * {@return a builder that sows into the given store (for tests, or another crop format)}
   *
   * @param runner the runner
   * @param store where the crop's files go
   */
  public static Builder builder(Runner runner, CropStore store) {
    return new Builder(Objects.requireNonNull(runner, "runner"), null, null, Objects.requireNonNull(store, "store"));
  }

  /**
   * {@return a builder that sows a harvester's sweeps into the given store}
   *
   * @param harvester the harvester, whose runner the crop runs
   * @param store where the crop's files go
   */
  public static Builder builder(Harvester harvester, CropStore store) {
    Objects.requireNonNull(harvester, "harvester");
    return new Builder(harvester.runner(), harvester.file(), null, Objects.requireNonNull(store, "store"));
  }

  /**
   * Opens the crop in a directory, as a worker or a later session does. The runner is rebuilt only
   * when a batch is grown or the crop is reaped, so a JVM without the function's class can still
   * ask for the {@link #status()}.
   *
   * @param directory the crop's directory
   * @return the crop, growing with the default options (a progress bar, one worker)
   * @throws IllegalArgumentException if the directory holds no crop, a crop of another format
   *     version, or damaged settings, or no crop format is registered
   * @throws StoreFormatException if the settings file is not JSON
   */
  public static Crop open(Path directory) {
    return open(storeFor(Objects.requireNonNull(directory, "directory"), LockWait.forever()));
  }

  /**
   * Opens the crop in a directory, waiting at most {@code lockTimeout} for the crop's lock whenever
   * another process holds it (a sower, a reaper or a scheduler's submission in another JVM); past
   * it, the update (a reap, a submission) throws an {@link java.io.UncheckedIOException} whose cause
   * is a {@link dev.sweep.store.LockTimeoutException} saying which process waited for which lock file.
   *
   * @param directory the crop's directory
   * @param lockTimeout the longest wait for each lock
   * @return the crop
   * @throws NullPointerException if {@code lockTimeout} is null
   * @throws IllegalArgumentException as {@link #open(Path)}, or if {@code lockTimeout} is zero or negative
   */
  public static Crop open(Path directory, Duration lockTimeout) {
    LockWait wait = LockWait.atMost(lockTimeout);
    return open(storeFor(Objects.requireNonNull(directory, "directory"), wait));
  }

  /**
   * Opens the crop in a store.
   *
   * @param store the crop's store
   * @return the crop
   * @throws IllegalArgumentException as {@link #open(Path)}
   */
  public static Crop open(CropStore store) {
    Map<String, Object> settings = store.readSettings().orElseThrow(() -> new IllegalArgumentException(
        "no crop in " + store.directory() + ": it has no settings; sow one there with Crop.builder(runner, dir)"));
    return new Crop(store, settings, RunOptions.defaults());
  }

  /** The crop store of a directory, from the first registered provider. */
  static CropStore storeFor(Path directory, LockWait wait) {
    for (CropStore.Provider p : ServiceLoader.load(CropStore.Provider.class, Crop.class.getClassLoader())) {
      return p.open(directory, wait);
    }
    throw new IllegalArgumentException("no crop format is registered, so " + directory + " cannot be opened; put "
        + "sweep-io on the class path");
  }

  /**
   * {@return this crop growing and reaping with other options: progress, workers, listeners} The
   * error policy and the run timeout stay those recorded at sowing.
   *
   * @param options how runs go in this JVM
   */
  public Crop withOptions(RunOptions options) {
    return new Crop(store, settings, Objects.requireNonNull(options, "options"));
  }

  /** {@return the crop's directory} */
  public Path directory() {
    return store.directory();
  }

  /** {@return the number of runs of the sweep} */
  public long runs() {
    return batches.runs();
  }

  /** {@return the number of batches} */
  public int batchCount() {
    return batches.count();
  }

  /**
   * {@return the number of runs of a batch}
   *
   * @param batch the batch number
   * @throws IllegalArgumentException if there is no such batch
   */
  public long batchRuns(int batch) {
    checkBatch(batch);
    return batches.runsOf(batch);
  }

  /**
   * {@return the run numbers of a batch, as ranges {@code [from, to)} of consecutive runs, ascending}
   * One range unless the crop was shuffled.
   *
   * @param batch the batch number
   * @throws IllegalArgumentException if there is no such batch
   */
  public List<long[]> batchRanges(int batch) {
    checkBatch(batch);
    return batches.ranges(batch);
  }

  /** {@return the description of the sweep: the runner's spec, the cases and combos} */
  public PlanSpec planSpec() {
    return spec;
  }

  /** {@return what a failing run does in the workers, as recorded at sowing} */
  public OnError onError() {
    return onError;
  }

  /** {@return the class path the workers need (the function's classes and sweep's), as recorded at sowing} */
  public List<String> classpath() {
    return classpath;
  }

  /** {@return the java executable recorded at sowing: that of the sowing JVM, unless the builder set another} */
  public String java() {
    return java;
  }

  /** {@return the file of the harvester the crop was sown from; empty if sown from a runner} */
  public Optional<Path> harvestFile() {
    return harvestFile;
  }

  /** {@return the settings as plain data, as written to the crop's settings file} */
  public Map<String, Object> settings() {
    return settings;
  }

  /** {@return the plan, rebuilt from its spec with this crop's options} */
  private synchronized RunPlan plan() {
    if (plan == null) {
      try {
        plan = RunPlan.fromSpec(spec, Map.of(), options);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("crop " + directory() + ": cannot rebuild its runner of "
            + spec.runner().function() + " here: " + e.getMessage() + "; the class path its workers use is recorded in "
            + "its settings (" + String.join(File.pathSeparator, classpath) + ")", e);
      }
    }
    return plan;
  }

  private void checkBatch(int batch) {
    if (batch < 0 || batch >= batches.count()) {
      throw new IllegalArgumentException("batch " + batch + " is not in crop " + directory() + ", which has batches 0.."
          + (batches.count() - 1));
    }
  }

  /**
   * Grows a batch here, unless it already has a complete result.
   *
   * @param batch the batch number
   * @return true if it was grown, false if it already had a result (then nothing was run)
   * @throws IllegalArgumentException if there is no such batch, or the runner cannot be rebuilt here
   * @throws dev.sweep.run.RunFailedException if a run fails under {@link OnError#STOP}; the batch then
   *     has no result, and the failure is recorded for {@link #status()}
   */
  public boolean grow(int batch) {
    return grow(batch, false);
  }

  /**
   * Grows a batch here.
   *
   * @param batch the batch number
   * @param overwrite grow it even if it has a complete result, replacing that
   * @return true if it was grown, false if it had a result and {@code overwrite} is false
   * @throws IllegalArgumentException if there is no such batch, or the runner cannot be rebuilt here
   * @throws dev.sweep.run.RunFailedException if a run fails under {@link OnError#STOP}; the batch then
   *     has no result (an earlier one is kept), and the failure is recorded for {@link #status()}
   */
  public boolean grow(int batch, boolean overwrite) {
    return grow(batch, overwrite, true);
  }

  private boolean grow(int batch, boolean overwrite, boolean tell) {
    checkBatch(batch);
    CropStore.ResultCheck check = store.check(batch);
    if (check.state() == CropStore.ResultState.COMPLETE && !overwrite) {
      LOG.info("batch {} of {} is already grown; skipping it (grow({}, true) grows it again)", batch, directory(), batch);
      return false;
    }
    if (check.state() == CropStore.ResultState.DAMAGED) {
      Optional<Path> aside = store.moveAside(batch);
      LOG.warn("batch {} of {}: its result is damaged ({}); moved it to {} and growing it again", batch, directory(),
          check.problem(), aside.map(Path::toString).orElse("(gone)"));
    }
    RunPlan p = plan();
    List<long[]> ranges = batches.ranges(batch);
    RunPlan runWith = ranges.size() > 1 && options.verbosity() > 0
        ? RunPlan.fromSpec(spec, Map.of(), options.toBuilder().verbosity(0).build()) // one bar per range would flood
        : p;
    List<RunBatch> parts = new ArrayList<>(ranges.size());
    try {
      for (long[] r : ranges) parts.add(runWith.run(r[0], r[1]));
    } catch (RuntimeException e) {
      store.writeError(batch, describe(e));
      throw e;
    }
    store.writeResult(batch, parts);
    store.writeError(batch, null);
    long failed = parts.stream().mapToLong(x -> x.failures().count()).sum();
    String grew = "grew batch {} of {}: {} runs{}";
    Object[] args = {batch, directory(), batches.runsOf(batch), failed == 0 ? "" : ", " + failed + " failed"};
    if (tell) LOG.info(grew, args);
    else LOG.debug(grew, args);
    return true;
  }

  /**
   * Grows here every batch that has no complete result (damaged results are moved aside first).
   *
   * @return the batches grown, ascending
   * @throws dev.sweep.run.RunFailedException as {@link #grow(int)}, after the batches before it were grown
   */
  public List<Integer> growMissing() {
    List<Integer> grown = new ArrayList<>();
    for (int b = 0; b < batches.count(); b++) {
      if (store.check(b).state() != CropStore.ResultState.COMPLETE && grow(b, false, false)) grown.add(b);
    }
    LOG.info("grew {} of the {} batches of {}", grown.size(), batches.count(), directory());
    return grown;
  }

  private static String describe(Throwable e) {
    StringWriter w = new StringWriter();
    e.printStackTrace(new PrintWriter(w));
    return w.toString();
  }

  /**
   * Records a submission of batches to a scheduler, so that {@link #status()} asks the scheduler about
   * them. Schedulers' modules call this as they submit.
   *
   * @param submission the batches and their tasks
   * @throws IllegalArgumentException if it names a batch the crop does not have
   */
  public void record(Submission submission) {
    for (int b : submission.batches()) checkBatch(b);
    store.appendSubmission(submission.toMap());
  }

  /** {@return every submission recorded, oldest first} */
  public List<Submission> submissions() {
    List<Submission> out = new ArrayList<>();
    for (Map<String, Object> m : store.submissions()) out.add(Submission.fromMap(m, "crop " + directory()));
    return out;
  }

  /**
   * {@return where every batch stands} A batch is done when its result file is complete; else a
   * submitted batch is queued, running or failed as its scheduler says (when the scheduler's
   * {@link JobQueue} is on the class path; unknown otherwise); else it failed if a worker recorded
   * why, and is missing if nothing was tried.
   */
  public CropStatus status() {
    Map<Integer, Submission> latest = new HashMap<>();
    for (Submission s : submissions()) for (int b : s.batches()) latest.put(b, s);
    CropStore.ResultCheck[] checks = new CropStore.ResultCheck[batches.count()];
    Map<String, List<String>> ask = new TreeMap<>();
    for (int b = 0; b < checks.length; b++) {
      checks[b] = store.check(b);
      Submission s = latest.get(b);
      if (checks[b].state() != CropStore.ResultState.COMPLETE && s != null) {
        ask.computeIfAbsent(s.scheduler(), k -> new ArrayList<>()).add(s.tasks().get(b));
      }
    }
    Map<String, Map<String, JobQueue.TaskState>> told = new HashMap<>();
    Map<String, String> unreachable = new HashMap<>();
    ask.forEach((scheduler, tasks) -> {
      Optional<JobQueue> q = queue(scheduler);
      if (q.isEmpty()) {
        unreachable.put(scheduler, "submitted to " + scheduler + ", which this JVM cannot ask: put sweep-cluster on the"
            + " class path");
        return;
      }
      try {
        told.put(scheduler, q.get().states(tasks));
      } catch (RuntimeException e) {
        unreachable.put(scheduler, e.getMessage());
      }
    });
    List<CropStatus.Batch> out = new ArrayList<>();
    for (int b = 0; b < checks.length; b++) {
      CropStore.ResultCheck c = checks[b];
      Submission s = latest.get(b);
      Optional<String> task = s == null ? Optional.empty() : Optional.of(s.tasks().get(b));
      long runs = batches.runsOf(b);
      if (c.state() == CropStore.ResultState.COMPLETE) {
        out.add(new CropStatus.Batch(b, BatchState.DONE, runs, c.failedRuns(), task, ""));
        continue;
      }
      if (c.state() == CropStore.ResultState.DAMAGED) {
        out.add(new CropStatus.Batch(b, BatchState.DAMAGED, runs, 0, task, c.problem()));
        continue;
      }
      Optional<String> error = store.readError(b);
      String errorLine = error.map(Crop::firstLine).orElse("");
      if (s == null) {
        BatchState st = error.isPresent() ? BatchState.FAILED : BatchState.MISSING;
        out.add(new CropStatus.Batch(b, st, runs, 0, task, errorLine));
        continue;
      }
      if (unreachable.containsKey(s.scheduler())) {
        out.add(new CropStatus.Batch(b, BatchState.UNKNOWN, runs, 0, task, unreachable.get(s.scheduler())));
        continue;
      }
      JobQueue.TaskState t = told.get(s.scheduler()).get(task.get());
      JobQueue.Phase phase = t == null ? JobQueue.Phase.ENDED : t.phase();
      String said = t == null ? "" : t.detail();
      BatchState st = phase == JobQueue.Phase.QUEUED ? BatchState.QUEUED
          : phase == JobQueue.Phase.RUNNING ? BatchState.RUNNING : BatchState.FAILED;
      String detail = st == BatchState.FAILED
          ? (said.isEmpty() ? "ended without a result" : said + ", no result") + (errorLine.isEmpty() ? "" : ": " + errorLine)
          : said;
      out.add(new CropStatus.Batch(b, st, runs, 0, task, detail));
    }
    return new CropStatus(directory(), runs(), out);
  }

  private static Optional<JobQueue> queue(String scheduler) {
    for (JobQueue q : ServiceLoader.load(JobQueue.class, Crop.class.getClassLoader())) {
      if (q.name().equals(scheduler)) return Optional.of(q);
    }
    return Optional.empty();
  }

  private static String firstLine(String s) {
    int nl = s.indexOf('\n');
    return (nl < 0 ? s : s.substring(0, nl)).trim();
  }

  /**
   * Reaps every batch into the dataset a local run of the sweep gives: identical to
   * {@code runner.run(cases, combos)}, runs that failed under {@link OnError#CONTINUE} missing.
   *
   * @return the dataset
   * @throws IncompleteCropException naming the batches without a complete result (damaged ones are
   *     moved aside first, to be grown again)
   * @throws IllegalArgumentException if the runner cannot be rebuilt here
   */
  public Dataset reap() {
    return reapNow(false);
  }

  /**
   * Reaps what has grown so far: the dataset over the sweep's whole grid, missing (NaN) exactly at
   * the runs of batches without a complete result.
   *
   * @return the dataset
   * @throws IllegalArgumentException if the runner cannot be rebuilt here
   */
  public Dataset reapIncomplete() {
    return reapNow(true);
  }

  /**
   * Waits until every batch is done, showing a progress bar over the batches, then reaps.
   *
   * @param timeout how long to wait at most
   * @return the dataset, as {@link #reap()}
   * @throws IncompleteCropException if the timeout passes first, or every batch still to come has
   *     failed (a scheduler says its task ended without a result), naming them
   */
  public Dataset reap(Duration timeout) {
    await(timeout);
    return reap();
  }

  /**
   * Reaps every batch and merges the dataset into the harvester's file, under its lock and merge
   * policy.
   *
   * @param harvester a harvester whose runner is described as the crop's
   * @return the crop's dataset (the harvester's {@link Harvester#fullDataset()} holds the merge)
   * @throws IllegalArgumentException naming the differences, if the harvester's runner is not the
   *     crop's, or if the harvest file holds other variables
   * @throws IncompleteCropException as {@link #reap()}; the harvest file is then untouched
   */
  public Dataset reap(Harvester harvester) {
    checkSameRunner(harvester);
    Dataset ds = reap();
    harvester.absorb(ds);
    recordReap("harvester", harvester.file().toAbsolutePath().toString());
    return ds;
  }

  /**
   * Reaps every batch of a sampler's crop into the sampler: appends to it, and to its file, exactly
   * the samples that {@code sampler.sampleCombos(n)} would have kept had it run them here when the
   * crop was sown ({@link Builder#sowSamples}).
   *
   * @param sampler the sampler the crop was sown from, or one built alike in another JVM (the same
   *     runner, draws and seed, on the same file)
   * @return the samples kept, as {@link Sampler#sampleCombos(int)} returns them
   * @throws IllegalArgumentException if the crop holds no samples, or the sampler's runner or seed
   *     differ from the crop's (naming them)
   * @throws IllegalStateException if the sampler no longer holds the samples it held at sowing (the
   *     crop was reaped into it already, or it drew samples since, which the crop's would repeat);
   *     nothing is kept
   * @throws IncompleteCropException as {@link #reap()}; the sampler and its file are then untouched
   */
  public Dataset reap(Sampler sampler) {
    SownSamples sown = checkSampler(sampler);
    Dataset kept = sampler.absorb(reap(), sown.offset(), "crop " + directory());
    recordReap("sampler", sampler.file().map(f -> f.toAbsolutePath().normalize().toString()).orElse(null));
    return kept;
  }

  /**
   * Waits until every batch is done, then reaps into the sampler, as {@link #reap(Duration)} and
   * {@link #reap(Sampler)}.
   *
   * @param sampler the sampler the crop was sown from
   * @param timeout how long to wait at most
   * @return the samples kept
   */
  public Dataset reap(Sampler sampler, Duration timeout) {
    checkSampler(sampler);
    await(timeout);
    return reap(sampler);
  }

  /** A sampler's crop reaps into a sampler of the same runner and seed, holding what it held at sowing. */
  private SownSamples checkSampler(Sampler sampler) {
    Checks.given(sampler, "sampler", "the sampler the crop was sown from");
    String theirs = "the sampler of " + sampler.file().map(Path::toString).orElse(sampler.runner().function() + " (no file)");
    SownSamples sown = samples.orElseThrow(() -> new IllegalArgumentException("crop " + directory() + " holds a sweep"
        + " of " + spec.runner().function() + ", not a sampler's samples; reap it with reap() or reap(harvester)"));
    checkSameRunner(() -> sampler.runner().spec(), sampler.file().map(Path::toString).orElse("its sampler"), theirs,
        "the sampler");
    if (sampler.seed() != sown.seed()) {
      throw new IllegalArgumentException("crop " + directory() + " holds samples drawn with the seed " + sown.seed()
          + ", but " + theirs + " draws with the seed " + sampler.seed() + "; build the sampler with seed("
          + sown.seed() + "L)");
    }
    sampler.checkOffset(sown.offset(), runs(), "crop " + directory());
    return sown;
  }

  /** Records in the crop that every batch was reaped into a file that keeps the results, for {@link #clean()}. */
  private void recordReap(String into, String file) {
    Map<String, Object> r = new LinkedHashMap<>();
    r.put("into", into);
    r.put("file", file);
    r.put("batches", batches.count());
    r.put("reaped", Instant.now().toString());
    store.appendReap(r);
  }

  /**
   * Waits until every batch is done, then reaps into the harvester, as {@link #reap(Duration)} and
   * {@link #reap(Harvester)}.
   *
   * @param harvester a harvester whose runner is described as the crop's
   * @param timeout how long to wait at most
   * @return the crop's dataset
   */
  public Dataset reap(Harvester harvester, Duration timeout) {
    checkSameRunner(harvester);
    await(timeout);
    return reap(harvester);
  }

  private void checkSameRunner(Harvester harvester) {
    if (samples.isPresent()) {
      throw new IllegalArgumentException("crop " + directory() + " holds a sampler's samples, not a sweep over a grid;"
          + " reap them into their sampler with reap(sampler), not into the harvester of " + harvester.file());
    }
    checkSameRunner(() -> harvester.runner().spec(), harvester.file().toString(), "the harvester of " + harvester.file(),
        "the harvester");
  }

  /** The runner described by {@code of} is the crop's, or the error names the differences. */
  private void checkSameRunner(Supplier<RunnerSpec> of, String into, String whose, String farmer) {
    RunnerSpec theirs;
    try {
      theirs = of.get();
    } catch (IllegalStateException e) {
      throw new IllegalArgumentException("cannot reap crop " + directory() + " into " + into + ": " + e.getMessage(), e);
    }
    RunnerSpec mine = spec.runner();
    if (mine.equals(theirs)) return;
    List<String> diffs = new ArrayList<>();
    Map<String, Object> a = mine.toMap();
    Map<String, Object> b = theirs.toMap();
    for (String k : a.keySet()) {
      if (!Objects.equals(a.get(k), b.get(k))) diffs.add(k + ": " + a.get(k) + " in the crop, " + b.get(k) + " in " + farmer);
    }
    throw new IllegalArgumentException("crop " + directory() + " was sown by another runner than that of " + whose
        + "; they differ in " + String.join("; ", diffs));
  }

  private Dataset reapNow(boolean allowIncomplete) {
    RunPlan p = plan();
    List<RunBatch> parts = new ArrayList<>();
    List<Integer> missing = new ArrayList<>();
    Map<Integer, String> damaged = new LinkedHashMap<>();
    for (int b = 0; b < batches.count(); b++) {
      Optional<List<RunBatch>> result;
      try {
        result = store.readResult(b);
      } catch (StoreFormatException e) {
        Optional<Path> aside = store.moveAside(b);
        String where = aside.map(x -> "moved to " + x).orElse("gone");
        LOG.warn("batch {} of {}: its result is damaged ({}); {}: grow it again", b, directory(), e.getMessage(), where);
        damaged.put(b, e.getMessage() + " (" + where + ")");
        continue;
      }
      if (result.isEmpty()) {
        missing.add(b);
        continue;
      }
      checkRanges(b, result.get());
      parts.addAll(result.get());
    }
    if (!allowIncomplete && (!missing.isEmpty() || !damaged.isEmpty())) {
      throw new IncompleteCropException(directory(), missing, damaged);
    }
    return p.assemble(parts);
  }

  /** A result file holds exactly the runs of its batch: a file from another crop or cut is refused. */
  private void checkRanges(int b, List<RunBatch> parts) {
    List<long[]> expected = batches.ranges(b);
    boolean same = expected.size() == parts.size();
    for (int i = 0; same && i < parts.size(); i++) {
      same = expected.get(i)[0] == parts.get(i).from() && expected.get(i)[1] == parts.get(i).to();
    }
    if (!same) {
      List<String> got = new ArrayList<>();
      for (RunBatch r : parts) got.add("[" + r.from() + ", " + r.to() + ")");
      List<String> want = new ArrayList<>();
      for (long[] r : expected) want.add("[" + r[0] + ", " + r[1] + ")");
      throw new IllegalStateException("crop " + directory() + ": the result of batch " + b + " holds the runs " + got
          + " but the batch is " + want + "; it belongs to another crop: move it away and grow the batch again");
    }
  }

  /** Polls the result files (and schedulers) until every batch is done, with a bar over the batches. */
  private void await(Duration timeout) {
    Objects.requireNonNull(timeout, "timeout");
    long deadline = System.nanoTime() + timeout.toNanos();
    long pause = 200;
    ProgressBar bar = options.verbosity() > 0 ? bar() : null;
    try {
      while (true) {
        CropStatus s = status();
        List<Integer> done = s.batchesIn(BatchState.DONE);
        if (bar != null) bar.stepTo(done.size());
        if (s.isComplete()) return;
        List<Integer> failed = s.batchesIn(BatchState.FAILED, BatchState.DAMAGED);
        boolean pending = !s.batchesIn(BatchState.QUEUED, BatchState.RUNNING, BatchState.UNKNOWN,
            BatchState.MISSING).isEmpty();
        if (!failed.isEmpty() && !pending) {
          throw new IncompleteCropException(directory(), failed, "every batch still to come has failed:\n" + s);
        }
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          throw new IncompleteCropException(directory(), s.batchesIn(BatchState.QUEUED, BatchState.RUNNING,
              BatchState.UNKNOWN, BatchState.MISSING, BatchState.FAILED, BatchState.DAMAGED),
              "waited " + timeout + " for them:\n" + s);
        }
        try {
          Thread.sleep(Math.min(pause, Math.max(1, left / 1_000_000)));
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IllegalStateException("interrupted while waiting for crop " + directory(), e);
        }
        pause = Math.min(5_000, pause * 2);
      }
    } finally {
      if (bar != null) bar.close();
    }
  }

  private ProgressBar bar() {
    ProgressBarBuilder b = new ProgressBarBuilder().setTaskName("reap").setInitialMax(batches.count()).setUnit(" batches", 1);
    if (System.console() == null) {
      b.setStyle(ProgressBarStyle.ASCII).setUpdateIntervalMillis(5000)
          .setConsumer(new DelegatingProgressBarConsumer(LoggerFactory.getLogger("dev.sweep.progress")::info, 120));
    }
    return b.build();
  }

  /**
   * Deletes the crop, its settings, results and records, once its results are kept elsewhere: after
   * it was reaped into a harvester ({@link #reap(Harvester)}) or a sampler ({@link #reap(Sampler)}),
   * in this JVM or another (the reap is recorded in the crop).
   *
   * @throws IllegalStateException naming the crop and its batches not done, if it was never reaped
   *     into a harvester or sampler; nothing is deleted ({@link #clean(boolean) clean(true)} deletes
   *     it anyway)
   * @throws java.io.UncheckedIOException if something cannot be deleted
   */
  public void clean() {
    clean(false);
  }

  /**
   * Deletes the crop, as {@link #clean()}; with {@code force}, even if it was never reaped into a
   * harvester or sampler, its results lost.
   *
   * @param force delete it even if its results are kept nowhere else
   * @throws IllegalStateException if it was not reaped and {@code force} is false; nothing is deleted
   * @throws java.io.UncheckedIOException if something cannot be deleted
   */
  public void clean(boolean force) {
    if (!force && !wasReaped()) {
      List<Integer> notDone = new ArrayList<>();
      for (int b = 0; b < batches.count(); b++) {
        if (store.check(b).state() != CropStore.ResultState.COMPLETE) notDone.add(b);
      }
      throw new IllegalStateException("crop " + directory() + " was never reaped into a harvester or sampler, so"
          + " cleaning it would lose its results: none of its " + batches.count() + " batches was reaped"
          + (notDone.isEmpty() ? " (all are done)" : ", and " + notDone.size() + " are not done: " + shortList(notDone))
          + "; reap it with reap(harvester) or reap(sampler) first, or clean(true) to delete it anyway");
    }
    store.delete();
  }

  /** {@return true if a reap into a harvester or sampler of every batch is recorded} */
  private boolean wasReaped() {
    for (Map<String, Object> r : store.reaps()) {
      if (r.get("batches") instanceof Number n && n.longValue() == batches.count()) return true;
    }
    return false;
  }

  /** Batch numbers, the first twenty of them if there are more. */
  private static String shortList(List<Integer> bs) {
    if (bs.size() <= 20) return bs.toString();
    return bs.subList(0, 20).toString().replace("]", ", ... (" + (bs.size() - 20) + " more)]");
  }

  @Override
  public String toString() {
    return "<sweep.Crop> " + directory() + ": " + spec.runner().function() + ", " + runs() + " runs in "
        + batchCount() + " batches";
  }

  private static String show(Object p) {
    return p == null ? "missing" : p instanceof String s ? "\"" + s + "\"" : String.valueOf(p);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(String where, String what, Object p) {
    if (!(p instanceof Map<?, ?> m) || m.keySet().stream().anyMatch(k -> !(k instanceof String))) {
      throw damaged(where, "\"" + what + "\" should be a map, not " + show(p), null);
    }
    return (Map<String, Object>) m;
  }

  private static long number(String where, String what, Object p) {
    if (p instanceof Integer || p instanceof Long) return ((Number) p).longValue();
    throw damaged(where, "\"" + what + "\" should be a whole number, not " + show(p), null);
  }

  private static String string(String where, String what, Object p) {
    if (p instanceof String s) return s;
    throw damaged(where, "\"" + what + "\" should be a string, not " + show(p), null);
  }

  /**
   * Sows a sweep into a crop: cuts it into batches by size or number, optionally shuffled, and
   * writes the settings. Each setter checks its value at once; a {@code sow} method checks the whole.
   */
  public static final class Builder {
    private final Runner runner;
    private final Path harvestFile;
    private final Sampler sampler; // null unless sowing a sampler's samples
    private final Path directory;
    private final CropStore store;
    private long batchSize;
    private int batchCount;
    private Long shuffle;
    private List<String> classpath;
    private String java;
    private OnError onError;
    private LockWait lockWait = LockWait.forever();

    Builder(Runner runner, Path harvestFile, Path directory, CropStore store) {
      this.runner = runner;
      this.harvestFile = harvestFile;
      this.sampler = null;
      this.directory = directory;
      this.store = store;
    }

    Builder(Sampler sampler, Path directory, CropStore store) {
      this.runner = sampler.runner();
      this.harvestFile = null;
      this.sampler = sampler;
      this.directory = directory;
      this.store = store;
    }

    /**
     * Waits at most {@code timeout} for the crop's lock while another process holds it, instead of as
     * long as it takes; past it, sowing throws an {@link java.io.UncheckedIOException} whose cause is
     * a {@link dev.sweep.store.LockTimeoutException} saying which process waited for which lock file.
     * It applies to a crop sown into a directory; a given {@link CropStore} waits as it was made to.
     * Every wait is logged when it starts.
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
     * Cuts the sweep into batches of this many runs (the last one shorter). The default is 8 batches.
     *
     * @param runs the runs per batch, at least 1
     * @return this builder
     * @throws IllegalArgumentException if {@code runs} is less than 1
     * @throws IllegalStateException if a number of batches was already set
     */
    public Builder batchSize(long runs) {
      if (runs < 1) throw new IllegalArgumentException("batchSize is " + runs + "; expected at least 1 run per batch");
      if (batchCount > 0) throw new IllegalStateException("batches was already set to " + batchCount + "; set one of the two");
      this.batchSize = runs;
      return this;
    }

    /**
     * Cuts the sweep into this many batches, their sizes differing by at most one run (default 8).
     *
     * @param count the number of batches, at least 1 and at most the number of runs
     * @return this builder
     * @throws IllegalArgumentException if {@code count} is less than 1
     * @throws IllegalStateException if a batch size was already set
     */
    public Builder batches(int count) {
      if (count < 1) throw new IllegalArgumentException("batches is " + count + "; expected at least 1");
      if (batchSize > 0) throw new IllegalStateException("batchSize was already set to " + batchSize + "; set one of the two");
      this.batchCount = count;
      return this;
    }

    /**
     * Deals the runs into batches in an order shuffled with this seed, so that slow and fast runs mix
     * across batches; results still land in their own cells.
     *
     * @param seed the seed; the same seed deals the same batches
     * @return this builder
     */
    public Builder shuffle(long seed) {
      this.shuffle = seed;
      return this;
    }

    /**
     * Sets the class path the workers run with: the function's classes, their dependencies and
     * sweep's (sweep-cli for the {@code sweep grow} entry point). The default is this JVM's.
     *
     * @param entries jars and class directories, as absolute paths on the workers' file system
     * @return this builder
     * @throws IllegalArgumentException if there are none
     */
    public Builder classpath(List<Path> entries) {
      Checks.given(entries, "classpath", "the class path entries of the workers");
      if (entries.isEmpty()) throw new IllegalArgumentException("classpath is empty; the workers need the function's classes");
      List<String> cp = new ArrayList<>();
      for (Path p : entries) cp.add(Checks.given(p, "a classpath entry", "a path").toAbsolutePath().normalize().toString());
      this.classpath = cp;
      return this;
    }

    /**
     * Sets the java executable of the workers (default this JVM's).
     *
     * @param executable the path of {@code java} on the workers
     * @return this builder
     */
    public Builder java(Path executable) {
      this.java = Checks.given(executable, "java", "the path of java on the workers").toString();
      return this;
    }

    /**
     * Sets what a failing run does in the workers (default the runner's own policy).
     *
     * @param policy record failed runs and go on, or fail the batch
     * @return this builder
     */
    public Builder onError(OnError policy) {
      this.onError = Checks.given(policy, "onError policy", "an OnError, e.g. OnError.CONTINUE");
      return this;
    }

    /**
     * Sows every combination.
     *
     * @param combos the parameters to combine
     * @return the crop
     * @throws IllegalArgumentException as {@link #sow(Cases, Combos)}
     */
    public Crop sowCombos(Combos combos) {
      return sow(Cases.none(), combos);
    }

    /**
     * Sows the cases.
     *
     * @param cases the points to run
     * @return the crop
     * @throws IllegalArgumentException as {@link #sow(Cases, Combos)}
     */
    public Crop sowCases(Cases cases) {
      return sow(cases, Combos.empty());
    }

    /**
     * Sows every combination for every case: writes the crop's settings, and nothing per run. Sowing
     * the same sweep again into the same directory returns the crop already there.
     *
     * @param cases the points to run, or {@link Cases#none()}
     * @param combos the parameters combined with each case, or {@link Combos#empty()}
     * @return the crop
     * @throws IllegalArgumentException if the runner's function is a lambda or bound to an object (a
     *     crop names a static method that workers load), the runner has resources (they cannot
     *     travel), a value cannot travel, the arguments do not fit the function, the cut does not
     *     fit the sweep, or the directory holds another crop (naming what differs)
     * @throws java.io.UncheckedIOException if the settings cannot be written
     */
    public Crop sow(Cases cases, Combos combos) {
      Objects.requireNonNull(cases, "cases");
      Objects.requireNonNull(combos, "combos");
      if (sampler != null) {
        throw new IllegalStateException("this crop sows the samples of " + sampler.runner().function()
            + "'s sampler: call sowSamples(n), not sowCases or sowCombos");
      }
      checkNoResources();
      return sowPlan(runner.plan(cases, combos), null);
    }

    /**
     * Sows the n samples that {@code sampler.sampleCombos(n)} would draw now: the points are drawn here,
     * with the sampler's seed and design from the samples it holds, and sown as a plan of points
     * ({@link Runner#planPoints}); the sampler is not changed until {@link Crop#reap(Sampler)}. Sowing
     * again, with the sampler still holding what it held, returns the crop already there.
     *
     * @param n the number of samples, positive
     * @return the crop
     * @throws IllegalArgumentException if {@code n} is not positive, or as {@link #sow(Cases, Combos)}
     *     (a runner built from a lambda, resources, values that cannot travel, another crop there)
     * @throws IllegalStateException if the builder is not a sampler's ({@link Crop#builder(Sampler, Path)})
     * @throws java.io.UncheckedIOException if the settings cannot be written
     */
    public Crop sowSamples(int n) {
      if (sampler == null) {
        throw new IllegalStateException("sowSamples(" + n + ") needs a sampler; this builder sows the sweeps of a runner"
            + " (sowCases, sowCombos): build it with Crop.builder(sampler, dir)");
      }
      if (n <= 0) throw new IllegalArgumentException("n is " + n + "; expected a positive number of samples to sow");
      checkNoResources();
      Sampler.Drawn drawn = sampler.planSamples(n);
      Map<String, Object> from = new LinkedHashMap<>();
      from.put("file", sampler.file().map(f -> f.toAbsolutePath().normalize().toString()).orElse(null));
      from.put("seed", sampler.seed());
      from.put("offset", drawn.offset());
      return sowPlan(drawn.plan(), from);
    }

    private void checkNoResources() {
      if (!runner.resources().isEmpty()) {
        throw new IllegalArgumentException("the runner of " + runner.function() + " has resources "
            + runner.resources().keySet() + ", which cannot travel to a crop's workers; give them as constants (if "
            + "they are plain values) or build them inside the function");
      }
    }

    /** Writes the settings of the plan's crop; {@code from} records the sampler of a sampler's crop. */
    private Crop sowPlan(RunPlan plan, Map<String, Object> from) {
      PlanSpec spec;
      try {
        spec = plan.spec();
      } catch (IllegalStateException e) {
        throw new IllegalArgumentException("cannot sow a crop: " + e.getMessage(), e);
      }
      Batches cut = batchSize > 0 ? Batches.bySize(plan.size(), batchSize, shuffle)
          : Batches.byCount(plan.size(), batchCount > 0 ? batchCount : (int) Math.min(8, plan.size()), shuffle);
      Map<String, Object> batches = new LinkedHashMap<>();
      batches.put("count", cut.count());
      batches.put("size", cut.size());
      batches.put("shuffle", shuffle);
      Map<String, Object> workers = new LinkedHashMap<>();
      workers.put("classpath", classpath != null ? classpath : thisClasspath());
      workers.put("java", java != null ? java : Path.of(System.getProperty("java.home"), "bin", "java").toString());
      Map<String, Object> s = new LinkedHashMap<>();
      s.put("format", FORMAT);
      s.put("created", Instant.now().toString());
      s.put("plan", spec.toMap());
      s.put("runs", plan.size());
      s.put("batches", batches);
      s.put("onError", (onError != null ? onError : runner.options().onError()).name());
      if (runner.options().runTimeout() != null) s.put("runTimeout", runner.options().runTimeout().toString());
      s.put("workers", workers);
      s.put("harvester", harvestFile == null ? null : harvestFile.toAbsolutePath().normalize().toString());
      if (from != null) s.put("sampler", from);
      CropStore target = store != null ? store : storeFor(directory, lockWait);
      Optional<Map<String, Object>> before = target.readSettings();
      if (before.isPresent()) return again(target, before.get(), s);
      target.createSettings(s);
      LOG.info("sowed {} runs of {} into {} batches in {}", plan.size(), runner.function(), cut.count(), target.directory());
      return new Crop(target, s, runner.options(), spec);
    }

    /** Sowing into a crop's directory again: the same sweep gives the crop back, another is refused. */
    private Crop again(CropStore target, Map<String, Object> old, Map<String, Object> s) {
      new Crop(target, old, runner.options()); // refuses another format version, or damaged settings
      List<String> diffs = new ArrayList<>();
      for (String k : IDENTITY) {
        if (!Objects.equals(normalise(old.get(k)), normalise(s.get(k)))) diffs.add(k);
      }
      if (!diffs.isEmpty()) {
        throw new IllegalArgumentException(target.directory() + " already holds another crop: its " + String.join(", ", diffs)
            + " differ from this sowing's; sow into another directory, or clean() the old crop first");
      }
      LOG.info("{} already holds this crop; sowing again changes nothing", target.directory());
      return new Crop(target, old, runner.options());
    }

    private static List<String> thisClasspath() {
      List<String> cp = new ArrayList<>();
      for (String e : System.getProperty("java.class.path").split(File.pathSeparator)) {
        if (!e.isEmpty()) cp.add(Path.of(e).toAbsolutePath().normalize().toString());
      }
      return cp;
    }
  }

  /** Plain data as a JSON reader gives it back: whole numbers as Long, so written and read settings compare equal. */
  static Object normalise(Object p) {
    if (p instanceof Integer i) return (long) i;
    if (p instanceof List<?> l) {
      List<Object> out = new ArrayList<>();
      for (Object x : l) out.add(normalise(x));
      return out;
    }
    if (p instanceof Map<?, ?> m) {
      Map<Object, Object> out = new LinkedHashMap<>();
      m.forEach((k, v) -> out.put(k, normalise(v)));
      return out;
    }
    return p;
  }
}
