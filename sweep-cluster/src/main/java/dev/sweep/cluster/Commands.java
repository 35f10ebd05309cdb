package dev.sweep.cluster;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs a scheduler's commands: finds them on the PATH, and captures what they print. */
final class Commands {
  private static final long TIMEOUT_SECONDS = 120;

  private Commands() {}

  /** What a finished command printed. */
  record Result(int exitCode, String stdout, String stderr) {
    /** Both streams, trimmed, for quoting in a message. */
    String said() {
      String both = (stderr.strip() + "\n" + stdout.strip()).strip();
      return both.isEmpty() ? "(it printed nothing)" : both;
    }
  }

  /**
   * {@return the command's path on the PATH of the given environment}
   *
   * @throws IllegalStateException naming the command, what needs it and the package that has it
   */
  static Path require(String command, String purpose, String install, Map<String, String> env) {
    String path = env.getOrDefault("PATH", System.getenv("PATH"));
    if (path != null) {
      for (String d : path.split(File.pathSeparator)) {
        if (d.isEmpty()) continue;
        Path p = Path.of(d, command);
        if (Files.isExecutable(p)) return p;
      }
    }
    throw new IllegalStateException(command + " is not on the PATH (" + path + "); it is needed to " + purpose + ": "
        + install);
  }

  /** Runs the command in a directory, with variables added to this process's environment. */
  static Result run(List<String> command, Path directory, Map<String, String> env) {
    return run(command, directory, env, TIMEOUT_SECONDS);
  }

  /** Runs the command, giving up after {@code timeoutSeconds}. */
  static Result run(List<String> command, Path directory, Map<String, String> env, long timeoutSeconds) {
    try {
      Path out = Files.createTempFile("sweep-cmd", ".out");
      Path err = Files.createTempFile("sweep-cmd", ".err");
      try {
        ProcessBuilder pb = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
        if (directory != null) pb.directory(directory.toFile());
        pb.environment().putAll(env);
        Process p = pb.start();
        if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
          p.destroyForcibly();
          throw new IllegalStateException(String.join(" ", command) + " did not answer within " + timeoutSeconds + " s");
        }
        return new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
            Files.readString(err, StandardCharsets.UTF_8));
      } finally {
        Files.deleteIfExists(out);
        Files.deleteIfExists(err);
      }
    } catch (IOException e) {
      throw new IllegalStateException("cannot run " + String.join(" ", command) + ": " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while running " + String.join(" ", command), e);
    }
  }
}
