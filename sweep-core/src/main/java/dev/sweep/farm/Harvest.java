package dev.sweep.farm;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Names the file a {@link Harvester} of a labelled method grows: {@code @Harvest("foo.nc")} beside the
 * method's {@link dev.sweep.run.Label}, read by {@link Harvester#labelled}. Without it, the file is
 * named after the method: {@code foo.nc}.
 *
 * <pre>{@code
 * @Label(varNames = {"a_out", "b_out"})
 * @Harvest("foo.nc")
 * static Object[] foo(int a, String b, boolean c) { ... }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Harvest {
  /** {@return the file the harvests are merged into, e.g. {@code "foo.nc"}; relative names resolve against the builder's directory} */
  String value();
}
