package dev.sweep.movie;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One ffmpeg or ffprobe child process: its stdin and stdout are the caller's pipes, its stderr is
 * drained on a thread of its own (so a chatty process never blocks on a full pipe) keeping the last
 * lines, which every error quotes. Closing ends the process: a process still running is killed.
 */
final class FfmpegProcess implements AutoCloseable {
  /** How many of the last stderr lines an error quotes. */
  static final int QUOTED_LINES = 8;

  private final String what;
  private final Process process;
  private final Thread drainer;
  private final Deque<String> lastLines = new ArrayDeque<>();
  private boolean inputClosed;

  private FfmpegProcess(String what, Process process) {
    this.what = what;
    this.process = process;
    this.drainer = new Thread(this::drain, "ffmpeg-stderr-" + process.pid());
    drainer.setDaemon(true);
    drainer.start();
  }

  static FfmpegProcess start(String what, List<String> command) {
    try {
      return new FfmpegProcess(what, new ProcessBuilder(command).start());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start " + command.get(0) + " for " + what + ": " + e.getMessage(), e);
    }
  }

  private void drain() {
    try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = r.readLine()) != null) {
        if (line.isBlank()) continue;
        synchronized (lastLines) {
          if (lastLines.size() == QUOTED_LINES) lastLines.removeFirst();
          lastLines.addLast(line.strip());
        }
      }
    } catch (IOException e) {
      // the process ended or was killed: what was read is what there is
    }
  }

  /** {@return the process's stdin, to which raw frames are written} */
  OutputStream input() {
    return process.getOutputStream();
  }

  /** {@return the process's stdout, from which raw frames or probe output are read} */
  InputStream output() {
    return process.getInputStream();
  }

  /** {@return the process id} */
  long pid() {
    return process.pid();
  }

  /** Closes stdin: the end of the input, after which an encoder finishes its file. */
  void closeInput() {
    if (inputClosed) return;
    inputClosed = true;
    try {
      process.getOutputStream().close();
    } catch (IOException e) {
      // a process that already exited: finish() reports why
    }
  }

  /**
   * Waits for the process to end and checks that it succeeded.
   *
   * @throws UncheckedIOException quoting its last stderr lines, if the exit code is not 0
   */
  void finish() {
    closeInput();
    int code;
    try {
      code = process.waitFor();
      drainer.join(TimeUnit.SECONDS.toMillis(10));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      kill();
      throw new UncheckedIOException(what + ": interrupted while waiting for ffmpeg", new java.io.InterruptedIOException());
    }
    if (code != 0) throw failure("ffmpeg exited with code " + code, null);
  }

  /** {@return an error for this process: what it was doing, why it failed, and its last stderr lines} */
  UncheckedIOException failure(String why, IOException cause) {
    if (cause != null || process.isAlive()) {
      // a broken pipe means the process died: wait briefly so its last words are in
      try {
        process.waitFor(5, TimeUnit.SECONDS);
        drainer.join(1000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    String quoted = stderr();
    String message = what + ": " + why + (quoted.isEmpty() ? " (ffmpeg printed nothing)" : "; ffmpeg said: " + quoted);
    return new UncheckedIOException(message, cause != null ? cause : new IOException(message));
  }

  /** {@return the last lines ffmpeg printed on stderr, joined by " | "} */
  String stderr() {
    synchronized (lastLines) {
      return String.join(" | ", lastLines);
    }
  }

  /** Kills the process if it is still running and waits for it to end. */
  void kill() {
    closeInput();
    try {
      process.getInputStream().close();
    } catch (IOException e) {
      // nothing left to read
    }
    if (process.isAlive()) {
      process.destroy();
      try {
        if (!process.waitFor(5, TimeUnit.SECONDS)) {
          process.destroyForcibly();
          process.waitFor(5, TimeUnit.SECONDS);
        }
      } catch (InterruptedException e) {
        process.destroyForcibly();
        Thread.currentThread().interrupt();
      }
    }
  }

  /** Ends the process: kills it if it is still running. */
  @Override
  public void close() {
    kill();
  }
}
