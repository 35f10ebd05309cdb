package dev.sweep.io.csv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/** Runs Python scripts with Debian's pandas (/usr/bin/python3) for the interoperability tests. */
public final class Pandas {
  static final String PYTHON = "/usr/bin/python3";

  private Pandas() {}

  /**
   * Skips the test unless /usr/bin/python3 imports pandas; on CI (CI=true) fails instead, naming the
   * package to install.
   */
  public static void assumeAvailable() {
    assumeImports("pandas", "python3-pandas");
  }

  /**
   * Skips the test unless /usr/bin/python3 imports the modules (comma separated); on CI (CI=true)
   * fails instead, naming the Debian packages to install.
   */
  public static void assumeImports(String modules, String debianPackages) {
    String why = null;
    if (!Files.isExecutable(Path.of(PYTHON))) {
      why = PYTHON + " does not exist";
    } else {
      Result r = exec("import " + modules);
      if (r.exit != 0) why = PYTHON + " cannot import " + modules + ": " + r.output.strip();
    }
    if (why != null) {
      String msg = why + "; this interoperability test needs the Debian package(s) " + debianPackages
          + " (apt-get install -y " + debianPackages + ")";
      if ("true".equalsIgnoreCase(System.getenv("CI"))) fail(msg);
      Assumptions.abort(msg);
    }
  }

  /** Runs the script with the arguments (sys.argv[1:]) and returns its output; fails if it exits non-zero. */
  public static String run(String script, String... args) {
    Result r = exec(script, args);
    assertEquals(0, r.exit, () -> "python failed:\n" + r.output);
    return r.output;
  }

  private record Result(int exit, String output) {}

  private static Result exec(String script, String... args) {
    List<String> cmd = new ArrayList<>(List.of(PYTHON, "-c", script));
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
