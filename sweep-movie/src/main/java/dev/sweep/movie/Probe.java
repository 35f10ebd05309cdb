package dev.sweep.movie;

import dev.sweep.store.StoreFormatException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** What ffprobe says about a movie file: its first video stream and its container's comment tag. */
record Probe(int width, int height, String pixFmt, double fps, Long nbFrames, double duration, String comment,
    int streams, String formatName) {

  /**
   * Probes a file.
   *
   * @throws StoreFormatException quoting ffprobe, if the file is not a movie (empty, another format,
   *     no video stream)
   */
  static Probe of(Path file) {
    String json;
    try {
      json = Ffmpeg.probe("probing " + file, List.of("-of", "json", "-show_format", "-show_streams", file.toString()));
    } catch (UncheckedIOException e) {
      throw new StoreFormatException(file, "not a movie ffprobe can read: " + e.getMessage(), e);
    }
    Map<?, ?> top = (Map<?, ?>) MovieJson.parse(json);
    Map<?, ?> format = top.get("format") instanceof Map<?, ?> f ? f : Map.of();
    Map<?, ?> video = null;
    int n = 0;
    if (top.get("streams") instanceof List<?> streams) {
      n = streams.size();
      for (Object s : streams) {
        if (s instanceof Map<?, ?> m && "video".equals(m.get("codec_type"))) {
          video = m;
          break;
        }
      }
    }
    if (video == null) {
      throw new StoreFormatException(file, "not a movie: ffprobe finds no video stream in it (format "
          + format.get("format_name") + ", " + n + " streams)", null);
    }
    int w = ((Number) video.get("width")).intValue();
    int h = ((Number) video.get("height")).intValue();
    String pix = (String) video.get("pix_fmt");
    double fps = rate((String) video.get("avg_frame_rate"));
    if (!(fps > 0)) fps = rate((String) video.get("r_frame_rate"));
    Long nb = video.get("nb_frames") instanceof String s && !s.isEmpty() ? Long.valueOf(s) : null;
    double duration = parseDuration(format.get("duration"));
    if (video.get("tags") instanceof Map<?, ?> vt && vt.get("DURATION") instanceof String d) {
      double sd = clock(d);
      if (sd > 0) duration = sd;
    }
    String comment = null;
    if (format.get("tags") instanceof Map<?, ?> tags) {
      for (Map.Entry<?, ?> e : tags.entrySet()) {
        if ("comment".equalsIgnoreCase(String.valueOf(e.getKey()))) comment = String.valueOf(e.getValue());
      }
    }
    int streams = format.get("nb_streams") instanceof Long l ? l.intValue() : n;
    return new Probe(w, h, pix, fps, nb, duration, comment, streams, String.valueOf(format.get("format_name")));
  }

  /** {@return the number of frames: the container's count, else the metadata's, else duration times frame rate} */
  long frames(Long fromMetadata) {
    if (nbFrames != null) return nbFrames;
    if (fromMetadata != null) return fromMetadata;
    return Math.round(duration * fps);
  }

  private static double rate(String r) {
    if (r == null || r.isEmpty()) return Double.NaN;
    int slash = r.indexOf('/');
    if (slash < 0) return Double.parseDouble(r);
    double den = Double.parseDouble(r.substring(slash + 1));
    return den == 0 ? Double.NaN : Double.parseDouble(r.substring(0, slash)) / den;
  }

  private static double parseDuration(Object v) {
    if (v instanceof String s) {
      try {
        return Double.parseDouble(s);
      } catch (NumberFormatException e) {
        return Double.NaN;
      }
    }
    return Double.NaN;
  }

  /** Matroska's stream DURATION tag, {@code HH:MM:SS.nnnnnnnnn}. */
  private static double clock(String s) {
    String[] p = s.split(":");
    if (p.length != 3) return Double.NaN;
    try {
      return Integer.parseInt(p[0]) * 3600.0 + Integer.parseInt(p[1]) * 60.0 + Double.parseDouble(p[2]);
    } catch (NumberFormatException e) {
      return Double.NaN;
    }
  }
}
