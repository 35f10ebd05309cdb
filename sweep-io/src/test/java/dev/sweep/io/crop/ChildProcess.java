package dev.sweep.io.crop;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A child JVM started with this test's class path, whose output the test reads line by line: tests
 * wait for a line the child prints (a signal), never for a fixed time.
 */
final class ChildProcess implements AutoCloseable {
  private final Process process;
  private final StringBuilder output = new StringBuilder();
  private final List<String> lines = new ArrayList<>();

  private ChildProcess(Process process) {
    this.process = process;
    Thread reader = new Thread(this::pump, "child-output");
    reader.setDaemon(true);
    reader.start();
  }

  /** Starts {@code java -cp <test class path> main args...}, stderr merged into stdout. */
  static ChildProcess start(Class<?> main, String... args) throws IOException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> cmd = new ArrayList<>(List.of(java, "-Xmx256m", "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn",
        "-cp", System.getProperty("java.class.path"), main.getName()));
    cmd.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
    return new ChildProcess(pb.start());
  }

  private void pump() {
    try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = r.readLine()) != null) {
        synchronized (this) {
          output.append(line).append('\n');
          lines.add(line);
          notifyAll();
        }
      }
    } catch (IOException e) {
      synchronized (this) {
        output.append("(output ended: ").append(e).append(")\n");
      }
    } finally {
      synchronized (this) {
        notifyAll();
      }
    }
  }

  /** {@return true once the child printed this line; false if it exited or the timeout passed first} */
  synchronized boolean awaitLine(String expected, long timeout, TimeUnit unit) throws InterruptedException {
    long until = System.nanoTime() + unit.toNanos(timeout);
    while (!lines.contains(expected)) {
      long left = until - System.nanoTime();
      if (left <= 0 || (!process.isAlive() && !lines.contains(expected))) {
        if (!process.isAlive()) wait(200); // let the reader drain what is left
        return lines.contains(expected);
      }
      TimeUnit.NANOSECONDS.timedWait(this, Math.min(left, TimeUnit.MILLISECONDS.toNanos(200)));
    }
    return true;
  }

  /** Writes a line to the child's standard input. */
  void send(String line) throws IOException {
    process.getOutputStream().write((line + "\n").getBytes(StandardCharsets.UTF_8));
    process.getOutputStream().flush();
  }

  /** {@return everything the child printed so far} */
  synchronized String output() {
    return output.toString();
  }

  Process process() {
    return process;
  }

  /** Waits for the child to exit and returns its exit code, or -1 after the timeout (then kills it). */
  int waitFor(long timeout, TimeUnit unit) throws InterruptedException {
    if (process.waitFor(timeout, unit)) return process.exitValue();
    process.destroyForcibly();
    return -1;
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
