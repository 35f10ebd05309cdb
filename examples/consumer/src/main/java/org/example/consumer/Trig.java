package org.example.consumer;

import dev.sweep.farm.Sample;
import dev.sweep.run.Label;
import dev.sweep.space.Distribution;
import dev.sweep.space.Draws;

/** The sampler lesson's function and draws, written as a user's own project would write them. */
public final class Trig {
  private Trig() {}

  /** {@code trig(amp, fn, x, phase) = amp * fn(x - phase)} for fn in cos, sin, tan. */
  @Label(varNames = "out")
  @Sample("trig.csv")
  public static double trig(int amp, String fn, double x, double phase) {
    double t = x - phase;
    switch (fn) {
      case "cos": return amp * Math.cos(t);
      case "sin": return amp * Math.sin(t);
      case "tan": return amp * Math.tan(t);
      default: throw new IllegalArgumentException("fn is '" + fn + "'; expected cos, sin or tan");
    }
  }

  /** The first call's draws: amp in 1, 2, 3, fn in cos, sin, x uniform in [0, 2pi), phase normal(0, 0.1). */
  public static Draws defaults() {
    return Draws.builder()
        .values("amp", 1, 2, 3)
        .values("fn", "cos", "sin")
        .from("x", Distribution.uniform(0, 2 * Math.PI))
        .from("phase", Distribution.normal(0.0, 0.1))
        .build();
  }

  /** The second call's overrides: fn = tan, x uniform in [0, pi/4). */
  public static Draws tangents() {
    return Draws.builder()
        .values("fn", "tan")
        .from("x", Distribution.uniform(0, Math.PI / 4))
        .build();
  }
}
