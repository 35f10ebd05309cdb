package dev.sweep.bench;

import dev.sweep.data.Dataset;
import dev.sweep.follow.FollowSource;
import dev.sweep.follow.FrameFollower;
import dev.sweep.follow.ScanFrame;
import dev.sweep.io.FollowSources;
import dev.sweep.io.netcdf.NetcdfRecordStore;
import dev.sweep.store.RecordStore;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The follower workloads: the delay from a writer process's flush of a key to the follower yielding
 * that frame, for a NetCDF-3 record file (a writer JVM, {@link #main}) and an HDF5 file (h5py in SWMR
 * mode), at a 10 ms poll; and the CPU a follower costs while it waits for a frame that does not come.
 * Writer and follower stamp the wall clock (microseconds on Linux), which both processes share.
 */
public final class FollowWorkload {
  static final Duration POLL = Duration.ofMillis(10);
  static final int SIDE = 64;
  static final long WRITER_PAUSE_MS = 20;
  private static final Path PYTHON = Path.of("/usr/bin/python3");

  private FollowWorkload() {}

  private static long epochNanos() {
    Instant t = Instant.now();
    return t.getEpochSecond() * 1_000_000_000L + t.getNano();
  }

  /**
   * The NetCDF writer: {@code FollowWorkload FILE POINTS} appends a 64x64 frame and its key per point,
   * {@value #WRITER_PAUSE_MS} ms apart, printing {@code t I NANOS} (the wall clock) after each append;
   * after the first it prints {@code ready} and waits for a line on stdin; the finished flag on the last.
   *
   * @param args the file and the number of points
   * @throws InterruptedException if interrupted between points
   */
  public static void main(String[] args) throws InterruptedException {
    Path file = Path.of(args[0]);
    int points = Integer.parseInt(args[1]);
    double[][][] frame = new double[1][SIDE][SIDE];
    try (RecordStore scan = NetcdfRecordStore.open(file, RecordStore.Mode.TRUNCATE, NetcdfRecordStore.Sync.ON_CLOSE)) {
      for (int i = 0; i < points; i++) {
        frame[0][0][0] = i;
        scan.append(Dataset.builder()
            .variable("key", List.of("point"), Nd4j.createFromArray(new int[] {i + 1}))
            .variable("frame", List.of("point", "y", "x"), Nd4j.createFromArray(frame))
            .variable("finished", List.of("point"), Nd4j.createFromArray(new int[] {i == points - 1 ? 1 : 0}))
            .build());
        long t = epochNanos();
        System.out.println("t " + i + " " + t);
        if (i == 0) {
          System.out.println("ready");
          System.out.flush();
          waitForStart();
        }
        System.out.flush();
        TimeUnit.MILLISECONDS.sleep(WRITER_PAUSE_MS);
      }
    }
  }

  /** Waits for the follower's line on stdin: it has opened the file and is ready to time frames. */
  private static void waitForStart() {
    try {
      new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** The h5py writer: shaped like swmr_tools' mock_scan, one point every 20 ms, stamping each key flush. */
  static final String H5PY_WRITER = String.join("\n",
      "import sys, time, h5py, numpy as np",
      "path, n = sys.argv[1], int(sys.argv[2])",
      "f = h5py.File(path, 'w', libver='latest')",
      "d = f.create_dataset('entry/data', shape=(n, 64, 64), maxshape=(None, 64, 64), chunks=(1, 64, 64), dtype='f8')",
      "k = f.create_dataset('entry/keys/key_1', shape=(n,), maxshape=(None,), dtype='i4', fillvalue=0)",
      "fin = f.create_dataset('entry/finished', shape=(1,), dtype='i4')",
      "f.swmr_mode = True",
      "print('ready', flush=True)",
      "sys.stdin.readline()",
      "frame = np.zeros((64, 64))",
      "for i in range(n):",
      "    frame[0, 0] = i; d[i] = frame; d.flush()",
      "    k[i] = i + 1; k.flush()",
      "    print('t %d %d' % (i, time.time_ns()), flush=True)",
      "    time.sleep(0.02)",
      "fin[0] = 1; fin.flush(); f.close()");

  /** {@return whether Debian's h5py is there} */
  static boolean h5py() {
    if (!Files.isExecutable(PYTHON)) return false;
    try {
      Process p = new ProcessBuilder(PYTHON.toString(), "-c", "import h5py").redirectErrorStream(true).start();
      p.getOutputStream().close();
      p.getInputStream().readAllBytes();
      return p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** Delays in milliseconds, and the follower's polls. */
  record Delays(double[] millis, long polls) {
    double quantile(double q) {
      double[] s = millis.clone();
      Arrays.sort(s);
      return s[(int) Math.min(s.length - 1, Math.floor(q * s.length))];
    }
  }

  /** Follows a running writer, pairing each frame's yield stamp with the writer's flush stamp. */
  private static Delays follow(Process writer, Path file, String key, String data, String finished, int points,
      boolean sendStart) throws Exception {
    Map<Integer, Long> flushed = new ConcurrentHashMap<>();
    BufferedReader out = new BufferedReader(new InputStreamReader(writer.getInputStream(), StandardCharsets.UTF_8));
    for (String l = out.readLine(); !"ready".equals(l); l = out.readLine()) {
      if (l == null) throw new IllegalStateException("the writer exited before printing 'ready'");
    }
    Thread reader = new Thread(() -> {
      try {
        for (String l; (l = out.readLine()) != null; ) {
          String[] p = l.split(" ");
          if (p.length == 3 && p[0].equals("t")) flushed.put(Integer.parseInt(p[1]), Long.parseLong(p[2]));
        }
      } catch (IOException e) {
        // the writer ended
      }
    }, "writer-stamps");
    reader.setDaemon(true);
    reader.start();
    long[] yielded = new long[points];
    long polls;
    try (FollowSource source = FollowSources.open(file)) {
      FrameFollower f = FrameFollower.builder(source).keys(key).data(data).finished(finished)
          .timeout(Duration.ofSeconds(60)).pollInterval(POLL).build();
      if (sendStart) {
        writer.getOutputStream().write('\n');
        writer.getOutputStream().flush();
      }
      int n = 0;
      for (ScanFrame frame : f) {
        yielded[(int) frame.index()] = epochNanos();
        n++;
      }
      if (n != points) throw new IllegalStateException("the follower yielded " + n + " of " + points + " frames");
      polls = f.keys().polls();
    }
    if (!writer.waitFor(60, TimeUnit.SECONDS)) throw new IllegalStateException("the writer did not exit");
    reader.join(10_000);
    // Point 0 exists before the follower starts (the NetCDF file is made by its first append): skip it.
    double[] ms = new double[points - 1];
    for (int i = 1; i < points; i++) {
      Long t = flushed.get(i);
      if (t == null) throw new IllegalStateException("the writer did not stamp point " + i);
      ms[i - 1] = Math.max(0, yielded[i] - t) / 1e6;
    }
    return new Delays(ms, polls);
  }

  static Delays netcdf(int points, Path workDir) throws Exception {
    Path file = Files.createTempDirectory(workDir, "follow-nc").resolve("scan.nc");
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process w = new ProcessBuilder(java, "-Xmx256m", "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn", "-cp",
        System.getProperty("java.class.path"), FollowWorkload.class.getName(), file.toString(), "" + points)
        .redirectError(ProcessBuilder.Redirect.INHERIT).start();
    try {
      return follow(w, file, "key", "frame", "finished", points, true);
    } finally {
      w.destroyForcibly();
    }
  }

  static Delays hdf5(int points, Path workDir) throws Exception {
    Path dir = Files.createTempDirectory(workDir, "follow-h5");
    Path script = Files.writeString(dir.resolve("writer.py"), H5PY_WRITER);
    Path file = dir.resolve("scan.h5");
    Process w = new ProcessBuilder(PYTHON.toString(), "-u", script.toString(), file.toString(), "" + points)
        .redirectError(ProcessBuilder.Redirect.INHERIT).start();
    try {
      return follow(w, file, "/entry/keys/key_1", "/entry/data", "/entry/finished", points, true);
    } finally {
      w.destroyForcibly();
    }
  }

  static int points(boolean quick) {
    return quick ? 60 : 250;
  }

  private static String ms(double v) {
    return String.format(Locale.ROOT, "%.1f ms", v);
  }

  static Result latency(boolean quick, Path workDir) throws Exception {
    Delays d = netcdf(points(quick), workDir);
    double median = d.quantile(0.5);
    return new Result("follow_latency", Math.round(median * 10) / 10.0, "ms", "median <= 20 ms (two polls)",
        median <= 2 * POLL.toMillis(), "NetCDF-3 record file, a writer JVM appending a 64x64 frame every 20 ms, "
        + "10 ms poll: median " + ms(median) + ", p95 " + ms(d.quantile(0.95)) + " over " + d.millis().length
        + " frames, " + d.polls() + " polls");
  }

  static Result latencyHdf5(boolean quick, Path workDir) throws Exception {
    if (!h5py()) {
      return new Result("follow_latency_hdf5", Double.NaN, "ms", "median <= 20 ms (two polls)", false,
          "skipped: /usr/bin/python3 cannot import h5py (apt-get install python3-h5py)");
    }
    Delays d = hdf5(points(quick), workDir);
    double median = d.quantile(0.5);
    return new Result("follow_latency_hdf5", Math.round(median * 10) / 10.0, "ms", "median <= 20 ms (two polls)",
        median <= 2 * POLL.toMillis(), "HDF5 file written by h5py in SWMR mode, a 64x64 frame every 20 ms, 10 ms poll "
        + "(jhdf reopens the file per poll): median " + ms(median) + ", p95 " + ms(d.quantile(0.95)) + " over "
        + d.millis().length + " frames, " + d.polls() + " polls");
  }

  /** The CPU time of the current thread while a follower waits out a timeout on a file that does not grow. */
  static double[] idle(Path file, String key, String data, double seconds) {
    ThreadMXBean mx = ManagementFactory.getThreadMXBean();
    try (FollowSource source = FollowSources.open(file)) {
      FrameFollower f = FrameFollower.builder(source).keys(key).data(data)
          .timeout(Duration.ofMillis((long) (seconds * 1000))).pollInterval(POLL).build();
      while (f.hasNext()) f.next();
      f.keys().reset();
      long polls0 = f.keys().polls();
      long cpu0 = mx.getCurrentThreadCpuTime();
      long t0 = System.nanoTime();
      while (f.hasNext()) f.next();
      double wall = (System.nanoTime() - t0) / 1e9;
      double cpu = (mx.getCurrentThreadCpuTime() - cpu0) / 1e9;
      long polls = f.keys().polls() - polls0;
      return new double[] {cpu / wall * 100, cpu / polls * 1e6, polls};
    }
  }

  static Result idleCpu(boolean quick, Path workDir) throws Exception {
    double seconds = quick ? 2 : 5;
    Path nc = Files.createTempDirectory(workDir, "follow-idle").resolve("idle.nc");
    try (NetcdfRecordStore store = NetcdfRecordStore.open(nc, RecordStore.Mode.TRUNCATE)) {
      for (int i = 0; i < 200; i++) {
        store.append(Dataset.builder()
            .variable("key", List.of("point"), Nd4j.createFromArray(new int[] {i + 1}))
            .variable("frame", List.of("point", "y", "x"), Nd4j.zeros(org.nd4j.linalg.api.buffer.DataType.DOUBLE, 1, SIDE, SIDE))
            .build());
      }
    }
    idle(nc, "key", "frame", 0.5); // warm-up
    double[] n = idle(nc, "key", "frame", seconds);
    String h5 = "HDF5 not measured (no h5py)";
    if (h5py()) {
      Path file = nc.resolveSibling("idle.h5");
      Process p = new ProcessBuilder(PYTHON.toString(), "-c", String.join("\n",
          "import sys, h5py, numpy as np",
          "f = h5py.File(sys.argv[1], 'w', libver='latest')",
          "f.create_dataset('entry/data', data=np.zeros((200, 64, 64)), maxshape=(None, 64, 64), chunks=(1, 64, 64))",
          "f.create_dataset('entry/keys/key_1', data=np.arange(1, 201, dtype='i4'), maxshape=(None,))",
          "f.close()"), file.toString()).redirectErrorStream(true).start();
      p.getOutputStream().close();
      p.getInputStream().readAllBytes();
      if (p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0) {
        idle(file, "/entry/keys/key_1", "/entry/data", 0.5);
        double[] h = idle(file, "/entry/keys/key_1", "/entry/data", seconds);
        h5 = String.format(Locale.ROOT, "HDF5 %.1f%% (%.0f us of CPU per poll: jhdf reopens the file)", h[0], h[1]);
      }
    }
    return new Result("follow_idle_cpu", Math.round(n[0] * 10) / 10.0, "% of a core", "< 5 %", n[0] < 5,
        String.format(Locale.ROOT, "a follower waiting %.0f s for a frame that does not come, 10 ms poll, 200 frames "
            + "held: NetCDF %.1f%% (%.0f us of CPU per poll), ", seconds, n[0], n[1]) + h5);
  }

  /** For tests: the delays of a short NetCDF run. */
  static List<Double> netcdfDelays(int points, Path workDir) throws Exception {
    List<Double> out = new ArrayList<>();
    for (double d : netcdf(points, workDir).millis()) out.add(d);
    return out;
  }
}
