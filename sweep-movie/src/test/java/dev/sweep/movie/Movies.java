package dev.sweep.movie;

import dev.sweep.data.Dataset;
import dev.sweep.data.Index;
import dev.sweep.data.Variable;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Test helpers: random states, the largest difference of two, captured log lines, ffmpeg processes alive. */
final class Movies {
  private Movies() {}

  /** A state of one field over {@code dims}, uniform random in [lo, hi]. */
  static Dataset randomState(Random rnd, String field, List<String> dims, long[] shape, double lo, double hi) {
    INDArray a = Nd4j.create(DataType.DOUBLE, shape);
    long n = a.length();
    double[] v = new double[(int) n];
    for (int i = 0; i < n; i++) v[i] = lo + (hi - lo) * rnd.nextDouble();
    a = Nd4j.createFromArray(v).reshape(shape);
    return Dataset.builder().variable(Variable.of(field, dims, a)).build();
  }

  /** A state whose values are all {@code value}. */
  static Dataset constantState(String field, List<String> dims, long[] shape, double value) {
    INDArray a = Nd4j.valueArrayOf(shape, value, DataType.DOUBLE);
    return Dataset.builder().variable(Variable.of(field, dims, a)).build();
  }

  /** The state with labelled x. */
  static Dataset labelled(Dataset state, String dim, double... labels) {
    return state.toBuilder().coord(dim, Index.ofDoubles(labels)).build();
  }

  /** {@return the largest absolute difference between the values of a field in two states} */
  static double maxDiff(Dataset a, Dataset b, String field) {
    double[] x = a.variable(field).toDoubleArray();
    double[] y = b.variable(field).toDoubleArray();
    if (x.length != y.length) throw new AssertionError(x.length + " values vs " + y.length);
    double m = 0;
    for (int i = 0; i < x.length; i++) m = Math.max(m, Math.abs(x[i] - y[i]));
    return m;
  }

  /** Runs the action and returns what was logged (slf4j-simple logs to System.err) and its result. */
  static <T> Logged<T> logged(Supplier<T> action) {
    PrintStream err = System.err;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    T result;
    try {
      System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
      result = action.get();
    } finally {
      System.setErr(err);
    }
    String log = captured.toString(StandardCharsets.UTF_8);
    err.print(log);
    return new Logged<>(result, log);
  }

  record Logged<T>(T value, String log) {}

  /** {@return the ffmpeg and ffprobe processes this JVM has started that are still alive} */
  static List<String> ffmpegChildren() {
    List<String> out = new ArrayList<>();
    ProcessHandle.current().descendants().forEach(p -> {
      String cmd = p.info().command().orElse("");
      if (p.isAlive() && (cmd.endsWith("/ffmpeg") || cmd.endsWith("/ffprobe"))) out.add(p.pid() + " " + cmd);
    });
    return out;
  }
}
