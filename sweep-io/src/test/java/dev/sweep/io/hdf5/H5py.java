package dev.sweep.io.hdf5;

import static org.junit.jupiter.api.Assertions.fail;

import dev.sweep.io.testing.ChildProcess;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/** Debian's Python with h5py, which writes the HDF5 files the follow tests read. */
final class H5py {
  /** Debian's Python. */
  static final Path PYTHON = Path.of("/usr/bin/python3");

  private H5py() {}

  /** Starts Debian's Python, unbuffered, on a script file with arguments. */
  static ChildProcess start(Path script, String... args) throws IOException {
    List<String> command = new ArrayList<>(List.of(PYTHON.toString(), "-u", script.toString()));
    command.addAll(List.of(args));
    return ChildProcess.start(command);
  }

  /** Runs a script to its end; fails the test, showing its output, unless it exits 0. */
  static String run(Path script, String... args) throws IOException, InterruptedException {
    try (ChildProcess p = start(script, args)) {
      p.process().getOutputStream().close();
      int code = p.exitCode();
      p.await(line -> false, ChildProcess.TIMEOUT_SECONDS, TimeUnit.SECONDS); // until its output ends
      if (code != 0) fail("python exited with " + code + ":\n" + p.output());
      return p.output();
    }
  }

  /**
   * Requires Debian's Python with h5py: on CI ({@code CI=true}) a test fails without it, elsewhere it
   * is skipped.
   */
  static void require() {
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
}
