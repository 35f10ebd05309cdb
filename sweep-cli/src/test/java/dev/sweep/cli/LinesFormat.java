package dev.sweep.cli;

import dev.sweep.data.Dataset;
import dev.sweep.store.RecordStore;
import dev.sweep.store.StoreFormatException;
import dev.sweep.store.StoreProvider;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A read-only record format registered only on this module's test class path, standing for the
 * formats to come: a {@code .lines} file holds one number a line, each line a record of the variable
 * {@code value} along the dimension {@code line}. {@code sweep show} must summarise it without knowing it.
 */
public final class LinesFormat implements StoreProvider {
  /** Makes the provider. */
  public LinesFormat() {}

  @Override
  public String name() {
    return "lines";
  }

  @Override
  public String description() {
    return "numbers, one a line (.lines)";
  }

  @Override
  public boolean accepts(Path path) {
    return path.getFileName().toString().endsWith(".lines");
  }

  @Override
  public boolean holdsRecords() {
    return true;
  }

  @Override
  public RecordStore openRecords(Path path, RecordStore.Mode mode) {
    if (mode != RecordStore.Mode.READ_ONLY) throw new UnsupportedOperationException("the lines format is read-only");
    return new Store(path, parse(path));
  }

  private static double[] parse(Path path) {
    List<String> lines;
    try {
      lines = Files.readAllLines(path, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + path, e);
    }
    double[] values = new double[lines.size()];
    for (int i = 0; i < values.length; i++) {
      try {
        values[i] = Double.parseDouble(lines.get(i));
      } catch (NumberFormatException e) {
        throw new StoreFormatException(path, "line " + (i + 1) + " is '" + lines.get(i) + "', not a number", e);
      }
    }
    return values;
  }

  private record Store(Path path, double[] values) implements RecordStore {
    @Override
    public String recordDim() {
      return "line";
    }

    @Override
    public long size() {
      return values.length;
    }

    @Override
    public Dataset read() {
      return read(0, values.length);
    }

    @Override
    public Dataset read(long from, long to) {
      if (from < 0 || from > to || to > values.length) {
        throw new IndexOutOfBoundsException("records [" + from + ", " + to + ") of " + values.length);
      }
      double[] slice = Arrays.copyOfRange(values, (int) from, (int) to);
      return Dataset.builder().variable("value", List.of("line"), Nd4j.createFromArray(slice)).build();
    }

    @Override
    public void append(Dataset records) {
      throw new IllegalStateException(path + " is open read-only");
    }

    @Override
    public long refresh() {
      return values.length;
    }

    @Override
    public Mode mode() {
      return Mode.READ_ONLY;
    }

    @Override
    public void close() {}
  }
}
