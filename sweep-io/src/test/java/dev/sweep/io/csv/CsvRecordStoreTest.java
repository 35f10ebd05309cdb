package dev.sweep.io.csv;

import static dev.sweep.testing.DatasetAssertions.assertIdentical;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sweep.data.DType;
import dev.sweep.data.Dataset;
import dev.sweep.data.Variable;
import dev.sweep.data.Column;
import dev.sweep.data.Index;
import dev.sweep.store.RecordStore;
import dev.sweep.store.StoreProvider;
import dev.sweep.store.Stores;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.factory.Nd4j;

/** CsvStore as a {@link RecordStore}: the registry, modes, the record dimension, ranges and bad records. */
class CsvRecordStoreTest {
  @TempDir Path dir;

  static Dataset samples(double... x) {
    if (x.length == 0) {
      return Dataset.builder().dim("sample", 0)
          .variable(Variable.of("fn", List.of("sample"), Column.allocate(DType.STRING, new long[] {0})))
          .variable(Variable.of("x", List.of("sample"), Column.allocate(DType.DOUBLE, new long[] {0})))
          .build();
    }
    String[] fn = new String[x.length];
    for (int i = 0; i < x.length; i++) fn[i] = i % 2 == 0 ? "cos" : "sin";
    return Dataset.builder().dim("sample", x.length)
        .variable("fn", List.of("sample"), fn)
        .variable("x", List.of("sample"), Nd4j.createFromArray(x))
        .build();
  }

  @Test
  void isTheRegisteredProviderNamedCsvForCsvFiles() {
    Path p = dir.resolve("t.csv");
    StoreProvider provider = Stores.providerFor(p);
    assertEquals("csv", provider.name());
    assertTrue(provider.holdsRecords());
    assertFalse(provider.holdsDatasets());
    assertFalse(provider.accepts(dir.resolve("t.nc")));
    assertTrue(provider.accepts(dir.resolve("T.CSV")));
    try (RecordStore store = Stores.records(p)) {
      assertInstanceOf(CsvStore.class, store);
      assertEquals(RecordStore.Mode.APPEND, store.mode());
      store.append(samples(0.5, 1.5));
    }
    assertEquals(List.of("fn", "x"), List.copyOf(Stores.read(p).variables().keySet()));
    assertEquals("csv", Stores.provider("csv").name());
  }

  @Test
  void readsOverTheFirstAppendsDimensionElseIndex() {
    Path p = dir.resolve("t.csv");
    CsvStore store = CsvStore.open(p);
    assertEquals("index", store.recordDim());
    store.append(samples(0.5, 1.5, 2.5));
    assertEquals("sample", store.recordDim());
    assertIdentical(samples(0.5, 1.5, 2.5), store.read());
    CsvStore again = CsvStore.open(p, RecordStore.Mode.READ_ONLY);
    assertEquals("index", again.recordDim(), "a CSV file does not record it");
    assertEquals(List.of("index"), again.read().variable("x").dims());
  }

  @Test
  void readsARangeOfRecords() {
    Path p = dir.resolve("t.csv");
    CsvStore store = CsvStore.open(p);
    store.append(samples(0.5, 1.5, 2.5));
    store.append(samples(3.5, 4.5));
    Dataset mid = store.read(2, 4);
    assertEquals(List.of("cos", "cos"), List.of(mid.variable("fn").get(0), mid.variable("fn").get(1)));
    assertEquals(2.5, mid.variable("x").getDouble(0));
    assertEquals(3.5, mid.variable("x").getDouble(1));
    assertEquals(0, store.read(5, 5).sizes().get("sample"));
    IndexOutOfBoundsException e = assertThrows(IndexOutOfBoundsException.class, () -> store.read(3, 6));
    assertEquals("records [3, 6) of " + p + ": expected 0 <= from <= to <= 5, the number of records held", e.getMessage());
  }

  @Test
  void aFollowerSeesAnotherStoresAppendsAfterRefresh() {
    Path p = dir.resolve("t.csv");
    CsvStore writer = CsvStore.open(p);
    writer.append(samples(0.5));
    CsvStore follower = CsvStore.open(p, RecordStore.Mode.READ_ONLY);
    assertEquals(1, follower.size());
    writer.append(samples(1.5, 2.5));
    assertEquals(1, follower.size(), "size is as last read");
    assertEquals(3, follower.refresh());
    assertEquals(1.5, follower.read(1, 3).variable("x").getDouble(0));
  }

  @Test
  void readOnlyRefusesAppendsAndWritesNothingNotEvenALockFile() throws IOException {
    Path p = dir.resolve("t.csv");
    CsvStore.open(p).append(samples(0.5));
    Files.delete(dir.resolve("t.csv.lock"));
    byte[] before = Files.readAllBytes(p);
    CsvStore ro = CsvStore.open(p, RecordStore.Mode.READ_ONLY);
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> ro.append(samples(1.5)));
    assertEquals("the CSV store of " + p + " was opened READ_ONLY; open it in APPEND mode to append", e.getMessage());
    ro.read();
    assertEquals(List.of(before.length), List.of(Files.readAllBytes(p).length));
    assertFalse(Files.exists(dir.resolve("t.csv.lock")));
    java.io.UncheckedIOException missing = assertThrows(java.io.UncheckedIOException.class,
        () -> CsvStore.open(dir.resolve("none.csv"), RecordStore.Mode.READ_ONLY));
    assertTrue(missing.getMessage().startsWith("cannot read "), missing.getMessage());
  }

  @Test
  void truncateStartsEmptyAndTakesOtherColumns() throws IOException {
    Path p = dir.resolve("t.csv");
    CsvStore.open(p).append(samples(0.5, 1.5));
    CsvStore fresh = CsvStore.open(p, RecordStore.Mode.TRUNCATE);
    assertEquals(0, fresh.size());
    assertEquals(0, Files.size(p));
    assertFalse(Files.exists(CsvStore.dtypesFile(p)));
    fresh.append(Dataset.builder().dim("row", 1).variable("y", List.of("row"), Nd4j.createFromArray(7L)).build());
    assertEquals("y\n7\n", Files.readString(p));
  }

  @Test
  void refusesAppendsAfterClose() {
    CsvStore store = CsvStore.open(dir.resolve("t.csv"));
    store.close();
    store.close();
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> store.append(samples(0.5)));
    assertEquals("the CSV store of " + dir.resolve("t.csv") + " is closed", e.getMessage());
  }

  @Test
  void refusesRecordsThatAreNotZeroDimensional() {
    CsvStore store = CsvStore.open(dir.resolve("t.csv"));
    Dataset inner = Dataset.builder().dim("sample", 2).dim("x", 2)
        .variable("m", List.of("sample", "x"), Nd4j.createFromArray(new double[][] {{1, 2}, {3, 4}})).build();
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> store.append(inner));
    assertEquals("variable 'm' has the dimensions [sample, x]; a CSV file holds 0-D records: every variable must be "
        + "1-D over one record dimension", e.getMessage());
    Dataset labelled = Dataset.builder().coord("sample", Index.ofInts(10, 20))
        .variable("y", List.of("sample"), Nd4j.createFromArray(1.0, 2.0)).build();
    e = assertThrows(IllegalArgumentException.class, () -> store.append(labelled));
    assertEquals("the record dimension 'sample' has labels, which a CSV file cannot hold apart from its columns; add "
        + "them as a variable, or drop them", e.getMessage());
    store.append(samples(0.5));
    Dataset other = Dataset.builder().dim("row", 1).variable("fn", List.of("row"), "cos")
        .variable("x", List.of("row"), Nd4j.createFromArray(0.5)).build();
    e = assertThrows(IllegalArgumentException.class, () -> store.append(other));
    assertEquals("the records are over 'row' but the earlier appends to t.csv were over 'sample'; use one record "
        + "dimension", e.getMessage());
    assertFalse(Files.exists(dir.resolve("t.csv")) && store.size() != 1);
  }

  @Test
  void appendingNoRecordsWritesNothing() {
    Path p = dir.resolve("t.csv");
    CsvStore store = CsvStore.open(p);
    store.append(samples());
    assertFalse(Files.exists(p));
    assertEquals(0, store.size());
  }

  @Test
  void skipsAUtf8ByteOrderMarkAndAppendsAfterIt() throws IOException {
    Path p = dir.resolve("t.csv");
    Files.write(p, "\uFEFFfn,x\ncos,0.5\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));
    Files.writeString(CsvStore.dtypesFile(p), "{\"fn\": \"str\", \"x\": \"float64\"}\n");
    CsvStore store = CsvStore.open(p);
    assertEquals(List.of("fn", "x"), store.columns(), "the mark is not part of the first column's name");
    store.append(samples(1.5));
    Dataset back = store.read();
    assertEquals(2, back.sizes().get("sample"));
    assertEquals(1.5, back.variable("x").getDouble(1));
    assertEquals(List.of("fn", "x"), CsvStore.readTable(p).columnNames());
  }
}
