/**
 * HDF5 files another process writes, followed live: {@link dev.sweep.io.hdf5.Hdf5FollowSource}, the
 * {@link dev.sweep.follow.FollowSource} of files h5py writes in SWMR mode (swmr_tools' use case),
 * read through jhdf, a pure-Java HDF5 reader (netcdf-java 4.5 cannot open {@code libver="latest"}
 * files). Usually opened through {@link dev.sweep.io.FollowSources#open}. Nothing here takes or
 * returns null.
 */
package dev.sweep.io.hdf5;
