package dev.sweep.traj;

import dev.sweep.data.DType;
import dev.sweep.data.Dataset;
import dev.sweep.data.Index;
import dev.sweep.data.Variable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The fields of a trajectory's states, fixed by the first one: their names, dimensions, types and
 * shapes, and the labels of their dimensions. Every later state must match.
 */
record StateSpec(List<Field> fields, Map<String, Index> coords) {

  /** One field: a variable of every state. */
  record Field(String name, List<String> dims, DType type, long[] shape) {
    String describe() {
      return "'" + name + "' " + type + " (" + String.join(", ", dims) + ") " + Arrays.toString(shape);
    }

    boolean sameAs(Field o) {
      return name.equals(o.name) && dims.equals(o.dims) && type == o.type && Arrays.equals(shape, o.shape);
    }
  }

  StateSpec {
    fields = List.copyOf(fields);
    coords = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(coords));
  }

  /**
   * The spec of a state.
   *
   * @throws IllegalArgumentException naming what a trajectory cannot hold
   */
  static StateSpec of(Dataset state, String timeDim) {
    if (state.variables().isEmpty()) {
      throw new IllegalArgumentException("the state has no variables; a state holds one variable per field");
    }
    if (state.sizes().containsKey(timeDim)) {
      throw new IllegalArgumentException("the state has the dimension '" + timeDim + "', which is the trajectory's "
          + "time dimension; a state holds one time, so its fields lie over their own dimensions only");
    }
    List<Field> fields = new ArrayList<>();
    for (Variable v : state.variables().values()) {
      if (v.type() == DType.STRING) {
        throw new IllegalArgumentException("field '" + v.name() + "' is str; trajectories hold numbers and booleans");
      }
      if (v.name().equals(timeDim)) {
        throw new IllegalArgumentException("field '" + v.name() + "' has the name of the time dimension; rename it");
      }
      fields.add(new Field(v.name(), v.dims(), v.type(), v.shape()));
    }
    Map<String, Index> coords = new LinkedHashMap<>();
    for (Field f : fields) {
      for (String d : f.dims()) if (state.coords().containsKey(d)) coords.put(d, state.coord(d));
    }
    return new StateSpec(fields, coords);
  }

  /** The spec of stored records: every variable but the time variable, without the record dimension. */
  static StateSpec ofRecords(Dataset records, String recordDim) {
    List<Field> fields = new ArrayList<>();
    for (Variable v : records.variables().values()) {
      if (v.name().equals(recordDim)) continue;
      long[] shape = v.shape();
      fields.add(new Field(v.name(), v.dims().subList(1, v.dims().size()), v.type(),
          Arrays.copyOfRange(shape, 1, shape.length)));
    }
    Map<String, Index> coords = new LinkedHashMap<>();
    for (Field f : fields) {
      for (String d : f.dims()) if (records.coords().containsKey(d)) coords.put(d, records.coord(d));
    }
    return new StateSpec(fields, coords);
  }

  /** The field of that name, or null. */
  Field field(String name) {
    for (Field f : fields) if (f.name().equals(name)) return f;
    return null;
  }

  /** The names of the fields, in order. */
  List<String> names() {
    List<String> out = new ArrayList<>();
    for (Field f : fields) out.add(f.name());
    return out;
  }

  /**
   * Checks that a state has this spec's fields, each of the same type, dimensions and shape, over the
   * same labels.
   *
   * @param t the state's time, which messages name it by
   * @throws IllegalArgumentException naming both, if they differ
   */
  void check(Dataset state, double t) {
    Map<String, Variable> vars = state.variables();
    if (matches(state)) return; // the common case, without building messages
    String what = "the state at t=" + t;
    String first = "the first state";
    if (vars.size() != fields.size() || !vars.keySet().containsAll(names())) {
      throw new IllegalArgumentException(what + " has the fields " + vars.keySet() + " but " + first + " has "
          + names());
    }
    for (Field f : fields) {
      Variable v = vars.get(f.name());
      if (!f.dims().equals(v.dims()) || f.type() != v.type() || !Arrays.equals(f.shape(), v.shape())) {
        Field g = new Field(v.name(), v.dims(), v.type(), v.shape());
        throw new IllegalArgumentException(what + " has field " + g.describe() + " but " + first + " has "
            + f.describe());
      }
    }
    for (Map.Entry<String, Index> c : coords.entrySet()) {
      Index theirs = state.coords().get(c.getKey());
      if (theirs != null && !theirs.equals(c.getValue())) {
        throw new IllegalArgumentException(what + " labels dimension '" + c.getKey() + "' " + theirs + " but " + first
            + " labels it " + c.getValue());
      }
    }
  }

  private boolean matches(Dataset state) {
    Map<String, Variable> vars = state.variables();
    if (vars.size() != fields.size()) return false;
    for (Field f : fields) {
      Variable v = vars.get(f.name());
      if (v == null || f.type() != v.type() || !f.dims().equals(v.dims()) || !Arrays.equals(f.shape(), v.shape())) {
        return false;
      }
    }
    for (Map.Entry<String, Index> c : coords.entrySet()) {
      Index theirs = state.coords().get(c.getKey());
      if (theirs != null && theirs != c.getValue() && !theirs.equals(c.getValue())) return false;
    }
    return true;
  }

  /** True if both specs have the same fields (in any order) and labels. */
  boolean sameAs(StateSpec o) {
    if (fields.size() != o.fields.size()) return false;
    for (Field f : fields) {
      Field g = o.field(f.name());
      if (g == null || !f.sameAs(g)) return false;
    }
    return Objects.equals(coords, o.coords);
  }

  /** The fields in words, e.g. {@code 'u' float64 (x, y) [64, 64], 'e' float64 () []}. */
  String describe() {
    List<String> parts = new ArrayList<>();
    for (Field f : fields) parts.add(f.describe());
    return String.join(", ", parts);
  }
}
