package dev.sweep.bench.jmh;

import dev.sweep.data.Dataset;
import dev.sweep.run.ComboRunner;
import dev.sweep.run.Grid;
import dev.sweep.run.RunOptions;
import dev.sweep.run.Runner;
import dev.sweep.space.Combos;
import dev.sweep.space.Values;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * JMH micro-benchmarks of the sweep hot path: one whole sweep of f(a,b,c) = (a + b*c, a - b) over
 * a grid, raw and into a Dataset. Score = sweeps per second; multiply by the grid size for runs/s.
 *
 * <p>Run: {@code java -cp "$(cat sweep-examples/target/classpath.txt):sweep-bench/target/classes"
 * org.openjdk.jmh.Main HotPathBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class HotPathBenchmark {
  @Param({"10", "100"})
  int side;

  Combos combos;
  Runner runner;
  ComboRunner comboRunner;

  @Setup
  public void setup() {
    combos = Combos.builder().add("a", Values.range(0, side)).add("b", Values.range(0, side))
        .add("c", Values.range(0, 10)).build();
    RunOptions silent = RunOptions.builder().verbosity(0).build();
    runner = Runner.builder(a -> new double[] {a.getDouble("a") + a.getDouble("b") * a.getDouble("c"),
        a.getDouble("a") - a.getDouble("b")}).vars("sum", "diff").options(silent).build();
    comboRunner = ComboRunner.of(runner.function()).with(silent);
  }

  @Benchmark
  public Dataset runnerDataset() {
    return runner.runCombos(combos);
  }

  @Benchmark
  public Grid comboRunner() {
    return comboRunner.run(combos);
  }
}
