package dev.sweep.io.netcdf;

/**
 * The on-disk variant of a NetCDF file written by {@link Netcdf#write(dev.sweep.data.Dataset,
 * java.nio.file.Path, NetcdfFormat)}. Reading detects the variant by itself.
 */
public enum NetcdfFormat {
  /**
   * NetCDF-3 with 64-bit offsets (CDF-2), the default: written in pure Java, read by every NetCDF
   * tool. It has no int64 and no string type: int64 values are stored as int32 when they all fit
   * (otherwise writing fails), strings as UTF-8 {@code char} arrays. No compression.
   */
  NETCDF3_64BIT_OFFSET,

  /**
   * NetCDF-4 (HDF5): deflate level 5 with shuffle, native int64 and variable-length strings. Writing
   * needs the NetCDF C library ({@code apt-get install libnetcdf19}); see
   * {@link Netcdf#isNetcdf4Available()}. Reading is pure Java.
   */
  NETCDF4
}
