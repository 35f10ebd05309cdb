package dev.sweep.io.netcdf;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sweep.data.DType;
import dev.sweep.data.Dataset;
import dev.sweep.data.Index;
import dev.sweep.store.IncompatibleStoreException;
import dev.sweep.store.RecordStore;
import dev.sweep.store.RecordStore.Mode;
import dev.sweep.store.StoreFormatException;
import dev.sweep.store.Stores;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.factory.Nd4j;

/** The NetCDF-3 record file: appends, reading back, reopening, damaged ends and refused records. */
class NetcdfRecordStoreTest {
  @TempDir Path dir;

  @Test
  void appendsReadBackExactlyInEveryType() {
    Path nc = dir.resolve("t.nc");
    try (NetcdfRecordStore s = NetcdfRecordStore.open(nc, Mode.APPEND)) {
      assertEquals("index", s.recordDim(), "the port's default until the file says");
      assertEquals(0, s.size());
      s.append(Chunks.records(0, 5));
      s.append(Chunks.records(5, 7));
      assertEquals("time", s.recordDim());
      assertEquals(12, s.size());
      Dataset all = s.read();
      assertEquals(Map.of("time", 12, "x", 3, "y", 4), all.sizes());
      assertEquals(List.of("time", "x", "y"), all.dims());
      assertEquals(Index.ofInts(10, 20, 30), all.coord("x"));
      assertEquals(List.of("time", "u", "n", "big", "ok", "f"), List.copyOf(all.variables().keySet()));
      assertEquals(DType.DOUBLE, all.variable("u").type());
      assertEquals(DType.INT, all.variable("n").type());
      assertEquals(DType.LONG, all.variable("big").type());
      assertEquals(DType.BOOLEAN, all.variable("ok").type());
      assertEquals(DType.FLOAT, all.variable("f").type());
      assertEquals("records", all.attrs().get("title"));
      assertEquals(0.5, all.attrs().get("theta"));
      Chunks.check(all, 0);
      Chunks.check(s.read(4, 9), 4);
      assertEquals(Chunks.records(3, 6), s.read(3, 9), "a range reads back equal to what was appended");
    }
  }

  @Test
  void readsSomeVariablesOnly() {
    Path nc = dir.resolve("some.nc");
    try (NetcdfRecordStore s = NetcdfRecordStore.open(nc, Mode.APPEND)) {
      s.append(Chunks.records(0, 10));
      Dataset times = s.read(2, 6, List.of("time"));
      assertEquals(List.of("time"), List.copyOf(times.variables().keySet()));
      assertArrayEquals(new double[] {1, 1.5, 2, 2.5}, times.variable("time").toDoubleArray());
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> s.read(0, 1, List.of("v")));
      assertEquals("no variable 'v' in " + nc + "; the variables are [time, u, n, big, ok, f]", e.getMessage());
    }
  }

  @Test
  void readsSomeVariablesOfLargeRecordsWithoutReadingTheOthers() {
    Path nc = dir.resolve("large.nc");
    int n = 20;
    Dataset big = Dataset.builder()
        .variable("time", List.of("time"), Nd4j.linspace(0, n - 1, n).castTo(org.nd4j.linalg.api.buffer.DataType.DOUBLE))
        .variable("u", List.of("time", "x"), Nd4j.rand(org.nd4j.linalg.api.buffer.DataType.DOUBLE, n, 4096))
        .build();
    try (NetcdfRecordStore s = NetcdfRecordStore.open(nc, Mode.APPEND)) {
      s.append(big);
      assertArrayEquals(big.variable("time").toDoubleArray(), s.read(0, n, List.of("time")).variable("time").toDoubleArray());
      assertEquals(big.variable("u"), s.read(0, n, List.of("u")).variable("u"));
    }
  }

  @Test
  void anAppendOfNoRecordsWritesTheHeaderThatEveryReaderOpens() {
    Path nc = dir.resolve("header-only.nc");
    Dataset none = Dataset.builder()
        .variable("time", List.of("time"), Nd4j.create(org.nd4j.linalg.api.buffer.DataType.DOUBLE, 0))
        .variable("u", List.of("time", "x"), Nd4j.create(org.nd4j.linalg.api.buffer.DataType.DOUBLE, 0, 4096))
        .build();
    try (RecordStore s = NetcdfRecordStore.open(nc, Mode.APPEND)) {
      s.append(none);
      assertEquals(0, s.size());
    }
    assertEquals(Map.of("time", 0, "x", 4096), Netcdf.read(nc).sizes(), "a dimension longer than the file is no damage");
    try (RecordStore s = NetcdfRecordStore.open(nc, Mode.READ_ONLY)) {
      assertEquals(none, s.read());
    }
  }

  @Test
  void reopeningInAppendModeContinuesAfterTheLastRecord() {
    Path nc = dir.resolve("again.nc");
    try (RecordStore s = NetcdfRecordStore.open(nc, Mode.APPEND)) {
      s.append(Chunks.records(0, 4));
    }
    try (RecordStore s = NetcdfRecordStore.open(nc, Mode.APPEND)) {
      assertEquals(4, s.size());
      s.append(Chunks.records(4, 3));
    }
    try (RecordStore s = NetcdfRecordStore.open(nc, Mode.READ_ONLY)) {
      assertEquals(7, s.size());
      Chunks.check(s.read(), 0);
    }
    assertEquals(7, Netcdf.read(nc).sizes().get("time"), "Netcdf.read reads a record file too");
  }

  @Test
  void theNetcdfProviderOpensRecordFiles() {
    Path nc = dir.resolve("by-provider.nc");
    try (RecordStore s = Stores.records(nc)) {
      assertTrue(s instanceof NetcdfRecordStore);
      s.append(Chunks.records(0, 2));
    }
    assertEquals(2, Stores.read(nc).sizes().get("time"));
    UnsupportedOperationException e = assertThrows(UnsupportedOperationException.class,
        () -> Stores.records(dir.resolve("x.nc4")));
    assertEquals("record files are NetCDF-3, which grows by appending records; name x.nc4 with .nc instead of .nc4",
        e.getMessage());
  }

  @Test
  void truncateStartsAfreshAndReadOnlyRefusesAppends() {
    Path nc = dir.resolve("tr.nc");
    try (RecordStore s = NetcdfRecordStore.open(nc, Mode.APPEND)) {
      s.append(Chunks.records(0, 4));
    }
    try (RecordStore s = NetcdfRecordStore.open(nc, Mode.TRUNCATE)) {
      assertEquals(0, s.size());
      assertFalse(Files.exists(nc));
      s.append(Chunks.records(10, 2));
      Chunks.check(s.read(), 10);
    }
    try (RecordStore s = NetcdfRecordStore.open(nc, Mode.READ_ONLY)) {
      IllegalStateException e = assertThrows(IllegalStateException.class, () -> s.append(Chunks.records(0, 1)));
      assertEquals("the NetCDF record store of " + nc + " was opened READ_ONLY; open it in APPEND mode to append",
          e.getMessage());
    }
    UncheckedIOException e = assertThrows(UncheckedIOException.class,
        () -> NetcdfRecordStore.open(dir.resolve("none.nc"), Mode.READ_ONLY));
    assertEquals("cannot read " + dir.resolve("none.nc"), e.getMessage());
  }

  @Test
  void syncOnCloseWritesTheSameFileReadableAsItGrows() {
    Path nc = dir.resolve("lazy.nc");
    try (NetcdfRecordStore s = NetcdfRecordStore.open(nc, Mode.APPEND, NetcdfRecordStore.Sync.ON_CLOSE)) {
      s.append(Chunks.records(0, 3));
      s.append(Chunks.records(3, 3));
      try (RecordStore r = NetcdfRecordStore.open(nc, Mode.READ_ONLY)) {
        assertEquals(6, r.size(), "appended records are counted at once, before any fsync");
        Chunks.check(r.read(), 0);
      }
    }
    try (RecordStore r = NetcdfRecordStore.open(nc, Mode.READ_ONLY)) {
      Chunks.check(r.read(), 0);
    }
  }

  @Test
  void aReaderFollowsAWriterByRefreshing() {
    Path nc = dir.resolve("follow.nc");
    try (RecordStore w = NetcdfRecordStore.open(nc, Mode.APPEND)) {
      w.append(Chunks.records(0, 3));
      RecordStore r = NetcdfRecordStore.open(nc, Mode.READ_ONLY);
      assertEquals(3, r.size());
      w.append(Chunks.records(3, 4));
      assertEquals(3, r.size(), "a reader's size is what it last read");
      assertEquals(7, r.refresh());
      Chunks.check(r.read(3, 7), 3);
    }
  }

  @Test
  void differentRecordsAreRefusedNamingTheDifferenceAndNothingIsWritten() throws IOException {
    Path nc = dir.resolve("shape.nc");
    try (RecordStore s = NetcdfRecordStore.open(nc, Mode.APPEND)) {
      s.append(Chunks.records(0, 2));
      long bytes = Files.size(nc);
      Dataset other = Chunks.records(2, 1).toBuilder().removeVariable("f").build();
      IncompatibleStoreException e = assertThrows(IncompatibleStoreException.class, () -> s.append(other));
      assertTrue(e.getMessage().startsWith("cannot append to " + nc + ": it holds the variables"), e.getMessage());
      assertTrue(e.getMessage().contains("the records lack [f]"), e.getMessage());
      Dataset wider = Dataset.builder().variable("time", List.of("time"), Nd4j.createFromArray(9.0))
          .variable("u", List.of("time", "x", "y"), Nd4j.zeros(org.nd4j.linalg.api.buffer.DataType.DOUBLE, 1, 3, 5))
          .build();
      e = assertThrows(IncompatibleStoreException.class, () -> s.append(wider));
      assertTrue(e.getMessage().contains("the records lack [n, big, ok, f]"), e.getMessage());
      Dataset retyped = Chunks.records(2, 1).toBuilder().removeVariable("n")
          .variable("n", List.of("time"), Nd4j.createFromArray(1.5)).build();
      e = assertThrows(IncompatibleStoreException.class, () -> s.append(retyped));
      assertEquals("cannot append to " + nc + ": variable 'n' is stored as int32 [time] [] per record, but the records "
          + "hold float64 [time] []", e.getMessage());
      Dataset relabelled = Chunks.records(2, 1).toBuilder().coord("x", Index.ofInts(1, 2, 3)).build();
      e = assertThrows(IncompatibleStoreException.class, () -> s.append(relabelled));
      assertEquals("cannot append to " + nc + ": dimension 'x' has the labels " + Index.ofInts(10, 20, 30)
          + " in the file but " + Index.ofInts(1, 2, 3) + " in the records", e.getMessage());
      assertEquals(bytes, Files.size(nc), "nothing was written");
      assertEquals(2, s.size());
    }
  }

  @Test
  void valuesTheFileCannotHoldAreRefusedBeforeAnythingIsWritten() throws IOException {
    Path nc = dir.resolve("values.nc");
    try (RecordStore s = NetcdfRecordStore.open(nc, Mode.APPEND)) {
      s.append(Chunks.records(0, 2));
      long bytes = Files.size(nc);
      Dataset huge = Chunks.records(2, 1).toBuilder().removeVariable("big")
          .variable("big", List.of("time"), Nd4j.createFromArray(1L << 40)).build();
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> s.append(huge));
      assertEquals("variable 'big' is int64 and holds 1099511627776 in record 0 of the append, outside int32, which a "
          + "NetCDF-3 file cannot hold; store it as float64", e.getMessage());
      assertEquals(bytes, Files.size(nc));
      Dataset text = Dataset.builder().dim("time", 1).variable("s", List.of("time"), "a").build();
      e = assertThrows(IllegalArgumentException.class, () -> s.append(text));
      assertEquals("variable 's' is str; NetCDF record files hold numbers and booleans (strings have no fixed length "
          + "per record)", e.getMessage());
      Dataset scalar = Dataset.builder().variable("v", List.of(), Nd4j.scalar(1.0)).build();
      e = assertThrows(IllegalArgumentException.class, () -> s.append(scalar));
      assertEquals("variable 'v' is 0-dimensional; a record file holds variables over the record dimension first",
          e.getMessage());
      assertEquals(2, s.size());
    }
  }

  @Test
  void newAttributesRewriteTheFileKeepingItsRecords() {
    Path nc = dir.resolve("attrs.nc");
    try (RecordStore s = NetcdfRecordStore.open(nc, Mode.APPEND)) {
      s.append(Chunks.records(0, 3));
    }
    try (RecordStore s = NetcdfRecordStore.open(nc, Mode.APPEND)) {
      s.append(Chunks.records(3, 2).toBuilder().attr("theta", 2.0).attr("session", 2).build());
      Dataset all = s.read();
      assertEquals(2.0, all.attrs().get("theta"));
      assertEquals(2, all.attrs().get("session"));
      Chunks.check(all, 0);
      assertEquals(5, s.size());
    }
    try (RecordStore s = NetcdfRecordStore.open(nc, Mode.READ_ONLY)) {
      Chunks.check(s.read(), 0);
      assertEquals(2, s.read().attrs().get("session"));
    }
  }

  @Test
  void anUnfinishedAppendIsDroppedWithAWarningAndTheNextAppendContinues() throws IOException {
    Path nc = dir.resolve("torn.nc");
    try (RecordStore s = NetcdfRecordStore.open(nc, Mode.APPEND)) {
      s.append(Chunks.records(0, 4));
    }
    long complete = Files.size(nc);
    // What a writer killed between its data and its record count leaves: bytes after the counted records.
    try (FileChannel ch = FileChannel.open(nc, StandardOpenOption.WRITE)) {
      ch.write(ByteBuffer.wrap(new byte[150]), complete);
    }
    try (RecordStore r = NetcdfRecordStore.open(nc, Mode.READ_ONLY)) {
      assertEquals(4, r.size());
      Chunks.check(r.read(), 0);
    }
    assertEquals(complete + 150, Files.size(nc), "reading never changes the file");
    try (RecordStore s = NetcdfRecordStore.open(nc, Mode.APPEND)) {
      assertEquals(complete, Files.size(nc), "appending cuts the unfinished append off");
      s.append(Chunks.records(4, 2));
    }
    try (RecordStore r = NetcdfRecordStore.open(nc, Mode.READ_ONLY)) {
      assertEquals(6, r.size());
      Chunks.check(r.read(), 0);
    }
  }

  @Test
  void aFileCutShortInsideARecordKeepsItsCompleteRecords() throws IOException {
    Path nc = dir.resolve("short.nc");
    try (RecordStore s = NetcdfRecordStore.open(nc, Mode.APPEND)) {
      s.append(Chunks.records(0, 6));
    }
    long size = Files.size(nc);
    long recSize = (size - RecordLayout.read(nc).recStart) / 6;
    try (FileChannel ch = FileChannel.open(nc, StandardOpenOption.WRITE)) {
      ch.truncate(size - recSize - 7); // the header counts 6; 4 and a part are left
    }
    try (RecordStore r = NetcdfRecordStore.open(nc, Mode.READ_ONLY)) {
      assertEquals(4, r.size());
      Chunks.check(r.read(), 0);
    }
    try (RecordStore s = NetcdfRecordStore.open(nc, Mode.APPEND)) {
      assertEquals(4, s.size());
      s.append(Chunks.records(4, 3));
    }
    try (RecordStore r = NetcdfRecordStore.open(nc, Mode.READ_ONLY)) {
      assertEquals(7, r.size());
      Chunks.check(r.read(), 0);
    }
    assertEquals(7, Netcdf.read(nc).sizes().get("time"), "the repaired file is whole again for every reader");
  }

  @Test
  void filesThatHoldNoRecordsAreRefusedNamingTheFile() throws IOException {
    Path text = dir.resolve("text.nc");
    Files.writeString(text, "hello, world");
    StoreFormatException e = assertThrows(StoreFormatException.class, () -> NetcdfRecordStore.open(text, Mode.APPEND));
    assertTrue(e.getMessage().startsWith(text + ": not a NetCDF file: it starts with bytes 68 65 6c 6c"), e.getMessage());
    assertEquals("hello, world", Files.readString(text), "the file is left as it was");

    Path empty = dir.resolve("empty.nc");
    Files.createFile(empty);
    e = assertThrows(StoreFormatException.class, () -> NetcdfRecordStore.open(empty, Mode.READ_ONLY));
    assertEquals(empty + ": not a NetCDF file: the file is empty (0 bytes)", e.getMessage());

    Path fixed = dir.resolve("fixed.nc");
    Netcdf.write(Dataset.builder().coord("a", Index.ofInts(1, 2)).variable("v", List.of("a"),
        Nd4j.createFromArray(1.0, 2.0)).build(), fixed);
    e = assertThrows(StoreFormatException.class, () -> NetcdfRecordStore.open(fixed, Mode.APPEND));
    assertEquals(fixed + ": it holds no records: no variable lies along an unlimited dimension. Read it with "
        + "Netcdf.read", e.getMessage());

    Path header = dir.resolve("header.nc");
    try (RecordStore s = NetcdfRecordStore.open(header, Mode.APPEND)) {
      s.append(Chunks.records(0, 1));
    }
    try (FileChannel ch = FileChannel.open(header, StandardOpenOption.WRITE)) {
      ch.truncate(40);
    }
    e = assertThrows(StoreFormatException.class, () -> NetcdfRecordStore.open(header, Mode.READ_ONLY));
    assertEquals(header + ": truncated: the file (40 bytes) ends inside its NetCDF-3 header", e.getMessage());
  }

  @Test
  void netcdf4FilesAreRefusedWithWhatToDo() {
    ExternalTools.requireNetcdf4();
    Path nc4 = dir.resolve("four.nc");
    Netcdf.write(Dataset.builder().coord("time", Index.ofDoubles(0, 1))
        .variable("v", List.of("time"), Nd4j.createFromArray(1.0, 2.0)).build(), nc4, NetcdfFormat.NETCDF4);
    StoreFormatException e = assertThrows(StoreFormatException.class, () -> NetcdfRecordStore.open(nc4, Mode.APPEND));
    assertEquals(nc4 + ": a NetCDF-4/HDF5 file; record files are NetCDF-3, which grows by appending records. Read "
        + "this one with Netcdf.read (or, for a py-pde file, PyPdeStore)", e.getMessage());
  }

  @Test
  void labelsOfTheRecordDimensionAreItsVariable() {
    Path nc = dir.resolve("labels.nc");
    Dataset labelled = Dataset.builder().coord("step", Index.ofInts(0, 10, 20))
        .variable("v", List.of("step"), Nd4j.createFromArray(1.0, 2.0, 3.0)).build();
    try (RecordStore s = NetcdfRecordStore.open(nc, Mode.APPEND)) {
      s.append(labelled);
      Dataset back = s.read();
      assertEquals("step", s.recordDim());
      assertArrayEquals(new double[] {0, 10, 20}, back.variable("step").toDoubleArray());
      assertEquals(DType.INT, back.variable("step").type());
    }
    assertEquals(Index.ofInts(0, 10, 20), Netcdf.read(nc).coord("step"), "in the file it is the coordinate");
  }
}
