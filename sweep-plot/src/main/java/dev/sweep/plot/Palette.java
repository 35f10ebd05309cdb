package dev.sweep.plot;

import java.awt.Color;
import java.awt.Paint;
import org.jfree.chart.renderer.PaintScale;

/**
 * The colours of sweep's plots: Okabe and Ito's eight colours for categories (told apart with the
 * common kinds of colour blindness, and in grey print by their lightness) and matplotlib's viridis
 * for values (perceptually uniform, readable by colour-blind readers and in grey).
 */
final class Palette {
  private Palette() {}

  /** Okabe-Ito, ordered so that the first colours are the most distinct on white; yellow last. */
  static final Color[] CATEGORICAL = {
      new Color(0x0072B2), // blue
      new Color(0xE69F00), // orange
      new Color(0x009E73), // bluish green
      new Color(0xD55E00), // vermillion
      new Color(0xCC79A7), // reddish purple
      new Color(0x56B4E9), // sky blue
      new Color(0x000000), // black
      new Color(0xF0E442)}; // yellow

  /** Cells with no value in a heatmap. */
  static final Color MISSING = new Color(0xD9D9D9);

  /** viridis at 33 evenly spaced points (from matplotlib's table), interpolated linearly between them. */
  private static final int[] VIRIDIS = {
      0x440154, 0x470D60, 0x48186A, 0x482374, 0x472D7B, 0x453781, 0x424086, 0x3E4989, 0x3B528B, 0x375B8D,
      0x33638D, 0x2F6B8E, 0x2C728E, 0x297A8E, 0x26828E, 0x23898E, 0x21918C, 0x1F988B, 0x1FA088, 0x22A785,
      0x28AE80, 0x32B67A, 0x3FBC73, 0x4EC36B, 0x5EC962, 0x70CF57, 0x84D44B, 0x98D83E, 0xADDC30, 0xC2DF23,
      0xD8E219, 0xECE51B, 0xFDE725};

  /**
   * {@return the colour of category {@code i} of {@code n}}: Okabe-Ito for up to eight categories;
   * for more, evenly spaced viridis colours in category order, since eight colours cannot tell more
   * apart and an ordered scale at least keeps neighbours near.
   */
  static Color category(int i, int n) {
    if (n <= CATEGORICAL.length) return CATEGORICAL[i];
    return viridis(n == 1 ? 0 : (double) i / (n - 1));
  }

  /** {@return viridis at {@code f} in [0, 1] (clamped); {@link #MISSING} for NaN} */
  static Color viridis(double f) {
    if (Double.isNaN(f)) return MISSING;
    double p = Math.max(0, Math.min(1, f)) * (VIRIDIS.length - 1);
    int i = Math.min((int) p, VIRIDIS.length - 2);
    double w = p - i;
    int a = VIRIDIS[i];
    int b = VIRIDIS[i + 1];
    return new Color(mix(a >> 16, b >> 16, w), mix(a >> 8, b >> 8, w), mix(a, b, w));
  }

  private static int mix(int a, int b, double w) {
    return (int) Math.round((a & 0xFF) * (1 - w) + (b & 0xFF) * w);
  }

  /** viridis over [lower, upper] as a JFreeChart paint scale, for heatmap cells and colour bars. */
  record Viridis(double lower, double upper) implements PaintScale {
    Viridis {
      if (!(upper > lower)) { // one value (or none): centre it in the scale
        double mid = Double.isFinite(lower) ? lower : 0;
        lower = mid - 0.5;
        upper = mid + 0.5;
      }
    }

    @Override
    public double getLowerBound() {
      return lower;
    }

    @Override
    public double getUpperBound() {
      return upper;
    }

    @Override
    public Paint getPaint(double value) {
      return viridis((value - lower) / (upper - lower));
    }
  }
}
