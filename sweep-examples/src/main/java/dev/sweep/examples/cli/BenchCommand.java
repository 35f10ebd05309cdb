package dev.sweep.examples.cli;

import dev.sweep.bench.Bench;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code sweep bench}: runs the whole-workload benchmarks and prints {@code bench <name> <value> <unit>} lines. */
@Command(name = "bench", mixinStandardHelpOptions = true,
    description = "Run the benchmark workloads (see BENCHMARKS.md) and print one 'bench <name> <value> <unit>' line each.")
final class BenchCommand implements Callable<Integer> {
  @Option(names = "--quick", description = "Fewer repetitions: under a minute on 2 cores.")
  boolean quick;

  @Option(names = "--only", paramLabel = "NAME", split = ",", description = "Run only these workloads (comma-separated).")
  List<String> only = List.of();

  @Option(names = "--dir", paramLabel = "DIR", description = "Where workloads write files (default: a temporary directory).")
  Path dir;

  @Override
  public Integer call() throws Exception {
    Path work = dir != null ? dir : Files.createTempDirectory("sweep-bench");
    System.out.println("sweep bench" + (quick ? " --quick" : "") + " (" + Runtime.getRuntime().availableProcessors()
        + " cores, Java " + System.getProperty("java.version") + ")");
    Bench.run(only, quick, work, System.out);
    return 0;
  }
}
