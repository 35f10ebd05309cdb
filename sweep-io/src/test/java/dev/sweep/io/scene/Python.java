package dev.sweep.io.scene;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * Debian's Python (/usr/bin/python3) for the interoperability tests. Tests that need it call
 * {@link #require}: when a module is missing, the test fails on CI (environment {@code CI=true}) with
 * the packages to install, and is skipped elsewhere.
 */
final class Python {
  static final Path PYTHON = Path.of("/usr/bin/python3");

  private Python() {}

  /** Requires Python with the modules (comma separated), provided by the Debian packages named. */
  static void require(String modules, String debianPackages) {
    String why = null;
    if (!Files.isExecutable(PYTHON)) {
      why = PYTHON + " does not exist";
    } else {
      Result r = exec("import " + modules);
      if (r.exit != 0) why = PYTHON + " cannot import " + modules + ": " + r.output.strip();
    }
    if (why != null) {
      String msg = why + "; this test needs apt-get install " + debianPackages;
      if ("true".equalsIgnoreCase(System.getenv("CI"))) fail(msg + " (CI must run it)");
      Assumptions.abort(msg + "; skipping");
    }
  }

  /** Runs a script with arguments ({@code sys.argv[1:]}); fails the test, showing the output, if it exits non-zero. */
  static String run(String script, String... args) {
    Result r = exec(script, args);
    if (r.exit != 0) fail("python exited with " + r.exit + ":\n" + r.output);
    return r.output;
  }

  private record Result(int exit, String output) {}

  private static Result exec(String script, String... args) {
    List<String> cmd = new ArrayList<>(List.of(PYTHON.toString(), "-c", script));
    cmd.addAll(List.of(args));
    try {
      Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
      p.getOutputStream().close();
      byte[] out = p.getInputStream().readAllBytes();
      if (!p.waitFor(120, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        fail("python did not finish within two minutes");
      }
      return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8));
    } catch (IOException e) {
      return new Result(-1, e.toString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
