package dev.sweep.io.netcdf;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.sweep.data.Dataset;
import dev.sweep.testing.DatasetAssertions;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A file another tool wrote keeps its own order of dimensions and variables when sweep reads it and
 * writes it back: xarray then lists them as it did before (netcdf-java alone would hand them back in
 * the order of its HDF5 header, e.g. dimensions {@code (b, c, a)}).
 */
class OrderTest {
  /** The order of make_golden.py's order_dataset(), as xarray wrote it. */
  static final List<String> DIMS = List.of("a", "b", "c");
  static final List<String> DATA = List.of("b_out", "a_out", "z", "m", "q");

  @TempDir Path dir;

  private static void assertOrder(Dataset ds, List<String> dims, List<String> data) {
    assertEquals(dims, ds.dims(), "dimensions");
    assertEquals(data, List.copyOf(ds.variables().keySet()), "data variables");
  }

  @Test
  void netcdf4WrittenByXarrayIsReadInItsOwnOrder() {
    assertOrder(Netcdf.read(ExternalTools.resource(dir, "xarray_order.nc")), DIMS, DATA);
  }

  @Test
  void netcdf3WrittenByXarrayIsReadInItsOwnOrder() {
    assertOrder(Netcdf.read(ExternalTools.resource(dir, "xarray_order_netcdf3.nc")), DIMS, DATA);
  }

  @Test
  void theOrderSurvivesARewriteInEitherFormat() {
    ExternalTools.requireNetcdf4();
    Dataset ds = Netcdf.read(ExternalTools.resource(dir, "xarray_order.nc"));
    for (NetcdfFormat format : NetcdfFormat.values()) {
      Path again = dir.resolve("again-" + format + ".nc");
      Netcdf.write(ds, again, format);
      Dataset back = Netcdf.read(again);
      DatasetAssertions.assertIdentical(ds, back);
      assertOrder(back, DIMS, DATA);
    }
  }

  /**
   * xarray writes the files today (compact HDF5 groups, and a dense one of 14 variables, whose links
   * netcdf-java finds through another index); sweep reads and rewrites them; xarray lists the same
   * order as in the original.
   */
  @Test
  void xarraySeesTheOrderItWroteAfterSweepRewritesTheFile() {
    ExternalTools.requireXarray();
    ExternalTools.requireNetcdf4();
    Path script = ExternalTools.resource(dir, "make_golden.py");
    ExternalTools.run(dir, ExternalTools.PYTHON.toString(), script.toString(), dir.toString())
        .assertSuccess("make_golden.py");
    String many = "import sys, numpy as np, xarray as xr\n"
        + "names = ['v%02d' % i for i in range(13, -1, -1)]\n"
        + "xr.Dataset({n: (('d%d' % (i % 3), 'e'), np.zeros((2, 3))) for i, n in enumerate(names)})"
        + ".to_netcdf(sys.argv[1], format='NETCDF4')\n";
    ExternalTools.run(dir, ExternalTools.PYTHON.toString(), "-c", many, dir.resolve("many.nc").toString())
        .assertSuccess("writing many.nc");
    List<String> manyVars = new ArrayList<>();
    for (int i = 13; i >= 0; i--) manyVars.add(String.format("v%02d", i));

    List<String> files = List.of("xarray_order.nc", "xarray_order_netcdf3.nc", "many.nc");
    List<String> expected = new ArrayList<>();
    for (String name : files) {
      Dataset ds = Netcdf.read(dir.resolve(name));
      List<String> dims = name.equals("many.nc") ? List.of("d0", "e", "d1", "d2") : DIMS;
      List<String> data = name.equals("many.nc") ? manyVars : DATA;
      assertOrder(ds, dims, data);
      for (NetcdfFormat format : NetcdfFormat.values()) {
        Netcdf.write(ds, dir.resolve("sweep-" + format + "-" + name), format);
        expected.add(dims + " " + data);
      }
    }
    String code = "import sys, xarray as xr\n"
        + "for f in sys.argv[1:]:\n"
        + "    ds = xr.open_dataset(f)\n"
        + "    print('[' + ', '.join(ds.dims) + '] [' + ', '.join(ds.data_vars) + ']')\n";
    List<String> command = new ArrayList<>(List.of(ExternalTools.PYTHON.toString(), "-c", code));
    for (String name : files) {
      for (NetcdfFormat format : NetcdfFormat.values()) command.add(dir.resolve("sweep-" + format + "-" + name).toString());
    }
    String out = ExternalTools.run(dir, command.toArray(String[]::new)).assertSuccess("xarray").stdout();
    assertEquals(String.join("\n", expected), out.trim());
  }
}
