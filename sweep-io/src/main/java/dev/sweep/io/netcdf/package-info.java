/**
 * NetCDF storage of sweep datasets, readable by xarray, ncdump and every NetCDF tool.
 *
 * <p>Start with {@link dev.sweep.io.netcdf.Netcdf}: {@code write(dataset, path)} and {@code read(path)}.
 * {@link dev.sweep.io.netcdf.NetcdfFormat} picks NetCDF-3 (default, pure Java) or NetCDF-4 (compressed,
 * needs the NetCDF C library to write).
 *
 * <p>{@link dev.sweep.io.netcdf.NetcdfRecordStore} is a NetCDF-3 record file that grows by appending
 * records along its unlimited dimension: what a {@code dev.sweep.traj.Trajectory} writes for a
 * {@code .nc} file. {@link dev.sweep.io.netcdf.PyPdeStore} reads py-pde's HDF5 trajectory files. Both
 * are described in {@code sweep-io/TRAJECTORIES.md}.
 *
 * <p>Inside, as in xarray, the CF encoding is kept apart from the file I/O: {@code CfEncoder},
 * {@code CfDecoder} and {@code CfAttributes} turn a dataset into NetCDF variables and attributes and
 * back ({@code NcFile} is the structure between them); {@code NetcdfWriter} and {@code NetcdfReader} do
 * the I/O (format probing through the one open file, error messages), the writer through
 * {@link dev.sweep.io.internal.AtomicFiles} for the atomic replace. The format decisions are documented in
 * {@code sweep-io/NETCDF.md}.
 *
 * <p>Nulls: no public method takes or returns null. In a dataset read back, a missing number is NaN and
 * a missing string is null, as everywhere in sweep.
 */
package dev.sweep.io.netcdf;
