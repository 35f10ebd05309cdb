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

  /** Runs once. Any exception fails this run (see {@link OnError}). */
  Object apply(Args args) throws Exception;

  /**
   * The argument names the function takes, in order, when it declares them (a bound method does);
   * empty for a lambda, which reads what it needs from {@link Args}. Sweeps check a declared list
   * against the parameters, constants and resources they pass.
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
    /** Runs once. Any exception fails this run (see {@link OnError}). */
    double applyAsDouble(Args args) throws Exception;

    @Override
    default Object apply(Args args) throws Exception {
      return applyAsDouble(args);
    }
  }

  /** A function with one double output, stored without boxing. */
  static OfDouble ofDouble(OfDouble fn) {
    return fn;
  }

  /** The static method of that name (there must be exactly one), bound by parameter name. */
  static RunFunction of(Class<?> owner, String method) {
    return MethodFunction.bind(owner, null, method);
  }

  /** The instance method of that name on the target (exactly one), bound by parameter name. */
  static RunFunction of(Object target, String method) {
    return MethodFunction.bind(target.getClass(), target, method);
  }
}
