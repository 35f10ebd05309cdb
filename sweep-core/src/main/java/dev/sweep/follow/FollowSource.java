package dev.sweep.follow;

import dev.sweep.data.Column;
import java.util.List;

/**
 * A file that another process is writing, as a follower sees it: named N-dimensional datasets whose
 * shapes and contents change between {@link #refresh() polls}. The port between the format-free
 * follower ({@link KeyFollower}, {@link FrameReader}, {@link FrameFollower}) and a file format; sweep-io
 * implements it for NetCDF-3 record files and for HDF5 files written in SWMR mode.
 *
 * <p>Between two refreshes a source answers from one view of the file: the shapes, the datasets and
 * the contents it read at the last refresh (or later, for contents, but never older). Paths are the
 * format's own names: {@code /entry/keys/key_1} in HDF5, a variable name in NetCDF. A source is used by
 * one thread at a time. Nothing here takes or returns null.
 */
public interface FollowSource extends AutoCloseable {

  /** {@return the file, for messages: e.g. {@code "the HDF5 file scan.h5"}} */
  String describe();

  /**
   * Re-reads the file: the datasets it holds, their shapes, and from then on their contents.
   *
   * @throws FollowException if the file was removed, or replaced by another (a rename over it), since
   *     the source was opened
   * @throws java.io.UncheckedIOException if it cannot be read
   */
  void refresh();

  /** {@return the paths of every dataset the file holds, as of the last refresh, in the file's order} */
  List<String> datasets();

  /**
   * {@return true if the file holds a dataset at this path, as of the last refresh}
   *
   * @param path a dataset's path
   */
  boolean contains(String path);

  /**
   * {@return the dataset's current shape; a scalar has shape {@code []}}
   *
   * @param path a dataset the file holds ({@link #contains})
   * @throws IllegalArgumentException if it holds none at this path
   */
  long[] shape(String path);

  /**
   * {@return the shape the dataset may grow to, {@code -1} for an unlimited dimension; the current
   * shape for a format that does not say}
   *
   * @param path a dataset the file holds ({@link #contains})
   * @throws IllegalArgumentException if it holds none at this path
   */
  long[] maxShape(String path);

  /**
   * Reads a whole (small) dataset: a key or a flag.
   *
   * @param path a numeric dataset the file holds
   * @return its values, of its {@link #shape}
   * @throws IllegalArgumentException if it holds none at this path, or it is not numeric
   * @throws java.io.UncheckedIOException if it cannot be read
   */
  Column read(String path);

  /**
   * Reads a box of a dataset: one frame of a scan.
   *
   * @param path a numeric dataset the file holds
   * @param origin where the box starts, one entry per dimension
   * @param shape the box's extent, one entry per dimension, within the dataset's current shape
   * @return the values of the box, of that shape
   * @throws IllegalArgumentException if it holds none at this path, it is not numeric, or the box does
   *     not lie within its shape
   * @throws java.io.UncheckedIOException if it cannot be read
   */
  Column read(String path, long[] origin, long[] shape);

  /** Releases the file; closing twice does nothing. */
  @Override
  void close();
}
