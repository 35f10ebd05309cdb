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

  /**
   * Checks that the format can store names of this kind, before anything is computed: a
   * {@link dev.sweep.farm.Harvester} checks the names its runner declares when it is built, and the
   * parameters of each harvest before its runs, so that a name the format refuses (NetCDF refuses
   * {@code θ} as a first character and names with a space) fails at once rather than at the first
   * write, after every run. The default accepts every name; {@link #write} checks again whatever this
   * does not.
   *
   * @param kind {@code "variable"}, {@code "dimension"} or {@code "attribute"}
   * @param names the names to check
   * @throws IllegalArgumentException naming the first name the format cannot store, and why
   */
  default void checkNames(String kind, java.util.Collection<String> names) {}

  /**
   * Checks that the format can store the values of a part of the dataset (a harvest's batch), where
   * that is cheap compared with writing it: a {@link dev.sweep.farm.Harvester} that saves every few
   * runs checks each batch before it joins what is saved, so that a value the format refuses stops
   * the harvest at that batch, the earlier ones kept, rather than failing the final write after every
   * run. The default accepts everything; {@link #write} checks again.
   *
   * @param part the values to check
   * @throws IllegalArgumentException naming the variable, the value and the labels of its cell (the
   *     run's arguments), if the format cannot store it
   */
  default void checkValues(Dataset part) {}

  /**
   * Appends labels along a dimension to the stored dataset in place, if this store can: an optional
   * capability, so that a harvest which only adds labels after the last ones of a dimension (more
   * values of {@code a}, more seeds, later times) costs what its new data cost rather than a rewrite
   * of the whole file. The default cannot, and returns false.
   *
   * <p>The caller (a {@link dev.sweep.farm.Harvester}) holds what the store holds and has checked
   * that merging the tail into it gives their concatenation along {@code dim}: the tail has the
   * stored variables, with the same types, dimensions in the same order and attributes, the same
   * labels along every other dimension and the same dataset attributes, and labels along {@code dim}
   * that all sort after the stored ones. A store checks what its own layout needs (that {@code dim}
   * can grow in place, that the values fit the stored encoding) and returns false, untouched, if it
   * cannot append; the caller then writes the merged dataset with {@link #write}.
   *
   * @param dim the dimension to extend: the first of every variable
   * @param tail the labels to add along {@code dim}, with their values
   * @return true if the store now holds the stored dataset followed by the tail, durably; false if it
   *     cannot append the tail (nothing was changed)
   * @throws IllegalArgumentException if the format cannot hold something in the tail; nothing is written
   * @throws java.io.UncheckedIOException naming the file, if writing fails; the store then holds what it
   *     held before, and a crash at any moment leaves either the old or the new content
   */
  default boolean append(String dim, Dataset tail) {
    return false;
  }
}
