package dev.sweep.bench;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CropWorkloadTest {
  @TempDir Path dir;

  @Test
  void theCropWorkloadsAreRegisteredAndSowingReportsMilliseconds() throws Exception {
    assertTrue(Workloads.names().containsAll(java.util.List.of("crop_sow", "crop_reap", "crop_worker")));
    Result r = new Workloads(true, dir).run("crop_sow");
    assertEquals("crop_sow", r.name());
    assertEquals("ms", r.unit());
    assertTrue(r.value() > 0, r.toString());
    assertTrue(r.line().startsWith("bench crop_sow "), r.line());
  }
}
