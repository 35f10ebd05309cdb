package dev.sweep.follow;

import java.time.Duration;

import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;

/**
 * Follows a scan frame by frame: a {@link KeyFollower} over the keys and a {@link FrameReader} per data
 * dataset, yielding each completed frame of every data dataset together (swmr_tools' {@code DataSource}).
 * The place to start.
 *
 * <pre>{@code
 * try (FollowSource file = FollowSources.open(Path.of("scan.h5"))) {      // sweep-io
 *   FrameFollower frames = FrameFollower.builder(file)
 *       .keys("/entry/keys/key_1").data("image", "/entry/data")
 *       .finished("/entry/finished").timeout(Duration.ofSeconds(10)).build();
 *   for (ScanFrame f : frames) System.out.println(f.index() + " " + f.slice("image").sum());
 *   System.out.println(frames.stopReason().orElseThrow().description());
 * }
 * }</pre>
 *
 * <p>Each data dataset must have the keys' scan dimensions first, equal to the keys' in every scan
 * dimension but the first (which may run ahead of the keys, as a writer resizes before it writes): a
 * dataset that differs would read its frames at other points, and fails with a {@link FollowException}
 * naming both shapes. Not thread-safe.
 */
public final class FrameFollower implements Iterable<ScanFrame>, Iterator<ScanFrame> {
  private final KeyFollower keys;
  private final Map<String, FrameReader> readers;
  private final FollowSource source;

  private FrameFollower(FollowSource source, KeyFollower keys, Map<String, FrameReader> readers) {
    this.source = source;
    this.keys = keys;
    this.readers = readers;
  }

  /**
   * {@return a builder of a frame follower of the given source}
   *
   * @param source the file to follow
   */
  public static Builder builder(FollowSource source) {
    return new Builder(source);
  }

  /** {@return this follower: it is its own iterator, and iterates once} */
  @Override
  public Iterator<ScanFrame> iterator() {
    return this;
  }

  /** {@return true once the next frame is complete; false when the follower stops} Waits as {@link KeyFollower#hasNext}. */
  @Override
  public boolean hasNext() {
    return keys.hasNext();
  }

  /**
   * Reads the next complete frame of every data dataset.
   *
   * @return the frame's index and its slices
   * @throws NoSuchElementException if the follower has stopped
   * @throws FollowException if a data dataset's scan shape no longer fits the keys'
   */
  @Override
  public ScanFrame next() {
    long index = keys.nextLong();
    Map<String, FrameSlice> slices = new LinkedHashMap<>();
    for (Map.Entry<String, FrameReader> r : readers.entrySet()) {
      for (String path : r.getValue().paths()) checkScanShape(path, r.getValue().shapeOf(path));
      slices.put(r.getKey(), r.getValue().read(index));
    }
    return new ScanFrame(index, slices);
  }

  private void checkScanShape(String path, long[] shape) {
    long[] scan = keys.scanShape();
    boolean fits = true;
    for (int d = 1; d < scan.length; d++) fits &= shape[d] == scan[d];
    if (!fits) {
      throw new FollowException("the data dataset '" + path + "' of " + source.describe() + " has scan shape "
          + Shapes.str(Arrays.copyOf(shape, scan.length)) + " (shape " + Shapes.str(shape) + ") but the keys "
          + keys.keys() + " have " + Shapes.str(scan) + "; they must agree in every scan dimension but the first");
    }
  }

  /** {@return the key follower underneath: its stop reason, current maximum, reset} */
  public KeyFollower keys() {
    return keys;
  }

  /** {@return why the follower stopped, or empty while it has not} */
  public Optional<StopReason> stopReason() {
    return keys.stopReason();
  }

  /** {@return true if the follower stopped because a wait reached the timeout} */
  public boolean timedOut() {
    return keys.timedOut();
  }

  /** {@return true if a poll found the finished flag set} */
  public boolean finishedSet() {
    return keys.finishedSet();
  }

  /** Builds a {@link FrameFollower}; each setter checks its value at once. */
  public static final class Builder {
    private final FollowSource source;
    private final KeyFollower.Builder keys;
    private final Map<String, List<String>> data = new LinkedHashMap<>();

    private Builder(FollowSource source) {
      this.source = Objects.requireNonNull(source, "source");
      this.keys = KeyFollower.builder(source);
    }

    /**
     * Adds key datasets, as {@link KeyFollower.Builder#keys(String...)}.
     *
     * @param paths the datasets' paths
     * @return this builder
     */
    public Builder keys(String... paths) {
      keys.keys(paths);
      return this;
    }

    /**
     * Adds key datasets, as {@link KeyFollower.Builder#keys(List)}.
     *
     * @param paths the datasets' paths
     * @return this builder
     */
    public Builder keys(List<String> paths) {
      keys.keys(paths);
      return this;
    }

    /**
     * Adds a data dataset, named by its path.
     *
     * @param path the dataset's path
     * @return this builder
     * @throws IllegalArgumentException if the path is blank or its name already given
     */
    public Builder data(String path) {
      return data(path, path);
    }

    /**
     * Adds a data dataset under a name.
     *
     * @param name the name of its slices in each {@link ScanFrame}
     * @param path the dataset's path
     * @return this builder
     * @throws IllegalArgumentException if a string is blank or the name already given
     */
    public Builder data(String name, String path) {
      return interleaved(name, path);
    }

    /**
     * Adds interleaved data datasets under one name: frame {@code i} is read from dataset {@code i % n}.
     *
     * @param name the name of their slices in each {@link ScanFrame}
     * @param paths the datasets, in the order they take frames
     * @return this builder
     * @throws IllegalArgumentException if no path is given, a string is blank, or the name already given
     */
    public Builder interleaved(String name, String... paths) {
      Objects.requireNonNull(name, "name");
      if (name.isBlank()) throw new IllegalArgumentException("data name was blank");
      if (data.containsKey(name)) throw new IllegalArgumentException("data name '" + name + "' was given twice");
      if (paths.length == 0) throw new IllegalArgumentException("no dataset was given for data '" + name + "'");
      for (String p : paths) {
        Objects.requireNonNull(p, "path");
        if (p.isBlank()) throw new IllegalArgumentException("data path of '" + name + "' was blank; expected a dataset path");
      }
      data.put(name, List.of(paths));
      return this;
    }

    /**
     * Sets the finished flag, as {@link KeyFollower.Builder#finished}.
     *
     * @param path the dataset's path
     * @return this builder
     */
    public Builder finished(String path) {
      keys.finished(path);
      return this;
    }

    /**
     * Sets the timeout of one wait, as {@link KeyFollower.Builder#timeout}.
     *
     * @param timeout a positive duration
     * @return this builder
     */
    public Builder timeout(Duration timeout) {
      keys.timeout(timeout);
      return this;
    }

    /**
     * Sets the poll interval, as {@link KeyFollower.Builder#pollInterval}.
     *
     * @param interval a positive duration
     * @return this builder
     */
    public Builder pollInterval(Duration interval) {
      keys.pollInterval(interval);
      return this;
    }

    /**
     * Sets the time source, as {@link KeyFollower.Builder#sleeper}.
     *
     * @param sleeper the time source
     * @return this builder
     */
    public Builder sleeper(Sleeper sleeper) {
      keys.sleeper(sleeper);
      return this;
    }

    /**
     * Builds the follower, polling the source once so that wrong paths and shapes fail here.
     *
     * @return the follower, before frame 0
     * @throws IllegalStateException if no key or no data dataset was given
     * @throws FollowException if a dataset is not in the file (the message lists what is) or the shapes
     *     do not fit together
     */
    public FrameFollower build() {
      if (data.isEmpty()) throw new IllegalStateException("no data dataset was given; call data(...)");
      KeyFollower k = keys.build();
      Map<String, FrameReader> readers = new LinkedHashMap<>();
      FrameFollower f = new FrameFollower(source, k, readers);
      for (Map.Entry<String, List<String>> e : data.entrySet()) {
        FrameReader r = FrameReader.interleaved(source, k.scanRank(), e.getValue().toArray(String[]::new));
        for (String path : e.getValue()) f.checkScanShape(path, r.shapeOf(path));
        readers.put(e.getKey(), r);
      }
      return f;
    }

  }
}
