package dev.sweep.io.scene;

import static org.junit.jupiter.api.Assertions.*;

import dev.sweep.io.testing.ChildProcess;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Processes that create scenes or update properties at the same moment, released by one signal. */
class SceneConcurrencyTest {
  @TempDir Path dir;

  /** Starts the children, waits until each is ready, then releases them all at once. */
  private static void startTogether(List<ChildProcess> children) throws Exception {
    for (ChildProcess c : children) assertTrue(c.awaitLine("ready", 120, TimeUnit.SECONDS), () -> "child not ready: " + c.lines());
    for (ChildProcess c : children) c.send("go");
    for (ChildProcess c : children) {
      assertTrue(c.awaitLine("done", 180, TimeUnit.SECONDS), () -> "child did not finish: " + c.lines());
      assertEquals(0, c.waitFor(60, TimeUnit.SECONDS), () -> "child failed: " + c.lines());
    }
  }

  @Test
  void fourJvmsCreatingScenesInOneParentGetDistinctDirectories() throws Exception {
    int each = 25;
    List<ChildProcess> children = new ArrayList<>();
    try {
      for (int k = 0; k < 4; k++) children.add(ChildProcess.start(CreateScenesChild.class, dir.toString(), "" + each, "1"));
      startTogether(children);
      List<String> paths = new ArrayList<>();
      for (ChildProcess c : children) {
        for (String line : c.lines()) if (line.startsWith("scene ")) paths.add(line.substring(6));
      }
      assertEquals(4 * each, paths.size());
      assertEquals(4 * each, new HashSet<>(paths).size(), "two processes were handed the same directory");
      Set<Integer> ids = new TreeSet<>();
      for (Scene s : Scene.list(dir)) ids.add(s.id().getAsInt());
      Set<Integer> expected = new TreeSet<>();
      for (int i = 0; i < 4 * each; i++) expected.add(i);
      assertEquals(expected, ids);
    } finally {
      for (ChildProcess c : children) c.close();
    }
  }

  @Test
  void jvmsCreatingBatchesAtOnceGetConsecutiveIdsEach() throws Exception {
    List<ChildProcess> children = new ArrayList<>();
    try {
      for (int k = 0; k < 3; k++) children.add(ChildProcess.start(CreateScenesChild.class, dir.toString(), "8", "3"));
      startTogether(children);
      List<Integer> ids = new ArrayList<>();
      for (ChildProcess c : children) {
        List<Integer> mine = new ArrayList<>();
        for (String line : c.lines()) {
          if (line.startsWith("scene ")) mine.add(Scene.at(Path.of(line.substring(6))).id().getAsInt());
        }
        assertEquals(24, mine.size());
        for (int b = 0; b < mine.size(); b += 3) {
          assertEquals(List.of(mine.get(b), mine.get(b) + 1, mine.get(b) + 2), mine.subList(b, b + 3),
              "a batch's ids are consecutive");
        }
        ids.addAll(mine);
      }
      assertEquals(ids.size(), new HashSet<>(ids).size());
      assertEquals(72, Scene.list(dir).size(), "ids given back after a lost race leave no directory behind");
    } finally {
      for (ChildProcess c : children) c.close();
    }
  }

  @Test
  void concurrentPropertyUpdatesFromThreeJvmsKeepEveryKey() throws Exception {
    Scene scene = Scene.create(dir);
    scene.put("before", "kept");
    List<ChildProcess> children = new ArrayList<>();
    try {
      for (String prefix : List.of("a", "b", "c")) {
        children.add(ChildProcess.start(PutPropertiesChild.class, scene.path().toString(), prefix, "30"));
      }
      startTogether(children);
      Map<String, Object> p = scene.properties();
      assertEquals(91, p.size(), () -> "keys lost: " + p.keySet());
      assertEquals("kept", p.get("before"));
      for (String prefix : List.of("a", "b", "c")) {
        for (int i = 0; i < 30; i++) assertEquals(i, p.get(prefix + "_" + i));
      }
    } finally {
      for (ChildProcess c : children) c.close();
    }
  }
}
