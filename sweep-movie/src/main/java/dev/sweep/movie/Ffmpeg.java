package dev.sweep.movie;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.bytedeco.javacpp.Loader;

/**
 * The ffmpeg and ffprobe executables shipped in {@code org.bytedeco:ffmpeg}, unpacked by JavaCPP into
 * {@code ~/.javacpp/cache} on first use, and run as child processes. Never the system's ffmpeg.
 */
final class Ffmpeg {
  private static volatile String ffmpeg;
  private static volatile String ffprobe;

  private Ffmpeg() {}

  /** {@return the path of the bundled ffmpeg executable} */
  static String ffmpeg() {
    if (ffmpeg == null) ffmpeg = load(org.bytedeco.ffmpeg.ffmpeg.class);
    return ffmpeg;
  }

  /** {@return the path of the bundled ffprobe executable} */
  static String ffprobe() {
    if (ffprobe == null) ffprobe = load(org.bytedeco.ffmpeg.ffprobe.class);
    return ffprobe;
  }

  private static String load(Class<?> executable) {
    try {
      return Loader.load(executable);
    } catch (RuntimeException | UnsatisfiedLinkError e) {
      throw new IllegalStateException("cannot unpack the ffmpeg executables of org.bytedeco:ffmpeg for "
          + Loader.getPlatform() + " (is the ffmpeg jar for this platform on the class path?): " + e, e);
    }
  }

  /**
   * Starts ffmpeg with the given arguments (after {@code -hide_banner -nostats -loglevel error}).
   *
   * @param what what the process does, for messages: e.g. {@code "encoding movie.mkv"}
   * @param args ffmpeg's arguments
   * @return the running process
   */
  static FfmpegProcess start(String what, List<String> args) {
    List<String> cmd = new ArrayList<>(List.of(ffmpeg(), "-hide_banner", "-nostats", "-loglevel", "error"));
    cmd.addAll(args);
    return FfmpegProcess.start(what, cmd);
  }

  /**
   * Runs ffmpeg to the end with no input on stdin.
   *
   * @param what what it does, for messages
   * @param args its arguments
   * @throws UncheckedIOException quoting ffmpeg's last lines of stderr, if it fails
   */
  static void run(String what, List<String> args) {
    List<String> all = new ArrayList<>(List.of("-nostdin"));
    all.addAll(args);
    try (FfmpegProcess p = start(what, all)) {
      p.closeInput();
      p.finish();
    }
  }

  /**
   * Runs ffprobe and returns what it prints on stdout.
   *
   * @param what what it looks at, for messages
   * @param args its arguments (after {@code -hide_banner -loglevel error})
   * @return stdout, as UTF-8
   * @throws UncheckedIOException quoting ffprobe's last lines of stderr, if it fails
   */
  static String probe(String what, List<String> args) {
    List<String> cmd = new ArrayList<>(List.of(ffprobe(), "-hide_banner", "-loglevel", "error"));
    cmd.addAll(args);
    try (FfmpegProcess p = FfmpegProcess.start(what, cmd)) {
      p.closeInput();
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      try (InputStream in = p.output()) {
        in.transferTo(out);
      } catch (IOException e) {
        throw p.failure("reading its output failed: " + e.getMessage(), e);
      }
      p.finish();
      return out.toString(java.nio.charset.StandardCharsets.UTF_8);
    }
  }
}
