package dev.sweep.io.netcdf;

import dev.sweep.data.Dataset;
import dev.sweep.store.RecordStore;
import java.nio.file.Path;
import java.util.SplittableRandom;

/**
 * A process that appends numbered records ({@link Chunks#records}) to a record file until it is
 * killed, printing {@code flushed <n>} once each append returned, n being the records held then.
 * {@link RecordCrashTest} kills it right after one of those lines, while it writes the next append.
 */
public final class RecordWriterChild {
  private RecordWriterChild() {}

  /** The signal printed after each append: {@value} followed by the number of records held. */
  static final String FLUSHED = "flushed ";

  private static int size(SplittableRandom random) {
    return random.nextInt(4) == 0 ? random.nextInt(1, 5_000) : random.nextInt(1, 300);
  }

  /** Appends to args[0] forever, append sizes drawn with seed args[1]. */
  public static void main(String[] args) {
    SplittableRandom random = new SplittableRandom(Long.parseLong(args[1]));
    try (RecordStore store = NetcdfRecordStore.open(Path.of(args[0]), RecordStore.Mode.APPEND)) {
      long next = store.size();
      System.out.println("started at record " + next);
      Dataset chunk = Chunks.records(next, size(random));
      while (true) {
        store.append(chunk);
        next += chunk.sizes().get("time");
        chunk = Chunks.records(next, size(random)); // made before the signal, so a kill after it lands in an append
        System.out.println(FLUSHED + next);
        System.out.flush();
      }
    }
  }
}
