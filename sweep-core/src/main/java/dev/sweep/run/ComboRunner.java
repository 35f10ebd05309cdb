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

  /**
   * {@return a runner of the function with the default options and no constants}
   *
   * @param fn the function to run
   */
  public static ComboRunner of(RunFunction fn) {
    return new ComboRunner(fn, RunOptions.defaults(), Map.of());
  }

  /**
   * {@return a runner like this one with other options; this one is unchanged}
   *
   * @param options progress, workers, order and failure handling for every run
   */
  public ComboRunner with(RunOptions options) {
    return new ComboRunner(fn, Objects.requireNonNull(options, "options"), constants);
  }

  /**
   * {@return a runner like this one that also passes the constant to every run; this one is unchanged}
   * A constant of the same name is replaced.
   *
   * @param name the argument name
   * @param value the value every run receives
   */
  public ComboRunner withConstant(String name, Object value) {
    Map<String, Object> c = new LinkedHashMap<>(constants);
    c.put(name, Objects.requireNonNull(value, "value"));
    return new ComboRunner(fn, options, c);
  }

  /**
   * Runs every combination.
   *
   * @param combos the parameters to combine
   * @return the results on the grid of the combos
   * @throws RunFailedException if a run throws under {@link OnError#STOP}
   * @throws SweepInterruptedException if the thread is interrupted; the results are dropped
   * @throws IllegalArgumentException if the function declares arguments other than those given
   */
  public Grid run(Combos combos) {
    return run(Cases.none(), combos);
  }

  /**
   * Runs every combination for every case. The grid is the smallest holding every run: case
   * arguments (by sorted distinct values), then combos; cells no run reaches are missing.
   *
   * @param cases the points to run
   * @param combos the parameters combined with each case
   * @return the results on the grid
   * @throws RunFailedException if a run throws under {@link OnError#STOP}
   * @throws SweepInterruptedException if the thread is interrupted; the results are dropped
   * @throws IllegalArgumentException if two cases are the same point, a parameter is both a case
   *     argument and a combo, or the function declares arguments other than those given
   */
  public Grid run(Cases cases, Combos combos) {
    Space space = Space.of(cases, combos);
    space.requireDistinctCases();
    Object[] cells = new Object[Math.toIntExact(space.cells())];
    Engine.Outcome out = Engine.run(space, fn, constants, options, (run, cell, result) -> cells[(int) cell] = result);
    if (out.interrupted()) throw SweepInterruptedException.of("the sweep", out, space.size(), null, null);
    return new Grid(space.names(), space.coords(), space.shape(), cells, out.failures());
  }
}
