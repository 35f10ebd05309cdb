package dev.sweep.examples.cli;

import static org.junit.jupiter.api.Assertions.*;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SweepCliTest {
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
  void helpListsTheCommands() {
    String out = capture(() -> assertEquals(0, SweepCli.execute("--help")));
    assertTrue(out.contains("demo"), out);
  }

  @Test
  void demoPrintsEveryLesson() {
    String out = capture(() -> assertEquals(0, SweepCli.execute("demo", "--out", dir.toString(), "-v", "0")));
    assertTrue(out.contains("== 1. combos"), out);
    assertTrue(out.contains("a_out    (a, b, c) str '1-x-true'"), out);
    assertTrue(out.contains("C        (i, j, k, x, t) float64"), out);
  }

  @Test
  void unknownCommandFails() {
    assertNotEquals(0, SweepCli.execute("nope"));
  }
}
