package dev.sweep.farm;

import dev.sweep.data.DType;
import dev.sweep.data.Dataset;
import dev.sweep.data.Index;
import dev.sweep.data.Variable;
import dev.sweep.data.Column;
import dev.sweep.run.PlanRunner;
import dev.sweep.run.RunFailedException;
import dev.sweep.run.RunOptions;
import dev.sweep.run.Runner;
import dev.sweep.space.Cases;
import dev.sweep.space.Design;
import dev.sweep.space.Draws;
import dev.sweep.store.IncompatibleStoreException;
import dev.sweep.store.LockWait;
import dev.sweep.store.RecordStore;
import dev.sweep.store.Records;
import dev.sweep.store.Stores;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Samples a function at random points of its parameter space and keeps every sample as a row of one
 * flat dataset over the dimension {@value #DIM}, appended to a record file: xyzpy's {@code Sampler}.
 *
 * <pre>{@code
 * Draws defaults = Draws.builder()
 *     .values("amp", 1, 2, 3)
 *     .values("fn", "cos", "sin")
 *     .from("x", Distribution.uniform(0, 2 * Math.PI))
 *     .from("phase", Distribution.normal(0, 0.1))
 *     .build();
 * Sampler sampler = Sampler.builder(runner, defaults).file(Path.of("trig.csv")).seed(42).build();
 * sampler.sampleCombos(10_000);
 * sampler.sampleCombos(5_000, Draws.builder().values("fn", "tan")
 *     .from("x", Distribution.uniform(0, Math.PI / 4)).build());
 * Dataset all = sampler.fullDataset();   // 15,000 samples: amp, fn, x, phase, out
 * }</pre>
 *
 * <p>Each call draws all its samples on the calling thread before running any
 * ({@link Draws#sample}), from a generator seeded by the sampler's seed and the number of samples
 * already held, so a seeded sampler gives the same samples whatever the number of workers, and a
 * session that reopens a file goes on with new samples. Two samplers with one seed on one file hold
 * the same number of samples when they start, so they draw the same points: give each process its own
 * seed (or none, for a random one). The runs use the runner's {@link RunOptions}.
 *
 * <p>The samples have one variable per argument (in draw order), then one per scalar constant of the
 * runner (the value it was computed with, on every row, as xyzpy writes it), then one per output; the
 * runner's attributes and its other constants are the dataset's attributes. A variable keeps its type
 * across calls: ints widen into a long or float variable, anything else that does not fit is refused.
 *
 * <p>With a file, the samples go through the {@link RecordStore} that {@link Stores} finds for it
 * (sweep-io registers CSV for {@code .csv}): the rows already stored are loaded when the sampler is
 * built, and each call appends only its new rows; a file whose columns are not the sampler's is
 * refused with an {@link IncompatibleStoreException}. A Tablesaw table of the samples is
 * {@code Tables.of(sampler.fullDataset())} (sweep-io), a NetCDF file
 * {@code Stores.dataset(Path.of("trig.nc")).write(sampler.fullDataset())}.
 *
 * <p>For more samples than one machine runs, sow them into a {@link Crop}
 * ({@code Crop.builder(sampler, dir).batches(8).sowSamples(100_000)}): it draws here, as
 * {@link #sampleCombos(int)} would, grows the batches anywhere, and {@link Crop#reap(Sampler)} keeps
 * exactly the samples the local call would have kept.
 *
 * <p>Thread-safe: calls are serialized. Nothing here returns null.
 */
public final class Sampler {
  /** The name of the samples' dimension. */
  public static final String DIM = "sample";

  private static final Logger LOG = LoggerFactory.getLogger(Sampler.class);

  private final Runner runner;
  private final Draws defaults;
  private final RecordStore store; // null: in memory only
  private final long seed;
  private final Design design;
  private final PlanRunner planRunner;
  private final Map<String, Object> constantColumns;
  private List<String> columns; // null until known
  private List<DType> types; // null until known
  private final List<Dataset> parts = new ArrayList<>();
  private Dataset full; // the parts joined; null when a part was added since
  private Dataset last;
  private long rows;

  private Sampler(Builder b, RecordStore store) {
    this.runner = b.options == null ? b.runner : b.runner.with(b.options);
    this.defaults = b.defaults;
    this.store = store;
    this.seed = b.seed != null ? b.seed : new SplittableRandom().nextLong();
    this.design = b.design;
    this.planRunner = b.planRunner;
    this.constantColumns = scalarConstants(runner);
    this.last = empty();
    if (store != null) load();
    LOG.debug("sampler over {} with seed {}", store == null ? "no file" : store.path(), seed);
  }

  private void load() {
    Dataset stored = store.read();
    if (stored.variables().isEmpty()) return;
    List<String> args = defaults.names();
    List<String> header = List.copyOf(stored.variables().keySet());
    String name = store.path().getFileName().toString();
    if (!runner.vars().isEmpty()) {
      List<String> expected = new ArrayList<>(args);
      expected.addAll(constantColumns.keySet());
      expected.addAll(runner.vars());
      if (!header.equals(expected)) {
        throw refuse(header, expected, name + " has the columns " + header + " but " + expected + " are expected: "
            + Records.describeDifference(header, expected));
      }
    } else if (header.size() <= args.size() || !header.subList(0, args.size()).equals(args)) {
      throw refuse(header, args, name + " has the columns " + header + " but the sampler writes the arguments "
          + args + " first, then the outputs");
    }
    columns = header;
    types = new ArrayList<>();
    for (Variable v : stored.variables().values()) types.add(v.type());
    Dataset mine = onSampleDim(stored);
    rows = mine.sizes().get(DIM);
    if (rows > 0) {
      parts.add(mine);
      LOG.info("{}: loaded {} samples", store.path(), rows);
    }
  }

  private IncompatibleStoreException refuse(List<String> stored, List<String> expected, String why) {
    return new IncompatibleStoreException(store.path(), stored.toString(), expected.toString(),
        "refusing to mix samples: " + why + "; sample into another file, or move this one away");
  }

  /**
   * {@return a builder of a sampler of the runner's function, drawing its arguments from the defaults}
   * Without {@link Builder#file} or {@link Builder#store} the samples are kept in memory only.
   *
   * @param runner the runner whose outputs are sampled; its function must return one scalar per output
   * @param defaults the distribution of every argument, in column order
   */
  public static Builder builder(Runner runner, Draws defaults) {
    return new Builder(Checks.given(runner, "runner", "the runner whose outputs are sampled"),
        Checks.given(defaults, "defaults", "the Draws of every argument"));
  }

  /**
   * A builder of a sampler of a static method described by its {@link dev.sweep.run.Label}, synced
   * with the file its {@link Sample} names, or {@code <method>.csv} without one ({@code foo.csv} for a
   * method {@code foo}, as {@link Harvester#labelled} names {@code foo.nc}); a relative name resolves
   * against {@link Builder#directory}, else the working directory. A sampler of a labelled method that
   * keeps no file is {@code Sampler.builder(Runner.labelled(owner, method).build(), defaults)}.
   *
   * @param owner the class that declares the method
   * @param method the method's name; exactly one method may have it
   * @param defaults the distribution of every argument, in column order
   * @return the sampler's builder, with the file set
   * @throws IllegalArgumentException if the class has no such method with a {@code @Label}
   */
  public static Builder labelled(Class<?> owner, String method, Draws defaults) {
    Objects.requireNonNull(owner, "owner");
    Objects.requireNonNull(method, "method");
    Runner runner = Runner.labelled(owner, method).build();
    String file = Labelled.sampleFile(owner, method).orElse(method + ".csv");
    return builder(runner, defaults).file(Path.of(file));
  }

  /**
   * Draws n samples from the default distributions, runs them, appends them to the samples held and
   * the file, and returns them.
   *
   * @param n the number of samples, positive
   * @return this call's samples: a dataset over {@value #DIM} with one variable per column
   * @throws IllegalArgumentException if n is not positive, or the samples do not fit the stored columns
   * @throws IllegalStateException if every run of the first call failed and the runner names no outputs,
   *     so the columns are unknown
   * @throws RunFailedException if a run throws under {@link dev.sweep.run.OnError#STOP}; nothing is stored
   * @throws UncheckedIOException if the file cannot be written; nothing of this call is stored
   */
  public Dataset sampleCombos(int n) {
    return sample(n, defaults);
  }

  /**
   * As {@link #sampleCombos(int)}, with some default distributions replaced for this call.
   *
   * @param n the number of samples, positive
   * @param overrides distributions that replace some of the defaults for this call only
   * @return this call's samples
   * @throws IllegalArgumentException also if the overrides name an argument the sampler does not draw
   */
  public Dataset sampleCombos(int n, Draws overrides) {
    return sample(n, defaults.with(overrides));
  }

  private synchronized Dataset sample(int n, Draws draws) {
    if (n <= 0) throw new IllegalArgumentException("n is " + n + "; expected a positive number of samples");
    Cases points = draws.sample(n, design, mix(seed, rows));
    List<String> args = draws.names();
    if (types != null) {
      for (int a = 0; a < args.size(); a++) {
        Object[] drawn = new Object[n];
        for (int i = 0; i < n; i++) drawn[i] = points.value(i, args.get(a));
        DType given;
        try {
          given = Index.commonType(drawn);
        } catch (IllegalArgumentException e) {
          throw new IllegalArgumentException("the values drawn for '" + args.get(a) + "': "
              + e.getMessage().replace("coordinate type", "column type"), e);
        }
        checkFits(args.get(a), types.get(a), given, false);
      }
    }
    Dataset ds;
    try {
      ds = planRunner.run(runner.planPoints(points, DIM));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("sampling " + runner.function() + ": " + e.getMessage(), e);
    }
    return keep(ds, args, n);
  }

  /** Conforms a call's table to the stored columns, appends it to the file and to the samples held. */
  private Dataset keep(Dataset ds, List<String> args, int n) {
    Dataset batch = conform(ds, args, n);
    if (store != null) store.append(batch);
    parts.add(batch);
    full = null;
    rows += n;
    last = batch;
    LOG.debug("drew {} samples; {} in all", n, rows);
    return batch;
  }

  /**
   * The plan of the n samples that {@link #sampleCombos(int)} would draw now, drawn but not run: what a
   * {@link Crop} sows. The samples held stay as they are until the crop's table is absorbed.
   *
   * @param n the number of samples, positive
   * @return the plan of points over {@value #DIM}, and the number of samples held when it was drawn
   * @throws IllegalArgumentException if n is not positive, or the points do not fit the function
   */
  synchronized Drawn planSamples(int n) {
    if (n <= 0) throw new IllegalArgumentException("n is " + n + "; expected a positive number of samples");
    Cases points = defaults.sample(n, design, mix(seed, rows));
    try {
      return new Drawn(runner.planPoints(points, DIM), rows);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("sampling " + runner.function() + ": " + e.getMessage(), e);
    }
  }

  /**
   * A plan of samples drawn by {@link #planSamples}.
   *
   * @param plan the plan of points over {@value #DIM}
   * @param offset the number of samples held when they were drawn
   */
  record Drawn(dev.sweep.run.RunPlan plan, long offset) {}

  /**
   * Keeps the table of a plan drawn by {@link #planSamples} and run elsewhere (a crop's reap), as
   * {@link #sampleCombos(int)} keeps the table it runs: so the samples held are those a local call
   * would have given.
   *
   * @param table the plan's table over {@value #DIM}
   * @param offset the number of samples held when the plan was drawn
   * @param from where the table comes from, for the errors
   * @return the samples kept, as {@link #sampleCombos(int)} returns them
   * @throws IllegalStateException if the sampler no longer holds {@code offset} samples: the table was
   *     kept already, or samples were drawn since, which a new draw from the same offset repeats
   */
  synchronized Dataset absorb(Dataset table, long offset, String from) {
    checkOffset(offset, table.sizes().get(DIM), from);
    return keep(table, defaults.names(), table.sizes().get(DIM));
  }

  /**
   * Checks that the sampler holds the samples it held when n samples were drawn from {@code from}.
   *
   * @throws IllegalStateException if it holds another number, saying what that means
   */
  synchronized void checkOffset(long offset, long n, String from) {
    if (rows == offset) return;
    throw new IllegalStateException(this.from() + " holds " + rows + " samples, but the " + n + " samples of " + from
        + " were drawn when it held " + offset + "; "
        + (rows > offset ? "they were reaped into it already, or it drew samples since, which the draw repeats"
            : "it is not the sampler they were drawn from")
        + ": reap a crop into its sampler before the sampler draws again (nothing was kept)");
  }

  /** Says which sampler: its file, else its runner's function. */
  private String from() {
    return "the sampler of " + (store == null ? runner.function() + " (no file)" : store.path().toString());
  }

  /** SplitMix64's finalizer over the seed and the number of rows held: one stream per call. */
  static long mix(long seed, long rows) {
    long z = seed + 0x9E3779B97F4A7C15L * (rows + 1);
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  /** The call's dataset with the stored columns and types, fixing them on the first call. */
  private Dataset conform(Dataset ds, List<String> args, int n) {
    List<String> produced = new ArrayList<>();
    for (Variable v : ds.variables().values()) {
      if (!v.dims().equals(List.of(DIM))) {
        throw new IllegalArgumentException("output '" + v.name() + "' has the dimensions " + v.dims()
            + "; a sampler stores one value per output and sample");
      }
      produced.add(v.name());
    }
    List<String> outs = produced.subList(args.size(), produced.size());
    boolean allFailed = outs.isEmpty();
    List<String> given = new ArrayList<>(args);
    given.addAll(constantColumns.keySet());
    given.addAll(outs);
    if (columns == null) {
      if (allFailed && runner.vars().isEmpty()) {
        throw new IllegalStateException("every run failed, so the outputs of " + runner.function()
            + " are unknown; nothing was stored");
      }
      List<String> cols = new ArrayList<>(given);
      if (allFailed) cols.addAll(runner.vars());
      columns = cols;
    } else {
      int fixed = args.size() + constantColumns.size();
      if (allFailed ? !columns.subList(0, fixed).equals(given) : !columns.equals(given)) {
        throw new IllegalArgumentException("this call gives the columns " + given + " but the sampler holds "
            + columns + (store == null ? "" : " (in " + store.path().getFileName() + ")"));
      }
    }
    if (types == null) {
      List<DType> ts = new ArrayList<>();
      for (String c : columns) {
        Object constant = constantColumns.get(c);
        ts.add(constant != null ? DType.of(constant) : ds.variables().containsKey(c) ? ds.variable(c).type() : DType.DOUBLE);
      }
      types = ts;
    }
    Dataset.Builder b = Dataset.builder().dim(DIM, n);
    for (int c = 0; c < columns.size(); c++) {
      String col = columns.get(c);
      DType stored = types.get(c);
      Object constant = constantColumns.get(col);
      if (constant != null) {
        checkFits(col, stored, DType.of(constant), false);
        Column filled = Column.allocate(stored, new long[] {n});
        for (int i = 0; i < n; i++) filled.set(i, constant);
        b.variable(Variable.of(col, List.of(DIM), filled));
      } else if (!ds.variables().containsKey(col)) {
        checkFits(col, stored, DType.DOUBLE, true);
        Column missing = Column.allocate(stored, new long[] {n});
        for (int i = 0; i < n; i++) missing.setMissing(i);
        b.variable(Variable.of(col, List.of(DIM), missing));
      } else {
        Variable v = ds.variable(col);
        checkFits(col, stored, v.type(), c >= args.size());
        b.variable(v.type() == stored ? v : Variable.of(col, List.of(DIM), v.column().convert(stored)));
      }
    }
    Map<String, Object> attrs = new LinkedHashMap<>(ds.attrs());
    attrs.keySet().removeAll(constantColumns.keySet());
    return b.attrs(attrs).build();
  }

  /** Refuses values of a type the column cannot take without loss. */
  private void checkFits(String col, DType stored, DType given, boolean output) {
    if (given == stored || DType.common(given, stored) == stored) return;
    throw new IllegalArgumentException("column '" + col + "' is " + stored
        + (store == null ? "" : " in " + store.path().getFileName()) + " but this call gives " + given + " values"
        + (output ? " (runs that failed leave NaN, which an integer column cannot hold); declare the output's"
            + " type with Runner.Builder.type(\"" + col + "\", DType." + given.name() + ")"
            : "; a column keeps its type: draw " + stored + " values for '" + col + "'"));
  }

  /** The runner's constants that are one number, boolean or string: the columns they become. */
  private static Map<String, Object> scalarConstants(Runner runner) {
    Map<String, Object> out = new LinkedHashMap<>();
    for (Map.Entry<String, Object> e : runner.constants().entrySet()) {
      Object v = e.getValue();
      if (v instanceof Number || v instanceof Boolean || v instanceof String || v instanceof Character) {
        out.put(e.getKey(), v instanceof Character ? v.toString() : v);
      }
    }
    return out;
  }

  /**
   * {@return every sample held: the file's rows when the sampler was built, then every call's} A
   * dataset over {@value #DIM}, one variable per column.
   */
  public synchronized Dataset fullDataset() {
    if (full == null) full = parts.isEmpty() ? empty() : Records.join(parts, DIM);
    if (parts.size() > 1) {
      parts.clear();
      parts.add(full);
    }
    return full;
  }

  /** {@return the samples of the latest call in this session; an empty dataset before the first call} */
  public synchronized Dataset lastDataset() {
    return last;
  }

  /** {@return the number of samples held} */
  public synchronized long size() {
    return rows;
  }

  /** {@return the file the samples are synced with, as an absolute path; empty without one} */
  public Optional<Path> file() {
    return store == null ? Optional.empty() : Optional.of(store.path());
  }

  /** {@return the runner that runs the samples, with the options given to the builder if any} */
  public Runner runner() {
    return runner;
  }

  /** {@return the default distributions, which give the argument columns and their order} */
  public Draws defaults() {
    return defaults;
  }

  /**
   * {@return the seed the samples are drawn with: the one given to the builder, else one chosen at
   * random}
   */
  public long seed() {
    return seed;
  }

  /** {@return how each call places its samples in the parameter space} */
  public Design design() {
    return design;
  }

  @Override
  public String toString() {
    String fn = store == null ? "" : store.path().getFileName().toString();
    String kind = fn.lastIndexOf('.') > 0 ? fn.substring(fn.lastIndexOf('.') + 1) : "records";
    return "<sweep.Sampler>\n  " + runner.toString().replace("\n", "\n  ") + "\n  draws: " + defaults
        + (design == Design.INDEPENDENT ? "" : "\n  design: " + design)
        + "\n  sync file --> " + (store == null ? "(none)" : store.path() + " [" + kind + "]");
  }

  private static Dataset empty() {
    return Dataset.builder().dim(DIM, 0).build();
  }

  /** A stored dataset over its record dimension, renamed to {@value #DIM}. */
  private static Dataset onSampleDim(Dataset stored) {
    int n = stored.dims().isEmpty() ? 0 : stored.sizes().get(stored.dims().get(0));
    Dataset.Builder b = Dataset.builder().dim(DIM, n);
    for (Variable v : stored.variables().values()) {
      if (v.dims().size() != 1) {
        throw new IllegalArgumentException("variable '" + v.name() + "' has the dimensions " + v.dims()
            + "; a sampler's samples have one dimension");
      }
      b.variable(v.dims().get(0).equals(DIM) ? v : Variable.of(v.name(), List.of(DIM), v.column()).withAttrs(v.attrs()));
    }
    return b.attrs(stored.attrs()).build();
  }

  /** Builds a {@link Sampler}; each setter checks its input at once, {@link #build()} the whole. */
  public static final class Builder {
    private final Runner runner;
    private final Draws defaults;
    private Path file;
    private RecordStore store;
    private Path directory;
    private Long seed;
    private Design design = Design.INDEPENDENT;
    private RunOptions options;
    private PlanRunner planRunner = PlanRunner.local();
    private LockWait lockWait; // null: not set

    Builder(Runner runner, Draws defaults) {
      this.runner = runner;
      this.defaults = defaults;
    }

    /**
     * Syncs the samples with this file (created by the first call if absent), through the record
     * store {@link Stores} finds for it.
     *
     * @param file the file, e.g. {@code trig.csv}; a relative path resolves against {@link #directory},
     *     if set; its directory is created by {@link #build()} if missing
     * @return this builder
     * @throws IllegalStateException if a store was set
     */
    public Builder file(Path file) {
      Checks.given(file, "file", "the file to sample into, e.g. Path.of(\"trig.csv\")");
      if (store != null) throw new IllegalStateException("a store was already set (" + store.path() + "); set a file or a store");
      this.file = file;
      return this;
    }

    /**
     * Syncs the samples with this record store (for example an in-memory one in tests).
     *
     * @param store the store, open for appending
     * @return this builder
     * @throws IllegalStateException if a file was set
     */
    public Builder store(RecordStore store) {
      Checks.given(store, "store", "a RecordStore open for appending");
      if (file != null) throw new IllegalStateException("a file was already set (" + file + "); set a file or a store");
      this.store = store;
      return this;
    }

    /**
     * Sets the directory a relative file name resolves against, instead of the working directory.
     *
     * @param directory the directory
     * @return this builder
     */
    public Builder directory(Path directory) {
      this.directory = Checks.given(directory, "directory", "the directory a relative file name resolves against");
      return this;
    }

    /**
     * Draws with this seed: the same seed gives the same samples, whatever the number of workers.
     * Without one, the sampler picks a random seed.
     *
     * @param seed the seed
     * @return this builder
     */
    public Builder seed(long seed) {
      this.seed = seed;
      return this;
    }

    /**
     * Places each call's samples with this design (default {@link Design#INDEPENDENT}).
     *
     * @param design the design
     * @return this builder
     */
    public Builder design(Design design) {
      this.design = Checks.given(design, "design", "a Design, e.g. Design.INDEPENDENT");
      return this;
    }

    /**
     * Runs the samples with these options instead of the runner's own.
     *
     * @param options progress, workers and failure handling for the runs
     * @return this builder
     */
    public Builder options(RunOptions options) {
      this.options = Checks.given(options, "options", "RunOptions");
      return this;
    }

    /**
     * Runs the samples with this plan runner, e.g. on a Spark cluster (sweep-spark's
     * {@code SparkSweep}), instead of in this JVM; the points are still drawn here, before any run,
     * and the samples appended here. Each call is one plan of points ({@link Runner#planPoints}).
     *
     * @param planRunner runs each call's plan of points and gives back its table
     * @return this builder
     */
    public Builder runOn(PlanRunner planRunner) {
      this.planRunner = Checks.given(planRunner, "planRunner", "a PlanRunner, e.g. PlanRunner.local()");
      return this;
    }

    /**
     * Waits at most {@code timeout} for the file's lock while another process holds it (a sampler in
     * another JVM appending to the same file), instead of as long as it takes; past it, the append (or
     * {@link #build()}, which may repair a torn tail under the lock) throws an
     * {@link UncheckedIOException} whose cause is a {@link dev.sweep.store.LockTimeoutException} saying
     * which process waited for which lock file, and for how long. Applies to a {@link #file}; a
     * {@link #store} given ready-made takes its own locks.
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
     * The sampler, loading the file's rows if it exists.
     *
     * @return the sampler
     * @throws IllegalArgumentException if the function's arguments are not what the draws (with the
     *     runner's constants and resources) give, an argument has an output's name, a directory is
     *     given without a file, or no store is registered for the file
     * @throws IncompatibleStoreException if the file's columns are not the sampler's
     * @throws IllegalStateException if a lock timeout is set for a store given ready-made
     * @throws UncheckedIOException if the file cannot be read or its directory created
     */
    public Sampler build() {
      List<String> args = defaults.names();
      for (String a : args) {
        if (runner.vars().contains(a)) {
          throw new IllegalArgumentException("argument '" + a + "' has the name of an output of " + runner.function());
        }
      }
      List<String> wanted = runner.function().argNames();
      if (!wanted.isEmpty()) {
        Set<String> given = new LinkedHashSet<>(args);
        given.addAll(runner.constants().keySet());
        given.addAll(runner.resources().keySet());
        for (String w : wanted) {
          if (!given.contains(w)) {
            throw new IllegalArgumentException(runner.function() + " needs argument '" + w
                + "', which the draws do not give (they give " + args + ")");
          }
        }
        for (String a : args) {
          if (!wanted.contains(a)) {
            throw new IllegalArgumentException("the draws give '" + a + "', which " + runner.function()
                + " does not take");
          }
        }
      }
      if (store != null && lockWait != null) {
        throw new IllegalStateException("lockTimeout is set to " + lockWait.timeout().orElseThrow() + " but the store "
            + store.path() + " was given ready-made and takes its own locks; set a file(...) instead of the store, or "
            + "open the store with Stores.records(path, mode, LockWait.atMost(...))");
      }
      RecordStore opened = store;
      if (file != null) {
        Path resolved = file.isAbsolute() || directory == null ? file.toAbsolutePath() : directory.resolve(file).toAbsolutePath();
        try {
          Files.createDirectories(resolved.getParent());
        } catch (IOException e) {
          throw new UncheckedIOException("cannot create the directory of " + resolved, e);
        }
        opened = Stores.records(resolved, RecordStore.Mode.APPEND, lockWait == null ? LockWait.forever() : lockWait);
      } else if (directory != null) {
        throw new IllegalArgumentException("directory is set to " + directory + " but there is no file to resolve"
            + " against it; set file(...) too");
      }
      return new Sampler(this, opened);
    }
  }
}
