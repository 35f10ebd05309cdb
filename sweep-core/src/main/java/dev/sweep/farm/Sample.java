package dev.sweep.farm;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Names the table a {@link Sampler} of a labelled method keeps: {@code @Sample("trig.csv")} beside the
 * method's {@link dev.sweep.run.Label}, read by {@link Sampler#labelled}. Without it, the table is
 * named after the method: {@code trig.csv}.
 *
 * <pre>{@code
 * @Label(varNames = "out")
 * @Sample("trig.csv")
 * static double trig(int amp, String fn, double x, double phase) { ... }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Sample {
  /** {@return the file the samples are synced with, e.g. {@code "trig.csv"}; relative names resolve against the builder's directory} */
  String value();
}
