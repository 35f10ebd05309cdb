/**
 * Running a function over a parameter space. Start with {@link dev.sweep.run.Runner}, which
 * describes a function's outputs and returns a labelled {@link dev.sweep.data.Dataset};
 * {@link dev.sweep.run.ComboRunner} and {@link dev.sweep.run.CaseRunner} return raw results.
 * A function is a lambda over {@link dev.sweep.run.Args} or a plain method bound by parameter name
 * ({@link dev.sweep.run.RunFunction#of(Class, String)}, {@link dev.sweep.run.Label}).
 * {@link dev.sweep.run.RunOptions} sets progress, parallel workers, order, failure handling and a
 * time limit per run ({@link dev.sweep.run.RunOptions.Builder#runTimeout}: a run past it fails with a
 * {@link dev.sweep.run.RunTimeoutException}).
 *
 * <p>To run a sweep in pieces, or elsewhere: {@link dev.sweep.run.Runner#spec()} describes a runner
 * of a static method as a {@link dev.sweep.run.RunnerSpec} (its function a
 * {@link dev.sweep.run.FunctionRef}) that another JVM rebuilds with
 * {@link dev.sweep.run.Runner#fromSpec}; {@link dev.sweep.run.Runner#plan} numbers a sweep's runs as a
 * {@link dev.sweep.run.RunPlan}, whose ranges run into {@link dev.sweep.run.RunBatch}es of plain
 * arrays that assemble into the dataset the whole sweep gives ({@link dev.sweep.run.Runner#planPoints}
 * does the same for a sampler's points). A {@link dev.sweep.run.PlanRunner} runs a whole plan, here
 * or on a cluster; harvesters and samplers take one.
 *
 * <p>Nulls: no method accepts null unless it says so.
 */
package dev.sweep.run;
