package dev.sweep.io.scene;

import dev.sweep.run.Args;
import dev.sweep.run.RunFunction;
import dev.sweep.run.Runner;
import java.lang.reflect.Array;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A simulation that writes its frames into a scene: each run of a sweep gets a fresh scene, whose
 * properties are the run's swept arguments, and the sweep's dataset records each run's scene path
 * beside its outputs, so selecting on the parameters finds the frames.
 *
 * <pre>{@code
 * Runner runner = SceneFunction.runner(Path.of("data"), (args, scene) -> {
 *       double smoothness = args.getDouble("smoothness");
 *       for (int frame = 0; frame < 20; frame++) scene.write("noise", step(...), frame);
 *       return energy;                                   // the run's one output
 *     }, "energy")
 *     .build();
 * Dataset ds = runner.runCombos(Combos.builder().add("smoothness", 0.5, 1.0, 2.0).build());
 * Scene largest = Scene.at(Path.of((String) ds.value("scene", Map.of("smoothness", 2.0))));
 * }</pre>
 *
 * <p>Scenes are created race-free, so runs on several workers, or several processes, share one parent
 * safely. A run that throws leaves its scene in place, with its properties, for inspection.
 */
@FunctionalInterface
public interface SceneFunction {
  /** The name of the variable that holds each run's scene path. */
  String SCENE_VAR = "scene";

  /**
   * Runs once, writing into the run's own scene.
   *
   * @param args this run's arguments (reused after the call; keep no reference)
   * @param scene the run's new scene, its properties already holding the swept arguments
   * @return the outputs, one per variable named when the runner was made (an {@code Object[]}, list
   *     or primitive array for several, the value itself for one; anything, ignored, for none)
   * @throws Exception anything; it fails the run
   */
  Object apply(Args args, Scene scene) throws Exception;

  /**
   * {@return a runner builder for a scene function writing scenes {@code sim_<id>} into a parent}
   * Its variables are {@code vars} and then {@code scene} (the path, a string); add dimensions,
   * constants and options to the builder as for any runner.
   *
   * @param parent the directory of the scenes; created if missing
   * @param fn the simulation
   * @param vars the names of the function's outputs, in order; none if it only writes frames
   * @throws IllegalArgumentException if an output is named {@code scene}
   */
  static Runner.Builder runner(Path parent, SceneFunction fn, String... vars) {
    return runner(parent, SceneNames.DEFAULT_NAME, fn, vars);
  }

  /**
   * {@return a runner builder for a scene function writing scenes {@code <name>_<id>} into a parent}
   *
   * @param parent the directory of the scenes; created if missing
   * @param name the name before the scenes' ids
   * @param fn the simulation
   * @param vars the names of the function's outputs, in order
   * @throws IllegalArgumentException if an output is named {@code scene}, or the name is bad
   */
  static Runner.Builder runner(Path parent, String name, SceneFunction fn, String... vars) {
    Objects.requireNonNull(parent, "parent");
    Objects.requireNonNull(fn, "fn");
    SceneNames.checkSceneName(name);
    List<String> outputs = List.of(vars);
    if (outputs.contains(SCENE_VAR)) {
      throw new IllegalArgumentException("an output is named '" + SCENE_VAR + "', the variable that holds each run's"
          + " scene path; rename the output");
    }
    int n = outputs.size();
    RunFunction wrapped = args -> {
      Scene scene = Scene.create(parent, name);
      scene.putAll(args.toMap());
      Object out = fn.apply(args, scene);
      String path = scene.path().toString();
      if (n == 0) return path;
      Object[] all = new Object[n + 1];
      if (n == 1) {
        all[0] = out;
      } else {
        Object[] parts = parts(out, n);
        System.arraycopy(parts, 0, all, 0, n);
      }
      all[n] = path;
      return all;
    };
    List<String> names = new ArrayList<>(outputs);
    names.add(SCENE_VAR);
    return Runner.builder(wrapped).vars(names.toArray(new String[0]));
  }

  private static Object[] parts(Object out, int n) {
    Object[] parts;
    if (out instanceof Object[] a) parts = a;
    else if (out instanceof List<?> l) parts = l.toArray();
    else if (out != null && out.getClass().isArray()) {
      parts = new Object[Array.getLength(out)];
      for (int i = 0; i < parts.length; i++) parts[i] = Array.get(out, i);
    } else {
      throw new IllegalArgumentException("the scene function returned " + out + " for " + n + " outputs; expected an"
          + " Object[], list or array of " + n);
    }
    if (parts.length != n) {
      throw new IllegalArgumentException("the scene function returned " + parts.length + " outputs " + Arrays.toString(parts)
          + "; expected " + n);
    }
    return parts;
  }
}
