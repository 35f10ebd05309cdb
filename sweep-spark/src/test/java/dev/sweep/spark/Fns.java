package dev.sweep.spark;

import dev.sweep.data.Dataset;
import dev.sweep.data.Index;
import dev.sweep.run.Dims;
import dev.sweep.run.OnError;
import dev.sweep.run.RunFunction;
import dev.sweep.run.RunOptions;
import dev.sweep.run.Runner;
import dev.sweep.space.Cases;
import dev.sweep.space.Combos;
import dev.sweep.space.Values;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.spark.TaskContext;
import org.nd4j.linalg.factory.Nd4j;

/** The functions the Spark tests sweep, shipped to executors with the test classes. */
public final class Fns {
  static final RunOptions QUIET = RunOptions.builder().verbosity(0).build();
  static final RunOptions CONTINUE = RunOptions.builder().verbosity(0).onError(OnError.CONTINUE).build();

  private Fns() {}

  public static Object[] foo(int a, String b, boolean c) {
    return new Object[] {a + "-" + b + "-" + c, Math.sin(a)};
  }

  public static Object[] bar(int a, String b, boolean c, double[] t) {
    double[][] m = new double[2][t.length];
    for (int x = 0; x < 2; x++) for (int k = 0; k < t.length; k++) m[x][k] = a * (x + 1) * t[k] + (c ? 1 : 0);
    return new Object[] {(long) a * 1_000_000_000_000L, new float[] {a, b.length()}, m, new boolean[] {c, !c}};
  }

  public record Out(double sum, @Dims("k") int[] parts, String tag) {}

  public static Out parts(int a, String b, boolean c) {
    return new Out(a + 0.5, new int[] {a, -a, a * a}, b + (c ? "!" : "?"));
  }

  public static Dataset stacked(int a, String b, boolean c) {
    return Dataset.builder().coord("q", Index.ofStrings("lo", "hi"))
        .variable("v", List.of("q"), Nd4j.createFromArray((double) a, a + b.length()))
        .variable("w", List.of("q"), b, c ? "yes" : "no").attr("source", "stacked").build();
  }

  public static Object[] flaky(int a, String b, boolean c) {
    if ((a + b.length() + (c ? 1 : 0)) % 3 == 0) throw new IllegalStateException("flaky at a=" + a + " b=" + b);
    return new Object[] {a, b + c};
  }

  /** Fails the third run of every task's first attempt: what a lost executor or a transient fault does. */
  public static double firstAttemptFails(int a, String b, boolean c) {
    TaskContext task = TaskContext.get();
    if (task != null && task.attemptNumber() == 0
        && RUNS_BY_ATTEMPT.computeIfAbsent(task.taskAttemptId(), k -> new AtomicInteger()).incrementAndGet() == 3) {
      throw new IllegalStateException("transient fault in partition " + task.partitionId());
    }
    return a * 100 + b.length() * 10 + (c ? 1 : 0);
  }

  /** How many runs each task attempt has made, by Spark's attempt id (unique within the application). */
  private static final Map<Long, AtomicInteger> RUNS_BY_ATTEMPT = new ConcurrentHashMap<>();

  /** Set once a run of {@link #failOrDwell} other than run 0 has started. */
  static final java.util.concurrent.CountDownLatch DWELLING = new java.util.concurrent.CountDownLatch(1);

  /** How many dwelling runs of {@link #failOrDwell} completed. */
  static final AtomicInteger DWELT = new AtomicInteger();

  /** Run 0 fails once another task is running; the others take 100 ms each, asleep (interruptibly). */
  public static double failOrDwell(int i) throws InterruptedException {
    if (i == 0) {
      if (!DWELLING.await(120, java.util.concurrent.TimeUnit.SECONDS)) throw new IllegalStateException("nobody dwells");
      throw new IllegalStateException("run 0 fails on purpose");
    }
    DWELLING.countDown();
    Thread.sleep(100);
    DWELT.incrementAndGet();
    return i;
  }

  /** About a millisecond of arithmetic. */
  public static double busy(int i) {
    double x = i;
    for (int k = 0; k < 200_000; k++) x = Math.sqrt(x * x + k);
    return x;
  }

  /** Returns i, except that i = 3 waits until its thread is interrupted (by a run timeout). */
  public static double hangsAt3(int i) throws InterruptedException {
    if (i == 3) new java.util.concurrent.CountDownLatch(1).await();
    return i;
  }

  public static double trivial(int i, int j) {
    return i + 0.5 * j;
  }

  public static String wide(int i) {
    return "x".repeat(10_000) + String.format("%02d", i); // one length for every i < 100
  }

  public static double scaled(double x, int k, double c) {
    return k * x + c;
  }

  public static double withSolver(int a, Object solver) {
    return a;
  }

  static Runner runner(String name, RunOptions options) {
    Runner.Builder b;
    switch (name) {
      case "foo": b = Runner.builder(RunFunction.of(Fns.class, "foo")).vars("s", "y"); break;
      case "bar": b = Runner.builder(RunFunction.of(Fns.class, "bar")).vars("L", "F", "M", "B")
          .dims("F", "x").dims("M", "x", "t").dims("B", "two").coords("x", "left", "right")
          .constant("t", Values.linspace(0, 1, 3)).attr("note", "bar"); break;
      case "parts": b = Runner.builder(RunFunction.of(Fns.class, "parts")); break;
      case "stacked": b = Runner.builder(RunFunction.of(Fns.class, "stacked")); break;
      case "flaky": b = Runner.builder(RunFunction.of(Fns.class, "flaky")).vars("i", "s"); break;
      case "firstAttemptFails": b = Runner.builder(RunFunction.of(Fns.class, "firstAttemptFails")).vars("v"); break;
      default: throw new AssertionError(name);
    }
    return b.options(options).build();
  }

  static Combos abc() {
    return Combos.builder().add("a", 1, 2, 3).add("b", "x", "yy", "zzz").add("c", true, false).build();
  }

  static Cases sparseCases() {
    return Cases.ofMaps(List.of(Map.of("a", 3, "c", true), Map.of("a", 1, "c", false), Map.of("a", 2, "c", true),
        Map.of("a", 1, "c", true)));
  }

  /** The cases and combos of a space: combos alone, cases alone, or cases times combos. */
  static Object[] space(String kind) {
    switch (kind) {
      case "combos": return new Object[] {Cases.none(), abc()};
      case "cases": return new Object[] {Cases.of(List.of("a", "b", "c"), List.of(2, "x", true),
          List.of(1, "zzz", false), List.of(3, "x", false)), Combos.empty()};
      default: return new Object[] {sparseCases(), Combos.builder().add("b", "x", "yy", "zzz").build()};
    }
  }
}
