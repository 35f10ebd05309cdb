package dev.sweep.run;

import java.io.Serializable;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Objects;

/**
 * A static method named by its class and its name, from which any JVM with the class on its class
 * path rebuilds the same {@link RunFunction}: what a {@link Label}led method is, and how a
 * {@link RunnerSpec} names its function.
 *
 * <pre>{@code
 * FunctionRef ref = FunctionRef.of(Tutorial.class, "bar");   // "dev.sweep.examples.Tutorial", "bar"
 * RunFunction fn = ref.function();                          // in this JVM or another
 * Label label = ref.label();                                // the method's @Label
 * }</pre>
 *
 * <p>The method is the one {@link RunFunction#of(Class, String)} binds: declared by the class or
 * inherited from a superclass, exactly one method by that name (an override counts once, as its
 * most derived declaration). Its {@code @Label} is the one on that declaration. This is the one
 * lookup of a labelled method: runners, harvesters and samplers built from a label all use it.
 *
 * @param className the binary name of the class, as {@link Class#getName()} gives it
 *     ({@code "pkg.Outer$Inner"} for a nested class)
 * @param methodName the method's name
 */
public record FunctionRef(String className, String methodName) implements Serializable {
  private static final long serialVersionUID = 1L;

  /**
   * Checks that both names are given; the class and method are looked up only when used.
   *
   * @param className the binary name of the class
   * @param methodName the method's name
   * @throws IllegalArgumentException if a name is empty
   */
  public FunctionRef {
    Objects.requireNonNull(className, "className");
    Objects.requireNonNull(methodName, "methodName");
    if (className.isBlank()) throw new IllegalArgumentException("the class name of a function reference is empty");
    if (methodName.isBlank()) {
      throw new IllegalArgumentException("the method name of a function reference to " + className + " is empty");
    }
  }

  /**
   * {@return a reference to the static method of that name, checked now}
   *
   * @param owner the class that declares or inherits the method
   * @param method the method's name; exactly one method may have it
   * @throws IllegalArgumentException if there is no such method, more than one, it is an instance
   *     method, or the class has no name another JVM can load (a hidden class)
   */
  public static FunctionRef of(Class<?> owner, String method) {
    Objects.requireNonNull(owner, "owner");
    if (owner.isHidden()) {
      throw new IllegalArgumentException(owner.getName() + " is a hidden class (a lambda's or a proxy's), which "
          + "another JVM cannot load by name; name a static method of an ordinary class");
    }
    FunctionRef ref = new FunctionRef(owner.getName(), method);
    ref.staticMethod(owner);
    return ref;
  }

  /**
   * {@return a reference to the labelled static method of that name, checked now} This is the lookup
   * that builders from a label use (runners, harvesters, samplers): read the {@link Label} with
   * {@link #label()} and other annotations from {@link #method()}.
   *
   * @param owner the class that declares or inherits the method
   * @param method the method's name; exactly one method may have it
   * @throws IllegalArgumentException if there is no method of that name ("{@code pkg.Owner has no
   *     method 'foo' with a @Label}"), more than one, it has no {@code @Label}, or it is an instance method
   */
  public static FunctionRef labelled(Class<?> owner, String method) {
    Objects.requireNonNull(owner, "owner");
    LabelSpec.labelledMethod(owner, method);
    return of(owner, method);
  }

  /**
   * {@return the class, loaded through the thread's context class loader (else sweep's own)}
   *
   * @throws IllegalArgumentException if no class of that name is on the class path
   */
  public Class<?> owner() {
    return load(className, "the function " + this);
  }

  /** Loads a class by binary name through the thread's context class loader, else sweep's own. */
  static Class<?> load(String className, String of) {
    ClassLoader loader = Thread.currentThread().getContextClassLoader();
    if (loader == null) loader = FunctionRef.class.getClassLoader();
    try {
      return Class.forName(className, true, loader);
    } catch (ClassNotFoundException | LinkageError e) {
      throw new IllegalArgumentException("cannot load class " + className + " of " + of + ": " + e
          + "; put it on the class path", e);
    }
  }

  /**
   * {@return the static method, found by the rule above}
   *
   * @throws IllegalArgumentException if the class is not on the class path, has no method of that name
   *     or more than one, or the method is an instance method
   */
  public Method method() {
    return staticMethod(owner());
  }

  private Method staticMethod(Class<?> owner) {
    Method m = MethodFunction.find(owner, methodName);
    if (!Modifier.isStatic(m.getModifiers())) {
      throw new IllegalArgumentException(MethodFunction.describe(m) + " is an instance method; a function "
          + "reference names a static method, which another JVM can call without an object");
    }
    return m;
  }

  /**
   * {@return the method's {@link Label}}
   *
   * @throws IllegalArgumentException if the class is not on the class path, has no method of that name
   *     or more than one, or the method has no {@code @Label}
   */
  public Label label() {
    return LabelSpec.labelledMethod(owner(), methodName).getAnnotation(Label.class);
  }

  /**
   * {@return the method as a function, its parameters bound to arguments by name}
   *
   * @throws IllegalArgumentException if the method cannot be found (see {@link #method()}) or bound
   *     (its parameter names were not kept: compile with {@code -parameters})
   */
  public RunFunction function() {
    Class<?> owner = owner();
    staticMethod(owner);
    return MethodFunction.bind(owner, null, methodName);
  }

  /** {@return the class name and the method name, as {@code pkg.Class.method}} */
  @Override
  public String toString() {
    return className + "." + methodName;
  }
}
