package dev.sweep.store;

import java.nio.file.Path;

/**
 * A file format's entry point, registered for {@link java.util.ServiceLoader} in
 * {@code META-INF/services/dev.sweep.store.StoreProvider} and found through {@link Stores}. A format
 * may hold whole datasets ({@link DatasetStore}, replaced atomically), records
 * ({@link RecordStore}, appended), or both.
 */
public interface StoreProvider {

  /** {@return the provider's unique name, by which {@link Stores} can pick it: e.g. {@code "netcdf"}, {@code "csv"}} */
  String name();

  /** {@return the format, for messages: e.g. {@code "NetCDF (.nc, .nc4, .cdf)"}} */
  String description();

  /**
   * {@return true if this format handles the file (usually judged by its extension)}
   *
   * @param path the file, which need not exist yet
   */
  boolean accepts(Path path);

  /** {@return true if {@link #openDataset} is supported} */
  default boolean holdsDatasets() {
    return false;
  }

  /** {@return true if {@link #openRecords} is supported} */
  default boolean holdsRecords() {
    return false;
  }

  /**
   * {@return the store for a file that holds one dataset, replaced as a whole}
   *
   * @param path the file, which need not exist yet
   * @throws UnsupportedOperationException if this format holds no such datasets
   */
  default DatasetStore openDataset(Path path) {
    throw new UnsupportedOperationException(description() + " files hold records, not a dataset replaced as a whole: "
        + "open " + path + " with Stores.records");
  }

  /**
   * {@return the store for a file that grows by records}
   *
   * @param path the file, which need not exist yet unless the mode is {@code READ_ONLY}
   * @param mode how to open it
   * @throws UnsupportedOperationException if this format holds no records
   */
  default RecordStore openRecords(Path path, RecordStore.Mode mode) {
    throw new UnsupportedOperationException(description() + " files hold a dataset replaced as a whole, not records: "
        + "open " + path + " with Stores.dataset");
  }

  /**
   * {@return the store for a file that grows by records, waiting for other processes' locks on it as
   * {@code wait} allows} A provider whose stores lock their files overrides this; the default ignores
   * {@code wait} and opens as {@link #openRecords(Path, RecordStore.Mode)}.
   *
   * @param path the file, which need not exist yet unless the mode is {@code READ_ONLY}
   * @param mode how to open it
   * @param wait how long the store waits for a lock another process holds
   * @throws UnsupportedOperationException if this format holds no records
   */
  default RecordStore openRecords(Path path, RecordStore.Mode mode, LockWait wait) {
    return openRecords(path, mode);
  }
}
