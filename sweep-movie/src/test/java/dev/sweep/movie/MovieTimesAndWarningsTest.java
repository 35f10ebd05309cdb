package dev.sweep.movie;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sweep.data.Dataset;
import dev.sweep.traj.Frame;
import dev.sweep.traj.Trajectory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Times (exact in a times file, or t_start + dt * i), the warnings py-pde gives, and the processes a store ends. */
class MovieTimesAndWarningsTest {
  @TempDir Path dir;

  @AfterEach
  void noFfmpegLeftBehind() {
    assertEquals(List.of(), Movies.ffmpegChildren(), "every ffmpeg process has ended");
  }

  private static Dataset state(double v) {
    return Movies.constantState("u", List.of("x"), new long[] {6}, v);
  }

  private static void write(Path file, MovieStore.Builder b, double[] times, double[] values) {
    try (Trajectory t = Trajectory.builder().store(b::open).build()) {
      t.startWriting(state(values[0]));
      for (int i = 0; i < times.length; i++) t.append(state(values[i]), times[i]);
    }
  }

  @Test
  void writeTimesKeepsExactTimesInATimesFile() throws Exception {
    Path file = dir.resolve("t.mkv");
    double[] times = {0, 0.1, 0.35, 1.0, 7.25};
    write(file, MovieStore.builder(file).writeTimes(true), times, new double[] {0.1, 0.2, 0.3, 0.4, 0.5});
    assertEquals("0.0\n0.1\n0.35\n1.0\n7.25\n", Files.readString(dir.resolve("t.mkv.times")), "py-pde's text file");
    try (Trajectory back = Trajectory.open(file)) {
      assertArrayEquals(times, back.times(), 0);
    }
    Files.delete(dir.resolve("t.mkv.times"));
    Movies.Logged<double[]> r = Movies.logged(() -> {
      try (Trajectory back = Trajectory.open(file)) {
        return back.times();
      }
    });
    assertTrue(r.log().contains("cannot read the times of " + file + " from " + dir.resolve("t.mkv.times")), r.log());
    assertArrayEquals(new double[] {0, 0.1, 0.2, 0.3, 0.4}, r.value(), 1e-12, "equidistant from t_start and dt");
  }

  @Test
  void withoutATimesFileAMismatchingTimeIsWarnedAboutOnce() {
    Path file = dir.resolve("m.mkv");
    Movies.Logged<Void> w = Movies.logged(() -> {
      write(file, MovieStore.builder(file), new double[] {1, 2, 3, 4.5, 9}, new double[] {0, 0, 0, 0, 0});
      return null;
    });
    assertTrue(w.log().contains(file + ": time mismatch: frame 3 was appended at t=4.5 but the movie keeps equidistant "
        + "times and says t=4.0 (t_start 1.0 + dt 1.0 * 3); build the store with writeTimes(true) to keep exact times"),
        w.log());
    assertEquals(1, w.log().split("time mismatch", -1).length - 1, "once");
    try (Trajectory back = Trajectory.open(file)) {
      assertArrayEquals(new double[] {1, 2, 3, 4, 5}, back.times(), 0);
    }
  }

  @Test
  void timeStepSetsTheTimesTheMovieSays() {
    Path file = dir.resolve("s.avi");
    write(file, MovieStore.builder(file).timeStep(10, 0.5), new double[] {10, 10.5, 11}, new double[] {0, 0, 0});
    try (Trajectory back = Trajectory.open(file)) {
      assertArrayEquals(new double[] {10, 10.5, 11}, back.times(), 0);
    }
  }

  @Test
  void valuesOutsideTheRangeAreClippedWithOneWarning() {
    Path file = dir.resolve("c.mkv");
    Movies.Logged<Void> w = Movies.logged(() -> {
      write(file, MovieStore.builder(file).vmin(-1).vmax(1), new double[] {0, 1, 2, 3},
          new double[] {0.5, 3, -7, Double.NaN});
      return null;
    });
    assertTrue(w.log().contains(file + ": values outside [vmin, vmax] are clipped to it (warned once per session): "
        + "field 'u' has the value 3.0 at record 1, outside [vmin, vmax] = [-1.0, 1.0]"), w.log());
    assertEquals(1, w.log().split("are clipped", -1).length - 1, "once");
    try (Trajectory back = Trajectory.open(file)) {
      assertEquals(0.5, back.get(0).variable("u").getDouble(0), 1.0 / 65535);
      assertEquals(1.0, back.get(1).variable("u").getDouble(0), 0);
      assertEquals(-1.0, back.get(2).variable("u").getDouble(0), 0);
      assertEquals(-1.0, back.get(3).variable("u").getDouble(0), 0, "NaN becomes vmin");
    }
  }

  @Test
  void closingMidIterationEndsTheDecoder() {
    Path file = dir.resolve("it.mkv");
    Random rnd = new Random(3);
    try (Trajectory t = Trajectory.builder().store(MovieStore.builder(file)::open).build()) {
      for (int i = 0; i < 30; i++) {
        Dataset s = Movies.randomState(rnd, "u", List.of("x", "y"), new long[] {128, 128}, 0, 1); // more than a pipe holds
        if (i == 0) t.startWriting(s);
        t.append(s, i);
      }
    }
    Trajectory back = Trajectory.builder().store(MovieStore.builder(file)::open)
        .writeMode(dev.sweep.traj.WriteMode.READ_ONLY).chunkSize(5).build();
    Iterator<Frame> it = back.iterator();
    for (int i = 0; i < 7; i++) it.next();
    assertFalse(Movies.ffmpegChildren().isEmpty(), "the decoder goes on for the next chunk");
    back.close();
    assertEquals(List.of(), Movies.ffmpegChildren());
  }
}
