package dev.sweep.io.netcdf;

import dev.sweep.data.Dataset;
import dev.sweep.store.DatasetStore;
import dev.sweep.store.StoreProvider;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;

/**
 * A NetCDF file as a {@link DatasetStore}: what a {@link dev.sweep.farm.Harvester} writes through
 * for a {@code .nc} file. Registered as the {@link StoreProvider} named {@code netcdf}, so
 * {@code Stores.dataset(Path.of("foo.nc"))} finds it.
 *
 * <p>A NetCDF-3 file it writes has the dataset's first dimension as its unlimited (record)
 * dimension, where NetCDF-3 allows it (every variable over it has it first, and no dimension is
 * empty): xarray and ncdump read it as the same dataset ({@code ncdump -h} says
 * {@code a = UNLIMITED ; // (3 currently)}, xarray lists it in {@code encoding["unlimited_dims"]}),
 * and {@link #append} can then add labels along it in place. NetCDF-4 files are always rewritten.
 */
public final class NetcdfStore implements DatasetStore {
  private final Path path;
  private final NetcdfFormat format;

  /**
   * Makes the store for a file written in the default format (NetCDF-3 64-bit offset).
   *
   * @param path the file, which need not exist yet
   */
  public NetcdfStore(Path path) {
    this(path, NetcdfFormat.NETCDF3_64BIT_OFFSET);
  }

  /**
   * Makes the store for a file written in the given format; reading detects the format by itself.
   *
   * @param path the file, which need not exist yet
   * @param format the format writes use
   */
  public NetcdfStore(Path path, NetcdfFormat format) {
    this.path = Objects.requireNonNull(path, "path");
    this.format = Objects.requireNonNull(format, "format");
  }

  @Override
  public Path path() {
    return path;
  }

  @Override
  public Dataset read() {
    return Netcdf.read(path);
  }

  @Override
  public void write(Dataset dataset) {
    if (format != NetcdfFormat.NETCDF3_64BIT_OFFSET) {
      Netcdf.write(dataset, path, format);
      return;
    }
    Objects.requireNonNull(dataset, "dataset");
    NcFile file = CfEncoder.encode(dataset, format); // every check, before any file is touched
    NetcdfWriter.write(file, path, format, NetcdfAppender.recordDimension(dataset));
  }

  /**
   * {@inheritDoc} NetCDF names ({@link Names}): not empty, starting with an ASCII letter, digit or
   * underscore, without '/', control characters or spaces.
   */
  @Override
  public void checkNames(String kind, java.util.Collection<String> names) {
    Objects.requireNonNull(kind, "kind");
    for (String name : Objects.requireNonNull(names, "names")) {
      if (name == null) throw new IllegalArgumentException("a " + kind + " name is null");
      Names.check(kind, name, null);
    }
  }

  /**
   * {@inheritDoc} What {@link #write} would refuse among the values: int64 values outside int32 in a
   * NetCDF-3 file, strings with a NUL character or an unpaired surrogate; reads only the int64 and
   * string variables.
   */
  @Override
  public void checkValues(Dataset part) {
    CfEncoder.checkValues(Objects.requireNonNull(part, "part"), format);
  }

  /**
   * Appends in place along the file's record dimension (see {@link NetcdfAppender}): the records are
   * written and flushed before the header's record count grows, so a crash leaves the old or the new
   * records. NetCDF-4 files, files whose record dimension is another one, and tails whose encoding
   * the header does not describe (longer strings, other attributes) give false.
   */
  @Override
  public boolean append(String dim, Dataset tail) {
    Objects.requireNonNull(dim, "dim");
    Objects.requireNonNull(tail, "tail");
    if (format != NetcdfFormat.NETCDF3_64BIT_OFFSET || !exists()) return false;
    return NetcdfAppender.append(path, dim, tail);
  }

  @Override
  public String toString() {
    return "NetcdfStore[" + path + ", " + format + "]";
  }

  /**
   * Registers NetCDF for files ending in {@code .nc}, {@code .nc4} or {@code .cdf} (any case): a
   * {@code .nc4} file is written as NetCDF-4, the others as NetCDF-3 64-bit offset.
   */
  public static final class Provider implements StoreProvider {
    @Override
    public String name() {
      return "netcdf";
    }

    @Override
    public boolean holdsDatasets() {
      return true;
    }

    @Override
    public boolean accepts(Path path) {
      String n = path.getFileName().toString().toLowerCase(Locale.ROOT);
      return n.endsWith(".nc") || n.endsWith(".nc4") || n.endsWith(".cdf");
    }

    /** {@return true: {@code .nc} and {@code .cdf} files also hold records ({@link NetcdfRecordStore})} */
    @Override
    public boolean holdsRecords() {
      return true;
    }

    /**
     * {@inheritDoc} A NetCDF-3 record file ({@link NetcdfRecordStore}).
     *
     * @throws UnsupportedOperationException for a {@code .nc4} file: record files are NetCDF-3
     */
    @Override
    public dev.sweep.store.RecordStore openRecords(Path path, dev.sweep.store.RecordStore.Mode mode) {
      openRecordsCheck(path);
      return NetcdfRecordStore.open(path, mode);
    }

    /**
     * {@inheritDoc} A NetCDF-3 record file ({@link NetcdfRecordStore}) whose writes wait for another
     * process's lock as {@code wait} allows.
     *
     * @throws UnsupportedOperationException for a {@code .nc4} file: record files are NetCDF-3
     */
    @Override
    public dev.sweep.store.RecordStore openRecords(Path path, dev.sweep.store.RecordStore.Mode mode,
        dev.sweep.store.LockWait wait) {
      openRecordsCheck(path);
      return NetcdfRecordStore.open(path, mode, NetcdfRecordStore.Sync.ON_CLOSE, wait);
    }

    private static void openRecordsCheck(Path path) {
      if (path.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".nc4")) {
        throw new UnsupportedOperationException("record files are NetCDF-3, which grows by appending records; name "
            + path.getFileName() + " with .nc instead of .nc4");
      }
    }

    @Override
    public DatasetStore openDataset(Path path) {
      String n = path.getFileName().toString().toLowerCase(Locale.ROOT);
      return new NetcdfStore(path, n.endsWith(".nc4") ? NetcdfFormat.NETCDF4 : NetcdfFormat.NETCDF3_64BIT_OFFSET);
    }

    @Override
    public String description() {
      return "NetCDF (.nc, .nc4, .cdf)";
    }
  }
}
