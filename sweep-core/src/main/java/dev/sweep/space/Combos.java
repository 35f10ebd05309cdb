package dev.sweep.space;

import dev.sweep.data.DuplicateLabelException;
import dev.sweep.data.Index;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Named parameters, each with a finite list of values, whose outer product is swept: xyzpy's
 * {@code combos}. Order is declared order, the last parameter varying fastest; the number of
 * combinations is known up front and nothing is expanded until run.
 *
 * <pre>{@code
 * Combos combos = Combos.builder()
 *     .add("a", 1, 2, 3)
 *     .add("b", "x", "y", "z")
 *     .add("c", true, false)
 *     .build();   // 18 combinations
 * }</pre>
 *
 * <p>Values may be int, long, double, float, String, boolean or enum constants; those of one
 * parameter must share one coordinate type (ints and doubles promote to double). The function
 * receives the values as given (enum constants stay enums); the dataset labels them by value
 * (enums by name).
 */
public final class Combos {
  private static final Combos EMPTY = new Combos(new LinkedHashMap<>());

  private final Map<String, Parameter> parameters;

  private Combos(Map<String, Parameter> parameters) {
    this.parameters = Collections.unmodifiableMap(parameters);
  }

  /** {@return no parameters: a single empty combination} */
  public static Combos empty() {
    return EMPTY;
  }

  /** {@return a builder with no parameters yet} */
  /**
   * {@return the combinations of a map from parameter name to values} xyzpy's
   * {@code combos={'a': [1, 2], 'b': 'x'}}: a value that is a collection or an array gives the
   * parameter's values, anything else is a parameter of one value. The parameters come in the map's
   * order when it has one (a LinkedHashMap or SortedMap), else alphabetically, as in
   * {@link Cases#ofMaps}.
   *
   * @param values the values of each parameter
   * @throws IllegalArgumentException as {@link Builder#add(String, Object...)}, naming the parameter
   */
  public static Combos of(Map<String, ?> values) {
    Objects.requireNonNull(values, "values");
    List<String> names = new ArrayList<>(values.keySet());
    if (!(values instanceof LinkedHashMap<?, ?>) && !(values instanceof java.util.SortedMap<?, ?>)) {
      Collections.sort(names);
    }
    Builder b = builder();
    for (String name : names) {
      Object v = values.get(name);
      if (v instanceof java.util.Collection<?> c) b.add(name, new ArrayList<>(c));
      else if (v != null && v.getClass().isArray()) {
        Object[] boxed = new Object[java.lang.reflect.Array.getLength(v)];
        for (int i = 0; i < boxed.length; i++) boxed[i] = java.lang.reflect.Array.get(v, i);
        b.add(name, boxed);
      } else b.add(name, new Object[] {v});
    }
    return b.build();
  }

  public static Builder builder() {
    return new Builder();
  }

  /** {@return the parameter names, in declared order; unmodifiable} */
  public List<String> names() {
    return List.copyOf(parameters.keySet());
  }

  /** {@return the number of parameters: the number of dimensions they span} */
  public int rank() {
    return parameters.size();
  }

  /**
   * The number of combinations: the product of the value counts (1 with no parameters).
   *
   * @return the number of combinations, at least 1
   * @throws IllegalStateException if a parameter stands for stored values not yet resolved
   * @throws IllegalArgumentException naming the sizes, if the product overflows a long
   */
  public long size() {
    long n = 1;
    for (Parameter p : parameters.values()) {
      if (p.isStored()) {
        throw new IllegalStateException("parameter '" + p.name() + "' stands for the values already stored; "
            + "only a Harvester can resolve it");
      }
      try {
        n = Math.multiplyExact(n, p.size());
      } catch (ArithmeticException e) {
        List<String> sizes = new ArrayList<>();
        for (Parameter q : parameters.values()) sizes.add(q.name() + ": " + q.size());
        throw new IllegalArgumentException("the combinations of " + String.join(" x ", sizes) + " are more than "
            + Long.MAX_VALUE + " runs; sweep fewer values, or sample the space with a Sampler", e);
      }
    }
    return n;
  }

  /**
   * {@return the names of parameters added with {@link Builder#addStored}, still to be resolved;
   * usually empty}
   */
  public List<String> storedNames() {
    return parameters.values().stream().filter(Parameter::isStored).map(Parameter::name).toList();
  }

  /**
   * {@return true if a parameter of that name is present}
   *
   * @param name the parameter name
   */
  public boolean contains(String name) {
    return parameters.containsKey(name);
  }

  /**
   * {@return one parameter's values and labels}
   *
   * @param name the parameter name
   * @throws IllegalArgumentException naming the parameters there are, if there is none by that name
   */
  public Parameter parameter(String name) {
    Parameter p = parameters.get(name);
    if (p == null) {
      throw new IllegalArgumentException("no parameter '" + name + "'; the parameters are " + parameters.keySet());
    }
    return p;
  }

  /** {@return the parameters, in declared order; unmodifiable} */
  public List<Parameter> parameters() {
    return List.copyOf(parameters.values());
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder("Combos{");
    for (Parameter p : parameters.values()) {
      if (sb.length() > 7) sb.append(", ");
      sb.append(p.name()).append('=').append(p.isStored() ? "(stored)" : p.labels());
    }
    return sb.append('}').toString();
  }

  /** A parameter: its name, the values passed to the function, and their labels. */
  public static final class Parameter {
    private final String name;
    private final Object[] values;
    private final Index labels;

    Parameter(String name, Object[] values) {
      this.name = name;
      this.values = values;
      this.labels = values == null ? null : labelsOf(name, values);
    }

    /** {@return true for a placeholder meaning every value already stored (see {@link Builder#addStored})} */
    public boolean isStored() {
      return values == null;
    }

    static Index labelsOf(String name, Object[] values) {
      if (values.length == 0) {
        throw new IllegalArgumentException("parameter '" + name + "' has no values; expected at least one");
      }
      for (int i = 0; i < values.length; i++) {
        if (values[i] == null) {
          throw new IllegalArgumentException("parameter '" + name + "' has a null value at position " + i);
        }
      }
      try {
        return Index.of(values);
      } catch (DuplicateLabelException e) {
        throw new IllegalArgumentException("parameter '" + name + "' has " + e.getMessage()
            + "; the values of a parameter must be distinct", e);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("parameter '" + name + "': " + e.getMessage()
            + "; its values must share one type (int, long, double, String, boolean or one enum)", e);
      }
    }

    /** {@return the parameter's name: the function's argument and the dataset's dimension} */
    public String name() {
      return name;
    }

    /** {@return the number of values; 0 for a stored placeholder} */
    public int size() {
      return values == null ? 0 : values.length;
    }

    /**
     * {@return the value at a position, as passed to the function (an enum constant stays an enum)}
     *
     * @param i the position, in declared order from 0
     * @throws ArrayIndexOutOfBoundsException if {@code i} is outside {@code 0..size() - 1}
     * @throws NullPointerException for a stored placeholder, which has no values
     */
    public Object value(int i) {
      return values[i];
    }

    /**
     * {@return the labels of the values, as stored in a dataset (an enum by its name); null for a
     * stored placeholder}
     */
    public Index labels() {
      return labels;
    }
  }

  /**
   * Builds {@link Combos}; rejects a bad parameter as soon as it is added. Every {@code add} rejects
   * a name already added, no values, a null value, a repeated value, and values that cannot share one
   * coordinate type.
   */
  public static final class Builder {
    private final Map<String, Parameter> parameters = new LinkedHashMap<>();

    Builder() {}

    /**
     * Adds a parameter with the given values (boxed; use the array overloads for primitives).
     *
     * @param name the parameter name, not yet added
     * @param values the values in sweep order: distinct, non-null, of one coordinate type
     * @return this builder
     * @throws IllegalArgumentException for a name already added, a single array given in place of its
     *     elements, no values, a null or repeated value, or values that cannot share a type
     */
    public Builder add(String name, Object... values) {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(values, () -> "the values of parameter '" + name + "'");
      if (name.isBlank()) {
        throw new IllegalArgumentException("a parameter name is empty (\"" + name + "\"); name every parameter");
      }
      if (values.length == 1 && values[0] != null && values[0].getClass().isArray()) {
        throw new IllegalArgumentException("parameter '" + name + "' was given one array ("
            + values[0].getClass().getSimpleName() + "); pass its elements, or use add(name, int[]/long[]/double[])");
      }
      Parameter before = parameters.get(name);
      if (before != null) {
        throw new IllegalArgumentException("parameter '" + name + "' was already added with values "
            + before.labels());
      }
      parameters.put(name, new Parameter(name, values.clone()));
      return this;
    }

    /**
     * Adds a parameter with the values of a list, in list order.
     *
     * @param name the parameter name, not yet added
     * @param values the values: distinct, non-null, of one coordinate type
     * @return this builder
     * @throws IllegalArgumentException as {@link #add(String, Object...)}
     */
    public Builder add(String name, List<?> values) {
      return add(name, Objects.requireNonNull(values, () -> "the values of parameter '" + name + "'").toArray());
    }

    /**
     * Adds a parameter with int values (int32 labels).
     *
     * @param name the parameter name, not yet added
     * @param values the distinct values
     * @return this builder
     * @throws IllegalArgumentException as {@link #add(String, Object...)}
     */
    public Builder add(String name, int[] values) {
      Object[] o = new Object[values.length];
      for (int i = 0; i < o.length; i++) o[i] = values[i];
      return add(name, o);
    }

    /**
     * Adds a parameter with long values (int64 labels).
     *
     * @param name the parameter name, not yet added
     * @param values the distinct values
     * @return this builder
     * @throws IllegalArgumentException as {@link #add(String, Object...)}
     */
    public Builder add(String name, long[] values) {
      Object[] o = new Object[values.length];
      for (int i = 0; i < o.length; i++) o[i] = values[i];
      return add(name, o);
    }

    /**
     * Adds a parameter with double values (float64 labels).
     *
     * @param name the parameter name, not yet added
     * @param values the distinct values
     * @return this builder
     * @throws IllegalArgumentException as {@link #add(String, Object...)}
     */
    public Builder add(String name, double[] values) {
      Object[] o = new Object[values.length];
      for (int i = 0; i < o.length; i++) o[i] = values[i];
      return add(name, o);
    }

    /**
     * Adds a parameter that stands for every value already stored along the dimension of that name
     * (xyzpy's {@code ...}): a Harvester replaces it with the labels in its file before running.
     * Until then the combos have no {@link Combos#size()} and no space can be made of them.
     *
     * @param name the parameter name, not yet added; also the stored dimension's name
     * @return this builder
     * @throws IllegalArgumentException if the name was already added
     */
    public Builder addStored(String name) {
      Objects.requireNonNull(name, "name");
      if (parameters.containsKey(name)) {
        throw new IllegalArgumentException("parameter '" + name + "' was already added");
      }
      parameters.put(name, new Parameter(name, null));
      return this;
    }

    /**
     * Adds a parameter with every constant of an enum, in declaration order; the function receives the
     * constants, the dataset labels them by name.
     *
     * @param <E> the enum
     * @param name the parameter name, not yet added
     * @param enumType the enum's class
     * @return this builder
     * @throws IllegalArgumentException if the name was already added or the enum has no constants
     */
    public <E extends Enum<E>> Builder add(String name, Class<E> enumType) {
      return add(name, (Object[]) enumType.getEnumConstants());
    }

    /** {@return the combos, with the parameters in the order they were added} */
    public Combos build() {
      return parameters.isEmpty() ? EMPTY : new Combos(new LinkedHashMap<>(parameters));
    }
  }

  /**
   * A builder pre-filled with these parameters, to add more. Adding a name already present is
   * rejected as usual; use {@link #with} to replace a parameter.
   *
   * @return a new builder holding these parameters
   */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.parameters.putAll(parameters);
    return b;
  }

  /**
   * {@return these combos with the given parameters replaced or added} A replaced parameter keeps its
   * position; a new one goes at the end. This instance is unchanged.
   *
   * @param overrides the parameters to replace or add
   */
  public Combos with(Combos overrides) {
    Map<String, Parameter> m = new LinkedHashMap<>(parameters);
    m.putAll(overrides.parameters);
    return new Combos(m);
  }
}
