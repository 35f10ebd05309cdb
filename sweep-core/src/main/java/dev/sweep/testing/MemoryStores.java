package dev.sweep.testing;

import dev.sweep.data.Dataset;
import dev.sweep.store.DatasetStore;
import dev.sweep.store.IncompatibleStoreException;
import dev.sweep.store.RecordStore;
import dev.sweep.store.Records;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Stores that keep their data in memory, for testing farmers and formats on their own terms (as
 * xarray's {@code InMemoryDataStore}): a {@link dev.sweep.farm.Harvester} or
 * {@link dev.sweep.farm.Sampler} over one of these runs without any file format. Each store has a
 * path for messages and for the harvest's lock file, which is the only thing written to disk.
 */
public final class MemoryStores {
  private MemoryStores() {}

  /**
   * {@return an empty store of one dataset, replaced as a whole}
   *
   * @param path the name it reports, and next to which a harvester keeps its lock file
   */
  public static DatasetStore dataset(Path path) {
    return new MemoryDataset(Objects.requireNonNull(path, "path"));
  }

  /**
   * {@return an empty store of records, open for appending}
   *
   * @param path the name it reports
   */
  public static RecordStore records(Path path) {
    return new MemoryRecords(Objects.requireNonNull(path, "path"));
  }

  private static final class MemoryDataset implements DatasetStore {
    private final Path path;
    private Dataset stored;
    private int writes;
    private int appends;

    MemoryDataset(Path path) {
      this.path = path;
    }

    @Override
    public Path path() {
      return path;
    }

    @Override
    public synchronized boolean exists() {
      return stored != null;
    }

    @Override
    public synchronized Dataset read() {
      if (stored == null) throw new java.io.UncheckedIOException(new java.nio.file.NoSuchFileException(path.toString()));
      return stored;
    }

    @Override
    public synchronized void write(Dataset dataset) {
      stored = Objects.requireNonNull(dataset, "dataset");
      writes++;
    }

    /** Appends when the tail's labels along the dimension follow the stored ones and all else matches. */
    @Override
    public synchronized boolean append(String dim, Dataset tail) {
      Objects.requireNonNull(dim, "dim");
      Objects.requireNonNull(tail, "tail");
      if (stored == null || !stored.dims().equals(tail.dims())
          || !stored.variables().keySet().equals(tail.variables().keySet())) {
        return false;
      }
      for (String d : stored.dims()) {
        if (!d.equals(dim) && !Objects.equals(stored.coords().get(d), tail.coords().get(d))) return false;
      }
      dev.sweep.data.Index held = stored.coords().get(dim);
      dev.sweep.data.Index added = tail.coords().get(dim);
      if (held == null || added == null || !held.union(added).equals(joined(held, added))) return false;
      stored = stored.merge(tail);
      appends++;
      return true;
    }

    private static dev.sweep.data.Index joined(dev.sweep.data.Index a, dev.sweep.data.Index b) {
      List<Object> all = new ArrayList<>(a.labels());
      all.addAll(b.labels());
      return dev.sweep.data.Index.of(all);
    }

    @Override
    public synchronized String toString() {
      return "MemoryStores.dataset[" + path + ", " + writes + " writes, " + appends + " appends]";
    }
  }

  private static final class MemoryRecords implements RecordStore {
    private final Path path;
    private final List<Dataset> batches = new ArrayList<>();
    private String dim;
    private long size;
    private boolean closed;

    MemoryRecords(Path path) {
      this.path = path;
    }

    @Override
    public Path path() {
      return path;
    }

    @Override
    public synchronized String recordDim() {
      return dim == null ? "index" : dim;
    }

    @Override
    public synchronized long size() {
      return size;
    }

    @Override
    public synchronized Dataset read() {
      if (batches.isEmpty()) return Dataset.builder().build();
      Dataset all = Records.join(batches, dim);
      batches.clear();
      batches.add(all);
      return all;
    }

    @Override
    public synchronized Dataset read(long from, long to) {
      return Records.slice(read(), recordDim(), from, to);
    }

    @Override
    public synchronized void append(Dataset records) {
      Objects.requireNonNull(records, "records");
      if (closed) throw new IllegalStateException(path + " is closed");
      if (records.dims().isEmpty()) throw new IllegalArgumentException("records need a record dimension; these have none");
      String d = records.dims().get(0);
      if (dim != null && !batches.isEmpty()) {
        Dataset first = batches.get(0);
        if (!d.equals(dim) || !first.variables().keySet().equals(records.variables().keySet())) {
          throw new IncompatibleStoreException(path, first.variables().keySet().toString(),
              records.variables().keySet().toString(), path + " holds the variables " + first.variables().keySet()
                  + " along '" + dim + "'; these records have " + records.variables().keySet() + " along '" + d + "'");
        }
        Records.join(List.of(first, records), dim); // checks types and shapes before anything is kept
      }
      dim = d;
      batches.add(copy(records)); // a store keeps no reference to what it was given (RecordStore.append)
      size += records.sizes().get(d);
    }

    @Override
    public synchronized long refresh() {
      return size;
    }

    private static Dataset copy(Dataset records) {
      Dataset.Builder b = records.toBuilder();
      for (dev.sweep.data.Variable v : records.variables().values()) {
        b.removeVariable(v.name());
        b.variable(dev.sweep.data.Variable.of(v.name(), v.dims(), v.column().copy()).withAttrs(v.attrs()));
      }
      return b.build();
    }

    @Override
    public Mode mode() {
      return Mode.APPEND;
    }

    @Override
    public synchronized void close() {
      closed = true;
    }
  }
}
