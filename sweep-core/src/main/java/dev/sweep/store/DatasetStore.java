package dev.sweep.store;

import dev.sweep.data.Dataset;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;

/**
 * A file that holds one {@link Dataset}: the port through which harvests reach storage. Formats
 * live in other modules and register a {@link Provider} (sweep-io registers NetCDF for {@code .nc}),
 * so the core knows no file format.
 */
public interface DatasetStore {

  /** {@return the file this store reads and writes; it need not exist yet} */
  Path path();

  /**
   * Reads the whole dataset.
   *
   * @return the dataset the file holds
   * @throws java.io.UncheckedIOException naming the file and what is wrong, if it is missing,
   *     corrupt, truncated or not of this format
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

  /**
   * The store for a file, by the first registered {@link Provider} that accepts it.
   *
   * @param path the file, which need not exist yet
   * @return the store
   * @throws IllegalArgumentException naming the file and the formats available, if none accepts it
   */
  static DatasetStore forPath(Path path) {
    List<String> known = new ArrayList<>();
    for (Provider p : ServiceLoader.load(Provider.class)) {
      if (p.accepts(path)) return p.open(path);
      known.add(p.description());
    }
    throw new IllegalArgumentException("no storage for '" + path + "': "
        + (known.isEmpty() ? "no format is registered; put sweep-io on the class path for NetCDF (.nc)"
            : "the registered formats are " + known));
  }

  /** A file format's entry point, registered in {@code META-INF/services/dev.sweep.store.DatasetStore$Provider}. */
  interface Provider {
    /**
     * {@return true if this format handles the file (usually judged by its extension)}
     *
     * @param path the file, which need not exist yet
     */
    boolean accepts(Path path);

    /**
     * {@return the store for a file this provider accepts}
     *
     * @param path the file, which need not exist yet
     */
    DatasetStore open(Path path);

    /** {@return the format, for messages: e.g. {@code "NetCDF (.nc)"}} */
    String description();
  }
}
