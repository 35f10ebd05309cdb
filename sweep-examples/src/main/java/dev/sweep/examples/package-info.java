/**
 * The tutorial, in numbered runnable lessons that mirror xyzpy's: start with
 * {@link dev.sweep.examples.Lesson01_ComboRunner} and read on to {@code Lesson08_Trajectories}; the swept
 * functions are in {@link dev.sweep.examples.Tutorial}. {@link dev.sweep.examples.DemoCommand}
 * contributes {@code sweep demo}, which runs them all. Nothing depends on this module.
 */
package dev.sweep.examples;
