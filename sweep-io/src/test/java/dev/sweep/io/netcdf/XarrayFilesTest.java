package dev.sweep.io.netcdf;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sweep.data.DType;
import dev.sweep.data.Dataset;
import dev.sweep.testing.DatasetAssertions;
import dev.sweep.data.Index;
import dev.sweep.data.Variable;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reads the golden files that xarray wrote ({@code src/test/resources/netcdf/make_golden.py}). The
 * same assertions check freshly written files in {@link XarrayInteropTest}.
 */
class XarrayFilesTest {
  @TempDir Path dir;

  @Test
  void readsNetcdf3WrittenByXarray() {
    assertXarrayDataset(Netcdf.read(resource("xarray_netcdf3.nc")), false);
  }

  @Test
  void readsClassicNetcdf3WithRecordVariablesWrittenByXarray() {
    assertXarrayDataset(Netcdf.read(resource("xarray_classic_unlimited.nc")), false);
  }

  @Test
  void readsCompressedNetcdf4WrittenByXarray() {
    assertXarrayDataset(Netcdf.read(resource("xarray_netcdf4.nc")), true);
  }

  @Test
  void netcdf3KeepsXarraysOrder() {
    Dataset ds = Netcdf.read(resource("xarray_netcdf3.nc"));
    assertEquals(List.of("case", "b", "sample"), ds.dims());
    assertEquals(List.of("temperature", "count", "small", "converged", "note", "raw", "packed", "flag", "label",
        "height"), List.copyOf(ds.variables().keySet()));
  }

  @Test
  void stringIndexFromXarraySelects() {
    Dataset ds = Netcdf.read(resource("xarray_netcdf4.nc"));
    Dataset y = ds.sel(Map.of("b", "y"));
    assertArrayEquals(new double[] {Double.NaN, 4.0, 6.5}, y.variable("temperature").toDoubleArray());
  }

  @Test
  void xarrayFileReadAndWrittenBackKeepsItsCoordinates() {
    Dataset ds = Netcdf.read(resource("xarray_netcdf3.nc"));
    Path again = dir.resolve("again.nc");
    Netcdf.write(ds, again);
    Dataset back = Netcdf.read(again);
    DatasetAssertions.assertIdentical(ds, back);
    assertCoordinates(back.variable("count"), "flag", "label", "height");
  }

  @Test
  void readsWhatOtherToolsWriteAsXarrayDecodesIt() {
    Dataset ds = Netcdf.read(resource("foreign_edge_cases.nc"));
    assertEquals(Map.of("t", 2, "k", 3, "dup", 2), ds.sizes(), "'len' is only a string length");
    assertEquals(Index.ofDoubles(0.5, 1.5), ds.coord("t"), "times stay numbers");
    assertFalse(ds.coords().containsKey("dup"), "duplicate labels are no index");
    assertTyped(ds, "dup", List.of("dup"), DType.INT, 4, 4);
    assertEquals("x", ds.variable("one").get(), "a scalar char is a one-letter string");
    assertEquals("abc", ds.variable("word").get(), "a 1-D char variable is one string");
    assertTyped(ds, "ub", List.of("k"), DType.INT, 200, 1, 255);
    assertTyped(ds, "counts", List.of("k"), DType.DOUBLE, 5, Double.NaN, 7);
    assertEquals(Map.of("units", "1"), ds.variable("counts").attrs());
    assertTyped(ds, "series", List.of("t", "k"), DType.FLOAT, 1, 2, 3, Double.NaN, 5, 6);
    assertEquals(Map.of(), ds.variable("series").attrs());
    assertTyped(ds, "iv", List.of("k"), DType.LONG, 1, 2, 3);
    assertEquals(Map.of("history", "made by ncgen"), ds.attrs());
  }

  /** The dataset of make_golden.py as sweep reads it; NetCDF-4 keeps int64, NetCDF-3 has int32. */
  static void assertXarrayDataset(Dataset ds, boolean netcdf4) {
    Map<String, Integer> sizes = new LinkedHashMap<>(ds.sizes());
    assertEquals(Map.of("case", 3, "b", 2, "sample", 4), sizes, "the string-length dimensions are not dimensions");
    assertEquals(netcdf4 ? Index.ofLongs(10, 20, 30) : Index.ofInts(10, 20, 30), ds.coord("case"));
    assertEquals(Index.ofStrings("x", "y"), ds.coord("b"));
    assertFalse(ds.coords().containsKey("sample"), "sample has no coordinate");
    assertEquals(Set.of("temperature", "count", "small", "converged", "note", "raw", "packed", "flag", "label",
        "height"), ds.variables().keySet(), "non-index coordinates are data variables");

    Variable t = ds.variable("temperature");
    assertEquals(List.of("case", "b"), t.dims());
    assertEquals(DType.DOUBLE, t.type());
    assertArrayEquals(new double[] {1.5, Double.NaN, 3, 4, 5, 6.5}, t.toDoubleArray());
    assertEquals(Set.of("units", "long_name", "coordinates"), t.attrs().keySet());
    assertEquals("K", t.attrs().get("units"));
    assertEquals("température", t.attrs().get("long_name"));
    assertCoordinates(t, "flag", "label", "height");

    assertTyped(ds, "count", List.of("case"), netcdf4 ? DType.LONG : DType.INT, 1, 2, 3);
    assertTyped(ds, "small", List.of("case"), DType.INT, -1, 0, 1);
    assertTyped(ds, "raw", List.of("sample"), DType.FLOAT, 0, 1, 2, 3);
    assertEquals(Map.of("coordinates", "height"), ds.variable("raw").attrs());

    Variable packed = ds.variable("packed");
    assertEquals(DType.DOUBLE, packed.type(), "packed int16 with scale_factor decodes to float64, as in xarray");
    assertArrayEquals(new double[] {0.5, Double.NaN, 2.0}, packed.toDoubleArray());
    assertEquals(Set.of("coordinates"), packed.attrs().keySet());
    assertCoordinates(packed, "flag", "label", "height");

    Variable converged = ds.variable("converged");
    assertEquals(DType.BOOLEAN, converged.type());
    assertEquals(List.of(true, false, true, true, false, false), List.of(converged.get(0, 0), converged.get(0, 1),
        converged.get(1, 0), converged.get(1, 1), converged.get(2, 0), converged.get(2, 1)));
    assertEquals(DType.BOOLEAN, ds.variable("flag").type());
    assertEquals(Map.of(), ds.variable("flag").attrs());

    assertArrayEquals(new String[] {"ok", "ünïcode ☃", ""}, ds.variable("note").toStringArray());
    assertArrayEquals(new String[] {"p", "q", "r"}, ds.variable("label").toStringArray());
    Variable height = ds.variable("height");
    assertEquals(List.of(), height.dims());
    assertEquals(2.0, height.getDouble());

    assertEquals("golden", ds.attrs().get("title"));
    assertEquals(netcdf4 ? (Object) 42L : (Object) 42, ds.attrs().get("answer"));
    assertArrayEquals(new double[] {0.1, 0.2}, (double[]) ds.attrs().get("grid"));
    assertEquals(Set.of("title", "answer", "grid"), ds.attrs().keySet(), "library attributes are dropped");
    assertNull(ds.variable("note").attrs().get("_Encoding"));
    assertCoordinates(ds.variable("count"), "flag", "label", "height");
  }

  /** The CF coordinates attribute names these variables; xarray writes them in set order. */
  private static void assertCoordinates(Variable v, String... names) {
    Object attr = v.attrs().get("coordinates");
    assertTrue(attr instanceof String, v.name() + " has a coordinates attribute");
    assertEquals(Set.of(names), Set.of(((String) attr).split(" ")), "coordinates of " + v.name());
  }

  private static void assertTyped(Dataset ds, String name, List<String> dims, DType type, double... values) {
    Variable v = ds.variable(name);
    assertEquals(dims, v.dims(), name);
    assertEquals(type, v.type(), name);
    assertArrayEquals(values, v.toDoubleArray(), name);
  }

  /** A copy of a test resource in the temporary directory, so the test never writes next to it. */
  private Path resource(String name) {
    return ExternalTools.resource(dir, name);
  }

}
