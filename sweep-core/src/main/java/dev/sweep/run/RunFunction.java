package dev.sweep.run;

import java.util.List;

/**
 * The function a sweep runs: it receives one run's {@link Args} and returns its outputs.
 *
 * <p>Outputs may be a scalar (one variable), an array or list (one variable with inner dimensions,
 * or one element per variable), a record (one variable per component), or a
 * {@link dev.sweep.data.Dataset} (whose variables are stacked over the sweep). See {@link Runner}.
 *
 * <p>A plain Java method binds by parameter name with {@link #of(Class, String)}; compile it with
 * {@code -parameters} so the names are kept.
 */
@FunctionalInterface
public interface RunFunction {

  /**
   * Runs once.
   *
   * @param args this run's arguments; reused after the call returns, so keep no reference to it
   * @return the run's outputs, in a shape the sweep's runner expects (see {@link Runner})
   * @throws Exception anything; it fails this run (see {@link OnError})
   */
  Object apply(Args args) throws Exception;

  /**
   * The argument names the function takes, in order, when it declares them (a bound method does);
   * empty for a lambda, which reads what it needs from {@link Args}. Sweeps check a declared list
   * against the parameters, constants and resources they pass.
   *
   * @return the declared argument names; empty by default
   */
  default List<String> argNames() {
    return List.of();
  }

  /**
   * A function with one double output, declared as such so that runs store it without boxing:
   * {@code RunFunction.ofDouble(args -> args.getDouble("x") * 2)}. A bound method that returns
   * {@code double} is one of these.
   */
  @FunctionalInterface
  interface OfDouble extends RunFunction {
    /**
     * Runs once.
     *
     * @param args this run's arguments; reused after the call returns, so keep no reference to it
     * @return the run's one output
     * @throws Exception anything; it fails this run (see {@link OnError})
     */
    double applyAsDouble(Args args) throws Exception;

    /**
     * Runs once, boxing the result; sweeps call {@link #applyAsDouble} instead where they can.
     *
     * @param args this run's arguments
     * @return the boxed output
     * @throws Exception anything {@link #applyAsDouble} throws
     */
    @Override
    default Object apply(Args args) throws Exception {
      return applyAsDouble(args);
    }
  }

  /**
   * {@return the lambda as a function with one double output, stored without boxing} It only gives
   * the lambda its type: {@code RunFunction.ofDouble(args -> ...)}.
   *
   * @param fn the function
   */
  static OfDouble ofDouble(OfDouble fn) {
    return fn;
  }

  /**
   * {@return the static method of that name as a function, its parameters bound to arguments by name}
   *
   * @param owner the class that declares or inherits the method
   * @param method the method's name; exactly one method may have it
   * @throws IllegalArgumentException if there is no such method, more than one, it is an instance
   *     method, or its parameter names were not kept ({@code -parameters})
   */
  static RunFunction of(Class<?> owner, String method) {
    return MethodFunction.bind(owner, null, method);
  }

  /**
   * {@return the instance method of that name, called on the target, as a function bound by parameter name}
   *
   * @param target the object to call the method on
   * @param method the method's name; exactly one method may have it
   * @throws IllegalArgumentException if there is no such method, more than one, or its parameter names
   *     were not kept ({@code -parameters})
   */
  static RunFunction of(Object target, String method) {
    return MethodFunction.bind(target.getClass(), target, method);
  }
}
