package dev.sweep.io.netcdf;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A child JVM on this test's class path whose output the test reads line by line: a test waits for a
 * line the child prints (a signal), never for a fixed time.
 */
final class ChildJvm implements AutoCloseable {
  private final Process process;
  private final List<String> lines = new ArrayList<>();

  private ChildJvm(Process process) {
    this.process = process;
    Thread reader = new Thread(this::pump, "child-output");
    reader.setDaemon(true);
    reader.start();
  }

  /** Starts {@code java -cp <test class path> main args...}, stderr merged into stdout. */
  static ChildJvm start(Class<?> main, String... args) throws IOException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> cmd = new ArrayList<>(List.of(java, "-Xmx256m", "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn",
        "-cp", System.getProperty("java.class.path"), main.getName()));
    cmd.addAll(List.of(args));
    return new ChildJvm(new ProcessBuilder(cmd).redirectErrorStream(true).start());
  }

  private void pump() {
    try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = r.readLine()) != null) {
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

  /** {@return the first line the child printed that matches, or null if it exited or the timeout passed first} */
  synchronized String await(Predicate<String> signal, long timeout, TimeUnit unit) throws InterruptedException {
    long until = System.nanoTime() + unit.toNanos(timeout);
    while (true) {
      for (String l : lines) if (signal.test(l)) return l;
      long left = until - System.nanoTime();
      if (left <= 0) return null;
      if (!process.isAlive()) {
        wait(200); // let the reader drain what is left
        for (String l : lines) if (signal.test(l)) return l;
        return null;
      }
      TimeUnit.NANOSECONDS.timedWait(this, Math.min(left, TimeUnit.MILLISECONDS.toNanos(200)));
    }
  }

  /** {@return everything the child printed so far} */
  synchronized String output() {
    return String.join("\n", lines);
  }

  Process process() {
    return process;
  }

  /** Kills the child at once (SIGKILL) and waits for it to be gone. */
  void kill() throws InterruptedException {
    process.destroyForcibly();
    if (!process.waitFor(60, TimeUnit.SECONDS)) throw new IllegalStateException("the child survived SIGKILL");
  }

  @Override
  public void close() {
    if (!process.isAlive()) return;
    try {
      kill();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
