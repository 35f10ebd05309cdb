package dev.sweep.io.netcdf;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sweep.data.Dataset;
import dev.sweep.data.Index;
import dev.sweep.data.Variable;
import dev.sweep.testing.DatasetAssertions;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Writing onto a full disk (a real 2 MB tmpfs): the error says so, the old file is intact, the
 * temporary file is gone and no longer held open (so its space is free again), and the next write
 * that fits succeeds.
 */
class FullDiskTest {
  @TempDir Path dir;

  /** 3.2 MB of random doubles, which deflate cannot shrink below the disk's 2 MB. */
  private static Dataset tooLarge() {
    int n = 400_000;
    double[] v = new double[n];
    Random random = new Random(5);
    for (int i = 0; i < n; i++) v[i] = random.nextDouble();
    return Dataset.builder()
        .coord("i", Index.range(n))
        .variable(Variable.of("v", List.of("i"), Nd4j.create(v, new long[] {n}, DataType.DOUBLE)))
        .build();
  }

  /** 3 MB of strings, which netcdf-java writes itself in NetCDF-3 (numbers bypass it). */
  private static Dataset tooLargeStrings() {
    int n = 30_000;
    String[] s = new String[n];
    Random random = new Random(6);
    for (int i = 0; i < n; i++) {
      char[] c = new char[100];
      for (int j = 0; j < c.length; j++) c[j] = (char) ('a' + random.nextInt(26));
      s[i] = new String(c);
    }
    return Dataset.builder().coord("i", Index.range(n))
        .variable(Variable.ofStrings("s", List.of("i"), new long[] {n}, s)).build();
  }

  private void fullDiskFailsCleanly(NetcdfFormat format, Dataset tooLarge) throws Exception {
    if (format == NetcdfFormat.NETCDF4) ExternalTools.requireNetcdf4();
    try (SmallDisk disk = SmallDisk.mount(dir, "small", "2m")) {
      Path file = disk.dir.resolve("results.nc");
      Netcdf.write(Samples.small(), file, format);
      byte[] before = Files.readAllBytes(file);
      long freeBefore = Files.getFileStore(disk.dir).getUsableSpace();

      UncheckedIOException e = assertThrows(UncheckedIOException.class, () -> Netcdf.write(tooLarge, file, format));
      assertTrue(e.getMessage().startsWith("cannot write " + file + ": no space left on " + disk.dir + " ("),
          e.getMessage());

      assertArrayEquals(before, Files.readAllBytes(file), "the old file is intact");
      assertEquals(List.of("results.nc"), disk.names(), "the temporary file is deleted");
      assertEquals(List.of(), disk.openFilesOfThisProcess(), "no file on the disk is still held open");
      assertEquals(freeBefore, Files.getFileStore(disk.dir).getUsableSpace(), "the temporary file's space is free");

      Dataset next = Samples.small().toBuilder().attr("title", "after the full disk").build();
      Netcdf.write(next, file, format);
      DatasetAssertions.assertIdentical(next, Netcdf.read(file));
      assertEquals(List.of("results.nc"), disk.names());
    }
  }

  @Test
  void netcdf4OnAFullDiskSaysSoAndFreesTheTemporaryFile() throws Exception {
    fullDiskFailsCleanly(NetcdfFormat.NETCDF4, tooLarge());
  }

  @Test
  void netcdf4StringsOnAFullDiskSaySoAndFreeTheTemporaryFile() throws Exception {
    fullDiskFailsCleanly(NetcdfFormat.NETCDF4, tooLargeStrings());
  }

  @Test
  void netcdf3OnAFullDiskSaysSoAndFreesTheTemporaryFile() throws Exception {
    fullDiskFailsCleanly(NetcdfFormat.NETCDF3_64BIT_OFFSET, tooLarge());
  }

  @Test
  void netcdf3StringsOnAFullDiskSaySoAndFreeTheTemporaryFile() throws Exception {
    fullDiskFailsCleanly(NetcdfFormat.NETCDF3_64BIT_OFFSET, tooLargeStrings());
  }
}
