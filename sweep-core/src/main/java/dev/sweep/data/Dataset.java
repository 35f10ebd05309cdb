package dev.sweep.data;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A labelled N-dimensional dataset: the Java counterpart of {@code xarray.Dataset}.
 *
 * <p>It holds ordered dimensions with their sizes, an optional {@link Index} of labels per dimension,
 * data {@link Variable}s over any subset of the dimensions, and attributes. It is immutable: every
 * operation returns a new dataset. Start with {@link #builder()}, or get one from a runner.
 *
 * <pre>{@code
 * Dataset ds = Dataset.builder()
 *     .coord("a", Index.ofInts(1, 2, 3))
 *     .variable("y", List.of("a"), Nd4j.createFromArray(0.1, 0.2, 0.3))
 *     .build();
 * double y = ds.doubleValue("y", Map.of("a", 2));  // 0.2
 * }</pre>
 *
 * <p>Nulls: no method takes or returns null, except that a missing string value reads as null.
 */
public final class Dataset {
  private final Map<String, Integer> sizes;
  private final Map<String, Index> coords;
  private final Map<String, Variable> variables;
  private final Map<String, Object> attrs;

  private Dataset(Map<String, Integer> sizes, Map<String, Index> coords, Map<String, Variable> variables,
      Map<String, Object> attrs) {
    this.sizes = Collections.unmodifiableMap(sizes);
    this.coords = Collections.unmodifiableMap(coords);
    this.variables = Collections.unmodifiableMap(variables);
    this.attrs = Attrs.copyOf(attrs);
  }

  /** {@return a builder for a new, empty dataset} */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * {@return a builder that starts from this dataset's dimensions, labels, variables and attributes}
   * This dataset is unchanged by what the builder does.
   */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.sizes.putAll(sizes);
    b.coords.putAll(coords);
    b.variables.putAll(variables);
    b.attrs.putAll(attrs);
    return b;
  }

  /** {@return the dimension names and sizes, in dimension order; unmodifiable} */
  public Map<String, Integer> sizes() {
    return sizes;
  }

  /** {@return the dimension names, in order; unmodifiable} */
  public List<String> dims() {
    return List.copyOf(sizes.keySet());
  }

  /** {@return the labels by dimension name, for the dimensions that have them; unmodifiable} */
  public Map<String, Index> coords() {
    return coords;
  }

  /**
   * The labels along a dimension.
   *
   * @param dim the dimension's name
   * @return its labels
   * @throws IllegalArgumentException if the dimension does not exist or has no labels
   */
  public Index coord(String dim) {
    Index ix = coords.get(dim);
    if (ix == null) {
      throw new IllegalArgumentException(sizes.containsKey(dim)
          ? "dimension '" + dim + "' has no labels"
          : "no dimension '" + dim + "'; the dimensions are " + sizes.keySet());
    }
    return ix;
  }

  /** {@return the data variables by name, in the order they were added; unmodifiable} */
  public Map<String, Variable> variables() {
    return variables;
  }

  /**
   * A data variable.
   *
   * @param name the variable's name
   * @return the variable
   * @throws IllegalArgumentException naming the variables there are, if there is none by that name
   */
  public Variable variable(String name) {
    Variable v = variables.get(name);
    if (v == null) {
      throw new IllegalArgumentException("no variable '" + name + "'; the variables are " + variables.keySet());
    }
    return v;
  }

  /** {@return the dataset's attributes, in insertion order; unmodifiable, never null} */
  public Map<String, Object> attrs() {
    return attrs;
  }

  /**
   * The value of a variable at the given labels, one per dimension of the variable (boxed; null for a
   * missing string, NaN for a missing number).
   *
   * @param variable the variable's name
   * @param labels one label per dimension of the variable, by dimension name; other entries are ignored
   * @return the value
   * @throws IllegalArgumentException if there is no such variable, a label is not given or not
   *     found, or one of the variable's dimensions has no labels
   */
  public Object value(String variable, Map<String, ?> labels) {
    Variable v = variable(variable);
    int[] pos = new int[v.dims().size()];
    for (int d = 0; d < pos.length; d++) {
      String dim = v.dims().get(d);
      if (!labels.containsKey(dim)) {
        throw new IllegalArgumentException("variable '" + variable + "' has dimensions " + v.dims()
            + "; no label given for '" + dim + "' (got " + labels.keySet() + ")");
      }
      pos[d] = position(dim, labels.get(dim));
    }
    return v.get(pos);
  }

  /**
   * {@return the value of a numeric or boolean variable at the given labels, as a double} As
   * {@link #value}; true is 1, false 0.
   *
   * @param variable the variable's name
   * @param labels one label per dimension of the variable, by dimension name
   * @throws IllegalArgumentException as {@link #value}, or if the variable is of type str
   */
  public double doubleValue(String variable, Map<String, ?> labels) {
    Object o = value(variable, labels);
    if (o instanceof Number n) return n.doubleValue();
    if (o instanceof Boolean b) return b ? 1 : 0;
    throw new IllegalArgumentException("variable '" + variable + "' is " + variable(variable).type() + ", not numeric");
  }

  private int position(String dim, Object label) {
    int p = coord(dim).indexOf(label);
    if (p < 0) {
      throw new IllegalArgumentException("dimension '" + dim + "' has no label " + Repr.value(label)
          + "; its labels are " + coord(dim));
    }
    return p;
  }

  /**
   * Selects by labels, like xarray's {@code sel}: for each named dimension, a single label drops the
   * dimension, a collection of labels keeps it with those labels in that order. Dimensions not named
   * are kept whole. A {@link Slice} selects a label range, both ends included; see also
   * {@link #sel(Map, Lookup)} for nearest-label lookup.
   *
   * @param labels a label, a collection of labels, or a {@link Slice}, by dimension name
   * @return the selection; this dataset is unchanged
   * @throws IllegalArgumentException if a dimension does not exist, has no labels, or lacks a label
   *     given
   */
  public Dataset sel(Map<String, ?> labels) {
    if (Selection.needed(this, labels)) return sel(labels, Lookup.exact());
    Map<String, Object> positions = new LinkedHashMap<>();
    for (Map.Entry<String, ?> e : labels.entrySet()) {
      String dim = e.getKey();
      requireDim(dim);
      if (e.getValue() instanceof Collection<?> c) {
        int[] p = new int[c.size()];
        int k = 0;
        for (Object l : c) p[k++] = position(dim, l);
        positions.put(dim, p);
      } else {
        positions.put(dim, position(dim, e.getValue()));
      }
    }
    return isel(positions);
  }

  /**
   * Selects by positions, like xarray's {@code isel}: an Integer drops the dimension, an int[] or a
   * collection of integers keeps it, as does a {@link Slice} of positions (Python's slice rules).
   * Negative positions count from the end.
   *
   * @param positions an Integer, int[], collection of Integers or {@link Slice}, by dimension name
   * @return the selection; variables without a selected dimension are kept as they are
   * @throws IllegalArgumentException if a dimension does not exist, a position is of another type, or a
   *     position kept along a labelled dimension is repeated
   * @throws IndexOutOfBoundsException if a position is outside its dimension
   */
  public Dataset isel(Map<String, ?> positions) {
    if (Selection.hasSlices(positions)) return Selection.isel(this, positions);
    Map<String, int[]> take = new LinkedHashMap<>();
    List<String> dropped = new ArrayList<>();
    for (Map.Entry<String, ?> e : positions.entrySet()) {
      String dim = e.getKey();
      int size = requireDim(dim);
      Object v = e.getValue();
      int[] p;
      if (v instanceof Integer i) {
        p = new int[] {i};
        dropped.add(dim);
      } else if (v instanceof int[] a) {
        p = a.clone();
      } else if (v instanceof Collection<?> c && c.stream().allMatch(x -> x instanceof Integer)) {
        p = c.stream().mapToInt(x -> (Integer) x).toArray();
      } else {
        throw new IllegalArgumentException("position for dimension '" + dim + "' is " + v
            + "; expected an Integer, an int[] or a collection of Integers");
      }
      for (int k = 0; k < p.length; k++) {
        int q = p[k] < 0 ? p[k] + size : p[k];
        if (q < 0 || q >= size) {
          throw new IndexOutOfBoundsException("position " + p[k] + " is outside dimension '" + dim
              + "' of size " + size);
        }
        p[k] = q;
      }
      take.put(dim, p);
    }
    Builder b = new Builder();
    for (Map.Entry<String, Integer> e : sizes.entrySet()) {
      String dim = e.getKey();
      if (dropped.contains(dim)) continue;
      int[] p = take.get(dim);
      if (p == null) {
        b.sizes.put(dim, e.getValue());
        if (coords.containsKey(dim)) b.coords.put(dim, coords.get(dim));
      } else {
        b.sizes.put(dim, p.length);
        if (coords.containsKey(dim)) b.coords.put(dim, coords.get(dim).select(p));
      }
    }
    for (Variable v : variables.values()) {
      b.variables.put(v.name(), Gather.take(v, take, dropped));
    }
    b.attrs.putAll(attrs);
    return b.build();
  }

  private int requireDim(String dim) {
    Integer s = sizes.get(dim);
    if (s == null) {
      throw new IllegalArgumentException("no dimension '" + dim + "'; the dimensions are " + sizes.keySet());
    }
    return s;
  }

  /**
   * {@return this dataset merged with another, failing on conflicting values} As
   * {@link #merge(Dataset, MergePolicy)} with {@link MergePolicy#FAIL_ON_CONFLICT}.
   *
   * @param other the new dataset
   * @throws MergeConflictException naming the variable and coordinates of the first cell where the
   *     values differ
   * @throws IllegalArgumentException as {@link #merge(Dataset, MergePolicy)}
   */
  public Dataset merge(Dataset other) {
    return merge(other, MergePolicy.FAIL_ON_CONFLICT);
  }

  /**
   * The outer join of this (old) dataset and another (new), as {@code xarray.merge}: every dimension's
   * labels become the sorted union (equal labels are kept as they are), and cells neither dataset holds
   * are missing. Floating variables hold NaN there; integer and boolean variables with such gaps become
   * float64 (true is 1, false 0); string variables hold null. Where both hold a value the policy decides.
   * Attributes are united; where both have one by the same name the new one wins under
   * {@link MergePolicy#NEW_WINS}, the old one otherwise.
   *
   * @param other the new dataset
   * @param policy what happens where both hold a value for the same cell
   * @return the merged dataset; neither input is changed
   * @throws MergeConflictException under {@link MergePolicy#FAIL_ON_CONFLICT}, naming the variable and
   *     coordinates of the first cell where the values differ
   * @throws IllegalArgumentException if a variable has different dimensions in the two datasets, or a
   *     dimension's labels cannot be joined
   */
  public Dataset merge(Dataset other, MergePolicy policy) {
    return Merger.merge(this, other, Objects.requireNonNull(policy, "policy"));
  }

  /**
   * The cells never filled, as xyzpy's {@code find_missing_cases}: the points over the dimensions that
   * every data variable has (the swept dimensions) where every data variable is missing across its
   * remaining dimensions. Each point maps dimension names to labels, in dimension order; feed them to a
   * runner as cases to fill the gaps. A dimension without labels gives positions.
   *
   * @return the missing points, unmodifiable; empty if none, if there are no variables, or if a
   *     variable is of an integer or boolean type (which has no missing value)
   */
  public List<Map<String, Object>> missingCases() {
    return Missing.cases(this);
  }

  /**
   * The first difference between this dataset and another, in words, or empty if they are identical
   * (same dimensions in the same order, labels, variables, values with NaN equal to NaN, attributes).
   *
   * @param other the dataset to compare with
   * @return the first difference, or empty
   */
  public Optional<String> describeDifference(Dataset other) {
    if (!sizes.equals(other.sizes)) {
      if (!new ArrayList<>(sizes.keySet()).equals(new ArrayList<>(other.sizes.keySet()))) {
        return Optional.of("dimensions differ: " + sizes.keySet() + " vs " + other.sizes.keySet());
      }
      return Optional.of("dimension sizes differ: " + sizes + " vs " + other.sizes);
    }
    if (!new ArrayList<>(sizes.keySet()).equals(new ArrayList<>(other.sizes.keySet()))) {
      return Optional.of("dimension order differs: " + sizes.keySet() + " vs " + other.sizes.keySet());
    }
    for (String dim : sizes.keySet()) {
      Index a = coords.get(dim);
      Index b = other.coords.get(dim);
      if (!Objects.equals(a, b)) {
        return Optional.of("labels of '" + dim + "' differ: " + describe(a) + " vs " + describe(b));
      }
    }
    if (!new ArrayList<>(variables.keySet()).equals(new ArrayList<>(other.variables.keySet()))) {
      return Optional.of("variables differ: " + variables.keySet() + " vs " + other.variables.keySet());
    }
    for (Variable a : variables.values()) {
      Variable b = other.variables.get(a.name());
      if (!a.dims().equals(b.dims())) {
        return Optional.of("variable '" + a.name() + "' has dimensions " + a.dims() + " vs " + b.dims());
      }
      if (a.type() != b.type()) {
        return Optional.of("variable '" + a.name() + "' is " + a.type() + " vs " + b.type());
      }
      Column ca = a.storage();
      Column cb = b.storage();
      for (long i = 0; i < ca.length(); i++) {
        if (!ca.sameElement(cb, i, i)) {
          return Optional.of("variable '" + a.name() + "' differs at " + Repr.labels(labelsAt(a, i)) + ": "
              + Repr.value(ca.get(i)) + " vs " + Repr.value(cb.get(i)));
        }
      }
      if (!Attrs.equal(a.attrs(), b.attrs())) {
        return Optional.of("attributes of variable '" + a.name() + "' differ: " + a.attrs() + " vs " + b.attrs());
      }
    }
    if (!Attrs.equal(attrs, other.attrs)) {
      return Optional.of("attributes differ: " + attrsText(attrs) + " vs " + attrsText(other.attrs));
    }
    return Optional.empty();
  }

  private static String describe(Index ix) {
    return ix == null ? "(no labels)" : ix.type() + " " + ix;
  }

  private static String attrsText(Map<String, Object> attrs) {
    StringBuilder sb = new StringBuilder("{");
    for (Map.Entry<String, Object> e : attrs.entrySet()) {
      if (sb.length() > 1) sb.append(", ");
      sb.append(e.getKey()).append('=').append(Repr.attr(e.getValue()));
    }
    return sb.append('}').toString();
  }

  /** The labels (or positions, where a dimension has no labels) of element i of a variable. */
  Map<String, Object> labelsAt(Variable v, long flat) {
    long[] shape = v.shape();
    long[] pos = new long[shape.length];
    for (int d = shape.length - 1; d >= 0; d--) {
      pos[d] = flat % shape[d];
      flat /= shape[d];
    }
    Map<String, Object> out = new LinkedHashMap<>();
    for (int d = 0; d < shape.length; d++) {
      String dim = v.dims().get(d);
      Index ix = coords.get(dim);
      out.put(dim, ix == null ? (Object) pos[d] : ix.get((int) pos[d]));
    }
    return out;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Dataset d && describeDifference(d).isEmpty();
  }

  @Override
  public int hashCode() {
    return Objects.hash(sizes, coords, variables.keySet());
  }

  /**
   * {@return a summary in the layout of xarray's text repr: dimensions, coordinates, variables,
   * attributes}
   */
  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder("<sweep.Dataset>\n");
    StringBuilder dimLine = new StringBuilder();
    for (Map.Entry<String, Integer> e : sizes.entrySet()) {
      if (dimLine.length() > 0) dimLine.append(", ");
      dimLine.append(e.getKey()).append(": ").append(e.getValue());
    }
    sb.append("Dimensions:  (").append(dimLine).append(")\n");
    int w = 8;
    for (String n : sizes.keySet()) w = Math.max(w, n.length() + 1);
    for (String n : variables.keySet()) w = Math.max(w, n.length() + 1);
    if (!coords.isEmpty()) {
      sb.append("Coordinates:\n");
      for (Map.Entry<String, Index> e : coords.entrySet()) {
        Index ix = e.getValue();
        Column c = indexColumn(ix);
        sb.append("  * ").append(pad(e.getKey(), w)).append(" (").append(e.getKey()).append(") ")
            .append(ix.type()).append(' ').append(Repr.values(c, 60)).append('\n');
      }
    }
    List<String> unlabelled = new ArrayList<>();
    for (String d : sizes.keySet()) if (!coords.containsKey(d)) unlabelled.add(d);
    if (!unlabelled.isEmpty()) {
      sb.append("Dimensions without coordinates: ").append(String.join(", ", unlabelled)).append('\n');
    }
    sb.append("Data variables:");
    if (variables.isEmpty()) sb.append("\n    *empty*");
    for (Variable v : variables.values()) {
      sb.append("\n    ").append(pad(v.name(), w)).append(' ').append(Repr.dims(v.dims())).append(' ')
          .append(v.type()).append(' ').append(Repr.values(v.storage(), 60));
    }
    if (!attrs.isEmpty()) {
      sb.append("\nAttributes:");
      for (Map.Entry<String, Object> e : attrs.entrySet()) {
        sb.append("\n    ").append(pad(e.getKey() + ":", w + 1)).append(' ').append(Repr.attr(e.getValue()));
      }
    }
    return sb.toString();
  }

  private static Column indexColumn(Index ix) {
    long[] shape = {ix.size()};
    if (ix.type() == DType.STRING) return Column.ofStrings(shape, (String[]) ix.toArray());
    Column c = Column.allocate(ix.type(), shape);
    for (int i = 0; i < ix.size(); i++) c.set(i, ix.get(i));
    return c;
  }

  private static String pad(String s, int w) {
    StringBuilder sb = new StringBuilder(s);
    while (sb.length() < w) sb.append(' ');
    return sb.toString();
  }

  /**
   * Builds a {@link Dataset}; checks each step as it goes and the whole in {@link #build()}.
   * Dimensions are ordered by first mention: by {@link #coord}, {@link #dim}, or a variable's dims.
   */
  public static final class Builder {
    final Map<String, Integer> sizes = new LinkedHashMap<>();
    final Map<String, Index> coords = new LinkedHashMap<>();
    final Map<String, Variable> variables = new LinkedHashMap<>();
    final Map<String, Object> attrs = new LinkedHashMap<>();

    Builder() {}

    /**
     * Adds (or relabels) a dimension with its labels; its size is the number of labels.
     *
     * @param dim the dimension's name
     * @param labels its labels
     * @return this builder
     * @throws IllegalArgumentException if the dimension already has another size and a variable added
     *     so far lies along it
     */
    public Builder coord(String dim, Index labels) {
      checkDimName(dim);
      Integer before = sizes.get(dim);
      if (before != null && before != labels.size() && variablesUse(dim)) {
        throw new IllegalArgumentException("dimension '" + dim + "' already has size " + before + "; labels "
            + labels + " have " + labels.size());
      }
      sizes.put(dim, labels.size());
      coords.put(dim, labels);
      return this;
    }

    /**
     * Adds a dimension without labels; for a dimension already present, only checks its size.
     *
     * @param dim the dimension's name
     * @param size its size
     * @return this builder
     * @throws IllegalArgumentException if the name is empty, the size is negative, or the dimension already has another size
     */
    public Builder dim(String dim, int size) {
      checkDimName(dim);
      if (size < 0) throw new IllegalArgumentException("dimension '" + dim + "' has negative size " + size);
      Integer before = sizes.get(dim);
      if (before != null && before != size) {
        throw new IllegalArgumentException("dimension '" + dim + "' already has size " + before + ", not " + size);
      }
      sizes.put(dim, size);
      return this;
    }

    private static void checkDimName(String dim) {
      Objects.requireNonNull(dim, "dim");
      if (dim.isBlank()) {
        throw new IllegalArgumentException("dim is \"" + dim + "\"; expected a dimension name such as \"x\"");
      }
    }

    private boolean variablesUse(String dim) {
      return variables.values().stream().anyMatch(v -> v.dims().contains(dim));
    }

    /**
     * Adds a data variable; dimensions it names that are not yet known are added with its sizes.
     *
     * @param v the variable
     * @return this builder
     * @throws IllegalArgumentException if a variable of that name was already added, or its size along
     *     a known dimension differs
     */
    public Builder variable(Variable v) {
      if (variables.containsKey(v.name())) {
        throw new IllegalArgumentException("variable '" + v.name() + "' was already added");
      }
      long[] shape = v.shape();
      for (int d = 0; d < shape.length; d++) {
        String dim = v.dims().get(d);
        Integer s = sizes.get(dim);
        if (s == null) {
          sizes.put(dim, Math.toIntExact(shape[d]));
        } else if (s != shape[d]) {
          throw new IllegalArgumentException("variable '" + v.name() + "' has size " + shape[d] + " along '"
              + dim + "', but the dimension has size " + s);
        }
      }
      variables.put(v.name(), v);
      return this;
    }

    /**
     * Adds a numeric or boolean data variable over the given dimensions; the array is copied.
     *
     * @param name the variable's name
     * @param dims the dimension names, one per axis of the array
     * @param values the data
     * @return this builder
     * @throws IllegalArgumentException as {@link Variable#of(String, List, INDArray)} and
     *     {@link #variable(Variable)}
     */
    public Builder variable(String name, List<String> dims, INDArray values) {
      return variable(Variable.of(name, dims, values));
    }

    /**
     * Adds a string data variable over dimensions already added.
     *
     * @param name the variable's name
     * @param dims the dimension names, each already known to the builder
     * @param values the values in C order over the dimensions' sizes; null marks a missing value
     * @return this builder
     * @throws IllegalArgumentException if a dimension is not yet known, the number of values does not
     *     fit, or a variable of that name was already added
     */
    public Builder variable(String name, List<String> dims, String... values) {
      long[] shape = new long[dims.size()];
      for (int d = 0; d < shape.length; d++) {
        Integer s = sizes.get(dims.get(d));
        if (s == null) {
          throw new IllegalArgumentException("variable '" + name + "': add dimension '" + dims.get(d)
              + "' before a string variable over it");
        }
        shape[d] = s;
      }
      return variable(Variable.ofStrings(name, dims, shape, values));
    }

    /**
     * Removes a data variable, if present; its dimensions stay.
     *
     * @param name the variable's name
     * @return this builder
     */
    public Builder removeVariable(String name) {
      variables.remove(name);
      return this;
    }

    /**
     * Sets an attribute, replacing one of the same name. An enum is stored by its name, a list of
     * strings as a String[]; arrays are copied.
     *
     * @param name the attribute name
     * @param value a String, number, boolean, enum, or an array of numbers or strings
     * @return this builder
     * @throws IllegalArgumentException naming a value of another kind, or null
     */
    public Builder attr(String name, Object value) {
      attrs.put(Objects.requireNonNull(name, "name"), Attrs.check(name, value));
      return this;
    }

    /**
     * Sets several attributes, as {@link #attr} does each.
     *
     * @param values the attributes by name
     * @return this builder
     * @throws IllegalArgumentException naming the first value of an unsupported kind
     */
    public Builder attrs(Map<String, ?> values) {
      values.forEach(this::attr);
      return this;
    }

    /**
     * Builds the dataset, checking that every variable's shape matches its dimensions' sizes.
     *
     * @return the dataset
     * @throws IllegalArgumentException if a variable's size along a dimension differs from the
     *     dimension's (after a relabelling), or a variable has the name of a labelled dimension
     */
    public Dataset build() {
      for (Variable v : variables.values()) {
        long[] shape = v.shape();
        for (int d = 0; d < shape.length; d++) {
          int s = sizes.get(v.dims().get(d));
          if (s != shape[d]) {
            throw new IllegalArgumentException("variable '" + v.name() + "' has size " + shape[d] + " along '"
                + v.dims().get(d) + "', but the dimension has size " + s);
          }
        }
        if (sizes.containsKey(v.name()) && coords.containsKey(v.name())) {
          throw new IllegalArgumentException("variable '" + v.name() + "' has the name of a labelled dimension");
        }
      }
      return new Dataset(new LinkedHashMap<>(sizes), new LinkedHashMap<>(coords),
          new LinkedHashMap<>(variables), attrs);
    }
  }

  // ---- xarray's everyday operations: reductions (Reductions), selection (Selection), reshaping (Reshape) ----

  /**
   * {@return the sum over the given dimensions (all if none), skipping missing values} As
   * {@link #sum(Reduce)} with {@code Reduce.over(dims)}.
   *
   * @param dims the dimensions to reduce over; none for every dimension
   * @throws IllegalArgumentException as {@link #sum(Reduce)}
   */
  public Dataset sum(String... dims) {
    return sum(Reduce.over(dims));
  }

  /**
   * {@return the sum of each data variable over the reduction's dimensions} As xarray's
   * {@code ds.sum(dim)}: the reduced dimensions and their labels go; int32, int64 and bool sum to int64 (float64
   * with a positive {@link Reduce#minCount}); float32 stays float32; an empty or all-missing sum is 0. A
   * variable without any of the dimensions is kept as it is; see {@link Reduce} for skipna and the other
   * options.
   *
   * @param how the dimensions and options
   * @throws IllegalArgumentException naming a dimension that does not exist (and listing those that
   *     do), or a str variable that would be reduced
   */
  public Dataset sum(Reduce how) {
    return Reductions.reduce(this, Reductions.Op.SUM, Objects.requireNonNull(how, "how"));
  }

  /**
   * {@return the mean over the given dimensions (all if none), skipping missing values} As
   * {@link #mean(Reduce)} with {@code Reduce.over(dims)}.
   *
   * @param dims the dimensions to reduce over; none for every dimension
   * @throws IllegalArgumentException as {@link #mean(Reduce)}
   */
  public Dataset mean(String... dims) {
    return mean(Reduce.over(dims));
  }

  /**
   * {@return the mean of each data variable over the reduction's dimensions} As xarray's
   * {@code ds.mean(dim)}: the reduced dimensions and their labels go; integers and bools give float64, float32
   * stays float32; NaN where no value is present. A variable without any of the dimensions is kept as it
   * is; see {@link Reduce} for skipna and the other options.
   *
   * @param how the dimensions and options
   * @throws IllegalArgumentException naming a dimension that does not exist (and listing those that
   *     do), or a str variable that would be reduced
   */
  public Dataset mean(Reduce how) {
    return Reductions.reduce(this, Reductions.Op.MEAN, Objects.requireNonNull(how, "how"));
  }

  /**
   * {@return the minimum over the given dimensions (all if none), skipping missing values} As
   * {@link #min(Reduce)} with {@code Reduce.over(dims)}.
   *
   * @param dims the dimensions to reduce over; none for every dimension
   * @throws IllegalArgumentException as {@link #min(Reduce)}
   */
  public Dataset min(String... dims) {
    return min(Reduce.over(dims));
  }

  /**
   * {@return the minimum of each data variable over the reduction's dimensions} As xarray's
   * {@code ds.min(dim)}: the reduced dimensions and their labels go; the type is kept (strings compare
   * lexicographically, false before true); NaN or null where no value is present. A variable without
   * any of the dimensions is kept as it is; see {@link Reduce} for skipna and the other options.
   *
   * @param how the dimensions and options
   * @throws IllegalArgumentException naming a dimension that does not exist (and listing those that
   *     do), or a dimension of size 0 (which has no min)
   */
  public Dataset min(Reduce how) {
    return Reductions.reduce(this, Reductions.Op.MIN, Objects.requireNonNull(how, "how"));
  }

  /**
   * {@return the maximum over the given dimensions (all if none), skipping missing values} As
   * {@link #max(Reduce)} with {@code Reduce.over(dims)}.
   *
   * @param dims the dimensions to reduce over; none for every dimension
   * @throws IllegalArgumentException as {@link #max(Reduce)}
   */
  public Dataset max(String... dims) {
    return max(Reduce.over(dims));
  }

  /**
   * {@return the maximum of each data variable over the reduction's dimensions} As xarray's
   * {@code ds.max(dim)}: the reduced dimensions and their labels go; the type is kept, as for
   * {@link #min(Reduce)}. A variable without any of the dimensions is kept as it is; see {@link Reduce} for skipna
   * and the other options.
   *
   * @param how the dimensions and options
   * @throws IllegalArgumentException naming a dimension that does not exist (and listing those that
   *     do), or a dimension of size 0 (which has no max)
   */
  public Dataset max(Reduce how) {
    return Reductions.reduce(this, Reductions.Op.MAX, Objects.requireNonNull(how, "how"));
  }

  /**
   * {@return the standard deviation over the given dimensions (all if none), skipping missing values} As
   * {@link #std(Reduce)} with {@code Reduce.over(dims)}.
   *
   * @param dims the dimensions to reduce over; none for every dimension
   * @throws IllegalArgumentException as {@link #std(Reduce)}
   */
  public Dataset std(String... dims) {
    return std(Reduce.over(dims));
  }

  /**
   * {@return the standard deviation of each data variable over the reduction's dimensions} As xarray's
   * {@code ds.std(dim)}: the reduced dimensions and their labels go; the divisor is {@code N - ddof}
   * ({@link Reduce#ddof}); float64 (float32 stays float32). A variable without any of the dimensions is
   * reduced over none of its values, as xarray does; see {@link Reduce} for skipna and the other options.
   *
   * @param how the dimensions and options
   * @throws IllegalArgumentException naming a dimension that does not exist (and listing those that
   *     do), or a str variable that would be reduced
   */
  public Dataset std(Reduce how) {
    return Reductions.reduce(this, Reductions.Op.STD, Objects.requireNonNull(how, "how"));
  }

  /**
   * {@return the variance over the given dimensions (all if none), skipping missing values} As
   * {@link #var(Reduce)} with {@code Reduce.over(dims)}.
   *
   * @param dims the dimensions to reduce over; none for every dimension
   * @throws IllegalArgumentException as {@link #var(Reduce)}
   */
  public Dataset var(String... dims) {
    return var(Reduce.over(dims));
  }

  /**
   * {@return the variance of each data variable over the reduction's dimensions} As xarray's
   * {@code ds.var(dim)}: the reduced dimensions and their labels go; the divisor is {@code N - ddof}
   * ({@link Reduce#ddof}); float64 (float32 stays float32). A variable without any of the dimensions is reduced
   * over none of its values, as xarray does; see {@link Reduce} for skipna and the other options.
   *
   * @param how the dimensions and options
   * @throws IllegalArgumentException naming a dimension that does not exist (and listing those that
   *     do), or a str variable that would be reduced
   */
  public Dataset var(Reduce how) {
    return Reductions.reduce(this, Reductions.Op.VAR, Objects.requireNonNull(how, "how"));
  }

  /**
   * {@return the median over the given dimensions (all if none), skipping missing values} As
   * {@link #median(Reduce)} with {@code Reduce.over(dims)}.
   *
   * @param dims the dimensions to reduce over; none for every dimension
   * @throws IllegalArgumentException as {@link #median(Reduce)}
   */
  public Dataset median(String... dims) {
    return median(Reduce.over(dims));
  }

  /**
   * {@return the median of each data variable over the reduction's dimensions} As xarray's
   * {@code ds.median(dim)}: the reduced dimensions and their labels go; the mean of the two middle values for an
   * even count; float64 (float32 stays float32). A variable without any of the dimensions is kept as it is;
   * see {@link Reduce} for skipna and the other options.
   *
   * @param how the dimensions and options
   * @throws IllegalArgumentException naming a dimension that does not exist (and listing those that
   *     do), or a str variable that would be reduced
   */
  public Dataset median(Reduce how) {
    return Reductions.reduce(this, Reductions.Op.MEDIAN, Objects.requireNonNull(how, "how"));
  }

  /**
   * {@return the number of values present (not NaN, not null) over the given dimensions (all if none),
   * skipping missing values} As {@link #count(Reduce)} with {@code Reduce.over(dims)}.
   *
   * @param dims the dimensions to reduce over; none for every dimension
   * @throws IllegalArgumentException as {@link #count(Reduce)}
   */
  public Dataset count(String... dims) {
    return count(Reduce.over(dims));
  }

  /**
   * {@return the number of values present (not NaN, not null) of each data variable over the reduction's
   * dimensions} As xarray's {@code ds.count(dim)}: the reduced dimensions and their labels go; int64, for
   * every type. A variable without any of the dimensions is reduced over none of its values, as xarray
   * does; see {@link Reduce} for skipna and the other options.
   *
   * @param how the dimensions and options
   * @throws IllegalArgumentException naming a dimension that does not exist (and listing those that
   *     do)
   */
  public Dataset count(Reduce how) {
    return Reductions.reduce(this, Reductions.Op.COUNT, Objects.requireNonNull(how, "how"));
  }

  /**
   * {@return the product over the given dimensions (all if none), skipping missing values} As
   * {@link #prod(Reduce)} with {@code Reduce.over(dims)}.
   *
   * @param dims the dimensions to reduce over; none for every dimension
   * @throws IllegalArgumentException as {@link #prod(Reduce)}
   */
  public Dataset prod(String... dims) {
    return prod(Reduce.over(dims));
  }

  /**
   * {@return the product of each data variable over the reduction's dimensions} As xarray's
   * {@code ds.prod(dim)}: the reduced dimensions and their labels go; types as for {@link #sum(Reduce)}; an empty
   * or all-missing product is 1. A variable without any of the dimensions is kept as it is; see
   * {@link Reduce} for skipna and the other options.
   *
   * @param how the dimensions and options
   * @throws IllegalArgumentException naming a dimension that does not exist (and listing those that
   *     do), or a str variable that would be reduced
   */
  public Dataset prod(Reduce how) {
    return Reductions.reduce(this, Reductions.Op.PROD, Objects.requireNonNull(how, "how"));
  }

  /**
   * {@return the labels along {@code dim} where each data variable is smallest, skipping missing values}
   * As {@link #idxmin(Reduce)} with {@code Reduce.over(dim)}.
   *
   * @param dim the labelled dimension to search along
   * @throws IllegalArgumentException as {@link #idxmin(Reduce)}
   */
  public Dataset idxmin(String dim) {
    return idxmin(Reduce.over(dim));
  }

  /**
   * {@return the labels along the reduction's one dimension where each data variable is smallest} As
   * xarray's {@code ds.idxmin(dim)}: the first such label on ties; where every value is missing the
   * result is missing (int and bool labels then become float64); without skipna a NaN wins.
   *
   * @param how one dimension, and the skipna and keepAttrs options
   * @throws IllegalArgumentException unless {@code how} names exactly one labelled dimension of
   *     non-zero size that every data variable has; or if a variable is str
   */
  public Dataset idxmin(Reduce how) {
    return Reductions.idx(this, false, Objects.requireNonNull(how, "how"));
  }

  /**
   * {@return the labels along {@code dim} where each data variable is largest, skipping missing values}
   * As {@link #idxmax(Reduce)} with {@code Reduce.over(dim)}.
   *
   * @param dim the labelled dimension to search along
   * @throws IllegalArgumentException as {@link #idxmax(Reduce)}
   */
  public Dataset idxmax(String dim) {
    return idxmax(Reduce.over(dim));
  }

  /**
   * {@return the labels along the reduction's one dimension where each data variable is largest} As
   * xarray's {@code ds.idxmax(dim)}: the first such label on ties; where every value is missing the
   * result is missing (int and bool labels then become float64); without skipna a NaN wins.
   *
   * @param how one dimension, and the skipna and keepAttrs options
   * @throws IllegalArgumentException unless {@code how} names exactly one labelled dimension of
   *     non-zero size that every data variable has; or if a variable is str
   */
  public Dataset idxmax(Reduce how) {
    return Reductions.idx(this, true, Objects.requireNonNull(how, "how"));
  }

  /**
   * Selects by labels as {@link #sel(Map)} does, finding each label as {@code lookup} says: exactly, or
   * the nearest label within a tolerance (xarray's {@code sel(..., method="nearest", tolerance=...)}).
   * A {@link Slice} selects a label range, both ends included (exact lookup only).
   *
   * @param labels a label, a collection of labels or a {@link Slice}, by dimension name
   * @param lookup how single labels and collections are found
   * @return the selection; this dataset is unchanged
   * @throws IllegalArgumentException naming the dimension and listing its labels, if a dimension does
   *     not exist or has no labels, a label is of another type or absent (or farther than the
   *     tolerance), two labels select the same one, or a range runs backwards or meets unsorted labels
   */
  public Dataset sel(Map<String, ?> labels, Lookup lookup) {
    return Selection.sel(this, labels, Objects.requireNonNull(lookup, "lookup"));
  }

  /**
   * Masks every data variable where a condition is false, as xarray's {@code ds.where(cond)}: the cells
   * become missing (NaN, or null for strings). The condition is a bool variable over some of this
   * dataset's dimensions; a data variable that lacks some of them is broadcast over them (they are
   * appended to its dimensions). An int or bool variable with a masked cell becomes float64.
   *
   * @param condition true where values are kept
   * @return the masked dataset; this one is unchanged
   * @throws IllegalArgumentException if the condition is not bool, or has a dimension this dataset
   *     lacks or of another size
   */
  public Dataset where(Variable condition) {
    return Selection.where(this, Objects.requireNonNull(condition, "condition"));
  }

  /**
   * Masks every data variable where a test of one variable fails: {@code ds.where("b_out", v -> v > 0.5)}
   * is xarray's {@code ds.where(ds.b_out > 0.5)}. The test sees doubles (NaN where missing; bools as 0
   * and 1). As {@link #where(Variable)} otherwise.
   *
   * @param variable the numeric or bool variable tested
   * @param keep true for the values to keep
   * @return the masked dataset
   * @throws IllegalArgumentException if there is no such variable or it is str
   */
  public Dataset where(String variable, java.util.function.DoublePredicate keep) {
    return Selection.where(this, variable, Objects.requireNonNull(keep, "keep"));
  }

  /**
   * {@return this dataset without the labels along {@code dim} where any value is missing} As
   * {@link #dropMissing(String, Drop)} with {@link Drop#ANY}.
   *
   * @param dim the dimension whose labels may go
   * @throws IllegalArgumentException if there is no such dimension
   */
  public Dataset dropMissing(String dim) {
    return dropMissing(dim, Drop.ANY);
  }

  /**
   * {@return this dataset without the labels along {@code dim} where values are missing} As xarray's
   * {@code dropna(dim, how=...)}: the values along a label are those of every data variable over the
   * dimension; int and bool variables are never missing.
   *
   * @param dim the dimension whose labels may go
   * @param how {@link Drop#ANY} drops a label with any missing value, {@link Drop#ALL} one whose values
   *     are all missing
   * @throws IllegalArgumentException if there is no such dimension
   */
  public Dataset dropMissing(String dim, Drop how) {
    return Selection.dropMissing(this, dim, Objects.requireNonNull(how, "how"));
  }

  /**
   * {@return this dataset without the given labels, as xarray's {@code drop_sel}}
   *
   * @param labels a label or a collection of labels, by dimension name
   * @throws IllegalArgumentException naming the dimension and listing its labels, if a dimension does
   *     not exist or has no labels, a label is absent or of another type, or every label would go
   */
  public Dataset dropSel(Map<String, ?> labels) {
    return Selection.dropSel(this, labels);
  }

  /**
   * {@return this dataset without the given data variables, as xarray's {@code drop_vars}} The name of a
   * labelled dimension drops its labels; the dimension stays.
   *
   * @param names the variables (or labelled dimensions) to drop
   * @throws IllegalArgumentException naming a name that is neither, and listing those that exist
   */
  public Dataset dropVars(String... names) {
    return Reshape.dropVars(this, List.of(names));
  }

  /**
   * {@return this dataset with variables and dimensions renamed, as xarray's {@code rename}} A
   * dimension keeps its labels under its new name; the data is shared, not copied.
   *
   * @param names new names by old name, of variables or dimensions
   * @throws IllegalArgumentException if an old name does not exist (listing those that do), or a new
   *     name is taken
   */
  public Dataset rename(Map<String, String> names) {
    return Reshape.rename(this, names);
  }

  /**
   * {@return this dataset with one variable or dimension renamed} As {@link #rename(Map)}.
   *
   * @param from the old name
   * @param to the new name
   * @throws IllegalArgumentException as {@link #rename(Map)}
   */
  public Dataset rename(String from, String to) {
    return rename(Map.of(from, to));
  }

  /**
   * {@return this dataset with its dimensions in another order, each variable's axes following, as
   * xarray's {@code transpose}} {@code "..."} stands for the dimensions not named, in their order.
   *
   * @param dims every dimension in the new order, or some of them and {@code "..."}
   * @throws IllegalArgumentException if a dimension does not exist, is named twice, or is left out
   *     without {@code "..."}
   */
  public Dataset transpose(String... dims) {
    return Reshape.transpose(this, List.of(dims));
  }

  /**
   * {@return this dataset with a new first dimension of size 1 without labels, which every data
   * variable gets as its first axis} As xarray's {@code expand_dims(dim)}.
   *
   * @param dim the new dimension
   * @throws IllegalArgumentException if the dimension exists
   */
  public Dataset expandDims(String dim) {
    return Reshape.expandDims(this, Objects.requireNonNull(dim, "dim"), null, 1);
  }

  /**
   * {@return this dataset with a new first dimension holding one label, which every data variable gets
   * as its first axis} As xarray's {@code expand_dims({dim: [label]})}: a value all the data shares (a
   * constant of earlier harvests) becomes a labelled dimension, ready to merge with data at other labels.
   *
   * @param dim the new dimension
   * @param label its one label
   * @throws IllegalArgumentException if the dimension exists, or the label is of no supported type
   */
  public Dataset expandDims(String dim, Object label) {
    return expandDims(dim, Index.of(label));
  }

  /**
   * {@return this dataset with a new first dimension with the given labels, every data variable
   * repeated along it} As xarray's {@code expand_dims({dim: labels})}.
   *
   * @param dim the new dimension
   * @param labels its labels
   * @throws IllegalArgumentException if the dimension exists
   */
  public Dataset expandDims(String dim, Index labels) {
    return Reshape.expandDims(this, Objects.requireNonNull(dim, "dim"), labels, labels.size());
  }

  /**
   * {@return this dataset without dimensions of size 1, as xarray's {@code squeeze}} sweep has no scalar
   * coordinates, so the label of a squeezed dimension goes with it (as with {@code isel} of one position).
   *
   * @param dims the dimensions to squeeze; none for every dimension of size 1
   * @throws IllegalArgumentException if a dimension named does not exist or has another size
   */
  public Dataset squeeze(String... dims) {
    return Reshape.squeeze(this, List.of(dims));
  }

  /**
   * {@return this dataset with labels set on a dimension, as xarray's {@code assign_coords}} An existing
   * dimension keeps its size; a new one is added (no variable lies along it).
   *
   * @param dim the dimension
   * @param labels its labels
   * @throws IllegalArgumentException if the dimension has another size, or a data variable has its name
   */
  public Dataset assignCoords(String dim, Index labels) {
    return assignCoords(Map.of(dim, labels));
  }

  /**
   * {@return this dataset with labels set on several dimensions} As {@link #assignCoords(String, Index)}.
   *
   * @param coords labels by dimension name
   * @throws IllegalArgumentException as {@link #assignCoords(String, Index)}
   */
  public Dataset assignCoords(Map<String, Index> coords) {
    return Reshape.assignCoords(this, coords);
  }

  /**
   * {@return datasets joined end to end along a dimension, as xarray's {@code concat}} Along an
   * existing dimension its labels are concatenated (they must stay distinct); along a new one it comes
   * first, one position per dataset, without labels. Every dataset must have the same variables and the
   * same other dimensions and labels (use {@link #merge} to align differing labels). A variable
   * without the dimension is repeated along it; types widen as NumPy does; attributes are the first
   * dataset's.
   *
   * @param datasets the datasets, in order; at least one
   * @param dim the dimension to join along
   * @throws IllegalArgumentException naming the dataset and the difference, if the variables,
   *     dimensions or labels differ, or labels along the dimension repeat
   */
  public static Dataset concat(List<Dataset> datasets, String dim) {
    return Reshape.concat(datasets, Objects.requireNonNull(dim, "dim"), null);
  }

  /**
   * {@return datasets joined along a new first dimension with the given labels, one per dataset} As
   * {@link #concat(List, String)}.
   *
   * @param datasets the datasets, in order; at least one
   * @param dim the new dimension, which no dataset has
   * @param labels one label per dataset
   * @throws IllegalArgumentException as {@link #concat(List, String)}, or if the dimension exists or
   *     the number of labels is not the number of datasets
   */
  public static Dataset concat(List<Dataset> datasets, String dim, Index labels) {
    return Reshape.concat(datasets, Objects.requireNonNull(dim, "dim"), Objects.requireNonNull(labels, "labels"));
  }

  /**
   * A data variable, or a dimension's labels as a 1-D variable over that dimension, as xarray's
   * {@code ds[name]}: the operands of arithmetic such as {@code ds.get("b_out").times(ds.get("a"))}.
   *
   * @param name a data variable or a labelled dimension
   * @return the variable
   * @throws IllegalArgumentException if it is neither, listing both kinds
   */
  public Variable get(String name) {
    Variable v = variables.get(name);
    if (v != null) return v;
    Index ix = coords.get(name);
    if (ix != null) return Arithmetic.labels(name, ix);
    throw new IllegalArgumentException("no variable or labelled dimension '" + name + "'; the variables are "
        + variables.keySet() + " and the labelled dimensions " + coords.keySet());
  }

  /**
   * {@return this dataset with a variable added under {@code name} (last), or replacing the one of that
   * name (in its place)},
   * as xarray's {@code assign}: {@code ds.with("energy", ds.get("b_out").times(ds.get("a")))}.
   * Dimensions the variable has and this dataset lacks are added without labels.
   *
   * @param name the variable's name in the result
   * @param variable the data
   * @throws IllegalArgumentException if its size along a dimension differs from the dimension's, or
   *     the name is that of a labelled dimension
   */
  public Dataset with(String name, Variable variable) {
    Objects.requireNonNull(name, "name");
    Builder b = toBuilder();
    b.variables.clear();
    for (Variable v : variables.values()) b.variable(v.name().equals(name) ? variable.rename(name) : v);
    if (!variables.containsKey(name)) b.variable(variable.rename(name));
    return b.build();
  }

  /**
   * {@return this dataset with a variable computed from it}:
   * {@code ds.with("energy", d -> d.get("b_out").times(d.get("a")))}. As {@link #with(String, Variable)}.
   *
   * @param name the variable's name in the result
   * @param compute the variable, from this dataset
   * @throws IllegalArgumentException as {@link #with(String, Variable)}, or as {@code compute} throws
   */
  public Dataset with(String name, java.util.function.Function<Dataset, Variable> compute) {
    return with(name, Objects.requireNonNull(compute.apply(this), "the computed variable"));
  }

  /** C-order strides of a shape, in elements. */
  static long[] strides(long[] shape) {
    long[] st = new long[shape.length];
    long s = 1;
    for (int d = shape.length - 1; d >= 0; d--) {
      st[d] = s;
      s *= shape[d];
    }
    return st;
  }
}
