package dev.sweep.run;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Describes a method's outputs so that it becomes a {@link Runner} (xyzpy's {@code @label}):
 *
 * <pre>{@code
 * @Label(varNames = {"A", "B", "C"}, varDims = {"B[x]", "C[x, t]"}, varCoords = {"x = 10, 20, 30"})
 * static Object[] bar(int i, double j, double k, double[] t) { ... }
 *
 * Runner r = Runner.labelled(Bar.class, "bar").constant("t", Values.linspace(0, 1, 101)).build();
 * }</pre>
 *
 * <p>{@code harvester} and {@code sampler} name the file a harvester or sampler built from the
 * method syncs with.
 *
 * <p>The labelled method of a class is found as {@link FunctionRef} says: the one method of that name
 * the class declares or inherits, with the annotation on that declaration.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Label {
  /**
   * {@return the output variable names, in the order the method returns them; empty when a returned
   * record or Dataset names them}
   */
  String[] varNames() default {};

  /**
   * {@return the inner dimensions of outputs that have some, each as {@code "name[dim, dim]"},
   * outermost first}
   */
  String[] varDims() default {};

  /**
   * {@return the labels of inner dimensions, each as {@code "dim = v1, v2, ..."}} Values read as int,
   * long, double, true/false, or else as strings (quotes optional; a quoted label may hold commas).
   */
  String[] varCoords() default {};

  /**
   * {@return the NetCDF file a harvester of this method syncs with, relative to the directory given to
   * {@code Harvester.labelled}; empty for none}
   *
   * @deprecated name the file with {@code @dev.sweep.farm.Harvest("foo.nc")} beside the label, so
   *     that the run layer knows nothing of farmers; this element keeps working
   */
  @Deprecated(since = "0.2.0")
  String harvester() default "";

  /**
   * {@return the CSV file a sampler of this method syncs with; empty for none}
   *
   * @deprecated name the file with {@code @dev.sweep.farm.Sample("trig.csv")} beside the label; this
   *     element keeps working
   */
  @Deprecated(since = "0.2.0")
  String sampler() default "";
}
