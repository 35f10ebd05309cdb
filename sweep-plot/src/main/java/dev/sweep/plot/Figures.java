package dev.sweep.plot;

import dev.sweep.plot.Frame.Categories;
import dev.sweep.plot.Frame.Col;
import dev.sweep.plot.Frame.Numbers;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Paint;
import java.awt.Shape;
import java.awt.Stroke;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItem;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.DefaultDrawingSupplier;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.DeviationRenderer;
import org.jfree.chart.renderer.xy.StandardXYBarPainter;
import org.jfree.chart.renderer.xy.XYBarRenderer;
import org.jfree.chart.renderer.xy.XYBlockRenderer;
import org.jfree.chart.renderer.xy.XYItemRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.PaintScaleLegend;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.data.Range;
import org.jfree.data.statistics.HistogramDataset;
import org.jfree.data.xy.DefaultXYZDataset;
import org.jfree.data.xy.XYDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;

/** Turns a {@link Plot} into a {@link Figure}: one JFreeChart per facet, styled alike, sharing axes. */
final class Figures {
  private Figures() {}

  private static final Color GRID = new Color(0xDDDDDD);
  private static final Color OUTLINE = new Color(0xAAAAAA);
  private static final Stroke LINE = new BasicStroke(2.0f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND);
  private static final Shape[] SHAPES = DefaultDrawingSupplier.createStandardSeriesShapes();
  /** Lines with at most this many points also mark each point, so that a lone point shows. */
  private static final int MARK_POINTS_UP_TO = 30;
  /** Legend entries beyond this are summed up in one last entry. */
  private static final int MAX_LEGEND = 20;

  static Figure of(Plot p) {
    Facets f = new Facets(p);
    return switch (p.kind) {
      case LINE -> line(p, f);
      case HEATMAP -> heatmap(p, f);
      case SCATTER -> scatter(p, f);
      case HIST -> hist(p, f);
    };
  }

  /** Which rows of the frame fall in which panel. */
  private static final class Facets {
    final int rows;
    final int cols;
    final List<String> rowLevels;
    final List<String> colLevels;
    final String rowName;
    final String colName;
    final int[][] members;

    Facets(Plot p) {
      Categories r = (Categories) p.frame.col(p.row);
      Categories c = (Categories) p.frame.col(p.col);
      rowLevels = r == null ? List.of("") : r.levels();
      colLevels = c == null ? List.of("") : c.levels();
      rowName = p.row;
      colName = p.col;
      rows = rowLevels.size();
      cols = colLevels.size();
      int n = p.frame.rows();
      int[] count = new int[rows * cols];
      int[] panel = new int[n];
      for (int i = 0; i < n; i++) {
        panel[i] = (r == null ? 0 : r.codes()[i]) * cols + (c == null ? 0 : c.codes()[i]);
        count[panel[i]]++;
      }
      members = new int[rows * cols][];
      for (int k = 0; k < members.length; k++) members[k] = new int[count[k]];
      int[] fill = new int[rows * cols];
      for (int i = 0; i < n; i++) members[panel[i]][fill[panel[i]]++] = i;
    }

    int panels() {
      return rows * cols;
    }

    /** {@return the panel's heading, e.g. "c = true | k = 0.05", or null without facets} */
    String heading(int k) {
      List<String> parts = new ArrayList<>();
      if (rowName != null) parts.add(rowName + " = " + rowLevels.get(k / cols));
      if (colName != null) parts.add(colName + " = " + colLevels.get(k % cols));
      return parts.isEmpty() ? null : String.join(" | ", parts);
    }

    boolean leftColumn(int k) {
      return k % cols == 0;
    }

    boolean bottomRow(int k) {
      return k / cols == rows - 1;
    }
  }

  // ---- line

  private static Figure line(Plot p, Facets f) {
    Col xc = p.frame.col(p.x);
    double[] xs = positions(xc);
    double[] ys = ((Numbers) p.frame.col(p.y)).values();
    double[] es = p.error == null ? null : ((Numbers) p.frame.col(p.error)).values();
    Categories hue = (Categories) p.frame.col(p.hue);
    List<String> keys = hue == null ? List.of(p.frame.col(p.y).label()) : hue.levels();
    int nh = keys.size();
    // Many numeric labels (a hue over a numeric dimension) are coloured by value, with a colour bar.
    double[] hueValues = hue != null && nh > Palette.CATEGORICAL.length ? numbers(keys) : null;
    Palette.Viridis hueScale = null;
    Color[] colours = new Color[nh];
    if (hueValues != null) {
      double[] r = range(hueValues);
      hueScale = new Palette.Viridis(r[0], r[1]);
      for (int h = 0; h < nh; h++) colours[h] = (Color) hueScale.getPaint(hueValues[h]);
    } else {
      for (int h = 0; h < nh; h++) colours[h] = hue == null ? Palette.CATEGORICAL[0] : Palette.category(h, nh);
    }
    List<JFreeChart> panels = new ArrayList<>();
    boolean[] marks = new boolean[nh]; // whether some panel marks the points of a line: then so does its legend entry
    for (int k = 0; k < f.panels(); k++) {
      int[] rows = sortedByX(f.members[k], xs);
      XYDataset data;
      int[] points = new int[nh];
      if (es == null) {
        XYSeriesCollection c = new XYSeriesCollection();
        XYSeries[] s = new XYSeries[nh];
        for (int h = 0; h < nh; h++) c.addSeries(s[h] = new XYSeries(keys.get(h), false, true));
        for (int i : rows) {
          int h = hue == null ? 0 : hue.codes()[i];
          s[h].add(xs[i], ys[i], false); // NaN stays: a gap where a cell is missing
          if (Double.isFinite(ys[i])) points[h]++;
        }
        data = c;
      } else {
        YIntervalSeriesCollection c = new YIntervalSeriesCollection();
        YIntervalSeries[] s = new YIntervalSeries[nh];
        for (int h = 0; h < nh; h++) c.addSeries(s[h] = new YIntervalSeries(keys.get(h), false, true));
        for (int i : rows) {
          int h = hue == null ? 0 : hue.codes()[i];
          if (!Double.isFinite(ys[i])) continue; // a band cannot have holes: missing cells are left out
          double e = Double.isFinite(es[i]) ? es[i] : 0;
          s[h].add(xs[i], ys[i], ys[i] - e, ys[i] + e);
          points[h]++;
        }
        data = c;
      }
      XYLineAndShapeRenderer r = es == null ? new XYLineAndShapeRenderer(true, false) : new DeviationRenderer(true, false);
      if (r instanceof DeviationRenderer d) d.setAlpha(0.22f);
      r.setDrawSeriesLineAsPath(true); // one path per line: smooth joins, and far fewer strokes to rasterise
      for (int h = 0; h < nh; h++) {
        Color colour = colours[h];
        r.setSeriesPaint(h, colour);
        r.setSeriesFillPaint(h, colour);
        r.setSeriesStroke(h, LINE);
        r.setSeriesShape(h, SHAPES[h % SHAPES.length]);
        r.setSeriesShapesVisible(h, points[h] > 0 && points[h] <= MARK_POINTS_UP_TO);
        marks[h] |= points[h] > 0 && points[h] <= MARK_POINTS_UP_TO;
      }
      panels.add(panel(f, k, xAxis(xc, p.frame.col(p.x).label()), numberAxis(p.frame.col(p.y).label()), data, r));
    }
    shareRanges(panels, false);
    List<Figure.LegendGroup> legend = new ArrayList<>();
    if (hue != null && hueScale == null) {
      List<LegendItem> items = new ArrayList<>();
      for (int h = 0; h < nh; h++) {
        Color colour = colours[h];
        boolean marked = marks[h];
        LegendItem item = new LegendItem(keys.get(h), null, null, null, marked, SHAPES[h % SHAPES.length],
            true, colour, false, colour, LINE, true, new Line2D.Double(-9, 0, 9, 0), LINE, colour);
        items.add(item);
      }
      legend.add(new Figure.LegendGroup(hue.label(), capped(items)));
    }
    return new Figure(p.title, f.rows, f.cols, panels, legend, hueScale == null ? null : colourBar(hueScale, hue.label()));
  }

  /** The labels as numbers, or null if one is not a number. */
  private static double[] numbers(List<String> labels) {
    double[] v = new double[labels.size()];
    try {
      for (int i = 0; i < v.length; i++) v[i] = Double.parseDouble(labels.get(i));
    } catch (NumberFormatException e) {
      return null;
    }
    return v;
  }

  /** The rows of one panel, ordered by x (stable, so equal x keep their order). */
  private static int[] sortedByX(int[] rows, double[] xs) {
    boolean sorted = true;
    for (int i = 1; i < rows.length && sorted; i++) sorted = xs[rows[i - 1]] <= xs[rows[i]];
    if (sorted) return rows;
    Integer[] boxed = new Integer[rows.length]; // once per panel, not per point drawn
    for (int i = 0; i < rows.length; i++) boxed[i] = rows[i];
    Arrays.sort(boxed, (a, b) -> Double.compare(xs[a], xs[b]));
    int[] out = new int[rows.length];
    for (int i = 0; i < out.length; i++) out[i] = boxed[i];
    return out;
  }

  // ---- scatter

  private static Figure scatter(Plot p, Facets f) {
    Col xc = p.frame.col(p.x);
    Col yc = p.frame.col(p.y);
    double[] xs = positions(xc);
    double[] ys = positions(yc);
    Col hc = p.frame.col(p.hue);
    Categories hueCats = hc instanceof Categories c ? c : null;
    double[] hueValues = hc instanceof Numbers n ? n.values() : null;
    double[] hueRange = hc instanceof Numbers n ? n.finiteRange() : null;
    Col sc = p.frame.col(p.size);
    double[] sizes = sc == null ? null : positions(sc);
    double[] sizeRange = sc == null ? null : range(sizes);
    List<String> keys = hueCats == null ? List.of(yc.label()) : hueCats.levels();
    int nh = keys.size();
    float alpha = p.frame.rows() > 2000 ? 0.45f : p.frame.rows() > 300 ? 0.65f : 0.85f;
    Palette.Viridis scale = hueValues == null ? null : new Palette.Viridis(hueRange[0], hueRange[1]);
    List<JFreeChart> panels = new ArrayList<>();
    for (int k = 0; k < f.panels(); k++) {
      XYSeriesCollection c = new XYSeriesCollection();
      XYSeries[] s = new XYSeries[nh];
      List<List<Integer>> rowsOf = new ArrayList<>();
      for (int h = 0; h < nh; h++) {
        c.addSeries(s[h] = new XYSeries(keys.get(h), false, true));
        rowsOf.add(new ArrayList<>());
      }
      for (int i : f.members[k]) {
        if (!Double.isFinite(xs[i]) || !Double.isFinite(ys[i])) continue;
        if (sizes != null && !Double.isFinite(sizes[i])) continue;
        int h = hueCats == null ? 0 : hueCats.codes()[i];
        s[h].add(xs[i], ys[i], false);
        rowsOf.get(h).add(i);
      }
      int[][] itemRows = new int[nh][];
      for (int h = 0; h < nh; h++) itemRows[h] = rowsOf.get(h).stream().mapToInt(Integer::intValue).toArray();
      XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(false, true) {
        private static final long serialVersionUID = 1L;

        @Override
        public Paint getItemPaint(int series, int item) {
          if (scale == null) return super.getItemPaint(series, item);
          return withAlpha((Color) scale.getPaint(hueValues[itemRows[series][item]]), alpha);
        }

        @Override
        public Shape getItemShape(int series, int item) {
          if (sizes == null) return super.getItemShape(series, item);
          return circle(diameter(sizes[itemRows[series][item]], sizeRange));
        }
      };
      for (int h = 0; h < nh; h++) {
        r.setSeriesPaint(h, withAlpha(hueCats == null ? Palette.CATEGORICAL[0] : Palette.category(h, nh), alpha));
        r.setSeriesShape(h, circle(p.frame.rows() > 2000 ? 5 : 7));
      }
      panels.add(panel(f, k, xAxis(xc, xc.label()), xAxis(yc, yc.label()), c, r));
    }
    shareRanges(panels, false);
    List<Figure.LegendGroup> legend = new ArrayList<>();
    if (hueCats != null) {
      List<LegendItem> items = new ArrayList<>();
      for (int h = 0; h < nh; h++) items.add(new LegendItem(keys.get(h), null, null, null, circle(9), Palette.category(h, nh)));
      legend.add(new Figure.LegendGroup(hueCats.label(), capped(items)));
    }
    if (sc != null) {
      List<LegendItem> items = new ArrayList<>();
      double lo = sizeRange[0];
      double hi = sizeRange[1];
      double[] examples = lo == hi ? new double[] {lo} : new double[] {lo, (lo + hi) / 2, hi};
      for (double v : examples) {
        items.add(new LegendItem(Frame.format(v), null, null, null, circle(diameter(v, sizeRange)), Color.GRAY));
      }
      legend.add(new Figure.LegendGroup(sc.label(), items));
    }
    PaintScaleLegend bar = scale == null ? null : colourBar(scale, hc.label());
    return new Figure(p.title, f.rows, f.cols, panels, legend, bar);
  }

  private static double diameter(double v, double[] range) {
    double lo = 4;
    double hi = 16;
    double t = range[1] > range[0] ? (v - range[0]) / (range[1] - range[0]) : 0.5;
    return Math.sqrt(lo * lo + (hi * hi - lo * lo) * t); // the area grows with the value
  }

  private static Shape circle(double d) {
    return new Ellipse2D.Double(-d / 2, -d / 2, d, d);
  }

  private static Color withAlpha(Color c, float alpha) {
    return new Color(c.getRed(), c.getGreen(), c.getBlue(), Math.round(alpha * 255));
  }

  // ---- heatmap

  private static Figure heatmap(Plot p, Facets f) {
    Categories xc = (Categories) p.frame.col(p.x);
    Categories yc = (Categories) p.frame.col(p.ydim);
    Numbers zc = (Numbers) p.frame.col(p.y);
    double[] xl = numericLevels(xc);
    double[] yl = numericLevels(yc);
    double[] zr = zc.finiteRange();
    Palette.Viridis scale = new Palette.Viridis(zr[0], zr[1]);
    List<JFreeChart> panels = new ArrayList<>();
    for (int k = 0; k < f.panels(); k++) {
      int[] rows = f.members[k];
      double[][] xyz = new double[3][rows.length];
      for (int j = 0; j < rows.length; j++) {
        int i = rows[j];
        xyz[0][j] = xl == null ? xc.codes()[i] : xl[xc.codes()[i]];
        xyz[1][j] = yl == null ? yc.codes()[i] : yl[yc.codes()[i]];
        xyz[2][j] = zc.values()[i];
      }
      DefaultXYZDataset data = new DefaultXYZDataset();
      data.addSeries(zc.name(), xyz);
      XYBlockRenderer r = new XYBlockRenderer();
      r.setPaintScale(scale);
      r.setBlockWidth(xl == null ? 1 : step(xl));
      r.setBlockHeight(yl == null ? 1 : step(yl));
      ValueAxis xa = levelAxis(xc, xl);
      ValueAxis ya = levelAxis(yc, yl);
      JFreeChart chart = panel(f, k, xa, ya, data, r);
      XYPlot plot = chart.getXYPlot();
      plot.setDomainGridlinesVisible(false);
      plot.setRangeGridlinesVisible(false);
      plot.setBackgroundPaint(Color.WHITE);
      panels.add(chart);
    }
    return new Figure(p.title, f.rows, f.cols, panels, List.of(), colourBar(scale, zc.label()));
  }

  /** The labels as numbers when they all are numbers and evenly spaced (then the axis shows them as numbers); else null. */
  private static double[] numericLevels(Categories c) {
    List<String> levels = c.levels();
    double[] v = new double[levels.size()];
    try {
      for (int i = 0; i < v.length; i++) v[i] = Double.parseDouble(levels.get(i));
    } catch (NumberFormatException e) {
      return null;
    }
    if (v.length < 2) return v.length == 1 ? v : null;
    double d = (v[v.length - 1] - v[0]) / (v.length - 1);
    if (!(Math.abs(d) > 0)) return null;
    for (int i = 1; i < v.length; i++) {
      if (Math.abs(v[i] - v[i - 1] - d) > 1e-3 * Math.abs(d)) return null; // uneven: show the labels one by one
    }
    return v;
  }

  private static double step(double[] v) {
    return v.length < 2 ? 1 : Math.abs((v[v.length - 1] - v[0]) / (v.length - 1));
  }

  private static ValueAxis levelAxis(Categories c, double[] numeric) {
    if (numeric == null) {
      SymbolAxis a = new SymbolAxis(c.label(), c.levels().toArray(String[]::new));
      a.setGridBandsVisible(false);
      style(a);
      a.setRange(-0.5, c.levels().size() - 0.5);
      return a;
    }
    NumberAxis a = numberAxis(c.label());
    double half = step(numeric) / 2;
    double lo = Math.min(numeric[0], numeric[numeric.length - 1]);
    double hi = Math.max(numeric[0], numeric[numeric.length - 1]);
    a.setRange(lo - half, hi + half);
    double step = step(numeric);
    if (numeric.length <= 12 && Math.abs(lo / step - Math.rint(lo / step)) < 1e-6) {
      a.setTickUnit(new org.jfree.chart.axis.NumberTickUnit(step)); // a tick at each label
    }
    return a;
  }

  private static PaintScaleLegend colourBar(Palette.Viridis scale, String label) {
    NumberAxis axis = numberAxis(label);
    axis.setRange(scale.getLowerBound(), scale.getUpperBound());
    PaintScaleLegend bar = new PaintScaleLegend(scale, axis);
    bar.setStripWidth(16);
    bar.setSubdivisionCount(256);
    bar.setAxisOffset(4);
    bar.setStripOutlineVisible(false);
    bar.setPadding(new RectangleInsets(4, 6, 4, 6));
    bar.setAxisLocation(org.jfree.chart.axis.AxisLocation.TOP_OR_RIGHT); // the strip, then its ticks and label
    return bar;
  }

  // ---- histogram

  private static Figure hist(Plot p, Facets f) {
    Numbers vc = (Numbers) p.frame.col(p.y);
    double[] values = vc.values();
    Categories hue = (Categories) p.frame.col(p.hue);
    List<String> keys = hue == null ? List.of(vc.label()) : hue.levels();
    int nh = keys.size();
    double[] range = vc.finiteRange();
    if (Double.isNaN(range[0])) range = new double[] {0, 1};
    if (range[0] == range[1]) range = new double[] {range[0] - 0.5, range[1] + 0.5};
    int bins = p.bins > 0 ? p.bins : bins(values, range);
    List<JFreeChart> panels = new ArrayList<>();
    for (int k = 0; k < f.panels(); k++) {
      double[][] byHue = new double[nh][];
      int[] n = new int[nh];
      for (int i : f.members[k]) if (Double.isFinite(values[i])) n[hue == null ? 0 : hue.codes()[i]]++;
      for (int h = 0; h < nh; h++) byHue[h] = new double[n[h]];
      Arrays.fill(n, 0);
      for (int i : f.members[k]) {
        if (!Double.isFinite(values[i])) continue;
        int h = hue == null ? 0 : hue.codes()[i];
        byHue[h][n[h]++] = values[i];
      }
      HistogramDataset data = new HistogramDataset();
      for (int h = 0; h < nh; h++) data.addSeries(keys.get(h), byHue[h], bins, range[0], range[1]);
      XYBarRenderer r = new XYBarRenderer(0.03);
      r.setBarPainter(new StandardXYBarPainter());
      r.setShadowVisible(false);
      r.setDrawBarOutline(true); // overlaid bars stay apart by their edges
      for (int h = 0; h < nh; h++) {
        Color colour = hue == null ? Palette.CATEGORICAL[0] : Palette.category(h, nh);
        r.setSeriesPaint(h, withAlpha(colour, nh > 1 ? 0.4f : 0.85f));
        r.setSeriesOutlinePaint(h, nh > 1 ? colour : Color.WHITE);
        r.setSeriesOutlineStroke(h, new BasicStroke(1.2f));
      }
      NumberAxis ya = numberAxis("count");
      ya.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
      panels.add(panel(f, k, numberAxis(vc.label()), ya, data, r));
    }
    shareRanges(panels, true);
    List<Figure.LegendGroup> legend = new ArrayList<>();
    if (hue != null) {
      List<LegendItem> items = new ArrayList<>();
      for (int h = 0; h < nh; h++) {
        items.add(new LegendItem(keys.get(h), null, null, null, new java.awt.Rectangle(-6, -6, 12, 12),
            withAlpha(Palette.category(h, nh), 0.4f), new BasicStroke(1.2f), Palette.category(h, nh)));
      }
      legend.add(new Figure.LegendGroup(hue.label(), capped(items)));
    }
    return new Figure(p.title, f.rows, f.cols, panels, legend, null);
  }

  /** The Freedman-Diaconis number of bins, 10 to 100 (Sturges' rule when the quartiles coincide). */
  static int bins(double[] values, double[] range) {
    double[] v = Arrays.stream(values).filter(Double::isFinite).sorted().toArray();
    if (v.length < 2) return 10;
    double iqr = v[(int) (0.75 * (v.length - 1))] - v[(int) (0.25 * (v.length - 1))];
    int b = iqr > 0 ? (int) Math.ceil((range[1] - range[0]) / (2 * iqr / Math.cbrt(v.length)))
        : (int) Math.ceil(Math.log(v.length) / Math.log(2) + 1);
    return Math.max(10, Math.min(100, b));
  }

  // ---- shared

  /** A column's values as positions: numbers as they are, categories by their position among the labels. */
  private static double[] positions(Col c) {
    if (c instanceof Numbers n) return n.values();
    int[] codes = ((Categories) c).codes();
    double[] v = new double[codes.length];
    for (int i = 0; i < v.length; i++) v[i] = codes[i];
    return v;
  }

  private static double[] range(double[] v) {
    double lo = Double.POSITIVE_INFINITY;
    double hi = Double.NEGATIVE_INFINITY;
    for (double d : v) {
      if (Double.isFinite(d)) {
        lo = Math.min(lo, d);
        hi = Math.max(hi, d);
      }
    }
    return lo > hi ? new double[] {0, 0} : new double[] {lo, hi};
  }

  private static ValueAxis xAxis(Col c, String label) {
    if (c instanceof Categories cat) {
      SymbolAxis a = new SymbolAxis(label, cat.levels().toArray(String[]::new));
      a.setGridBandsVisible(false);
      style(a);
      return a;
    }
    NumberAxis a = numberAxis(label);
    ticks(a, ((Numbers) c).values());
    return a;
  }

  /**
   * A tick at each value when there are at most 12 evenly spaced ones (a dimension's labels, such as
   * x = 10, 20, 30), else whole-number ticks for whole numbers; otherwise JFreeChart's choice.
   */
  private static void ticks(NumberAxis a, double[] values) {
    java.util.TreeSet<Double> distinct = new java.util.TreeSet<>();
    boolean whole = true;
    for (double v : values) {
      if (!Double.isFinite(v)) continue;
      whole &= v == Math.rint(v);
      if (distinct.size() <= 12) distinct.add(v);
    }
    if (distinct.size() >= 2 && distinct.size() <= 12) {
      double[] d = distinct.stream().mapToDouble(Double::doubleValue).toArray();
      double step = (d[d.length - 1] - d[0]) / (d.length - 1);
      boolean even = true;
      for (int i = 1; i < d.length; i++) even &= Math.abs(d[i] - d[i - 1] - step) <= 1e-3 * step;
      if (even && Math.abs(d[0] / step - Math.rint(d[0] / step)) < 1e-6) {
        a.setTickUnit(new org.jfree.chart.axis.NumberTickUnit(step));
        return;
      }
    }
    if (whole && !distinct.isEmpty()) a.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
  }

  private static NumberAxis numberAxis(String label) {
    NumberAxis a = new NumberAxis(label);
    a.setAutoRangeIncludesZero(false);
    style(a);
    return a;
  }

  private static void style(ValueAxis a) {
    a.setLabelFont(Figure.LABEL_FONT);
    a.setTickLabelFont(Figure.TICK_FONT);
    a.setAxisLinePaint(OUTLINE);
    a.setTickMarkPaint(OUTLINE);
  }

  /** One panel: a chart without a legend, its heading on top, axis labels only at the left and bottom edges. */
  private static JFreeChart panel(Facets f, int k, ValueAxis xa, ValueAxis ya, XYDataset data, XYItemRenderer r) {
    XYPlot plot = new XYPlot(data, xa, ya, r);
    plot.setBackgroundPaint(Color.WHITE);
    plot.setOutlinePaint(OUTLINE);
    plot.setDomainGridlinePaint(GRID);
    plot.setRangeGridlinePaint(GRID);
    plot.setDomainGridlineStroke(new BasicStroke(1f));
    plot.setRangeGridlineStroke(new BasicStroke(1f));
    plot.setAxisOffset(RectangleInsets.ZERO_INSETS);
    plot.setSeriesRenderingOrder(org.jfree.chart.plot.SeriesRenderingOrder.FORWARD); // later series on top, as matplotlib
    if (f.panels() > 1) {
      if (!f.bottomRow(k)) xa.setLabel(null);
      if (!f.leftColumn(k)) ya.setLabel(null);
      // Equal space for the axes in every panel keeps the plotting areas of a column (and a row) aligned.
      xa.setFixedDimension(axisSpace(xa, false) + (f.bottomRow(k) ? 22 : 0));
      ya.setFixedDimension(axisSpace(ya, true) + (f.leftColumn(k) ? 22 : 0));
    }
    JFreeChart chart = new JFreeChart(null, Figure.PANEL_TITLE_FONT, plot, false);
    String heading = f.heading(k);
    if (heading != null) chart.setTitle(new TextTitle(heading, Figure.PANEL_TITLE_FONT));
    chart.setBackgroundPaint(Color.WHITE);
    chart.setPadding(new RectangleInsets(4, 4, 4, 10));
    chart.setAntiAlias(true);
    chart.setTextAntiAlias(true);
    return chart;
  }

  private static final Graphics2D MEASURE = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB).createGraphics();

  /** The room a tick-labelled axis needs across itself: its widest label (vertical) or a line of text. */
  private static double axisSpace(ValueAxis a, boolean vertical) {
    var fm = MEASURE.getFontMetrics(Figure.TICK_FONT);
    if (!vertical) return fm.getHeight() + 10;
    int widest = fm.stringWidth("-0.000");
    if (a instanceof SymbolAxis s) for (String l : s.getSymbols()) widest = Math.max(widest, fm.stringWidth(l));
    return widest + 12;
  }

  /** Gives every panel the same x and y ranges: those of all panels' data, with a small margin. */
  private static void shareRanges(List<JFreeChart> panels, boolean fromZero) {
    Range xs = null;
    Range ys = null;
    for (JFreeChart c : panels) {
      XYPlot p = c.getXYPlot();
      xs = Range.combine(xs, p.getDataRange(p.getDomainAxis()));
      ys = Range.combine(ys, p.getDataRange(p.getRangeAxis()));
    }
    for (JFreeChart c : panels) {
      XYPlot p = c.getXYPlot();
      if (xs != null && p.getDomainAxis() instanceof NumberAxis a) a.setRange(pad(xs, false));
      if (p.getDomainAxis() instanceof SymbolAxis a) a.setRange(-0.5, a.getSymbols().length - 0.5);
      if (ys != null && p.getRangeAxis() instanceof NumberAxis a) a.setRange(pad(ys, fromZero));
      if (p.getRangeAxis() instanceof SymbolAxis a) a.setRange(-0.5, a.getSymbols().length - 0.5);
    }
  }

  private static Range pad(Range r, boolean fromZero) {
    double lo = r.getLowerBound();
    double hi = r.getUpperBound();
    if (!(hi > lo)) {
      lo -= 0.5;
      hi += 0.5;
    }
    double m = (hi - lo) * 0.04;
    return new Range(fromZero ? 0 : lo - m, hi + m);
  }

  private static List<LegendItem> capped(List<LegendItem> items) {
    if (items.size() <= MAX_LEGEND) return items;
    List<LegendItem> out = new ArrayList<>(items.subList(0, MAX_LEGEND - 1));
    LegendItem more = new LegendItem("... " + (items.size() - MAX_LEGEND + 1) + " more", Color.WHITE);
    more.setShapeVisible(false);
    out.add(more);
    return out;
  }
}
