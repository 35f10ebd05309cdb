package dev.sweep.io.scene;

import static org.junit.jupiter.api.Assertions.*;

import dev.sweep.data.DType;
import dev.sweep.data.Dataset;
import dev.sweep.data.Variable;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A scene directory made by Python with NumPy exactly as PhiFlow's {@code Scene} writes one
 * ({@code _scene.py}, {@code _field_io.py}): {@code description.json} by {@code json.dump(indent=2)}
 * with a tensor listed in {@code __tensors__}, frames by {@code np.savez_compressed} with pickled
 * {@code dim_item_names} and {@code extrapolation}; read back by sweep.
 */
class PhiflowSceneInteropTest {
  @TempDir Path dir;

  static final String MAKE_SCENE = String.join("\n",
      "import sys, os, json, numpy as np",
      "scene = os.path.join(sys.argv[1], 'sim_000000')",
      "os.makedirs(os.path.join(scene, 'src'))",
      "props = {'smoothness': 0.19980166852474213, 'steps': 20, 'name': 'noise', 'periodic': True,",
      "         'velocity': {'names': ('vector',), 'types': ('channel',), 'item_names': (('x', 'y'),), 'data': [2.0, 3.0]}}",
      "props['__tensors__'] = ('velocity',)",
      "with open(os.path.join(scene, 'description.json'), 'w') as out: json.dump(props, out, indent=2)",
      "def write(name, frame, data, names, types, item_names, field_type, lower, upper, extrapolation):",
      "    np.savez_compressed(os.path.join(scene, f'{name}_{frame:06d}.npz'), dim_names=names, dim_types=types,",
      "        dim_item_names=np.asarray(item_names, dtype=object), field_type=field_type, lower=lower, upper=upper,",
      "        bounds_item_names=('x', 'y'), extrapolation=extrapolation, data=data)",
      "noise = np.arange(32 * 16, dtype=np.float32).reshape(32, 16) / 7",
      "write('noise_data', 0, noise, ('x', 'y'), ('spatial', 'spatial'), (None, None), 'CenteredGrid',",
      "      np.array([0., 0.]), np.array([32., 16.]), {'type': 'constant', 'value': np.float32(0)})",
      "vel = np.arange(33 * 17 * 2, dtype=np.float64).reshape(33, 17, 2)",
      "write('Velocity', 1000000, vel, ('x', 'y', 'vector'), ('spatial', 'spatial', 'channel'), (None, None, ('x', 'y')),",
      "      'StaggeredGrid', np.array([0., 0.]), np.array([32., 16.]), {'type': 'periodic'})",
      "np.savez(os.path.join(scene, 'dens_001000.npz'), np.ones((4, 5, 1), dtype=np.float64))  # legacy [YXC]",
      "fortran = np.asfortranarray(np.arange(6, dtype=np.int64).reshape(2, 3))",
      "np.savez_compressed(os.path.join(scene, 'ints_000002.npz'), data=fortran, dim_names=('x', 'y'), flags=np.array([True, False]),",
      "    label=np.array(['é', 'ab']), raw=np.array([b'xy', b'z']))",
      "print('ok')");

  @Test
  void aSceneWrittenTheWayPhiflowWritesItIsRead() {
    Python.require("numpy", "python3-numpy");
    assertEquals("ok\n", Python.run(MAKE_SCENE, dir.toString()));
    Scene s = Scene.at(dir, 0);
    Map<String, Object> p = s.properties();
    assertEquals(0.19980166852474213, p.get("smoothness"));
    assertEquals(20, p.get("steps"));
    assertEquals(true, p.get("periodic"));
    Variable velocity = (Variable) p.get("velocity");
    assertEquals(List.of("vector"), velocity.dims());
    assertArrayEquals(new double[] {2, 3}, velocity.toDoubleArray());
    assertFalse(p.containsKey("__tensors__"));

    assertEquals(List.of("Velocity", "dens", "ints", "noise_data"), s.fieldNames());
    assertEquals(List.of(0, 2, 1000, 1_000_000), s.frames());

    PrintStream err = System.err;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    Dataset noise;
    try {
      System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
      noise = s.read("noise_data", 0);
    } finally {
      System.setErr(err);
    }
    String log = captured.toString(StandardCharsets.UTF_8);
    assertTrue(log.contains("noise_data_000000.npz: skipped [dim_item_names, extrapolation], which are Python pickles"), log);
    Variable v = noise.variable("noise_data");
    assertEquals(List.of("x", "y"), v.dims());
    assertEquals(DType.FLOAT, v.type());
    assertArrayEquals(new long[] {32, 16}, v.shape());
    assertEquals(17f / 7, (float) v.get(1, 1), 0f);
    assertEquals("CenteredGrid", v.attrs().get("field_type"));
    assertArrayEquals(new String[] {"spatial", "spatial"}, (String[]) v.attrs().get("dim_types"));
    assertArrayEquals(new double[] {32, 16}, (double[]) v.attrs().get("upper"));
    assertArrayEquals(new String[] {"x", "y"}, (String[]) v.attrs().get("bounds_item_names"));

    Variable vel = s.read("Velocity", 1_000_000).variable("Velocity");
    assertEquals(List.of("x", "y", "vector"), vel.dims());
    assertEquals(DType.DOUBLE, vel.type());
    assertEquals((double) (5 * 17 * 2 + 3 * 2 + 1), vel.get(5, 3, 1));
    assertEquals("StaggeredGrid", vel.attrs().get("field_type"));

    Variable dens = s.read("dens", 1000).variable("dens");
    assertEquals(List.of("y", "x", "vector"), dens.dims(), "the legacy single-array layout is [Z]YXC");
    assertArrayEquals(new long[] {4, 5, 1}, dens.shape());

    Variable ints = s.read("ints", 2).variable("ints");
    assertEquals(DType.LONG, ints.type());
    assertEquals(5L, ints.get(1, 2), "a Fortran-ordered array comes back in C order");
  }

  @Test
  void theNpzReaderReadsBooleansStringsAndBytes() {
    Python.require("numpy", "python3-numpy");
    Python.run(MAKE_SCENE, dir.toString());
    Npz.Contents c = Npz.read(dir.resolve("sim_000000/ints_000002.npz"));
    assertArrayEquals(new boolean[] {true, false}, (boolean[]) c.arrays().get("flags").values());
    assertArrayEquals(new String[] {"é", "ab"}, (String[]) c.arrays().get("label").values());
    assertArrayEquals(new String[] {"xy", "z"}, (String[]) c.arrays().get("raw").values());
    assertEquals(List.of(), c.pickles());
  }

  @Test
  void phiflowReadsTheTensorPropertiesSweepWrites() {
    Python.require("json", "python3");
    Scene s = Scene.create(dir);
    s.put("v", Variable.of("v", List.of("vector"), org.nd4j.linalg.factory.Nd4j.createFromArray(2.0, 3.0)));
    // what PhiFlow's _init_properties does: json.load, then math.from_dict on each key in __tensors__
    String out = Python.run(String.join("\n",
        "import sys, json",
        "with open(sys.argv[1]) as f: props = json.load(f)",
        "for key in props['__tensors__']:",
        "    t = props[key]",
        "    assert set(t) >= {'names', 'types', 'item_names', 'data'}, t",
        "    assert len(t['names']) == len(t['types']) == len(t['item_names'])",
        "    print(key, t['names'], t['types'], t['data'])"), s.path().resolve("description.json").toString());
    assertEquals("v ['vector'] ['channel'] [2.0, 3.0]\n", out);
  }
}
