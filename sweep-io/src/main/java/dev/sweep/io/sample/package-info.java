/**
 * Random sampling of a function's parameter space into one growing table: xyzpy's {@code Sampler}.
 *
 * <p>Start with {@link dev.sweep.io.sample.Sampler}: give it a {@link dev.sweep.run.Runner}, the
 * {@link dev.sweep.io.sample.Draws} each argument comes from (lists of values or
 * {@link dev.sweep.io.sample.Distribution}s) and a CSV file, then call {@code sampleCombos(n)}.
 * {@link dev.sweep.io.sample.Design} chooses independent draws or a space-filling design, and
 * {@link dev.sweep.io.sample.Plots} draws a table as a PNG scatter plot.
 *
 * <p>Nulls: no method takes or returns null, except that {@code Plots.scatter} takes a null hue for
 * one colour; a sampler's missing file is an empty {@code Optional}.
 */
package dev.sweep.io.sample;
