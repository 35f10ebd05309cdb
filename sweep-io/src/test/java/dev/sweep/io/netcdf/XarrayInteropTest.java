package dev.sweep.io.netcdf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sweep.data.Dataset;
import dev.sweep.testing.DatasetAssertions;
import dev.sweep.data.Index;
import dev.sweep.data.Variable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Files checked with the tools users open them with, for real: Java writes and xarray reads, xarray
 * writes and Java reads, and ncdump's view of the header is sealed by golden files.
 */
class XarrayInteropTest {
  @TempDir Path dir;

  private void checkInXarray(Dataset ds, NetcdfFormat format) {
    ExternalTools.requireXarray();
    if (format == NetcdfFormat.NETCDF4) ExternalTools.requireNetcdf4();
    Path file = dir.resolve("java-" + format + ".nc");
    Netcdf.write(ds, file, format);
    Path script = ExternalTools.resource(dir, "check_java_written.py");
    ExternalTools.Result r = ExternalTools.run(dir, ExternalTools.PYTHON.toString(), script.toString(),
        file.toString(), format.name()).assertSuccess("check_java_written.py on " + format);
    assertEquals("ok", r.stdout().trim());
  }

  @Test
  void xarrayOpensNetcdf3AsAPythonUserExpects() {
    checkInXarray(Samples.everythingForNetcdf3(), NetcdfFormat.NETCDF3_64BIT_OFFSET);
  }

  @Test
  void xarrayOpensNetcdf4AsAPythonUserExpects() {
    checkInXarray(Samples.everything(), NetcdfFormat.NETCDF4);
  }

  @Test
  void filesXarrayWritesTodayReadLikeTheGoldenOnes() {
    ExternalTools.requireXarray();
    Path script = ExternalTools.resource(dir, "make_golden.py");
    ExternalTools.run(dir, ExternalTools.PYTHON.toString(), script.toString(), dir.toString())
        .assertSuccess("make_golden.py");
    XarrayFilesTest.assertXarrayDataset(Netcdf.read(dir.resolve("xarray_netcdf3.nc")), false);
    XarrayFilesTest.assertXarrayDataset(Netcdf.read(dir.resolve("xarray_netcdf4.nc")), true);
  }

  @Test
  void stringCoordinateIsAnIndexInXarray() {
    ExternalTools.requireXarray();
    Path file = dir.resolve("small.nc");
    Netcdf.write(Samples.small(), file);
    String code = "import sys, xarray as xr\n"
        + "ds = xr.open_dataset(sys.argv[1])\n"
        + "print(type(ds.indexes['b']).__name__, list(ds.sel(b='y').v.values))\n";
    ExternalTools.Result r = ExternalTools.run(dir, ExternalTools.PYTHON.toString(), "-c", code, file.toString())
        .assertSuccess("xarray sel");
    assertEquals("Index [0.2, 0.4, 0.6]", r.stdout().trim());
  }

  @Test
  void netcdf4CompressesWithDeflateAndShuffle() {
    ExternalTools.requireNcdump();
    ExternalTools.requireNetcdf4();
    int n = 200_000;
    double[] smooth = new double[n];
    for (int i = 0; i < n; i++) smooth[i] = Math.floor(i / 100.0);
    Dataset ds = Dataset.builder()
        .coord("i", Index.range(n))
        .variable(Variable.of("v", List.of("i"), Nd4j.create(smooth, new long[] {n}, DataType.DOUBLE)))
        .build();
    Path file = dir.resolve("big.nc");
    Netcdf.write(ds, file, NetcdfFormat.NETCDF4);
    String header = ExternalTools.run(dir, "ncdump", "-hs", file.toString()).assertSuccess("ncdump -hs").stdout();
    assertTrue(header.contains("v:_DeflateLevel = 5 ;"), header);
    assertTrue(header.contains("v:_Shuffle = \"true\" ;"), header);
    assertTrue(file.toFile().length() < n * 8L / 10, "compressed to " + file.toFile().length() + " bytes");
    DatasetAssertions.assertIdentical(ds, Netcdf.read(file));
  }

  @Test
  void ncdumpHeaderOfNetcdf3MatchesGolden() throws IOException {
    assertHeader(Samples.everythingForNetcdf3(), NetcdfFormat.NETCDF3_64BIT_OFFSET, "java_netcdf3.cdl");
  }

  @Test
  void ncdumpHeaderOfNetcdf4MatchesGolden() throws IOException {
    ExternalTools.requireNetcdf4();
    assertHeader(Samples.everything(), NetcdfFormat.NETCDF4, "java_netcdf4.cdl");
  }

  /**
   * ncdump's header of the file sweep writes, against a golden file. To update after a deliberate
   * format change, run with {@code -Dsweep.updateGolden=true} and review the diff.
   */
  private void assertHeader(Dataset ds, NetcdfFormat format, String golden) throws IOException {
    ExternalTools.requireNcdump();
    Path file = dir.resolve("golden.nc");
    Netcdf.write(ds, file, format);
    String actual = ExternalTools.run(dir, "ncdump", "-h", file.toString()).assertSuccess("ncdump -h").stdout();
    if (Boolean.getBoolean("sweep.updateGolden")) {
      Files.writeString(Path.of("src/test/resources/netcdf", golden), actual, StandardCharsets.UTF_8);
    }
    String expected;
    try (InputStream in = XarrayInteropTest.class.getResourceAsStream("/netcdf/" + golden)) {
      expected = in == null ? "(missing golden file " + golden + ")" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    assertEquals(expected, actual, "ncdump -h differs from " + golden);
  }
}
