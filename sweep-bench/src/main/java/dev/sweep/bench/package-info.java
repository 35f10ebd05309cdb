/**
 * Benchmarks. {@link dev.sweep.bench.Bench} runs the whole-workload benchmarks behind
 * {@code ./sweep bench}; {@code dev.sweep.bench.jmh} holds JMH micro-benchmarks of the hot paths.
 */
package dev.sweep.bench;
