package dev.sweep.examples;

import dev.sweep.data.Dataset;
import dev.sweep.follow.FollowSource;
import dev.sweep.follow.FrameFollower;
import dev.sweep.follow.ScanFrame;
import dev.sweep.follow.StopReason;
import dev.sweep.io.FollowSources;
import dev.sweep.io.netcdf.NetcdfRecordStore;
import dev.sweep.store.RecordStore;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Lesson 13: process a scan's frames while another process is still writing them. A writer JVM
 * ({@link Writer}) scans a 10x20 grid point by point, a few milliseconds apart, appending a 64x64
 * detector frame per point to the NetCDF record file {@code scan.nc}: {@code frame (point, y, x)}, its
 * key {@code key (point)} (non-zero once the frame is written) and {@code finished (point)}, set on the
 * last point. Meanwhile this process follows the file with a {@link FrameFollower}, sums each frame as
 * soon as it is complete, prints the sums a grid row at a time, and stops at the finished flag.
 */
public final class Lesson13_Follow {
  /** The grid: rows and columns of scan points. */
  public static final int ROWS = 10;
  public static final int COLS = 20;
  /** The detector: a frame of SIZE x SIZE pixels per point. */
  public static final int SIZE = 64;
  /** Milliseconds between two points of the writer. */
  public static final long DELAY_MS = 3;

  private Lesson13_Follow() {}

  /** What the lesson saw. */
  public record Result(double[] sums, StopReason stop, long polls, int writerExit) {}

  /**
   * Frame {@code i}: a background of 1 and a spot whose brightness and place change over the grid.
   *
   * @param i the flat index of the scan point, {@code row * COLS + col}
   * @return the frame, {@code [y][x]}
   */
  public static double[][] frame(int i) {
    int row = i / COLS;
    int col = i % COLS;
    double brightness = 100 * Math.sin(Math.PI * (row + 0.5) / ROWS) * Math.sin(Math.PI * (col + 0.5) / COLS);
    double cx = 16 + 32.0 * col / (COLS - 1);
    double cy = 16 + 32.0 * row / (ROWS - 1);
    double[][] f = new double[SIZE][SIZE];
    for (int y = 0; y < SIZE; y++) {
      for (int x = 0; x < SIZE; x++) {
        double r2 = (x - cx) * (x - cx) + (y - cy) * (y - cy);
        f[y][x] = 1 + brightness * Math.exp(-r2 / (2 * 3.0 * 3.0));
      }
    }
    return f;
  }

  /** The writer process: {@code Writer FILE} scans the grid into FILE, printing {@code ready} after point 0. */
  public static final class Writer {
    private Writer() {}

    /**
     * Scans the grid.
     *
     * @param args the file to write
     * @throws InterruptedException if interrupted between points
     */
    public static void main(String[] args) throws InterruptedException {
      Path file = Path.of(args[0]);
      // Each append is one positioned write and then the record count: the count is what a follower
      // polls, so it never sees a frame before its bytes. ON_CLOSE: no fsync per point (a follower
      // reads the page cache; only a power failure needs the disk).
      try (RecordStore scan = NetcdfRecordStore.open(file, RecordStore.Mode.TRUNCATE, NetcdfRecordStore.Sync.ON_CLOSE)) {
        int n = ROWS * COLS;
        for (int i = 0; i < n; i++) {
          scan.append(Dataset.builder()
              .variable("key", List.of("point"), Nd4j.createFromArray(new int[] {i + 1}))
              .variable("frame", List.of("point", "y", "x"), Nd4j.createFromArray(new double[][][] {frame(i)}))
              .variable("finished", List.of("point"), Nd4j.createFromArray(new int[] {i == n - 1 ? 1 : 0}))
              .attrs(java.util.Map.of("rows", ROWS, "cols", COLS))
              .build());
          if (i == 0) System.out.println("ready");
          System.out.flush();
          TimeUnit.MILLISECONDS.sleep(DELAY_MS);
        }
      }
      System.out.println("done");
    }
  }

  /**
   * Starts the writer JVM, follows its file and prints each grid row's frame sums as the row completes.
   *
   * @param dir where {@code scan.nc} goes
   * @param o where the rows go
   * @return the sums, why the follower stopped, its polls and the writer's exit status
   * @throws IOException if the writer cannot be started
   * @throws InterruptedException if interrupted while waiting for the writer
   */
  public static Result run(Path dir, PrintStream o) throws IOException, InterruptedException {
    Path file = dir.resolve("scan.nc");
    Files.deleteIfExists(file);
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process writer = new ProcessBuilder(java, "-Xmx256m", "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn",
        "-cp", System.getProperty("java.class.path"), Writer.class.getName(), file.toString())
        .redirectError(ProcessBuilder.Redirect.INHERIT).start();
    try (BufferedReader lines = new BufferedReader(new InputStreamReader(writer.getInputStream(), StandardCharsets.UTF_8))) {
      String line = lines.readLine(); // the writer's signal: the file exists and holds point 0
      if (!"ready".equals(line)) throw new IllegalStateException("the writer printed " + line + " instead of 'ready'");
      double[] sums = new double[ROWS * COLS];
      StopReason stop;
      long polls;
      try (FollowSource scan = FollowSources.open(file)) {
        FrameFollower frames = FrameFollower.builder(scan).keys("key").data("frame").finished("finished")
            .timeout(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(10)).build();
        List<String> row = new ArrayList<>();
        for (ScanFrame f : frames) {
          int i = (int) f.index();
          sums[i] = f.slice("frame").sum();
          row.add(String.format(Locale.ROOT, "%.0f", sums[i]));
          if (row.size() == COLS) {
            o.println("row " + (i / COLS) + ": " + String.join(" ", row));
            row.clear();
          }
        }
        stop = frames.stopReason().orElseThrow();
        polls = frames.keys().polls();
      }
      while (lines.readLine() != null) { } // the writer's "done"
      if (!writer.waitFor(60, TimeUnit.SECONDS)) throw new IllegalStateException("the writer did not exit");
      return new Result(sums, stop, polls, writer.exitValue());
    } finally {
      if (writer.isAlive()) writer.destroyForcibly(); // the lesson failed before the writer finished
    }
  }

  /**
   * Runs the lesson into the current directory.
   *
   * @param args ignored
   * @throws Exception if it fails
   */
  public static void main(String[] args) throws Exception {
    Result r = run(Path.of("."), System.out);
    System.out.println("stopped: " + r.stop().description() + " (" + r.polls() + " polls)");
  }
}
