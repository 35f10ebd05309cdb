package dev.sweep.io.netcdf;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sweep.testing.DatasetAssertions;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Files on a read-only file system (a real tmpfs remounted read-only) read as usual; a write says why it cannot. */
class ReadOnlyDiskTest {
  @TempDir Path dir;

  @Test
  void filesOnAReadOnlyFileSystemReadAndAWriteSaysWhyItCannot() throws Exception {
    ExternalTools.requireNetcdf4();
    try (SmallDisk disk = SmallDisk.mount(dir, "ro", "4m")) {
      Path nc3 = disk.dir.resolve("classic.nc");
      Path nc4 = disk.dir.resolve("compressed.nc");
      Netcdf.write(Samples.everythingForNetcdf3(), nc3);
      Netcdf.write(Samples.everything(), nc4, NetcdfFormat.NETCDF4);
      Files.writeString(disk.dir.resolve(".classic.nc.0123456789abcdef.lock"), ""); // a leftover it cannot delete
      byte[] before = Files.readAllBytes(nc3);
      disk.remountReadOnly();

      DatasetAssertions.assertIdentical(Samples.everythingForNetcdf3(), Netcdf.read(nc3));
      DatasetAssertions.assertIdentical(Samples.everything(), Netcdf.read(nc4));
      DatasetAssertions.assertIdentical(Samples.everything(), new NetcdfStore(nc4).read());

      UncheckedIOException e = assertThrows(UncheckedIOException.class, () -> Netcdf.write(Samples.small(), nc3));
      assertTrue(e.getMessage().startsWith("cannot write " + nc3 + ": read-only file system at " + disk.dir + " ("),
          e.getMessage());
      assertArrayEquals(before, Files.readAllBytes(nc3));
      assertEquals(List.of(".classic.nc.0123456789abcdef.lock", "classic.nc", "compressed.nc"), disk.names());
    }
  }
}
