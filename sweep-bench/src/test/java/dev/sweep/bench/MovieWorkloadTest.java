package dev.sweep.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MovieWorkloadTest {
  @TempDir Path dir;

  @Test
  void theMovieWorkloadsAreRegisteredAndWritingReportsFramesPerSecondBesideFfmpeg() throws Exception {
    assertTrue(Workloads.names().containsAll(List.of("movie_write", "movie_read")));
    Path movie = dir.resolve("m.mkv");
    double seconds = MovieWorkload.write(movie, MovieWorkload.states(), 20);
    assertTrue(seconds > 0);
    Path raw = dir.resolve("m.raw");
    MovieWorkload.decodeRaw(movie, raw);
    assertEquals(20L * 256 * 256 * 2, java.nio.file.Files.size(raw), "the raw frames the store piped");
    assertTrue(MovieWorkload.ffmpegAlone(raw, dir.resolve("ref.mkv")) > 0);
    assertTrue(MovieWorkload.readAll(movie, 20) > 0, "it reads back every state (or throws)");
    assertTrue(MovieWorkload.randomGetMillis(movie, 10, 3) > 0);
  }
}
