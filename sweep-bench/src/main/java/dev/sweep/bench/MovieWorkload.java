package dev.sweep.bench;

import dev.sweep.data.Dataset;
import dev.sweep.movie.MovieStore;
import dev.sweep.traj.Frame;
import dev.sweep.traj.Trajectory;
import dev.sweep.traj.WriteMode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.bytedeco.javacpp.Loader;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The movie workloads: 256 x 256 states written as a 16-bit FFV1 movie through a trajectory, beside
 * the bundled ffmpeg encoding the same raw frames from a file; and a movie read in order and at random.
 */
final class MovieWorkload {
  static final int SIDE = 256;

  private MovieWorkload() {}

  /** Sixteen states of a travelling wave with a little noise, as a simulation's fields look: in [0, 1]. */
  static List<Dataset> states() {
    List<Dataset> out = new ArrayList<>();
    SplittableRandom rnd = new SplittableRandom(7);
    for (int k = 0; k < 16; k++) {
      double[] u = new double[SIDE * SIDE];
      for (int i = 0; i < SIDE; i++) {
        for (int j = 0; j < SIDE; j++) {
          double wave = Math.sin(2 * Math.PI * (i + 2 * j + 8 * k) / SIDE) * Math.cos(2 * Math.PI * j / SIDE);
          u[i * SIDE + j] = 0.5 + 0.4 * wave + 0.01 * rnd.nextGaussian();
        }
      }
      out.add(Dataset.builder().variable("u", List.of("x", "y"), Nd4j.createFromArray(u).reshape(SIDE, SIDE)).build());
    }
    return out;
  }

  /** Writes {@code frames} states into a new movie; returns the seconds taken, until the movie is closed. */
  static double write(Path movie, List<Dataset> states, int frames) {
    long t0 = System.nanoTime();
    try (Trajectory t = Trajectory.builder().store(MovieStore.builder(movie).vmin(0).vmax(1).bitsPerChannel(16)::open)
        .writeMode(WriteMode.TRUNCATE).chunkSize(100).build()) {
      t.startWriting(states.get(0));
      for (int k = 0; k < frames; k++) t.append(states.get(k % states.size()), k * 0.01);
      t.endWriting();
    }
    return (System.nanoTime() - t0) / 1e9;
  }

  static String ffmpeg() {
    return Loader.load(org.bytedeco.ffmpeg.ffmpeg.class);
  }

  /** Runs the bundled ffmpeg to its end; returns the seconds taken. */
  static double run(List<String> args) {
    List<String> cmd = new ArrayList<>(List.of(ffmpeg(), "-hide_banner", "-nostats", "-loglevel", "error", "-nostdin"));
    cmd.addAll(args);
    long t0 = System.nanoTime();
    try {
      Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
      byte[] out = p.getInputStream().readAllBytes();
      if (!p.waitFor(10, TimeUnit.MINUTES) || p.exitValue() != 0) {
        throw new IllegalStateException("ffmpeg failed: " + new String(out, java.nio.charset.StandardCharsets.UTF_8));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
    return (System.nanoTime() - t0) / 1e9;
  }

  /** The raw gray16le frames of a movie, decoded into a file: the bytes the store piped into ffmpeg. */
  static void decodeRaw(Path movie, Path raw) {
    run(List.of("-i", movie.toString(), "-f", "rawvideo", "-pix_fmt", "gray16le", "-y", raw.toString()));
  }

  /** The bundled ffmpeg encoding raw frames from a file into an FFV1 movie, as the store asks it to; seconds. */
  static double ffmpegAlone(Path raw, Path out) {
    return run(List.of("-f", "rawvideo", "-pix_fmt", "gray16le", "-s", SIDE + "x" + SIDE, "-r", "25", "-i",
        raw.toString(), "-c:v", "ffv1", "-pix_fmt", "gray16le", "-f", "matroska", "-y", out.toString()));
  }

  /** Iterates over every state of the movie; returns the seconds taken. */
  static double readAll(Path movie, int expected) {
    long t0 = System.nanoTime();
    long n = 0;
    double sum = 0;
    try (Trajectory t = Trajectory.open(movie)) {
      for (Frame f : t) {
        sum += f.state().variable("u").getDouble(0, 0);
        n++;
      }
    }
    if (n != expected || Double.isNaN(sum)) throw new IllegalStateException("read " + n + " states, expected " + expected);
    return (System.nanoTime() - t0) / 1e9;
  }

  /** Median milliseconds of {@code reads} random {@code get(i)} with i within 50 of {@code around}. */
  static double randomGetMillis(Path movie, int around, int reads) {
    try (Trajectory t = Trajectory.open(movie)) {
      SplittableRandom rnd = new SplittableRandom(around);
      long n = t.size();
      double[] ms = new double[reads];
      t.get(around); // warm
      for (int k = 0; k < reads; k++) {
        long i = Math.max(0, Math.min(n - 1, around + rnd.nextInt(100) - 50));
        long t0 = System.nanoTime();
        t.get(i);
        ms[k] = (System.nanoTime() - t0) / 1e6;
      }
      Arrays.sort(ms);
      return ms[reads / 2];
    }
  }

  static Result write(boolean quick, Path dir) throws IOException {
    Files.createDirectories(dir);
    Path movie = dir.resolve("movie-write.mkv");
    Path raw = dir.resolve("movie-write.raw");
    Path ref = dir.resolve("movie-ffmpeg.mkv");
    int frames = quick ? 300 : 1000;
    int reps = quick ? 3 : 5;
    List<Dataset> states = states();
    double[] ours = new double[reps];
    double[] alone = new double[reps];
    try {
      write(movie, states, frames); // warm-up: the JIT, ND4J, the page cache
      decodeRaw(movie, raw);
      ffmpegAlone(raw, ref);
      for (int rep = 0; rep < reps; rep++) { // interleaved, so a busy machine weighs on both alike
        ours[rep] = write(movie, states, frames);
        alone[rep] = ffmpegAlone(raw, ref);
      }
      Arrays.sort(ours);
      Arrays.sort(alone);
      double rate = frames / ours[reps / 2];
      double ref0 = frames / alone[reps / 2];
      return new Result("movie_write", Math.round(rate), "frames/s", ">= 0.8 x ffmpeg alone", rate >= 0.8 * ref0,
          String.format(Locale.ROOT, "%,d states of 256x256 float64 as gray16le FFV1 (.mkv, %.1f MB) through a "
              + "Trajectory, until closed; the bundled ffmpeg encoding the same raw frames from a file: %.0f frames/s, "
              + "ratio %.2f", frames, Files.size(movie) / 1e6, ref0, rate / ref0));
    } finally {
      for (Path p : List.of(movie, raw, ref)) Files.deleteIfExists(p);
    }
  }

  static Result read(boolean quick, Path dir) throws IOException {
    Files.createDirectories(dir);
    Path movie = dir.resolve("movie-read.mkv");
    int frames = 1000;
    try {
      write(movie, states(), frames);
      readAll(movie, frames); // warm-up
      double[] seconds = new double[quick ? 3 : 5];
      for (int rep = 0; rep < seconds.length; rep++) seconds[rep] = readAll(movie, frames);
      Arrays.sort(seconds);
      double rate = frames / seconds[seconds.length / 2];
      double[] alone = new double[seconds.length];
      for (int rep = 0; rep < alone.length; rep++) {
        alone[rep] = run(List.of("-i", movie.toString(), "-f", "rawvideo", "-pix_fmt", "gray16le", "-y", "/dev/null"));
      }
      Arrays.sort(alone);
      double ref = frames / alone[alone.length / 2];
      int reads = quick ? 11 : 31;
      double early = randomGetMillis(movie, 50, reads);
      double late = randomGetMillis(movie, frames - 50, reads);
      return new Result("movie_read", Math.round(rate), "frames/s", "get(i) near the end <= 1.5 x near the start",
          late <= 1.5 * early, String.format(Locale.ROOT, "iterating a 1,000-frame 256x256 gray16le movie (one "
              + "decoding process; the bundled ffmpeg decoding it alone to /dev/null: %.0f frames/s, ratio %.2f); "
              + "random get(i): %.0f ms near i=0, %.0f ms near i=%d (ratio %.2f), each a new ffmpeg process seeking "
              + "to the frame", ref, rate / ref, early, late, frames - 50, late / early));
    } finally {
      Files.deleteIfExists(movie);
    }
  }
}
