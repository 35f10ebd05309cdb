package dev.sweep.cli;

import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlotCommandTest {
  @TempDir Path dir;

  @Test
  void plotDrawsACsvTableNextToIt() throws IOException {
    Path file = ShowCommandTest.csv(dir.resolve("trig.csv"));
    CliRun r = CliRun.of("plot", file.toString(), "-x", "x", "-y", "out", "--hue", "fn");
    assertEquals(0, r.status(), r.err());
    Path png = dir.resolve("trig.png");
    assertEquals(png + "\n", r.out());
    byte[] head = Arrays.copyOf(Files.readAllBytes(png), 8);
    assertArrayEquals(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'}, head);
  }

  @Test
  void aMissingFileOrColumnIsAUsageError() {
    Path nope = dir.resolve("nope.csv");
    CliRun missing = CliRun.of("plot", nope.toString(), "-x", "x", "-y", "out");
    assertEquals(2, missing.status());
    assertEquals("sweep plot: no such file: " + nope + "\n", missing.err());

    Path file = ShowCommandTest.csv(dir.resolve("trig.csv"));
    CliRun column = CliRun.of("plot", file.toString(), "-x", "x", "-y", "nope", "-o", dir.resolve("p.png").toString());
    assertEquals(2, column.status());
    assertTrue(column.err().startsWith("sweep plot: ") && column.err().contains("'nope'"), column.err());
    assertFalse(Files.exists(dir.resolve("p.png")));
  }

  @Test
  void requiresBothAxes() {
    CliRun r = CliRun.of("plot", "trig.csv", "-x", "x");
    assertEquals(2, r.status());
    assertTrue(r.err().startsWith("Missing required option: '-y=<y>'"), r.err());
  }
}
