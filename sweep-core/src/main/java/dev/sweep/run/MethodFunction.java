package dev.sweep.run;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Parameter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** A Java method bound once, by parameter name, to a method handle: no reflection per run. */
class MethodFunction implements RunFunction {
  final Class<?> owner; // the class the method was looked up in (it may inherit the method)
  final Method method;
  final boolean bound; // an instance method bound to an object
  final List<String> params;
  private final MethodHandle handle; // (Object[]) -> Object

  MethodFunction(Class<?> owner, Method method, boolean bound, List<String> params, MethodHandle handle) {
    this.owner = owner;
    this.method = method;
    this.bound = bound;
    this.params = params;
    this.handle = handle;
  }

  /** A method returning {@code double}, called through a handle that returns the primitive. */
  static final class OfDouble extends MethodFunction implements RunFunction.OfDouble {
    private final MethodHandle primitive; // (Object[]) -> double

    OfDouble(Class<?> owner, Method method, boolean bound, List<String> params, MethodHandle boxed,
        MethodHandle primitive) {
      super(owner, method, bound, params, boxed);
      this.primitive = primitive;
    }

    @Override
    public double applyAsDouble(Args args) throws Exception {
      Object[] a = fill(args);
      try {
        return (double) primitive.invokeExact(a);
      } catch (Throwable t) {
        throw failure(t, a);
      }
    }

    @Override
    public Object apply(Args args) throws Exception {
      return applyAsDouble(args);
    }
  }

  static MethodFunction bind(Class<?> owner, Object target, String name) {
    Method m = find(owner, name);
    boolean isStatic = Modifier.isStatic(m.getModifiers());
    if (!isStatic && target == null) {
      throw new IllegalArgumentException(describe(m) + " is an instance method; bind it with RunFunction.of(instance, \""
          + name + "\")");
    }
    List<String> params = new ArrayList<>();
    for (Parameter p : m.getParameters()) {
      if (!p.isNamePresent()) {
        throw new IllegalArgumentException(describe(m) + " was compiled without parameter names; compile with "
            + "javac -parameters (maven-compiler-plugin <parameters>true</parameters>) so arguments bind by name");
      }
      params.add(p.getName());
    }
    try {
      m.setAccessible(true);
      MethodHandle h = MethodHandles.lookup().unreflect(m);
      if (!isStatic) h = h.bindTo(target);
      MethodHandle spread = h.asSpreader(Object[].class, params.size());
      MethodHandle boxed = spread.asType(MethodType.methodType(Object.class, Object[].class));
      if (m.getReturnType() == double.class) {
        MethodHandle primitive = spread.asType(MethodType.methodType(double.class, Object[].class));
        return new OfDouble(owner, m, !isStatic, List.copyOf(params), boxed, primitive);
      }
      return new MethodFunction(owner, m, !isStatic, List.copyOf(params), boxed);
    } catch (IllegalAccessException | RuntimeException e) {
      throw new IllegalArgumentException("cannot bind " + describe(m) + ": " + e.getMessage(), e);
    }
  }

  /**
   * The one method a sweep binds to by name: declared by the class or inherited from a superclass,
   * an override counting once as its most derived declaration.
   *
   * @throws IllegalArgumentException if there is no method of that name, or more than one
   */
  static Method find(Class<?> owner, String name) {
    List<Method> found = candidates(owner, name);
    if (found.isEmpty()) {
      throw new IllegalArgumentException(owner.getName() + " has no method named '" + name + "'");
    }
    return single(owner, name, found);
  }

  /** The methods of that name in the class and its superclasses, the most derived declaration of each signature. */
  static List<Method> candidates(Class<?> owner, String name) {
    List<Method> found = new ArrayList<>();
    for (Class<?> c = owner; c != null && c != Object.class; c = c.getSuperclass()) {
      for (Method m : c.getDeclaredMethods()) {
        if (m.getName().equals(name) && !m.isSynthetic() && !m.isBridge()
            && found.stream().noneMatch(f -> Arrays.equals(f.getParameterTypes(), m.getParameterTypes()))) {
          found.add(m);
        }
      }
    }
    return found;
  }

  /** The one method found, or the error naming every overload. */
  static Method single(Class<?> owner, String name, List<Method> found) {
    if (found.size() > 1) {
      throw new IllegalArgumentException(owner.getName() + " has " + found.size() + " methods named '" + name
          + "'; a sweep binds to exactly one: " + found.stream().map(MethodFunction::describe).toList());
    }
    return found.get(0);
  }

  Method method() {
    return method;
  }

  /**
   * {@return the reference another JVM rebuilds this function from}
   *
   * @throws IllegalStateException if the method is bound to an instance, which cannot travel
   */
  FunctionRef ref() {
    if (bound) {
      throw new IllegalStateException(this + " is an instance method bound to an object, which cannot be rebuilt "
          + "in another JVM; make it static and use RunFunction.of(" + owner.getSimpleName() + ".class, \""
          + method.getName() + "\") or Runner.labelled(" + owner.getSimpleName() + ".class, \"" + method.getName()
          + "\")");
    }
    return new FunctionRef(owner.getName(), method.getName());
  }

  @Override
  public List<String> argNames() {
    return params;
  }

  /** The run's arguments in the method's parameter order, in the worker's scratch array. */
  final Object[] fill(Args args) {
    int[] slots = args.slotsFor(this, params);
    Object[] a = args.scratch();
    for (int i = 0; i < slots.length; i++) a[i] = args.get(slots[i]);
    return a;
  }

  @Override
  public Object apply(Args args) throws Exception {
    Object[] a = fill(args);
    try {
      return handle.invokeExact(a);
    } catch (Throwable t) {
      throw failure(t, a);
    }
  }

  /**
   * What a call threw, as the run's failure: a ClassCastException from the handle's argument
   * conversion becomes a message naming the arguments that do not fit; errors propagate as they are.
   */
  final Exception failure(Throwable t, Object[] a) {
    if (t instanceof Error e) throw e;
    if (t instanceof ClassCastException e) return new IllegalArgumentException(mismatch(a), e);
    if (t instanceof Exception e) return e;
    return new IllegalStateException(t);
  }

  final String mismatch(Object[] a) {
    StringBuilder sb = new StringBuilder("arguments do not fit ").append(describe(method)).append(':');
    Class<?>[] types = method.getParameterTypes();
    for (int i = 0; i < a.length; i++) {
      sb.append(' ').append(params.get(i)).append('=').append(Args.show(a[i]))
          .append(a[i] == null ? "" : " (" + a[i].getClass().getSimpleName() + ")")
          .append(" for ").append(types[i].getSimpleName()).append(i < a.length - 1 ? ";" : "");
    }
    return sb.toString();
  }

  static String describe(Method m) {
    StringBuilder sb = new StringBuilder(m.getDeclaringClass().getSimpleName()).append('.').append(m.getName()).append('(');
    Parameter[] ps = m.getParameters();
    for (int i = 0; i < ps.length; i++) {
      if (i > 0) sb.append(", ");
      sb.append(ps[i].getType().getSimpleName()).append(' ').append(ps[i].getName());
    }
    return sb.append(')').toString();
  }

  @Override
  public String toString() {
    return describe(method);
  }
}
