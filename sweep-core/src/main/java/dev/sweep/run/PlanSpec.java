package dev.sweep.run;

import dev.sweep.space.Cases;
import dev.sweep.space.Combos;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A {@link RunPlan} described as a value, from which another JVM rebuilds the same plan, with the
 * same numbering of its runs: the runner's {@link RunnerSpec}, and the cases and combos.
 *
 * <pre>{@code
 * PlanSpec spec = plan.spec();
 * Map<String, Object> plain = spec.toMap();         // write it as JSON
 * // ... in another JVM, with the function's class on the class path:
 * RunPlan same = RunPlan.fromSpec(PlanSpec.fromMap(plain));
 * RunBatch b = same.run(500, 1000);                  // assembles with batches run here
 * }</pre>
 *
 * <p>Case and combo values travel as the runner's constants do ({@link RunnerSpec}): strings,
 * booleans, numbers and enum constants, each back with its Java type; a parameter's values are one
 * typed array when they share a Java type. A combo standing for stored values
 * ({@link Combos.Builder#addStored}) does not travel: resolve it first.
 *
 * <p>A plan of points ({@link Runner#planPoints}) is described by its points as cases, no combos, and
 * the name of its one dimension ({@link #points()}); it is rebuilt as a plan of points, whose points
 * may repeat.
 *
 * <p>Immutable. Two specs are equal when their plain forms are.
 *
 * @param runner the runner's description
 * @param cases the cases, or {@link Cases#none()}; the points of a plan of points
 * @param combos the combos, or {@link Combos#empty()}
 * @param points the one dimension of a plan of points; empty for a grid of cases and combos
 */
public record PlanSpec(RunnerSpec runner, Cases cases, Combos combos, Optional<String> points) {

  /** The value of the plain form's {@code "format"} entry; another version is refused. */
  public static final String FORMAT = "sweep.plan/1";

  private static final Set<String> KEYS = Set.of("format", "runner", "cases", "combos", "points");

  /**
   * Describes a grid of cases and combos.
   *
   * @param runner the runner's description
   * @param cases the cases, or {@link Cases#none()}
   * @param combos the combos, or {@link Combos#empty()}
   * @throws IllegalArgumentException as the canonical constructor
   */
  public PlanSpec(RunnerSpec runner, Cases cases, Combos combos) {
    this(runner, cases, combos, Optional.empty());
  }

  /**
   * Checks that the values can travel.
   *
   * @throws IllegalArgumentException naming a case or combo value that cannot travel, or a combo
   *     that stands for stored values; for a plan of points, if there are combos, no points, or the
   *     dimension's name is blank
   * @throws NullPointerException if anything is null
   */
  public PlanSpec {
    Objects.requireNonNull(runner, "runner");
    Objects.requireNonNull(cases, "cases");
    Objects.requireNonNull(combos, "combos");
    Objects.requireNonNull(points, "points");
    if (points.isPresent()) {
      if (points.get().isBlank()) throw new IllegalArgumentException("plan spec: points is blank; expected the name of the points' dimension");
      if (!combos.parameters().isEmpty() || cases.isEmpty()) {
        throw new IllegalArgumentException("plan spec: a plan of points along '" + points.get() + "' has " + cases.size()
            + " points and the combos " + combos.names() + "; expected at least one point and no combos");
      }
    }
    if (!combos.storedNames().isEmpty()) {
      throw new IllegalArgumentException("combos " + combos.storedNames() + " stand for the values already stored, "
          + "which another JVM cannot know; resolve them (give the values) before describing the plan");
    }
    // fails now, naming the value, rather than when written; cheaper than encoding a million cases
    for (String name : cases.names()) {
      for (int c = 0; c < cases.size(); c++) checkTravels("case argument '" + name + "' element " + c, cases.value(c, name));
    }
    for (Combos.Parameter p : combos.parameters()) {
      for (int i = 0; i < p.size(); i++) checkTravels("combo '" + p.name() + "' element " + i, p.value(i));
    }
  }

  /** A case or combo value is a label: a string, boolean, number or enum constant, which all travel. */
  private static void checkTravels(String what, Object v) {
    if (v instanceof String || v instanceof Boolean || v instanceof Integer || v instanceof Long || v instanceof Double
        || v instanceof Float || v instanceof Short || v instanceof Byte || v instanceof Enum<?>) {
      return;
    }
    PlainValues.encode(what, v); // throws, naming the value
  }

  /**
   * {@return the plan as plain data that a JSON document holds} The entries:
   * <pre>{@code
   * {"format": "sweep.plan/1",
   *  "runner": {...},                                   // RunnerSpec.toMap()
   *  "cases": {"names": ["a", "c"],
   *            "columns": {"a": {"type": "int32[]", "values": [1, 2]},
   *                        "c": {"type": "bool[]", "values": [true, false]}}},
   *  "combos": [{"name": "b", "values": {"type": "str[]", "values": ["x", "y"]}}]}
   * }</pre>
   * Each case column and each combo's values is one value as {@link RunnerSpec#toMap()} encodes
   * constants: a typed array ({@code int32[]}, {@code float64[]}, {@code str[]}, {@code bool[]}, ...)
   * when every value has the same Java type, else {@code object[]} of encoded values. A plan of
   * points adds {@code "points": "sample"}, the name of its dimension; a grid has no such entry.
   */
  public Map<String, Object> toMap() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("format", FORMAT);
    m.put("runner", runner.toMap());
    m.putAll(encodeSpace(cases, combos));
    points.ifPresent(dim -> m.put("points", dim));
    return Collections.unmodifiableMap(m);
  }

  private static Map<String, Object> encodeSpace(Cases cases, Combos combos) {
    Map<String, Object> columns = new LinkedHashMap<>();
    for (String name : cases.names()) {
      Object[] column = new Object[cases.size()];
      for (int c = 0; c < column.length; c++) column[c] = cases.value(c, name);
      columns.put(name, column("case argument '" + name + "'", column));
    }
    Map<String, Object> cs = new LinkedHashMap<>();
    cs.put("names", cases.names());
    cs.put("columns", Collections.unmodifiableMap(columns));
    List<Object> ps = new ArrayList<>();
    for (Combos.Parameter p : combos.parameters()) {
      Object[] values = new Object[p.size()];
      for (int i = 0; i < values.length; i++) values[i] = p.value(i);
      Map<String, Object> e = new LinkedHashMap<>();
      e.put("name", p.name());
      e.put("values", column("combo '" + p.name() + "'", values));
      ps.add(Collections.unmodifiableMap(e));
    }
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("cases", Collections.unmodifiableMap(cs));
    m.put("combos", Collections.unmodifiableList(ps));
    return m;
  }

  /** Values as one typed array when they share a Java type that has one, else as {@code object[]}. */
  private static Object column(String what, Object[] values) {
    Class<?> k = values.length == 0 ? null : values[0].getClass();
    for (Object v : values) if (v.getClass() != k) k = null;
    Object array = values;
    if (k == Integer.class) {
      int[] a = new int[values.length];
      for (int i = 0; i < a.length; i++) a[i] = (Integer) values[i];
      array = a;
    } else if (k == Long.class) {
      long[] a = new long[values.length];
      for (int i = 0; i < a.length; i++) a[i] = (Long) values[i];
      array = a;
    } else if (k == Double.class) {
      double[] a = new double[values.length];
      for (int i = 0; i < a.length; i++) a[i] = (Double) values[i];
      array = a;
    } else if (k == Float.class) {
      float[] a = new float[values.length];
      for (int i = 0; i < a.length; i++) a[i] = (Float) values[i];
      array = a;
    } else if (k == Boolean.class) {
      boolean[] a = new boolean[values.length];
      for (int i = 0; i < a.length; i++) a[i] = (Boolean) values[i];
      array = a;
    } else if (k == String.class) {
      array = Arrays.copyOf(values, values.length, String[].class);
    }
    return PlainValues.encode(what, array);
  }

  /**
   * {@return the spec that {@link #toMap()} described} Numbers may be of any {@link Number} type a
   * JSON reader gives, as long as they hold the values exactly.
   *
   * @param plain the plain form, as read back from JSON
   * @throws IllegalArgumentException naming the entry that is missing, unknown, of the wrong shape or
   *     of another format version, or the case or combo that the values do not make
   */
  public static PlanSpec fromMap(Map<String, ?> plain) {
    for (String k : plain.keySet()) {
      if (!KEYS.contains(k)) throw new IllegalArgumentException("plan spec: unknown entry \"" + k + "\"; the entries are " + KEYS);
    }
    if (!FORMAT.equals(plain.get("format"))) {
      throw new IllegalArgumentException("plan spec: \"format\" is " + show(plain.get("format")) + "; expected \""
          + FORMAT + "\"");
    }
    RunnerSpec runner = RunnerSpec.fromMap(map("runner", plain.get("runner")));
    Map<String, ?> cs = map("cases", plain.get("cases"));
    List<String> names = strings("cases names", cs.get("names"));
    Map<String, ?> columns = map("cases columns", cs.get("columns"));
    if (!columns.keySet().equals(new java.util.LinkedHashSet<>(names))) {
      throw new IllegalArgumentException("plan spec: the case columns " + columns.keySet() + " are not the case names "
          + names);
    }
    Cases cases = Cases.none();
    if (!names.isEmpty()) {
      List<Object[]> cols = new ArrayList<>();
      for (String n : names) cols.add(values("plan spec: case argument '" + n + "'", columns.get(n)));
      int size = cols.get(0).length;
      for (int i = 0; i < names.size(); i++) {
        if (cols.get(i).length != size) {
          throw new IllegalArgumentException("plan spec: case argument '" + names.get(i) + "' has " + cols.get(i).length
              + " values but '" + names.get(0) + "' has " + size);
        }
      }
      List<List<Object>> tuples = new ArrayList<>(size);
      for (int c = 0; c < size; c++) {
        Object[] row = new Object[names.size()];
        for (int i = 0; i < row.length; i++) row[i] = cols.get(i)[c];
        tuples.add(Arrays.asList(row));
      }
      cases = Cases.of(names, tuples);
    }
    Object ps = plain.get("combos");
    if (!(ps instanceof List<?> list)) throw new IllegalArgumentException("plan spec: \"combos\" should be a list, not " + show(ps));
    Combos.Builder b = Combos.builder();
    for (Object p : list) {
      Map<String, ?> e = map("combos entry", p);
      if (!(e.get("name") instanceof String name)) {
        throw new IllegalArgumentException("plan spec: a combos entry has no \"name\" (a string): " + e);
      }
      try {
        b.add(name, values("plan spec: combo '" + name + "'", e.get("values")));
      } catch (IllegalArgumentException bad) {
        throw new IllegalArgumentException("plan spec: " + bad.getMessage(), bad);
      }
    }
    Object dim = plain.get("points");
    if (dim != null && !(dim instanceof String)) {
      throw new IllegalArgumentException("plan spec: \"points\" should be the name of a dimension (a string), not " + show(dim));
    }
    return new PlanSpec(runner, cases, b.build(), Optional.ofNullable((String) dim));
  }

  /** A decoded column as boxed values. */
  private static Object[] values(String what, Object p) {
    Object a = PlainValues.decode(what, p);
    if (a instanceof Object[] o) return o;
    if (a == null || !a.getClass().isArray()) {
      throw new IllegalArgumentException(what + " should be an array of values, not " + show(p));
    }
    int n = java.lang.reflect.Array.getLength(a);
    Object[] out = new Object[n];
    for (int i = 0; i < n; i++) out[i] = java.lang.reflect.Array.get(a, i);
    return out;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, ?> map(String what, Object p) {
    if (!(p instanceof Map<?, ?> m) || m.keySet().stream().anyMatch(k -> !(k instanceof String))) {
      throw new IllegalArgumentException("plan spec: \"" + what + "\" should be a map with string keys, not " + show(p));
    }
    return (Map<String, ?>) m;
  }

  private static List<String> strings(String what, Object p) {
    if (!(p instanceof List<?> l) || l.stream().anyMatch(x -> !(x instanceof String))) {
      throw new IllegalArgumentException("plan spec: \"" + what + "\" should be a list of strings, not " + show(p));
    }
    List<String> out = new ArrayList<>();
    for (Object x : l) out.add((String) x);
    return out;
  }

  private static String show(Object p) {
    return p == null ? "missing" : p instanceof String s ? "\"" + s + "\"" : p + " (" + p.getClass().getSimpleName() + ")";
  }

  /** {@return true if the other is a spec with the same plain form} */
  @Override
  public boolean equals(Object o) {
    return o instanceof PlanSpec s && toMap().equals(s.toMap());
  }

  @Override
  public int hashCode() {
    return toMap().hashCode();
  }

  /** {@return the runner's function and the size of the space, not the whole plain form} */
  @Override
  public String toString() {
    return "PlanSpec[" + runner.function() + ", cases " + cases.names() + " x " + cases.size() + ", combos "
        + combos.names() + points.map(d -> ", points along '" + d + "'").orElse("") + "]";
  }
}
