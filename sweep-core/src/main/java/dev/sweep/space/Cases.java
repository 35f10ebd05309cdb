package dev.sweep.space;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Map;
import java.util.Set;

/**
 * Explicit points of a parameter space: xyzpy's {@code cases}. Every case names the same
 * parameters; they are given as tuples with a list of argument names, or as name-to-value maps.
 *
 * <pre>{@code
 * Cases cases = Cases.of(List.of("a", "b", "c"), List.of(4, "z", false), List.of(5, "y", true));
 * Cases same = Cases.ofMaps(List.of(Map.of("a", 4, "b", "z", "c", false), Map.of("a", 5, "b", "y", "c", true)));
 * }</pre>
 */
public final class Cases {
  private static final Cases NONE = new Cases(List.of(), List.of());

  private final List<String> names;
  private final List<Object[]> rows;

  private Cases(List<String> names, List<Object[]> rows) {
    this.names = List.copyOf(names);
    this.rows = rows;
  }

  /** {@return no cases, as for a space of combos alone} */
  public static Cases none() {
    return NONE;
  }

  /**
   * {@return cases of a single argument, one per value} xyzpy's {@code cases=[1, 2, 3]} for a function
   * of one swept argument.
   *
   * @param name the argument
   * @param values its values, one case each; none null
   * @throws IllegalArgumentException if the name is empty or a value is null
   */
  public static Cases ofValues(String name, Object... values) {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(values, () -> "the values of '" + name + "'");
    List<List<?>> tuples = new ArrayList<>(values.length);
    for (Object v : values) tuples.add(java.util.Collections.singletonList(v));
    return of(List.of(name), tuples);
  }

  /**
   * {@return cases as tuples of values for the named arguments, in the given order}
   *
   * @param names the argument names, in the order of each tuple's values
   * @param tuples one list of values per case, each as long as {@code names}
   * @throws IllegalArgumentException for a repeated name, a tuple of the wrong length, or a null value
   */
  public static Cases of(List<String> names, List<?>... tuples) {
    return of(names, Arrays.asList(tuples));
  }

  /**
   * {@return cases as tuples of values for the named arguments} As {@link #of(List, List[])}, from a
   * list of tuples.
   *
   * @param names the argument names, in the order of each tuple's values
   * @param tuples one list of values per case, each as long as {@code names}
   * @throws IllegalArgumentException for a repeated name, a tuple of the wrong length, or a null value
   */
  public static Cases of(List<String> names, List<? extends List<?>> tuples) {
    Objects.requireNonNull(names, "names");
    Objects.requireNonNull(tuples, "tuples");
    Set<String> seen = new LinkedHashSet<>();
    for (String n : names) {
      if (n == null || n.isBlank()) {
        throw new IllegalArgumentException("case argument names " + names + " hold an empty or null name; name every argument");
      }
      if (!seen.add(n)) throw new IllegalArgumentException("case argument '" + n + "' is named twice in " + names);
    }
    List<Object[]> rows = new ArrayList<>(tuples.size());
    for (int c = 0; c < tuples.size(); c++) {
      List<?> t = tuples.get(c);
      if (t.size() != names.size()) {
        throw new IllegalArgumentException("case " + c + " " + t + " has " + t.size() + " values; expected "
            + names.size() + " for " + names);
      }
      Object[] row = t.toArray();
      for (int i = 0; i < row.length; i++) {
        if (row[i] == null) {
          throw new IllegalArgumentException("case " + c + " has a null value for '" + names.get(i) + "'");
        }
      }
      rows.add(row);
    }
    return new Cases(names, Collections.unmodifiableList(rows));
  }

  /** Cases from rows the caller made and checked (no null values, one value per name); not copied. */
  static Cases ofCheckedRows(List<String> names, List<Object[]> rows) {
    return new Cases(List.copyOf(names), Collections.unmodifiableList(rows));
  }

  /**
   * Cases as maps from argument name to value; every map must name the same arguments. The argument
   * order (and so the order of the result's dimensions) is the first map's when it is ordered (a
   * LinkedHashMap or SortedMap), else alphabetical, since {@code Map.of} has no defined order.
   *
   * @param cases one map per case, from argument name to value
   * @return the cases; {@link #none()} if {@code cases} is empty
   * @throws IllegalArgumentException if a map names other arguments than the first, or a value is null
   */
  public static Cases ofMaps(List<? extends Map<String, ?>> cases) {
    if (cases.isEmpty()) return NONE;
    Map<String, ?> first = cases.get(0);
    List<String> names = new ArrayList<>(first.keySet());
    if (!(first instanceof LinkedHashMap<?, ?>) && !(first instanceof java.util.SortedMap<?, ?>)) {
      Collections.sort(names);
    }
    List<List<?>> tuples = new ArrayList<>(cases.size());
    for (int c = 0; c < cases.size(); c++) {
      Map<String, ?> m = cases.get(c);
      if (!m.keySet().equals(new LinkedHashSet<>(names))) {
        throw new IllegalArgumentException("case " + c + " names " + m.keySet() + " but case 0 names " + names
            + "; every case must give the same arguments");
      }
      List<Object> t = new ArrayList<>(names.size());
      for (String n : names) t.add(m.get(n));
      tuples.add(t);
    }
    return of(names, tuples);
  }

  /** {@return the argument names every case gives, in tuple order; unmodifiable} */
  public List<String> names() {
    return names;
  }

  /** {@return the number of cases} */
  public int size() {
    return rows.size();
  }

  /** {@return true if there are no cases} */
  public boolean isEmpty() {
    return rows.isEmpty();
  }

  /**
   * {@return the value of argument {@code name} in case {@code c}, as given}
   *
   * @param c the case's position, from 0
   * @param name the argument
   * @throws IllegalArgumentException naming the arguments there are, if there is none by that name
   * @throws IndexOutOfBoundsException if there is no case {@code c}
   */
  public Object value(int c, String name) {
    int i = names.indexOf(name);
    if (i < 0) throw new IllegalArgumentException("no case argument '" + name + "'; the cases give " + names);
    return rows.get(c)[i];
  }

  /**
   * {@return case {@code c} as an unmodifiable map from argument name to value, in {@link #names()} order}
   *
   * @param c the case's position, from 0
   * @throws IndexOutOfBoundsException if there is no case {@code c}
   */
  public Map<String, Object> get(int c) {
    Map<String, Object> m = new LinkedHashMap<>();
    Object[] row = rows.get(c);
    for (int i = 0; i < row.length; i++) m.put(names.get(i), row[i]);
    return Collections.unmodifiableMap(m);
  }

  Object[] row(int c) {
    return rows.get(c);
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder("Cases").append(names).append('{');
    for (int c = 0; c < Math.min(rows.size(), 5); c++) {
      if (c > 0) sb.append(", ");
      sb.append(Arrays.toString(rows.get(c)));
    }
    if (rows.size() > 5) sb.append(", ... (").append(rows.size()).append(" cases)");
    return sb.append('}').toString();
  }
}
