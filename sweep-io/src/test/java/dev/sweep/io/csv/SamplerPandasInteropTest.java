package dev.sweep.io.csv;

import dev.sweep.farm.Sampler;
import dev.sweep.io.table.Tables;
import dev.sweep.space.Design;
import dev.sweep.space.Distribution;
import dev.sweep.space.Draws;
import dev.sweep.store.IncompatibleStoreException;
import dev.sweep.store.Stores;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.sweep.io.csv.Pandas;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The tutorial's samples, read by pandas from the CSV and by xarray from NetCDF. */
class SamplerPandasInteropTest {
  @TempDir Path dir;

  Sampler tutorial() {
    Sampler s = Sampler.labelled(Trig.class, "trig", Trig.defaults()).directory(dir).seed(9)
        .options(SamplerCsvTest.QUIET).build();
    s.sampleCombos(10_000);
    s.sampleCombos(5_000, Trig.tan());
    return s;
  }

  @Test
  void pandasReadsTheTutorialsCsvWithItsTypesAndOutIsAmpTimesFnOfXMinusPhase() {
    Pandas.assumeAvailable();
    tutorial();
    String out = Pandas.run(String.join("\n",
        "import json, sys",
        "import numpy as np, pandas as pd",
        "p = sys.argv[1]",
        "df = pd.read_csv(p)",
        "print(len(df), ' '.join(f'{c}:{t}' for c, t in df.dtypes.items()))",
        "typed = pd.read_csv(p, dtype=json.load(open(p + '.dtypes.json')))",
        "print(' '.join(f'{c}:{t}' for c, t in typed.dtypes.items()))",
        "t = df.x - df.phase",
        "expected = df.amp * np.where(df.fn == 'cos', np.cos(t), np.where(df.fn == 'sin', np.sin(t), np.tan(t)))",
        "assert np.allclose(df.out, expected, rtol=1e-12, atol=1e-12), (df.out - expected).abs().max()",
        "print(df.groupby('fn').size().to_dict())",
        "print(df[df.fn == 'tan'].x.max() < np.pi / 4, df[df.fn != 'tan'].x.max() < 2 * np.pi)"),
        dir.resolve("trig.csv").toString());
    List<String> lines = out.lines().toList();
    assertEquals("15000 amp:int64 fn:object x:float64 phase:float64 out:float64", lines.get(0));
    assertEquals("amp:int32 fn:object x:float64 phase:float64 out:float64", lines.get(1));
    assertEquals("5000", lines.get(2).replaceAll(".*'tan': (\\d+).*", "$1"));
    assertEquals("True True", lines.get(3));
  }

  @Test
  void xarrayOpensTheSamplesWrittenAsNetcdfOverOneSampleDimension() {
    Pandas.assumeImports("xarray, scipy", "python3-xarray python3-scipy");
    Sampler s = tutorial();
    Path nc = dir.resolve("trig.nc");
    Stores.dataset(nc).write(s.fullDataset());
    String out = Pandas.run(String.join("\n",
        "import sys",
        "import numpy as np, xarray as xr",
        "ds = xr.open_dataset(sys.argv[1])",
        "print(dict(ds.sizes), sorted(ds.data_vars))",
        "df = ds.to_dataframe()",
        "print(len(df), str(ds.amp.dtype), str(ds.out.dtype))"), nc.toString());
    List<String> lines = out.lines().toList();
    assertEquals("{'sample': 15000} ['amp', 'fn', 'out', 'phase', 'x']", lines.get(0));
    assertEquals("15000 int32 float64", lines.get(1));
  }
}
