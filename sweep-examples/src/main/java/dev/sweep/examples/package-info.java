/**
 * The tutorial, in numbered runnable lessons that mirror xyzpy's: start with
 * {@link dev.sweep.examples.Lesson01_ComboRunner} and read on through {@code Lesson08_Trajectories},
 * {@code Lesson09_Scenes}, {@code Lesson10_Crop}, {@code Lesson11_LookingAtResults}, {@code Lesson12_Movies}
 * and {@code Lesson13_Follow}; the swept
 * functions are in {@link dev.sweep.examples.Tutorial}. {@link dev.sweep.examples.DemoCommand}
 * contributes {@code sweep demo}, which runs them all. Nothing depends on this module.
 */
package dev.sweep.examples;
