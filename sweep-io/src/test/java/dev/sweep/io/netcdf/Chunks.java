package dev.sweep.io.netcdf;

import dev.sweep.data.Dataset;
import dev.sweep.data.Index;
import java.util.List;
import java.util.Map;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Records for the record-file tests: record {@code r} holds values computed from {@code r} alone,
 * so any record read back can be checked. Variables: {@code time (time)} = r / 2, {@code u (time, x, y)}
 * float64 over 3 x 4 (x labelled 10, 20, 30), {@code n (time)} int32, {@code big (time)} int64,
 * {@code ok (time, x)} bool and {@code f (time, y)} float32.
 */
final class Chunks {
  static final int NX = 3;
  static final int NY = 4;

  private Chunks() {}

  static double u(long r, int i, int j) {
    return r * 100.0 + i * 10 + j + 0.25;
  }

  /** Records {@code from .. from + n - 1}. */
  static Dataset records(long from, int n) {
    double[] time = new double[n];
    double[] u = new double[n * NX * NY];
    int[] count = new int[n];
    long[] big = new long[n];
    boolean[] ok = new boolean[n * NX];
    float[] f = new float[n * NY];
    for (int k = 0; k < n; k++) {
      long r = from + k;
      time[k] = r / 2.0;
      count[k] = (int) (r * 3);
      big[k] = -r;
      for (int i = 0; i < NX; i++) {
        ok[k * NX + i] = (r + i) % 2 == 0;
        for (int j = 0; j < NY; j++) u[(k * NX + i) * NY + j] = u(r, i, j);
      }
      for (int j = 0; j < NY; j++) f[k * NY + j] = (float) (r + j / 8.0);
    }
    return Dataset.builder()
        .dim("time", n)
        .coord("x", Index.ofInts(10, 20, 30))
        .dim("y", NY)
        .variable("time", List.of("time"), n == 0 ? Nd4j.create(DataType.DOUBLE, 0) : Nd4j.createFromArray(time))
        .variable("u", List.of("time", "x", "y"), n == 0 ? Nd4j.create(DataType.DOUBLE, 0, NX, NY)
            : Nd4j.createFromArray(u).reshape(n, NX, NY))
        .variable("n", List.of("time"), n == 0 ? Nd4j.create(DataType.INT32, 0) : Nd4j.createFromArray(count))
        .variable("big", List.of("time"), n == 0 ? Nd4j.create(DataType.INT64, 0) : Nd4j.createFromArray(big))
        .variable("ok", List.of("time", "x"), n == 0 ? Nd4j.create(DataType.BOOL, 0, NX)
            : Nd4j.createFromArray(ok).reshape(n, NX))
        .variable("f", List.of("time", "y"), n == 0 ? Nd4j.create(DataType.FLOAT, 0, NY)
            : Nd4j.createFromArray(f).reshape(n, NY))
        .attrs(Map.of("title", "records", "theta", 0.5))
        .build();
  }

  /** Checks every value of records {@code from ..} as read back. */
  static void check(Dataset ds, long from) {
    int n = ds.sizes().get("time");
    for (int k = 0; k < n; k++) {
      long r = from + k;
      check(ds.variable("time").getDouble(k) == r / 2.0, "time", r, ds.variable("time").getDouble(k));
      check(ds.variable("n").getDouble(k) == r * 3, "n", r, ds.variable("n").get(k));
      check(ds.variable("big").getDouble(k) == -r, "big", r, ds.variable("big").get(k));
      for (int i = 0; i < NX; i++) {
        check(ds.variable("ok").get(k, i).equals((r + i) % 2 == 0), "ok", r, ds.variable("ok").get(k, i));
        for (int j = 0; j < NY; j++) {
          check(ds.variable("u").getDouble(k, i, j) == u(r, i, j), "u", r, ds.variable("u").getDouble(k, i, j));
        }
      }
      for (int j = 0; j < NY; j++) {
        check(ds.variable("f").getDouble(k, j) == (float) (r + j / 8.0), "f", r, ds.variable("f").getDouble(k, j));
      }
    }
  }

  private static void check(boolean ok, String var, long record, Object got) {
    if (!ok) throw new AssertionError("record " + record + " of " + var + " reads " + got);
  }
}
