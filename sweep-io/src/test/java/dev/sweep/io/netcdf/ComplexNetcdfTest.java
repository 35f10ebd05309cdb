package dev.sweep.io.netcdf;

import static dev.sweep.testing.DatasetAssertions.assertIdentical;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sweep.data.Column;
import dev.sweep.data.DType;
import dev.sweep.data.Dataset;
import dev.sweep.data.Index;
import dev.sweep.data.Variable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.commons.math3.complex.Complex;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Complex variables in files: NetCDF-4 as the HDF5 compound {r, i} that xarray's h5netcdf engine and
 * h5py read as complex; NetCDF-3 as a last dimension {@code _pfnc_complex} of size 2 (the nc-complex
 * convention), which xarray opens as a float variable over that extra dimension. Each file is opened
 * by /usr/bin/python3 and read back by sweep.
 */
class ComplexNetcdfTest {
  @TempDir Path dir;

  private static Complex z(double re, double im) {
    return new Complex(re, im);
  }

  /** complex128 over two labelled dimensions with a missing value and a NaN part, complex64, a scalar, a float. */
  static Dataset dataset() {
    Column psi = Column.allocate(DType.COMPLEX64, new long[] {3});
    psi.setComplex(0, 1, 1);
    psi.setComplex(1, 2, -0.25);
    psi.setComplex(2, 0, -3);
    return Dataset.builder().coord("field", Index.ofDoubles(0.1, 0.2)).coord("t", Index.ofLongs(0, 10, 20))
        .variable(Variable.ofComplex("amp", List.of("field", "t"), new long[] {2, 3},
            z(1, 2), z(3, -4), z(0, 0.5), null, z(-1.5, 0), z(2, 2)).withAttrs(Map.of("units", "V")))
        .variable(Variable.of("psi", List.of("t"), psi))
        .variable(Variable.ofComplex("g", List.of(), new long[0], z(0.5, -0.5)))
        .variable("energy", List.of("field"), Nd4j.createFromArray(0.25, 0.75))
        .attr("model", "two-level").build();
  }

  @Test
  void netcdf4IsTheCompoundThatXarrayReadsAsComplex() {
    ExternalTools.requireNetcdf4();
    Path file = dir.resolve("complex4.nc");
    Netcdf.write(dataset(), file, NetcdfFormat.NETCDF4);
    assertIdentical(dataset(), Netcdf.read(file));

    ExternalTools.requireH5netcdf();
    ExternalTools.Result r = ExternalTools.run(dir, ExternalTools.PYTHON.toString(), "-c", String.join("\n",
        "import sys, h5py, numpy as np, xarray as xr",
        "ds = xr.open_dataset(sys.argv[1], engine='h5netcdf')",
        "print(ds.amp.dtype, ds.psi.dtype, ds.g.dtype, ds.energy.dtype)",
        "print(ds.amp.dims, list(ds.amp.values.ravel()))",
        "print(list(ds.psi.values), complex(ds.g.values), ds.amp.attrs['units'], ds.attrs['model'])",
        "f = h5py.File(sys.argv[1], 'r')",
        "print(f['amp'].dtype, f['amp'].dtype.names if f['amp'].dtype.names else 'complex')",
        "plain = xr.open_dataset(sys.argv[1]).amp.values",  // netCDF4-python 1.6: the named compound as a record
        "print(plain.dtype.names, plain.view(np.complex128).ravel()[1])"), file.toString());
    assertEquals(0, r.exitCode(), r.stderr());
    assertEquals(List.of("complex128 complex64 complex128 float64",
        "('field', 't') [(1+2j), (3-4j), 0.5j, (nan+nanj), (-1.5+0j), (2+2j)]",
        "[(1+1j), (2-0.25j), -3j] (0.5-0.5j) V two-level",
        "complex128 complex",
        "('r', 'i') (3-4j)"), r.stdout().lines().toList());
  }

  @Test
  void netcdf3IsATrailingDimensionThatXarrayOpensAsFloats() {
    Path file = dir.resolve("complex3.nc");
    Netcdf.write(dataset(), file, NetcdfFormat.NETCDF3_64BIT_OFFSET);
    assertIdentical(dataset(), Netcdf.read(file));

    ExternalTools.requireXarray();
    ExternalTools.Result r = ExternalTools.run(dir, ExternalTools.PYTHON.toString(), "-c", String.join("\n",
        "import sys, numpy as np, xarray as xr",
        "ds = xr.open_dataset(sys.argv[1])",
        "a = ds.amp",
        "print(a.dtype, a.dims, a.attrs['complex_convention'])",
        "z = a[..., 0] + 1j * a[..., 1]",
        "print(list(z.values.ravel()))",
        "print(ds.psi.dtype, ds.psi.dims, ds.g.dims, ds.sizes['_pfnc_complex'])"), file.toString());
    assertEquals(0, r.exitCode(), r.stderr());
    assertEquals(List.of("float64 ('field', 't', '_pfnc_complex') nc-complex: real and imaginary parts along the "
            + "last dimension, _pfnc_complex",
        "[(1+2j), (3-4j), 0.5j, (nan+nanj), (-1.5+0j), (2+2j)]",
        "float32 ('t', '_pfnc_complex') ('_pfnc_complex',) 2"), r.stdout().lines().toList());
  }

  @Test
  void readsComplexWrittenByXarraysH5netcdfEngine() {
    Dataset golden = Netcdf.read(resource("xarray_complex.nc"));
    assertGolden(golden);
    Path nc3 = dir.resolve("back3.nc");
    Netcdf.write(golden, nc3, NetcdfFormat.NETCDF3_64BIT_OFFSET);
    assertIdentical(golden, Netcdf.read(nc3));
    if (Netcdf.isNetcdf4Available()) {
      Path nc4 = dir.resolve("back4.nc");
      Netcdf.write(golden, nc4, NetcdfFormat.NETCDF4);
      assertIdentical(golden, Netcdf.read(nc4));
    }
  }

  @Test
  void ncdumpShowsTheCompoundAndTheComplexDimension() {
    ExternalTools.requireNcdump();
    ExternalTools.requireNetcdf4();
    Path nc4 = dir.resolve("dump4.nc");
    Netcdf.write(dataset(), nc4, NetcdfFormat.NETCDF4);
    String four = ExternalTools.run(dir, "ncdump", "-v", "amp", nc4.toString()).stdout();
    assertTrue(four.contains("compound amp_t {\n    double r ;\n    double i ;\n  }; // amp_t"), four);
    assertTrue(four.contains("amp_t amp(field, t) ;"), four);
    assertTrue(four.contains(" amp =\n  {1, 2}, {3, -4}, {0, 0.5},\n  {NaN, NaN}, {-1.5, 0}, {2, 2} ;"), four);
    Path nc3 = dir.resolve("dump3.nc");
    Netcdf.write(dataset(), nc3, NetcdfFormat.NETCDF3_64BIT_OFFSET);
    String three = ExternalTools.run(dir, "ncdump", "-h", nc3.toString()).stdout();
    assertTrue(three.contains("_pfnc_complex = 2 ;"), three);
    assertTrue(three.contains("double amp(field, t, _pfnc_complex) ;"), three);
  }

  @Test
  void readsComplexThatTheInstalledXarrayWritesToday() {
    ExternalTools.requireH5netcdf();
    ExternalTools.Result r = ExternalTools.run(dir, ExternalTools.PYTHON.toString(),
        ExternalTools.resource(dir, "make_complex_golden.py").toString(), dir.toString());
    assertEquals(0, r.exitCode(), r.stderr());
    assertGolden(Netcdf.read(dir.resolve("xarray_complex.nc")));
  }

  private static void assertGolden(Dataset ds) {
    assertEquals(List.of("field", "t"), ds.dims());
    assertEquals(List.of("amp", "psi", "energy"), List.copyOf(ds.variables().keySet()));
    Variable amp = ds.variable("amp");
    assertEquals(DType.COMPLEX128, amp.type());
    assertEquals(z(3, -4), amp.get(0, 1));
    assertTrue(amp.isMissing(1, 0));
    assertEquals(1.0, amp.imag().getDouble(1, 0), "a NaN real part keeps its imaginary part");
    assertEquals("V", amp.attrs().get("units"));
    assertEquals(DType.COMPLEX64, ds.variable("psi").type());
    assertEquals(z(2, -0.25), ds.variable("psi").get(1));
    assertEquals(DType.DOUBLE, ds.variable("energy").type());
    assertEquals("two-level", ds.attrs().get("model"));
  }

  @Test
  void netcdf3RefusesADatasetThatAlreadyUsesTheComplexDimensionsName() {
    Dataset ds = Dataset.builder().dim("_pfnc_complex", 3)
        .variable(Variable.ofComplex("amp", List.of("x"), new long[] {1}, z(1, 1))).build();
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Netcdf.write(ds, dir.resolve("clash.nc"), NetcdfFormat.NETCDF3_64BIT_OFFSET));
    assertEquals("variable 'amp' is complex128, which NetCDF-3 stores along a last dimension named '_pfnc_complex', "
        + "but the dataset has a dimension or variable of that name. Rename it, or write with NetcdfFormat.NETCDF4",
        e.getMessage());
    assertTrue(Files.notExists(dir.resolve("clash.nc")));
  }

  /** Records of a wavefunction psi(time, x): complex128 per record, a float64 time. */
  static Dataset waves(int from, int n) {
    double[] time = new double[n];
    Complex[] psi = new Complex[n * 3];
    for (int k = 0; k < n; k++) {
      time[k] = (from + k) * 0.5;
      for (int x = 0; x < 3; x++) psi[k * 3 + x] = z(Math.cos(from + k + x), -Math.sin(from + k + x));
    }
    return Dataset.builder().variable("time", List.of("time"), Nd4j.createFromArray(time))
        .variable(Variable.ofComplex("psi", List.of("time", "x"), new long[] {n, 3}, psi)).build();
  }

  @Test
  void recordFilesAppendAndReadComplexRecords() {
    Path file = dir.resolve("waves.nc");
    try (NetcdfRecordStore s = NetcdfRecordStore.open(file, dev.sweep.store.RecordStore.Mode.APPEND)) {
      s.append(waves(0, 2));
      s.append(waves(2, 3));
      Dataset all = s.read();
      assertEquals(DType.COMPLEX128, all.variable("psi").type());
      assertEquals(List.of("time", "x"), all.variable("psi").dims());
      assertEquals(z(Math.cos(5), -Math.sin(5)), all.variable("psi").get(4, 1));
      assertEquals(5, all.sizes().get("time"));
    }
    Variable psi = Netcdf.read(file).variable("psi");
    assertEquals(z(Math.cos(3), -Math.sin(3)), psi.get(3, 0));
  }

  private static Path resource(String name) {
    try {
      return Path.of(ComplexNetcdfTest.class.getResource("/netcdf/" + name).toURI());
    } catch (java.net.URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}
