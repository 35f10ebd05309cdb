package dev.sweep.run;

import dev.sweep.space.Cases;
import dev.sweep.space.Combos;
import dev.sweep.space.Space;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Runs a function over the outer product of combos (optionally for every case) and returns the raw
 * results on the grid: xyzpy's {@code combo_runner}. For labelled output use {@link Runner}.
 *
 * <pre>{@code
 * Grid g = ComboRunner.of(args -> args.getInt("a") * args.getDouble("x")).run(combos);
 * }</pre>
 *
 * <p>Immutable: the {@code with...} methods return a new runner.
 */
public final class ComboRunner {
  private final RunFunction fn;
  private final RunOptions options;
  private final Map<String, Object> constants;

  private ComboRunner(RunFunction fn, RunOptions options, Map<String, Object> constants) {
    this.fn = Objects.requireNonNull(fn, "fn");
    this.options = options;
    this.constants = Map.copyOf(constants);
  }

  public static ComboRunner of(RunFunction fn) {
    return new ComboRunner(fn, RunOptions.defaults(), Map.of());
  }

  /** This runner with other options. */
  public ComboRunner with(RunOptions options) {
    return new ComboRunner(fn, Objects.requireNonNull(options, "options"), constants);
  }

  /** This runner passing the given constant to every run as well. */
  public ComboRunner withConstant(String name, Object value) {
    Map<String, Object> c = new LinkedHashMap<>(constants);
    c.put(name, Objects.requireNonNull(value, "value"));
    return new ComboRunner(fn, options, c);
  }

  /** Runs every combination. */
  public Grid run(Combos combos) {
    return run(Cases.none(), combos);
  }

  /**
   * Runs every combination for every case. The grid is the smallest holding every run: case
   * arguments (by sorted distinct values), then combos; cells no run reaches are missing.
   */
  public Grid run(Cases cases, Combos combos) {
    Space space = Space.of(cases, combos);
    space.requireDistinctCases();
    Object[] cells = new Object[Math.toIntExact(space.cells())];
    Engine.Outcome out = Engine.run(space, fn, constants, options, (run, cell, result) -> cells[(int) cell] = result);
    return new Grid(space.names(), space.coords(), space.shape(), cells, out.failures());
  }
}
