package dev.sweep.bench;

import dev.sweep.cli.spi.Subcommand;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code sweep bench}: runs the whole-workload benchmarks and prints {@code bench <name> <value> <unit>}
 * lines. Contributed to the command line through {@link Subcommand} (registered in
 * {@code META-INF/services/dev.sweep.cli.spi.Subcommand}).
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
    description = "Run the benchmark workloads (see BENCHMARKS.md) and print one 'bench <name> <value> <unit>' line each.")
public final class BenchCommand implements Subcommand, Callable<Integer> {
  @Option(names = "--quick", description = "Fewer repetitions: under a minute on 2 cores.")
  boolean quick;

  @Option(names = "--only", paramLabel = "NAME", split = ",", description = "Run only these workloads (comma-separated).")
  List<String> only = List.of();

  @Option(names = "--dir", paramLabel = "DIR", description = "Where workloads write files (default: a temporary directory).")
  Path dir;

  /** Makes the command; the command line sets its options. */
  public BenchCommand() {}

  /** {@return {@code "bench"}} */
  @Override
  public String name() {
    return "bench";
  }

  /**
   * Runs the workloads and prints the report.
   *
   * @return 0, or 2 (with a message naming the workloads) if {@code --only} names one that does not exist
   * @throws Exception if a workload fails
   */
  @Override
  public Integer call() throws Exception {
    for (String n : only) {
      if (!Workloads.names().contains(n)) {
        System.err.println("sweep bench: no workload '" + n + "'; the workloads are " + Workloads.names());
        return 2;
      }
    }
    Path work = dir != null ? dir : Files.createTempDirectory("sweep-bench");
    System.out.println("sweep bench" + (quick ? " --quick" : "") + " (" + Runtime.getRuntime().availableProcessors()
        + " cores, Java " + System.getProperty("java.version") + ")");
    Bench.run(only, quick, work, System.out);
    return 0;
  }
}
