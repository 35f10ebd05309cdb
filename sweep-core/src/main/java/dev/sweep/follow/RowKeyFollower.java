package dev.sweep.follow;

import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import java.util.PrimitiveIterator;

/**
 * Yields the flat index of the last frame of each completed row of a scan (swmr_tools'
 * {@code RowKeyFollower}): for a scan of rows of 10, {@code 9, 19, 29, ...}. A row is the scan's
 * fastest dimensions (all but the first), or a given number of frames, for keys that are flat.
 *
 * <pre>{@code
 * RowKeyFollower rows = RowKeyFollower.of(KeyFollower.builder(source).keys("key").build());
 * while (rows.hasNext()) processRow(rows.nextLong());
 * }</pre>
 */
public final class RowKeyFollower implements PrimitiveIterator.OfLong {
  private final KeyFollower keys;
  private final long rowSize;
  private long pending = -1;

  private RowKeyFollower(KeyFollower keys, long rowSize) {
    this.keys = keys;
    this.rowSize = rowSize;
  }

  /**
   * {@return a row follower whose rows are the scan's dimensions after the first}
   *
   * @param keys the key follower to read, positioned before frame 0
   * @throws IllegalArgumentException if the scan has rank 1 (give the row size), or a row holds no frame
   */
  public static RowKeyFollower of(KeyFollower keys) {
    Objects.requireNonNull(keys, "keys");
    long[] scan = keys.scanShape();
    if (scan.length < 2) {
      throw new IllegalArgumentException("the keys " + keys.keys() + " have scan shape " + Shapes.str(scan)
          + ", of rank 1: give the row size, RowKeyFollower.of(keys, rowSize)");
    }
    long row = 1;
    for (int d = 1; d < scan.length; d++) row *= scan[d];
    if (row <= 0) throw new IllegalArgumentException("the keys' scan shape " + Shapes.str(scan) + " has rows of 0 frames");
    return new RowKeyFollower(keys, row);
  }

  /**
   * {@return a row follower with rows of {@code rowSize} frames}
   *
   * @param keys the key follower to read, positioned before frame 0
   * @param rowSize the frames per row, positive
   * @throws IllegalArgumentException if the row size is not positive
   */
  public static RowKeyFollower of(KeyFollower keys, long rowSize) {
    Objects.requireNonNull(keys, "keys");
    if (rowSize <= 0) throw new IllegalArgumentException("rowSize was " + rowSize + "; expected a positive number of frames");
    return new RowKeyFollower(keys, rowSize);
  }

  /** {@return true once another row is complete; false when the key follower stops} */
  @Override
  public boolean hasNext() {
    while (pending < 0 && keys.hasNext()) {
      long i = keys.nextLong();
      if ((i + 1) % rowSize == 0) pending = i;
    }
    return pending >= 0;
  }

  /**
   * {@return the flat index of the last frame of the next complete row}
   *
   * @throws NoSuchElementException if the follower has stopped
   */
  @Override
  public long nextLong() {
    if (!hasNext()) throw new NoSuchElementException("the row follower stopped after frame " + (keys.yielded() - 1));
    long i = pending;
    pending = -1;
    return i;
  }

  /** {@return the frames per row} */
  public long rowSize() {
    return rowSize;
  }

  /** {@return why the key follower stopped, or empty while it has not} */
  public Optional<StopReason> stopReason() {
    return keys.stopReason();
  }
}
