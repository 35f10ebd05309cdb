package dev.sweep.store;

import dev.sweep.data.Dataset;
import java.nio.file.Path;

/**
 * A file that grows by appending records along one dimension, the port beside {@link DatasetStore}
 * (which replaces a whole file). A record is a slice of a dataset at one position of the record
 * dimension: a CSV row is a 0-D record (a value per column), a trajectory frame an N-D record (an
 * array per field). This is NetCDF's "record along the unlimited dimension", so one port serves both.
 *
 * <p>Writing: {@link #append} stores records durably, all or nothing: after a failure (a full disk,
 * a bad value) the file holds exactly the records of the appends that returned, and a crash in the
 * middle of an append leaves at most a torn tail that the next {@code open} drops. The first append
 * fixes the variables, their types and their inner dimensions; later appends must match.
 *
 * <p>Reading: {@link #size}, {@link #read()} and {@link #read(long, long)} see the complete records.
 * Another process may be appending to the same file; {@link #refresh} re-reads how many complete
 * records it holds now, which is what a follower polls. A follower targets append-only record files:
 * a {@link DatasetStore} replaces its file by a rename, so a reader holding the old file never sees
 * the new one.
 *
 * <p>Implementations are not required to be thread-safe; farmers serialise their calls.
 */
public interface RecordStore extends AutoCloseable {

  /** How a record store opens its file. */
  enum Mode {
    /** Read the records; never change the file (a torn tail is left out, not cut off); appends are refused. */
    READ_ONLY,
    /** Keep the records and append after them; a torn tail left by a crash is cut off. The default. */
    APPEND,
    /** Start empty: the file's records are discarded when it is opened. */
    TRUNCATE
  }

  /** {@return the file this store appends to; it need not exist until the first append} */
  Path path();

  /**
   * {@return the name of the record dimension: the one every variable of {@link #read()} has first}
   * A store whose file does not say (CSV) uses the dimension of its first append, else {@code "index"}
   * (the name xarray gives the index of a table).
   */
  String recordDim();

  /** {@return the number of complete records held, as last read or written by this store} */
  long size();

  /**
   * Reads every complete record.
   *
   * @return a dataset whose variables all have {@link #recordDim()} first; empty if nothing is stored
   * @throws StoreFormatException if the file is damaged other than at its torn tail
   * @throws java.io.UncheckedIOException if it cannot be read
   */
  Dataset read();

  /**
   * Reads the records {@code [from, to)}.
   *
   * @param from the first record, {@code 0 <= from <= to}
   * @param to one past the last record, {@code to <= size()}
   * @return the records, over the record dimension of length {@code to - from}
   * @throws IndexOutOfBoundsException naming the range and the size, if it is not within the records
   */
  Dataset read(long from, long to);

  /**
   * Reads some variables of the records {@code [from, to)}: what a reader that needs one field of
   * large records, or only the record dimension's own variable (a trajectory's times), asks for. A
   * format that can skip the other variables overrides this; the default reads whole records.
   *
   * @param from the first record, {@code 0 <= from <= to}
   * @param to one past the last record, {@code to <= size()}
   * @param variables the names of the variables to read, each one {@link #read()} holds
   * @return those variables over the record dimension of length {@code to - from}, with the
   *     dimensions, labels and attributes {@link #read(long, long)} gives
   * @throws IndexOutOfBoundsException naming the range and the size, if it is not within the records
   * @throws IllegalArgumentException naming the variables there are, if one is not stored
   */
  default Dataset read(long from, long to, java.util.Collection<String> variables) {
    Dataset all = read(from, to);
    for (String name : variables) all.variable(name); // names the variables there are, if one is missing
    Dataset.Builder out = all.toBuilder();
    for (String name : all.variables().keySet()) {
      if (!variables.contains(name)) out.removeVariable(name);
    }
    return out.build();
  }

  /**
   * Appends records durably, all or nothing. The store keeps no reference to the records' arrays once
   * this returns (it writes or copies them), so a caller may reuse them for the next records: a
   * trajectory fills one chunk buffer over and over.
   *
   * @param records a dataset whose variables all have the record dimension first; its length is the
   *     number of records appended (zero appends nothing)
   * @throws IllegalStateException if the store was opened {@link Mode#READ_ONLY} or is closed
   * @throws IncompatibleStoreException if the records have other variables, types or inner dimensions
   *     than the stored ones; nothing is written
   * @throws IllegalArgumentException if a value cannot be stored in this format; nothing is written
   * @throws java.io.UncheckedIOException if writing fails; the file is cut back to what it held before
   */
  void append(Dataset records);

  /**
   * Re-reads the number of complete records in the file, which another process may have grown.
   *
   * @return the new {@link #size()}
   */
  long refresh();

  /** {@return the mode the store was opened in} */
  Mode mode();

  /** Releases the file. Appending after close is refused; closing twice does nothing. */
  @Override
  void close();
}
