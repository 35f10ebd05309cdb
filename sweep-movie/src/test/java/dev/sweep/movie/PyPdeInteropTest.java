package dev.sweep.movie;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sweep.data.Dataset;
import dev.sweep.data.Index;
import dev.sweep.data.Variable;
import dev.sweep.traj.Trajectory;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Our movies read as py-pde reads movies, and py-pde's movies read by us: Python scripts that do
 * what py-pde's MovieStorage does with ffprobe, ffmpeg and NumPy ({@code pypde/*.py}); and the
 * metadata as Debian's own ffprobe shows it.
 */
class PyPdeInteropTest {
  @TempDir Path dir;

  private static double value(int k, int i, int j) {
    return (i * 7 + j * 3 + k) % 11 / 10.0;
  }

  private Path writeOurs(String name) {
    Path file = dir.resolve(name);
    double[] x = {0.5, 1.5, 2.5, 3.5, 4.5, 5.5, 6.5, 7.5};
    try (Trajectory t = Trajectory.builder().store(m -> MovieStore.builder(file).vmin(0).vmax(1).open(m))
        .info("model", "diffusion").build()) {
      for (int k = 0; k < 3; k++) {
        double[][] v = new double[8][5];
        for (int i = 0; i < 8; i++) for (int j = 0; j < 5; j++) v[i][j] = value(k, i, j);
        Dataset s = Dataset.builder().coord("x", Index.ofDoubles(x))
            .variable(Variable.of("c", List.of("x", "y"), Nd4j.createFromArray(v))).build();
        if (k == 0) t.startWriting(s);
        t.append(s, 0.25 * k);
      }
    }
    return file;
  }

  @ParameterizedTest
  @ValueSource(strings = {"ours.mkv", "ours.avi", "ours.mov"})
  void pyPdeReadsOurMovies(String name) {
    Tools.requireNumpy(dir);
    Path file = writeOurs(name);
    Path script = Tools.resource(dir, "pypde/read_as_pypde.py");
    String out = Tools.run(dir, List.of(Tools.PYTHON.toString(), script.toString(), Ffmpeg.ffprobe(), Ffmpeg.ffmpeg(),
        file.toString())).assertSuccess("read_as_pypde.py").out();
    Map<?, ?> r = (Map<?, ?>) MovieJson.parse(out.strip());
    assertEquals(1L, r.get("version"));
    assertEquals(3L, r.get("num_frames"), "py-pde's frame count (from nb_frames or DURATION * fps)");
    assertEquals("gray16le", r.get("video_format"));
    assertEquals(0.25, r.get("dt"));
    assertEquals(0.0, r.get("t_start"));
    assertEquals("ScalarField", r.get("field_class"));
    Map<?, ?> grid = (Map<?, ?>) r.get("grid");
    assertEquals("CartesianGrid", grid.get("class"));
    assertEquals(List.of(List.of(0.0, 8.0), List.of(0.0, 5.0)), grid.get("bounds"), "cell centres 0.5 .. 7.5");
    assertEquals(List.of(8L, 5L), grid.get("shape"));
    assertEquals(8L, r.get("width"));
    assertEquals(5L, r.get("height"));
    List<?> frames = (List<?>) r.get("frames");
    assertEquals(3, frames.size());
    for (int k = 0; k < 3; k++) {
      for (int i = 0; i < 8; i++) {
        for (int j = 0; j < 5; j++) {
          double got = ((Number) ((List<?>) ((List<?>) frames.get(k)).get(i)).get(j)).doubleValue();
          assertEquals(value(k, i, j), got, 0.5 / 65535 + 1e-12, "frame " + k + " (" + i + ", " + j + ")");
        }
      }
    }
  }

  @Test
  void weReadPyPdesMovies() {
    Tools.requireNumpy(dir);
    Path file = dir.resolve("pypde.mov");
    Path script = Tools.resource(dir, "pypde/write_as_pypde.py");
    Tools.run(dir, List.of(Tools.PYTHON.toString(), script.toString(), Ffmpeg.ffmpeg(), file.toString()))
        .assertSuccess("write_as_pypde.py");
    Movies.Logged<Dataset> read = Movies.logged(() -> {
      try (Trajectory t = Trajectory.open(file)) {
        assertEquals("diffusion", t.info().get("model"));
        return t.toDataset();
      }
    });
    assertTrue(read.log().contains("its metadata (py-pde's) does not name the fields and their dimensions: reading its "
        + "frames as one field 'c' [x, y] of values in [-1.0, 2.0]"), read.log());
    Dataset ds = read.value();
    assertArrayEquals(new double[] {1.0, 1.1, 1.2, 1.3}, ds.coord("time").toArray() instanceof double[] d ? d : null,
        1e-12);
    Variable c = ds.variable("c");
    assertEquals(List.of("time", "x", "y"), c.dims());
    for (int k = 0; k < 4; k++) {
      for (int i = 0; i < 8; i++) {
        for (int j = 0; j < 5; j++) {
          double expected = -1.0 + 0.3 * k + 0.2 * i + 0.05 * j;
          // py-pde truncates: up to one level below the value
          assertEquals(expected, c.getDouble(k, i, j), 3.0 / 65535 + 1e-12, "state " + k + " (" + i + ", " + j + ")");
        }
      }
    }
  }

  @Test
  void debiansFfprobeShowsOurMetadata() {
    Tools.requireDebianFfprobe();
    Path file = writeOurs("ours.mkv");
    String out = Tools.run(dir, List.of(Tools.DEBIAN_FFPROBE.toString(), "-v", "error", "-show_format", file.toString()))
        .assertSuccess("ffprobe -show_format").out();
    assertTrue(out.contains("TAG:COMMENT='{\"version\": 1, \"vmin\": 0.0, \"vmax\": 1.0, \"write_times\": false, "
        + "\"video_format\": \"gray16le\", \"dt\": 0.25, \"t_start\": 0.0, \"num_frames\": 3, "), out);
    assertTrue(out.contains("\"model\": \"diffusion\""), out);
  }
}
