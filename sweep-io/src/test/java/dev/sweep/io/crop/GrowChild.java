package dev.sweep.io.crop;

import dev.sweep.farm.Crop;
import dev.sweep.run.RunOptions;
import java.nio.file.Path;

/** A worker JVM for the crop tests: grows batches of a crop it opens from its directory. */
public final class GrowChild {
  private GrowChild() {}

  /**
   * {@code grow DIR B...}: grows the batches, printing "grew B" after each.
   * {@code loop DIR}: grows every batch again and again, overwriting, until killed.
   */
  public static void main(String[] args) {
    Crop crop = Crop.open(Path.of(args[1])).withOptions(RunOptions.builder().verbosity(0).build());
    if (args[0].equals("loop")) {
      for (long round = 0; ; round++) {
        for (int b = 0; b < crop.batchCount(); b++) {
          crop.grow(b, true);
          System.out.println("grew " + b);
          System.out.flush();
        }
      }
    }
    for (int i = 2; i < args.length; i++) {
      int b = Integer.parseInt(args[i]);
      crop.grow(b);
      System.out.println("grew " + b);
      System.out.flush();
    }
  }
}
