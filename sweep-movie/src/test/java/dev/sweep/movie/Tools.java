package dev.sweep.movie;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The tools users have: Debian's Python with NumPy, Debian's ffprobe; skipped where missing, required on CI. */
final class Tools {
  static final Path PYTHON = Path.of("/usr/bin/python3");
  static final Path DEBIAN_FFPROBE = Path.of("/usr/bin/ffprobe");

  private Tools() {}

  /** Skips the test (fails it on CI) unless /usr/bin/python3 has NumPy. */
  static void requireNumpy(Path dir) {
    boolean ok = Files.isExecutable(PYTHON) && run(dir, List.of(PYTHON.toString(), "-c", "import numpy")).code == 0;
    if (!ok) missing(PYTHON + " with NumPy (apt-get install python3-numpy)");
  }

  /** Skips the test (fails it on CI) unless Debian's ffprobe is installed. */
  static void requireDebianFfprobe() {
    if (!Files.isExecutable(DEBIAN_FFPROBE)) missing(DEBIAN_FFPROBE + " (apt-get install ffmpeg)");
  }

  private static void missing(String what) {
    if ("true".equalsIgnoreCase(System.getenv("CI"))) fail(what + " is missing; CI must run this test");
    assumeTrue(false, what + " is missing; skipping");
  }

  /** Copies a test resource into the directory. */
  static Path resource(Path dir, String name) {
    Path out = dir.resolve(Path.of(name).getFileName().toString());
    try (InputStream in = Tools.class.getResourceAsStream("/" + name)) {
      Files.copy(in, out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }

  record Result(int code, String out) {
    Result assertSuccess(String what) {
      assertEquals(0, code, what + " failed: " + out);
      return this;
    }
  }

  /** Runs a command to its end (two minutes at most), stderr merged into stdout. */
  static Result run(Path dir, List<String> command) {
    try {
      Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
      p.getOutputStream().close();
      byte[] out = p.getInputStream().readAllBytes();
      if (!p.waitFor(120, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        fail(command + " did not finish in two minutes");
      }
      return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }
}
