package dev.sweep.bench;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlotWorkloadTest {
  @TempDir Path dir;

  @Test
  void plotLineTimesAHundredLinePlotAndCleansUp() throws Exception {
    assertTrue(Workloads.names().contains("plot_line"));
    assertEquals(100 * 100, PlotWorkload.hundredLines().variable("y").size());
    Result r = new Workloads(true, dir).run("plot_line");
    assertEquals("plot_line", r.name());
    assertEquals("ms", r.unit());
    assertTrue(r.value() > 0 && r.value() < 60_000, r.line());
    assertTrue(r.note().contains("800x560 PNG of "), r.note());
    assertFalse(Files.exists(dir.resolve("plot-line.png")));
  }
}
