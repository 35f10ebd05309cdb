package dev.sweep.bench;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SceneWorkloadTest {
  @TempDir Path dir;

  @Test
  void sceneWriteMeasuresFramesAndSaysWhatToDelete() throws Exception {
    java.util.List<Path> written = new java.util.ArrayList<>();
    SceneWorkload.Write w = SceneWorkload.write(dir, 4, written, true);
    assertTrue(w.framesPerSecond() > 0 && w.megabytesPerSecond() > 0 && w.rawAtomicMegabytesPerSecond() > 0, w.toString());
    assertEquals(0.52, w.frameMegabytes(), 0.01, "a 256 x 256 float64 frame and its NetCDF header");
    assertEquals(1, written.size(), "the raw files are left for the caller: " + written);
    for (Path p : written) SceneWorkload.deleteRecursively(p);
    try (var left = Files.list(dir)) {
      assertEquals(0, left.count());
    }
  }

  @Test
  void sceneCreateChecksThatEverySceneIsDistinct() throws Exception {
    assertTrue(SceneWorkload.create(dir, 40, 4) > 0);
    try (var left = Files.list(dir)) {
      assertEquals(0, left.count());
    }
  }

  @Test
  void theWorkloadsAreListed() {
    assertTrue(Workloads.names().containsAll(java.util.List.of("scene_write", "scene_create")));
  }
}
