package dev.sweep.movie;

import dev.sweep.SweepException;
import dev.sweep.cli.spi.Subcommand;
import dev.sweep.data.Dataset;
import dev.sweep.store.Stores;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code sweep movie FILE --var NAME --over time -o out.mp4}: renders a variable of a dataset or a
 * trajectory as a colour-mapped movie (see {@link Preview}). Contributed to the command line through
 * {@link Subcommand} (registered in {@code META-INF/services/dev.sweep.cli.spi.Subcommand}).
 */
@Command(name = "movie", mixinStandardHelpOptions = true,
    description = "Render a variable of a dataset or trajectory (NetCDF, CSV, movie) as an H.264 MP4 or a GIF, one frame "
        + "per step of --over, coloured by the viridis map.")
public final class MovieCommand implements Subcommand, Callable<Integer> {
  @Parameters(paramLabel = "FILE", description = "A file sweep reads: a NetCDF dataset or trajectory, a movie.")
  Path file;

  @Option(names = "--var", required = true, paramLabel = "NAME", description = "The variable to draw.")
  String variable;

  @Option(names = "--over", paramLabel = "DIM", defaultValue = "time",
      description = "The dimension the frames follow (default: ${DEFAULT-VALUE}).")
  String over;

  @Option(names = {"-o", "--out"}, required = true, paramLabel = "OUT", description = "An .mp4 or .gif file.")
  Path out;

  @Option(names = "--vmin", description = "The value of the darkest colour (default: the smallest value).")
  Double vmin;

  @Option(names = "--vmax", description = "The value of the brightest colour (default: the largest value).")
  Double vmax;

  @Option(names = "--fps", defaultValue = "10", description = "Frames per second (default: ${DEFAULT-VALUE}).")
  int fps;

  /** Makes the command; the command line sets its options. */
  public MovieCommand() {}

  /** {@return {@code "movie"}} */
  @Override
  public String name() {
    return "movie";
  }

  /**
   * Renders the movie and prints what it wrote.
   *
   * @return 0; 2 for a missing file or a bad option (the message names it); 1 if reading or encoding fails
   */
  @Override
  public Integer call() {
    if (!Files.exists(file)) {
      System.err.println("sweep movie: no such file: " + file);
      return 2;
    }
    Dataset ds;
    try {
      ds = Stores.read(file);
    } catch (SweepException | UncheckedIOException e) {
      System.err.println("sweep movie: cannot read " + file + ": " + e.getMessage());
      return 1;
    } catch (IllegalArgumentException e) {
      System.err.println("sweep movie: " + e.getMessage());
      return 2;
    }
    try {
      Preview p = Preview.of(ds, variable).over(over).fps(fps);
      if (vmin != null || vmax != null) {
        if (vmin == null || vmax == null) {
          System.err.println("sweep movie: give both --vmin and --vmax, or neither");
          return 2;
        }
        p.range(vmin, vmax);
      }
      System.out.println(p.write(out));
      return 0;
    } catch (IllegalArgumentException e) {
      System.err.println("sweep movie: " + e.getMessage());
      return 2;
    } catch (UncheckedIOException e) {
      System.err.println("sweep movie: " + e.getMessage());
      return 1;
    }
  }
}
