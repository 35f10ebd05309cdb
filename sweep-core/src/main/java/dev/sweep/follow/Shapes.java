package dev.sweep.follow;

import java.util.Arrays;
import java.util.List;

/** Shape arithmetic and the checks every follower makes on a source's datasets. */
final class Shapes {
  private Shapes() {}

  static long product(long[] shape) {
    long n = 1;
    for (long d : shape) n = Math.multiplyExact(n, d);
    return n;
  }

  static String str(long[] shape) {
    return Arrays.toString(shape);
  }

  /** The position of flat (C-order) index {@code i} in {@code shape}. */
  static long[] unravel(long i, long[] shape) {
    long[] pos = new long[shape.length];
    long rest = i;
    for (int d = shape.length - 1; d >= 0; d--) {
      if (shape[d] == 0) return pos;
      pos[d] = rest % shape[d];
      rest /= shape[d];
    }
    return pos;
  }

  /**
   * Checks that the source holds {@code path}.
   *
   * @param role what the path was given as, e.g. {@code "key dataset"}
   * @throws FollowException naming the path and listing what the file holds
   */
  static void require(FollowSource source, String path, String role) {
    if (source.contains(path)) return;
    List<String> all = source.datasets();
    throw new FollowException("no " + role + " '" + path + "' in " + source.describe() + "; it holds "
        + (all.isEmpty() ? "no datasets" : String.join(", ", all)));
  }

  /**
   * The scan rank of a key dataset: its rank less its trailing dimensions that can never exceed 1
   * (swmr_tools' rule: keys may carry the frame's dimensions as 1s), at least 1.
   */
  static int scanRank(long[] shape, long[] maxShape) {
    int r = shape.length;
    while (r > 1 && maxShape.length == shape.length && maxShape[r - 1] == 1 && shape[r - 1] == 1) r--;
    return r;
  }
}
