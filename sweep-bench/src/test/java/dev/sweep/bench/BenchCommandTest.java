package dev.sweep.bench;

import static org.junit.jupiter.api.Assertions.*;

import dev.sweep.cli.SweepCli;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code sweep bench}, contributed through the command line's plug-in point. */
class BenchCommandTest {
  @TempDir Path dir;

  static String capture(Runnable r) {
    PrintStream old = System.out;
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    System.setOut(new PrintStream(buf, true, StandardCharsets.UTF_8));
    try {
      r.run();
    } finally {
      System.setOut(old);
    }
    return buf.toString(StandardCharsets.UTF_8);
  }

  @Test
  void helpListsBench() {
    String out = capture(() -> assertEquals(0, SweepCli.execute("--help")));
    assertTrue(out.matches("(?s).*Commands:\\s+bench +Run the benchmark workloads.*\\n\\s+crop .*\\n\\s+grow .*\\n\\s+plot .*\\n\\s+show .*\\n\\s+help .*"),
        out);
  }

  /** The class names sweep-cli's tests assert are absent from its class path are real ones. */
  @Test
  void theClassesSweepCliMustNotSeeAreNamedAsItsTestSays() throws ClassNotFoundException {
    assertNotNull(Class.forName("org.openjdk.jmh.runner.Runner"));
    assertEquals(Bench.class, Class.forName("dev.sweep.bench.Bench"));
    assertEquals(BenchCommand.class, Class.forName("dev.sweep.bench.BenchCommand"));
  }

  @Test
  void benchPrintsMachineReadableLines() {
    String out = capture(() -> assertEquals(0, SweepCli.execute("bench", "--quick", "--only", "missing_cases",
        "--dir", dir.toString())));
    assertTrue(out.matches("(?s).*\\nbench missing_cases \\d+ cells/s\\n.*"), out);
  }

  @Test
  void anUnknownWorkloadFailsNamingTheWorkloads() {
    PrintStream old = System.err;
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    String out;
    try {
      out = capture(() -> assertEquals(2, SweepCli.execute("bench", "--only", "missing_cases,nope", "--dir",
          dir.toString())));
    } finally {
      System.setErr(old);
    }
    assertEquals("sweep bench: no workload 'nope'; the workloads are " + Workloads.names() + "\n",
        err.toString(StandardCharsets.UTF_8));
    assertEquals("", out); // nothing ran
    assertTrue(Workloads.names().contains("missing_cases"));
  }
}
