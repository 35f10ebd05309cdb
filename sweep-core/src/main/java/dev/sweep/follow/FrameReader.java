package dev.sweep.follow;

import dev.sweep.data.Column;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Reads the frame of a data dataset at a flat scan index (swmr_tools' {@code FrameReader}). The data
 * dataset has the scan's dimensions first and the frame's after them; the index is unravelled over the
 * scan dimensions as the dataset has them now, and the frame comes back with them kept as size 1.
 *
 * <p>Interleaved datasets ({@link #interleaved}): several datasets that take frames in turn, frame
 * {@code i} being frame {@code i / n} of dataset {@code i % n} (detectors that write through several
 * processes).
 */
public final class FrameReader {
  private final FollowSource source;
  private final List<String> paths;
  private final int scanRank;

  private FrameReader(FollowSource source, List<String> paths, int scanRank) {
    this.source = Objects.requireNonNull(source, "source");
    if (scanRank < 1) throw new IllegalArgumentException("scanRank was " + scanRank + "; expected at least 1");
    for (String p : paths) {
      Objects.requireNonNull(p, "path");
      if (p.isBlank()) throw new IllegalArgumentException("data path was blank; expected a dataset path");
    }
    if (paths.isEmpty()) throw new IllegalArgumentException("no data dataset was given");
    this.paths = List.copyOf(paths);
    this.scanRank = scanRank;
  }

  /**
   * {@return a reader of one data dataset}
   *
   * @param source the followed file
   * @param path the data dataset's path
   * @param scanRank how many of its leading dimensions are the scan's, at least 1
   * @throws IllegalArgumentException if the path is blank or the scan rank below 1
   */
  public static FrameReader of(FollowSource source, String path, int scanRank) {
    return new FrameReader(source, List.of(path), scanRank);
  }

  /**
   * {@return a reader of interleaved datasets: frame {@code i} is frame {@code i / n} of dataset {@code i % n}}
   *
   * @param source the followed file
   * @param scanRank how many of each dataset's leading dimensions are the scan's, at least 1
   * @param paths the datasets, in the order they take frames
   * @throws IllegalArgumentException if no path is given, a path is blank or the scan rank below 1
   */
  public static FrameReader interleaved(FollowSource source, int scanRank, String... paths) {
    return new FrameReader(source, Arrays.asList(paths), scanRank);
  }

  /** {@return the datasets this reader reads, in turn} */
  public List<String> paths() {
    return paths;
  }

  /**
   * Reads frame {@code index}. If the dataset does not reach it yet, the source is refreshed once.
   *
   * @param index a flat scan index, not negative
   * @return the frame, scan dimensions of size 1 first
   * @throws IllegalArgumentException if the index is negative
   * @throws FollowException if the dataset is not in the file, has fewer dimensions than the scan, or
   *     does not reach the frame even after a refresh
   */
  public FrameSlice read(long index) {
    if (index < 0) throw new IllegalArgumentException("frame index was " + index + "; expected at least 0");
    String path = paths.get((int) (index % paths.size()));
    long local = index / paths.size();
    long[] shape = shapeOf(path);
    long[] scan = Arrays.copyOf(shape, scanRank);
    if (local >= Shapes.product(scan)) {
      source.refresh();
      shape = shapeOf(path);
      scan = Arrays.copyOf(shape, scanRank);
      if (local >= Shapes.product(scan)) {
        throw new FollowException("frame " + index + " is beyond the data dataset '" + path + "' of "
            + source.describe() + ": its scan shape is " + Shapes.str(scan) + " (shape " + Shapes.str(shape) + "), "
            + Shapes.product(scan) + " frames" + (paths.size() > 1 ? " (frame " + local + " of " + paths.size()
            + " interleaved datasets)" : ""));
      }
    }
    long[] pos = Shapes.unravel(local, scan);
    long[] origin = new long[shape.length];
    long[] box = new long[shape.length];
    for (int d = 0; d < shape.length; d++) {
      origin[d] = d < scanRank ? pos[d] : 0;
      box[d] = d < scanRank ? 1 : shape[d];
    }
    Column data = source.read(path, origin, box);
    return new FrameSlice(index, path, origin, data.array());
  }

  /** {@return the shape of one of this reader's datasets now, checked against the scan rank} */
  long[] shapeOf(String path) {
    Shapes.require(source, path, "data dataset");
    long[] shape = source.shape(path);
    if (shape.length < scanRank) {
      throw new FollowException("the data dataset '" + path + "' of " + source.describe() + " has shape "
          + Shapes.str(shape) + ", of rank " + shape.length + ", fewer dimensions than the scan's " + scanRank);
    }
    return shape;
  }
}
