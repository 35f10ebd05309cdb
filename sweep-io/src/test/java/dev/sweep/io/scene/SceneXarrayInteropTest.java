package dev.sweep.io.scene;

import static org.junit.jupiter.api.Assertions.*;

import dev.sweep.data.Index;
import dev.sweep.data.Variable;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.factory.Nd4j;

/** Scene files as Python users open them: frames with xarray, description.json with json. */
class SceneXarrayInteropTest {
  @TempDir Path dir;

  @Test
  void xarrayOpensAFrameAsALabelledArrayWithItsMetadata() {
    Python.require("xarray, netCDF4, json", "python3-xarray python3-netcdf4");
    Scene s = Scene.create(dir);
    Variable vel = Fields.counting(List.of("x", "y", "vector"), 4, 3, 2);
    s.write("Velocity", GridField.builder(vel).bounds(new double[] {0, -1}, new double[] {2, 1}).extrapolation("periodic")
        .build(), 12);
    String out = Python.run(String.join("\n",
        "import sys, json, xarray as xr",
        "da = xr.open_dataset(sys.argv[1])['Velocity']",
        "print(da.dims)",
        "print(list(da['vector'].values))",
        "print(float(da.sel(vector='y').isel(x=3, y=2)))",
        "print(da.attrs['field_type'], list(da.attrs['lower']), list(da.attrs['upper']))",
        "print(json.loads(da.attrs['extrapolation']))",
        "print(json.loads(da.attrs['dim_types']))",
        "print(xr.open_dataset(sys.argv[1]).attrs['frame'])"), s.frameFile("Velocity", 12).toString());
    assertEquals(String.join("\n",
        "('x', 'y', 'vector')",
        "['x', 'y']",
        "23.0",
        "CenteredGrid [0.0, -1.0] [2.0, 1.0]",
        "{'type': 'periodic'}",
        "['spatial', 'spatial', 'channel']",
        "12") + "\n", out);
  }

  @Test
  void pythonsJsonReadsThePropertiesWithTheirTypes() {
    Python.require("json", "python3");
    Scene s = Scene.create(dir);
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("smoothness", 0.25);
    p.put("steps", 20);
    p.put("name", "é");
    p.put("on", false);
    p.put("none", null);
    p.put("nan", Double.NaN);
    p.put("grid", List.of(64, 32));
    p.put("v", Variable.of("v", List.of("vector"), Nd4j.createFromArray(2.0, 3.0)));
    s.putAll(p);
    String out = Python.run(String.join("\n",
        "import sys, json",
        "with open(sys.argv[1]) as f: d = json.load(f)",
        "for k, v in d.items(): print(k, type(v).__name__, v)"), s.path().resolve("description.json").toString());
    assertEquals(String.join("\n",
        "smoothness float 0.25",
        "steps int 20",
        "name str é",
        "on bool False",
        "none NoneType None",
        "nan float nan",
        "grid list [64, 32]",
        "v dict {'names': ['vector'], 'types': ['channel'], 'item_names': [None], 'data': [2.0, 3.0]}",
        "__tensors__ list ['v']") + "\n", out);
  }

  @Test
  void aBatchedReadIsWhatXarrayGetsByConcatenatingTheFiles() {
    Python.require("xarray, netCDF4", "python3-xarray python3-netcdf4");
    SceneBatch b = SceneBatch.builder(dir).dim("batch", Index.ofDoubles(0.5, 1.5)).create();
    Variable noise = Fields.random(List.of("batch", "x", "y"), new long[] {2, 3, 2}, 4);
    b.write("noise", GridField.builder(noise).dimType("batch", GridField.DimType.BATCH).build(), 0);
    String out = Python.run(String.join("\n",
        "import sys, xarray as xr",
        "da = xr.concat([xr.open_dataset(p)['noise'] for p in sys.argv[1:]], dim='batch')",
        "print(' '.join(repr(float(v)) for v in da.values.ravel()))"),
        b.scenes().get(0).frameFile("noise", 0).toString(), b.scenes().get(1).frameFile("noise", 0).toString());
    double[] python = java.util.Arrays.stream(out.strip().split(" ")).mapToDouble(Double::parseDouble).toArray();
    assertArrayEquals(b.read("noise", 0).variable("noise").toDoubleArray(), python); // exact: repr round-trips
  }
}
