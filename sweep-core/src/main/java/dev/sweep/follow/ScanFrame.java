package dev.sweep.follow;

import java.util.Map;
import java.util.Objects;

/**
 * What a {@link FrameFollower} yields for one completed frame: its flat index and the frame of each
 * data dataset, by the name it was given (swmr_tools' {@code SliceDict}).
 *
 * @param index the frame's flat index in the scan
 * @param slices the frames read, by name, in the order the names were given
 */
public record ScanFrame(long index, Map<String, FrameSlice> slices) {
  /** Copies the map. */
  public ScanFrame {
    slices = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(Objects.requireNonNull(slices,
        "slices")));
  }

  /**
   * {@return the frame read for a name}
   *
   * @param name a name given to {@link FrameFollower.Builder#data}
   * @throws IllegalArgumentException naming the names there are, if it is not one
   */
  public FrameSlice slice(String name) {
    FrameSlice s = slices.get(name);
    if (s == null) throw new IllegalArgumentException("no data named '" + name + "'; the names are " + slices.keySet());
    return s;
  }
}
