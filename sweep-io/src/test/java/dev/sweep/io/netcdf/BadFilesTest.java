package dev.sweep.io.netcdf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sweep.store.StoreFormatException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Files that are not (whole) NetCDF files give a {@link StoreFormatException} naming the file and the
 * problem; files that cannot be read at all an {@link UncheckedIOException}.
 */
class BadFilesTest {
  @TempDir Path dir;

  /** The problem a damaged file is reported with: a {@link StoreFormatException} naming the file. */
  private String readError(Path file) {
    StoreFormatException e = assertThrows(StoreFormatException.class, () -> Netcdf.read(file));
    assertEquals(file, e.path());
    assertTrue(e.getMessage().startsWith(file + ": "), e.getMessage());
    return e.getMessage().substring((file + ": ").length());
  }

  /** The problem a file that cannot be read at all is reported with: an {@link UncheckedIOException}. */
  private String ioError(Path file) {
    UncheckedIOException e = assertThrows(UncheckedIOException.class, () -> Netcdf.read(file));
    assertTrue(e.getMessage().startsWith("cannot read " + file + ": "), e.getMessage());
    return e.getMessage().substring(("cannot read " + file + ": ").length());
  }

  @Test
  void randomBytesAreNotANetcdfFile() throws Exception {
    byte[] bytes = new byte[4096];
    new Random(1).nextBytes(bytes);
    bytes[0] = 'x';
    Path file = Files.write(dir.resolve("random.nc"), bytes);
    String why = readError(file);
    assertTrue(why.startsWith("not a NetCDF file: it starts with bytes 78 "), why);
  }

  @Test
  void textFileIsNotANetcdfFile() throws Exception {
    Path file = Files.writeString(dir.resolve("notes.nc"), "hello, world\n");
    assertEquals("not a NetCDF file: it starts with bytes 68 65 6c 6c 6f 2c 20 77 (\"hello, w\"), not 'CDF' "
        + "(NetCDF-3) or '\\x89HDF' (NetCDF-4)", readError(file));
  }

  @Test
  void emptyFileIsNotANetcdfFile() throws Exception {
    Path file = Files.createFile(dir.resolve("empty.nc"));
    assertEquals("not a NetCDF file: the file is empty (0 bytes)", readError(file));
  }

  @Test
  void missingFileSaysSo() {
    assertEquals("no such file", ioError(dir.resolve("missing.nc")));
  }

  @Test
  void directoryIsNotANetcdfFile() {
    assertEquals("it is a directory, not a NetCDF file", ioError(dir));
  }

  @Test
  void netcdf3FileCutInHalfIsTruncated() throws Exception {
    Path file = dir.resolve("whole.nc");
    Netcdf.write(Samples.everythingForNetcdf3(), file);
    byte[] whole = Files.readAllBytes(file);
    Path half = Files.write(dir.resolve("half.nc"), Arrays.copyOf(whole, whole.length / 2));
    String why = readError(half);
    assertTrue(why.startsWith("truncated: "), why);
  }

  @Test
  void netcdf3DataCutShortIsTruncated() throws Exception {
    Path file = dir.resolve("whole.nc");
    Netcdf.write(Samples.small(), file);
    byte[] whole = Files.readAllBytes(file);
    Path cut = Files.write(dir.resolve("cut.nc"), Arrays.copyOf(whole, whole.length - 8));
    assertEquals("truncated: its NetCDF-3 header describes " + whole.length + " bytes but the file has "
        + (whole.length - 8), readError(cut));
  }

  @Test
  void lastRecordCutShortIsTruncated() throws Exception {
    byte[] whole = ExternalTools.class.getResourceAsStream("/netcdf/xarray_classic_unlimited.nc").readAllBytes();
    Path cut = Files.write(dir.resolve("cut.nc"), Arrays.copyOf(whole, whole.length - 20));
    String why = readError(cut);
    assertTrue(why.matches("truncated: its NetCDF-3 header describes 15\\d\\d bytes but the file has "
        + (whole.length - 20)), why);
  }

  @Test
  void netcdf3HeaderCutShortIsTruncated() throws Exception {
    Path file = dir.resolve("whole.nc");
    Netcdf.write(Samples.small(), file);
    Path cut = Files.write(dir.resolve("cut.nc"), Arrays.copyOf(Files.readAllBytes(file), 40));
    assertEquals("truncated: the file (40 bytes) ends inside its NetCDF-3 header", readError(cut));
  }

  @Test
  void netcdf4FileCutInHalfIsTruncated() throws Exception {
    ExternalTools.requireNetcdf4();
    Path file = dir.resolve("whole.nc");
    Netcdf.write(Samples.everything(), file, NetcdfFormat.NETCDF4);
    byte[] whole = Files.readAllBytes(file);
    Path half = Files.write(dir.resolve("half.nc"), Arrays.copyOf(whole, whole.length / 2));
    assertEquals("truncated: its HDF5 superblock says the file ends at byte " + whole.length + " but the file has "
        + whole.length / 2 + " bytes", readError(half));
  }

  @Test
  void xarrayNetcdf4FileCutInHalfIsTruncated() throws Exception {
    byte[] whole = XarrayFilesTest.class.getResourceAsStream("/netcdf/xarray_netcdf4.nc").readAllBytes();
    Path half = Files.write(dir.resolve("half.nc"), Arrays.copyOf(whole, whole.length / 2));
    assertTrue(readError(half).startsWith("truncated: its HDF5 superblock says"));
  }

  @Test
  void corruptNetcdf3HeaderSaysCorrupt() throws Exception {
    Path file = dir.resolve("whole.nc");
    Netcdf.write(Samples.small(), file);
    byte[] bytes = Files.readAllBytes(file);
    bytes[11] = 0x07; // the dimension list's tag (0x0A) becomes nonsense
    Path bad = Files.write(dir.resolve("bad.nc"), bytes);
    assertEquals("corrupt NetCDF-3 header: expected the dimension list, found tag 7 (at byte 16)", readError(bad));
  }

  @Test
  void unknownNetcdf3VersionIsNotANetcdfFile() throws Exception {
    Path file = Files.write(dir.resolve("v9.nc"), new byte[] {'C', 'D', 'F', 9, 0, 0, 0, 0});
    assertEquals("not a NetCDF file: it starts with 'CDF' but version byte 9 (NetCDF-3 uses 1, 2 or 5)",
        readError(file));
  }

  @Test
  void cdf5FileSaysHowToConvertIt() throws Exception {
    Path file = Files.write(dir.resolve("cdf5.nc"), new byte[] {'C', 'D', 'F', 5, 0, 0, 0, 0});
    assertTrue(readError(file).contains("nccopy -k nc4 in.nc out.nc"));
  }
}
