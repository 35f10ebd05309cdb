package dev.sweep.io.csv;

import dev.sweep.farm.Sampler;
import dev.sweep.io.table.Tables;
import dev.sweep.space.Design;
import dev.sweep.space.Distribution;
import dev.sweep.space.Draws;
import dev.sweep.store.IncompatibleStoreException;
import dev.sweep.store.Stores;
import dev.sweep.run.Label;

/** The tutorial's function and variants for the sampler tests. */
public final class Trig {
  private Trig() {}

  /** {@code amp * fn(x - phase)}, as in the tutorial. */
  @Label(varNames = "out", sampler = "trig.csv")
  public static double trig(int amp, String fn, double x, double phase) {
    double t = x - phase;
    switch (fn) {
      case "cos": return amp * Math.cos(t);
      case "sin": return amp * Math.sin(t);
      case "tan": return amp * Math.tan(t);
      default: throw new IllegalArgumentException("fn is '" + fn + "'; expected cos, sin or tan");
    }
  }

  /** The same, labelled without a sampler file. */
  @Label(varNames = "out")
  static double noFile(int amp, String fn, double x, double phase) {
    return trig(amp, fn, x, phase);
  }

  /** The tutorial's default draws. */
  public static Draws defaults() {
    return Draws.builder()
        .values("amp", 1, 2, 3)
        .values("fn", "cos", "sin")
        .from("x", Distribution.uniform(0, 2 * Math.PI))
        .from("phase", Distribution.normal(0, 0.1))
        .build();
  }

  /** The tutorial's overrides of the second call. */
  public static Draws tan() {
    return Draws.builder().values("fn", "tan").from("x", Distribution.uniform(0, Math.PI / 4)).build();
  }
}
