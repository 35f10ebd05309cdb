package dev.sweep.io.netcdf;

import static dev.sweep.testing.DatasetAssertions.assertIdentical;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sweep.data.DType;
import dev.sweep.data.Dataset;
import dev.sweep.data.Index;
import dev.sweep.data.Variable;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

class NetcdfRoundTripTest {
  @TempDir Path dir;

  private Dataset roundTrip(Dataset ds, NetcdfFormat format) {
    if (format == NetcdfFormat.NETCDF4) ExternalTools.requireNetcdf4();
    Path file = dir.resolve("rt-" + format + ".nc");
    Netcdf.write(ds, file, format);
    return Netcdf.read(file);
  }

  @Test
  void everyTypeRoundTripsInNetcdf3() {
    Dataset ds = Samples.everythingForNetcdf3();
    assertIdentical(ds, roundTrip(ds, NetcdfFormat.NETCDF3_64BIT_OFFSET));
  }

  @Test
  void everyTypeRoundTripsInNetcdf4() {
    Dataset ds = Samples.everything();
    assertIdentical(ds, roundTrip(ds, NetcdfFormat.NETCDF4));
  }

  @Test
  void defaultFormatIsNetcdf3() throws Exception {
    Path file = dir.resolve("default.nc");
    Netcdf.write(Samples.small(), file);
    byte[] head = java.nio.file.Files.readAllBytes(file);
    assertEquals("CDF\u0002", new String(head, 0, 4, java.nio.charset.StandardCharsets.ISO_8859_1),
        "64-bit offset NetCDF-3 starts with CDF\\002");
    assertIdentical(Samples.small(), Netcdf.read(file));
  }

  @Test
  void int64ThatFitsInInt32ComesBackAsInt64FromNetcdf3() {
    Dataset back = roundTrip(Samples.everythingForNetcdf3(), NetcdfFormat.NETCDF3_64BIT_OFFSET);
    assertEquals(DType.LONG, back.variable("l").type());
    assertEquals(DType.LONG, back.coord("d").type());
    assertEquals(1234567890L, back.attrs().get("seed"));
  }

  @Test
  void int64BeyondInt32IsRejectedByNetcdf3WithAdvice() {
    Dataset ds = Dataset.builder()
        .coord("a", Index.ofStrings("p", "q"))
        .variable(Variable.of("n", List.of("a"), Nd4j.create(new long[] {1, 1L << 33}, new long[] {2}, DataType.INT64)))
        .build();
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Netcdf.write(ds, dir.resolve("big.nc")));
    assertEquals("variable 'n' is int64 and holds 8589934592 at (a='q'), outside int32, and NetCDF-3 has no int64. "
        + "Write with NetcdfFormat.NETCDF4 (needs libnetcdf19), or store the values as float64", e.getMessage());
    assertTrue(java.nio.file.Files.notExists(dir.resolve("big.nc")));
  }

  @Test
  void int64AttributeBeyondInt32IsRejectedByNetcdf3() {
    Dataset ds = Samples.small().toBuilder().attr("seed", 1L << 40).build();
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Netcdf.write(ds, dir.resolve("big.nc")));
    assertEquals("attribute 'seed' of the dataset is the int64 1099511627776, outside int32, and NetCDF-3 has no "
        + "int64; write with NetcdfFormat.NETCDF4", e.getMessage());
  }

  @ParameterizedTest
  @EnumSource(NetcdfFormat.class)
  void nullAndEmptyStringsStayDistinct(NetcdfFormat format) {
    Dataset ds = Dataset.builder()
        .dim("k", 5)
        .variable("s", List.of("k"), "", null, "NA", "a", null)
        .build();
    Dataset back = roundTrip(ds, format);
    assertIdentical(ds, back);
    assertNull(back.variable("s").get(1));
    assertEquals("", back.variable("s").get(0));
  }

  @ParameterizedTest
  @EnumSource(NetcdfFormat.class)
  void emptyDimensionRoundTrips(NetcdfFormat format) {
    Dataset ds = Dataset.builder()
        .coord("case", Index.ofInts())
        .coord("b", Index.ofStrings("x", "y"))
        .variable(Variable.of("v", List.of("case", "b"), Nd4j.create(DataType.DOUBLE, 0, 2)))
        .variable("s", List.of("case"))
        .build();
    assertIdentical(ds, roundTrip(ds, format));
  }

  @Test
  void stringWithANulCharacterIsRejected() {
    Dataset ds = Dataset.builder()
        .coord("a", Index.ofInts(1, 2))
        .variable("s", List.of("a"), "ok", "bad\0")
        .build();
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Netcdf.write(ds, dir.resolve("s.nc")));
    assertEquals("variable 's' holds a string with a NUL character at (a=2), which NetCDF cannot store unchanged",
        e.getMessage());
  }

  @Test
  void twoEmptyDimensionsNeedNetcdf4() {
    Dataset ds = Dataset.builder().dim("p", 0).dim("q", 0).build();
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Netcdf.write(ds, dir.resolve("e.nc")));
    assertTrue(e.getMessage().startsWith("dimensions 'p' and 'q' both have size 0"), e.getMessage());
    assertIdentical(ds, roundTrip(ds, NetcdfFormat.NETCDF4));
  }

  @ParameterizedTest
  @EnumSource(NetcdfFormat.class)
  void largeVariablesAreWrittenAndReadInSlabs(NetcdfFormat format) {
    int rows = 1500; // 1500 x 1000 doubles = 12 MB: two slabs of 8 MB
    double[] values = new double[rows * 1000];
    for (int i = 0; i < values.length; i++) values[i] = i % 7 == 0 ? Double.NaN : i * 0.5;
    Dataset ds = Dataset.builder()
        .coord("row", Index.range(rows))
        .dim("col", 1000)
        .variable(Variable.of("v", List.of("row", "col"), Nd4j.create(values, new long[] {rows, 1000}, DataType.DOUBLE)))
        .build();
    Dataset back = roundTrip(ds, format);
    assertIdentical(ds, back);
    assertArrayEquals(values, back.variable("v").array().data().asDouble());
  }

  @ParameterizedTest
  @EnumSource(NetcdfFormat.class)
  void variablesNamedLikeAxesRoundTrip(NetcdfFormat format) {
    Dataset ds = Dataset.builder()
        .coord("time", Index.ofDoubles(0, 1))
        .coord("lat", Index.ofFloats(10f, 20f))
        .coord("lon", Index.ofFloats(-5f, 5f, 15f))
        .variable(Variable.of("x", List.of("time", "lat", "lon"), Nd4j.rand(DataType.DOUBLE, 2, 2, 3)))
        .variable(Variable.of("y", List.of("lon"), Nd4j.create(new int[] {1, 2, 3}, new long[] {3}, DataType.INT32)))
        .build();
    assertIdentical(ds, roundTrip(ds, format));
  }

  @Test
  void variableNamedLikeADimensionIsRejected() {
    Dataset ds = Dataset.builder()
        .dim("n", 2)
        .variable(Variable.of("n", List.of("n"), Nd4j.create(new double[] {1, 2}, new long[] {2}, DataType.DOUBLE)))
        .build();
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Netcdf.write(ds, dir.resolve("n.nc")));
    assertTrue(e.getMessage().startsWith("variable 'n' has the name of a dimension; NetCDF and xarray would read it "
        + "as that dimension's coordinate"), e.getMessage());
  }

  @Test
  void reservedAttributeIsRejected() {
    Dataset ds = Dataset.builder()
        .variable(Variable.of("v", List.of(), Nd4j.scalar(1.0)).withAttrs(Map.of("_FillValue", -1.0)))
        .build();
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Netcdf.write(ds, dir.resolve("r.nc")));
    assertEquals("attribute '_FillValue' of variable 'v' is reserved: the NetCDF encoding writes it itself; "
        + "rename the attribute", e.getMessage());
  }

  @Test
  void invalidNameIsRejected() {
    Dataset ds = Dataset.builder().dim("a/b", 2).build();
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Netcdf.write(ds, dir.resolve("r.nc")));
    assertEquals("dimension name 'a/b' is not a valid NetCDF name: it contains '/'", e.getMessage());
  }

  @Test
  void nameStartingWithNonAsciiIsRejected() {
    Dataset ds = Dataset.builder().dim("θ", 2).build();
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Netcdf.write(ds, dir.resolve("r.nc")));
    assertEquals("dimension name 'θ' is not a valid NetCDF name: it starts with 'θ'; start it with an ASCII letter, "
        + "digit or underscore", e.getMessage());
  }

  @ParameterizedTest
  @EnumSource(NetcdfFormat.class)
  void unicodeNamesRoundTrip(NetcdfFormat format) {
    Dataset ds = Dataset.builder()
        .coord("angle_θ", Index.ofDoubles(0, 90))
        .variable(Variable.of("température", List.of("angle_θ"), Nd4j.create(new double[] {1, 2}, new long[] {2}, DataType.DOUBLE))
            .withAttrs(Map.of("unité", "°C")))
        .build();
    assertIdentical(ds, roundTrip(ds, format));
  }

  @Test
  void unsupportedNumberAttributeIsRejected() {
    Dataset ds = Samples.small().toBuilder().attr("price", new BigDecimal("1.10")).build();
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Netcdf.write(ds, dir.resolve("p.nc")));
    assertEquals("attribute 'price' of the dataset is a java.math.BigDecimal (1.10), which NetCDF cannot store; "
        + "convert it to a double, long or String", e.getMessage());
  }

  @Test
  void attributeTypesSurviveTheRoundTrip() {
    Dataset back = roundTrip(Samples.everythingForNetcdf3(), NetcdfFormat.NETCDF3_64BIT_OFFSET);
    Map<String, Object> a = back.attrs();
    assertEquals(Boolean.FALSE, a.get("converged"));
    assertEquals((short) 7, a.get("short"));
    assertEquals((byte) -3, a.get("byte"));
    assertEquals(0.25f, a.get("ratio32"));
    assertArrayEquals(new int[] {4}, (int[]) a.get("one"));
    assertArrayEquals(new String[] {"solo"}, (String[]) a.get("one_name"));
    assertArrayEquals(new String[] {"a", "b, c", "\"q\""}, (String[]) a.get("names"));
    assertArrayEquals(new double[0], (double[]) a.get("none"));
    assertArrayEquals(new boolean[] {true, false}, (boolean[]) a.get("flags"));
    assertInstanceOf(Boolean.class, back.variable("v").attrs().get("valid"));
  }

  @Test
  void netcdf4WithoutTheCLibraryIsAClearError() {
    UnsupportedOperationException e = assertThrows(UnsupportedOperationException.class,
        () -> Netcdf4Library.require(false));
    assertTrue(e.getMessage().contains("apt-get install libnetcdf19"), e.getMessage());
    assertTrue(e.getMessage().contains("NETCDF3_64BIT_OFFSET"), e.getMessage());
  }
}
