package dev.sweep.io.netcdf;

import dev.sweep.data.Dataset;
import dev.sweep.store.StoreFormatException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Reads and writes a {@link Dataset} as a NetCDF file that Python's xarray opens as its own:
 * dimensions, index coordinates as real indexes ({@code ds.sel(b="y")} works for string labels),
 * data variables, attributes, NaN and null as missing values.
 *
 * <pre>{@code
 * Netcdf.write(dataset, Path.of("results.nc"));   // NetCDF-3, pure Java
 * Dataset back = Netcdf.read(Path.of("results.nc"));
 * assert back.equals(dataset);
 * }</pre>
 *
 * <p>{@code read(write(ds))} equals {@code ds} for every dataset {@code write} accepts. The types
 * each format holds, what xarray sees, and the extra attributes that make the round trip exact are
 * listed in {@code sweep-io/NETCDF.md}. In short: NetCDF-3 has no int64 (stored as int32 with
 * {@code dtype = "int64"} when the values fit, else {@code write} fails), booleans are int8 with
 * {@code dtype = "bool"}, and strings are UTF-8.
 *
 * <p>Writes are atomic: the file is written next to the target under a temporary name, flushed to
 * disk and renamed over the target, so the target holds either the old or the new dataset, even if
 * the JVM dies midway. Methods are thread-safe; writes to the same path race, and the last rename
 * wins. No argument may be null.
 */
public final class Netcdf {
  private Netcdf() {}

  /** Whether a write reaches the disk before it returns. Either way it is atomic. */
  public enum Durability {
    /**
     * The new file and its rename are fsynced: after a power failure the target holds the old
     * dataset or the new one (the default, and what harvests use).
     */
    DURABLE,
    /**
     * No fsync: readers and a killed process see the old dataset or the new one, whole, but a power
     * failure soon after may leave the old one or an empty file. Several times faster for small
     * files, whose cost is mostly the two fsyncs; for files that can be made again, such as a
     * simulation's frames, and as netCDF-C and xarray write.
     */
    ATOMIC
  }

  /**
   * Writes a dataset as NetCDF-3 64-bit offset ({@link NetcdfFormat#NETCDF3_64BIT_OFFSET}), the format
   * every NetCDF tool reads, in pure Java, replacing the file atomically.
   *
   * @param dataset the dataset to write
   * @param path the file; its directory must exist
   * @throws IllegalArgumentException if the dataset holds what NetCDF-3 cannot (an int64 value outside
   *     int32, a string with a NUL character, a name NetCDF rejects, a reserved attribute name); the
   *     message says what to change
   * @throws UncheckedIOException if the file cannot be written; the old file, if any, is unchanged
   */
  public static void write(Dataset dataset, Path path) {
    write(dataset, path, NetcdfFormat.NETCDF3_64BIT_OFFSET);
  }

  /**
   * Writes a dataset in the given format, replacing the file atomically.
   *
   * @param dataset the dataset to write
   * @param path the file; its directory must exist
   * @param format NetCDF-3 64-bit offset or NetCDF-4
   * @throws IllegalArgumentException if the dataset holds what the format cannot; nothing is written
   * @throws UnsupportedOperationException for {@link NetcdfFormat#NETCDF4} without the NetCDF C
   *     library; the message says what to install
   * @throws UncheckedIOException if the file cannot be written; the old file, if any, is unchanged
   */
  public static void write(Dataset dataset, Path path, NetcdfFormat format) {
    write(dataset, path, format, Durability.DURABLE);
  }

  /**
   * Writes a dataset in the given format, replacing the file atomically, and durably or not.
   *
   * @param dataset the dataset to write
   * @param path the file; its directory must exist
   * @param format NetCDF-3 64-bit offset or NetCDF-4
   * @param durability {@link Durability#DURABLE} to fsync (as {@link #write(Dataset, Path, NetcdfFormat)}),
   *     {@link Durability#ATOMIC} not to
   * @throws IllegalArgumentException if the dataset holds what the format cannot; nothing is written
   * @throws UnsupportedOperationException for {@link NetcdfFormat#NETCDF4} without the NetCDF C
   *     library; the message says what to install
   * @throws UncheckedIOException if the file cannot be written; the old file, if any, is unchanged
   */
  public static void write(Dataset dataset, Path path, NetcdfFormat format, Durability durability) {
    Objects.requireNonNull(dataset, "dataset");
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(format, "format");
    Objects.requireNonNull(durability, "durability");
    if (format == NetcdfFormat.NETCDF4) Netcdf4Library.require(isNetcdf4Available());
    NcFile file = CfEncoder.encode(dataset, format); // every check, before any file is touched
    NetcdfWriter.write(file, path, format, null, durability == Durability.DURABLE);
  }

  /**
   * Reads a NetCDF-3 or NetCDF-4 file, written by sweep or by another tool such as xarray; see
   * {@code NETCDF.md} for how foreign files map onto a dataset. Reading is pure Java for both formats.
   *
   * <p>The file is opened once and read whole through that one open file, so a read while another
   * thread or process replaces the file (as {@link #write} and a harvest do) gives the old version or
   * the new one, never an error.
   *
   * @param path the file
   * @return the dataset it holds; equal to the one written, for a file sweep wrote
   * @throws StoreFormatException {@code "<path>: <problem>"} if the file is not a NetCDF file, is
   *     truncated or corrupt, or holds what sweep cannot read without losing it (data in NetCDF-4
   *     groups)
   * @throws UncheckedIOException {@code "cannot read <path>: <problem>"} if there is no such file, it
   *     is a directory, or it cannot be read
   */
  public static Dataset read(Path path) {
    return NetcdfReader.read(Objects.requireNonNull(path, "path"));
  }

  /**
   * True if {@link NetcdfFormat#NETCDF4} can be written: the NetCDF C library ({@code libnetcdf19} on
   * Debian) loads. The first call loads it, once per JVM; netcdf-java's start-up lines go to the
   * debug log instead of {@code System.out}.
   *
   * @return true if the C library loads; the same answer on every later call
   */
  public static boolean isNetcdf4Available() {
    return Netcdf4Library.isPresent();
  }
}
