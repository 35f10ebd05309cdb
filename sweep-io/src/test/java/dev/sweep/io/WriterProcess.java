package dev.sweep.io;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * A writer process a follower test follows: a child JVM or Debian's Python, read line by line. Tests
 * wait for the line that says where the writer got (never for a fixed time), with a generous timeout,
 * and may write a line to its standard input to let it go on.
 */
public final class WriterProcess implements AutoCloseable {
  /** How long a test waits for a writer's line before it fails. */
  public static final long TIMEOUT_SECONDS = 120;
  /** Debian's Python. */
  public static final Path PYTHON = Path.of("/usr/bin/python3");
  private static final String EOF = "\u0000eof";

  private final Process process;
  private final Writer stdin;
  private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
  private final List<String> seen = new ArrayList<>();

  private WriterProcess(Process process) {
    this.process = process;
    this.stdin = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
    Thread reader = new Thread(() -> {
      try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
        for (String line; (line = r.readLine()) != null; ) lines.add(line);
      } catch (IOException e) {
        lines.add("(reading the writer failed: " + e + ")");
      } finally {
        lines.add(EOF);
      }
    }, "writer-stdout");
    reader.setDaemon(true);
    reader.start();
  }

  /** Starts {@code java -cp <test class path> main args...}, stderr merged into stdout. */
  public static WriterProcess java(Class<?> main, String... args) throws IOException {
    List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx256m", "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn", "-cp", System.getProperty("java.class.path"),
        main.getName()));
    cmd.addAll(List.of(args));
    return new WriterProcess(new ProcessBuilder(cmd).redirectErrorStream(true).start());
  }

  /** Starts Debian's Python on a script file with arguments, stderr merged into stdout. */
  public static WriterProcess python(Path script, String... args) throws IOException {
    List<String> cmd = new ArrayList<>(List.of(PYTHON.toString(), "-u", script.toString()));
    cmd.addAll(List.of(args));
    return new WriterProcess(new ProcessBuilder(cmd).redirectErrorStream(true).start());
  }

  /**
   * Requires Debian's Python with h5py: on CI ({@code CI=true}) a test fails without it, elsewhere it
   * is skipped.
   */
  public static void requireH5py() {
    String why = null;
    if (!Files.isExecutable(PYTHON)) {
      why = PYTHON + " does not exist";
    } else {
      try {
        Process p = new ProcessBuilder(PYTHON.toString(), "-c", "import h5py").redirectErrorStream(true).start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) why = PYTHON + " cannot import h5py: " + out.strip();
      } catch (IOException e) {
        why = e.toString();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        why = "interrupted";
      }
    }
    if (why != null) {
      String msg = why + "; this test needs apt-get install python3-h5py";
      if ("true".equalsIgnoreCase(System.getenv("CI"))) fail(msg + " (CI must run it)");
      Assumptions.abort(msg + "; skipping");
    }
  }

  /** Runs a Python script to its end; fails the test, showing its output, unless it exits 0. */
  public static String runPython(Path script, String... args) throws IOException, InterruptedException {
    try (WriterProcess p = python(script, args)) {
      p.process.getOutputStream().close();
      if (!p.process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) fail("python did not finish in " + TIMEOUT_SECONDS + " s");
      String out = p.drain();
      if (p.process.exitValue() != 0) fail("python exited with " + p.process.exitValue() + ":\n" + out);
      return out;
    }
  }

  private String drain() throws InterruptedException {
    StringBuilder sb = new StringBuilder();
    for (String l; (l = lines.poll(TIMEOUT_SECONDS, TimeUnit.SECONDS)) != null && !l.equals(EOF); ) sb.append(l).append('\n');
    return sb.toString();
  }

  /** {@return the first line that starts with the prefix}, failing if the writer exits or times out first. */
  public String await(String prefix) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(TIMEOUT_SECONDS);
    while (true) {
      String line = lines.poll(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
      if (line == null) fail("the writer did not print '" + prefix + "...' in " + TIMEOUT_SECONDS + " s; it printed " + seen);
      if (line.equals(EOF)) {
        lines.add(EOF);
        fail("the writer exited before printing '" + prefix + "...'; it printed " + seen);
      }
      seen.add(line);
      if (line.startsWith(prefix)) return line;
    }
  }

  /** Writes a line to the writer's standard input (a writer waiting on it goes on). */
  public void send(String line) throws IOException {
    stdin.write(line + "\n");
    stdin.flush();
  }

  /** {@return the writer's exit status, waiting for it to exit} */
  public int waitFor() throws InterruptedException {
    if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) fail("the writer did not exit in " + TIMEOUT_SECONDS + " s");
    return process.exitValue();
  }

  /** Kills the writer at once (SIGKILL) and waits until it is gone. */
  public void kill() throws InterruptedException {
    process.destroyForcibly();
    if (!process.waitFor(60, TimeUnit.SECONDS)) throw new IllegalStateException("the writer survived SIGKILL");
  }

  /** {@return the lines read so far by {@link #await}} */
  public List<String> seen() {
    return List.copyOf(seen);
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
