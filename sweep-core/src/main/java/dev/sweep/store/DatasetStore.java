package dev.sweep.store;

import dev.sweep.data.Dataset;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A file that holds one {@link Dataset}, replaced as a whole: the port through which harvests reach
 * storage. Formats live in other modules and register a {@link StoreProvider} (sweep-io registers
 * NetCDF for {@code .nc}), found through {@link Stores}, so the core knows no file format. The port
 * beside it, {@link RecordStore}, appends.
 */
public interface DatasetStore {

  /** {@return the file this store reads and writes; it need not exist yet} */
  Path path();

  /** {@return true if the store holds a dataset yet (for a file: the file exists)} */
  default boolean exists() {
    return Files.exists(path());
  }

  /**
   * Reads the whole dataset.
   *
   * @return the dataset the file holds
   * @throws StoreFormatException naming the file and what is wrong, if it is corrupt, truncated or
   *     not of this format
   * @throws java.io.UncheckedIOException naming the file, if it is missing or cannot be read
   */
  Dataset read();

  /**
   * Replaces the file's contents with the dataset, atomically: a crash at any moment leaves either
   * the old complete file or the new one, never a half-written file.
   *
   * @param dataset the dataset to store
   * @throws java.io.UncheckedIOException naming the file, after which the old file is untouched
   * @throws IllegalArgumentException if the format cannot hold something in the dataset
   */
  void write(Dataset dataset);
}
