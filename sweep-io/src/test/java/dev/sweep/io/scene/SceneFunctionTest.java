package dev.sweep.io.scene;

import static org.junit.jupiter.api.Assertions.*;

import dev.sweep.data.Dataset;
import dev.sweep.run.RunFailedException;
import dev.sweep.run.RunOptions;
import dev.sweep.run.Runner;
import dev.sweep.space.Combos;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SceneFunctionTest {
  @TempDir Path dir;
  static final RunOptions QUIET = RunOptions.builder().verbosity(0).build();

  @Test
  void eachRunWritesItsOwnSceneAndTheDatasetFindsIt() {
    Runner runner = SceneFunction.runner(dir, (args, scene) -> {
      double a = args.getDouble("a");
      for (int frame = 0; frame < 3; frame++) {
        scene.write("p", Fields.counting(List.of("x"), 4).rename("p"), frame);
      }
      return a * args.getInt("b");
    }, "out").options(QUIET).build();
    Combos combos = Combos.builder().add("a", 0.5, 1.5).add("b", 1, 2, 3).build();
    Dataset ds = runner.runCombos(combos);
    assertEquals(List.of("out", "scene"), List.copyOf(ds.variables().keySet()));
    assertEquals(4.5, ds.doubleValue("out", Map.of("a", 1.5, "b", 3)));
    Scene s = Scene.at(Path.of((String) ds.value("scene", Map.of("a", 1.5, "b", 3))));
    assertEquals(Map.of("a", 1.5, "b", 3), s.properties());
    assertEquals(List.of(0, 1, 2), s.frames());
    assertEquals(6, Scene.list(dir).size());
  }

  @Test
  void parallelRunsShareTheParentSafely() {
    Runner runner = SceneFunction.runner(dir, "run", (args, scene) -> {
      scene.put("note", "x" + args.getInt("i"));
      return new double[] {args.getInt("i"), 2.0 * args.getInt("i")};
    }, "one", "two").options(RunOptions.builder().verbosity(0).workers(2).build()).build();
    Dataset ds = runner.runCombos(Combos.builder().add("i", dev.sweep.space.Values.range(0, 40)).build());
    Set<String> paths = new HashSet<>(List.of(ds.variable("scene").toStringArray()));
    assertEquals(40, paths.size());
    assertEquals(40, Scene.list(dir, "run").size());
    assertEquals(14.0, ds.doubleValue("two", Map.of("i", 7)));
    assertEquals("x7", Scene.at(Path.of((String) ds.value("scene", Map.of("i", 7)))).property("note"));
  }

  @Test
  void aFunctionWithoutOutputsRecordsOnlyTheScene() {
    Dataset ds = SceneFunction.runner(dir, (args, scene) -> null).options(QUIET).build()
        .runCombos(Combos.builder().add("k", "u", "v").build());
    assertEquals(List.of("scene"), List.copyOf(ds.variables().keySet()));
    assertEquals("v", Scene.at(Path.of((String) ds.value("scene", Map.of("k", "v")))).property("k"));
  }

  @Test
  void anOutputNamedSceneAndAWrongNumberOfOutputsAreRefused() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> SceneFunction.runner(dir, (args, scene) -> 1, "scene"));
    assertEquals("an output is named 'scene', the variable that holds each run's scene path; rename the output", e.getMessage());
    Runner r = SceneFunction.runner(dir, (args, scene) -> new double[] {1}, "a", "b").options(QUIET).build();
    RunFailedException f = assertThrows(RunFailedException.class, () -> r.runCombos(Combos.builder().add("k", 1).build()));
    assertTrue(f.getCause().getMessage().startsWith("the scene function returned 1 outputs [1.0]; expected 2"), f.getCause().getMessage());
    assertEquals(Map.of("k", 1), Scene.at(dir, -1).properties(), "the failed run's scene stays for inspection");
  }
}
