package dev.sweep.io.testing;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A child process a test coordinates with, read line by line: most often a JVM on this test's class
 * path ({@link #start(Class, String...)}), or any other program ({@link #start(List)}). Its standard
 * error is merged into its standard output.
 *
 * <p>Tests wait for a line the child prints (a signal), with a generous timeout, never for a fixed
 * time, and may signal back with a line on its standard input ({@link #send}). Every line the child
 * prints is kept ({@link #lines()}, {@link #output()}), so a failing assertion can show it.
 *
 * <p>The waits read the output in order: each {@code await}, {@code awaitLine} or {@code expect}
 * tests the lines after the one the previous wait returned, each line once (so a stateful predicate
 * such as "the third {@code flushed} line" counts right). Closing kills a child that still runs.
 */
public final class ChildProcess implements AutoCloseable {
  /** How long the waits without a timeout of their own ({@link #expect}, {@link #exitCode}) wait, in seconds. */
  public static final long TIMEOUT_SECONDS = 180;

  private final Process process;
  private final List<String> lines = new ArrayList<>();
  private boolean ended;
  /** Index of the first line the next wait tests. */
  private int next;

  private ChildProcess(Process process) {
    this.process = process;
    Thread reader = new Thread(this::pump, "child-output");
    reader.setDaemon(true);
    reader.start();
  }

  /**
   * Starts {@code java -cp <this test's class path> main args...}.
   *
   * @param main the class whose {@code main} the child runs
   * @param args its arguments
   * @return the running child, never null
   * @throws IOException if the JVM cannot be started
   */
  public static ChildProcess start(Class<?> main, String... args) throws IOException {
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx256m", "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn", "-cp", System.getProperty("java.class.path"),
        main.getName()));
    command.addAll(List.of(args));
    return start(command);
  }

  /**
   * Starts a program.
   *
   * @param command the program and its arguments
   * @return the running child, never null
   * @throws IOException if the program cannot be started
   */
  public static ChildProcess start(List<String> command) throws IOException {
    return new ChildProcess(new ProcessBuilder(command).redirectErrorStream(true).start());
  }

  private void pump() {
    var in = new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8);
    try (BufferedReader r = new BufferedReader(in)) {
      for (String line; (line = r.readLine()) != null; ) {
        synchronized (this) {
          lines.add(line);
          notifyAll();
        }
      }
    } catch (IOException e) {
      synchronized (this) {
        lines.add("(reading the child's output failed: " + e + ")");
      }
    } finally {
      synchronized (this) {
        ended = true;
        notifyAll();
      }
    }
  }

  /**
   * Waits for the next line that matches.
   *
   * @param signal what the line must satisfy; called once per line, in order
   * @param timeout how long to wait at most
   * @param unit the unit of {@code timeout}
   * @return the line, or null if the child's output ended or the timeout passed first
   * @throws InterruptedException if interrupted while waiting
   */
  public synchronized String await(Predicate<String> signal, long timeout, TimeUnit unit) throws InterruptedException {
    Objects.requireNonNull(signal, "signal");
    long until = System.nanoTime() + unit.toNanos(timeout);
    while (true) {
      while (next < lines.size()) {
        String line = lines.get(next++);
        if (signal.test(line)) return line;
      }
      long left = until - System.nanoTime();
      if (ended || left <= 0) return null;
      TimeUnit.NANOSECONDS.timedWait(this, left);
    }
  }

  /**
   * Waits for the next line that equals {@code line}.
   *
   * @return true once the child printed it; false if its output ended or the timeout passed first
   * @throws InterruptedException if interrupted while waiting
   */
  public boolean awaitLine(String line, long timeout, TimeUnit unit) throws InterruptedException {
    return await(line::equals, timeout, unit) != null;
  }

  /**
   * Waits up to {@link #TIMEOUT_SECONDS} for the next line that starts with {@code prefix}, failing the
   * test, with what the child printed, if its output ends or the time passes first.
   *
   * @return the line, never null
   * @throws InterruptedException if interrupted while waiting
   */
  public String expect(String prefix) throws InterruptedException {
    String line = await(l -> l.startsWith(prefix), TIMEOUT_SECONDS, TimeUnit.SECONDS);
    if (line == null) {
      boolean exited;
      synchronized (this) {
        exited = ended;
      }
      fail((exited ? "the child exited before printing '" + prefix + "...'"
          : "the child did not print '" + prefix + "...' in " + TIMEOUT_SECONDS + " s") + "; it printed " + lines());
    }
    return line;
  }

  /**
   * Writes a line to the child's standard input.
   *
   * @throws IOException if the child's input is closed
   */
  public void send(String line) throws IOException {
    OutputStream in = process.getOutputStream();
    in.write((line + "\n").getBytes(StandardCharsets.UTF_8));
    in.flush();
  }

  /** {@return every line the child printed so far, in order} */
  public synchronized List<String> lines() {
    return List.copyOf(lines);
  }

  /** {@return everything the child printed so far, one line after another} */
  public synchronized String output() {
    return String.join("\n", lines);
  }

  /** {@return the running process, for what this class does not wrap} */
  public Process process() {
    return process;
  }

  /**
   * Waits for the child to exit.
   *
   * @return its exit code, or -1 if it did not exit in time (then it is killed)
   * @throws InterruptedException if interrupted while waiting
   */
  public int waitFor(long timeout, TimeUnit unit) throws InterruptedException {
    if (process.waitFor(timeout, unit)) return process.exitValue();
    process.destroyForcibly();
    return -1;
  }

  /**
   * Waits up to {@link #TIMEOUT_SECONDS} for the child to exit, failing the test, with what the child
   * printed, if it does not.
   *
   * @return its exit code
   * @throws InterruptedException if interrupted while waiting
   */
  public int exitCode() throws InterruptedException {
    if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
      fail("the child did not exit in " + TIMEOUT_SECONDS + " s; it printed " + lines());
    }
    return process.exitValue();
  }

  /**
   * Kills the child at once (SIGKILL) and waits until it is gone.
   *
   * @throws IllegalStateException if it is still there after {@link #TIMEOUT_SECONDS}
   * @throws InterruptedException if interrupted while waiting
   */
  public void kill() throws InterruptedException {
    process.destroyForcibly();
    if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
      throw new IllegalStateException("the child survived SIGKILL");
    }
  }

  /** Kills the child if it still runs. */
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
