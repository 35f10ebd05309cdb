package dev.sweep.io.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.geom.Ellipse2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javax.imageio.ImageIO;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * Plots of sample tables as PNG files, drawn off-screen with Java2D (no display needed, so it runs
 * with {@code java.awt.headless=true}) and no plotting dependency.
 *
 * <pre>{@code
 * Plots.scatter(sampler.fullTable(), "x", "out", "fn", Path.of("trig.png"));
 * }</pre>
 * is the counterpart of seaborn's {@code relplot(x='x', y='out', hue='fn', data=sampler.full_df)}.
 */
public final class Plots {
  private static final Logger LOG = LoggerFactory.getLogger(Plots.class);

  /** The default width in pixels. */
  public static final int WIDTH = 800;

  /** The default height in pixels. */
  public static final int HEIGHT = 600;

  /** Matplotlib's and seaborn's default categorical palette (tab10). */
  static final Color[] PALETTE = {
      new Color(0x1f77b4), new Color(0xff7f0e), new Color(0x2ca02c), new Color(0xd62728), new Color(0x9467bd),
      new Color(0x8c564b), new Color(0xe377c2), new Color(0x7f7f7f), new Color(0xbcbd22), new Color(0x17becf)};

  private static final Color PANEL = new Color(0xEAEAF2);
  private static final int MAX_LEGEND = 20;

  private Plots() {}

  /**
   * Writes a {@value #WIDTH} x {@value #HEIGHT} PNG scatter plot of column y against column x, one
   * colour per value of column hue (any type, taken as a category in order of first appearance), with
   * a legend. Rows where x or y is missing or not finite are left out.
   *
   * @param table the samples
   * @param x the numeric column along the horizontal axis
   * @param y the numeric column along the vertical axis
   * @param hue the column that colours the points, or null for one colour
   * @param png the file to write, replaced if it exists; missing directories are created
   * @throws IllegalArgumentException if a column does not exist, or x or y is not numeric
   * @throws UncheckedIOException if the file cannot be written
   */
  public static void scatter(Table table, String x, String y, String hue, Path png) {
    scatter(table, x, y, hue, png, WIDTH, HEIGHT);
  }

  /**
   * Writes a PNG scatter plot of the given size in pixels; otherwise as
   * {@link #scatter(Table, String, String, String, Path)}.
   *
   * @param table the samples
   * @param x the numeric column along the horizontal axis
   * @param y the numeric column along the vertical axis
   * @param hue the column that colours the points, or null for one colour
   * @param png the file to write, replaced if it exists; missing directories are created
   * @param width the image's width in pixels, 100..10000
   * @param height the image's height in pixels, 100..10000
   * @throws IllegalArgumentException if a column does not exist, x or y is not numeric, or a size is
   *     outside 100..10000
   * @throws UncheckedIOException if the file cannot be written
   */
  public static void scatter(Table table, String x, String y, String hue, Path png, int width, int height) {
    Objects.requireNonNull(table, "table");
    Objects.requireNonNull(png, "png");
    checkSize("width", width);
    checkSize("height", height);
    NumericColumn<?> xs = numeric(table, x, "x");
    NumericColumn<?> ys = numeric(table, y, "y");
    Column<?> hs = hue == null ? null : column(table, hue, "hue");
    int n = table.rowCount();

    Map<String, Integer> categories = new LinkedHashMap<>();
    int[] cat = new int[n];
    double x0 = Double.POSITIVE_INFINITY;
    double x1 = Double.NEGATIVE_INFINITY;
    double y0 = Double.POSITIVE_INFINITY;
    double y1 = Double.NEGATIVE_INFINITY;
    boolean[] shown = new boolean[n];
    for (int i = 0; i < n; i++) {
      double xv = xs.getDouble(i);
      double yv = ys.getDouble(i);
      if (!Double.isFinite(xv) || !Double.isFinite(yv) || xs.isMissing(i) || ys.isMissing(i)) continue;
      shown[i] = true;
      x0 = Math.min(x0, xv);
      x1 = Math.max(x1, xv);
      y0 = Math.min(y0, yv);
      y1 = Math.max(y1, yv);
      if (hs != null) {
        String key = hs.isMissing(i) ? "(missing)" : hs.getString(i);
        Integer k = categories.get(key);
        if (k == null) {
          k = categories.size();
          categories.put(key, k);
        }
        cat[i] = k;
      }
    }
    double[] xr = padded(x0, x1);
    double[] yr = padded(y0, y1);

    BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = img.createGraphics();
    try {
      g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
      g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
      g.setColor(Color.WHITE);
      g.fillRect(0, 0, width, height);
      int left = 75;
      int top = 25;
      int right = hs == null ? 25 : Math.min(width / 3, 150);
      int bottom = 55;
      int pw = Math.max(10, width - left - right);
      int ph = Math.max(10, height - top - bottom);
      g.setColor(PANEL);
      g.fillRect(left, top, pw, ph);

      double[] xt = ticks(xr[0], xr[1]);
      double[] yt = ticks(yr[0], yr[1]);
      g.setColor(Color.WHITE);
      g.setStroke(new BasicStroke(1.2f));
      for (double t : xt) {
        int px = left + (int) Math.round((t - xr[0]) / (xr[1] - xr[0]) * pw);
        g.drawLine(px, top, px, top + ph);
      }
      for (double t : yt) {
        int py = top + ph - (int) Math.round((t - yr[0]) / (yr[1] - yr[0]) * ph);
        g.drawLine(left, py, left + pw, py);
      }

      double r = Math.max(2.0, Math.min(4.0, 600.0 / Math.sqrt(Math.max(1, n))));
      g.setClip(left, top, pw, ph);
      for (int i = 0; i < n; i++) {
        if (!shown[i]) continue;
        double px = left + (xs.getDouble(i) - xr[0]) / (xr[1] - xr[0]) * pw;
        double py = top + ph - (ys.getDouble(i) - yr[0]) / (yr[1] - yr[0]) * ph;
        Color c = PALETTE[cat[i] % PALETTE.length];
        g.setColor(new Color(c.getRed(), c.getGreen(), c.getBlue(), 200));
        g.fill(new Ellipse2D.Double(px - r, py - r, 2 * r, 2 * r));
      }
      g.setClip(null);

      try {
        labels(g, left, top, pw, ph, xr, yr, xt, yt, x, y, hue, categories);
      } catch (RuntimeException | Error e) {
        // A JRE without fonts cannot draw text; the points and grid are still worth having.
        LOG.warn("cannot draw the text of {} (no fonts?): {}", png, e.toString());
      }
    } finally {
      g.dispose();
    }
    try {
      Path parent = png.toAbsolutePath().getParent();
      if (parent != null) Files.createDirectories(parent);
      if (!ImageIO.write(img, "png", png.toFile())) {
        throw new IOException("no PNG writer in this JRE");
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the plot to " + png, e);
    }
  }

  private static void labels(Graphics2D g, int left, int top, int pw, int ph, double[] xr, double[] yr,
      double[] xt, double[] yt, String x, String y, String hue, Map<String, Integer> categories) {
    Font font = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
    g.setFont(font);
    FontMetrics fm = g.getFontMetrics();
    g.setColor(Color.DARK_GRAY);
    for (double t : xt) {
      int px = left + (int) Math.round((t - xr[0]) / (xr[1] - xr[0]) * pw);
      String s = format(t, xt);
      g.drawString(s, px - fm.stringWidth(s) / 2, top + ph + fm.getAscent() + 4);
    }
    for (double t : yt) {
      int py = top + ph - (int) Math.round((t - yr[0]) / (yr[1] - yr[0]) * ph);
      String s = format(t, yt);
      g.drawString(s, left - fm.stringWidth(s) - 6, py + fm.getAscent() / 2 - 1);
    }
    Font bold = font.deriveFont(Font.PLAIN, 14f);
    g.setFont(bold);
    FontMetrics bm = g.getFontMetrics();
    g.setColor(Color.BLACK);
    g.drawString(x, left + pw / 2 - bm.stringWidth(x) / 2, top + ph + 40);
    AffineTransform saved = g.getTransform();
    g.rotate(-Math.PI / 2);
    g.drawString(y, -(top + ph / 2) - bm.stringWidth(y) / 2, left - 52);
    g.setTransform(saved);
    if (hue != null) {
      int lx = left + pw + 15;
      int ly = top + 20;
      g.drawString(hue, lx, ly);
      g.setFont(font);
      int k = 0;
      for (Map.Entry<String, Integer> e : categories.entrySet()) {
        ly += 20;
        if (k++ == MAX_LEGEND) {
          g.setColor(Color.DARK_GRAY);
          g.drawString("... " + (categories.size() - MAX_LEGEND) + " more", lx, ly);
          break;
        }
        g.setColor(PALETTE[e.getValue() % PALETTE.length]);
        g.fill(new Ellipse2D.Double(lx, ly - 9, 9, 9));
        g.setColor(Color.BLACK);
        g.drawString(e.getKey(), lx + 15, ly);
      }
    }
  }

  private static void checkSize(String what, int v) {
    if (v < 100 || v > 10_000) {
      throw new IllegalArgumentException(what + " is " + v + " pixels; expected 100..10000");
    }
  }

  private static Column<?> column(Table table, String name, String role) {
    Objects.requireNonNull(name, role);
    if (!table.columnNames().contains(name)) {
      throw new IllegalArgumentException("no column '" + name + "' for " + role + "; the columns are "
          + table.columnNames());
    }
    return table.column(name);
  }

  private static NumericColumn<?> numeric(Table table, String name, String role) {
    Column<?> c = column(table, name, role);
    if (!(c instanceof NumericColumn<?> nc)) {
      throw new IllegalArgumentException("column '" + name + "' for " + role + " is " + c.type()
          + "; " + role + " must be numeric");
    }
    return nc;
  }

  /** The range with 5% room on each side; a degenerate or empty range is widened. */
  private static double[] padded(double lo, double hi) {
    if (lo > hi) return new double[] {0, 1};
    if (lo == hi) {
      double d = lo == 0 ? 1 : Math.abs(lo) * 0.1;
      return new double[] {lo - d, hi + d};
    }
    double pad = (hi - lo) * 0.05;
    return new double[] {lo - pad, hi + pad};
  }

  /** Round tick values within [lo, hi], about five of them. */
  static double[] ticks(double lo, double hi) {
    double raw = (hi - lo) / 5;
    double mag = Math.pow(10, Math.floor(Math.log10(raw)));
    double f = raw / mag;
    double step = (f < 1.5 ? 1 : f < 3 ? 2 : f < 7 ? 5 : 10) * mag;
    List<Double> t = new ArrayList<>();
    for (double v = Math.ceil(lo / step) * step; v <= hi + step * 1e-9; v += step) {
      t.add(Math.abs(v) < step * 1e-9 ? 0.0 : v);
      if (t.size() > 50) break;
    }
    return t.stream().mapToDouble(Double::doubleValue).toArray();
  }

  private static String format(double v, double[] ticks) {
    double step = ticks.length > 1 ? ticks[1] - ticks[0] : 1;
    int decimals = Math.max(0, (int) Math.ceil(-Math.log10(step) - 1e-9));
    if (Math.abs(v) >= 1e6 || (Math.abs(v) > 0 && Math.abs(v) < 1e-4)) return String.format(java.util.Locale.ROOT, "%.2g", v);
    return String.format(java.util.Locale.ROOT, "%." + Math.min(decimals, 6) + "f", v);
  }
}
