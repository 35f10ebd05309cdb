package dev.sweep.run;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The inner dimensions of a record component returned by a run, e.g.
 * {@code record Out(double a, @Dims("x") double[] b, @Dims({"x", "t"}) double[][] c)}.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.RECORD_COMPONENT)
public @interface Dims {
  /** {@return the dimension names, outermost first: one per array level of the component} */
  String[] value();
}
