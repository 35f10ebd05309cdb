/**
 * Labelled data: the {@link dev.sweep.data.Dataset} (start here), its {@link dev.sweep.data.Variable}s,
 * the {@link dev.sweep.data.Index} of labels along each dimension, and merging.
 *
 * <p>Data flows: parameter space ({@code dev.sweep.space}) -> runs ({@code dev.sweep.run}) -> labelled
 * data (this package) -> storage ({@code sweep-io}). This package knows no file format.
 *
 * <p>Nulls: no method accepts or returns null, except that a missing string value reads as null, and
 * {@link dev.sweep.data.DType}'s lookups ({@code of}, {@code common}, {@code nd4j}) return null where
 * there is no such type. Missing numbers are NaN; integer and boolean variables have no missing value.
 */
package dev.sweep.data;
