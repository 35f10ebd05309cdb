package dev.sweep.run;

import dev.sweep.space.Cases;
import dev.sweep.space.Combos;
import dev.sweep.space.Space;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Runs a function over explicit cases and returns the results flat, in case order: xyzpy's
 * {@code case_runner}. With combos too, every case runs against every combination (case-major).
 * A run that failed under {@link OnError#CONTINUE} reads as {@link Double#NaN}.
 */
public final class CaseRunner {
  private final RunFunction fn;
  private final RunOptions options;
  private final Map<String, Object> constants;

  private CaseRunner(RunFunction fn, RunOptions options, Map<String, Object> constants) {
    this.fn = Objects.requireNonNull(fn, "fn");
    this.options = options;
    this.constants = Map.copyOf(constants);
  }

  /**
   * {@return a runner of the function with the default options and no constants}
   *
   * @param fn the function to run
   */
  public static CaseRunner of(RunFunction fn) {
    return new CaseRunner(fn, RunOptions.defaults(), Map.of());
  }

  /**
   * {@return a runner like this one with other options; this one is unchanged}
   *
   * @param options progress, workers, order and failure handling for every run
   */
  public CaseRunner with(RunOptions options) {
    return new CaseRunner(fn, Objects.requireNonNull(options, "options"), constants);
  }

  /**
   * {@return a runner like this one that also passes the constant to every run; this one is unchanged}
   * A constant of the same name is replaced.
   *
   * @param name the argument name
   * @param value the value every run receives
   */
  public CaseRunner withConstant(String name, Object value) {
    Map<String, Object> c = new LinkedHashMap<>(constants);
    c.put(name, Objects.requireNonNull(value, "value"));
    return new CaseRunner(fn, options, c);
  }

  /**
   * Runs every case.
   *
   * @param cases the points to run
   * @return the results in case order, unmodifiable; NaN for a run that failed under
   *     {@link OnError#CONTINUE}
   * @throws RunFailedException if a run throws under {@link OnError#STOP}
   * @throws SweepInterruptedException if the thread is interrupted; the results are dropped
   * @throws IllegalArgumentException if the function declares arguments other than those given
   */
  public List<Object> run(Cases cases) {
    return run(cases, Combos.empty());
  }

  /**
   * Runs every case with every combination.
   *
   * @param cases the points to run
   * @param combos the parameters combined with each case
   * @return the results case-major, the last combo fastest, unmodifiable; NaN for a run that failed
   *     under {@link OnError#CONTINUE}
   * @throws RunFailedException if a run throws under {@link OnError#STOP}
   * @throws SweepInterruptedException if the thread is interrupted; the results are dropped
   * @throws IllegalArgumentException if a parameter is both a case argument and a combo, or the
   *     function declares arguments other than those given
   */
  public List<Object> run(Cases cases, Combos combos) {
    Space space = Space.of(cases, combos);
    Object[] results = new Object[Math.toIntExact(space.size())];
    Engine.Outcome out = Engine.run(space, fn, constants, options, (run, cell, result) -> results[(int) run] = result);
    if (out.interrupted()) throw SweepInterruptedException.of("the sweep", out, space.size(), null, null);
    for (int i = 0; i < results.length; i++) if (results[i] == null) results[i] = Double.NaN;
    return Collections.unmodifiableList(Arrays.asList(results));
  }
}
