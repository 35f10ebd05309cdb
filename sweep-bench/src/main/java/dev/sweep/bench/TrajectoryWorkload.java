package dev.sweep.bench;

import dev.sweep.data.Dataset;
import dev.sweep.io.netcdf.NetcdfRecordStore;
import dev.sweep.traj.Frame;
import dev.sweep.traj.Trajectory;
import dev.sweep.traj.WriteMode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The trajectory workloads: a simulation's states of 64 x 64 float64 written into a NetCDF record file
 * in chunks of 100, and that file read back sequentially and at random. Also the child process of the
 * memory figure ({@code main}).
 */
public final class TrajectoryWorkload {
  static final int SIDE = 64;
  static final int CHUNK = 100;

  private TrajectoryWorkload() {}

  /** A state of random doubles (incompressible, as disk_write's bytes). */
  static Dataset state(long seed) {
    SplittableRandom rnd = new SplittableRandom(seed);
    double[] u = new double[SIDE * SIDE];
    for (int i = 0; i < u.length; i++) u[i] = rnd.nextDouble();
    return Dataset.builder().variable("u", List.of("x", "y"), Nd4j.createFromArray(u).reshape(SIDE, SIDE)).build();
  }

  /** Writes {@code states} states (two alternating ones) into a new file as a trajectory does by default; returns the seconds. */
  static double write(Path file, int states) {
    return write(file, states, NetcdfRecordStore.Sync.ON_CLOSE);
  }

  /** Writes {@code states} states into a new file with the given sync policy; returns the seconds taken. */
  static double write(Path file, int states, NetcdfRecordStore.Sync sync) {
    Dataset a = state(1);
    Dataset b = state(2);
    long t0 = System.nanoTime();
    try (Trajectory t = Trajectory.builder().store(mode -> NetcdfRecordStore.open(file, mode, sync)).chunkSize(CHUNK)
        .writeMode(WriteMode.TRUNCATE).build()) {
      t.startWriting(a);
      for (int k = 0; k < states; k++) t.append(k % 2 == 0 ? a : b, k * 0.01);
      t.endWriting();
    }
    return (System.nanoTime() - t0) / 1e9;
  }

  /** Iterates over every state of the file; returns the seconds taken. */
  static double readAll(Path file, int expected) {
    long t0 = System.nanoTime();
    long n = 0;
    double sum = 0;
    try (Trajectory t = Trajectory.open(file)) {
      for (Frame f : t) {
        sum += f.state().variable("u").getDouble(0, 0);
        n++;
      }
    }
    if (n != expected || Double.isNaN(sum)) throw new IllegalStateException("read " + n + " states, expected " + expected);
    return (System.nanoTime() - t0) / 1e9;
  }

  /** Mean microseconds of {@code reads} random {@code get(i)} with i near {@code around}. */
  static double randomGetMicros(Path file, int around, int reads) {
    try (Trajectory t = Trajectory.open(file)) {
      SplittableRandom rnd = new SplittableRandom(around);
      long n = t.size();
      for (int k = 0; k < 20; k++) t.get(Math.min(n - 1, around + rnd.nextInt(100))); // warm
      long t0 = System.nanoTime();
      for (int k = 0; k < reads; k++) t.get(Math.min(n - 1, around + rnd.nextInt(100)));
      return (System.nanoTime() - t0) / 1e3 / reads;
    }
  }

  /** The child of trajectory_memory: writes args[1] states into args[0], then prints its peak RSS in kB. */
  public static void main(String[] args) throws IOException {
    Nd4j.create(org.nd4j.linalg.api.buffer.DataType.DOUBLE, 4).addi(1);
    Path file = Path.of(args[0]);
    write(file, Integer.parseInt(args[1]));
    Files.deleteIfExists(file);
    System.out.println(MemoryProbe.peakKb());
  }
}
