package dev.sweep.examples;

import dev.sweep.farm.Harvest;
import dev.sweep.farm.Sample;
import dev.sweep.run.Label;

/**
 * The functions of the tutorial, as plain Java methods: a sweep binds their parameters by name.
 * They mirror xyzpy's tutorial; {@link #bar} computes deterministic values instead of random ones
 * so the lessons' numbers can be checked.
 */
public final class Tutorial {
  private Tutorial() {}

  /** {@code foo(a, b, c) -> ("a-b-c", sin(a))}. */
  public static Object[] foo(int a, String b, boolean c) {
    return new Object[] {a + "-" + b + "-" + c, Math.sin(a)};
  }

  /** The x coordinates of {@link #bar}'s inner dimension. */
  public static final int[] X = {10, 20, 30};

  /**
   * {@code bar(i, j, k, t) -> (A, B[x], C[x, t])}: a scalar, a vector over x = 10, 20, 30, and a
   * matrix over x and the constant time series t. A = i * j * k; B[x] = i + j * x; C[x, t] = k * x *
   * cos(t).
   */
  @Label(varNames = {"A", "B", "C"}, varDims = {"B[x]", "C[x, t]"}, varCoords = {"x = 10, 20, 30"})
  public static Object[] bar(int i, double j, double k, double[] t) {
    double a = i * j * k;
    double[] b = new double[X.length];
    double[][] c = new double[X.length][t.length];
    for (int q = 0; q < X.length; q++) {
      b[q] = i + j * X[q];
      for (int s = 0; s < t.length; s++) c[q][s] = k * X[q] * Math.cos(t[s]);
    }
    return new Object[] {a, b, c};
  }

  /**
   * {@code trig(amp, fn, x, phase) = amp * fn(x - phase)} for fn in cos, sin, tan: the function of
   * the sampler lesson.
   */
  @Label(varNames = "out")
  @Sample("trig.csv")
  public static double trig(int amp, String fn, double x, double phase) {
    double t = x - phase;
    switch (fn) {
      case "cos": return amp * Math.cos(t);
      case "sin": return amp * Math.sin(t);
      case "tan": return amp * Math.tan(t);
      default: throw new IllegalArgumentException("fn is '" + fn + "'; expected cos, sin or tan");
    }
  }

  /** The system property that makes one value of {@code a} fail in {@link #wave}, as a flaky node would. */
  public static final String UNLUCKY = "tutorial.unlucky";

  /**
   * {@code wave(a, x) = a * sin(x)}: the function of the crop lesson, which fails on purpose for the
   * {@code a} that the system property {@value #UNLUCKY} names (in the JVM that runs it).
   */
  @Label(varNames = "y")
  @Harvest("waves.nc")
  public static double wave(int a, double x) {
    if (a == Integer.getInteger(UNLUCKY, -1)) throw new IllegalStateException("a = " + a + " is unlucky on this node");
    return a * Math.sin(x);
  }

  /** {@code sum and diff}, as xyzpy's {@code @label} hint. */
  @Label(varNames = {"sum", "diff"})
  public static double[] sumDiff(double x, double y) {
    return new double[] {x + y, x - y};
  }
}
