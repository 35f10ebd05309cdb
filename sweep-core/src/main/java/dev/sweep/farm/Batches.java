package dev.sweep.farm;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * How a crop cuts the runs {@code 0..runs - 1} of its plan into batches, without listing them: batch
 * {@code b} holds the positions {@code from(b)..to(b) - 1} of the run order, which is the plan's own
 * order, or a permutation of it drawn from a seed (so that slow and fast runs mix across batches).
 * The permutation is drawn again wherever it is needed: nothing per run is stored.
 */
final class Batches {
  private final long runs;
  private final int count;
  private final long size; // runs per batch, or 0 for an even split into count batches
  private final Long seed;
  private int[] order; // the permutation, drawn on first use

  private Batches(long runs, int count, long size, Long seed) {
    this.runs = runs;
    this.count = count;
    this.size = size;
    this.seed = seed;
  }

  /** Batches of {@code size} runs, the last one shorter. */
  static Batches bySize(long runs, long size, Long seed) {
    if (size < 1) throw new IllegalArgumentException("batchSize is " + size + "; expected at least 1 run per batch");
    long count = (runs + size - 1) / size;
    if (count > Integer.MAX_VALUE) {
      throw new IllegalArgumentException("batchSize " + size + " cuts " + runs + " runs into " + count
          + " batches; expected at most " + Integer.MAX_VALUE + ": take larger batches");
    }
    return checked(runs, (int) count, size, seed);
  }

  /** {@code count} batches whose sizes differ by at most one run. */
  static Batches byCount(long runs, int count, Long seed) {
    if (count < 1) throw new IllegalArgumentException("batches is " + count + "; expected at least 1");
    if (count > runs) {
      throw new IllegalArgumentException("batches is " + count + " but the sweep has only " + runs
          + " runs; expected at most " + runs + " batches");
    }
    return checked(runs, count, 0, seed);
  }

  private static Batches checked(long runs, int count, long size, Long seed) {
    if (seed != null && runs > Integer.MAX_VALUE) {
      throw new IllegalArgumentException("a sweep of " + runs + " runs cannot be shuffled; expected at most "
          + Integer.MAX_VALUE + " runs, or no shuffle");
    }
    return new Batches(runs, count, size, seed);
  }

  long runs() {
    return runs;
  }

  int count() {
    return count;
  }

  /** {@return the runs per batch when cut by size, else 0} */
  long size() {
    return size;
  }

  Long seed() {
    return seed;
  }

  /** The first position of batch {@code b} in the run order. */
  long from(int b) {
    if (size > 0) return Math.min(runs, b * size);
    long q = runs / count;
    long r = runs % count;
    return b * q + (b * r) / count; // b * runs / count without overflow
  }

  /** The position after the last of batch {@code b}. */
  long to(int b) {
    return b + 1 == count ? runs : from(b + 1);
  }

  /** The number of runs of batch {@code b}. */
  long runsOf(int b) {
    return to(b) - from(b);
  }

  /** The batch that holds the run at a position of the run order. */
  int batchAt(long position) {
    if (size > 0) return (int) (position / size);
    int b = (int) Math.min(count - 1, position * count / Math.max(1, runs));
    while (from(b) > position) b--;
    while (to(b) <= position) b++;
    return b;
  }

  /**
   * {@return the runs of batch {@code b} as ranges of consecutive run numbers, ascending} One range
   * without a shuffle.
   */
  List<long[]> ranges(int b) {
    long from = from(b);
    long to = to(b);
    List<long[]> out = new ArrayList<>();
    if (seed == null) {
      out.add(new long[] {from, to});
      return out;
    }
    int[] perm = order();
    int[] mine = Arrays.copyOfRange(perm, (int) from, (int) to);
    Arrays.sort(mine);
    int i = 0;
    while (i < mine.length) {
      int j = i + 1;
      while (j < mine.length && mine[j] == mine[j - 1] + 1) j++;
      out.add(new long[] {mine[i], (long) mine[j - 1] + 1});
      i = j;
    }
    return out;
  }

  /** The seeded permutation of the runs: Fisher-Yates over SplittableRandom, the same in every JVM. */
  private synchronized int[] order() {
    if (order == null) {
      int n = (int) runs;
      int[] p = new int[n];
      for (int i = 0; i < n; i++) p[i] = i;
      SplittableRandom random = new SplittableRandom(seed);
      for (int i = n - 1; i > 0; i--) {
        int j = random.nextInt(i + 1);
        int t = p[i];
        p[i] = p[j];
        p[j] = t;
      }
      order = p;
    }
    return order;
  }
}
