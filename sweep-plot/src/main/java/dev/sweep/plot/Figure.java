package dev.sweep.plot;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItem;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.block.ColumnArrangement;
import org.jfree.chart.block.RectangleConstraint;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.title.PaintScaleLegend;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.HorizontalAlignment;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.chart.ui.Size2D;
import org.jfree.chart.ui.VerticalAlignment;
import org.jfree.data.Range;

/**
 * What a {@link Plot} draws, as JFreeChart objects: a grid of panels (one chart each, row by row),
 * legend groups and an optional colour bar on the right, and a title on top. Made afresh for every
 * drawing; the tests read the series and legend entries from here.
 *
 * @param title the title above the panels, or null
 * @param rows the number of panel rows
 * @param cols the number of panel columns
 * @param panels the charts, {@code rows * cols} of them, row by row
 * @param legend the legend groups, top to bottom (a hue's categories, a size's examples)
 * @param colourBar the colour bar of a heatmap or numeric hue, or null
 */
record Figure(String title, int rows, int cols, List<JFreeChart> panels, List<LegendGroup> legend,
    PaintScaleLegend colourBar) {
  static final String FONT = Font.SANS_SERIF;
  static final Font TITLE_FONT = new Font(FONT, Font.BOLD, 18);
  static final Font PANEL_TITLE_FONT = new Font(FONT, Font.PLAIN, 14);
  static final Font LABEL_FONT = new Font(FONT, Font.PLAIN, 14);
  static final Font TICK_FONT = new Font(FONT, Font.PLAIN, 12);
  static final Font LEGEND_FONT = new Font(FONT, Font.PLAIN, 13);
  static final Font LEGEND_TITLE_FONT = new Font(FONT, Font.BOLD, 13);

  /**
   * A titled group of legend entries.
   *
   * @param title the group's heading (the name of what the entries stand for)
   * @param items the entries, in order
   */
  record LegendGroup(String title, List<LegendItem> items) {}

  Figure {
    panels = List.copyOf(panels);
    legend = List.copyOf(legend);
  }

  /** Draws the figure into the given area, starting at (0, 0). */
  void draw(Graphics2D g, int width, int height) {
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, width, height);
    double top = 6;
    if (title != null) {
      TextTitle t = new TextTitle(title, TITLE_FONT);
      Size2D s = t.arrange(g, new RectangleConstraint(new Range(0, width), new Range(0, height)));
      t.draw(g, new Rectangle2D.Double(0, top, width, s.height));
      top += s.height + 4;
    }
    double right = drawSide(g, width, top, height);
    double areaW = width - right;
    double areaH = height - top;
    double cellW = areaW / cols;
    double cellH = areaH / rows;
    for (int r = 0; r < rows; r++) {
      for (int c = 0; c < cols; c++) {
        JFreeChart chart = panels.get(r * cols + c);
        chart.draw(g, new Rectangle2D.Double(c * cellW, top + r * cellH, cellW, cellH));
      }
    }
  }

  /** Draws the legend groups and the colour bar at the right edge; returns the width they take. */
  private double drawSide(Graphics2D g, int width, double top, int height) {
    if (legend.isEmpty() && colourBar == null) return 8;
    double maxW = width * 0.35;
    double w = 0;
    Size2D[] sizes = new Size2D[legend.size() * 2];
    LegendTitle[] titles = new LegendTitle[legend.size()];
    TextTitle[] heads = new TextTitle[legend.size()];
    for (int i = 0; i < legend.size(); i++) {
      LegendGroup group = legend.get(i);
      heads[i] = new TextTitle(group.title(), LEGEND_TITLE_FONT, Color.BLACK, RectangleEdge.TOP,
          HorizontalAlignment.LEFT, VerticalAlignment.TOP, new RectangleInsets(2, 4, 2, 4));
      LegendItemCollection items = new LegendItemCollection();
      group.items().forEach(items::add);
      titles[i] = new LegendTitle(() -> items, new ColumnArrangement(), new ColumnArrangement());
      titles[i].setItemFont(LEGEND_FONT);
      titles[i].setHorizontalAlignment(HorizontalAlignment.LEFT);
      titles[i].setItemLabelPadding(new RectangleInsets(2, 4, 2, 2));
      titles[i].setPadding(new RectangleInsets(0, 4, 8, 4));
      RectangleConstraint free = new RectangleConstraint(new Range(0, maxW), new Range(0, height));
      sizes[2 * i] = heads[i].arrange(g, free);
      sizes[2 * i + 1] = titles[i].arrange(g, free);
      w = Math.max(w, Math.max(sizes[2 * i].width, sizes[2 * i + 1].width));
    }
    double barW = 0;
    if (colourBar != null) {
      colourBar.setPosition(RectangleEdge.RIGHT);
      barW = colourBar.arrange(g, new RectangleConstraint(new Range(0, maxW), new Range(0, height))).width;
      w = Math.max(w, barW);
    }
    w = Math.min(w + 12, maxW);
    double x = width - w;
    double y = top + 24;
    for (int i = 0; i < legend.size(); i++) {
      heads[i].draw(g, new Rectangle2D.Double(x, y, w, sizes[2 * i].height));
      y += sizes[2 * i].height;
      titles[i].draw(g, new Rectangle2D.Double(x, y, w, sizes[2 * i + 1].height));
      y += sizes[2 * i + 1].height;
    }
    if (colourBar != null) {
      double barTop = Math.max(y, top + 24);
      double barH = Math.max(80, Math.min(height - barTop - 40, (height - top) * 0.8));
      colourBar.draw(g, new Rectangle2D.Double(x, barTop, w, barH));
    }
    return w;
  }
}
