package dev.sweep.follow;

import java.util.Arrays;
import java.util.Objects;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * One frame read from a data dataset: its values with the scan dimensions kept as size 1 (shape
 * {@code [1, 1, 64, 64]} for a 64x64 frame of a 2-D scan, as swmr_tools returns it) and where it lies in
 * the dataset.
 *
 * @param index the frame's flat index in the scan
 * @param path the data dataset it was read from
 * @param origin where the frame starts in the dataset: the scan position, then zeros
 * @param array the values, in the dataset's type (float64, float32, int32 or int64), C order
 */
public record FrameSlice(long index, String path, long[] origin, INDArray array) {
  /** Checks and copies the origin. */
  public FrameSlice {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(array, "array");
    origin = origin.clone();
  }

  /** {@return a copy of the origin} */
  @Override
  public long[] origin() {
    return origin.clone();
  }

  /** {@return the frame's shape, scan dimensions of 1 first} */
  public long[] shape() {
    return array.shape();
  }

  /** {@return the sum of the frame's values, in float64} */
  public double sum() {
    return array.sumNumber().doubleValue();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof FrameSlice f && f.index == index && f.path.equals(path) && Arrays.equals(f.origin, origin)
        && f.array.equals(array);
  }

  @Override
  public int hashCode() {
    return Objects.hash(index, path, Arrays.hashCode(origin));
  }

  @Override
  public String toString() {
    return "FrameSlice[" + index + " of '" + path + "' at " + Arrays.toString(origin) + ", shape "
        + Arrays.toString(array.shape()) + "]";
  }
}
