package dev.sweep.spark;

import dev.sweep.run.OnError;
import dev.sweep.run.RunOptions;
import dev.sweep.run.RunPlan;
import dev.sweep.run.Runner;
import dev.sweep.run.RunnerSpec;
import dev.sweep.space.Cases;
import dev.sweep.space.Combos;
import java.io.Serializable;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What executors need to rebuild a plan: the runner's spec in its plain form, the resources, the
 * cases column by column (primitive arrays where the values allow), the combos' values, and how to run
 * there (the error policy, the run timeout, the workers per task). Broadcast once per sweep; {@link #rebuild()} gives the same plan as the driver's, so run
 * numbers mean the same runs everywhere.
 */
record ShippedPlan(Map<String, Object> spec, Map<String, Object> resources, List<String> caseNames,
    List<Object> caseColumns, int caseCount, List<String> comboNames, List<Object[]> comboValues, String pointsDim,
    OnError onError, Duration runTimeout, int workers) implements Serializable {
  private static final long serialVersionUID = 1L;

  /**
   * The plain form of a plan.
   *
   * @throws IllegalArgumentException naming the resource or value that cannot be shipped
   */
  static ShippedPlan of(RunPlan plan, RunnerSpec spec, OnError onError, Duration runTimeout, int workers) {
    Map<String, Object> resources = new LinkedHashMap<>();
    plan.runner().resources().forEach((name, value) -> {
      if (!(value instanceof Serializable)) {
        throw new IllegalArgumentException("resource '" + name + "' (" + value.getClass().getName() + ") is not "
            + "Serializable, so it cannot reach the Spark executors; make it Serializable, or build it inside the function");
      }
      resources.put(name, value);
    });
    Cases cases = plan.cases();
    List<Object> columns = new ArrayList<>();
    for (String name : cases.names()) columns.add(column(cases, name));
    Combos combos = plan.combos();
    List<Object[]> values = new ArrayList<>();
    for (Combos.Parameter p : combos.parameters()) {
      Object[] vs = new Object[p.size()];
      for (int i = 0; i < vs.length; i++) vs[i] = shippable("combo '" + p.name() + "'", p.value(i));
      values.add(vs);
    }
    return new ShippedPlan(new LinkedHashMap<>(spec.toMap()), resources, List.copyOf(cases.names()), columns,
        cases.size(), List.copyOf(combos.names()), values, plan.isPoints() ? plan.dims().get(0) : null, onError, runTimeout,
        workers);
  }

  /** One case argument's values: a primitive array if they are all ints, longs, doubles or booleans. */
  private static Object column(Cases cases, String name) {
    int n = cases.size();
    Object first = n == 0 ? null : cases.value(0, name);
    boolean same = true;
    for (int c = 0; c < n && same; c++) same = cases.value(c, name).getClass() == first.getClass();
    if (same && first instanceof Integer) {
      int[] a = new int[n];
      for (int c = 0; c < n; c++) a[c] = (Integer) cases.value(c, name);
      return a;
    }
    if (same && first instanceof Long) {
      long[] a = new long[n];
      for (int c = 0; c < n; c++) a[c] = (Long) cases.value(c, name);
      return a;
    }
    if (same && first instanceof Double) {
      double[] a = new double[n];
      for (int c = 0; c < n; c++) a[c] = (Double) cases.value(c, name);
      return a;
    }
    if (same && first instanceof Boolean) {
      boolean[] a = new boolean[n];
      for (int c = 0; c < n; c++) a[c] = (Boolean) cases.value(c, name);
      return a;
    }
    if (same && first instanceof String) {
      String[] a = new String[n];
      for (int c = 0; c < n; c++) a[c] = (String) cases.value(c, name);
      return a;
    }
    Object[] a = new Object[n];
    for (int c = 0; c < n; c++) a[c] = shippable("case argument '" + name + "'", cases.value(c, name));
    return a;
  }

  private static Object shippable(String what, Object value) {
    if (!(value instanceof Serializable)) {
      throw new IllegalArgumentException(what + " has the value " + value + " (" + value.getClass().getName()
          + "), which is not Serializable, so it cannot be shipped to the Spark executors");
    }
    return value;
  }

  /**
   * {@return the plan this describes, rebuilt with the executors' run options}
   *
   * @throws IllegalArgumentException if the function's class cannot be loaded or bound here, or the
   *     space is inconsistent
   */
  RunPlan rebuild() {
    RunOptions.Builder options = RunOptions.builder().verbosity(0).workers(workers).onError(onError);
    if (runTimeout != null) options.runTimeout(runTimeout);
    Runner runner = Runner.fromSpec(RunnerSpec.fromMap(spec), resources).with(options.build());
    Cases cases = Cases.none();
    if (!caseNames.isEmpty()) {
      List<List<?>> tuples = new ArrayList<>(caseCount);
      for (int c = 0; c < caseCount; c++) {
        Object[] row = new Object[caseNames.size()];
        for (int i = 0; i < row.length; i++) row[i] = java.lang.reflect.Array.get(caseColumns.get(i), c);
        tuples.add(Arrays.asList(row));
      }
      cases = Cases.of(caseNames, tuples);
    }
    if (pointsDim != null) return runner.planPoints(cases, pointsDim);
    Combos.Builder combos = Combos.builder();
    for (int p = 0; p < comboNames.size(); p++) combos.add(comboNames.get(p), Arrays.asList(comboValues.get(p)));
    return runner.plan(cases, combos.build());
  }
}
