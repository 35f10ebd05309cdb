package dev.sweep.farm;

import dev.sweep.data.DType;
import dev.sweep.data.Dataset;
import dev.sweep.data.Index;
import dev.sweep.data.MergePolicy;
import dev.sweep.data.Variable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The full dataset a harvester holds, kept so that a harvest which only adds labels at the end of the
 * outermost dimension costs what its new data cost: a dataset, plus tails appended along that
 * dimension, joined into one dataset only when someone asks for it ({@link #get()}). Every other
 * change is a merge, which builds a new dataset whatever its size. Not thread-safe: the harvester
 * guards it.
 */
final class Held {
  private Dataset base;
  private String dim; // the dimension the tails extend; null without tails
  private final List<Dataset> tails = new ArrayList<>();
  private Index labels; // base's labels along dim followed by the tails'
  private boolean sorted; // whether labels is strictly ascending

  private Held(Dataset base) {
    this.base = base;
  }

  static Held of(Dataset ds) {
    return new Held(Objects.requireNonNull(ds, "ds"));
  }

  static Held empty() {
    return new Held(Dataset.builder().build());
  }

  /** {@return true if no variable is held} */
  boolean isEmpty() {
    return base.variables().isEmpty();
  }

  /** {@return the held dataset as one dataset, joining the tails (once)} */
  Dataset get() {
    if (tails.isEmpty()) return base;
    List<Dataset> parts = new ArrayList<>();
    parts.add(base);
    parts.addAll(tails);
    base = join(parts, dim, labels);
    tails.clear();
    dim = null;
    return base;
  }

  /** {@return the variables, with the dimensions, types and attributes of the held dataset} */
  Map<String, Variable> variables() {
    return base.variables();
  }

  /** {@return the labels of a dimension, tails included; null if it has none} */
  Index coord(String d) {
    if (d.equals(dim)) return labels;
    return base.coords().get(d);
  }

  /** {@return the labels of every labelled dimension, tails included} */
  Map<String, Index> coords() {
    if (tails.isEmpty()) return base.coords();
    Map<String, Index> m = new LinkedHashMap<>(base.coords());
    m.put(dim, labels);
    return m;
  }

  /**
   * The results of a harvest as a tail to append along the held dataset's outermost dimension, if
   * merging them under the policy gives exactly the held dataset followed by them along it: the same
   * variables over the same dimensions, the same labels along every other dimension, labels along the
   * outermost one that all sort after the held ones, values of types the held variables keep, and
   * attributes the merge would leave as they are. The tail is aligned to the held dataset: its
   * dimensions and variables in the held order, its labels sorted, its values converted to the held
   * types. Costs what the results hold.
   *
   * @return the tail and its dimension; empty if the merge does anything else
   */
  Optional<Tail> tailOf(Dataset result, MergePolicy policy) {
    if (isEmpty() || result.variables().isEmpty()) return Optional.empty();
    if (!result.variables().keySet().equals(base.variables().keySet())) return Optional.empty();
    if (!result.sizes().keySet().equals(base.sizes().keySet())) return Optional.empty();
    String d = null;
    for (Variable v : base.variables().values()) {
      if (v.dims().isEmpty()) return Optional.empty();
      if (d == null) d = v.dims().get(0);
      else if (!d.equals(v.dims().get(0))) return Optional.empty();
    }
    if (dim != null && !dim.equals(d)) return Optional.empty();
    for (String other : base.dims()) {
      if (other.equals(d)) continue;
      Index a = base.coords().get(other);
      Index b = result.coords().get(other);
      if (!Objects.equals(a, b) || !base.sizes().get(other).equals(result.sizes().get(other))) {
        return Optional.empty();
      }
    }
    Index held = coord(d);
    Index added = result.coords().get(d);
    if (held == null || added == null || held.type() != added.type() || added.size() == 0) return Optional.empty();
    if (!isSorted(held)) return Optional.empty();
    Index addedSorted = added.sorted();
    if (!after(held.get(held.size() - 1), addedSorted.get(0))) return Optional.empty();
    if (!attrsKept(base.attrs(), result.attrs(), policy)) return Optional.empty();

    Dataset aligned = result;
    if (addedSorted != added) {
      int[] order = new int[added.size()];
      for (int i = 0; i < order.length; i++) order[i] = added.indexOf(addedSorted.get(i));
      aligned = result.isel(Map.of(d, order));
    }
    Dataset.Builder b = Dataset.builder();
    for (String x : base.dims()) {
      if (x.equals(d)) b.coord(d, addedSorted);
      else if (base.coords().containsKey(x)) b.coord(x, base.coords().get(x));
      else b.dim(x, base.sizes().get(x));
    }
    for (Variable vo : base.variables().values()) {
      Variable vn = aligned.variable(vo.name());
      if (!vn.dims().equals(vo.dims())) {
        if (!new java.util.HashSet<>(vn.dims()).equals(new java.util.HashSet<>(vo.dims()))) return Optional.empty();
        vn = vn.transpose(vo.dims());
      }
      if (mergedType(vo.type(), vn.type()) != vo.type()) return Optional.empty();
      if (!attrsKept(vo.attrs(), vn.attrs(), policy)) return Optional.empty();
      if (vn.type() != vo.type()) {
        try {
          vn = Variable.of(vo.name(), vo.dims(), vn.column().convert(vo.type()));
        } catch (RuntimeException e) {
          return Optional.empty();
        }
      }
      b.variable(vn.withAttrs(vo.attrs()));
    }
    b.attrs(base.attrs());
    return Optional.of(new Tail(d, b.build()));
  }

  /** A tail and the dimension it extends. */
  record Tail(String dim, Dataset data) {}

  /** Appends a tail from {@link #tailOf}: the held dataset is now the held one followed by it. */
  void append(Tail tail) {
    Index held = coord(tail.dim());
    Index added = tail.data().coord(tail.dim());
    Object a = held.toArray();
    Object b = added.toArray();
    int n = java.lang.reflect.Array.getLength(a);
    int m = java.lang.reflect.Array.getLength(b);
    Object joined = java.lang.reflect.Array.newInstance(a.getClass().getComponentType(), n + m);
    System.arraycopy(a, 0, joined, 0, n);
    System.arraycopy(b, 0, joined, n, m);
    labels = index(held.type(), joined);
    sorted = true; // tailOf checked the order
    dim = tail.dim();
    tails.add(tail.data());
  }

  /** True if label {@code b} sorts after label {@code a} (both of one index type). */
  private static boolean after(Object a, Object b) {
    try {
      return Index.of(a, b).isSorted();
    } catch (RuntimeException equal) { // the same label twice
      return false;
    }
  }

  private boolean isSorted(Index held) {
    if (held == labels && dim != null) return sorted;
    return held.isSorted();
  }

  /** The type a merge gives a variable held as {@code held} and new as {@code added}, or null. */
  private static DType mergedType(DType held, DType added) {
    DType t = DType.common(held, added);
    if (t == null && (held == DType.BOOLEAN || added == DType.BOOLEAN) && (held.isNumeric() || added.isNumeric())) {
      return DType.DOUBLE;
    }
    return t;
  }

  /** True if merging the new attributes into the held ones under the policy leaves the held ones as they are. */
  private static boolean attrsKept(Map<String, Object> held, Map<String, Object> added, MergePolicy policy) {
    for (Map.Entry<String, Object> e : added.entrySet()) {
      if (!held.containsKey(e.getKey())) return false;
      if (policy == MergePolicy.NEW_WINS && !Objects.deepEquals(held.get(e.getKey()), e.getValue())) return false;
    }
    return true;
  }

  /** Joins datasets along a dimension that every variable has first. */
  static Dataset join(List<Dataset> parts, String dim, Index labels) {
    Dataset first = parts.get(0);
    Dataset.Builder b = Dataset.builder();
    for (String d : first.dims()) {
      if (d.equals(dim)) b.coord(d, labels);
      else if (first.coords().containsKey(d)) b.coord(d, first.coords().get(d));
      else b.dim(d, first.sizes().get(d));
    }
    for (Variable v : first.variables().values()) {
      Variable joined;
      if (v.type() == DType.STRING) {
        List<String> all = new ArrayList<>();
        for (Dataset p : parts) all.addAll(Arrays.asList(p.variable(v.name()).toStringArray()));
        long[] shape = v.shape();
        shape[0] = labels.size();
        joined = Variable.ofStrings(v.name(), v.dims(), shape, all.toArray(new String[0]));
      } else {
        INDArray[] arrays = new INDArray[parts.size()];
        for (int i = 0; i < arrays.length; i++) arrays[i] = parts.get(i).variable(v.name()).array();
        INDArray all = Nd4j.concat(0, arrays);
        // A complex variable's array holds its parts along a last axis, which the concatenation keeps.
        joined = v.type().isComplex() ? Variable.of(v.name(), v.dims(), dev.sweep.data.Column.wrapComplex(all))
            : Variable.of(v.name(), v.dims(), all);
      }
      b.variable(joined.withAttrs(v.attrs()));
    }
    return b.attrs(first.attrs()).build();
  }

  private static Index index(DType type, Object values) {
    switch (type) {
      case DOUBLE: return Index.ofDoubles((double[]) values);
      case FLOAT: return Index.ofFloats((float[]) values);
      case LONG: return Index.ofLongs((long[]) values);
      case INT: return Index.ofInts((int[]) values);
      case BOOLEAN: return Index.ofBooleans((boolean[]) values);
      default: return Index.ofStrings((String[]) values);
    }
  }
}
