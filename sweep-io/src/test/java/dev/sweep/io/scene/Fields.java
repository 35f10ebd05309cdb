package dev.sweep.io.scene;

import dev.sweep.data.Variable;
import java.util.List;
import java.util.SplittableRandom;
import org.nd4j.linalg.factory.Nd4j;

/** Field data for the scene tests. */
final class Fields {
  private Fields() {}

  /** {@return float64 random values over (x, y)} */
  static Variable noise(int nx, int ny, long seed) {
    return random(List.of("x", "y"), new long[] {nx, ny}, seed);
  }

  /** {@return float64 random values over the given dimensions} */
  static Variable random(List<String> dims, long[] shape, long seed) {
    long n = 1;
    for (long s : shape) n *= s;
    double[] v = new double[(int) n];
    SplittableRandom rnd = new SplittableRandom(seed);
    for (int i = 0; i < v.length; i++) v[i] = rnd.nextDouble();
    return Variable.of("values", dims, Nd4j.createFromArray(v).reshape('c', shape));
  }

  /** {@return float64 values 0, 1, 2, ... over the given dimensions} */
  static Variable counting(List<String> dims, long... shape) {
    long n = 1;
    for (long s : shape) n *= s;
    double[] v = new double[(int) n];
    for (int i = 0; i < v.length; i++) v[i] = i;
    return Variable.of("values", dims, Nd4j.createFromArray(v).reshape('c', shape));
  }
}
