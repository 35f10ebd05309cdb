package dev.sweep.io.sample;

import dev.sweep.data.DType;
import dev.sweep.data.Dataset;
import dev.sweep.data.Index;
import dev.sweep.data.Variable;
import dev.sweep.io.csv.CsvStore;
import dev.sweep.io.netcdf.Netcdf;
import dev.sweep.run.Label;
import dev.sweep.run.RunFailedException;
import dev.sweep.run.RunOptions;
import dev.sweep.run.Runner;
import dev.sweep.space.Cases;
import dev.sweep.store.IncompatibleStoreException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tech.tablesaw.api.Table;

/**
 * Samples a function at random points of its parameter space and keeps every sample in one table,
 * synced to a CSV file: xyzpy's {@code Sampler}.
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
 * Table all = sampler.fullTable();   // 15,000 rows: amp, fn, x, phase, out
 * }</pre>
 *
 * <p>Each call draws all its samples on the calling thread before running any, from a generator seeded
 * by the sampler's seed and the number of rows already held, so a seeded sampler gives the same samples
 * whatever the number of workers, and a session that reopens a file goes on with new samples. Each
 * argument draws from its own stream, so overriding one distribution leaves the others' draws as they
 * were. The runs themselves use the runner's {@link RunOptions} (progress bar, workers, error policy).
 *
 * <p>The table has one typed column per argument (in draw order), then one per output. With a file,
 * the rows already in it are loaded when the sampler is built and each call appends its rows (see
 * {@link CsvStore} for the format and its crash safety); a file whose columns are not the sampler's is
 * refused. A column keeps its type across calls: ints widen into a long or float column, anything else
 * that does not fit is refused.
 *
 * <p>Thread-safe: calls are serialized. Nothing here returns null.
 */
public final class Sampler {
  /** The name of the dimension of {@link #fullDataset()}. */
  public static final String DIM = "sample";

  private static final Logger LOG = LoggerFactory.getLogger(Sampler.class);

  private final Runner runner;
  private final Draws defaults;
  private final Path file;
  private final CsvStore csv;
  private final long seed;
  private final Design design;
  private final String name;
  private List<String> columns; // null until known
  private List<DType> types; // null until known
  private Table full;
  private Table last;

  private Sampler(Builder b, Path file) {
    this.runner = b.options == null ? b.runner : b.runner.with(b.options);
    this.defaults = b.defaults;
    this.file = file;
    this.seed = b.seed != null ? b.seed : new SplittableRandom().nextLong();
    this.design = b.design;
    String fn = file == null ? "samples" : file.getFileName().toString();
    this.name = fn.endsWith(".csv") ? fn.substring(0, fn.length() - 4) : fn;
    List<String> args = defaults.names();
    List<String> expected = new ArrayList<>(args);
    expected.addAll(runner.vars());
    if (file == null) {
      csv = null;
      full = Table.create(name);
    } else {
      csv = CsvStore.open(file);
      List<String> header = csv.columns();
      if (!header.isEmpty()) {
        if (!runner.vars().isEmpty()) {
          try {
            csv.requireColumns(expected);
          } catch (IncompatibleStoreException e) {
            throw refuse(e.getMessage());
          }
        } else if (header.size() <= args.size() || !header.subList(0, args.size()).equals(args)) {
          throw refuse(file.getFileName() + " has the columns " + header + " but the sampler writes the arguments "
              + args + " first, then the outputs");
        }
        columns = header;
        if (!csv.types().isEmpty()) types = new ArrayList<>(csv.types());
      }
      full = csv.size() > 0 ? CsvStore.readTable(file) : Table.create(name);
      if (full.rowCount() > 0) LOG.info("{}: loaded {} samples", file, full.rowCount());
    }
    last = Table.create(name);
    LOG.debug("sampler over {} with seed {}", file == null ? "no file" : file, seed);
  }

  private IllegalArgumentException refuse(String why) {
    return new IllegalArgumentException("refusing to mix samples: " + why
        + "; sample into another file, or move this one away");
  }

  /**
   * {@return a builder of a sampler of the runner's function, drawing its arguments from the defaults}
   * Without {@link Builder#file} the samples are kept in memory only.
   *
   * @param runner the runner whose outputs are sampled; its function must return one scalar per output
   * @param defaults the distribution of every argument, in column order
   */
  public static Builder builder(Runner runner, Draws defaults) {
    return new Builder(Objects.requireNonNull(runner, "runner"), Objects.requireNonNull(defaults, "defaults"));
  }

  /**
   * A builder of a sampler of a static method described by its {@link Label}, synced with the file its
   * {@code sampler} element names; a relative name resolves against {@link Builder#directory}, else the
   * working directory.
   *
   * @param owner the class that declares the method
   * @param method the method's name; exactly one method may have it
   * @param defaults the distribution of every argument, in column order
   * @return the sampler's builder, with the file set
   * @throws IllegalArgumentException if the method has no {@code @Label} or its label names no sampler file
   */
  public static Builder labelled(Class<?> owner, String method, Draws defaults) {
    Runner runner = Runner.labelled(owner, method).build();
    Label label = null;
    for (Class<?> c = owner; c != null && label == null; c = c.getSuperclass()) {
      for (Method m : c.getDeclaredMethods()) {
        if (m.getName().equals(method) && m.getAnnotation(Label.class) != null) label = m.getAnnotation(Label.class);
      }
    }
    if (label == null || label.sampler().isEmpty()) {
      throw new IllegalArgumentException(owner.getSimpleName() + "." + method + " has no @Label(sampler = \"<file>.csv\");"
          + " name the file there, or use Sampler.builder(runner, defaults) for a sampler without one");
    }
    return builder(runner, defaults).file(Path.of(label.sampler()));
  }

  /**
   * Draws n samples from the default distributions, runs them, appends them to the table and the file,
   * and returns them.
   *
   * @param n the number of samples, positive
   * @return this call's samples as a new table: one column per argument, then one per output
   * @throws IllegalArgumentException if n is not positive, or the samples do not fit the stored columns
   * @throws IllegalStateException if every run of the first call failed and the runner names no outputs,
   *     so the columns are unknown
   * @throws RunFailedException if a run throws under {@link dev.sweep.run.OnError#STOP}; nothing is stored
   * @throws UncheckedIOException if the file cannot be written
   */
  public Table sampleCombos(int n) {
    return sample(n, defaults);
  }

  /**
   * As {@link #sampleCombos(int)}, with some default distributions replaced for this call.
   *
   * @param n the number of samples, positive
   * @param overrides distributions that replace some of the defaults for this call only
   * @return this call's samples as a new table
   * @throws IllegalArgumentException also if the overrides name an argument the sampler does not draw
   */
  public Table sampleCombos(int n, Draws overrides) {
    return sample(n, defaults.with(overrides));
  }

  private synchronized Table sample(int n, Draws draws) {
    if (n <= 0) {
      throw new IllegalArgumentException("n is " + n + "; expected a positive number of samples");
    }
    long before = full.rowCount();
    Object[][] values = draw(draws, n, before);
    List<String> args = draws.names();
    if (types != null) {
      for (int a = 0; a < args.size(); a++) {
        DType given;
        try {
          given = Index.commonType(values[a]);
        } catch (IllegalArgumentException e) {
          throw new IllegalArgumentException("the values drawn for '" + args.get(a) + "': "
              + e.getMessage().replace("coordinate type", "column type"), e);
        }
        checkFits(args.get(a), types.get(a), given, false);
      }
    }
    List<List<?>> tuples = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      Object[] row = new Object[args.size()];
      for (int a = 0; a < row.length; a++) row[a] = values[a][i];
      tuples.add(Arrays.asList(row));
    }
    Dataset ds;
    try {
      ds = runner.runPoints(Cases.of(args, tuples), DIM);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("sampling " + runner.function() + ": " + e.getMessage(), e);
    }
    Table batch = toTable(ds, args, n);
    if (csv != null) csv.append(Tables.dataset(batch, DIM));
    if (full.rowCount() == 0) full = Tables.copy(batch);
    else full.append(batch);
    last = batch;
    LOG.debug("drew {} samples; {} in all", n, full.rowCount());
    return Tables.copy(batch);
  }

  /** Draws every sample's arguments on this thread: column by column, each argument from its own stream. */
  private Object[][] draw(Draws draws, int n, long rowsBefore) {
    SplittableRandom root = new SplittableRandom(mix(seed, rowsBefore));
    SplittableRandom designRandom = root.split();
    List<String> args = draws.names();
    SplittableRandom[] own = new SplittableRandom[args.size()];
    for (int a = 0; a < own.length; a++) own[a] = root.split();
    double[][] unit = null;
    if (design != Design.INDEPENDENT) {
      int dims = 0;
      for (Distribution d : draws.asMap().values()) if (d instanceof UnitDistribution) dims++;
      unit = design.points(n, dims, designRandom);
    }
    Object[][] values = new Object[args.size()][n];
    int dim = 0;
    for (int a = 0; a < own.length; a++) {
      Distribution d = draws.get(args.get(a));
      Object[] col = values[a];
      if (unit != null && d instanceof UnitDistribution ud) {
        double[] u = unit[dim++];
        for (int i = 0; i < n; i++) col[i] = ud.at(u[i]);
      } else {
        for (int i = 0; i < n; i++) col[i] = d.draw(own[a]);
      }
      for (int i = 0; i < n; i++) {
        if (col[i] == null) {
          throw new IllegalArgumentException("the distribution of '" + args.get(a) + "', " + Draws.describe(d)
              + ", drew null for sample " + i);
        }
      }
    }
    return values;
  }

  /** SplitMix64's finalizer over the seed and the number of rows held: one stream per call. */
  static long mix(long seed, long rows) {
    long z = seed + 0x9E3779B97F4A7C15L * (rows + 1);
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  /** The call's dataset as a table of the stored columns and types, fixing them on the first call. */
  private Table toTable(Dataset ds, List<String> args, int n) {
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
    if (columns == null) {
      List<String> cols = new ArrayList<>(args);
      cols.addAll(allFailed ? runner.vars() : outs);
      if (allFailed && runner.vars().isEmpty()) {
        throw new IllegalStateException("every run failed, so the outputs of " + runner.function()
            + " are unknown; nothing was stored");
      }
      columns = cols;
    } else if (allFailed ? !columns.subList(0, args.size()).equals(args) : !columns.equals(produced)) {
      throw new IllegalArgumentException("this call gives the columns " + produced + " but the sampler holds "
          + columns + (file == null ? "" : " (in " + file.getFileName() + ")"));
    }
    if (types == null) {
      List<DType> ts = new ArrayList<>();
      for (String c : columns) ts.add(ds.variables().containsKey(c) ? ds.variable(c).type() : DType.DOUBLE);
      types = ts;
    }
    List<tech.tablesaw.columns.Column<?>> cols = new ArrayList<>();
    for (int c = 0; c < columns.size(); c++) {
      String col = columns.get(c);
      DType stored = types.get(c);
      if (!ds.variables().containsKey(col)) {
        cols.add(Tables.missing(col, stored, n));
        continue;
      }
      Variable v = ds.variable(col);
      checkFits(col, stored, v.type(), c >= args.size());
      cols.add(Tables.column(v, stored));
    }
    return Table.create(name, cols);
  }

  /** Refuses values of a type the column cannot take without loss. */
  private void checkFits(String col, DType stored, DType given, boolean output) {
    if (given == stored || DType.common(given, stored) == stored) return;
    throw new IllegalArgumentException("column '" + col + "' is " + stored
        + (file == null ? "" : " in " + file.getFileName()) + " but this call gives " + given + " values"
        + (output ? " (runs that failed leave NaN, which an integer column cannot hold); declare the output's"
            + " type with Runner.Builder.type(\"" + col + "\", DType." + given.name() + ")"
            : "; a column keeps its type: draw " + stored + " values for '" + col + "'"));
  }

  /** {@return a copy of every sample held: the file's rows when the sampler was built, then every call's} */
  public synchronized Table fullTable() {
    return Tables.copy(full);
  }

  /**
   * {@return a copy of the samples of the latest call in this session; an empty table before the
   * first call}
   */
  public synchronized Table lastTable() {
    return Tables.copy(last);
  }

  /**
   * Every sample held as a dataset over one unlabelled dimension {@value #DIM}, one variable per column
   * (an empty string becomes a missing string): what a NetCDF file stores for xarray users.
   *
   * @return the dataset
   */
  public synchronized Dataset fullDataset() {
    return Tables.dataset(full, DIM);
  }

  /**
   * Writes every sample held to a NetCDF file, {@link #fullDataset()} over the dimension {@value #DIM},
   * which xarray opens with {@code xr.open_dataset(path)} (and pandas users turn into a frame with
   * {@code .to_dataframe()}). The write is atomic; see {@link Netcdf#write(Dataset, Path)}.
   *
   * @param path the NetCDF file, replaced if it exists; its directory must exist
   * @throws UncheckedIOException if the file cannot be written
   * @throws IllegalArgumentException if NetCDF-3 cannot hold a column (see
   *     {@link Netcdf#write(Dataset, Path)})
   */
  public void writeNetcdf(Path path) {
    Netcdf.write(fullDataset(), Objects.requireNonNull(path, "path"));
  }

  /** {@return the CSV file the samples are synced with, as an absolute path; empty without one} */
  public Optional<Path> file() {
    return Optional.ofNullable(file);
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
    return "<sweep.Sampler>\n  " + runner.toString().replace("\n", "\n  ") + "\n  draws: " + defaults
        + (design == Design.INDEPENDENT ? "" : "\n  design: " + design)
        + "\n  sync file --> " + (file == null ? "(none)" : file + " [csv]");
  }

  /** Builds a {@link Sampler}; each setter checks its input at once, {@link #build()} the whole. */
  public static final class Builder {
    private final Runner runner;
    private final Draws defaults;
    private Path file;
    private Path directory;
    private Long seed;
    private Design design = Design.INDEPENDENT;
    private RunOptions options;

    Builder(Runner runner, Draws defaults) {
      this.runner = runner;
      this.defaults = defaults;
    }

    /**
     * Syncs the samples with this CSV file (created by the first call if absent).
     *
     * @param file the CSV file; a relative path resolves against {@link #directory}, if set; its
     *     directory is created by {@link #build()} if missing
     * @return this builder
     */
    public Builder file(Path file) {
      this.file = Objects.requireNonNull(file, "file");
      return this;
    }

    /**
     * Sets the directory a relative file name resolves against, instead of the working directory.
     *
     * @param directory the directory
     * @return this builder
     */
    public Builder directory(Path directory) {
      this.directory = Objects.requireNonNull(directory, "directory");
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
      this.design = Objects.requireNonNull(design, "design");
      return this;
    }

    /**
     * Runs the samples with these options instead of the runner's own.
     *
     * @param options progress, workers and failure handling for the runs
     * @return this builder
     */
    public Builder options(RunOptions options) {
      this.options = Objects.requireNonNull(options, "options");
      return this;
    }

    /**
     * The sampler, loading the file's rows if it exists.
     *
     * @return the sampler
     * @throws IllegalArgumentException if the function's arguments are not what the draws (with the
     *     runner's constants and resources) give, an argument has an output's name, a directory is
     *     given without a file, or the file's columns are not the sampler's
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
      Path resolved = null;
      if (file != null) {
        resolved = file.isAbsolute() || directory == null ? file.toAbsolutePath() : directory.resolve(file).toAbsolutePath();
        try {
          Files.createDirectories(resolved.getParent());
        } catch (IOException e) {
          throw new UncheckedIOException("cannot create the directory of " + resolved, e);
        }
      } else if (directory != null) {
        throw new IllegalArgumentException("directory is set to " + directory + " but there is no file to resolve"
            + " against it; set file(...) too");
      }
      return new Sampler(this, resolved);
    }
  }
}
