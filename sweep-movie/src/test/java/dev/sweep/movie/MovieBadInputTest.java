package dev.sweep.movie;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sweep.data.Dataset;
import dev.sweep.data.Variable;
import dev.sweep.store.IncompatibleStoreException;
import dev.sweep.store.RecordStore;
import dev.sweep.store.StoreFormatException;
import dev.sweep.traj.Trajectory;
import dev.sweep.traj.WriteMode;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.factory.Nd4j;

/** Every bad input gets a clear error naming what is wrong, and no movie is left half-written. */
class MovieBadInputTest {
  @TempDir Path dir;

  @AfterEach
  void noFfmpegLeftBehind() {
    assertEquals(List.of(), Movies.ffmpegChildren(), "every ffmpeg process has ended");
  }

  private Dataset state(String field, List<String> dims, long... shape) {
    return Movies.randomState(new Random(1), field, dims, shape, 0, 1);
  }

  /** Starts writing the state into a movie and appends it once; returns the error. */
  private <T extends Throwable> T refused(Class<T> type, MovieStore.Builder b, Dataset s) {
    Trajectory t = Trajectory.builder().store(b::open).chunkSize(1).build();
    T e = assertThrows(type, () -> {
      t.startWriting(s);
      t.append(s, 0);
    });
    // the state stays buffered (a trajectory retries a chunk that failed): closing fails alike, and ends every process
    assertEquals(e.getMessage(), assertThrows(type, t::close).getMessage());
    return e;
  }

  @Test
  void refusesComplexData() {
    Path f = dir.resolve("c.mkv");
    Exception e = refused(IllegalArgumentException.class, MovieStore.builder(f),
        state("z", List.of("x", "_pfnc_complex"), 8, 2));
    assertEquals("field 'z' holds complex values (its dimension '_pfnc_complex' holds the real and imaginary parts): "
        + "a movie stores real values; store the real and imaginary parts, or the modulus and phase, as fields of "
        + "their own", e.getMessage());
    assertFalse(Files.exists(f));
  }

  @Test
  void refusesNonFloatingFields() {
    Dataset s = Dataset.builder().variable(Variable.of("n", List.of("x"), Nd4j.createFromArray(1, 2, 3))).build();
    Exception e = refused(IllegalArgumentException.class, MovieStore.builder(dir.resolve("i.mkv")), s);
    assertEquals("field 'n' is int32: a movie stores real numbers (float64 or float32), mapped from [vmin, vmax] "
        + "onto its levels", e.getMessage());
  }

  @Test
  void refusesMoreThanFourChannels() {
    Exception e = refused(IllegalArgumentException.class, MovieStore.builder(dir.resolve("5.mkv")),
        state("u", List.of("component", "x"), 5, 8));
    assertEquals("the fields need 5 channels (u: 5); a movie holds at most 4 (one per component)", e.getMessage());
    Dataset two = state("u", List.of("component", "x"), 3, 8).toBuilder()
        .variable(state("v", List.of("component_v", "x"), 2, 8).variable("v")).build();
    e = refused(IllegalArgumentException.class, MovieStore.builder(dir.resolve("5b.mkv")), two);
    assertEquals("the fields need 5 channels (u: 3, v: 2); a movie holds at most 4 (one per component)", e.getMessage());
  }

  @Test
  void refusesAThreeDimensionalGrid() {
    Exception e = refused(IllegalArgumentException.class, MovieStore.builder(dir.resolve("3d.mkv")),
        state("u", List.of("x", "y", "z"), 4, 4, 4));
    assertEquals("field 'u' lies on a 3-D grid [x, y, z][4, 4, 4]: a movie holds 1-D or 2-D grids (its frames are "
        + "width x height); if some of these dimensions are components, name the grid with Builder.grid(...)",
        e.getMessage());
    Exception g = assertThrows(IllegalArgumentException.class, () -> MovieStore.builder(dir.resolve("g.mkv"))
        .grid("x", "y", "z"));
    assertEquals("grid [x, y, z] has 3 dimensions: a movie holds a 1-D or 2-D grid", g.getMessage());
  }

  @Test
  void theGridCanBeNamedWhenComponentsAreNotCalledComponent() {
    Path f = dir.resolve("rgb.mkv");
    Dataset s = state("u", List.of("rgb", "x", "y"), 3, 4, 4);
    try (Trajectory t = Trajectory.builder().store(m -> MovieStore.builder(f).grid("x", "y").open(m)).build()) {
      t.startWriting(s);
      t.append(s, 0);
    }
    try (MovieStore m = MovieStore.open(f)) {
      assertEquals(VideoFormat.GBRP16LE, m.videoFormat().orElseThrow());
    }
  }

  @Test
  void refusesAFrameOfAnotherShape() {
    Path f = dir.resolve("shape.mkv");
    try (Trajectory t = Trajectory.builder().store(MovieStore.builder(f)::open).chunkSize(1).build()) {
      t.startWriting(state("u", List.of("x", "y"), 8, 4));
      t.append(state("u", List.of("x", "y"), 8, 4), 0);
      Exception e = assertThrows(IllegalArgumentException.class, () -> t.append(state("u", List.of("x", "y"), 8, 5), 1));
      assertTrue(e.getMessage().contains("[8, 5]") && e.getMessage().contains("[8, 4]"), e.getMessage());
    }
    // straight to the store, as another writer than a trajectory would
    try (MovieStore m = MovieStore.builder(f).open(RecordStore.Mode.APPEND)) {
      Dataset other = records(state("u", List.of("x", "y"), 8, 5));
      IncompatibleStoreException e = assertThrows(IncompatibleStoreException.class, () -> m.append(other));
      assertEquals("cannot append to " + f + ": the records have fields u [x, y][8, 5] float64 instead of u [x, y][8, 4] "
          + "float64; write a new movie (WriteMode.TRUNCATE) or match the stored one", e.getMessage());
    }
    try (Trajectory back = Trajectory.open(f)) {
      assertEquals(1, back.size(), "the movie holds what it held");
    }
  }

  private static Dataset records(Dataset state) {
    Variable v = state.variable("u");
    long[] shape = new long[v.shape().length + 1];
    shape[0] = 1;
    System.arraycopy(v.shape(), 0, shape, 1, v.shape().length);
    List<String> dims = new java.util.ArrayList<>(List.of("time"));
    dims.addAll(v.dims());
    return Dataset.builder().variable(Variable.of("u", dims, v.array().reshape(shape)))
        .variable(Variable.of("time", List.of("time"), Nd4j.createFromArray(5.0))).build();
  }

  @Test
  void refusesToAppendWithAnotherFormatOrSize() throws Exception {
    Path f = dir.resolve("fmt.mkv");
    Dataset s = state("u", List.of("x"), 16);
    try (Trajectory t = Trajectory.builder().store(MovieStore.builder(f).bitsPerChannel(8)::open).build()) {
      t.startWriting(s);
      t.append(s, 0);
    }
    byte[] before = Files.readAllBytes(f);
    IncompatibleStoreException e;
    try (MovieStore m = MovieStore.builder(f).videoFormat(VideoFormat.GRAY16LE).open(RecordStore.Mode.APPEND)) {
      e = assertThrows(IncompatibleStoreException.class, () -> m.append(records(s)));
    }
    assertEquals("cannot append to " + f + ": the records have video format gray16le instead of gray; write a new "
        + "movie (WriteMode.TRUNCATE) or match the stored one", e.getMessage());
    try (MovieStore m = MovieStore.builder(f).vmin(-1).vmax(1).open(RecordStore.Mode.APPEND)) {
      e = assertThrows(IncompatibleStoreException.class, () -> m.append(records(s)));
    }
    assertEquals("cannot append to " + f + ": the records have vmin [-1.0], vmax [1.0] instead of vmin [0.0], vmax "
        + "[1.0]; write a new movie (WriteMode.TRUNCATE) or match the stored one", e.getMessage());
    try (Trajectory t = Trajectory.builder().store(MovieStore.builder(f)::open).writeMode(WriteMode.APPEND).build()) {
      Exception size = assertThrows(IllegalArgumentException.class, () -> t.startWriting(state("u", List.of("x"), 17)));
      assertTrue(size.getMessage().contains("[17]") && size.getMessage().contains("[16]"), size.getMessage());
    }
    assertArrayEquals(before, Files.readAllBytes(f), "the movie is untouched");
  }

  @Test
  void refusesBadBounds() {
    MovieStore.Builder b = MovieStore.builder(dir.resolve("b.mkv"));
    assertEquals("vmin 1.0 is not below vmax 1.0: expected vmin < vmax",
        assertThrows(IllegalArgumentException.class, () -> b.vmin(1)).getMessage());
    assertEquals("vmin [NaN]; expected finite numbers".replace("vmin [", "vmin is ["),
        assertThrows(IllegalArgumentException.class, () -> b.vmin(Double.NaN)).getMessage());
    assertEquals("vmax is [0.0, Infinity]; expected finite numbers",
        assertThrows(IllegalArgumentException.class, () -> b.vmax(0, Double.POSITIVE_INFINITY)).getMessage());
    assertEquals("vmin 2.0 is not below vmax 1.0 (field 1): expected vmin < vmax",
        assertThrows(IllegalArgumentException.class, () -> MovieStore.builder(dir.resolve("c.mkv")).vmin(0, 2))
            .getMessage());
    Dataset two = state("u", List.of("x"), 4).toBuilder().variable(state("v", List.of("x"), 4).variable("v")).build();
    Exception e = refused(IllegalArgumentException.class, MovieStore.builder(dir.resolve("d.mkv")).vmin(0, 0, 0), two);
    assertEquals("vmin has 3 values [0.0, 0.0, 0.0]; expected one for every field or one per field [u, v]",
        e.getMessage());
    assertEquals("bitsPerChannel is 17; expected 1 to 16 (the video formats hold 8 or 16 bits per channel)",
        assertThrows(IllegalArgumentException.class, () -> b.bitsPerChannel(17)).getMessage());
    assertEquals("the movie " + dir.resolve("x.mp4") + " has an extension ffmpeg's FFV1 containers do not: expected "
        + ".mkv, .avi or .mov",
        assertThrows(IllegalArgumentException.class, () -> MovieStore.builder(dir.resolve("x.mp4"))).getMessage());
  }

  @Test
  void refusesAMissingFile() {
    Path f = dir.resolve("missing.mkv");
    UncheckedIOException e = assertThrows(UncheckedIOException.class, () -> Trajectory.open(f));
    assertEquals("cannot read the movie " + f + ": the file does not exist", e.getMessage());
  }

  @Test
  void refusesEmptyAndNonVideoFilesQuotingFfprobe() throws Exception {
    Path empty = Files.createFile(dir.resolve("empty.mkv"));
    StoreFormatException e = assertThrows(StoreFormatException.class, () -> Trajectory.open(empty));
    assertTrue(e.getMessage().startsWith(empty + ": not a movie ffprobe can read: probing " + empty
        + ": ffmpeg exited with code 1; ffmpeg said: "), e.getMessage());
    assertTrue(e.getMessage().contains("Invalid data found when processing input"), e.getMessage());
    Path text = Files.writeString(dir.resolve("notes.avi"), "these are my notes, not a movie\n".repeat(100));
    e = assertThrows(StoreFormatException.class, () -> Trajectory.open(text));
    assertTrue(e.getMessage().contains("Invalid data found when processing input"), e.getMessage());
  }

  @Test
  void readsAMovieWithoutMetadataAsValuesInZeroToOneWithAWarning() {
    Path f = dir.resolve("foreign.mkv");
    // a movie another program made: four gray frames of levels 0, 51, 102, 153 and no comment tag
    byte[] raw = new byte[4 * 6 * 3];
    for (int k = 0; k < 4; k++) java.util.Arrays.fill(raw, k * 18, (k + 1) * 18, (byte) (51 * k));
    Path rawFile = dir.resolve("frames.raw");
    try {
      Files.write(rawFile, raw);
    } catch (java.io.IOException ex) {
      throw new UncheckedIOException(ex);
    }
    Ffmpeg.run("test movie", List.of("-f", "rawvideo", "-pix_fmt", "gray", "-s", "6x3", "-r", "25", "-i",
        rawFile.toString(), "-c:v", "ffv1", "-pix_fmt", "gray", "-y", f.toString()));
    Movies.Logged<Dataset> r = Movies.logged(() -> {
      try (Trajectory t = Trajectory.open(f)) {
        return t.toDataset();
      }
    });
    assertTrue(r.log().contains(f + ": the movie has no comment tag, where sweep and py-pde keep their metadata: "
        + "reading its frames as one field 'data' [x, y] of values in [0.0, 1.0]"), r.log());
    Variable v = r.value().variable("data");
    assertEquals(List.of("time", "x", "y"), v.dims());
    assertArrayEquals(new long[] {4, 6, 3}, v.shape());
    for (int k = 0; k < 4; k++) assertEquals(0.2 * k, v.getDouble(k, 5, 2), 1e-12);
  }

  @Test
  void infoNamedLikeAMetadataKeyIsKeptApart() {
    Path f = dir.resolve("info.mkv");
    Dataset s = state("u", List.of("x"), 4);
    try (Trajectory t = Trajectory.builder().store(MovieStore.builder(f)::open).build()) {
      t.startWriting(s, Map.of("dt", 0.001, "vmin", "the integrator's"));
      t.append(s, 0);
      t.append(s, 2);
    }
    try (Trajectory back = Trajectory.open(f)) {
      assertEquals(0.001, back.info().get("dt"), "the simulation's own dt, not the movie's 2");
      assertEquals("the integrator's", back.info().get("vmin"));
      assertArrayEquals(new double[] {0, 2}, back.times(), 0);
    }
  }

  @Test
  void aKilledEncoderLeavesTheMovieAsItWasAndSaysWhy() throws Exception {
    Path f = dir.resolve("kill.mkv");
    Dataset s = state("u", List.of("x", "y"), 64, 64);
    try (Trajectory t = Trajectory.builder().store(MovieStore.builder(f)::open).chunkSize(1).build()) {
      t.startWriting(s);
      t.append(s, 0);
    }
    byte[] before = Files.readAllBytes(f);
    Trajectory t = Trajectory.builder().store(MovieStore.builder(f)::open).writeMode(WriteMode.APPEND).chunkSize(1)
        .build();
    t.startWriting(s);
    t.append(s, 1);
    for (String p : Movies.ffmpegChildren()) ProcessHandle.of(Long.parseLong(p.split(" ")[0])).ifPresent(ProcessHandle::destroy);
    UncheckedIOException e = assertThrows(UncheckedIOException.class, () -> {
      for (int i = 2; i < 200; i++) t.append(s, i); // the pipe breaks as soon as its buffer is full
    });
    assertTrue(e.getMessage().startsWith("encoding " + f + ": writing frame "), e.getMessage());
    assertThrows(UncheckedIOException.class, t::close);
    assertArrayEquals(before, Files.readAllBytes(f), "the movie holds the first session, whole");
    try (Stream<Path> files = Files.list(dir)) {
      assertEquals(List.of("kill.mkv"), files.map(p -> p.getFileName().toString()).toList(), "no segment is left");
    }
  }
}
