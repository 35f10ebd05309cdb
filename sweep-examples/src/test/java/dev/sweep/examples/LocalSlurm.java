package dev.sweep.examples;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The private single-node SLURM cluster that {@code .ci/slurm-up.sh} starts under this module's
 * {@code target/slurm} (the build points SLURM_CONF there), and {@code .ci/slurm-down.sh} stops: only
 * the daemons whose pid files are in that directory. When SLURM cannot start here, a test that
 * needs it fails under CI ({@code CI=true}) and is skipped elsewhere, with the reason.
 */
final class LocalSlurm {
  static final String PACKAGES = "slurmctld slurmd slurm-client munge slurm-wlm-torque";

  private LocalSlurm() {}

  static Path directory() {
    return Path.of(System.getProperty("sweep.slurm.dir", "target/slurm")).toAbsolutePath();
  }

  private static Path script(String name) {
    return Path.of(System.getProperty("sweep.slurm.scripts", "../.ci")).resolve(name).toAbsolutePath().normalize();
  }

  /** Starts the cluster, stopping first what an earlier run of these tests may have left in its directory. */
  static void start() throws IOException, InterruptedException {
    String conf = System.getenv("SLURM_CONF");
    if (conf == null || !Path.of(conf).startsWith(directory())) {
      unavailable("SLURM_CONF is " + conf + ", not the test cluster's " + directory().resolve("etc/slurm.conf")
          + " (run the tests through Maven)");
    }
    run("slurm-down.sh");
    String out = run("slurm-up.sh");
    if (!out.contains("slurm up: ")) unavailable("the local SLURM cluster did not start:\n" + out);
  }

  /** Stops exactly the daemons {@link #start} started. */
  static void stop() throws IOException, InterruptedException {
    if (Files.isDirectory(directory())) run("slurm-down.sh");
  }

  private static String run(String name) throws IOException, InterruptedException {
    Path log = Files.createTempFile("sweep-slurm", ".log");
    try {
      Process p = new ProcessBuilder(List.of("/bin/bash", script(name).toString(), directory().toString()))
          .redirectErrorStream(true).redirectOutput(log.toFile()).start();
      if (!p.waitFor(180, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        unavailable(name + " did not finish within 3 minutes:\n" + Files.readString(log));
      }
      return Files.readString(log, StandardCharsets.UTF_8);
    } finally {
      Files.deleteIfExists(log);
    }
  }

  private static void unavailable(String why) {
    String install = "; on Debian, as root: apt-get install " + PACKAGES;
    if ("true".equalsIgnoreCase(System.getenv("CI"))) fail(why + install + " (CI must run the SLURM tests)");
    assumeTrue(false, why + install + "; skipping");
  }
}
