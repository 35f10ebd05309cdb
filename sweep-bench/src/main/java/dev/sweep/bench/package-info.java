/**
 * Benchmarks. {@link dev.sweep.bench.Bench} runs the whole-workload benchmarks, which
 * {@link dev.sweep.bench.BenchCommand} contributes to the command line as {@code sweep bench};
 * {@code dev.sweep.bench.jmh} holds JMH micro-benchmarks of the hot paths. Nothing depends on this
 * module, so JMH stays off the classpath of library users and of the command line's own commands.
 */
package dev.sweep.bench;
