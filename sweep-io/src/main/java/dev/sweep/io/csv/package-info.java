/**
 * CSV storage for flat tables of typed columns, the format a sampler syncs with.
 *
 * <p>Start with {@link dev.sweep.io.csv.CsvFile}: {@code open} loads a file (repairing the torn last
 * line an interrupted append can leave), {@code append} adds rows with one write and an fsync, and
 * {@code read} loads a file without changing it. Column types travel in a {@code <file>.dtypes.json}
 * sidecar so that neither Tablesaw nor pandas has to guess them from the text.
 *
 * <p>Nulls: no method takes or returns null.
 */
package dev.sweep.io.csv;
