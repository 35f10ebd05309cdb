/**
 * Tablesaw views of flat datasets: start with {@link dev.sweep.io.table.Tables}, whose {@code of}
 * turns a dataset whose variables are 1-D over one dimension into a {@code Table} (xarray's
 * {@code to_dataframe}), and whose {@code toDataset} goes back. To read a CSV file straight into a
 * table, use {@link dev.sweep.io.csv.CsvStore#readTable}.
 *
 * <p>Nulls: no method takes or returns null.
 */
package dev.sweep.io.table;
