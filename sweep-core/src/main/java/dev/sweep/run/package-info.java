/**
 * Running a function over a parameter space. Start with {@link dev.sweep.run.Runner}, which
 * describes a function's outputs and returns a labelled {@link dev.sweep.data.Dataset};
 * {@link dev.sweep.run.ComboRunner} and {@link dev.sweep.run.CaseRunner} return raw results.
 * A function is a lambda over {@link dev.sweep.run.Args} or a plain method bound by parameter name
 * ({@link dev.sweep.run.RunFunction#of(Class, String)}, {@link dev.sweep.run.Label}).
 * {@link dev.sweep.run.RunOptions} sets progress, parallel workers, order and failure handling.
 *
 * <p>Nulls: no method accepts null unless it says so.
 */
package dev.sweep.run;
