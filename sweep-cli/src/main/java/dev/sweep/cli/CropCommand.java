package dev.sweep.cli;

import dev.sweep.SweepException;
import dev.sweep.farm.Crop;
import dev.sweep.farm.CropStatus;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code sweep crop ...}: commands about a crop as a whole. */
@Command(name = "crop", mixinStandardHelpOptions = true, description = "Inspect a crop: a sweep sown into batches.",
    subcommands = CropCommand.Status.class)
final class CropCommand implements Runnable {
  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }

  /**
   * {@code sweep crop status CROP}: the table of its batches, from its result files and, for
   * submitted batches, from their scheduler. Exits 0 when every batch is done, 3 when some are not,
   * 2 for bad input.
   */
  @Command(name = "status", mixinStandardHelpOptions = true,
      description = "Print where every batch of a crop stands: done, queued, running, failed, damaged or missing."
          + " Exits 0 when every batch is done, 3 otherwise.")
  static final class Status implements Callable<Integer> {
    @Parameters(paramLabel = "CROP", description = "The crop's directory.")
    Path crop;

    @Override
    public Integer call() {
      if (!Files.isDirectory(crop)) {
        System.err.println("sweep crop status: no such crop directory: " + crop);
        return 2;
      }
      CropStatus status;
      try {
        status = Crop.open(crop).status();
      } catch (IllegalArgumentException | SweepException | UncheckedIOException e) {
        System.err.println("sweep crop status: " + e.getMessage());
        return 2;
      }
      System.out.println(status);
      return status.isComplete() ? 0 : 3;
    }
  }
}
