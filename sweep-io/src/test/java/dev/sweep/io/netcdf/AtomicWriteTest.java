package dev.sweep.io.netcdf;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sweep.data.Dataset;
import dev.sweep.testing.DatasetAssertions;
import dev.sweep.data.Variable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;
import ucar.ma2.Array;

/** A write replaces the file whole or not at all, and leaves no temporary file behind. */
class AtomicWriteTest {
  @TempDir Path dir;

  private List<Path> files() throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.sorted().toList();
    }
  }

  @Test
  void failedWriteLeavesThePreviousFileByteIdentical() throws Exception {
    Path file = dir.resolve("results.nc");
    Netcdf.write(Samples.small(), file);
    byte[] before = Files.readAllBytes(file);
    Dataset unstorable = Samples.small().toBuilder()
        .variable(Variable.of("seed", List.of("a"), Nd4j.create(new long[] {1, 2, 1L << 40}, new long[] {3}, DataType.INT64)))
        .build();
    assertThrows(IllegalArgumentException.class, () -> Netcdf.write(unstorable, file));
    assertArrayEquals(before, Files.readAllBytes(file));
    assertEquals(List.of(file), files(), "no temporary file is left");
  }

  @Test
  void anAtomicWriteWithoutFsyncsReplacesTheFileWholeAndFailsAsADurableOne() throws Exception {
    Path file = dir.resolve("frame.nc");
    Netcdf.write(Samples.small(), file, NetcdfFormat.NETCDF3_64BIT_OFFSET, Netcdf.Durability.ATOMIC);
    DatasetAssertions.assertIdentical(Samples.small(), Netcdf.read(file));
    byte[] before = Files.readAllBytes(file);
    Dataset unstorable = Samples.small().toBuilder()
        .variable(Variable.of("seed", List.of("a"), Nd4j.create(new long[] {1, 2, 1L << 40}, new long[] {3}, DataType.INT64)))
        .build();
    assertThrows(IllegalArgumentException.class,
        () -> Netcdf.write(unstorable, file, NetcdfFormat.NETCDF3_64BIT_OFFSET, Netcdf.Durability.ATOMIC));
    assertArrayEquals(before, Files.readAllBytes(file));
    assertEquals(List.of(file), files(), "no temporary file is left");
    NullPointerException e = assertThrows(NullPointerException.class,
        () -> Netcdf.write(Samples.small(), file, NetcdfFormat.NETCDF3_64BIT_OFFSET, null));
    assertEquals("durability", e.getMessage());
  }

  @Test
  void failureWhileWritingDataDeletesTheTemporaryFileAndKeepsTheOldOne() throws Exception {
    Path file = dir.resolve("results.nc");
    Netcdf.write(Samples.small(), file);
    byte[] before = Files.readAllBytes(file);
    NcFile.Var failing = new NcFile.Var("v", List.of("n"), ucar.ma2.DataType.DOUBLE, new int[] {2_000_000},
        List.of(), false, (first, count) -> {
          if (first > 0) throw new IOException("disk on fire");
          return Array.factory(ucar.ma2.DataType.DOUBLE, new int[] {count}, new double[count]);
        });
    NcFile nc = new NcFile(List.of(new NcFile.Dim("n", 2_000_000)), List.of(failing), List.of());
    UncheckedIOException e = assertThrows(UncheckedIOException.class,
        () -> NetcdfWriter.write(nc, file, NetcdfFormat.NETCDF3_64BIT_OFFSET));
    assertEquals("cannot write " + file + ": java.io.IOException: disk on fire", e.getMessage());
    assertArrayEquals(before, Files.readAllBytes(file));
    assertEquals(List.of(file), files(), "the temporary file is deleted");
  }

  @Test
  void writeReplacesAnExistingFile() throws Exception {
    Path file = dir.resolve("results.nc");
    Netcdf.write(Samples.small(), file);
    Dataset next = Samples.small().toBuilder().attr("title", "second").build();
    Netcdf.write(next, file);
    DatasetAssertions.assertIdentical(next, Netcdf.read(file));
    assertEquals(List.of(file), files());
  }

  @Test
  void writeIntoAMissingDirectoryNamesIt() {
    Path file = dir.resolve("no/such/dir/results.nc");
    UncheckedIOException e = assertThrows(UncheckedIOException.class, () -> Netcdf.write(Samples.small(), file));
    assertEquals("cannot write " + file + ": its directory " + file.getParent() + " does not exist", e.getMessage());
  }

  @Test
  void writeOverADirectoryIsRefused() throws Exception {
    Path sub = Files.createDirectory(dir.resolve("results.nc"));
    UncheckedIOException e = assertThrows(UncheckedIOException.class, () -> Netcdf.write(Samples.small(), sub));
    assertEquals("cannot write " + sub + ": it is a directory", e.getMessage());
    assertTrue(Files.isDirectory(sub));
  }

  @Test
  void writtenFileHasOrdinaryPermissions() throws Exception {
    Path file = dir.resolve("results.nc");
    Netcdf.write(Samples.small(), file);
    assertTrue(Files.getPosixFilePermissions(file).contains(java.nio.file.attribute.PosixFilePermission.OTHERS_READ),
        "the temporary file is created like any new file, not private as Files.createTempFile would");
  }
}
