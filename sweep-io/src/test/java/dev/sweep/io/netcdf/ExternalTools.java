package dev.sweep.io.netcdf;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The tools users open sweep's files with: Python's xarray and ncdump. Tests that need one call a
 * {@code require} method: when the tool is missing, the test fails on CI (environment {@code CI=true})
 * with the packages to install, and is skipped elsewhere.
 */
final class ExternalTools {
  /** Debian packages that provide every tool (and the NetCDF C library). */
  static final String PACKAGES = "python3-xarray python3-netcdf4 python3-scipy python3-h5py python3-h5netcdf "
      + "netcdf-bin libnetcdf19";

  /** The system Python, which has the Debian packages (a virtualenv's python may not). */
  static final Path PYTHON = Path.of("/usr/bin/python3");

  private static final long TIMEOUT_SECONDS = 120;
  private static Boolean xarray;

  private ExternalTools() {}

  /** The output of a finished process. */
  record Result(int exitCode, String stdout, String stderr) {
    /** Fails unless the process exited with 0, showing what it printed. */
    Result assertSuccess(String what) {
      if (exitCode != 0) {
        fail(what + " exited with " + exitCode + "\n--- stderr:\n" + stderr + "\n--- stdout:\n" + stdout);
      }
      return this;
    }
  }

  /** Requires /usr/bin/python3 with xarray, netCDF4 and scipy. */
  static synchronized void requireXarray() {
    if (xarray == null) {
      xarray = Files.isExecutable(PYTHON)
          && run(Path.of(System.getProperty("java.io.tmpdir")), PYTHON.toString(), "-c",
              "import xarray, netCDF4, scipy").exitCode() == 0;
    }
    if (!xarray) missing(PYTHON + " with xarray, netCDF4 and scipy");
  }

  private static Boolean h5netcdf;

  /** Requires /usr/bin/python3 with xarray and its h5netcdf engine (h5netcdf, h5py), which read complex values. */
  static synchronized void requireH5netcdf() {
    requireXarray();
    if (h5netcdf == null) {
      h5netcdf = run(Path.of(System.getProperty("java.io.tmpdir")), PYTHON.toString(), "-c", "import h5netcdf, h5py")
          .exitCode() == 0;
    }
    if (!h5netcdf) missing(PYTHON + " with h5netcdf and h5py (python3-h5netcdf python3-h5py)");
  }

  /** Requires ncdump on the PATH. */
  static void requireNcdump() {
    if (onPath("ncdump") == null) missing("ncdump");
  }

  /** Requires the NetCDF C library, which writing NetCDF-4 needs. */
  static void requireNetcdf4() {
    if (!Netcdf.isNetcdf4Available()) missing("the NetCDF C library (libnetcdf)");
  }

  private static void missing(String what) {
    String install = "apt-get install " + PACKAGES;
    if ("true".equalsIgnoreCase(System.getenv("CI"))) {
      fail(what + " is missing, and CI must run this test: " + install);
    }
    assumeTrue(false, what + " is missing; skipping (" + install + ")");
  }

  static Path onPath(String program) {
    String path = System.getenv("PATH");
    if (path == null) return null;
    for (String d : path.split(File.pathSeparator)) {
      Path p = Path.of(d, program);
      if (Files.isExecutable(p)) return p;
    }
    return null;
  }

  /** A test resource copied into {@code dir}, e.g. a Python script. */
  static Path resource(Path dir, String name) {
    try (InputStream in = ExternalTools.class.getResourceAsStream("/netcdf/" + name)) {
      if (in == null) throw new IllegalStateException("missing test resource netcdf/" + name);
      Path p = dir.resolve(name);
      Files.copy(in, p);
      return p;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Runs a command in {@code dir}, waiting at most two minutes; output goes through files, so no pipe fills up. */
  static Result run(Path dir, String... command) {
    try {
      Path out = Files.createTempFile(dir, "out", ".txt");
      Path err = Files.createTempFile(dir, "err", ".txt");
      try {
        Process p = new ProcessBuilder(List.of(command)).directory(dir.toFile())
            .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
          p.destroyForcibly();
          fail(String.join(" ", command) + " did not finish in " + TIMEOUT_SECONDS + " s\n--- stderr:\n"
              + Files.readString(err));
        }
        return new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
            Files.readString(err, StandardCharsets.UTF_8));
      } finally {
        Files.deleteIfExists(out);
        Files.deleteIfExists(err);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot run " + String.join(" ", command), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while running " + String.join(" ", command), e);
    }
  }
}
