package dev.sweep.io.internal;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A child JVM running {@link AtomicWriteChild}, read line by line: tests wait for the line that says
 * the child got where it should be (never for a fixed time), with a generous timeout.
 */
public final class Child implements AutoCloseable {
  public static final long TIMEOUT_SECONDS = 180;
  private static final String EOF = "\u0000eof";

  private final Process process;
  private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
  private final List<String> seen = new ArrayList<>();

  private Child(Process process) {
    this.process = process;
    Thread reader = new Thread(() -> {
      try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
        for (String line; (line = r.readLine()) != null; ) lines.add(line);
      } catch (IOException e) {
        lines.add("(reading the child failed: " + e + ")");
      } finally {
        lines.add(EOF);
      }
    }, "child-stdout");
    reader.setDaemon(true);
    reader.start();
  }

  /** Starts {@code AtomicWriteChild} with the arguments; its stderr goes to the test's output. */
  public static Child start(String... args) throws IOException {
    List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx128m", "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn", "-cp", System.getProperty("java.class.path"),
        AtomicWriteChild.class.getName()));
    cmd.addAll(List.of(args));
    return new Child(new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.INHERIT).start());
  }

  /** {@return the first line that starts with the prefix}, failing if the child exits or times out first. */
  public String await(String prefix) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(TIMEOUT_SECONDS);
    while (true) {
      String line = lines.poll(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
      if (line == null) fail("the child did not print '" + prefix + "...' in " + TIMEOUT_SECONDS + " s; it printed " + seen);
      if (line.equals(EOF)) fail("the child exited before printing '" + prefix + "...'; it printed " + seen);
      seen.add(line);
      if (line.startsWith(prefix)) return line;
    }
  }

  /** Sends a line to the child's stdin. */
  public void send(String line) throws IOException {
    Writer w = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
    w.write(line + "\n");
    w.flush();
  }

  /** Kills the child (SIGKILL) and waits until it is gone. */
  public void kill() throws InterruptedException {
    process.destroyForcibly();
    if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) fail("the killed child did not exit");
  }

  /** {@return the exit code}, after waiting for the child to exit. */
  public int exitCode() throws InterruptedException {
    if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) fail("the child did not exit; it printed " + seen);
    return process.exitValue();
  }

  /** Kills the child if it still runs. */
  @Override
  public void close() {
    if (!process.isAlive()) return;
    process.destroyForcibly();
    try {
      process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
