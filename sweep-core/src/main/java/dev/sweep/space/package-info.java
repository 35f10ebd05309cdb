/**
 * The parameter space: {@link dev.sweep.space.Combos} (the outer product of named value lists; start
 * here), {@link dev.sweep.space.Cases} (explicit points), and {@link dev.sweep.space.Space}, the lazy,
 * deterministic product of both that runners walk: a grid of cases times combos, or a flat list of
 * points. {@link dev.sweep.space.Values} makes evenly spaced value lists.
 *
 * <p>Nulls: no method accepts or returns null, except that
 * {@link dev.sweep.space.Combos.Parameter#labels()} is null for a stored-values placeholder.
 */
package dev.sweep.space;
