package dev.sweep.space;

import dev.sweep.data.Index;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A parameter space to run: every case combined with every combination of the combos (xyzpy's
 * cases mixed with combos). Lazy and deterministic: its size is known up front, and a run's
 * arguments are computed from its number.
 *
 * <p>Runs are numbered case-major: run {@code r} is case {@code r / combos.size()} with combination
 * {@code r % combos.size()}, the last combo varying fastest. Each run fills one cell of the space's
 * result. A space is one of two kinds:
 * <ul>
 *   <li>a grid ({@link #of(Cases, Combos)}): the dimensions are the case arguments (labelled by
 *       their sorted distinct values) followed by the combo parameters (labelled in declared order),
 *       the smallest grid holding every run; cells that no run reaches are missing;
 *   <li>flat ({@link #flat(Cases, String)}): one unlabelled dimension, run {@code r} filling cell
 *       {@code r}, so points may repeat (the rows of a table, the samples of a sampler).
 * </ul>
 */
public abstract sealed class Space permits GridSpace, FlatSpace {
  final Cases cases;
  final Combos combos;
  final List<String> names;
  final long comboSize;
  final Combos.Parameter[] params;

  Space(Cases cases, Combos combos) {
    this.cases = Objects.requireNonNull(cases, "cases");
    this.combos = Objects.requireNonNull(combos, "combos");
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
    this.comboSize = combos.size();
    this.params = combos.parameters().toArray(new Combos.Parameter[0]);
  }

  /**
   * The cases as a flat list of runs along one unlabelled dimension (the rows of a table, the
   * samples of a sampler) instead of a grid: run {@code r} fills cell {@code r}; repeats are allowed.
   *
   * @param cases the runs, in order; at least one
   * @param dim the name of the one dimension
   * @return the flat space, with no coordinates
   * @throws IllegalArgumentException if {@code dim} is also a case argument, or there are no cases
   */
  public static Space flat(Cases cases, String dim) {
    return new FlatSpace(cases, dim);
  }

  /**
   * {@return the space of the combos alone}
   *
   * @param combos the parameters to combine
   * @throws IllegalArgumentException if a parameter stands for stored values
   *     ({@link Combos.Builder#addStored})
   */
  public static Space of(Combos combos) {
    return new GridSpace(Cases.none(), combos);
  }

  /**
   * {@return the space of the cases alone}
   *
   * @param cases the points to run
   * @throws IllegalArgumentException if a case argument's values cannot share a type
   */
  public static Space of(Cases cases) {
    return new GridSpace(cases, Combos.empty());
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
    return new GridSpace(cases, combos);
  }

  /** {@return true for a {@link #flat} space} */
  public abstract boolean isFlat();

  /** {@return the result's dimensions: the parameter names, or the one dimension of a flat space} */
  public abstract List<String> dims();

  /** {@return the number of runs: the cases (1 if none) times the combinations} */
  public final long size() {
    try {
      return Math.multiplyExact(cases.isEmpty() ? 1 : cases.size(), comboSize);
    } catch (ArithmeticException e) {
      throw new IllegalArgumentException(cases.size() + " cases times " + comboSize + " combinations are more than "
          + Long.MAX_VALUE + " runs", e);
    }
  }

  /**
   * {@return the parameter names: the case arguments, then the combos; unmodifiable} Unless the space
   * is flat, these are also the grid's dimensions.
   */
  public final List<String> names() {
    return names;
  }

  /** {@return the labels of each grid dimension, by name in dimension order; empty for a flat space} */
  public abstract Map<String, Index> coords();

  /** {@return the result's size along each dimension, in {@link #dims()} order (a new array)} */
  public abstract long[] shape();

  /**
   * {@return the number of cells of the result; for distinct cases at least {@link #size()}, more
   * where they leave gaps in a grid}
   *
   * @throws ArithmeticException if the number overflows a long
   */
  public abstract long cells();

  /** {@return the cases this space was made of; {@link Cases#none()} for combos alone} */
  public final Cases cases() {
    return cases;
  }

  /** {@return the combos this space was made of; {@link Combos#empty()} for cases alone} */
  public final Combos combos() {
    return combos;
  }

  /**
   * {@return the cell (C-order offset in the result) that run {@code r} fills}
   *
   * @param r the run number, in {@code 0..size() - 1}
   */
  public final long cellOf(long r) {
    return cellOf((int) (r / comboSize), r % comboSize);
  }

  /** The cell of combination {@code comboFlat} of case {@code caseIdx}. */
  abstract long cellOf(int caseIdx, long comboFlat);

  /**
   * {@return the arguments of run {@code r} as an unmodifiable map, by name in {@link #names()} order}
   *
   * @param r the run number, in {@code 0..size() - 1}
   */
  public final Map<String, Object> arguments(long r) {
    Cursor c = cursor();
    c.seek(r);
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < names.size(); i++) m.put(names.get(i), c.value(i));
    return Collections.unmodifiableMap(m);
  }

  /**
   * Checks that no two runs fill the same cell, as a grid of results requires; a flat space allows
   * repeated points, so passes.
   *
   * @throws IllegalArgumentException naming both cases
   */
  public abstract void requireDistinctCases();

  /** {@return a new cursor over the runs, positioned before run 0; not thread-safe, so one per worker} */
  public final Cursor cursor() {
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
        Arrays.fill(pos, 0);
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

    /** {@return the cell (C-order offset in the result) of the current run} */
    public long cell() {
      return cellOf(caseIdx, comboFlat);
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
    return "Space{" + size() + " runs over " + (isFlat() ? dims() : coords()) + "}";
  }
}
