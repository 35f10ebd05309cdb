package dev.sweep.examples;

import dev.sweep.data.Dataset;
import dev.sweep.data.Index;
import dev.sweep.data.Variable;
import dev.sweep.io.scene.GridField;
import dev.sweep.io.scene.Scene;
import dev.sweep.io.scene.SceneBatch;
import dev.sweep.io.scene.SceneFunction;
import dev.sweep.run.Args;
import dev.sweep.run.RunOptions;
import dev.sweep.run.Runner;
import dev.sweep.space.Combos;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Lesson 9: scenes, PhiFlow's directories of simulation frames. Random noise on a 64 x 32 periodic
 * grid diffuses for 20 frames; a sweep over the smoothness (the diffusion per frame) gives every run
 * its own scene {@code sim_<id>}, with the run's arguments as its properties and one NetCDF file per
 * frame. The sweep's dataset records each run's scene, so the frames of the smoothest run are found
 * by selecting on the parameter and read back. Then the same four simulations run as one batched
 * scene: one object, four directories, the smoothness a property sliced per scene.
 */
public final class Lesson09_Scenes {
  /** The grid: 64 cells along x, 32 along y. */
  public static final int NX = 64;
  /** The cells along y. */
  public static final int NY = 32;
  /** The frames each scene holds. */
  public static final int FRAMES = 20;
  /** The smoothness values swept; the diffusion per frame is a tenth of each. */
  public static final double[] SMOOTHNESS = {0.25, 0.5, 1.0, 2.0};

  private Lesson09_Scenes() {}

  /**
   * What the lesson produces.
   *
   * @param sweep the sweep's dataset: {@code std} (the last frame's spread) and {@code scene} over smoothness
   * @param smoothest the scene of smoothness 2
   * @param smoothestStd the spread of each of its frames, read back from the files
   * @param batch the batched scene of four
   * @param batchLast the batch's last frame, stacked over smoothness
   */
  public record Result(Dataset sweep, Scene smoothest, List<Double> smoothestStd, SceneBatch batch, Dataset batchLast) {}

  /** {@return seeded uniform noise in [-1, 1) on the grid, x-major} */
  static double[] noise(long seed) {
    SplittableRandom rnd = new SplittableRandom(seed);
    double[] u = new double[NX * NY];
    for (int i = 0; i < u.length; i++) u[i] = 2 * rnd.nextDouble() - 1;
    return u;
  }

  /** One explicit diffusion step with periodic boundaries; stable for {@code alpha <= 0.25}. */
  static double[] diffuse(double[] u, double alpha) {
    double[] out = new double[u.length];
    for (int i = 0; i < NX; i++) {
      int ip = (i + 1) % NX;
      int im = (i + NX - 1) % NX;
      for (int j = 0; j < NY; j++) {
        int jp = (j + 1) % NY;
        int jm = (j + NY - 1) % NY;
        double c = u[i * NY + j];
        out[i * NY + j] = c + alpha * (u[ip * NY + j] + u[im * NY + j] + u[i * NY + jp] + u[i * NY + jm] - 4 * c);
      }
    }
    return out;
  }

  static double std(double[] u) {
    double mean = 0;
    for (double v : u) mean += v;
    mean /= u.length;
    double s = 0;
    for (double v : u) s += (v - mean) * (v - mean);
    return Math.sqrt(s / u.length);
  }

  static GridField field(double[] u) {
    Variable v = Variable.of("noise", List.of("x", "y"), Nd4j.createFromArray(u).reshape('c', NX, NY));
    return GridField.builder(v).extrapolation("periodic").build();
  }

  /** The simulation of one run: 20 frames of diffusing noise into the run's scene; returns the last frame's spread. */
  static double simulate(Args args, Scene scene) {
    double smoothness = args.getDouble("smoothness");
    scene.putAll(Map.of("seed", 42, "grid", List.of(NX, NY), "alpha", 0.1 * smoothness));
    double[] u = noise(42);
    for (int frame = 0; frame < FRAMES; frame++) {
      scene.write("noise", field(u), frame);
      u = diffuse(u, 0.1 * smoothness);
    }
    return std(u);
  }

  /** Runs the sweep and the batch into {@code dir}; returns what they produced. */
  public static Result run(Path dir, RunOptions options) {
    Runner runner = SceneFunction.runner(dir, Lesson09_Scenes::simulate, "std").options(options).build();
    Dataset sweep = runner.runCombos(Combos.builder().add("smoothness", 0.25, 0.5, 1.0, 2.0).build());

    // the frames of the smoothest run: select on the parameter, open its scene, read every frame
    Scene smoothest = Scene.at(Path.of((String) sweep.value("scene", Map.of("smoothness", 2.0))));
    List<Double> stds = new ArrayList<>();
    for (int frame : smoothest.frames()) stds.add(std(smoothest.read("noise", frame).variable("noise").toDoubleArray()));

    // the same four simulations as one batched scene: values over (smoothness, x, y), sliced per scene
    SceneBatch batch = SceneBatch.builder(dir).dim("smoothness", Index.ofDoubles(SMOOTHNESS)).create();
    batch.put("smoothness", Variable.of("smoothness", List.of("smoothness"), Nd4j.createFromArray(SMOOTHNESS)));
    double[][] u = new double[SMOOTHNESS.length][];
    for (int m = 0; m < u.length; m++) u[m] = noise(42);
    for (int frame = 0; frame < FRAMES; frame++) {
      double[] all = new double[SMOOTHNESS.length * NX * NY];
      for (int m = 0; m < u.length; m++) System.arraycopy(u[m], 0, all, m * NX * NY, NX * NY);
      Variable values = Variable.of("noise", List.of("smoothness", "x", "y"),
          Nd4j.createFromArray(all).reshape('c', SMOOTHNESS.length, NX, NY));
      batch.write("noise", GridField.builder(values).dimType("smoothness", GridField.DimType.BATCH)
          .extrapolation("periodic").build(), frame);
      for (int m = 0; m < u.length; m++) u[m] = diffuse(u[m], 0.1 * SMOOTHNESS[m]);
    }
    Dataset last = batch.read("noise", FRAMES - 1);
    return new Result(sweep, smoothest, stds, batch, last);
  }

  /**
   * Runs the lesson into the directory given (default {@code scenes}) and prints its results.
   *
   * @param args the directory, optional
   */
  public static void main(String[] args) {
    Result r = run(Path.of(args.length > 0 ? args[0] : "scenes"), RunOptions.defaults());
    System.out.println(r.sweep());
    System.out.println(r.smoothest().summary());
    System.out.println(r.batch());
  }
}
