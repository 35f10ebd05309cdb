package dev.sweep.cli;

import dev.sweep.SweepException;
import dev.sweep.farm.Crop;
import dev.sweep.farm.CropStore;
import dev.sweep.io.crop.CropDirectory;
import dev.sweep.run.RunOptions;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code sweep grow CROP --batch N}: the worker entry point of a crop's array jobs. Grows one batch
 * (or every missing one) and writes its result file; exits 0 when every batch asked for has a
 * complete result, 1 when one failed (the reason goes to standard error and to the crop, for
 * {@code sweep crop status}), 2 for bad input.
 */
@Command(name = "grow", mixinStandardHelpOptions = true,
    description = "Grow batches of a crop (the worker of its array jobs): run them and write their result files.")
final class GrowCommand implements Callable<Integer> {
  @Parameters(paramLabel = "CROP", description = "The crop's directory, as sown by Crop.builder(...).sow...(...).")
  Path crop;

  @ArgGroup(exclusive = true, multiplicity = "1")
  Which which;

  static final class Which {
    @Option(names = "--batch", paramLabel = "N", split = ",", description = "The batch (or batches, comma-separated) to grow.")
    List<Integer> batches;

    @Option(names = "--missing", description = "Grow every batch that has no complete result.")
    boolean missing;
  }

  @Option(names = "--workers", paramLabel = "K", defaultValue = "1",
      description = "Threads that run the batch's runs at once (default: ${DEFAULT-VALUE}).")
  int workers;

  @Option(names = "--overwrite", description = "Grow a batch even if it already has a complete result.")
  boolean overwrite;

  @Option(names = {"-q", "--quiet"}, description = "No progress bar.")
  boolean quiet;

  @Override
  public Integer call() {
    if (workers < 1) {
      System.err.println("sweep grow: --workers is " + workers + "; expected at least 1");
      return 2;
    }
    if (!Files.isDirectory(crop)) {
      System.err.println("sweep grow: no such crop directory: " + crop);
      return 2;
    }
    Crop c;
    try {
      c = Crop.open(crop).withOptions(RunOptions.builder().verbosity(quiet ? 0 : 1).workers(workers).build());
    } catch (IllegalArgumentException | SweepException | UncheckedIOException e) {
      System.err.println("sweep grow: " + e.getMessage());
      return 2;
    }
    List<Integer> todo = new ArrayList<>();
    if (which.missing) {
      CropStore store = CropDirectory.of(crop);
      for (int b = 0; b < c.batchCount(); b++) {
        if (store.check(b).state() != CropStore.ResultState.COMPLETE) todo.add(b);
      }
    } else {
      for (int b : which.batches) {
        if (b < 0 || b >= c.batchCount()) {
          System.err.println("sweep grow: batch " + b + " is not in crop " + c.directory() + ", which has batches 0.."
              + (c.batchCount() - 1));
          return 2;
        }
        todo.add(b);
      }
    }
    int failed = 0;
    for (int b : todo) {
      try {
        if (!c.grow(b, overwrite)) {
          System.err.println("sweep grow: batch " + b + " already has a complete result; skipped (--overwrite grows it again)");
        }
      } catch (IllegalArgumentException e) {
        System.err.println("sweep grow: " + e.getMessage()); // the runner cannot be rebuilt here
        return 2;
      } catch (RuntimeException e) {
        System.err.println("sweep grow: batch " + b + " of " + c.directory() + " failed: " + e);
        failed++;
      }
    }
    if (failed > 0) {
      System.err.println("sweep grow: " + failed + " of " + todo.size() + " batches failed; `sweep crop status "
          + crop + "` shows which");
      return 1;
    }
    return 0;
  }
}
