package dev.sweep.cli;

import dev.sweep.SweepException;
import dev.sweep.follow.FollowException;
import dev.sweep.follow.FollowSource;
import dev.sweep.follow.FrameFollower;
import dev.sweep.follow.FrameSlice;
import dev.sweep.follow.ScanFrame;
import dev.sweep.follow.StopReason;
import dev.sweep.io.FollowSources;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.nd4j.linalg.api.ndarray.INDArray;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code sweep follow FILE --keys PATH... --data PATH}: follows a file another process is writing and
 * prints each frame's index and reduction as soon as the frame is complete, then why it stopped. Exits
 * 0 when the scan finished or is complete, 3 when it timed out, 2 for bad input, 1 when the file could
 * not be followed to the end (replaced, unreadable).
 */
@Command(name = "follow", mixinStandardHelpOptions = true,
    description = "Follow a NetCDF-3 record file or an HDF5 (SWMR) file while another process writes it: print"
        + " each frame's index and its sum (or mean, max) as soon as its keys are written, then why it stopped."
        + " Exits 0 when the scan finished or is complete, 3 when it timed out.")
final class FollowCommand implements Callable<Integer> {
  /** How a frame is reduced to one number. */
  enum Reduce {
    sum, mean, max;

    double of(INDArray a) {
      return switch (this) {
        case sum -> a.sumNumber().doubleValue();
        case mean -> a.meanNumber().doubleValue();
        case max -> a.maxNumber().doubleValue();
      };
    }
  }

  @Parameters(paramLabel = "FILE", description = "The file being written: NetCDF-3 (grown along its unlimited"
      + " dimension) or HDF5, chosen by its first bytes.")
  Path file;

  @Option(names = "--keys", arity = "1..*", required = true, paramLabel = "PATH",
      description = "Key datasets (the scan's shape; 0 = frame not yet written). A frame is complete when all are non-zero.")
  List<String> keys;

  @Option(names = "--data", required = true, paramLabel = "PATH",
      description = "The data dataset: the scan's dimensions first, then the frame's.")
  String data;

  @Option(names = "--finished", paramLabel = "PATH",
      description = "A dataset the writer sets non-zero when the scan is over: stop then, without waiting for the timeout.")
  String finished;

  @Option(names = "--reduce", defaultValue = "sum", paramLabel = "sum|mean|max",
      description = "How each frame is reduced to the number printed (default: ${DEFAULT-VALUE}).")
  Reduce reduce;

  @Option(names = "--timeout", defaultValue = "10", paramLabel = "SECONDS",
      description = "Stop when no new frame comes within this many seconds (default: ${DEFAULT-VALUE}); polls every twentieth.")
  double timeout;

  @Override
  public Integer call() {
    if (!(timeout > 0) || Double.isInfinite(timeout)) {
      System.err.println("sweep follow: --timeout was " + timeout + "; expected a positive number of seconds");
      return 2;
    }
    if (!Files.exists(file)) {
      System.err.println("sweep follow: no such file: " + file);
      return 2;
    }
    FollowSource source;
    try {
      source = FollowSources.open(file);
    } catch (SweepException | UncheckedIOException e) {
      System.err.println("sweep follow: " + e.getMessage());
      return 2;
    }
    try (source) {
      FrameFollower follower;
      try {
        FrameFollower.Builder b = FrameFollower.builder(source).keys(keys).data(data)
            .timeout(Duration.ofNanos((long) (timeout * 1e9)));
        if (finished != null) b.finished(finished);
        follower = b.build();
      } catch (FollowException | IllegalArgumentException | IllegalStateException e) {
        System.err.println("sweep follow: " + e.getMessage());
        return 2;
      }
      return follow(follower);
    }
  }

  private int follow(FrameFollower follower) {
    PrintStream out = System.out;
    PrintStream err = System.err;
    boolean live = System.console() != null;
    long frames = 0;
    out.println("frame\t" + reduce);
    try {
      for (ScanFrame f : follower) {
        FrameSlice s = f.slice(data);
        if (live) err.print("\r\033[K");
        out.println(f.index() + "\t" + format(reduce.of(s.array())));
        out.flush();
        frames++;
        if (live) {
          err.print(frames + " frames, waiting for the next");
          err.flush();
        }
      }
    } catch (SweepException | UncheckedIOException e) {
      if (live) err.print("\r\033[K");
      err.println("sweep follow: stopped after " + frames + " frames: " + e.getMessage());
      return 1;
    }
    if (live) err.print("\r\033[K");
    StopReason why = follower.stopReason().orElseThrow();
    err.println("stopped after " + frames + " frames: " + why.description()
        + (why == StopReason.TIMED_OUT ? " (" + format(timeout) + " s)" : ""));
    return why == StopReason.TIMED_OUT ? 3 : why == StopReason.INTERRUPTED ? 1 : 0;
  }

  private static String format(double v) {
    if (v == Math.rint(v) && Math.abs(v) < 1e15) return String.format(Locale.ROOT, "%.1f", v);
    return String.format(Locale.ROOT, "%.10g", v).replaceFirst("0+(e|$)", "$1").replaceFirst("\\.(e|$)", ".0$1");
  }
}
