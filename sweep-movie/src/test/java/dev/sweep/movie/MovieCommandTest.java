package dev.sweep.movie;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sweep.cli.SweepCli;
import dev.sweep.data.Dataset;
import dev.sweep.data.Index;
import dev.sweep.data.Variable;
import dev.sweep.io.netcdf.Netcdf;
import dev.sweep.traj.Trajectory;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.factory.Nd4j;

/** {@code sweep movie}: a variable rendered as an H.264 MP4 or a GIF that players show. */
class MovieCommandTest {
  @TempDir Path dir;

  @AfterEach
  void noFfmpegLeftBehind() {
    assertEquals(List.of(), Movies.ffmpegChildren());
  }

  record Run(int status, String out, String err) {}

  static Run sweep(String... args) {
    PrintStream oldOut = System.out;
    PrintStream oldErr = System.err;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    int status;
    try {
      status = SweepCli.execute(args);
    } finally {
      System.setOut(oldOut);
      System.setErr(oldErr);
    }
    return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  /** u(time, x, y) = x + t over 12 steps on a 20 x 10 grid: 0 at the left of frame 0, 30 at the right of the last. */
  private Path dataset() {
    double[][][] u = new double[12][20][10];
    for (int t = 0; t < 12; t++) for (int x = 0; x < 20; x++) for (int y = 0; y < 10; y++) u[t][x][y] = x + t;
    Dataset ds = Dataset.builder().coord("time", Index.ofDoubles(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11))
        .variable(Variable.of("u", List.of("time", "x", "y"), Nd4j.createFromArray(u))).build();
    Path nc = dir.resolve("u.nc");
    Netcdf.write(ds, nc);
    return nc;
  }

  private Map<?, ?> probe(Path file) {
    return (Map<?, ?>) MovieJson.parse(Ffmpeg.probe("probe", List.of("-of", "json", "-count_frames", "-show_format",
        "-show_streams", file.toString())));
  }

  @Test
  void rendersAnH264Mp4WithTheRangeInItsMetadata() {
    Path nc = dataset();
    Path mp4 = dir.resolve("u.mp4");
    Run r = sweep("movie", nc.toString(), "--var", "u", "--over", "time", "-o", mp4.toString());
    assertEquals(0, r.status(), r.err());
    assertEquals(mp4 + ": 12 frames of u [x, y] over time, 260x130 pixels, viridis from 0.0 to 30.0, H.264\n", r.out());
    Map<?, ?> p = probe(mp4);
    Map<?, ?> stream = (Map<?, ?>) ((List<?>) p.get("streams")).get(0);
    assertEquals("h264", stream.get("codec_name"));
    assertEquals("yuv420p", stream.get("pix_fmt"));
    assertEquals(260L, stream.get("width"));
    assertEquals(130L, stream.get("height"));
    assertEquals("12", stream.get("nb_read_frames"));
    Map<?, ?> tags = (Map<?, ?>) ((Map<?, ?>) p.get("format")).get("tags");
    assertEquals("{\"variable\": \"u\", \"over\": \"time\", \"dims\": [\"x\", \"y\"], \"vmin\": 0.0, \"vmax\": 30.0, "
        + "\"colormap\": \"viridis\"}", tags.get("comment"));
    // the first frame's left edge is the darkest colour of the map, the last frame's right edge the brightest
    assertColour(mp4, 0, 2, 60, Viridis.entry(0));
    assertColour(mp4, 11, 257, 60, Viridis.entry(255));
    assertColour(mp4, 0, 130 + 6, 60, Viridis.entry((int) Math.round(10.0 / 30 * 255)));
  }

  /** Asserts the colour of a pixel of a decoded frame, within what H.264's compression changes. */
  private void assertColour(Path movie, int frame, int x, int y, int rgb) {
    Path raw = dir.resolve("frame.rgb");
    Ffmpeg.run("decode", List.of("-i", movie.toString(), "-vf", "select=eq(n\\," + frame + ")", "-frames:v", "1",
        "-f", "rawvideo", "-pix_fmt", "rgb24", "-y", raw.toString()));
    byte[] b;
    try {
      b = Files.readAllBytes(raw);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    int at = 3 * (y * 260 + x);
    int[] want = {rgb >> 16 & 0xff, rgb >> 8 & 0xff, rgb & 0xff};
    for (int c = 0; c < 3; c++) {
      int got = b[at + c] & 0xff;
      assertTrue(Math.abs(got - want[c]) <= 12, "frame " + frame + " pixel (" + x + ", " + y + ") channel " + c + ": "
          + got + " vs " + want[c]);
    }
  }

  @Test
  void rendersAGifOfATrajectory() {
    Path traj = dir.resolve("ou.nc");
    try (Trajectory t = Trajectory.builder().file(traj).field("x", "trajectory").build()) {
      for (int k = 0; k < 5; k++) t.store(k, Nd4j.linspace(k, k + 1, 64, org.nd4j.linalg.api.buffer.DataType.DOUBLE), k);
    }
    Path gif = dir.resolve("ou.gif");
    Run r = sweep("movie", traj.toString(), "--var", "x", "-o", gif.toString(), "--vmin", "0", "--vmax", "5");
    assertEquals(0, r.status(), r.err());
    assertTrue(r.out().startsWith(gif + ": 5 frames of x [trajectory] over time, 256x32 pixels"), r.out());
    Map<?, ?> stream = (Map<?, ?>) ((List<?>) probe(gif).get("streams")).get(0);
    assertEquals("gif", stream.get("codec_name"));
    assertEquals("5", stream.get("nb_read_frames"));
  }

  @Test
  void badOptionsAreNamed() {
    Path nc = dataset();
    Run r = sweep("movie", nc.toString(), "--var", "v", "-o", dir.resolve("a.mp4").toString());
    assertEquals(2, r.status());
    assertEquals("sweep movie: no variable 'v'; the variables are [u]\n", r.err());
    r = sweep("movie", nc.toString(), "--var", "u", "--over", "step", "-o", dir.resolve("a.mp4").toString());
    assertEquals("sweep movie: variable 'u' is over [time, x, y], not 'step'; choose the dimension the frames follow "
        + "with --over\n", r.err());
    r = sweep("movie", nc.toString(), "--var", "u", "-o", dir.resolve("a.mkv").toString());
    assertEquals("sweep movie: the preview " + dir.resolve("a.mkv") + " must be an .mp4 (H.264) or a .gif file\n", r.err());
    r = sweep("movie", dir.resolve("none.nc").toString(), "--var", "u", "-o", dir.resolve("a.mp4").toString());
    assertEquals("sweep movie: no such file: " + dir.resolve("none.nc") + "\n", r.err());
    r = sweep("movie", nc.toString(), "--var", "u", "--over", "x", "-o", dir.resolve("a.mp4").toString(), "--vmin", "1");
    assertEquals("sweep movie: give both --vmin and --vmax, or neither\n", r.err());
    assertFalse(Files.exists(dir.resolve("a.mp4")));
  }

  @Test
  void viridisIsMatplotlibs() {
    boolean mpl = Files.isExecutable(Tools.PYTHON)
        && Tools.run(dir, List.of(Tools.PYTHON.toString(), "-c", "import matplotlib")).code() == 0;
    org.junit.jupiter.api.Assumptions.assumeTrue(mpl, "matplotlib is missing; skipping");
    String out = Tools.run(dir, List.of(Tools.PYTHON.toString(), "-c", "from matplotlib import cm\nimport numpy as np\n"
        + "c = (np.array(cm.get_cmap('viridis')(np.linspace(0, 1, 256)))[:, :3] * 255).round().astype(int)\n"
        + "print(' '.join('%d' % (r * 65536 + g * 256 + b) for r, g, b in c))")).assertSuccess("matplotlib").out();
    String[] want = out.strip().split(" ");
    for (int i = 0; i < 256; i++) assertEquals(Integer.parseInt(want[i]), Viridis.entry(i), "entry " + i);
  }
}
