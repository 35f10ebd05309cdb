package dev.sweep.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A smoke test: the benchmark runs and cleans up (its figure is not checked: no timed tests). */
class SamplerWorkloadTest {
  @TempDir Path dir;

  @Test
  void measuresAPositiveRateAndLeavesNoFileBehind() throws IOException {
    assertTrue(SamplerWorkload.samplesPerSecond(dir, 2000) > 0);
    try (var files = Files.list(dir)) {
      assertEquals(0, files.count());
    }
  }

  @Test
  void refusesANonPositiveCount() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> SamplerWorkload.samplesPerSecond(dir, 0));
    assertEquals("n is 0; expected a positive number of samples", e.getMessage());
  }
}
