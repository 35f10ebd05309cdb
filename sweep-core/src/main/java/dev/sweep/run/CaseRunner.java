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

  public static CaseRunner of(RunFunction fn) {
    return new CaseRunner(fn, RunOptions.defaults(), Map.of());
  }

  /** This runner with other options. */
  public CaseRunner with(RunOptions options) {
    return new CaseRunner(fn, Objects.requireNonNull(options, "options"), constants);
  }

  /** This runner passing the given constant to every run as well. */
  public CaseRunner withConstant(String name, Object value) {
    Map<String, Object> c = new LinkedHashMap<>(constants);
    c.put(name, Objects.requireNonNull(value, "value"));
    return new CaseRunner(fn, options, c);
  }

  /** The results of the cases, in case order. */
  public List<Object> run(Cases cases) {
    return run(cases, Combos.empty());
  }

  /** The results of every case with every combination, case-major, the last combo fastest. */
  public List<Object> run(Cases cases, Combos combos) {
    Space space = Space.of(cases, combos);
    Object[] results = new Object[Math.toIntExact(space.size())];
    Engine.run(space, fn, constants, options, (run, cell, result) -> results[(int) run] = result);
    for (int i = 0; i < results.length; i++) if (results[i] == null) results[i] = Double.NaN;
    return Collections.unmodifiableList(Arrays.asList(results));
  }
}
