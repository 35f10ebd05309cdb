package dev.sweep.examples;

import static org.junit.jupiter.api.Assertions.*;

import dev.sweep.follow.StopReason;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Lesson 13's numbers: every frame of the writer JVM's scan, summed as it came, and the finished flag. */
class Lesson13Test {
  @TempDir Path dir;

  @Test
  void everyFrameOfTheScanIsSummedOnceInOrderAndTheFollowerStopsAtTheFlag() throws Exception {
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    Lesson13_Follow.Result r = Lesson13_Follow.run(dir, new PrintStream(buf, true, StandardCharsets.UTF_8));
    assertEquals(0, r.writerExit());
    assertEquals(StopReason.FINISHED, r.stop());
    int n = Lesson13_Follow.ROWS * Lesson13_Follow.COLS;
    assertEquals(n, r.sums().length);
    for (int i = 0; i < n; i++) {
      double expected = 0;
      for (double[] row : Lesson13_Follow.frame(i)) for (double v : row) expected += v;
      assertEquals(expected, r.sums()[i], 1e-9 * expected, "frame " + i);
    }
    assertTrue(r.sums()[0] > 64 * 64, "a spot on a background of 1");
    String[] lines = buf.toString(StandardCharsets.UTF_8).split("\n");
    assertEquals(Lesson13_Follow.ROWS, lines.length);
    for (int row = 0; row < lines.length; row++) {
      assertTrue(lines[row].startsWith("row " + row + ": "), lines[row]);
      assertEquals(Lesson13_Follow.COLS, lines[row].substring(lines[row].indexOf(": ") + 2).split(" ").length);
    }
  }
}
