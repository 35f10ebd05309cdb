package dev.sweep.follow;

import dev.sweep.data.Column;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import java.util.PrimitiveIterator;

/**
 * Yields the flat indices of the frames another process has completed, in order, each once, as soon
 * as they are complete: swmr_tools' {@code KeyFollower}. Each key dataset has the scan's shape (plus,
 * optionally, trailing dimensions of 1); a zero (or NaN) means "not yet written". Several key datasets
 * count together: a frame is complete when every key is non-zero at its index; keys of different
 * lengths are zero-padded. Only the contiguous prefix of completed frames is yielded, so a frame
 * written out of order (a snake scan's row written right to left) waits for the frames before it. A
 * key once written is taken to stay written: a poll reads the keys from the row of the first frame
 * not yet complete, so its cost follows the new frames, not the size of the scan.
 *
 * <pre>{@code
 * KeyFollower keys = KeyFollower.builder(source).keys("/entry/keys/key_1")
 *     .finished("/entry/finished").timeout(Duration.ofSeconds(10)).build();
 * while (keys.hasNext()) process(keys.nextLong());
 * keys.stopReason();   // TIMED_OUT, FINISHED or COMPLETE
 * }</pre>
 *
 * <p><b>Waiting.</b> When no new frame is complete, {@link #hasNext} polls the source at once and then
 * every poll interval (by default a twentieth of the timeout) until one is; the timeout counts afresh
 * for every wait. It stops when a wait reaches the timeout ({@link StopReason#TIMED_OUT}), when the
 * finished flag (a dataset holding a non-zero value) is set and one more poll finds no new frame
 * ({@link StopReason#FINISHED}, no timeout), or when every key is written and no key can grow
 * ({@link StopReason#COMPLETE}).
 *
 * <p><b>Shapes.</b> The keys must have one scan rank; they may grow only along their first (slowest)
 * dimension, and agree in the others. A key that grows in another dimension would silently map the
 * indices already yielded to other scan points (swmr_tools does so): the poll that sees it fails with a
 * {@link FollowException} naming the dataset and both shapes.
 *
 * <p>Not thread-safe. Nothing here takes or returns null.
 */
public final class KeyFollower implements PrimitiveIterator.OfLong {
  private final FollowSource source;
  private final List<String> keys;
  private final String finished; // null: no finished flag
  private final long timeoutNanos;
  private final long pollNanos;
  private final Sleeper sleeper;

  private int scanRank = -1;
  private long[][] keyScanShapes; // per key, as of the last poll
  private long[][] keyMaxShapes;
  private long max = -1;
  private long next;
  private boolean finishedSet;
  private StopReason stop;
  private long polls;
  private long flagRows; // the finished flag's rows at the last poll

  private KeyFollower(Builder b) {
    this.source = b.source;
    this.keys = List.copyOf(b.keys);
    this.finished = b.finished;
    this.timeoutNanos = b.timeout.toNanos();
    this.pollNanos = b.pollInterval != null ? b.pollInterval.toNanos() : Math.max(1, timeoutNanos / 20);
    this.sleeper = b.sleeper;
  }

  /**
   * {@return a builder of a follower of the given source}
   *
   * @param source the file to follow
   */
  public static Builder builder(FollowSource source) {
    return new Builder(source);
  }

  /**
   * {@return true once a next frame is complete; false when the follower stops}
   * Waits for it as the class describes.
   *
   * @throws FollowException if a poll finds the keys changed shape as they may not, or the file replaced
   */
  @Override
  public boolean hasNext() {
    if (next <= max) return true;
    if (stop != null) return false;
    return awaitMore();
  }

  /**
   * {@return the flat index of the next complete frame: 0, 1, 2, ...}
   *
   * @throws NoSuchElementException if the follower has stopped
   */
  @Override
  public long nextLong() {
    if (!hasNext()) throw new NoSuchElementException("the key follower stopped (" + stop.description() + ") after "
        + next + " frames");
    return next++;
  }

  private boolean awaitMore() {
    long start = sleeper.nanoTime();
    boolean extraPollDone = false;
    boolean sleepFirst = false;
    while (true) {
      if (sleepFirst) {
        try {
          sleeper.sleep(pollNanos);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          stop = StopReason.INTERRUPTED;
          return false;
        }
      }
      poll();
      if (next <= max) return true;
      if (areKeysComplete()) {
        stop = StopReason.COMPLETE;
        return false;
      }
      if (finishedSet) {
        // The flag is read before the keys in a poll, but one more poll costs little and covers
        // writers that set the flag and a last key close together.
        if (extraPollDone) {
          stop = StopReason.FINISHED;
          return false;
        }
        extraPollDone = true;
        sleepFirst = false;
        continue;
      }
      if (sleeper.nanoTime() - start >= timeoutNanos) {
        stop = StopReason.TIMED_OUT;
        return false;
      }
      sleepFirst = true;
    }
  }

  /**
   * Polls the source once: re-reads the keys and the finished flag.
   *
   * @return the new {@link #currentMax()}
   * @throws FollowException if the keys changed shape as they may not, or the file was replaced
   */
  public long refresh() {
    poll();
    return max;
  }

  private void poll() {
    source.refresh();
    polls++;
    // The flag first: a writer sets it after its last key, so keys read after it are all there.
    boolean flag = finished != null && flagSet();
    long firstIncomplete = Long.MAX_VALUE;
    long[][] shapes = new long[keys.size()][];
    long[][] maxShapes = new long[keys.size()][];
    int rank = -1;
    for (int k = 0; k < keys.size(); k++) {
      String key = keys.get(k);
      Shapes.require(source, key, "key dataset");
      long[] shape = source.shape(key);
      long[] maxShape = source.maxShape(key);
      if (shape.length == 0) {
        throw new FollowException("the key dataset '" + key + "' in " + source.describe() + " is a scalar; key "
            + "datasets have the scan's shape, one value per frame");
      }
      int r = Shapes.scanRank(shape, maxShape);
      if (rank < 0) {
        rank = r;
      } else if (r != rank) {
        throw new FollowException("the key datasets of " + source.describe() + " have different ranks: '"
            + keys.get(0) + "' has scan rank " + rank + " (shape " + Shapes.str(shapes[0]) + "), '" + key
            + "' has " + r + " (shape " + Shapes.str(Arrays.copyOf(shape, r)) + ")");
      }
      shapes[k] = Arrays.copyOf(shape, r);
      maxShapes[k] = maxShape.length == shape.length ? Arrays.copyOf(maxShape, r) : shapes[k].clone();
      if (k > 0) {
        for (int d = 1; d < r; d++) {
          if (shapes[k][d] != shapes[0][d]) {
            throw new FollowException("the key datasets '" + keys.get(0) + "' " + Shapes.str(shapes[0]) + " and '"
                + key + "' " + Shapes.str(shapes[k]) + " of " + source.describe() + " differ in dimension " + d
                + "; keys may differ only in their first (slowest) dimension");
          }
        }
      }
      if (keyScanShapes != null) checkGrowth(key, keyScanShapes[k], shapes[k]);
      firstIncomplete = Math.min(firstIncomplete, firstZero(key, shape));
    }
    scanRank = rank;
    keyScanShapes = shapes;
    keyMaxShapes = maxShapes;
    max = firstIncomplete - 1;
    if (flag) finishedSet = true;
  }

  /**
   * The flat index of the key's first zero, or its length. Keys once written stay written, so only the
   * rows from the one holding the first frame not yet known complete are read: a poll costs the new
   * rows, not the whole scan.
   */
  private long firstZero(String key, long[] shape) {
    long rowLen = 1;
    for (int d = 1; d < shape.length; d++) rowLen *= shape[d];
    long len = shape[0] * rowLen;
    if (rowLen == 0) return 0;
    long startRow = Math.min(shape[0], (max + 1) / rowLen);
    if (startRow == shape[0]) return len;
    long[] origin = new long[shape.length];
    long[] box = shape.clone();
    origin[0] = startRow;
    box[0] = shape[0] - startRow;
    Column values = startRow == 0 ? source.read(key) : source.read(key, origin, box);
    long base = startRow * rowLen;
    for (long i = 0, n = values.length(); i < n; i++) {
      double v = values.getDouble(i);
      if (v == 0 || v != v) return base + i;
    }
    return len;
  }

  private boolean flagSet() {
    Shapes.require(source, finished, "finished flag dataset");
    long[] shape = source.shape(finished);
    // A flag over records (one value per record) is read from the last row seen before: earlier rows
    // were zero and stay so. A scalar, or a flag of one row, is read whole.
    long from = shape.length == 0 ? 0 : Math.max(0, Math.min(flagRows, shape[0]) - 1);
    if (shape.length > 0) flagRows = shape[0];
    Column flag;
    if (from == 0) {
      flag = source.read(finished);
    } else {
      long[] origin = new long[shape.length];
      long[] box = shape.clone();
      origin[0] = from;
      box[0] = shape[0] - from;
      flag = source.read(finished, origin, box);
    }
    for (long i = 0, n = flag.length(); i < n; i++) {
      double v = flag.getDouble(i);
      if (v != 0 && v == v) return true;
    }
    return false;
  }

  private void checkGrowth(String key, long[] before, long[] now) {
    for (int d = 1; d < now.length; d++) {
      if (before[d] != now[d]) {
        throw new FollowException("the key dataset '" + key + "' of " + source.describe() + " grew in dimension " + d
            + ", not only its first (slowest): from " + Shapes.str(before) + " to " + Shapes.str(now) + ". The flat "
            + "indices already yielded would now stand for other scan points; a writer must grow a scan along its "
            + "slowest dimension only");
      }
    }
    if (now[0] < before[0]) {
      throw new FollowException("the key dataset '" + key + "' of " + source.describe() + " shrank from "
          + Shapes.str(before) + " to " + Shapes.str(now));
    }
  }

  /** Starts again from the first frame: the next {@link #nextLong()} is 0, and the follower has not stopped. */
  public void reset() {
    next = 0;
    flagRows = 0;
    stop = null;
    finishedSet = false;
  }

  /** {@return the index of the last frame of the contiguous complete prefix, as of the last poll; -1 if none} */
  public long currentMax() {
    return max;
  }

  /**
   * {@return true if every frame of the scan is complete: every key is non-zero and has reached the
   * largest shape its dataset allows (never, while a key can still grow)}
   */
  public boolean areKeysComplete() {
    long longest = 0;
    for (int k = 0; k < keyScanShapes.length; k++) {
      if (!Arrays.equals(keyScanShapes[k], keyMaxShapes[k])) return false;
      longest = Math.max(longest, Shapes.product(keyScanShapes[k]));
    }
    return max + 1 == longest;
  }

  /** {@return the scan's rank: the keys' rank less trailing dimensions of 1} */
  public int scanRank() {
    return scanRank;
  }

  /** {@return the scan's shape as of the last poll: the longest key's, over the scan dimensions} */
  public long[] scanShape() {
    long[] longest = keyScanShapes[0];
    for (long[] s : keyScanShapes) if (s[0] > longest[0]) longest = s;
    return longest.clone();
  }

  /** {@return the key datasets' paths, in the order given} */
  public List<String> keys() {
    return keys;
  }

  /** {@return why the follower stopped, or empty while it has not} */
  public Optional<StopReason> stopReason() {
    return Optional.ofNullable(stop);
  }

  /** {@return true if the follower stopped because a wait reached the timeout (swmr_tools' {@code timed_out})} */
  public boolean timedOut() {
    return stop == StopReason.TIMED_OUT;
  }

  /** {@return true if a poll found the finished flag set (swmr_tools' {@code finished_set})} */
  public boolean finishedSet() {
    return finishedSet;
  }

  /** {@return how many times the source was polled} */
  public long polls() {
    return polls;
  }

  /** {@return the number of frames yielded since the start or the last reset} */
  public long yielded() {
    return next;
  }

  @Override
  public String toString() {
    return "KeyFollower[" + source.describe() + ", keys " + keys + ", " + next + " yielded, max " + max
        + (stop == null ? "" : ", " + stop) + "]";
  }

  /** Builds a {@link KeyFollower}; each setter checks its value at once. */
  public static final class Builder {
    private final FollowSource source;
    private final LinkedHashSet<String> keys = new LinkedHashSet<>();
    private String finished;
    private Duration timeout = Duration.ofSeconds(10);
    private Duration pollInterval;
    private Sleeper sleeper = Sleeper.SYSTEM;

    private Builder(FollowSource source) {
      this.source = Objects.requireNonNull(source, "source");
    }

    /**
     * Adds key datasets; a frame is complete when all of them are non-zero at its index.
     *
     * @param paths the datasets' paths in the source
     * @return this builder
     * @throws IllegalArgumentException if a path is blank or given twice
     */
    public Builder keys(String... paths) {
      for (String p : paths) {
        Objects.requireNonNull(p, "key path");
        if (p.isBlank()) throw new IllegalArgumentException("key path was blank; expected a dataset path");
        if (!keys.add(p)) throw new IllegalArgumentException("key path '" + p + "' was given twice");
      }
      return this;
    }

    /**
     * Adds key datasets.
     *
     * @param paths the datasets' paths in the source
     * @return this builder
     * @throws IllegalArgumentException if a path is blank or given twice
     */
    public Builder keys(List<String> paths) {
      return keys(paths.toArray(String[]::new));
    }

    /**
     * Sets the finished flag: a dataset the writer sets non-zero when the scan is over (usually a
     * scalar or of shape {@code (1,)}; any non-zero element counts, so a record file may carry it as a
     * variable over its records).
     *
     * @param path the dataset's path in the source
     * @return this builder
     * @throws IllegalArgumentException if the path is blank
     */
    public Builder finished(String path) {
      Objects.requireNonNull(path, "finished");
      if (path.isBlank()) throw new IllegalArgumentException("finished path was blank; expected a dataset path");
      this.finished = path;
      return this;
    }

    /**
     * Sets how long one wait for a new frame may last before the follower stops (default 10 s).
     *
     * @param timeout a positive duration
     * @return this builder
     * @throws IllegalArgumentException if it is not positive
     */
    public Builder timeout(Duration timeout) {
      Objects.requireNonNull(timeout, "timeout");
      if (timeout.isNegative() || timeout.isZero()) {
        throw new IllegalArgumentException("timeout was " + timeout + "; expected a positive duration");
      }
      this.timeout = timeout;
      return this;
    }

    /**
     * Sets how often a waiting follower polls (default: a twentieth of the timeout).
     *
     * @param interval a positive duration, at most the timeout
     * @return this builder
     * @throws IllegalArgumentException if it is not positive
     */
    public Builder pollInterval(Duration interval) {
      Objects.requireNonNull(interval, "pollInterval");
      if (interval.isNegative() || interval.isZero()) {
        throw new IllegalArgumentException("poll interval was " + interval + "; expected a positive duration");
      }
      this.pollInterval = interval;
      return this;
    }

    /**
     * Sets the clock and the way to wait (default {@link Sleeper#SYSTEM}).
     *
     * @param sleeper the time source
     * @return this builder
     */
    public Builder sleeper(Sleeper sleeper) {
      this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
      return this;
    }

    /**
     * Builds the follower and polls the source once, so that wrong paths and shapes fail here.
     *
     * @return the follower, positioned before frame 0
     * @throws IllegalStateException if no key was given, or the poll interval exceeds the timeout
     * @throws FollowException if a key or the finished flag is not in the file (the message lists what
     *     is), or the keys' shapes do not fit together
     */
    public KeyFollower build() {
      if (keys.isEmpty()) throw new IllegalStateException("no key dataset was given; call keys(...)");
      if (pollInterval != null && pollInterval.compareTo(timeout) > 0) {
        throw new IllegalStateException("poll interval " + pollInterval + " exceeds the timeout " + timeout
            + "; expected at most the timeout");
      }
      KeyFollower f = new KeyFollower(this);
      f.poll();
      return f;
    }
  }
}
