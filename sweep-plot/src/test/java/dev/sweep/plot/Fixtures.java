package dev.sweep.plot;

import dev.sweep.data.Dataset;
import dev.sweep.data.Index;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.nd4j.linalg.factory.Nd4j;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/** Small datasets and tables shaped like the ones sweep's lessons write. */
final class Fixtures {
  private Fixtures() {}

  /**
   * A harvest: {@code y(a, b, c) = sin(a) * (1 + b / 10)} and its spread {@code s = 0.1 * a} over
   * a = 0..9, b = 1..3 and c in true, false, with b = 3 never run for a >= 5 (NaN).
   */
  static Dataset harvest() {
    int na = 10;
    double[][][] y = new double[na][3][2];
    double[][][] s = new double[na][3][2];
    for (int a = 0; a < na; a++) {
      for (int b = 0; b < 3; b++) {
        for (int c = 0; c < 2; c++) {
          y[a][b][c] = b == 2 && a >= 5 ? Double.NaN : Math.sin(a) * (1 + (b + 1) / 10.0) + c;
          s[a][b][c] = 0.1 * a;
        }
      }
    }
    return Dataset.builder()
        .coord("a", Index.ofInts(0, 1, 2, 3, 4, 5, 6, 7, 8, 9))
        .coord("b", Index.ofInts(1, 2, 3))
        .coord("c", Index.ofBooleans(true, false))
        .variable(dev.sweep.data.Variable.of("y", List.of("a", "b", "c"), Nd4j.createFromArray(y))
            .withAttrs(Map.of("long_name", "energy", "units", "J")))
        .variable("s", List.of("a", "b", "c"), Nd4j.createFromArray(s))
        .build();
  }

  /** Lesson 5's shape: {@code C(k, x, t) = k * x * cos(t)} over k = 0.05, 0.06, x = 10, 20, 30, t = 0..1 (11). */
  static Dataset structured() {
    double[] ks = {0.05, 0.06};
    int[] xs = {10, 20, 30};
    double[] ts = new double[11];
    for (int i = 0; i < ts.length; i++) ts[i] = i / 10.0;
    double[][][] c = new double[ks.length][xs.length][ts.length];
    for (int k = 0; k < ks.length; k++) {
      for (int x = 0; x < xs.length; x++) for (int t = 0; t < ts.length; t++) c[k][x][t] = ks[k] * xs[x] * Math.cos(ts[t]);
    }
    c[1][2][10] = Double.NaN;
    return Dataset.builder()
        .coord("k", Index.ofDoubles(ks)).coord("x", Index.ofInts(xs)).coord("t", Index.ofDoubles(ts))
        .variable(dev.sweep.data.Variable.of("C", List.of("k", "x", "t"), Nd4j.createFromArray(c))
            .withAttrs(Map.of("units", "m")))
        .build();
  }

  /** A sampler's table: amp in 1..3, fn in cos, sin, tan, x in [0, 2pi), out = amp * fn(x). */
  static Table samples(int n) {
    SplittableRandom rnd = new SplittableRandom(7);
    int[] amp = new int[n];
    String[] fn = new String[n];
    double[] x = new double[n];
    double[] out = new double[n];
    String[] fns = {"cos", "sin", "tan"};
    for (int i = 0; i < n; i++) {
      amp[i] = 1 + rnd.nextInt(3);
      fn[i] = fns[rnd.nextInt(fns[0].equals("cos") ? 3 : 2)];
      x[i] = fn[i].equals("tan") ? rnd.nextDouble(0, Math.PI / 4) : rnd.nextDouble(0, 2 * Math.PI);
      out[i] = amp[i] * (fn[i].equals("cos") ? Math.cos(x[i]) : fn[i].equals("sin") ? Math.sin(x[i]) : Math.tan(x[i]));
    }
    return Table.create("trig", IntColumn.create("amp", amp), StringColumn.create("fn", fn),
        DoubleColumn.create("x", x), DoubleColumn.create("out", out));
  }
}
