package dev.sweep.run;

import dev.sweep.space.Space;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The arguments of one run, read by name with typed access: the swept parameters, then constants
 * and resources. One instance per worker is reused from run to run, so keep no reference to it
 * after the function returns; {@link #toMap()} makes a lasting copy.
 *
 * <pre>{@code
 * RunFunction foo = args -> new Object[] {
 *     args.getInt("a") + "-" + args.getString("b"), Math.sin(args.getInt("a"))};
 * }</pre>
 */
public final class Args {
  private final Layout layout;
  private final Space.Cursor cursor;
  // Names are usually string literals, the same reference on every call: a short list compared by
  // identity answers them without hashing the string.
  private final String[] cachedNames = new String[8];
  private final int[] cachedSlots = new int[8];
  private int cachedNext;
  private Object boundTo;
  private int[] boundSlots;
  private Object[] scratch;

  Args(Layout layout, Space.Cursor cursor) {
    this.layout = layout;
    this.cursor = cursor;
  }

  /** Names and fixed values shared by every worker of one sweep. */
  static final class Layout {
    final List<String> names;
    final Map<String, Integer> slots;
    final int swept;
    final Object[] fixed;

    Layout(List<String> swept, Map<String, ?> fixedValues) {
      List<String> all = new java.util.ArrayList<>(swept);
      all.addAll(fixedValues.keySet());
      this.names = List.copyOf(all);
      this.swept = swept.size();
      this.fixed = fixedValues.values().toArray();
      Map<String, Integer> s = new java.util.HashMap<>();
      for (int i = 0; i < names.size(); i++) {
        if (s.put(names.get(i), i) != null) {
          throw new IllegalArgumentException("argument '" + names.get(i)
              + "' is given twice (as a swept parameter and a constant or resource, or twice among those)");
        }
      }
      this.slots = s;
    }
  }

  /** {@return the argument names: swept parameters, then constants and resources; unmodifiable} */
  public List<String> names() {
    return layout.names;
  }

  /**
   * {@return true if an argument of that name is present}
   *
   * @param name the argument name
   */
  public boolean has(String name) {
    return layout.slots.containsKey(name);
  }

  /**
   * The position of a named argument, for {@link #get(int)}; look it up once outside a hot loop. A
   * slot stays valid for every run of the sweep.
   *
   * @param name the argument name
   * @return the slot, in {@code 0..names().size() - 1}
   * @throws IllegalArgumentException naming the arguments there are, if there is none by that name
   */
  public int slot(String name) {
    for (int i = 0; i < cachedNames.length; i++) {
      if (cachedNames[i] == name) return cachedSlots[i];
    }
    Integer s = layout.slots.get(name);
    if (s == null) {
      throw new IllegalArgumentException("no argument '" + name + "'; this run has " + layout.names);
    }
    cachedNames[cachedNext] = name;
    cachedSlots[cachedNext] = s;
    cachedNext = (cachedNext + 1) & 7;
    return s;
  }

  /**
   * {@return the value at a slot, as given (boxed; enums stay enums)}
   *
   * @param slot a position from {@link #slot(String)}
   */
  public Object get(int slot) {
    return slot < layout.swept ? cursor.value(slot) : layout.fixed[slot - layout.swept];
  }

  /**
   * {@return the value of a named argument, as given (boxed; enums stay enums)}
   *
   * @param name the argument name
   * @throws IllegalArgumentException naming the arguments there are, if there is none by that name
   */
  public Object get(String name) {
    return get(slot(name));
  }

  /**
   * {@return a named argument, cast to the given class}
   *
   * @param <T> the argument's type
   * @param name the argument name
   * @param type the class the value must be an instance of
   * @throws IllegalArgumentException naming the arguments there are, if there is none by that
   *     name; or if the value is not a {@code type}
   */
  public <T> T get(String name, Class<T> type) {
    Object v = get(name);
    if (!type.isInstance(v)) throw wrongType(name, v, type.getSimpleName());
    return type.cast(v);
  }

  /**
   * {@return an int argument} An Integer, Short or Byte is accepted, and a Long whose value fits an int.
   *
   * @param name the argument name
   * @throws IllegalArgumentException naming the arguments there are, if there is none by that
   *     name; or if the value is of another type
   */
  public int getInt(String name) {
    Object v = get(name);
    if (v instanceof Integer i) return i;
    if (v instanceof Short || v instanceof Byte) return ((Number) v).intValue();
    if (v instanceof Long l && l == l.intValue()) return l.intValue();
    throw wrongType(name, v, "int");
  }

  /**
   * {@return a long argument; a Long, Integer, Short or Byte is accepted}
   *
   * @param name the argument name
   * @throws IllegalArgumentException naming the arguments there are, if there is none by that
   *     name; or if the value is of another type
   */
  public long getLong(String name) {
    Object v = get(name);
    if (v instanceof Long || v instanceof Integer || v instanceof Short || v instanceof Byte) {
      return ((Number) v).longValue();
    }
    throw wrongType(name, v, "long");
  }

  /**
   * {@return a numeric argument as a double (ints and longs widen)}
   *
   * @param name the argument name
   * @throws IllegalArgumentException naming the arguments there are, if there is none by that
   *     name; or if the value is not a number
   */
  public double getDouble(String name) {
    Object v = get(name);
    if (v instanceof Number n) return n.doubleValue();
    throw wrongType(name, v, "double");
  }

  /**
   * {@return a boolean argument}
   *
   * @param name the argument name
   * @throws IllegalArgumentException naming the arguments there are, if there is none by that
   *     name; or if the value is not a Boolean
   */
  public boolean getBoolean(String name) {
    Object v = get(name);
    if (v instanceof Boolean b) return b;
    throw wrongType(name, v, "boolean");
  }

  /**
   * {@return a string argument; an enum gives its name}
   *
   * @param name the argument name
   * @throws IllegalArgumentException naming the arguments there are, if there is none by that
   *     name; or if the value is neither a String nor an enum
   */
  public String getString(String name) {
    Object v = get(name);
    if (v instanceof String s) return s;
    if (v instanceof Enum<?> e) return e.name();
    throw wrongType(name, v, "String");
  }

  /**
   * {@return an enum argument, given as the constant or as its name}
   *
   * @param <E> the enum
   * @param name the argument name
   * @param type the enum's class
   * @throws IllegalArgumentException naming the arguments there are, if there is none by that
   *     name; or if the value is neither a constant nor the name of one
   */
  public <E extends Enum<E>> E getEnum(String name, Class<E> type) {
    Object v = get(name);
    if (type.isInstance(v)) return type.cast(v);
    if (v instanceof String s) {
      try {
        return Enum.valueOf(type, s);
      } catch (IllegalArgumentException e) {
        throw wrongType(name, v, type.getSimpleName());
      }
    }
    throw wrongType(name, v, type.getSimpleName());
  }

  private IllegalArgumentException wrongType(String name, Object v, String expected) {
    return new IllegalArgumentException("argument '" + name + "' is " + show(v)
        + (v == null ? "" : " (" + v.getClass().getSimpleName() + ")") + ", not " + expected);
  }

  /** {@return an unmodifiable copy of the swept arguments (not constants or resources), by name in order} */
  public Map<String, Object> toMap() {
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < layout.swept; i++) m.put(layout.names.get(i), cursor.value(i));
    return Collections.unmodifiableMap(m);
  }

  /** {@return the current run's number within its sweep, from 0} */
  public long run() {
    return cursor.run();
  }

  /** Slots cached for one bound method, so a method call looks nothing up by name. */
  int[] slotsFor(Object binder, List<String> params) {
    if (boundTo != binder) {
      int[] s = new int[params.size()];
      for (int i = 0; i < s.length; i++) s[i] = slot(params.get(i));
      boundSlots = s;
      boundTo = binder;
      scratch = new Object[s.length];
    }
    return boundSlots;
  }

  Object[] scratch() {
    return scratch;
  }

  @Override
  public String toString() {
    return describe(toMap());
  }

  static String describe(Map<String, Object> args) {
    StringBuilder sb = new StringBuilder();
    for (Map.Entry<String, Object> e : args.entrySet()) {
      if (sb.length() > 0) sb.append(", ");
      sb.append(e.getKey()).append('=').append(show(e.getValue()));
    }
    return sb.toString();
  }

  static String show(Object v) {
    return v instanceof String s ? "'" + s + "'" : String.valueOf(v);
  }
}
