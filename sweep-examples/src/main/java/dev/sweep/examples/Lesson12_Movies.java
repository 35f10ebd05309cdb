package dev.sweep.examples;

import dev.sweep.data.Dataset;
import dev.sweep.movie.MovieStore;
import dev.sweep.traj.Trajectory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Lesson 12: keep a trajectory as a movie. Lesson 8's 1,000 Ornstein-Uhlenbeck paths ({@code ou.nc},
 * 1,000 states of {@code x (component, trajectory)}) are copied into {@code ou.mkv}: each state one
 * frame of a lossless FFV1 movie, its 1,000 trajectories the pixels of a 1,000 x 1 frame, the
 * component its one 16-bit channel, values mapped from [vmin, vmax] = [-1.5, 3.5] onto 65,536 levels.
 * Read back, every value is within half a level, {@code 5 / 65535 / 2 = 3.8e-5}, of the original,
 * and the movie is smaller than the NetCDF file. {@code ./sweep movie ou.nc --var x -o ou.mp4}
 * renders the same data for people to watch.
 */
public final class Lesson12_Movies {
  /** The range mapped onto the movie's levels: the process starts at 2 and stays well inside. */
  public static final double VMIN = -1.5;
  public static final double VMAX = 3.5;

  private Lesson12_Movies() {}

  /**
   * What the lesson measured.
   *
   * @param states the states stored
   * @param format the video format chosen
   * @param maxError the largest difference between a value read back and the original
   * @param bound half a level of the range: the most {@code maxError} may be
   * @param netcdfBytes the size of {@code ou.nc}
   * @param movieBytes the size of {@code ou.mkv}
   */
  public record Result(long states, String format, double maxError, double bound, long netcdfBytes, long movieBytes) {}

  /**
   * Copies the trajectory of {@code ou.nc} into {@code ou.mkv} beside it and compares them.
   *
   * @param ouNc lesson 8's file
   * @return the measurements
   */
  public static Result run(Path ouNc) {
    Path movie = ouNc.resolveSibling("ou.mkv");
    MovieStore.Builder settings = MovieStore.builder(movie).vmin(VMIN).vmax(VMAX).bitsPerChannel(16);
    try (Trajectory source = Trajectory.open(ouNc);
        Trajectory target = Trajectory.builder().store(settings::open).writeMode(dev.sweep.traj.WriteMode.TRUNCATE)
            .build()) {
      source.copyTo(target);
    }
    double worst = 0;
    long states;
    String format;
    double bound;
    try (Trajectory original = Trajectory.open(ouNc);
        Trajectory back = Trajectory.open(movie);
        MovieStore store = MovieStore.open(movie)) {
      states = back.size();
      format = store.videoFormat().orElseThrow().id();
      bound = store.maxError("x");
      var a = original.iterator();
      var b = back.iterator();
      while (a.hasNext()) {
        double[] x = a.next().state().variable("x").toDoubleArray();
        double[] y = b.next().state().variable("x").toDoubleArray();
        for (int i = 0; i < x.length; i++) worst = Math.max(worst, Math.abs(x[i] - y[i]));
      }
    }
    try {
      return new Result(states, format, worst, bound, Files.size(ouNc), Files.size(movie));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static void main(String[] args) {
    Path dir = Path.of(args.length > 0 ? args[0] : ".");
    Dataset ou = Lesson08_Trajectories.ensemble(dir, 42);
    System.out.println(ou.sizes());
    System.out.println(run(dir.resolve("ou.nc")));
  }
}
