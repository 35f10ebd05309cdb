/**
 * Storage for sweep datasets: file formats that other tools read, kept out of {@code sweep-core}.
 *
 * <p>Start with {@link dev.sweep.io.netcdf.Netcdf}: {@code Netcdf.write(dataset, path)} and
 * {@code Netcdf.read(path)} store a {@link dev.sweep.data.Dataset} as a NetCDF file that Python's
 * xarray opens as its own. Each format lives in its own package: {@code netcdf} for datasets,
 * {@code csv} for tables, {@code crop} for the directories of crops (see {@link dev.sweep.farm.Crop}),
 * {@code scene} for simulations' directories of frames (PhiFlow's scenes, start with
 * {@link dev.sweep.io.scene.Scene}), {@code hdf5} for HDF5 files followed while h5py writes them.
 * {@link dev.sweep.io.FollowSources#open} opens a file another process is writing (NetCDF-3 or HDF5,
 * told by its first bytes) for a {@link dev.sweep.follow.FrameFollower}; see {@code FOLLOW.md}.
 */
package dev.sweep.io;
