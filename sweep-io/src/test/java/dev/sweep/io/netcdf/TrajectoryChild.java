package dev.sweep.io.netcdf;

import dev.sweep.data.Dataset;
import dev.sweep.data.Index;
import dev.sweep.traj.Trajectory;
import dev.sweep.traj.WriteMode;
import java.nio.file.Path;
import java.util.List;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A simulation that writes its states into a trajectory file: {@code write FILE CHUNK} appends states
 * until it is killed, printing {@code flushed <n>} after each chunk it flushed (n states in the file);
 * {@code part FILE RANK GO} writes part RANK of an ensemble once the file GO exists, then exits.
 */
public final class TrajectoryChild {
  private TrajectoryChild() {}

  static final String FLUSHED = "flushed ";
  static final String READY = "ready";
  static final int NX = 16;

  /** State k: u over x (labelled 0..15), u[i] = k + i / 100. */
  static Dataset state(long k) {
    double[] u = new double[NX];
    for (int i = 0; i < NX; i++) u[i] = k + i / 100.0;
    return Dataset.builder().coord("x", Index.range(NX)).variable("u", List.of("x"), Nd4j.createFromArray(u)).build();
  }

  /** Ensemble part {@code rank}: 5 states of x over (component 1, trajectory 3), x = 100 rank + 10 t + j. */
  static double part(int rank, int t, int j) {
    return 100 * rank + 10 * t + j;
  }

  public static void main(String[] args) throws Exception {
    Path file = Path.of(args[1]);
    if (args[0].equals("write")) {
      int chunk = Integer.parseInt(args[2]);
      try (Trajectory t = Trajectory.builder().file(file).chunkSize(chunk).writeMode(WriteMode.APPEND).build()) {
        long start = t.size();
        long k = start;
        System.out.println("started at state " + k);
        t.startWriting(state(k), java.util.Map.of("model", "child"));
        while (true) {
          t.append(state(k), k * 0.1);
          k++;
          if ((k - start) % chunk == 0) { // the append that fills a chunk flushes it
            System.out.println(FLUSHED + k);
            System.out.flush();
          }
        }
      }
    }
    int rank = Integer.parseInt(args[2]);
    Path go = Path.of(args[3]);
    System.out.println(READY);
    System.out.flush();
    while (!java.nio.file.Files.exists(go)) Thread.onSpinWait(); // the signal: every part starts at once
    try (Trajectory t = Trajectory.builder().file(file).field("x", "component", "trajectory").chunkSize(2)
        .info("rank", rank).build()) {
      for (int it = 0; it < 5; it++) {
        double[][] data = new double[1][3];
        for (int j = 0; j < 3; j++) data[0][j] = part(rank, it, j);
        t.store(it * 0.5, Nd4j.createFromArray(data), it);
      }
      t.save();
    }
    System.out.println("done");
  }
}
