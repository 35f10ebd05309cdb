package dev.sweep.movie;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sweep.data.Dataset;
import dev.sweep.data.Index;
import dev.sweep.store.RecordStore;
import dev.sweep.store.Stores;
import dev.sweep.traj.Trajectory;
import dev.sweep.traj.WriteMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Trajectories stored as movies through the bundled ffmpeg, read back within the stated error. */
class MovieStoreTest {
  @TempDir Path dir;

  @AfterEach
  void noFfmpegLeftBehind() {
    assertEquals(List.of(), Movies.ffmpegChildren(), "every ffmpeg process has ended");
  }

  private static Trajectory movie(Path file, MovieStore.Builder b, WriteMode mode) {
    return Trajectory.builder().store(m -> b.open(m)).writeMode(mode).chunkSize(4).build();
  }

  private static Trajectory movie(Path file, MovieStore.Builder b) {
    return movie(file, b, WriteMode.TRUNCATE_ONCE);
  }

  /** Writes states and returns them. */
  private static List<Dataset> write(Trajectory t, List<Dataset> states) {
    t.startWriting(states.get(0), Map.of("model", "test"));
    for (int i = 0; i < states.size(); i++) t.append(states.get(i), 0.5 * i);
    t.endWriting();
    return states;
  }

  private static List<Dataset> states(int n, long seed, List<String> dims, long[] shape, double lo, double hi) {
    Random rnd = new Random(seed);
    List<Dataset> out = new ArrayList<>();
    for (int i = 0; i < n; i++) out.add(Movies.randomState(rnd, "u", dims, shape, lo, hi));
    return out;
  }

  static Stream<Arguments> everyFormatAndGrid() {
    List<Arguments> out = new ArrayList<>();
    for (VideoFormat f : VideoFormat.values()) {
      int c = f.channels();
      // a scalar field on a 1-D and a 2-D grid, and a field of every channel the format has
      out.add(Arguments.of(f, List.of("x"), new long[] {33}));
      out.add(Arguments.of(f, List.of("x", "y"), new long[] {12, 7}));
      if (c > 1) {
        out.add(Arguments.of(f, List.of("component", "x"), new long[] {c, 20}));
        out.add(Arguments.of(f, List.of("component", "x", "y"), new long[] {c, 9, 10}));
      }
    }
    return out.stream();
  }

  @ParameterizedTest(name = "{0} {1} {2}")
  @MethodSource("everyFormatAndGrid")
  void readsBackWithinHalfALevelForEveryFormat(VideoFormat format, List<String> dims, long[] shape) {
    Path file = dir.resolve("m.mkv");
    List<Dataset> states = states(5, 42, dims, shape, -2, 3);
    try (Trajectory t = movie(file, MovieStore.builder(file).vmin(-2).vmax(3).videoFormat(format))) {
      write(t, states);
    }
    double bound = 5.0 / format.maxLevel() / 2;
    try (Trajectory back = Trajectory.open(file); MovieStore store = MovieStore.open(file)) {
      assertEquals(5, back.size());
      assertEquals(format, store.videoFormat().orElseThrow());
      assertEquals(bound, store.maxError("u"), 1e-15);
      double worst = 0;
      for (int i = 0; i < 5; i++) {
        Dataset s = back.get(i);
        assertEquals(dims, s.variable("u").dims());
        assertArrayEquals(shape, s.variable("u").shape());
        worst = Math.max(worst, Movies.maxDiff(states.get(i), s, "u"));
      }
      assertTrue(worst <= bound * (1 + 1e-9), "largest error " + worst + " within half a level " + bound);
      assertTrue(worst > bound / 4, "the data really went through " + format.bitsPerChannel() + " bits: " + worst);
      assertEquals("test", back.info().get("model"));
    }
  }

  @Test
  void truncatingWouldAllowAWholeLevelOfError() {
    // py-pde truncates (astype(uint)): its error bound is one level; sweep rounds, so a value just below a
    // level boundary comes back within half a level instead.
    Path file = dir.resolve("r.mkv");
    double level = 1.0 / 255;
    double v = 10 * level + 0.9 * level; // truncation would give 10 levels, an error of 0.9 level
    Dataset s = Movies.constantState("u", List.of("x"), new long[] {4}, v);
    try (Trajectory t = movie(file, MovieStore.builder(file).bitsPerChannel(8))) {
      t.startWriting(s);
      t.append(s, 0);
    }
    try (Trajectory back = Trajectory.open(file)) {
      assertEquals(11 * level, back.get(0).variable("u").getDouble(0), 1e-12);
    }
  }

  @Test
  void findsPyPdesFormats() {
    assertEquals(VideoFormat.GRAY, VideoFormat.find(1, 8).orElseThrow());
    assertEquals(VideoFormat.RGB24, VideoFormat.find(2, 7).orElseThrow());
    assertEquals(VideoFormat.GBRP16LE, VideoFormat.find(3, 9).orElseThrow());
    assertTrue(VideoFormat.find(5, 8).isEmpty());
    assertTrue(VideoFormat.find(1, 17).isEmpty());
    assertEquals(VideoFormat.GRAY16LE, VideoFormat.find(1, 16).orElseThrow());
    assertEquals(VideoFormat.RGB32, VideoFormat.find(4, 8).orElseThrow());
  }

  @ParameterizedTest
  @ValueSource(strings = {"m.mkv", "m.avi", "m.mov"})
  void everyContainerHoldsTheFramesAndMetadata(String name) {
    Path file = dir.resolve(name);
    List<Dataset> states = states(6, 7, List.of("x", "y"), new long[] {16, 8}, 0, 1);
    try (Trajectory t = Trajectory.builder().file(file).chunkSize(4).build()) {
      write(t, states);
    }
    try (Trajectory back = Trajectory.open(file)) {
      assertEquals(6, back.size());
      assertArrayEquals(new double[] {0, 0.5, 1, 1.5, 2, 2.5}, back.times(), 1e-12);
      for (int i = 0; i < 6; i++) assertTrue(Movies.maxDiff(states.get(i), back.get(i), "u") <= 0.5 / 65535 + 1e-12);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"seek.mkv", "seek.avi", "seek.mov"})
  void randomAccessGivesTheFrameAskedFor(String name) {
    Path file = dir.resolve(name);
    List<Dataset> states = new ArrayList<>();
    for (int i = 0; i < 40; i++) states.add(Movies.constantState("u", List.of("x"), new long[] {8}, i / 40.0));
    try (Trajectory t = movie(file, MovieStore.builder(file))) {
      write(t, states);
    }
    try (MovieStore store = MovieStore.open(file)) {
      for (int i : new int[] {39, 0, 17, 1, 38, 20, 21, 22, 25, 30, 5}) { // 25 and 30: a few frames ahead, skipped by decoding
        Dataset r = store.read(i, i + 1);
        assertEquals(i / 40.0, r.variable("u").getDouble(0, 0), 1e-5, "frame " + i);
        assertEquals(0.5 * i, r.variable("time").getDouble(0), 1e-12);
      }
      Dataset times = store.read(0, 40, List.of("time"));
      assertEquals(List.of("time"), List.copyOf(times.variables().keySet()), "the times alone, no frame decoded");
      assertEquals(19.5, times.variable("time").getDouble(39), 1e-12);
      Dataset block = store.read(10, 30);
      for (int j = 0; j < 20; j++) assertEquals((10 + j) / 40.0, block.variable("u").getDouble(j, 3), 1e-5);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"grow.mkv", "grow.avi", "grow.mov"})
  void appendsANewSessionAsASegmentWithoutReencoding(String name) throws Exception {
    Path file = dir.resolve(name);
    MovieStore.Builder b = MovieStore.builder(file).vmin(-1).vmax(1);
    List<Dataset> first = states(5, 1, List.of("x", "y"), new long[] {10, 6}, -1, 1);
    List<Dataset> second = states(7, 2, List.of("x", "y"), new long[] {10, 6}, -1, 1);
    try (Trajectory t = movie(file, b)) {
      write(t, first);
    }
    String before = ffprobeFrameHashes(file);
    try (Trajectory t = movie(file, b, WriteMode.APPEND)) {
      assertEquals(5, t.size());
      t.startWriting(second.get(0));
      for (int i = 0; i < 7; i++) t.append(second.get(i), 10 + i);
      t.endWriting();
    }
    String after = ffprobeFrameHashes(file);
    assertTrue(after.startsWith(before), "the first session's frames are copied, not re-encoded");
    try (Trajectory back = Trajectory.open(file)) {
      assertEquals(12, back.size());
      assertArrayEquals(new double[] {0, 0.5, 1, 1.5, 2, 2.5, 3, 3.5, 4, 4.5, 5, 5.5}, back.times(), 1e-12,
          "t_start and dt of the first session; the second's times were not equidistant with them (warned)");
      assertTrue(Movies.maxDiff(second.get(6), back.get(11), "u") <= 1.0 / 65535 + 1e-12, "the last frame, by seeking");
      for (int i = 0; i < 5; i++) assertTrue(Movies.maxDiff(first.get(i), back.get(i), "u") <= 1.0 / 65535 + 1e-12);
      for (int i = 0; i < 7; i++) assertTrue(Movies.maxDiff(second.get(i), back.get(5 + i), "u") <= 1.0 / 65535 + 1e-12);
    }
  }

  /** The packets' checksums, one per line (the compressed bytes of each frame). */
  private static String ffprobeFrameHashes(Path file) {
    return Ffmpeg.probe("hashing", List.of("-show_entries", "packet=size", "-select_streams", "v:0", "-of", "csv",
        file.toString()));
  }

  @Test
  void readingWhileWritingEndsTheSegmentAndWritingGoesOn() {
    Path file = dir.resolve("live.mkv");
    List<Dataset> states = states(9, 3, List.of("x"), new long[] {16}, 0, 1);
    try (Trajectory t = movie(file, MovieStore.builder(file))) {
      t.startWriting(states.get(0));
      for (int i = 0; i < 5; i++) t.append(states.get(i), i);
      assertTrue(Movies.maxDiff(states.get(2), t.get(2), "u") <= 1e-5, "a chunk written is readable");
      for (int i = 5; i < 9; i++) t.append(states.get(i), i);
      t.endWriting();
      assertEquals(9, t.size());
      assertTrue(Movies.maxDiff(states.get(8), t.get(8), "u") <= 1e-5);
    }
    try (Trajectory back = Trajectory.open(file)) {
      assertEquals(9, back.size());
      assertArrayEquals(new double[] {0, 1, 2, 3, 4, 5, 6, 7, 8}, back.times(), 0);
    }
  }

  @Test
  void keepsDimsLabelsTypesAndAttributes() {
    Path file = dir.resolve("labels.mkv");
    Dataset s = Movies.randomState(new Random(5), "u", List.of("component", "x"), new long[] {2, 6}, 0, 1);
    s = s.toBuilder().coord("x", Index.ofDoubles(0.5, 1.5, 2.5, 3.5, 4.5, 5.5)).removeVariable("u")
        .variable(s.variable("u").withAttrs(Map.of("units", "m/s", "order", 2))).build();
    Dataset f32 = Dataset.builder().variable(dev.sweep.data.Variable.of("c", List.of("x"),
        org.nd4j.linalg.factory.Nd4j.createFromArray(new float[] {0.1f, 0.2f, 0.3f, 0.4f, 0.5f, 0.6f}))).build();
    Dataset state = s.toBuilder().variable(f32.variable("c")).build();
    try (Trajectory t = Trajectory.builder().store(m -> MovieStore.builder(file).open(m))
        .info("seed", 7).info("dx", new double[] {1, 2}).build()) {
      t.startWriting(state, Map.of("name", "two fields"));
      t.append(state, 0.25);
    }
    try (Trajectory back = Trajectory.open(file)) {
      Dataset r = back.get(0);
      assertEquals(List.of("u", "c"), back.fields());
      assertEquals(List.of("component", "x"), r.variable("u").dims());
      assertEquals(Index.ofDoubles(0.5, 1.5, 2.5, 3.5, 4.5, 5.5), r.coord("x"));
      assertEquals(dev.sweep.data.DType.FLOAT, r.variable("c").type());
      assertEquals("m/s", r.variable("u").attrs().get("units"));
      assertEquals(2, r.variable("u").attrs().get("order"));
      assertEquals(7, back.info().get("seed"));
      assertArrayEquals(new double[] {1, 2}, (double[]) back.info().get("dx"));
      assertEquals("two fields", back.info().get("name"));
      assertEquals(0.3f, r.variable("c").getDouble(2), 1e-5);
    }
  }

  @Test
  void bitrateAndFrameRateReachTheEncoder() {
    Path file = dir.resolve("rate.mov");
    List<Dataset> states = new ArrayList<>();
    for (int i = 0; i < 12; i++) states.add(Movies.constantState("u", List.of("x", "y"), new long[] {8, 8}, i / 12.0));
    try (Trajectory t = movie(file, MovieStore.builder(file).bitrate(800).frameRate(10))) {
      write(t, states);
    }
    Map<?, ?> stream = (Map<?, ?>) ((List<?>) ((Map<?, ?>) MovieJson.parse(Ffmpeg.probe("probe", List.of("-of", "json",
        "-show_streams", file.toString())))).get("streams")).get(0);
    assertEquals("10/1", stream.get("avg_frame_rate"));
    try (MovieStore store = MovieStore.open(file)) {
      for (int i : new int[] {11, 3, 7}) assertEquals(i / 12.0, store.read(i, i + 1).variable("u").getDouble(0, 2, 2), 1e-5);
    }
  }

  @Test
  void theProviderTakesMoviesByExtension() {
    assertEquals("movie", Stores.providerFor(dir.resolve("a.mkv")).name());
    assertEquals("movie", Stores.providerFor(dir.resolve("a.AVI")).name());
    assertEquals("movie", Stores.providerFor(dir.resolve("a.mov")).name());
    assertEquals("netcdf", Stores.providerFor(dir.resolve("a.nc")).name());
  }

  @Test
  void truncateModeClearsTheMovie() {
    Path file = dir.resolve("t.mkv");
    List<Dataset> states = states(3, 9, List.of("x"), new long[] {5}, 0, 1);
    try (Trajectory t = movie(file, MovieStore.builder(file), WriteMode.TRUNCATE)) {
      write(t, states);
      write(t, states.subList(0, 2));
      assertEquals(2, t.size());
    }
    try (Trajectory back = Trajectory.open(file)) {
      assertEquals(2, back.size());
    }
    try (RecordStore s = MovieStore.builder(file).open(RecordStore.Mode.TRUNCATE)) {
      assertEquals(0, s.size());
    }
    assertFalse(Files.exists(file));
  }

  @Test
  void truncateOnceClearsAtTheFirstStartOnly() {
    Path file = dir.resolve("once.mkv");
    List<Dataset> states = states(3, 10, List.of("x"), new long[] {5}, 0, 1);
    try (Trajectory t = movie(file, MovieStore.builder(file))) {
      write(t, states);
    }
    try (Trajectory t = movie(file, MovieStore.builder(file))) {
      for (int k = 0; k < 3; k++) {
        t.startWriting(states.get(0));
        t.append(states.get(k), k);
        t.endWriting();
      }
      assertEquals(3, t.size(), "three sessions of one state: the first start cleared, the later ones appended");
    }
  }
}
