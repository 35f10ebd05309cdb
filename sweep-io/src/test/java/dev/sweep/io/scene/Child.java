package dev.sweep.io.scene;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A child JVM on this test's class path whose output lines the test reads: the test waits for a line
 * (a signal) with a generous timeout, never for a fixed time, and signals back on the child's stdin.
 */
final class Child implements AutoCloseable {
  private final Process process;
  private final List<String> lines = new ArrayList<>();

  private Child(Process process) {
    this.process = process;
    Thread reader = new Thread(this::pump, "scene-child-output");
    reader.setDaemon(true);
    reader.start();
  }

  /** Starts {@code java -cp <test class path> main args...}, stderr merged into stdout. */
  static Child start(Class<?> main, String... args) throws IOException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> cmd = new ArrayList<>(List.of(java, "-Xmx256m", "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn",
        "-cp", System.getProperty("java.class.path"), main.getName()));
    cmd.addAll(List.of(args));
    return new Child(new ProcessBuilder(cmd).redirectErrorStream(true).start());
  }

  private void pump() {
    try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line; (line = r.readLine()) != null; ) {
        synchronized (this) {
          lines.add(line);
          notifyAll();
        }
      }
    } catch (IOException e) {
      synchronized (this) {
        lines.add("(output ended: " + e + ")");
      }
    } finally {
      synchronized (this) {
        notifyAll();
      }
    }
  }

  /** {@return true once the child printed the line; false if it exited or the timeout passed first} */
  synchronized boolean await(String line, long timeout, TimeUnit unit) throws InterruptedException {
    long until = System.nanoTime() + unit.toNanos(timeout);
    while (!lines.contains(line)) {
      long left = until - System.nanoTime();
      if (left <= 0) return false;
      if (!process.isAlive()) {
        wait(500); // let the reader drain the rest
        return lines.contains(line);
      }
      TimeUnit.NANOSECONDS.timedWait(this, Math.min(left, TimeUnit.MILLISECONDS.toNanos(200)));
    }
    return true;
  }

  /** Sends a line to the child's stdin. */
  void send(String line) throws IOException {
    process.getOutputStream().write((line + "\n").getBytes(StandardCharsets.UTF_8));
    process.getOutputStream().flush();
  }

  /** {@return the exit code, or -1 if it did not exit in time (then it is killed)} */
  int waitFor(long timeout, TimeUnit unit) throws InterruptedException {
    if (process.waitFor(timeout, unit)) return process.exitValue();
    process.destroyForcibly();
    return -1;
  }

  /** {@return every line printed so far} */
  synchronized List<String> lines() {
    return List.copyOf(lines);
  }

  @Override
  public void close() {
    if (process.isAlive()) {
      process.destroyForcibly();
      try {
        process.waitFor(30, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
