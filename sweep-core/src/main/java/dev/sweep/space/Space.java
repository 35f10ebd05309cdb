package dev.sweep.space;

import dev.sweep.data.Index;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A parameter space to run: every case combined with every combination of the combos (xyzpy's
 * cases mixed with combos). Lazy: a run's arguments are computed from its number.
 *
 * <p>Runs are numbered case-major: run {@code r} is case {@code r / combos.size()} with combination
 * {@code r % combos.size()}, the last combo varying fastest. The results form a grid whose
 * dimensions are the case arguments (labelled by their sorted distinct values) followed by the combo
 * parameters (labelled in declared order): the smallest grid holding every run. Cells of that grid
 * that no run reaches are missing.
 */
public final class Space {
  private final Cases cases;
  private final Combos combos;
  private final List<String> names;
  private final Map<String, Index> coords;
  private final long[] shape;
  private final long comboSize;
  private final long[] caseCell; // grid offset of each case's block of combinations
  private final Combos.Parameter[] params;
  private final String flatDim; // non-null for a flat list of runs along one dimension

  private Space(Cases cases, Combos combos) {
    this(cases, combos, null);
  }

  private Space(Cases cases, Combos combos, String flatDim) {
    this.cases = cases;
    this.combos = combos;
    this.flatDim = flatDim;
    if (!combos.storedNames().isEmpty()) {
      throw new IllegalArgumentException("parameters " + combos.storedNames() + " stand for the values already "
          + "stored; only a Harvester can resolve them");
    }
    List<String> ns = new ArrayList<>(cases.names());
    for (String n : combos.names()) {
      if (cases.names().contains(n)) {
        throw new IllegalArgumentException("parameter '" + n + "' is given both as a case argument and as a combo "
            + combos.parameter(n).labels() + "; give it in one place only");
      }
      ns.add(n);
    }
    this.names = List.copyOf(ns);
    Map<String, Index> cs = new LinkedHashMap<>();
    if (flatDim != null) {
      // A flat space is a list of runs: no grid, so no labels or cell offsets to compute.
      this.coords = Map.of();
      this.shape = new long[0];
      this.comboSize = combos.size();
      this.params = combos.parameters().toArray(new Combos.Parameter[0]);
      this.caseCell = null;
      return;
    }
    for (String n : cases.names()) {
      Object[] column = new Object[cases.size()];
      for (int c = 0; c < column.length; c++) column[c] = cases.value(c, n);
      cs.put(n, distinctSorted(n, column));
    }
    for (Combos.Parameter p : combos.parameters()) cs.put(p.name(), p.labels());
    this.coords = flatDim == null ? Collections.unmodifiableMap(cs) : Map.of();
    this.shape = new long[ns.size()];
    for (int d = 0; d < shape.length; d++) shape[d] = cs.get(ns.get(d)).size();
    this.comboSize = combos.size();
    this.params = combos.parameters().toArray(new Combos.Parameter[0]);
    int nc = cases.isEmpty() ? 1 : cases.size();
    this.caseCell = new long[nc];
    if (!cases.isEmpty()) {
      int k = cases.names().size();
      for (int c = 0; c < nc; c++) {
        long off = 0;
        for (int d = 0; d < k; d++) {
          off = off * shape[d] + cs.get(ns.get(d)).indexOf(cases.value(c, ns.get(d)));
        }
        caseCell[c] = off * comboSize;
      }
    }
  }

  private static Index distinctSorted(String name, Object[] values) {
    Map<Object, Object> seen = new LinkedHashMap<>();
    for (Object v : values) seen.putIfAbsent(v instanceof Enum<?> e ? e.name() : v, v);
    try {
      return Index.of(seen.keySet()).sorted();
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("case argument '" + name + "': " + e.getMessage()
          + "; its values must share one type (int, long, double, String, boolean or one enum)", e);
    }
  }

  /**
   * The cases as a flat list of runs along one unlabelled dimension (the rows of a table, the
   * samples of a sampler) instead of a grid: run {@code r} fills cell {@code r}; repeats are allowed.
   *
   * @param cases the runs, in order
   * @param dim the name of the one dimension
   * @return the flat space, with no coordinates
   * @throws IllegalArgumentException if {@code dim} is also a case argument
   */
  public static Space flat(Cases cases, String dim) {
    if (cases.names().contains(dim)) {
      throw new IllegalArgumentException("the flat dimension '" + dim + "' is also a case argument");
    }
    if (cases.isEmpty()) {
      throw new IllegalArgumentException("no points to run along '" + dim + "'; expected at least one");
    }
    return new Space(cases, Combos.empty(), java.util.Objects.requireNonNull(dim, "dim"));
  }

  /** {@return true for a {@link #flat} space} */
  public boolean isFlat() {
    return flatDim != null;
  }

  /** {@return the grid's dimensions: the parameter names, or the one dimension of a flat space} */
  public List<String> dims() {
    return flatDim == null ? names : List.of(flatDim);
  }

  /**
   * {@return the space of the combos alone}
   *
   * @param combos the parameters to combine
   * @throws IllegalArgumentException if a parameter stands for stored values
   *     ({@link Combos.Builder#addStored})
   */
  public static Space of(Combos combos) {
    return new Space(Cases.none(), combos);
  }

  /**
   * {@return the space of the cases alone}
   *
   * @param cases the points to run
   * @throws IllegalArgumentException if a case argument's values cannot share a type
   */
  public static Space of(Cases cases) {
    return new Space(cases, Combos.empty());
  }

  /**
   * Every case combined with every combination of the combos.
   *
   * @param cases the points to run, or {@link Cases#none()}
   * @param combos the parameters combined with each case, or {@link Combos#empty()}
   * @return the space, case-major
   * @throws IllegalArgumentException if a parameter is both a case argument and a combo, stands for
   *     stored values, or a case argument's values cannot share a type
   */
  public static Space of(Cases cases, Combos combos) {
    return new Space(cases, combos);
  }

  /** {@return the number of runs: the cases (1 if none) times the combinations} */
  public long size() {
    return Math.multiplyExact(cases.isEmpty() ? 1 : cases.size(), comboSize);
  }

  /**
   * {@return the parameter names: the case arguments, then the combos; unmodifiable} Unless the space
   * is flat, these are also the grid's dimensions.
   */
  public List<String> names() {
    return names;
  }

  /** {@return the labels of each grid dimension, by name in dimension order; empty for a flat space} */
  public Map<String, Index> coords() {
    return coords;
  }

  /** {@return the grid's size along each dimension, in {@link #dims()} order (a new array)} */
  public long[] shape() {
    return flatDim == null ? shape.clone() : new long[] {size()};
  }

  /**
   * {@return the number of grid cells; for distinct cases at least {@link #size()}, more where they
   * leave gaps}
   *
   * @throws ArithmeticException if the number overflows a long
   */
  public long cells() {
    if (flatDim != null) return size();
    long n = 1;
    for (long s : shape) n = Math.multiplyExact(n, s);
    return n;
  }

  /** {@return the cases this space was made of; {@link Cases#none()} for combos alone} */
  public Cases cases() {
    return cases;
  }

  /** {@return the combos this space was made of; {@link Combos#empty()} for cases alone} */
  public Combos combos() {
    return combos;
  }

  /**
   * {@return the grid cell (C-order offset) that run {@code r} fills}
   *
   * @param r the run number, in {@code 0..size() - 1}
   */
  public long cellOf(long r) {
    if (flatDim != null) return r;
    return caseCell[(int) (r / comboSize)] + r % comboSize;
  }

  /**
   * {@return the arguments of run {@code r} as an unmodifiable map, by name in {@link #names()} order}
   *
   * @param r the run number, in {@code 0..size() - 1}
   */
  public Map<String, Object> arguments(long r) {
    Cursor c = cursor();
    c.seek(r);
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < names.size(); i++) m.put(names.get(i), c.value(i));
    return Collections.unmodifiableMap(m);
  }

  /**
   * Checks that no two cases are the same point, as a grid of results requires.
   *
   * @throws IllegalArgumentException naming both cases
   */
  public void requireDistinctCases() {
    if (flatDim != null) return;
    Map<Long, Integer> seen = new HashMap<>();
    for (int c = 0; c < caseCell.length && !cases.isEmpty(); c++) {
      Integer before = seen.putIfAbsent(caseCell[c], c);
      if (before != null) {
        throw new IllegalArgumentException("case " + c + " " + cases.get(c) + " repeats case " + before
            + "; a grid of results holds each point once");
      }
    }
  }

  /** {@return a new cursor over the runs, positioned before run 0; not thread-safe, so one per worker} */
  public Cursor cursor() {
    return new Cursor();
  }

  /** Walks runs in order or jumps to any run; reads the current run's argument values without allocating. */
  public final class Cursor {
    private final int[] pos = new int[params.length];
    private final int nCase = cases.names().size();
    private long run = -1;
    private int caseIdx;
    private long comboFlat;

    Cursor() {}

    /**
     * Moves to run {@code r}.
     *
     * @param r the run number, in {@code 0..size() - 1}
     */
    public void seek(long r) {
      run = r;
      caseIdx = (int) (r / comboSize);
      comboFlat = r % comboSize;
      long rest = comboFlat;
      for (int d = params.length - 1; d >= 0; d--) {
        int s = params[d].size();
        pos[d] = (int) (rest % s);
        rest /= s;
      }
    }

    /** Moves to the next run, or to run 0 from the start position. */
    public void advance() {
      if (run < 0) {
        seek(0);
        return;
      }
      run++;
      if (++comboFlat == comboSize) {
        comboFlat = 0;
        caseIdx++;
        java.util.Arrays.fill(pos, 0);
        return;
      }
      for (int d = params.length - 1; d >= 0; d--) {
        if (++pos[d] < params[d].size()) return;
        pos[d] = 0;
      }
    }

    /** {@return the current run number; -1 before the first move} */
    public long run() {
      return run;
    }

    /** {@return the grid cell (C-order offset) of the current run} */
    public long cell() {
      if (flatDim != null) return run;
      return caseCell[caseIdx] + comboFlat;
    }

    /**
     * {@return the value of parameter {@code i} for the current run, as given (an enum stays an enum)}
     *
     * @param i the parameter's position in {@link #names()}
     */
    public Object value(int i) {
      return i < nCase ? cases.row(caseIdx)[i] : params[i - nCase].value(pos[i - nCase]);
    }
  }

  @Override
  public String toString() {
    return "Space{" + size() + " runs over " + coords + "}";
  }
}
