package dev.sweep.movie;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The video formats a movie stores its frames in: py-pde's table. Each has a number of channels (the
 * field components it holds) and a number of bits per channel (its resolution: a value in
 * {@code [vmin, vmax]} becomes one of {@code 2^bits} levels). Every format is lossless FFV1; the
 * frames are piped to ffmpeg in the interleaved {@link #pipeFormat()} and stored in the
 * {@link #fileFormat()} that FFV1 encodes (FFV1 has no packed {@code rgb24}, so that format is stored
 * as {@code bgr0}, without loss).
 */
public enum VideoFormat {
  /** One 8-bit channel. */
  GRAY("gray", 1, 8, "gray", "gray"),
  /** Three 8-bit channels. */
  RGB24("rgb24", 3, 8, "rgb24", "bgr0"),
  /** Four 8-bit channels. */
  RGB32("rgb32", 4, 8, "rgba", "bgra"),
  /** One 16-bit channel. */
  GRAY16LE("gray16le", 1, 16, "gray16le", "gray16le"),
  /** Three 16-bit channels. */
  GBRP16LE("gbrp16le", 3, 16, "rgb48le", "gbrp16le"),
  /** Four 16-bit channels. */
  GBRAP16LE("gbrap16le", 4, 16, "rgba64le", "gbrap16le");

  /** The most channels any format holds. */
  public static final int MAX_CHANNELS = 4;

  private final String id;
  private final int channels;
  private final int bits;
  private final String pipeFormat;
  private final String fileFormat;

  VideoFormat(String id, int channels, int bits, String pipeFormat, String fileFormat) {
    this.id = id;
    this.channels = channels;
    this.bits = bits;
    this.pipeFormat = pipeFormat;
    this.fileFormat = fileFormat;
  }

  /** {@return py-pde's name of the format, stored in a movie's metadata: e.g. {@code "gray16le"}} */
  public String id() {
    return id;
  }

  /** {@return the number of channels} */
  public int channels() {
    return channels;
  }

  /** {@return the bits per channel: 8 or 16} */
  public int bitsPerChannel() {
    return bits;
  }

  /** {@return the largest stored level, {@code 2^bits - 1}: 255 or 65535} */
  public int maxLevel() {
    return (1 << bits) - 1;
  }

  /** {@return the bytes per channel of a pixel: 1 or 2} */
  int bytesPerChannel() {
    return bits / 8;
  }

  /** {@return ffmpeg's pixel format of the raw frames piped in and out: e.g. {@code "rgb48le"}} */
  public String pipeFormat() {
    return pipeFormat;
  }

  /** {@return ffmpeg's pixel format of the stored frames: e.g. {@code "gbrp16le"}} */
  public String fileFormat() {
    return fileFormat;
  }

  /**
   * {@return the smallest format with at least that many channels and bits per channel (py-pde's
   * {@code find_format}): {@code (1, 8)} is {@link #GRAY}, {@code (2, 7)} {@link #RGB24}, {@code (3, 9)}
   * {@link #GBRP16LE}; empty if none has enough ({@code (5, 8)}, {@code (1, 17)})}
   *
   * @param channels the channels needed, {@code >= 1}
   * @param bits the bits per channel needed, {@code >= 1}
   * @throws IllegalArgumentException if either is below 1
   */
  public static Optional<VideoFormat> find(int channels, int bits) {
    if (channels < 1) throw new IllegalArgumentException("channels is " + channels + "; expected at least 1");
    if (bits < 1) throw new IllegalArgumentException("bits is " + bits + "; expected at least 1");
    VideoFormat best = null;
    for (VideoFormat f : values()) {
      if (f.channels < channels || f.bits < bits) continue;
      if (best == null || f.bits < best.bits || (f.bits == best.bits && f.channels < best.channels)) best = f;
    }
    return Optional.ofNullable(best);
  }

  /**
   * {@return the format of that py-pde name}
   *
   * @param id a name such as {@code "gray16le"}
   * @throws IllegalArgumentException naming the formats there are, if none has that name
   */
  public static VideoFormat of(String id) {
    for (VideoFormat f : values()) if (f.id.equals(id)) return f;
    List<String> ids = new ArrayList<>();
    for (VideoFormat f : values()) ids.add(f.id);
    throw new IllegalArgumentException("no video format '" + id + "'; the formats are " + ids);
  }

  /** {@return the format whose stored pixel format is this ffmpeg pixel format; empty if none} */
  static Optional<VideoFormat> ofFileFormat(String pixFmt) {
    for (VideoFormat f : values()) if (f.fileFormat.equals(pixFmt) || f.id.equals(pixFmt)) return Optional.of(f);
    return Optional.empty();
  }
}
