package dev.sweep.bench;

import dev.sweep.data.Variable;
import dev.sweep.io.scene.GridField;
import dev.sweep.io.scene.Scene;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The scene workloads of {@code ./sweep bench}: {@code scene_write} (256 x 256 float64 frames written
 * into a scene, one atomic NetCDF file each) and {@code scene_create} (1,000 scenes created by four
 * threads at once, each recording its context).
 */
final class SceneWorkload {
  static final int SIDE = 256;

  private SceneWorkload() {}

  /** What {@link #write} measured. */
  record Write(double framesPerSecond, double megabytesPerSecond, double rawAtomicMegabytesPerSecond, double frameMegabytes) {}

  /**
   * Writes {@code frames} frames of one field into a new scene, then removes it; if {@code raw}, also
   * the same bytes as raw atomic files (NaN otherwise), which are left for {@code cleanUp}. The scene goes at once: its frames were
   * never synced, so the file system has not placed them on the disk yet and deleting them frees
   * nothing there. The raw files were synced: deleting them frees their blocks (a TRIM on a
   * discard-mounted disk), which would fall into the next repetition's timing.
   */
  static Write write(Path dir, int frames, List<Path> cleanUp, boolean raw) throws IOException {
    Scene scene = Scene.builder(dir).recordContext(false).create();
    double[] v = new double[SIDE * SIDE];
    SplittableRandom rnd = new SplittableRandom(3);
    for (int i = 0; i < v.length; i++) v[i] = rnd.nextDouble(); // incompressible, as disk_write
    GridField field = GridField.centered(Variable.of("p", List.of("x", "y"), Nd4j.createFromArray(v).reshape('c', SIDE, SIDE)));
    // Start from a quiet disk: a directory fsync commits the file system's journal, and with it the
    // freeing (TRIM on a discard-mounted disk) of whatever the workload before this one deleted.
    try (FileChannel ch = FileChannel.open(scene.path(), StandardOpenOption.READ)) {
      ch.force(true);
    }
    long t0 = System.nanoTime();
    for (int f = 0; f < frames; f++) scene.write("p", field, f);
    double s = (System.nanoTime() - t0) / 1e9;
    long bytes = 0;
    for (int f = 0; f < frames; f++) bytes += Files.size(scene.frameFile("p", f));
    scene.remove();
    double rawRate = raw ? rawAtomic(dir, frames, (int) (bytes / frames), cleanUp) : Double.NaN;
    return new Write(frames / s, bytes / 1e6 / s, rawRate, bytes / 1e6 / frames);
  }

  /** Deletes a directory and everything under it. */
  static void deleteRecursively(Path dir) throws IOException {
    if (!Files.exists(dir)) return;
    try (var all = Files.walk(dir)) {
      for (Path p : all.sorted(java.util.Comparator.reverseOrder()).toList()) Files.delete(p);
    }
  }

  /** MB/s of the same discipline without NetCDF: temp file, write, fsync, rename, directory fsync. */
  private static double rawAtomic(Path dir, int files, int size, List<Path> cleanUp) throws IOException {
    Path d = Files.createTempDirectory(dir, "raw");
    cleanUp.add(d);
    ByteBuffer buf = ByteBuffer.allocateDirect(size);
    SplittableRandom rnd = new SplittableRandom(4);
    while (buf.remaining() >= 8) buf.putLong(rnd.nextLong());
    long t0 = System.nanoTime();
    for (int i = 0; i < files; i++) {
      Path tmp = d.resolve(".f" + i + ".tmp");
      try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
        buf.clear();
        while (buf.hasRemaining()) ch.write(buf);
        ch.force(false);
      }
      Files.move(tmp, d.resolve("f" + i), StandardCopyOption.ATOMIC_MOVE);
      try (FileChannel ch = FileChannel.open(d, StandardOpenOption.READ)) {
        ch.force(true);
      }
    }
    double s = (System.nanoTime() - t0) / 1e9;
    return (double) files * size / 1e6 / s;
  }

  /** {@return the milliseconds one {@code mkdir} takes here: the file-system cost under every scene} */
  static double mkdirMillis(Path dir, int count) throws IOException {
    Path d = Files.createTempDirectory(dir, "mkdir");
    long t0 = System.nanoTime();
    for (int i = 0; i < count; i++) Files.createDirectory(d.resolve("d" + i));
    double ms = (System.nanoTime() - t0) / 1e6 / count;
    for (int i = 0; i < count; i++) Files.delete(d.resolve("d" + i));
    Files.delete(d);
    return ms;
  }

  /** {@return the seconds that {@code threads} threads take to create {@code count} scenes in one parent} */
  static double create(Path dir, int count, int threads) throws Exception {
    Path parent = Files.createTempDirectory(dir, "scenes");
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      Scene.create(parent).remove(); // warm: the context is computed once per JVM
      CountDownLatch start = new CountDownLatch(1);
      List<Future<List<Path>>> parts = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        int mine = count / threads + (t < count % threads ? 1 : 0);
        parts.add(pool.submit(() -> {
          start.await();
          List<Path> made = new ArrayList<>();
          for (int i = 0; i < mine; i++) made.add(Scene.create(parent).path());
          return made;
        }));
      }
      long t0 = System.nanoTime();
      start.countDown();
      Set<Path> all = new HashSet<>();
      for (Future<List<Path>> f : parts) all.addAll(f.get());
      double s = (System.nanoTime() - t0) / 1e9;
      if (all.size() != count || Scene.list(parent).size() != count) {
        throw new IllegalStateException(count + " scenes asked, " + all.size() + " distinct paths, "
            + Scene.list(parent).size() + " directories");
      }
      return s;
    } finally {
      pool.shutdownNow();
      for (Scene s : Scene.list(parent)) s.remove();
      Files.deleteIfExists(parent);
    }
  }
}
