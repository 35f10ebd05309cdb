package dev.sweep.space;

import dev.sweep.data.DuplicateLabelException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * Which distribution each argument is drawn from, in argument order: a sampler's default combos, or the
 * overrides of one call. Immutable; build with {@link #builder()}.
 *
 * <pre>{@code
 * Draws defaults = Draws.builder()
 *     .values("amp", 1, 2, 3)                                  // each equally likely
 *     .values("fn", "cos", "sin")
 *     .from("x", Distribution.uniform(0, 2 * Math.PI))
 *     .from("phase", Distribution.normal(0, 0.1))
 *     .build();
 * }</pre>
 */
public final class Draws {
  private final Map<String, Distribution> byName;

  private Draws(Map<String, Distribution> byName) {
    this.byName = Collections.unmodifiableMap(byName);
  }

  /** {@return a builder with no arguments yet} */
  public static Builder builder() {
    return new Builder();
  }

  /** {@return the argument names, in the order they were added; unmodifiable} */
  public List<String> names() {
    return List.copyOf(byName.keySet());
  }

  /** {@return the distributions by argument name, in order; unmodifiable} */
  public Map<String, Distribution> asMap() {
    return byName;
  }

  /**
   * The distribution of an argument.
   *
   * @param name the argument name
   * @return its distribution
   * @throws IllegalArgumentException naming the arguments there are, if there is none by that name
   */
  public Distribution get(String name) {
    Distribution d = byName.get(name);
    if (d == null) {
      throw new IllegalArgumentException("no argument '" + name + "' is drawn; the arguments are " + names());
    }
    return d;
  }

  /**
   * These draws with some distributions replaced, in the same argument order; this instance is
   * unchanged.
   *
   * @param overrides distributions for some of these arguments
   * @return the combined draws
   * @throws IllegalArgumentException if the overrides name an argument that is not among these
   */
  public Draws with(Draws overrides) {
    Objects.requireNonNull(overrides, "overrides");
    Map<String, Distribution> m = new LinkedHashMap<>(byName);
    for (Map.Entry<String, Distribution> e : overrides.byName.entrySet()) {
      if (!m.containsKey(e.getKey())) {
        throw new IllegalArgumentException("the overrides name '" + e.getKey() + "', which is not a sampled argument;"
            + " the arguments are " + names());
      }
      m.put(e.getKey(), e.getValue());
    }
    return new Draws(m);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Draws d && d.byName.equals(byName) && d.names().equals(names());
  }

  @Override
  public int hashCode() {
    return byName.hashCode();
  }

  /** Each argument with its distribution, like {@code {amp: choice(1, 2, 3), x: uniform(0.0, 1.0)}}. */
  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder("{");
    for (Map.Entry<String, Distribution> e : byName.entrySet()) {
      if (sb.length() > 1) sb.append(", ");
      sb.append(e.getKey()).append(": ").append(describe(e.getValue()));
    }
    return sb.append('}').toString();
  }

  /**
   * Draws n points, each argument from its own stream of one generator seeded by {@code seed}, so
   * that overriding one distribution leaves the others' draws as they were; a {@link Design} other
   * than {@link Design#INDEPENDENT} places the continuous arguments' points jointly. All draws happen
   * on the calling thread, so the same seed gives the same points whatever runs them.
   *
   * @param n the number of points, positive
   * @param design how the points are placed
   * @param seed the seed of this draw
   * @return the points, in draw order; points may repeat
   * @throws IllegalArgumentException if n is not positive or a distribution draws null
   */
  public Cases sample(int n, Design design, long seed) {
    if (n <= 0) throw new IllegalArgumentException("n is " + n + "; expected a positive number of samples");
    Objects.requireNonNull(design, "design");
    SplittableRandom root = new SplittableRandom(seed);
    SplittableRandom designRandom = root.split();
    List<String> args = names();
    SplittableRandom[] own = new SplittableRandom[args.size()];
    for (int a = 0; a < own.length; a++) own[a] = root.split();
    double[][] unit = null;
    if (design != Design.INDEPENDENT) {
      int dims = 0;
      for (Distribution d : byName.values()) if (d instanceof UnitDistribution) dims++;
      unit = design.points(n, dims, designRandom);
    }
    List<Object[]> rows = new ArrayList<>(n);
    for (int i = 0; i < n; i++) rows.add(new Object[args.size()]);
    int dim = 0;
    for (int a = 0; a < own.length; a++) {
      Distribution d = byName.get(args.get(a));
      double[] u = unit != null && d instanceof UnitDistribution ? unit[dim++] : null;
      for (int i = 0; i < n; i++) {
        Object v = u != null ? ((UnitDistribution) d).at(u[i]) : d.draw(own[a]);
        if (v == null) {
          throw new IllegalArgumentException("the distribution of '" + args.get(a) + "', " + describe(d)
              + ", drew null for sample " + i);
        }
        rows.get(i)[a] = v;
      }
    }
    return Cases.ofCheckedRows(args, rows);
  }

  static String describe(Distribution d) {
    return d.getClass().isSynthetic() || d.getClass().isAnonymousClass() ? "(your own distribution)" : d.toString();
  }

  /** Builds {@link Draws}; each setter checks its input at once. */
  public static final class Builder {
    private final Map<String, Distribution> byName = new LinkedHashMap<>();

    Builder() {}

    /**
     * Draws the argument uniformly from these values (xyzpy's list of values); numbers of different
     * types are widened to their common type.
     *
     * @param name the argument name, not yet added
     * @param values the values, each equally likely
     * @return this builder
     * @throws IllegalArgumentException if the name is taken or blank, there are no values, one is null,
     *     or they cannot share a column type
     */
    public Builder values(String name, Object... values) {
      Objects.requireNonNull(values, "values");
      return values(name, Arrays.asList(values));
    }

    /**
     * Draws the argument uniformly from the values of a list; as {@link #values(String, Object...)}.
     *
     * @param name the argument name, not yet added
     * @param values the values, each equally likely
     * @return this builder
     * @throws IllegalArgumentException if the name is taken or blank, there are no values, one is null,
     *     or they cannot share a column type
     */
    public Builder values(String name, List<?> values) {
      checkName(name);
      Objects.requireNonNull(values, "values");
      if (values.isEmpty()) {
        throw new IllegalArgumentException("'" + name + "' has no values to draw from; give at least one");
      }
      Distribution d;
      try {
        d = Distribution.choice(values);
      } catch (IllegalArgumentException | DuplicateLabelException e) {
        throw new IllegalArgumentException("values of '" + name + "': " + e.getMessage(), e);
      }
      byName.put(name, d);
      return this;
    }

    /**
     * Draws the argument from a distribution.
     *
     * @param name the argument name, not yet added
     * @param distribution where its values come from
     * @return this builder
     * @throws IllegalArgumentException if the name is taken or blank
     */
    public Builder from(String name, Distribution distribution) {
      checkName(name);
      byName.put(name, Objects.requireNonNull(distribution, "distribution of '" + name + "'"));
      return this;
    }

    private void checkName(String name) {
      Objects.requireNonNull(name, "name");
      if (name.isBlank()) throw new IllegalArgumentException("an argument name is blank");
      Distribution d = byName.get(name);
      if (d != null) {
        throw new IllegalArgumentException("'" + name + "' is already drawn from " + describe(d));
      }
    }

    /**
     * Builds the draws, in the order the arguments were added.
     *
     * @return the draws
     * @throws IllegalStateException if no argument was given
     */
    public Draws build() {
      if (byName.isEmpty()) {
        throw new IllegalStateException("no argument to draw; add one with values(name, ...) or from(name, distribution)");
      }
      return new Draws(new LinkedHashMap<>(byName));
    }
  }
}
