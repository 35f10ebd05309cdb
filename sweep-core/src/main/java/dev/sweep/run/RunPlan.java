package dev.sweep.run;

import dev.sweep.data.DType;
import dev.sweep.data.Dataset;
import dev.sweep.data.Index;
import dev.sweep.data.Column;
import dev.sweep.space.Cases;
import dev.sweep.space.Combos;
import dev.sweep.space.Space;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.LongUnaryOperator;

/**
 * A runner's sweep over a space, planned but not run: the runs are numbered {@code 0..size() - 1}
 * (case-major, the last combo varying fastest), and any range of them can run on its own, here or
 * in another JVM, and be assembled with the others into the dataset a whole sweep gives.
 *
 * <pre>{@code
 * RunPlan plan = runner.plan(Cases.none(), combos);
 * RunBatch first = plan.run(0, 500);            // or in other JVMs, from runner.spec()
 * RunBatch rest = plan.run(500, plan.size());
 * Dataset ds = plan.assemble(List.of(rest, first));   // identical to runner.runCombos(combos)
 * }</pre>
 *
 * <p>Whatever the cut and the order of assembly, the assembled dataset is identical to the one
 * {@link Runner#run(Cases, Combos)} gives, as long as every run's outputs have the same types (declare
 * them with {@link Runner.Builder#type} if a function's first results could differ); runs that no
 * batch holds, or that failed under {@link OnError#CONTINUE}, are missing. For a result that grows
 * batch by batch (a harvest saved as it goes), {@link #assembly()} adds each batch in what the batch
 * costs, and {@link #datasetOf(RunBatch)} gives one batch's own dataset.
 *
 * <p>A plan of points ({@link Runner#planPoints}, {@link #isPoints()}) numbers its points in order and
 * assembles the table {@link Runner#runPoints} gives: a sampler's samples, run anywhere.
 *
 * <p>To run a range in another JVM, rebuild the runner there from {@link Runner#spec()} and the
 * plan from the same cases and combos (or points): the numbering is deterministic. Immutable and
 * thread-safe.
 */
public final class RunPlan {
  private final Runner runner;
  private final Space space;

  RunPlan(Runner runner, Cases cases, Combos combos) {
    this(runner, Space.of(cases, combos));
  }

  /** A plan over a space: a grid of cases and combos, or a flat one of points ({@link Runner#planPoints}). */
  RunPlan(Runner runner, Space space) {
    this.runner = runner;
    this.space = space;
    space.requireDistinctCases();
    Engine.checkArguments(space, runner.function(), runner.fixedArguments());
  }

  /**
   * {@return this plan described as a value that another JVM rebuilds it from, with the same run
   * numbering} See {@link PlanSpec} for what travels.
   *
   * @throws IllegalStateException if the runner cannot be described ({@link Runner#spec()})
   * @throws IllegalArgumentException naming a case or combo value that cannot travel
   */
  public PlanSpec spec() {
    return new PlanSpec(runner.spec(), space.cases(), space.combos(),
        isPoints() ? Optional.of(space.dims().get(0)) : Optional.empty());
  }

  /**
   * {@return the plan the spec describes, its runner with the default options}
   *
   * @param spec the description, from {@link #spec()} here or in another JVM
   * @throws IllegalArgumentException as {@link Runner#fromSpec(RunnerSpec)} and {@link Runner#plan}
   */
  public static RunPlan fromSpec(PlanSpec spec) {
    return fromSpec(spec, Map.of(), RunOptions.defaults());
  }

  /**
   * {@return the plan the spec describes, its runner given the resources the spec names and these options}
   *
   * @param spec the description
   * @param resources the values of the resources the runner's spec names, by name
   * @param options how the runner runs here (they do not travel)
   * @throws IllegalArgumentException as {@link Runner#fromSpec(RunnerSpec, Map)} and {@link Runner#plan}
   */
  public static RunPlan fromSpec(PlanSpec spec, Map<String, ?> resources, RunOptions options) {
    Runner r = Runner.fromSpec(spec.runner(), resources).with(Objects.requireNonNull(options, "options"));
    return spec.points().isPresent() ? r.planPoints(spec.cases(), spec.points().get()) : r.plan(spec.cases(), spec.combos());
  }

  /** {@return the runner this plan runs} */
  public Runner runner() {
    return runner;
  }

  /** {@return the cases the plan was made of (the points of a {@linkplain #isPoints points plan}); {@link Cases#none()} for combos alone} */
  public Cases cases() {
    return space.cases();
  }

  /**
   * {@return true for a plan of points ({@link Runner#planPoints}): run {@code r} is point {@code r},
   * points may repeat, and the dataset is the table {@link Runner#runPoints} gives, over the one
   * dimension {@code dims().get(0)}, rather than a grid}
   */
  public boolean isPoints() {
    return space.isFlat();
  }

  /** {@return the combos the plan was made of; {@link Combos#empty()} for cases alone} */
  public Combos combos() {
    return space.combos();
  }

  /** {@return the number of runs: the cases (1 if none) times the combinations} */
  public long size() {
    return space.size();
  }

  /** {@return the swept dimensions of the dataset: the case arguments, then the combos} */
  public List<String> dims() {
    return space.dims();
  }

  /** {@return the labels of each swept dimension, in {@link #dims()} order} */
  public Map<String, Index> coords() {
    return space.coords();
  }

  /** {@return the dataset's size along each swept dimension (a new array)} */
  public long[] shape() {
    return space.shape();
  }

  /**
   * {@return the swept arguments of a run, by name in {@link #dims()} order}
   *
   * @param run the run number, in {@code 0..size() - 1}
   * @throws IllegalArgumentException if there is no such run
   */
  public Map<String, Object> arguments(long run) {
    checkRange(run, run + 1);
    return space.arguments(run);
  }

  /**
   * Runs the runs {@code from} (inclusive) to {@code to} (exclusive) with the runner's options.
   *
   * @param from the first run, from 0
   * @param to the run after the last, at most {@link #size()}
   * @return their results as plain arrays
   * @throws IllegalArgumentException if the range is not within {@code [0, size())}
   * @throws RunFailedException if a run throws under {@link OnError#STOP}, or a result does not fit
   *     the outputs' description
   * @throws SweepInterruptedException if the thread was interrupted; its {@link
   *     SweepInterruptedException#batch() batch} holds the runs that completed
   */
  public RunBatch run(long from, long to) {
    checkRange(from, to);
    Outputs outputs = Outputs.range(runner, space, from, to);
    Engine.Outcome outcome = Engine.run(space, runner.function(), runner.fixedArguments(), runner.options(), outputs,
        from, to);
    RunBatch batch = outputs.batch(from, to, outcome);
    if (outcome.interrupted()) {
      throw SweepInterruptedException.of("batch [" + from + ", " + to + ")", outcome, to - from, batch, null);
    }
    return batch;
  }

  /** Runs every run straight into the dataset's storage: the path of {@link Runner#run} and {@link Runner#runPoints}. */
  Dataset runAll() {
    Outputs outputs = Outputs.grid(runner, space);
    Engine.Outcome outcome = Engine.run(space, runner.function(), runner.fixedArguments(), runner.options(), outputs);
    Dataset ds = table(outputs.finish(outcome), 0, space.size());
    if (outcome.interrupted()) throw SweepInterruptedException.of("the sweep", outcome, space.size(), null, ds);
    return ds;
  }

  /** The outputs of runs {@code from..to - 1}, with the points' arguments in front for a points plan. */
  private Dataset table(Dataset outputs, long from, long to) {
    if (!space.isFlat()) return outputs;
    return Runner.withArguments(outputs, space, Math.toIntExact(from), Math.toIntExact(to));
  }

  private void checkRange(long from, long to) {
    if (from < 0 || to > space.size() || from > to) {
      throw new IllegalArgumentException("runs [" + from + ", " + to + ") are not within the plan's " + space.size()
          + " runs; expected 0 <= from <= to <= " + space.size());
    }
  }

  /**
   * The dataset of the whole plan from batches, in any order: what {@link Runner#run} gives, with the
   * runs no batch holds missing.
   *
   * @param batches batches of this plan (run here or by a runner rebuilt from this one's spec), of
   *     disjoint ranges
   * @return the dataset over the plan's grid
   * @throws IllegalArgumentException if a batch lies outside the plan, two overlap, or a batch's
   *     outputs differ from another's (names, types, inner dimensions, labels)
   */
  public Dataset assemble(Collection<RunBatch> batches) {
    Assembly a = new Assembly(this);
    for (RunBatch b : batches) a.add(b);
    return a.finish();
  }

  /**
   * {@return a batch's own dataset, on the smallest part of the plan's grid that holds its runs} Along
   * each swept dimension it keeps the labels the batch's runs use, in the plan's order; cells of that
   * part that the batch did not fill (failed runs, or the gaps of a range that is not a block) are
   * missing. It costs what the batch costs, whatever the size of the plan.
   *
   * @param batch a batch of this plan
   * @throws IllegalArgumentException if the batch lies outside the plan
   */
  public Dataset datasetOf(RunBatch batch) {
    checkRange(batch.from(), batch.to());
    int nd = space.dims().size();
    long[] shape = space.shape();
    boolean[][] used = new boolean[nd][];
    for (int d = 0; d < nd; d++) used[d] = new boolean[Math.toIntExact(shape[d])];
    for (long r = batch.from(); r < batch.to(); r++) {
      long cell = space.cellOf(r);
      for (int d = nd - 1; d >= 0; d--) {
        used[d][(int) (cell % shape[d])] = true;
        cell /= shape[d];
      }
    }
    int[][] sub = new int[nd][]; // position in the plan's grid -> position in the part, or -1
    long[] subShape = new long[nd];
    Map<String, Index> subCoords = new LinkedHashMap<>();
    for (int d = 0; d < nd; d++) {
      sub[d] = new int[used[d].length];
      List<Integer> kept = new ArrayList<>();
      for (int p = 0; p < used[d].length; p++) {
        sub[d][p] = used[d][p] ? kept.size() : -1;
        if (used[d][p]) kept.add(p);
      }
      subShape[d] = kept.size();
      String dim = space.dims().get(d);
      Index ix = space.coords().get(dim);
      if (ix != null) subCoords.put(dim, ix.select(kept.stream().mapToInt(Integer::intValue).toArray()));
    }
    LongUnaryOperator cellOf = r -> {
      long cell = space.cellOf(r);
      long out = 0;
      long stride = 1;
      for (int d = nd - 1; d >= 0; d--) {
        out += sub[d][(int) (cell % shape[d])] * stride;
        stride *= subShape[d];
        cell /= shape[d];
      }
      return out;
    };
    Filler f = new Filler(runner, new Outputs.GridShape(space.dims(), subCoords, subShape), cellOf);
    f.add(batch);
    return table(f.dataset(false), batch.from(), batch.to());
  }

  /** {@return an empty assembly of this plan's batches, to add them one by one} */
  public Assembly assembly() {
    return new Assembly(this);
  }

  /**
   * The dataset of a plan assembled batch by batch: each {@link #add} costs what its batch holds, and
   * {@link #dataset()} gives the dataset of the runs added so far, as {@link #assemble} would from
   * the same batches. Thread-safe.
   */
  public static final class Assembly {
    private final RunPlan plan;
    private final Filler filler;
    private final TreeMap<Long, Long> ranges = new TreeMap<>();
    private long runs;

    Assembly(RunPlan plan) {
      this.plan = plan;
      this.filler = new Filler(plan.runner, Outputs.GridShape.of(plan.space), plan.space::cellOf);
    }

    /**
     * Adds a batch's results.
     *
     * @param batch a batch of this plan, disjoint from those added before
     * @return this assembly
     * @throws IllegalArgumentException if the batch lies outside the plan, overlaps one added before,
     *     or its outputs differ from theirs (names, types, inner dimensions, labels); the assembly is
     *     then unchanged
     */
    public synchronized Assembly add(RunBatch batch) {
      Objects.requireNonNull(batch, "batch");
      plan.checkRange(batch.from(), batch.to());
      if (batch.size() > 0) {
        Map.Entry<Long, Long> before = ranges.floorEntry(batch.to() - 1);
        if (before != null && before.getValue() > batch.from()) {
          throw new IllegalArgumentException("batch [" + batch.from() + ", " + batch.to() + ") overlaps batch ["
              + before.getKey() + ", " + before.getValue() + "), which was added before");
        }
      }
      filler.add(batch);
      if (batch.size() > 0) ranges.put(batch.from(), batch.to());
      runs += batch.size();
      return this;
    }

    /** {@return the number of runs in the batches added so far} */
    public synchronized long runs() {
      return runs;
    }

    /**
     * {@return the dataset of the runs added so far, over the plan's whole grid, missing elsewhere} It
     * copies the storage, so later batches do not change it.
     */
    public synchronized Dataset dataset() {
      return plan.table(filler.dataset(true), 0, plan.size());
    }

    /** The dataset, handing it the storage: nothing may be added after. */
    Dataset finish() {
      return plan.table(filler.dataset(false), 0, plan.size());
    }
  }

  /** Batches' values written into columns over a grid, by the cell each run fills. */
  private static final class Filler {
    private final Runner runner;
    private final Outputs.GridShape grid;
    private final LongUnaryOperator cellOf;
    private final long cells;
    private RunBatch model; // the first batch with outputs: the signature later ones must share
    private Column[] columns;
    private boolean[] filled;
    private long filledCount;

    Filler(Runner runner, Outputs.GridShape grid, LongUnaryOperator cellOf) {
      this.runner = runner;
      this.grid = grid;
      this.cellOf = cellOf;
      this.cells = Column.product(grid.shape());
    }

    void add(RunBatch b) {
      if (b.outputs().isEmpty()) return; // no run succeeded: nothing to write
      if (model == null) {
        allocate(b);
      } else {
        checkFits(b);
      }
      long[] failed = b.rawFailedRuns();
      List<RunBatch.Output> outs = b.outputs();
      int f = 0;
      for (long r = b.from(); r < b.to(); r++) {
        if (f < failed.length && failed[f] == r) {
          f++;
          continue;
        }
        long cell = cellOf.applyAsLong(r);
        for (int i = 0; i < outs.size(); i++) {
          RunBatch.Output o = outs.get(i);
          int inner = Math.toIntExact(o.inner());
          copy(o.type(), o.raw(), Math.toIntExact((r - b.from()) * inner), columns[i], cell * inner, inner);
        }
        if (!filled[(int) cell]) {
          filled[(int) cell] = true;
          filledCount++;
        }
      }
    }

    private void allocate(RunBatch b) {
      model = b;
      filled = new boolean[Math.toIntExact(cells)];
      columns = new Column[b.outputs().size()];
      for (int i = 0; i < columns.length; i++) {
        RunBatch.Output o = b.outputs().get(i);
        long[] inner = o.shape();
        long[] full = Arrays.copyOf(grid.shape(), grid.shape().length + inner.length);
        System.arraycopy(inner, 0, full, grid.shape().length, inner.length);
        // Every cell is written by a run or marked missing when the dataset is made.
        columns[i] = Column.allocateUninitialized(o.type(), full);
      }
    }

    private void checkFits(RunBatch b) {
      boolean same = b.outputs().size() == model.outputs().size() && b.innerDims().equals(model.innerDims())
          && RunBatch.attrsEqual(b.rawInnerLabels(), model.rawInnerLabels())
          && RunBatch.attrsEqual(b.attrs(), model.attrs());
      for (int i = 0; same && i < b.outputs().size(); i++) same = b.outputs().get(i).sameSignature(model.outputs().get(i));
      if (!same) {
        throw new IllegalArgumentException("batch [" + b.from() + ", " + b.to() + ") has outputs " + b.outputs()
            + " (labels " + show(b.rawInnerLabels()) + ") unlike batch [" + model.from() + ", " + model.to() + "): "
            + model.outputs() + " (labels " + show(model.rawInnerLabels()) + "); declare the outputs' types with "
            + "Runner.Builder.type so that every batch agrees");
      }
    }

    private static String show(Map<String, Object> labels) {
      Map<String, String> m = new LinkedHashMap<>();
      labels.forEach((d, a) -> m.put(d, labelIndex(a).toString()));
      return m.toString();
    }

    /** The dataset of what was added; {@code copy} leaves the storage free for more batches. */
    Dataset dataset(boolean copy) {
      if (model == null) return Outputs.dataset(runner, grid, null, Map.of(), Map.of(), null);
      boolean[] missing = null;
      if (filledCount < cells) {
        missing = new boolean[filled.length];
        for (int c = 0; c < missing.length; c++) missing[c] = !filled[c];
      }
      List<Outputs.Out> outs = new ArrayList<>();
      for (int i = 0; i < columns.length; i++) {
        RunBatch.Output o = model.outputs().get(i);
        outs.add(new Outputs.Out(o.name(), o.dims(), copy ? columns[i].copy() : columns[i], o.inner(), o.attrs()));
      }
      Map<String, Index> labels = new LinkedHashMap<>();
      for (String d : model.innerDims()) {
        Object a = model.rawInnerLabels().get(d);
        labels.put(d, a == null ? null : labelIndex(a));
      }
      return Outputs.dataset(runner, grid, outs, labels, model.attrs(), missing);
    }

    private static Index labelIndex(Object a) {
      if (a instanceof double[] x) return Index.ofDoubles(x);
      if (a instanceof float[] x) return Index.ofFloats(x);
      if (a instanceof long[] x) return Index.ofLongs(x);
      if (a instanceof int[] x) return Index.ofInts(x);
      if (a instanceof boolean[] x) return Index.ofBooleans(x);
      return Index.ofStrings((String[]) a);
    }

    /** Copies {@code n} values of one run from a batch's array into a column. */
    private static void copy(DType type, Object src, int from, Column dst, long at, int n) {
      switch (type) {
        case COMPLEX128: { // the real and imaginary parts side by side
          double[] a = (double[]) src;
          for (int k = 0; k < n; k++) dst.setComplex(at + k, a[2 * (from + k)], a[2 * (from + k) + 1]);
          break;
        }
        case COMPLEX64: {
          float[] a = (float[]) src;
          for (int k = 0; k < n; k++) dst.setComplex(at + k, a[2 * (from + k)], a[2 * (from + k) + 1]);
          break;
        }
        case DOUBLE: {
          double[] a = (double[]) src;
          for (int k = 0; k < n; k++) dst.setDouble(at + k, a[from + k]);
          break;
        }
        case FLOAT: {
          float[] a = (float[]) src;
          for (int k = 0; k < n; k++) dst.setDouble(at + k, a[from + k]);
          break;
        }
        case LONG: {
          long[] a = (long[]) src;
          for (int k = 0; k < n; k++) dst.setLong(at + k, a[from + k]);
          break;
        }
        case INT: {
          int[] a = (int[]) src;
          for (int k = 0; k < n; k++) dst.setLong(at + k, a[from + k]);
          break;
        }
        case BOOLEAN: {
          boolean[] a = (boolean[]) src;
          for (int k = 0; k < n; k++) dst.setBoolean(at + k, a[from + k]);
          break;
        }
        default: {
          String[] a = (String[]) src;
          for (int k = 0; k < n; k++) dst.setString(at + k, a[from + k]);
        }
      }
    }
  }
}
