package dev.sweep.io.scene;

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
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Moving between a batch of scenes and its members: slicing a value along the batch dimensions for
 * one member, and stacking the members' values back over them (in C order of the batch shape).
 */
final class Batching {
  private Batching() {}

  /** {@return the variable at the given positions of some of its dimensions, those dimensions dropped} */
  static Variable select(Variable v, Map<String, Integer> positions) {
    Map<String, Object> own = new LinkedHashMap<>();
    positions.forEach((d, p) -> {
      if (v.dims().contains(d)) own.put(d, p);
    });
    if (own.isEmpty()) return v;
    return Dataset.builder().variable(v).build().isel(own).variable(v.name());
  }

  /** {@return the positions of member {@code m} (C order) along each batch dimension} */
  static Map<String, Integer> positions(Map<String, Index> batch, int m) {
    int[] sizes = batch.values().stream().mapToInt(Index::size).toArray();
    int[] pos = new int[sizes.length];
    for (int d = sizes.length - 1; d >= 0; d--) {
      pos[d] = m % sizes[d];
      m /= sizes[d];
    }
    Map<String, Integer> out = new LinkedHashMap<>();
    int d = 0;
    for (String dim : batch.keySet()) out.put(dim, pos[d++]);
    return out;
  }

  /**
   * Checks that a value's batch dimensions have the batch's sizes.
   *
   * @param what what the value is, for the message: e.g. {@code property 'smoothness'}
   * @throws IllegalArgumentException naming the value, the dimension and both sizes
   */
  static void checkSizes(String what, Variable v, Map<String, Index> batch) {
    for (int d = 0; d < v.dims().size(); d++) {
      String dim = v.dims().get(d);
      Index ix = batch.get(dim);
      if (ix != null && v.shape()[d] != ix.size()) {
        throw new IllegalArgumentException(what + " has size " + v.shape()[d] + " along the batch dimension '" + dim
            + "'; the scene batch has " + ix.size() + " (batch " + sizes(batch) + ")");
      }
    }
  }

  static String sizes(Map<String, Index> batch) {
    StringBuilder s = new StringBuilder("(");
    batch.forEach((d, ix) -> s.append(s.length() > 1 ? ", " : "").append(d).append(": ").append(ix.size()));
    return s.append(")").toString();
  }

  /**
   * Stacks the members' variables over the batch dimensions, which come first.
   *
   * @param what for messages, e.g. {@code field 'noise' frame 3}
   * @param memberNames names of the members, for messages
   * @throws IllegalStateException naming two members whose variables differ in dimensions, shape or type
   */
  static Variable stack(String what, String name, Map<String, Index> batch, List<Variable> members, List<String> memberNames) {
    Variable first = members.get(0);
    for (int m = 1; m < members.size(); m++) {
      Variable v = members.get(m);
      if (!v.dims().equals(first.dims()) || !Arrays.equals(v.shape(), first.shape()) || v.type() != first.type()) {
        throw new IllegalStateException("cannot stack " + what + " over the batch: it is " + describe(first) + " in "
            + memberNames.get(0) + " but " + describe(v) + " in " + memberNames.get(m));
      }
    }
    List<String> dims = new ArrayList<>(batch.keySet());
    dims.addAll(first.dims());
    long[] shape = new long[dims.size()];
    int d = 0;
    for (Index ix : batch.values()) shape[d++] = ix.size();
    System.arraycopy(first.shape(), 0, shape, d, first.shape().length);
    if (first.type() == DType.STRING) {
      int inner = Math.toIntExact(first.size());
      String[] all = new String[Math.multiplyExact(inner, members.size())];
      for (int m = 0; m < members.size(); m++) System.arraycopy(members.get(m).toStringArray(), 0, all, m * inner, inner);
      return Variable.ofStrings(name, dims, shape, all);
    }
    long inner = first.size();
    INDArray out = Nd4j.create(first.type().nd4j(), new long[] {members.size(), inner}, 'c');
    for (int m = 0; m < members.size(); m++) {
      out.getRow(m).assign(members.get(m).array().reshape('c', new long[] {inner}));
    }
    return Variable.of(name, dims, out.reshape('c', shape));
  }

  private static String describe(Variable v) {
    return v.type() + " " + v.dims() + " " + Arrays.toString(v.shape());
  }

  /**
   * Stacks plain property values of the members: equal values collapse to one, as PhiFlow does;
   * numbers, Booleans and strings become a variable over the batch, variables of one shape a variable
   * over the batch and their own dimensions; anything else a list in member order.
   */
  static Object stackValues(String key, Map<String, Index> batch, List<Object> values, List<String> memberNames) {
    Object first = values.get(0);
    boolean equal = true;
    for (Object v : values) equal &= Objects.deepEquals(v, first);
    if (equal) return first;
    DType type = null;
    boolean scalars = true;
    for (Object v : values) {
      DType t = v instanceof Boolean ? DType.BOOLEAN : v instanceof String ? DType.STRING
          : v instanceof Integer || v instanceof Long ? DType.LONG : v instanceof Double ? DType.DOUBLE : null;
      if (t == null) {
        scalars = false;
        break;
      }
      type = type == null ? t : DType.common(type, t);
      if (type == null) {
        scalars = false;
        break;
      }
    }
    if (scalars) return scalarVariable(key, batch, values, type);
    if (values.stream().allMatch(v -> v instanceof Variable)) {
      List<Variable> vars = new ArrayList<>();
      for (Object v : values) vars.add((Variable) v);
      try {
        return stack("property '" + key + "'", key, batch, vars, memberNames);
      } catch (IllegalStateException differentShapes) {
        return java.util.Collections.unmodifiableList(new ArrayList<>(values));
      }
    }
    return java.util.Collections.unmodifiableList(new ArrayList<>(values));
  }

  private static Variable scalarVariable(String key, Map<String, Index> batch, List<Object> values, DType type) {
    List<String> dims = new ArrayList<>(batch.keySet());
    long[] shape = batch.values().stream().mapToLong(Index::size).toArray();
    int n = values.size();
    switch (type) {
      case STRING: {
        String[] s = new String[n];
        for (int i = 0; i < n; i++) s[i] = (String) values.get(i);
        return Variable.ofStrings(key, dims, shape, s);
      }
      case BOOLEAN: {
        boolean[] b = new boolean[n];
        for (int i = 0; i < n; i++) b[i] = (Boolean) values.get(i);
        return Variable.of(key, dims, Nd4j.createFromArray(b).reshape('c', shape));
      }
      case LONG: {
        long[] l = new long[n];
        for (int i = 0; i < n; i++) l[i] = ((Number) values.get(i)).longValue();
        return Variable.of(key, dims, Nd4j.createFromArray(l).reshape('c', shape));
      }
      default: {
        double[] d = new double[n];
        for (int i = 0; i < n; i++) d[i] = ((Number) values.get(i)).doubleValue();
        return Variable.of(key, dims, Nd4j.createFromArray(d).reshape('c', shape));
      }
    }
  }
}
