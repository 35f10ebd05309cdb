/**
 * CSV storage for flat tables of typed columns: the record store a sampler appends to.
 *
 * <p>Start with {@link dev.sweep.io.csv.CsvStore}, a {@link dev.sweep.store.RecordStore} of 0-D
 * records (a row per record, a column per variable) that {@link dev.sweep.store.Stores} finds for
 * {@code .csv} files under the provider name {@code csv}: {@code append} adds a dataset's rows with one
 * write and an fsync, coordinated across processes by a lock file; {@code read} gives them back as a
 * dataset; opening repairs the torn last line an interrupted append can leave.
 * {@link dev.sweep.io.csv.CsvStore#readTable} reads a file into a Tablesaw table. Column types travel
 * in a {@code <file>.dtypes.json} sidecar so that neither Tablesaw nor pandas has to guess them from
 * the text.
 *
 * <p>Nulls: no method takes or returns null.
 */
package dev.sweep.io.csv;
