package dev.sweep.run;

import dev.sweep.data.DType;
import dev.sweep.data.Index;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A {@link Runner} described as a value, from which another JVM rebuilds the same runner: its
 * function as a {@link FunctionRef}, and the description of its outputs.
 *
 * <pre>{@code
 * RunnerSpec spec = runner.spec();
 * Map<String, Object> plain = spec.toMap();          // write it as JSON (sweep-io has Jackson)
 * // ... in another JVM, with the function's class on the class path:
 * Runner same = Runner.fromSpec(RunnerSpec.fromMap(plain));
 * }</pre>
 *
 * <p>What travels: the function (a static method), the output names, inner dimensions, labels,
 * types, constants and attributes. Constants and attributes travel if they are strings, booleans,
 * numbers (int, long, double, float, short, byte), enum constants, {@link Index}es, or arrays or
 * lists of those; they come back with the same Java types. What does not travel: a function that is
 * a lambda or bound to an object ({@link Runner#spec()} refuses it), resources (only their names
 * travel: give the objects again to {@link Runner#fromSpec(RunnerSpec, Map)}), and the run options
 * (progress, workers, order, failure handling, run timeout), which belong to the JVM that runs; a
 * sweep on Spark and a crop carry the error policy and the run timeout beside the spec.
 *
 * <p>Immutable: the collections are unmodifiable and constants and attributes are copies. Two specs
 * are equal when their plain forms ({@link #toMap()}) are.
 *
 * @param function the static method the runner runs
 * @param vars the output names; empty when a returned record or Dataset names them
 * @param varDims the inner dimensions of each output that has some, outermost first
 * @param coords the labels of inner dimensions
 * @param types the declared output types
 * @param constants the values passed to every run and stored
 * @param attrs the attributes stored on every dataset
 * @param resources the names of the values passed to every run and never stored, which do not travel
 */
public record RunnerSpec(FunctionRef function, List<String> vars, Map<String, List<String>> varDims,
    Map<String, Index> coords, Map<String, DType> types, Map<String, Object> constants, Map<String, Object> attrs,
    List<String> resources) {

  /** The value of the plain form's {@code "format"} entry; another version is refused. */
  public static final String FORMAT = "sweep.runner/1";

  private static final Set<String> KEYS =
      Set.of("format", "function", "vars", "dims", "coords", "types", "constants", "attrs", "resources");

  /**
   * Copies everything, checking that constants and attributes can travel.
   *
   * @throws IllegalArgumentException naming a constant or attribute that cannot travel, or a name
   *     repeated among the outputs or resources
   * @throws NullPointerException if anything is null
   */
  public RunnerSpec {
    Objects.requireNonNull(function, "function");
    vars = distinct("output", vars);
    Map<String, List<String>> dims = new LinkedHashMap<>();
    varDims.forEach((v, d) -> dims.put(Objects.requireNonNull(v, "output name"), List.copyOf(d)));
    varDims = Collections.unmodifiableMap(dims);
    coords = Collections.unmodifiableMap(new LinkedHashMap<>(coords));
    coords.forEach((d, ix) -> Objects.requireNonNull(ix, "coords of " + d));
    types = Collections.unmodifiableMap(new LinkedHashMap<>(types));
    types.forEach((v, t) -> Objects.requireNonNull(t, "type of " + v));
    constants = travelled("constant", constants);
    attrs = travelled("attribute", attrs);
    resources = distinct("resource", resources);
  }

  private static List<String> distinct(String what, List<String> names) {
    Set<String> seen = new LinkedHashSet<>();
    for (String n : names) {
      if (!seen.add(Objects.requireNonNull(n, what + " name"))) {
        throw new IllegalArgumentException(what + " '" + n + "' is named twice in " + names);
      }
    }
    return List.copyOf(names);
  }

  /** The values as they come back from their plain form: checked, and copied. */
  private static Map<String, Object> travelled(String what, Map<String, Object> values) {
    Map<String, Object> out = new LinkedHashMap<>();
    values.forEach((k, v) -> {
      String role = what + " '" + k + "'";
      out.put(k, PlainValues.decode(role, PlainValues.encode(role, v)));
    });
    return Collections.unmodifiableMap(out);
  }

  /**
   * {@return the spec as plain data that a JSON document holds}: maps with string keys, lists,
   * strings, booleans, and numbers (Integer, Long, Double), unmodifiable. The entries:
   * <pre>{@code
   * {"format": "sweep.runner/1",
   *  "function": {"class": "dev.sweep.examples.Tutorial", "method": "bar"},
   *  "vars": ["A", "B", "C"],
   *  "dims": {"B": ["x"], "C": ["x", "t"]},
   *  "coords": {"x": {"type": "index", "dtype": "int32", "values": [10, 20, 30]}},
   *  "types": {"A": "float64"},
   *  "constants": {"t": {"type": "float64[]", "values": [0.0, 0.01, ...]}},
   *  "attrs": {"note": "demo"},
   *  "resources": ["solver"]}
   * }</pre>
   * Constants and attributes are encoded with their Java types: a string or boolean stands for
   * itself, any other value is a map with a {@code "type"} ({@code int32}, {@code int64},
   * {@code float64}, {@code float32}, {@code int16}, {@code int8}, the same with {@code []} for
   * arrays, {@code bool[]}, {@code str[]}, {@code object[]}, {@code list}, {@code enum} with its
   * {@code "class"}, {@code index} with its {@code "dtype"}) and a {@code "value"} or
   * {@code "values"}; NaN and infinities are the strings {@code "NaN"}, {@code "Infinity"},
   * {@code "-Infinity"}.
   */
  public Map<String, Object> toMap() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("format", FORMAT);
    Map<String, Object> fn = new LinkedHashMap<>();
    fn.put("class", function.className());
    fn.put("method", function.methodName());
    m.put("function", Collections.unmodifiableMap(fn));
    m.put("vars", vars);
    m.put("dims", varDims);
    Map<String, Object> cs = new LinkedHashMap<>();
    coords.forEach((d, ix) -> cs.put(d, PlainValues.encode("coords of '" + d + "'", ix)));
    m.put("coords", Collections.unmodifiableMap(cs));
    Map<String, Object> ts = new LinkedHashMap<>();
    types.forEach((v, t) -> ts.put(v, t.numpyName()));
    m.put("types", Collections.unmodifiableMap(ts));
    m.put("constants", encodeAll("constant", constants));
    m.put("attrs", encodeAll("attribute", attrs));
    m.put("resources", resources);
    return Collections.unmodifiableMap(m);
  }

  private static Map<String, Object> encodeAll(String what, Map<String, Object> values) {
    Map<String, Object> out = new LinkedHashMap<>();
    values.forEach((k, v) -> out.put(k, PlainValues.encode(what + " '" + k + "'", v)));
    return Collections.unmodifiableMap(out);
  }

  /**
   * {@return the spec that {@link #toMap()} described} Numbers may be of any {@link Number} type a
   * JSON reader gives, as long as they hold the values exactly. Entries other than {@code "format"}
   * and {@code "function"} may be left out when empty.
   *
   * @param plain the plain form, as read back from JSON
   * @throws IllegalArgumentException naming the entry that is missing, unknown, of the wrong shape,
   *     or of another format version
   */
  public static RunnerSpec fromMap(Map<String, ?> plain) {
    for (String k : plain.keySet()) {
      if (!KEYS.contains(k)) {
        throw new IllegalArgumentException("runner spec: unknown entry \"" + k + "\"; the entries are " + KEYS);
      }
    }
    if (!FORMAT.equals(plain.get("format"))) {
      throw new IllegalArgumentException("runner spec: \"format\" is " + show(plain.get("format")) + "; expected \""
          + FORMAT + "\"");
    }
    Map<String, ?> fn = map("function", plain.get("function"));
    if (fn == null) throw new IllegalArgumentException("runner spec: no \"function\" entry");
    FunctionRef ref = new FunctionRef(string("function class", fn.get("class")), string("function method", fn.get("method")));
    List<String> vars = strings("vars", plain.get("vars"));
    Map<String, List<String>> dims = new LinkedHashMap<>();
    Map<String, ?> ds = map("dims", plain.get("dims"));
    if (ds != null) ds.forEach((v, d) -> dims.put(v, strings("dims of '" + v + "'", d)));
    Map<String, Index> coords = new LinkedHashMap<>();
    Map<String, ?> cs = map("coords", plain.get("coords"));
    if (cs != null) {
      cs.forEach((d, p) -> {
        String role = "runner spec: coords of '" + d + "'";
        if (!(PlainValues.decode(role, p) instanceof Index ix)) {
          throw new IllegalArgumentException(role + " should be {\"type\": \"index\", ...}, not " + show(p));
        }
        coords.put(d, ix);
      });
    }
    Map<String, DType> types = new LinkedHashMap<>();
    Map<String, ?> ts = map("types", plain.get("types"));
    if (ts != null) ts.forEach((v, t) -> types.put(v, dtype("type of '" + v + "'", t)));
    return new RunnerSpec(ref, vars, dims, coords, types, decodeAll("constant", plain.get("constants")),
        decodeAll("attribute", plain.get("attrs")), strings("resources", plain.get("resources")));
  }

  private static Map<String, Object> decodeAll(String what, Object p) {
    Map<String, Object> out = new LinkedHashMap<>();
    Map<String, ?> m = map(what + "s", p);
    if (m != null) m.forEach((k, v) -> out.put(k, PlainValues.decode("runner spec: " + what + " '" + k + "'", v)));
    return out;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, ?> map(String what, Object p) {
    if (p == null) return null;
    if (!(p instanceof Map<?, ?> m) || m.keySet().stream().anyMatch(k -> !(k instanceof String))) {
      throw new IllegalArgumentException("runner spec: \"" + what + "\" should be a map with string keys, not " + show(p));
    }
    return (Map<String, ?>) m;
  }

  private static List<String> strings(String what, Object p) {
    if (p == null) return List.of();
    if (!(p instanceof List<?> l) || l.stream().anyMatch(x -> !(x instanceof String))) {
      throw new IllegalArgumentException("runner spec: \"" + what + "\" should be a list of strings, not " + show(p));
    }
    List<String> out = new ArrayList<>();
    for (Object x : l) out.add((String) x);
    return out;
  }

  private static String string(String what, Object p) {
    if (!(p instanceof String s)) {
      throw new IllegalArgumentException("runner spec: the " + what + " should be a string, not " + show(p));
    }
    return s;
  }

  private static DType dtype(String what, Object p) {
    for (DType d : DType.values()) if (d.numpyName().equals(p)) return d;
    throw new IllegalArgumentException("runner spec: the " + what + " is " + show(p)
        + "; expected one of float64, float32, int64, int32, bool, str");
  }

  private static String show(Object p) {
    return p == null ? "missing" : p instanceof String s ? "\"" + s + "\"" : p + " (" + p.getClass().getSimpleName() + ")";
  }

  /** {@return true if the other is a spec with the same plain form} */
  @Override
  public boolean equals(Object o) {
    return o instanceof RunnerSpec s && toMap().equals(s.toMap());
  }

  @Override
  public int hashCode() {
    return toMap().hashCode();
  }

  /** {@return the plain form, printed} */
  @Override
  public String toString() {
    return "RunnerSpec" + toMap();
  }
}
