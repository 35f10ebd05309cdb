package dev.sweep.io.scene;

import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SceneTest {
  @TempDir Path dir;

  @Test
  void createMakesSimDirectoriesWithConsecutiveIds() {
    Scene a = Scene.create(dir);
    Scene b = Scene.create(dir);
    assertEquals(dir.resolve("sim_000000"), a.path());
    assertEquals(dir.resolve("sim_000001"), b.path());
    assertTrue(Files.isDirectory(b.path()));
    assertEquals("sim", b.name());
    assertEquals(1, b.id().getAsInt());
  }

  @Test
  void createTakesTheIdAfterTheHighestNotTheFirstGap() throws IOException {
    Files.createDirectories(dir.resolve("sim_000007"));
    Files.createDirectories(dir.resolve("sim_000002"));
    assertEquals(dir.resolve("sim_000008"), Scene.create(dir).path());
  }

  @Test
  void aSceneMadeByAnotherProcessBetweenTwoCreatesIsSeen() throws IOException {
    Scene.create(dir);
    Files.createDirectory(dir.resolve("sim_000009")); // at once: within the same tick of the file system's clock
    assertEquals(dir.resolve("sim_000010"), Scene.create(dir).path());
    Scene.at(dir, 10).remove();
    Scene.at(dir, 9).remove();
    assertEquals(dir.resolve("sim_000001"), Scene.create(dir).path(), "after a removal the parent is listed again");
  }

  @Test
  void createMakesTheParentAndIgnoresEntriesWithoutANumber() throws IOException {
    Path parent = dir.resolve("new/deeper");
    Files.createDirectories(parent);
    Files.createDirectories(parent.resolve("sim_final"));
    Files.createDirectories(parent.resolve("sim_"));
    Files.createDirectories(parent.resolve("simulation_000009"));
    assertEquals(parent.resolve("sim_000000"), Scene.create(parent).path()); // PhiFlow crashes on sim_final
    assertEquals(dir.resolve("other/sim_000000"), Scene.create(dir.resolve("other")).path());
  }

  @Test
  void createWithANameKeepsItsCase() {
    Scene s = Scene.create(dir, "Run");
    assertEquals(dir.resolve("Run_000000"), s.path());
    assertEquals(List.of(), Scene.list(dir)); // not a "sim" scene
    assertEquals(List.of(s), Scene.list(dir, "Run"));
  }

  @Test
  void idsOfAMillionAndMoreHaveMoreDigits() throws IOException {
    Files.createDirectories(dir.resolve("sim_999999"));
    Scene s = Scene.create(dir);
    assertEquals(dir.resolve("sim_1000000"), s.path());
    assertEquals(1_000_000, s.id().getAsInt());
    assertEquals(List.of(dir.resolve("sim_999999"), dir.resolve("sim_1000000")),
        Scene.list(dir).stream().map(Scene::path).toList()); // by id, not by name
    assertEquals(s, Scene.at(dir, 1_000_000));
  }

  @Test
  void recordsTheContextUnlessAskedNotTo() {
    Scene s = Scene.create(dir);
    assertTrue(Files.isRegularFile(s.path().resolve("src/context.json")));
    assertTrue(s.context().isPresent());
    Scene bare = Scene.builder(dir).recordContext(false).create();
    assertFalse(Files.exists(bare.path().resolve("src")));
    assertTrue(bare.context().isEmpty());
  }

  @Test
  void listIsSortedByIdAndEmptyForAMissingParent() throws IOException {
    assertEquals(List.of(), Scene.list(dir.resolve("missing")));
    Files.createDirectories(dir.resolve("sim_000010"));
    Files.createDirectories(dir.resolve("sim_000002"));
    Files.createDirectories(dir.resolve("sim_notanumber"));
    Files.writeString(dir.resolve("sim_000005"), "a file, not a scene");
    assertEquals(List.of(dir.resolve("sim_000002"), dir.resolve("sim_000010")),
        Scene.list(dir).stream().map(Scene::path).toList());
  }

  @Test
  void atFindsByIdAndNegativeIdsCountFromTheLatest() {
    Scene a = Scene.create(dir);
    Scene b = Scene.create(dir);
    Scene c = Scene.create(dir);
    assertEquals(b, Scene.at(dir, 1));
    assertEquals(c, Scene.at(dir, -1));
    assertEquals(a, Scene.at(dir, -3));
    assertEquals(a, Scene.at(a.path()));
  }

  @Test
  void atAMissingSceneNamesTheDirectoryAndWhatExists() {
    Scene.create(dir);
    Scene.create(dir);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Scene.at(dir, 5));
    assertEquals("no scene at " + dir.resolve("sim_000005") + ": the directory does not exist; its scenes named 'sim'"
        + " have the ids 0..1", e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> Scene.at(dir, -3));
    assertEquals("no scene -3 (counting from the latest) in " + dir + ": it holds 2 scene(s) named 'sim'", e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> Scene.at(dir.resolve("nowhere")));
    assertEquals("no scene at " + dir.resolve("nowhere") + ": the directory does not exist", e.getMessage());
  }

  @Test
  void removedScenesAreGoneAndAtSaysSo() throws IOException {
    Scene s = Scene.create(dir);
    s.put("a", 1);
    Files.writeString(s.subpath("notes.txt"), "x");
    s.remove();
    assertFalse(Files.exists(s.path()));
    assertFalse(s.exists());
    try (var left = Files.list(dir)) {
      assertEquals(List.of(), left.toList(), "nothing is left behind, not even the renamed directory");
    }
    assertThrows(IllegalArgumentException.class, () -> Scene.at(s.path()));
    s.remove(); // already gone: no error
  }

  @Test
  void equalityIsByAbsolutePath() {
    Scene s = Scene.create(dir);
    assertEquals(s, Scene.at(dir.resolve("sim_000000/../sim_000000")));
    assertEquals(s.hashCode(), Scene.at(dir.resolve("./sim_000000")).hashCode());
    assertNotEquals(s, Scene.create(dir));
    assertEquals(dir.resolve("sim_000000").toString(), s.toString());
  }

  @Test
  void renameKeepsTheIdAndRefusesAnExistingTarget() throws IOException {
    Scene.create(dir);
    Scene s = Scene.create(dir);
    s.put("a", 1);
    Scene r = s.rename("done");
    assertEquals(dir.resolve("done_000001"), r.path());
    assertEquals(1, r.property("a"));
    assertFalse(Files.exists(s.path()));
    Files.createDirectories(dir.resolve("kept_000000"));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Scene.at(dir, 0).rename("kept"));
    assertEquals("cannot rename " + dir.resolve("sim_000000") + " to " + dir.resolve("kept_000000") + ": it exists", e.getMessage());
    assertTrue(Files.isDirectory(dir.resolve("sim_000000")));
  }

  @Test
  void copyToMakesANewSceneWithTheSameFiles() throws IOException {
    Scene s = Scene.create(dir);
    s.put("smoothness", 0.5);
    s.write("noise", Fields.noise(4, 3, 1), 0);
    Scene copy = s.copyTo(dir.resolve("elsewhere"));
    assertEquals(dir.resolve("elsewhere/sim_000000"), copy.path());
    assertEquals(s.properties(), copy.properties());
    assertEquals(s.read("noise", 0), copy.read("noise", 0));
    assertTrue(Files.isRegularFile(copy.path().resolve("src/context.json")));
    assertEquals(dir.resolve("sim_000001"), s.copyTo(dir).path());
  }

  @Test
  void subpathStaysInsideTheScene() {
    Scene s = Scene.create(dir);
    assertEquals(s.path().resolve("images"), s.subpath("images"));
    Path made = s.subpath("logs/today", true);
    assertTrue(Files.isDirectory(made));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> s.subpath("../sim_000001"));
    assertEquals("subpath is '../sim_000001'; expected a relative path inside the scene " + s.path(), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> s.subpath("/etc"));
  }

  @Test
  void badNamesAreRefusedWithTheValue() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Scene.create(dir, "a/b"));
    assertEquals("name is 'a/b'; expected a directory name without a path separator ('/' at 1)", e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> Scene.create(dir, ""));
    assertEquals("name is ''; expected a directory name that is not empty", e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> Scene.create(dir, ".."));
    assertEquals("name is '..'; expected a directory name other than '.' and '..'", e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> Scene.builder(dir).source(dir.resolve("none.java")));
    assertEquals("source is '" + dir.resolve("none.java") + "'; expected an existing file or directory to copy into src/",
        e.getMessage());
    assertFalse(Files.exists(dir.resolve("sim_000000")));
  }

  @Test
  void aSourceIsCopiedIntoSrc() throws IOException {
    Path code = Files.writeString(dir.resolve("Simulation.java"), "class Simulation {}");
    Path tree = Files.createDirectories(dir.resolve("model/sub"));
    Files.writeString(tree.resolve("A.java"), "class A {}");
    Scene s = Scene.builder(dir.resolve("scenes")).source(code).create();
    assertEquals("class Simulation {}", Files.readString(s.path().resolve("src/Simulation.java")));
    Scene t = Scene.builder(dir.resolve("scenes")).source(dir.resolve("model")).create();
    assertEquals("class A {}", Files.readString(t.path().resolve("src/model/sub/A.java")));
  }

  @Test
  void threadsCreatingScenesAtOnceGetDistinctDirectories() throws Exception {
    int threads = 4;
    int each = 50;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<List<Path>>> futures = new ArrayList<>();
      java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
      for (int t = 0; t < threads; t++) {
        futures.add(pool.submit(() -> {
          start.await();
          List<Path> mine = new ArrayList<>();
          for (int i = 0; i < each; i++) mine.add(Scene.builder(dir).recordContext(false).create().path());
          return mine;
        }));
      }
      start.countDown();
      Set<Path> all = new HashSet<>();
      for (Future<List<Path>> f : futures) all.addAll(f.get());
      assertEquals(threads * each, all.size());
      Set<Integer> ids = new HashSet<>();
      for (Scene s : Scene.list(dir)) ids.add(s.id().getAsInt());
      assertEquals(threads * each, ids.size());
      assertEquals(threads * each - 1, ids.stream().mapToInt(Integer::intValue).max().getAsInt(), "no gaps, no repeats");
    } finally {
      pool.shutdownNow();
    }
  }
}
