package dev.sweep.run;

import me.tongfei.progressbar.DelegatingProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The progress bar: done/total, rate and ETA on the terminal; without a terminal (CI logs), plain
 * ASCII lines through SLF4J every few seconds instead of carriage returns and colours.
 */
final class Progress implements SweepListener {
  private static final Logger LOG = LoggerFactory.getLogger("dev.sweep.progress");

  private final int verbosity;
  private ProgressBar bar;

  Progress(int verbosity) {
    this.verbosity = verbosity;
  }

  @Override
  public void started(long runs) {
    ProgressBarBuilder b = new ProgressBarBuilder().setTaskName("sweep").setInitialMax(runs).showSpeed();
    if (System.console() == null) {
      b.setStyle(ProgressBarStyle.ASCII).setUpdateIntervalMillis(5000)
          .setConsumer(new DelegatingProgressBarConsumer(new Lines(LOG::info), 120));
    } else {
      b.setStyle(ProgressBarStyle.COLORFUL_UNICODE_BLOCK).setUpdateIntervalMillis(200);
    }
    bar = b.build();
  }

  @Override
  public void progressed(long done, Args last) {
    ProgressBar b = bar;
    if (b == null) return;
    b.stepTo(done);
    if (verbosity >= 2 && last != null) b.setExtraMessage(" " + last);
  }

  @Override
  public void finished(Failures failures) {
    if (bar != null) {
      if (!failures.isEmpty()) bar.setExtraMessage(" " + failures.count() + " failed");
      bar.close();
      bar = null;
    }
  }


  /** Passes each rendered line on once: the bar renders its last state both on refresh and on close. */
  static final class Lines implements java.util.function.Consumer<String> {
    private final java.util.function.Consumer<String> out;
    private String last;

    Lines(java.util.function.Consumer<String> out) {
      this.out = out;
    }

    @Override
    public synchronized void accept(String line) {
      if (!line.equals(last)) out.accept(line);
      last = line;
    }
  }
}
