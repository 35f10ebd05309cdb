package dev.sweep.io.crop;

import dev.sweep.data.Dataset;
import dev.sweep.data.Index;
import dev.sweep.run.Dims;
import dev.sweep.run.OnError;
import dev.sweep.run.RunFunction;
import dev.sweep.run.RunOptions;
import dev.sweep.run.Runner;
import dev.sweep.space.Combos;
import dev.sweep.space.Values;
import java.util.List;
import org.nd4j.linalg.factory.Nd4j;

/** Functions of every output shape and type, their runners and a space, for the crop format's tests. */
public final class Sweeps {
  static final RunOptions QUIET = RunOptions.builder().verbosity(0).build();

  private Sweeps() {}

  /** An enum argument, which must come back as itself in a failure's arguments. */
  public enum Fn { SIN, COS }

  /** A string and a double. */
  public static Object[] foo(int a, String b, Fn fn) {
    return new Object[] {a + "-" + b + "-" + fn, fn == Fn.SIN ? Math.sin(a) : Math.cos(a)};
  }

  /** An int64, a float32 vector, a float64 matrix over a constant, a boolean vector. */
  public static Object[] bar(int a, String b, Fn fn, double[] t) {
    double[][] m = new double[2][t.length];
    for (int x = 0; x < 2; x++) for (int k = 0; k < t.length; k++) m[x][k] = a * (x + 1) * t[k] + fn.ordinal();
    return new Object[] {(long) a * 1_000_000_000_000L, new float[] {a, b.length()}, m, new boolean[] {a % 2 == 0, true}};
  }

  /** A record with a labelled int vector, and strings that may be null. */
  public record Out(double sum, @Dims("k") int[] parts, String tag) {}

  /** A record's components as outputs. */
  public static Out parts(int a, String b, Fn fn) {
    return new Out(a + 0.5, new int[] {a, -a, a * a}, a == 3 ? null : b + fn);
  }

  /** A dataset, stacked, with attributes. */
  public static Dataset stacked(int a, String b, Fn fn) {
    return Dataset.builder().coord("q", Index.ofStrings("lo", "hi"))
        .variable("v", List.of("q"), Nd4j.createFromArray((double) a, a + b.length()))
        .variable("w", List.of("q"), b, fn.name()).attr("source", "stacked").build();
  }

  /** Fails for a = 2 with b = "y". */
  public static double flaky(int a, String b, Fn fn) {
    if (a == 2 && b.equals("y")) throw new IllegalStateException("no luck at a=" + a + ", b=" + b + ", fn=" + fn);
    return a * 10.0 + b.length() + fn.ordinal();
  }

  static Runner runner(String name) {
    Runner.Builder b;
    switch (name) {
      case "foo": b = Runner.builder(RunFunction.of(Sweeps.class, "foo")).vars("s", "y"); break;
      case "bar": b = Runner.builder(RunFunction.of(Sweeps.class, "bar")).vars("L", "F", "M", "B")
          .dims("F", "x").dims("M", "x", "t").dims("B", "two").coords("x", "left", "right")
          .constant("t", Values.linspace(0, 1, 3)).attr("note", "bar"); break;
      case "parts": b = Runner.builder(RunFunction.of(Sweeps.class, "parts")).type("tag", dev.sweep.data.DType.STRING); break;
      case "stacked": b = Runner.builder(RunFunction.of(Sweeps.class, "stacked")); break;
      case "flaky": b = Runner.builder(RunFunction.of(Sweeps.class, "flaky")).vars("v")
          .options(QUIET.toBuilder().onError(OnError.CONTINUE).build()); break;
      default: throw new AssertionError(name);
    }
    return b.options(name.equals("flaky") ? QUIET.toBuilder().onError(OnError.CONTINUE).build() : QUIET).build();
  }

  static Combos combos() {
    return Combos.builder().add("a", 1, 2, 3, 4).add("b", "x", "y", "zz").add("fn", Fn.class).build();
  }
}
