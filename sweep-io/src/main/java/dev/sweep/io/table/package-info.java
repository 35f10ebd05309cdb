/**
 * Datasets as tables: {@link dev.sweep.io.table.Tables#toTable} gives a Tablesaw table in long form (one
 * row per cell, a column per dimension and per variable), as xarray's {@code to_dataframe().reset_index()},
 * and {@link dev.sweep.io.table.Tables#fromTable} rebuilds a dataset from such a table, as
 * {@code Dataset.from_dataframe(df.set_index(dims))}. A sampler's table and a harvest's dataset meet here.
 *
 * <p>Nulls: no method takes or returns null; missing values are NaN, or missing strings.
 */
package dev.sweep.io.table;
