package dev.sweep.io.netcdf;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.sweep.store.RecordStore;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Record files as a Python user sees them: xarray opens them as a time series, also mid-append. */
class RecordXarrayTest {
  @TempDir Path dir;

  private static final String CHECK = String.join("\n",
      "import sys, numpy as np, xarray as xr",
      "n = int(sys.argv[2])",
      "ds = xr.open_dataset(sys.argv[1])",
      "assert dict(ds.sizes) == {'time': n, 'x': 3, 'y': 4}, dict(ds.sizes)",
      "assert list(ds.indexes) == ['time', 'x'], list(ds.indexes)",
      "assert ds.u.dims == ('time', 'x', 'y'), ds.u.dims",
      "assert ds.ok.dtype == bool and ds.n.dtype == np.int32 and ds.f.dtype == np.float32, ds",
      "r = np.arange(n)",
      "assert np.array_equal(ds.time.values, r / 2.0), ds.time.values",
      "assert list(ds.x.values) == [10, 20, 30]",
      "expected = r[:, None, None] * 100.0 + np.arange(3)[None, :, None] * 10 + np.arange(4)[None, None, :] + 0.25",
      "assert np.array_equal(ds.u.values, expected)",
      "assert np.array_equal(ds.big.values, -r)",
      "assert ds.attrs['title'] == 'records' and ds.attrs['theta'] == 0.5, ds.attrs",
      "assert float(ds.u.sel(time=1.5, x=20)[2]) == 3 * 100 + 10 + 2 + 0.25",
      "print('ok')");

  private void checkInXarray(Path nc, long n) {
    ExternalTools.Result r = ExternalTools.run(dir, ExternalTools.PYTHON.toString(), "-c", CHECK, nc.toString(),
        Long.toString(n)).assertSuccess("xarray on " + nc.getFileName());
    assertEquals("ok", r.stdout().trim());
  }

  @Test
  void xarrayOpensARecordFileAsATimeSeries() {
    ExternalTools.requireXarray();
    Path nc = dir.resolve("series.nc");
    try (RecordStore s = NetcdfRecordStore.open(nc, RecordStore.Mode.APPEND)) {
      s.append(Chunks.records(0, 5));
      s.append(Chunks.records(5, 6));
    }
    checkInXarray(nc, 11);
  }

  @Test
  void xarrayOpensAFileLeftInTheMiddleOfAnAppendWithItsCountedRecords() throws Exception {
    ExternalTools.requireXarray();
    Path nc = dir.resolve("mid.nc");
    try (RecordStore s = NetcdfRecordStore.open(nc, RecordStore.Mode.APPEND)) {
      s.append(Chunks.records(0, 4));
    }
    try (FileChannel ch = FileChannel.open(nc, StandardOpenOption.WRITE)) {
      ch.write(ByteBuffer.wrap(new byte[333]), Files.size(nc)); // an append's data, its count not yet written
    }
    checkInXarray(nc, 4);
  }

  @Test
  void ncdumpShowsTheUnlimitedTimeDimension() {
    ExternalTools.requireNcdump();
    Path nc = dir.resolve("dump.nc");
    try (RecordStore s = NetcdfRecordStore.open(nc, RecordStore.Mode.APPEND)) {
      s.append(Chunks.records(0, 2));
    }
    String header = ExternalTools.run(dir, "ncdump", "-h", nc.toString()).assertSuccess("ncdump").stdout();
    assertEquals(true, header.contains("time = UNLIMITED ; // (2 currently)"), header);
    assertEquals(true, header.contains("double u(time, x, y) ;"), header);
    assertEquals(true, header.contains("double time(time) ;"), header);
  }
}
