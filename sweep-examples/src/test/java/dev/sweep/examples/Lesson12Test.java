package dev.sweep.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.sweep.data.Dataset;
import dev.sweep.traj.Trajectory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Lesson 12's numbers: lesson 8's trajectory as a 16-bit movie, read back within half a level. */
class Lesson12Test {
  @TempDir Path dir;

  @Test
  void theMovieHoldsEveryStateWithinHalfALevel() throws Exception {
    Lesson08_Trajectories.ensemble(dir, 42);
    Lesson12_Movies.Result r = Lesson12_Movies.run(dir.resolve("ou.nc"));
    assertEquals(1000, r.states());
    assertEquals("gray16le", r.format());
    assertEquals(5.0 / 65535 / 2, r.bound(), 1e-15);
    assertTrue(r.maxError() <= r.bound() * (1 + 1e-9), r.maxError() + " within " + r.bound());
    assertTrue(r.maxError() > r.bound() / 2, "values really were quantised: " + r.maxError());
    assertTrue(r.movieBytes() < r.netcdfBytes(), r.movieBytes() + " bytes vs " + r.netcdfBytes());
    try (Trajectory back = Trajectory.open(dir.resolve("ou.mkv"))) {
      Dataset first = back.get(0);
      assertEquals(Map.of("component", 1, "trajectory", 1000), first.sizes());
      assertEquals(0.01, back.time(1), 1e-12);
      assertEquals(9.99, back.time(-1), 1e-9);
      assertEquals("Ornstein-Uhlenbeck", back.info().get("process"));
      assertEquals(0.001, back.info().get("dt"), "lesson 8's integrator step, kept beside the movie's own dt");
    }
  }

  @Test
  void debiansFfprobeShowsTheLessonsMetadata() throws Exception {
    Path ffprobe = Path.of("/usr/bin/ffprobe");
    if (!Files.isExecutable(ffprobe)) {
      if ("true".equalsIgnoreCase(System.getenv("CI"))) fail(ffprobe + " is missing (apt-get install ffmpeg)");
      assumeTrue(false, ffprobe + " is missing; skipping");
    }
    Lesson08_Trajectories.ensemble(dir, 42);
    Lesson12_Movies.run(dir.resolve("ou.nc"));
    Process p = new ProcessBuilder(List.of(ffprobe.toString(), "-v", "error", "-show_format", "-show_streams",
        dir.resolve("ou.mkv").toString())).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(60, TimeUnit.SECONDS));
    assertEquals(0, p.exitValue(), out);
    assertTrue(out.contains("codec_name=ffv1"), out);
    assertTrue(out.contains("pix_fmt=gray16le"), out);
    assertTrue(out.contains("width=1000"), out);
    assertTrue(out.contains("TAG:COMMENT='{\"version\": 1, \"vmin\": -1.5, \"vmax\": 3.5, \"write_times\": false, "
        + "\"video_format\": \"gray16le\", \"dt\": 0.01, \"t_start\": 0.0, \"num_frames\": 1000, "), out);
    assertTrue(out.contains("\"process\": \"Ornstein-Uhlenbeck\""), out);
  }
}
