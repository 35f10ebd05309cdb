package dev.sweep.run;

import dev.sweep.data.DType;
import dev.sweep.data.Dataset;
import dev.sweep.data.Index;
import dev.sweep.data.Variable;
import dev.sweep.data.Column;
import dev.sweep.space.Space;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Array;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes a {@link Runner}'s results straight into preallocated columns, then assembles the
 * {@link Dataset} (a whole sweep) or the {@link RunBatch} (a range of runs). The first result fixes
 * each output's type and inner shape; later results are written from any thread, by grid cell for a
 * whole sweep and by position in the range for a batch.
 */
final class Outputs implements Engine.Sink {
  private static final Logger LOG = LoggerFactory.getLogger(Outputs.class);

  private final Runner runner;
  private final Space space;
  private final long[] outer; // the slots' shape: the grid's, or the range's length
  private final long rangeFrom; // -1 when slots are grid cells, else the range's first run
  private volatile Layout layout;

  private Outputs(Runner runner, Space space, long[] outer, long rangeFrom) {
    this.runner = runner;
    this.space = space;
    this.outer = outer;
    this.rangeFrom = rangeFrom;
    // Before any run: at least one byte per cell and output, so a hopeless sweep is refused at once.
    long cells = Column.product(outer);
    List<DType> floor = new ArrayList<>();
    for (int i = 0; i < Math.max(1, runner.vars().size()); i++) floor.add(DType.BOOLEAN);
    MemoryBudget.check(describeSweep(space), cells, floor);
  }

  static String describeSweep(Space space) {
    StringBuilder sb = new StringBuilder("the sweep over ");
    List<String> dims = space.dims();
    long[] shape = space.shape();
    for (int d = 0; d < dims.size(); d++) sb.append(d == 0 ? "" : " x ").append(dims.get(d)).append(": ").append(shape[d]);
    if (dims.isEmpty()) sb.append("no dimension");
    return sb.toString();
  }

  /** A sink over the whole grid of the space, for {@link #finish}. */
  Outputs(Runner runner, Space space) {
    this(runner, space, space.shape(), -1);
  }

  /** A sink over the whole grid of the space, for {@link #finish}. */
  static Outputs grid(Runner runner, Space space) {
    return new Outputs(runner, space);
  }

  /** A sink over the runs {@code from..to - 1}, for {@link #batch}. */
  static Outputs range(Runner runner, Space space, long from, long to) {
    return new Outputs(runner, space, new long[] {to - from}, from);
  }

  @Override
  public boolean ready() {
    return layout != null;
  }

  @Override
  public void acceptDouble(long run, long cell, double result) {
    Layout l = layout;
    if (l instanceof Vars v && v.scalarDouble) v.columns[0].setDouble(rangeFrom < 0 ? cell : run - rangeFrom, result);
    else accept(run, cell, result);
  }

  @Override
  public void accept(long run, long cell, Object result) {
    Layout l = layout;
    if (l == null) {
      l = result instanceof Dataset d && runner.vars().isEmpty() ? new Stacked(d) : new Vars(result);
      layout = l;
    }
    l.write(rangeFrom < 0 ? cell : run - rangeFrom, result);
  }

  /** The dataset of a whole sweep, with the cells of failed and never-run runs missing. */
  Dataset finish(Engine.Outcome outcome) {
    Layout l = layout;
    GridShape grid = GridShape.of(space);
    if (l == null) return dataset(runner, grid, null, Map.of(), Map.of(), null);
    return dataset(runner, grid, l.outs(), l.labels(), l.attrs(), missingCells(outcome.failedRuns()));
  }

  /** The results of the runs {@code from..to - 1} as a batch of plain arrays. */
  RunBatch batch(long from, long to, Engine.Outcome outcome) {
    long[] failed = outcome.failedRuns().clone();
    Arrays.sort(failed);
    List<Failure> first = outcome.failures().first();
    Layout l = layout;
    if (l == null) return RunBatch.of(from, to, List.of(), List.of(), Map.of(), Map.of(), failed, first);
    List<RunBatch.Output> outputs = new ArrayList<>();
    for (Out o : l.outs()) {
      long[] shape = o.column().shape();
      outputs.add(new RunBatch.Output(o.name(), o.column().type(), o.innerDims(),
          Arrays.copyOfRange(shape, 1, shape.length), RunBatch.values(o.column()), o.attrs()));
      if (o.column().array() != null) o.column().array().close(); // the off-heap copy is done with
    }
    Map<String, Object> labels = new LinkedHashMap<>();
    l.labels().forEach((d, ix) -> {
      if (ix != null) labels.put(d, ix.toArray());
    });
    return RunBatch.of(from, to, outputs, List.copyOf(l.labels().keySet()), labels, l.attrs(), failed, first);
  }

  /** Which cells no successful run filled, or null if every cell was filled. */
  private boolean[] missingCells(long[] failedRuns) {
    long cells = space.cells();
    if (cells == space.size() && failedRuns.length == 0) return null;
    boolean[] missing = new boolean[Math.toIntExact(cells)];
    Arrays.fill(missing, true);
    for (long r = 0; r < space.size(); r++) missing[(int) space.cellOf(r)] = false;
    for (long r : failedRuns) missing[(int) space.cellOf(r)] = true;
    return missing;
  }

  /** The grid a dataset is assembled on: its dimensions in order, the labelled ones' labels, and sizes. */
  record GridShape(List<String> dims, Map<String, Index> coords, long[] shape) {
    static GridShape of(Space space) {
      return new GridShape(space.dims(), space.coords(), space.shape());
    }
  }

  /** One output's storage over the grid's cells (outermost) and its inner dimensions. */
  record Out(String name, List<String> innerDims, Column column, long inner, Map<String, Object> attrs) {}

  /**
   * The dataset over the grid: its dimensions, then the outputs' labelled inner dimensions in order,
   * then the variables (with missing cells marked), then the attributes: the returned datasets', the
   * constants that label no dimension, and the runner's.
   *
   * @param outs the outputs, or null if no run succeeded
   * @param labels every inner dimension in order, with its labels or null
   * @param missing which cells are missing, or null for none
   */
  static Dataset dataset(Runner runner, GridShape grid, List<Out> outs, Map<String, Index> labels,
      Map<String, Object> layoutAttrs, boolean[] missing) {
    Dataset.Builder b = Dataset.builder();
    for (int d = 0; d < grid.shape().length; d++) {
      String dim = grid.dims().get(d);
      if (grid.coords().containsKey(dim)) b.coord(dim, grid.coords().get(dim));
      else b.dim(dim, Math.toIntExact(grid.shape()[d]));
    }
    Map<String, Object> attrs = new LinkedHashMap<>();
    if (outs == null) {
      LOG.warn("no run succeeded; the dataset has no variables");
    } else {
      labels.forEach((dim, ix) -> {
        if (ix != null) b.coord(dim, ix);
      });
      for (Out o : outs) {
        List<String> vd = new ArrayList<>(grid.dims());
        vd.addAll(o.innerDims());
        Variable v = Variable.of(o.name(), vd, withGaps(o.column(), o.inner(), missing));
        b.variable(o.attrs().isEmpty() ? v : v.withAttrs(o.attrs()));
      }
      attrs.putAll(layoutAttrs);
    }
    Set<String> dims = b.build().sizes().keySet();
    for (Map.Entry<String, Object> c : runner.constants().entrySet()) {
      if (!dims.contains(c.getKey())) attrs.put(c.getKey(), c.getValue());
    }
    attrs.putAll(runner.attrs());
    attrs.forEach(b::attr);
    return b.build();
  }

  /** Marks the missing cells of a column holding {@code inner} elements per cell; integers become float64. */
  static Column withGaps(Column c, long inner, boolean[] missing) {
    if (missing == null) return c;
    Column out = c.type().hasMissing() ? c : c.convert(DType.DOUBLE);
    for (int cell = 0; cell < missing.length; cell++) {
      if (!missing[cell]) continue;
      long base = cell * inner;
      for (long k = 0; k < inner; k++) out.setMissing(base + k);
    }
    return out;
  }

  private abstract class Layout {
    /** Writes one run's result at a slot: its grid cell, or its position in the range. */
    abstract void write(long slot, Object result);

    /** Every inner dimension in order, with its labels or null. */
    abstract Map<String, Index> labels();

    abstract List<Out> outs();

    Map<String, Object> attrs() {
      return Map.of();
    }
  }

  /** Outputs described by name: one column per variable. */
  private final class Vars extends Layout {
    final String[] names;
    final Column[] columns;
    final long[] inner; // elements per cell
    final List<List<String>> dims = new ArrayList<>();
    final Map<String, Index> labels = new LinkedHashMap<>();
    final MethodHandle[] components; // record accessors, or null
    final boolean byKey; // the runs return maps from output name to value
    final boolean primitiveTuple;
    final boolean scalarDouble; // one float64 output without inner dimensions

    Vars(Object first) {
      List<String> ns = new ArrayList<>(runner.vars());
      Map<String, List<String>> declaredDims = new LinkedHashMap<>(runner.varDims());
      MethodHandle[] comps = null;
      if (first != null && first.getClass().isRecord()) {
        RecordComponent[] rc = first.getClass().getRecordComponents();
        List<String> compNames = new ArrayList<>();
        for (RecordComponent c : rc) compNames.add(c.getName());
        if (!ns.isEmpty() && !ns.equals(compNames)) {
          throw new IllegalArgumentException("the run returned a " + first.getClass().getSimpleName()
              + " with components " + compNames + ", but the runner's vars are " + ns);
        }
        ns = compNames;
        comps = new MethodHandle[rc.length];
        for (int i = 0; i < rc.length; i++) {
          Dims d = rc[i].getAnnotation(Dims.class);
          if (d != null && !declaredDims.containsKey(rc[i].getName())) declaredDims.put(rc[i].getName(), List.of(d.value()));
          try {
            rc[i].getAccessor().setAccessible(true);
            comps[i] = MethodHandles.lookup().unreflect(rc[i].getAccessor())
                .asType(MethodType.methodType(Object.class, Object.class));
          } catch (IllegalAccessException e) {
            throw new IllegalArgumentException("cannot read component '" + rc[i].getName() + "' of "
                + first.getClass().getName() + ": " + e.getMessage(), e);
          }
        }
      } else if (first instanceof Map<?, ?> m) {
        if (ns.isEmpty()) {
          // like a record: one output per key, in the map's order when it has one (as Cases.ofMaps)
          for (Object k : m.keySet()) ns.add(String.valueOf(k));
          if (!(m instanceof LinkedHashMap<?, ?>) && !(m instanceof java.util.SortedMap<?, ?>)) Collections.sort(ns);
        }
      } else if (ns.isEmpty()) {
        throw new IllegalArgumentException("the run returned " + describe(first) + "; name the outputs with "
            + "Runner.builder(fn).vars(...), or return a record, a map or a Dataset");
      }
      this.byKey = comps == null && first instanceof Map<?, ?>;
      this.names = ns.toArray(new String[0]);
      this.components = comps;
      this.columns = new Column[names.length];
      this.inner = new long[names.length];
      boolean allFloating = true;
      Map<String, Long> sizes = new LinkedHashMap<>();
      Map<String, Index> known = new LinkedHashMap<>();
      for (Map.Entry<String, Object> e : runner.constants().entrySet()) {
        if (declaredDims.values().stream().anyMatch(l -> l.contains(e.getKey()))) {
          known.put(e.getKey(), constantLabels(e.getKey(), e.getValue()));
        }
      }
      known.putAll(runner.coords());
      known.forEach((d, ix) -> sizes.put(d, (long) ix.size()));
      for (int i = 0; i < names.length; i++) {
        Object v = part(first, i);
        List<String> vd = declaredDims.getOrDefault(names[i], List.of());
        for (String d : vd) {
          if (space.names().contains(d)) {
            throw new IllegalArgumentException("output '" + names[i] + "' has inner dimension '" + d
                + "', which is also a swept parameter");
          }
        }
        long[] shape = shapeOf(v);
        if (shape.length != vd.size()) {
          throw new IllegalArgumentException("output '" + names[i] + "' has inner dimensions " + vd + " but the first run returned " + describe(v) + " of shape " + Arrays.toString(shape));
        }
        for (int d = 0; d < shape.length; d++) {
          Long size = sizes.putIfAbsent(vd.get(d), shape[d]);
          if (size != null && size != shape[d]) {
            throw new IllegalArgumentException("output '" + names[i] + "' has " + shape[d] + " values along '"
                + vd.get(d) + "', but that dimension has size " + size);
          }
        }
        DType t = runner.types().containsKey(names[i]) ? runner.types().get(names[i]) : typeOf(names[i], v);
        long[] full = Arrays.copyOf(outer, outer.length + shape.length);
        System.arraycopy(shape, 0, full, outer.length, shape.length);
        MemoryBudget.check("output '" + names[i] + "' of " + describeSweep(space), Column.product(full), List.of(t));
        // Every cell is written by a run or marked missing at the end, so no zero-fill is needed.
        columns[i] = Column.allocateUninitialized(t, full);
        inner[i] = Column.product(shape);
        allFloating &= t == DType.DOUBLE && inner[i] == 1;
        dims.add(vd);
      }
      for (List<String> vd : dims) {
        for (String d : vd) labels.putIfAbsent(d, known.get(d));
      }
      this.primitiveTuple = allFloating && comps == null && names.length > 1 && first instanceof double[];
      this.scalarDouble = names.length == 1 && comps == null && !byKey && allFloating;
    }

    private Object part(Object result, int i) {
      if (components != null) {
        try {
          return components[i].invokeExact(result);
        } catch (Throwable t) {
          throw new IllegalStateException("cannot read component '" + names[i] + "': " + t, t);
        }
      }
      if (byKey) {
        if (!(result instanceof Map<?, ?> m) || !m.containsKey(names[i]) || m.size() != names.length) {
          throw new IllegalArgumentException("the runner's outputs are " + Arrays.toString(names)
              + ", the keys of the first run's map, but this run returned " + describe(result));
        }
        return m.get(names[i]);
      }
      if (names.length == 1) return result;
      if (result instanceof Object[] a) return checkedLength(a.length, result) ? a[i] : null;
      if (result instanceof List<?> l) return checkedLength(l.size(), result) ? l.get(i) : null;
      if (result != null && result.getClass().isArray()) {
        checkedLength(Array.getLength(result), result);
        return Array.get(result, i);
      }
      throw new IllegalArgumentException("the runner has " + names.length + " outputs " + Arrays.toString(names)
          + " but the run returned " + describe(result) + "; return an Object[], a list or a record");
    }

    private boolean checkedLength(int n, Object result) {
      if (n != names.length) {
        throw new IllegalArgumentException("the runner has " + names.length + " outputs " + Arrays.toString(names)
            + " but the run returned " + n + " values: " + describe(result));
      }
      return true;
    }

    @Override
    void write(long cell, Object result) { // cell: the slot
      if (primitiveTuple && result instanceof double[] a && a.length == names.length) {
        for (int i = 0; i < a.length; i++) columns[i].setDouble(cell, a[i]);
        return;
      }
      if (components == null && !byKey && names.length > 1 && result != null && !(result instanceof Object[])
          && !(result instanceof List<?>) && !result.getClass().isArray()) {
        part(result, 0); // throws with the expected shape
      }
      for (int i = 0; i < names.length; i++) {
        Object v = part(result, i);
        long n = inner[i];
        Column c = columns[i];
        if (n == 1 && !(v != null && (v.getClass().isArray() || v instanceof List<?> || v instanceof INDArray))) {
          store(c, cell, v, names[i]);
        } else {
          long wrote = flatten(v, c, cell * n, 0, n, names[i]);
          if (wrote != n) {
            throw new IllegalArgumentException("output '" + names[i] + "' should have " + n + " values per run "
                + "(inner dimensions " + dims.get(i) + "), got " + wrote);
          }
        }
      }
    }

    @Override
    Map<String, Index> labels() {
      return labels;
    }

    @Override
    List<Out> outs() {
      List<Out> out = new ArrayList<>();
      for (int i = 0; i < names.length; i++) out.add(new Out(names[i], dims.get(i), columns[i], inner[i], Map.of()));
      return out;
    }
  }

  /** Outputs that are datasets themselves, stacked over the sweep's dimensions. */
  private final class Stacked extends Layout {
    final Dataset first;
    final String[] names;
    final Column[] columns;
    final long[] inner;

    Stacked(Dataset first) {
      this.first = first;
      this.names = first.variables().keySet().toArray(new String[0]);
      this.columns = new Column[names.length];
      this.inner = new long[names.length];
      for (int i = 0; i < names.length; i++) {
        Variable v = first.variable(names[i]);
        for (String d : v.dims()) {
          if (space.names().contains(d)) {
            throw new IllegalArgumentException("variable '" + names[i] + "' of the returned dataset has dimension '"
                + d + "', which is also a swept parameter");
          }
        }
        long[] shape = v.shape();
        long[] full = Arrays.copyOf(outer, outer.length + shape.length);
        System.arraycopy(shape, 0, full, outer.length, shape.length);
        MemoryBudget.check("variable '" + names[i] + "' of " + describeSweep(space), Column.product(full), List.of(v.type()));
        columns[i] = Column.allocateUninitialized(v.type(), full);
        inner[i] = v.size();
      }
    }

    @Override
    void write(long cell, Object result) {
      if (!(result instanceof Dataset d)) {
        throw new IllegalArgumentException("the first run returned a Dataset, this one " + describe(result));
      }
      if (!d.sizes().equals(first.sizes()) || !d.variables().keySet().equals(first.variables().keySet())) {
        throw new IllegalArgumentException("the run returned a dataset with dimensions " + d.sizes() + " and variables "
            + d.variables().keySet() + ", unlike the first run's " + first.sizes() + " and " + first.variables().keySet());
      }
      if (!d.coords().equals(first.coords())) {
        throw new IllegalArgumentException("the run returned a dataset labelled " + d.coords()
            + ", unlike the first run's " + first.coords());
      }
      for (int i = 0; i < names.length; i++) {
        Column src = d.variable(names[i]).column();
        DType into = columns[i].type();
        boolean widens = (into.isFloating() && src.type().isNumeric() && !src.type().isComplex())
            || (into.isComplex() && src.type().isNumeric());
        if (src.type() != into && !widens) {
          throw new IllegalArgumentException("variable '" + names[i] + "' is " + src.type() + " in this run, "
              + columns[i].type() + " in the first");
        }
        long base = cell * inner[i];
        for (long k = 0; k < inner[i]; k++) src.copyTo(k, columns[i], base + k);
      }
    }

    @Override
    Map<String, Index> labels() {
      Map<String, Index> m = new LinkedHashMap<>();
      for (String d : first.sizes().keySet()) m.put(d, first.coords().get(d));
      return m;
    }

    @Override
    List<Out> outs() {
      List<Out> out = new ArrayList<>();
      for (int i = 0; i < names.length; i++) {
        Variable v = first.variable(names[i]);
        out.add(new Out(names[i], v.dims(), columns[i], inner[i], v.attrs()));
      }
      return out;
    }

    @Override
    Map<String, Object> attrs() {
      return first.attrs();
    }
  }

  private static void store(Column c, long i, Object v, String name) {
    if (v instanceof Double d && c.type().isFloating()) {
      c.setDouble(i, d);
    } else if (v == null) {
      if (c.type().hasMissing()) c.setMissing(i);
      else throw new IllegalArgumentException("output '" + name + "' is " + c.type() + " and the run returned null");
    } else {
      try {
        c.set(i, v);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("output '" + name + "': " + e.getMessage(), e);
      }
    }
  }

  /** Writes the leaves of a (nested) array, list or INDArray in C order; returns how many. */
  private static long flatten(Object v, Column c, long base, long k, long max, String name) {
    if (v instanceof double[] a) {
      if (k + a.length > max) return k + a.length;
      if (c.type().isFloating()) c.setDoubles(base + k, a);
      else for (int j = 0; j < a.length; j++) c.set(base + k + j, a[j]);
      return k + a.length;
    }
    if (v instanceof INDArray a) {
      INDArray flat = a.ravel();
      long n = flat.length();
      if (k + n > max) return k + n;
      for (long j = 0; j < n; j++) c.setDouble(base + k + j, flat.getDouble(j));
      return k + n;
    }
    if (v instanceof List<?> l) {
      for (Object o : l) k = flatten(o, c, base, k, max, name);
      return k;
    }
    if (v != null && v.getClass().isArray()) {
      int n = Array.getLength(v);
      for (int j = 0; j < n; j++) k = flatten(Array.get(v, j), c, base, k, max, name);
      return k;
    }
    if (k < max) store(c, base + k, v, name);
    return k + 1;
  }

  private static long[] shapeOf(Object v) {
    if (v instanceof INDArray a) return a.shape();
    if (v instanceof List<?> l) {
      long[] rest = l.isEmpty() ? new long[0] : shapeOf(l.get(0));
      return prepend(l.size(), rest);
    }
    if (v != null && v.getClass().isArray()) {
      int n = Array.getLength(v);
      long[] rest = n == 0 || v.getClass().getComponentType().isPrimitive() ? new long[0] : shapeOf(Array.get(v, 0));
      return prepend(n, rest);
    }
    return new long[0];
  }

  private static long[] prepend(long n, long[] rest) {
    long[] s = new long[rest.length + 1];
    s[0] = n;
    System.arraycopy(rest, 0, s, 1, rest.length);
    return s;
  }

  private static DType typeOf(String name, Object v) {
    if (v instanceof INDArray a) return DType.of(a.dataType());
    if (v instanceof List<?> l) return l.isEmpty() ? DType.DOUBLE : typeOf(name, l.get(0));
    if (v != null && v.getClass().isArray()) {
      Class<?> c = v.getClass().getComponentType();
      if (c == double.class) return DType.DOUBLE;
      if (c == float.class) return DType.FLOAT;
      if (c == long.class) return DType.LONG;
      if (c == int.class || c == short.class || c == byte.class) return DType.INT;
      if (c == boolean.class) return DType.BOOLEAN;
      return Array.getLength(v) == 0 ? DType.DOUBLE : typeOf(name, Array.get(v, 0));
    }
    if (v == null) return DType.DOUBLE;
    DType t = DType.of(v);
    if (t == null) {
      throw new IllegalArgumentException("output '" + name + "' is a " + v.getClass().getName()
          + "; outputs are numbers, complex numbers (org.apache.commons.math3.complex.Complex), booleans, strings, "
          + "enums, arrays or lists of those, records or Datasets");
    }
    return t;
  }

  private static Index constantLabels(String name, Object value) {
    try {
      if (value instanceof double[] a) return Index.ofDoubles(a);
      if (value instanceof int[] a) return Index.ofInts(a);
      if (value instanceof long[] a) return Index.ofLongs(a);
      if (value instanceof float[] a) return Index.ofFloats(a);
      if (value instanceof String[] a) return Index.ofStrings(a);
      if (value instanceof List<?> l) return Index.of(l);
      if (value instanceof Object[] a) return Index.of(a);
      if (value instanceof Index ix) return ix;
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("constant '" + name + "' names a dimension but cannot label it: "
          + e.getMessage(), e);
    }
    throw new IllegalArgumentException("constant '" + name + "' names a dimension, so it must be an array or list"
        + " of labels; got " + describe(value));
  }

  private static String describe(Object v) {
    if (v == null) return "null";
    if (v.getClass().isArray()) return v.getClass().getSimpleName() + " of length " + Array.getLength(v);
    return v.getClass().getSimpleName() + " " + v;
  }
}
