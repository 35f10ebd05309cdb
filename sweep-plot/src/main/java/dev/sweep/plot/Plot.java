package dev.sweep.plot;

import dev.sweep.data.Dataset;
import dev.sweep.data.Index;
import dev.sweep.data.Variable;
import dev.sweep.io.internal.AtomicFiles;
import dev.sweep.io.table.LongTable;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import org.jfree.svg.SVGGraphics2D;
import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.api.Table;

/**
 * A plot of a {@link Dataset} or a Tablesaw {@link Table}: a line plot, heatmap, scatter plot or
 * histogram, with dimensions or columns mapped to colour ({@code hue}), marker size and facets
 * ({@code col}, {@code row}), written as PNG or SVG. The counterpart of xarray's {@code ds.plot} and
 * seaborn's {@code relplot} / {@code histplot}; drawn with JFreeChart.
 *
 * <pre>{@code
 * Plot.line(harvest, "b_out").x("a").hue("b").col("c").build().write(Path.of("foo.png"));
 * Plot.heatmap(ds.sel(Map.of("i", 5, "j", 0.5)), "C").x("t").col("k").build().write(Path.of("bar.svg"));
 * Plot.scatter(samples).x("x").y("out").hue("fn").size("amp").build().write(Path.of("trig.png"));
 * Plot.hist(samples, "out").hue("fn").build().write(Path.of("out.png"));
 * }</pre>
 *
 * <p>A plot is immutable: {@link Builder#build()} checks every name against the data and copies the
 * values it needs, so later changes to a table do not reach it. Axis labels come from a variable's
 * {@code long_name} and {@code units} attributes ("energy [J]"), else its name. Categories take
 * Okabe and Ito's colour-blind-safe colours; values (a heatmap, a numeric hue in a scatter plot) take
 * viridis, with a colour bar. Missing values (NaN) leave gaps in lines, are left out of scatter plots
 * and histograms, and are light grey in heatmaps. Facets share their axes. Nothing here takes or
 * returns null unless it says so.
 */
public final class Plot {
  /** What a plot draws. */
  public enum Kind {
    /** y against x, one line per label of {@code hue}, with an optional error band. */
    LINE,
    /** A variable over two dimensions as coloured cells, with a colour bar. */
    HEATMAP,
    /** Points at (x, y), coloured by {@code hue} and sized by {@code size}. */
    SCATTER,
    /** Counts of a variable's values in bins, one histogram per label of {@code hue}. */
    HIST;

    /** {@return the lower-case name used on the command line: line, heatmap, scatter, hist} */
    public String word() {
      return name().toLowerCase(Locale.ROOT);
    }

    /**
     * {@return the kind of the given name (line, heatmap, scatter, hist; case ignored)}
     *
     * @param word the name
     * @throws IllegalArgumentException naming the word and the kinds, if it is none of them
     */
    public static Kind of(String word) {
      for (Kind k : values()) if (k.word().equalsIgnoreCase(Objects.requireNonNull(word, "word"))) return k;
      throw new IllegalArgumentException("no plot kind '" + word + "'; the kinds are line, heatmap, scatter, hist");
    }
  }

  /** The default width in pixels of a plot with one panel. */
  public static final int WIDTH = 800;

  /** The default height in pixels of a plot with one panel. */
  public static final int HEIGHT = 560;

  final Kind kind;
  final String x;
  final String y;
  final String ydim;
  final String hue;
  final String size;
  final String col;
  final String row;
  final String error;
  final int bins;
  final String title;
  final Frame frame;
  /** Whether hue holds categories (a dimension or a non-numeric column) rather than numbers. */
  final boolean hueIsCategorical;
  private final int width;
  private final int height;

  private Plot(Builder b, Frame frame, boolean hueIsCategorical) {
    this.kind = b.kind;
    this.x = b.x;
    this.y = b.y;
    this.ydim = b.ydim;
    this.hue = b.hue;
    this.size = b.size;
    this.col = b.col;
    this.row = b.row;
    this.error = b.error;
    this.bins = b.bins;
    this.title = b.title;
    this.frame = frame;
    this.hueIsCategorical = hueIsCategorical;
    int cols = levels(col);
    int rows = levels(row);
    this.width = b.width > 0 ? b.width : cols <= 1 ? WIDTH : Math.min(2400, 160 + 380 * cols);
    this.height = b.height > 0 ? b.height : rows <= 1 ? (cols <= 1 ? HEIGHT : 420) : Math.min(2400, 60 + 320 * rows);
  }

  private int levels(String name) {
    return name == null ? 1 : ((Frame.Categories) frame.col(name)).levels().size();
  }

  /**
   * {@return a builder of a line plot of a variable of a dataset} Set the dimension along x (or a
   * variable, for a flat dataset such as a sampler's); every other dimension of the variable must be
   * mapped to hue, col or row.
   *
   * @param data the dataset
   * @param y the variable along the vertical axis
   */
  public static Builder line(Dataset data, String y) {
    return builder(Kind.LINE, data).y(y);
  }

  /**
   * {@return a builder of a line plot of a table's column against another, one line per label of
   * hue, each through its points in x order}
   *
   * @param data the table
   * @param y the numeric column along the vertical axis
   */
  public static Builder line(Table data, String y) {
    return builder(Kind.LINE, data).y(y);
  }

  /**
   * {@return a builder of a heatmap of a variable over two of its dimensions} Set x (the horizontal
   * dimension); the vertical one is the variable's other dimension unless {@link Builder#ydim} names
   * it; further dimensions must be mapped to col or row.
   *
   * @param data the dataset
   * @param value the variable that colours the cells
   */
  public static Builder heatmap(Dataset data, String value) {
    return builder(Kind.HEATMAP, data).y(value);
  }

  /**
   * {@return a builder of a heatmap of a table in long form: one row per cell, x and
   * {@link Builder#ydim} name the columns that place it}
   *
   * @param data the table
   * @param value the numeric column that colours the cells
   */
  public static Builder heatmap(Table data, String value) {
    return builder(Kind.HEATMAP, data).y(value);
  }

  /**
   * {@return a builder of a scatter plot of a dataset: a point per cell, x and y naming variables or
   * dimensions}
   *
   * @param data the dataset
   */
  public static Builder scatter(Dataset data) {
    return builder(Kind.SCATTER, data);
  }

  /**
   * {@return a builder of a scatter plot of a table: a point per row}
   *
   * @param data the table
   */
  public static Builder scatter(Table data) {
    return builder(Kind.SCATTER, data);
  }

  /**
   * {@return a builder of a histogram of a variable's values, over all its cells}
   *
   * @param data the dataset
   * @param variable the variable whose values are counted
   */
  public static Builder hist(Dataset data, String variable) {
    return builder(Kind.HIST, data).y(variable);
  }

  /**
   * {@return a builder of a histogram of a table's numeric column}
   *
   * @param data the table
   * @param column the column whose values are counted
   */
  public static Builder hist(Table data, String column) {
    return builder(Kind.HIST, data).y(column);
  }

  /**
   * {@return a builder of a plot of the given kind of a dataset, with nothing mapped yet}
   *
   * @param kind what to draw
   * @param data the dataset
   */
  public static Builder builder(Kind kind, Dataset data) {
    return new Builder(Objects.requireNonNull(kind, "kind"), Objects.requireNonNull(data, "data"), null);
  }

  /**
   * {@return a builder of a plot of the given kind of a table, with nothing mapped yet}
   *
   * @param kind what to draw
   * @param data the table
   */
  public static Builder builder(Kind kind, Table data) {
    return new Builder(Objects.requireNonNull(kind, "kind"), null, Objects.requireNonNull(data, "data"));
  }

  /** {@return what this plot draws} */
  public Kind kind() {
    return kind;
  }

  /** {@return the image's width in pixels} */
  public int width() {
    return width;
  }

  /** {@return the image's height in pixels} */
  public int height() {
    return height;
  }

  /** {@return the plot drawn into a new image of {@link #width()} x {@link #height()} pixels} */
  public BufferedImage toImage() {
    BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = img.createGraphics();
    try {
      g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
      g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
      figure().draw(g, width, height);
    } finally {
      g.dispose();
    }
    return img;
  }

  /** {@return the plot as an SVG document of {@link #width()} x {@link #height()} pixels} */
  public String toSvg() {
    SVGGraphics2D g = new SVGGraphics2D(width, height);
    // JFreeChart's block renderer saves and restores this hint, and SVGGraphics2D refuses to restore it to null.
    g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_DEFAULT);
    figure().draw(g, width, height);
    return g.getSVGDocument();
  }

  /**
   * Writes the plot as PNG or SVG, chosen by the file's extension ({@code .png}, {@code .svg}, case
   * ignored). The file is replaced atomically: a reader sees the old file or the new one, never half
   * of one. Missing directories are created.
   *
   * @param file the file to write
   * @return the file
   * @throws IllegalArgumentException if the extension is neither .png nor .svg
   * @throws UncheckedIOException if the file cannot be written
   */
  public Path write(Path file) {
    String name = Objects.requireNonNull(file, "file").getFileName().toString().toLowerCase(Locale.ROOT);
    if (name.endsWith(".png")) return writePng(file);
    if (name.endsWith(".svg")) return writeSvg(file);
    throw new IllegalArgumentException("cannot tell the image format of '" + file + "'; name it *.png or *.svg");
  }

  /**
   * Writes the plot as a PNG file, replaced atomically; missing directories are created.
   *
   * @param file the file to write
   * @return the file
   * @throws UncheckedIOException if the file cannot be written
   */
  public Path writePng(Path file) {
    BufferedImage img = toImage();
    replace(file, tmp -> {
      java.util.Iterator<ImageWriter> writers = ImageIO.getImageWritersByFormatName("png");
      if (!writers.hasNext()) throw new IOException("no PNG writer in this JVM");
      ImageWriter w = writers.next();
      ImageWriteParam param = w.getDefaultWriteParam();
      // Deflate level 1 instead of the default 4: a third faster here, and the file as small (the row filters do the work).
      param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
      param.setCompressionQuality(0.9f);
      try (ImageOutputStream out = ImageIO.createImageOutputStream(tmp.toFile())) {
        w.setOutput(out);
        w.write(null, new IIOImage(img, null, null), param);
      } finally {
        w.dispose();
      }
    });
    return file;
  }

  /**
   * Writes the plot as an SVG file, replaced atomically; missing directories are created.
   *
   * @param file the file to write
   * @return the file
   * @throws UncheckedIOException if the file cannot be written
   */
  public Path writeSvg(Path file) {
    String svg = toSvg();
    replace(file, tmp -> Files.writeString(tmp, svg, StandardCharsets.UTF_8));
    return file;
  }

  private static void replace(Path file, AtomicFiles.Writer writer) {
    Path dir = file.toAbsolutePath().getParent();
    try {
      if (dir != null) Files.createDirectories(dir);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
    }
    AtomicFiles.replace(file, writer);
  }

  /** {@return the charts this plot draws, made afresh (JFreeChart's objects are mutable)} */
  Figure figure() {
    return Figures.of(this);
  }

  @Override
  public String toString() {
    StringBuilder s = new StringBuilder(kind.word()).append(" plot");
    String[][] roles = {{"x", x}, {"y", y}, {"ydim", ydim}, {"hue", hue}, {"size", size}, {"col", col}, {"row", row},
        {"error", error}};
    for (String[] r : roles) if (r[1] != null) s.append(' ').append(r[0]).append('=').append(r[1]);
    return s.append(' ').append(width).append('x').append(height).toString();
  }

  /**
   * Maps variables, dimensions or columns to a plot's axes, colour, size and facets. Each setter
   * checks its argument at once (not null, not blank, set once, meant for this kind of plot);
   * {@link #build()} checks the names against the data. A builder is not thread-safe.
   */
  public static final class Builder {
    private final Kind kind;
    private final Dataset dataset;
    private final Table table;
    private String x;
    private String y;
    private String ydim;
    private String hue;
    private String size;
    private String col;
    private String row;
    private String error;
    private int bins;
    private String title;
    private int width;
    private int height;

    private Builder(Kind kind, Dataset dataset, Table table) {
      this.kind = kind;
      this.dataset = dataset;
      this.table = table;
    }

    /**
     * Sets what runs along the horizontal axis: a dimension (line, heatmap) or a variable or dimension
     * (scatter; line over a flat dataset); a column of a table.
     *
     * @param name the dimension, variable or column
     * @return this builder
     * @throws IllegalArgumentException if the name is blank, x was already set, or the plot is a histogram
     */
    public Builder x(String name) {
      only("x", Kind.LINE, Kind.HEATMAP, Kind.SCATTER);
      x = once("x", x, name);
      return this;
    }

    /**
     * Sets the variable or column along the vertical axis (line, scatter), the one that colours a
     * heatmap's cells, or the one a histogram counts.
     *
     * @param name the variable or column
     * @return this builder
     * @throws IllegalArgumentException if the name is blank or y was already set
     */
    public Builder y(String name) {
      y = once("y", y, name);
      return this;
    }

    /**
     * Sets a heatmap's vertical dimension (a column, for a table). For a dataset it may be left out
     * when the variable has exactly one dimension besides x, col and row.
     *
     * @param name the dimension or column
     * @return this builder
     * @throws IllegalArgumentException if the name is blank, ydim was already set, or the plot is not a heatmap
     */
    public Builder ydim(String name) {
      only("ydim", Kind.HEATMAP);
      ydim = once("ydim", ydim, name);
      return this;
    }

    /**
     * Colours by a dimension or variable: one line, histogram or colour of points per label; numbers
     * in a scatter plot get a colour scale.
     *
     * @param name the dimension, variable or column
     * @return this builder
     * @throws IllegalArgumentException if the name is blank, hue was already set, or the plot is a heatmap
     */
    public Builder hue(String name) {
      only("hue", Kind.LINE, Kind.SCATTER, Kind.HIST);
      hue = once("hue", hue, name);
      return this;
    }

    /**
     * Sizes a scatter plot's markers by a numeric variable or column (larger values, larger markers).
     *
     * @param name the variable or column
     * @return this builder
     * @throws IllegalArgumentException if the name is blank, size was already set, or the plot is not a scatter plot
     */
    public Builder size(String name) {
      only("size", Kind.SCATTER);
      size = once("size", size, name);
      return this;
    }

    /**
     * Draws one panel per label of a dimension (or column), side by side.
     *
     * @param name the dimension or column
     * @return this builder
     * @throws IllegalArgumentException if the name is blank or col was already set
     */
    public Builder col(String name) {
      col = once("col", col, name);
      return this;
    }

    /**
     * Draws one row of panels per label of a dimension (or column).
     *
     * @param name the dimension or column
     * @return this builder
     * @throws IllegalArgumentException if the name is blank or row was already set
     */
    public Builder row(String name) {
      row = once("row", row, name);
      return this;
    }

    /**
     * Draws a band from y - error to y + error around each line (e.g. a standard deviation).
     *
     * @param name a numeric variable over the same dimensions as y (or fewer), or a column
     * @return this builder
     * @throws IllegalArgumentException if the name is blank, error was already set, or the plot is not a line plot
     */
    public Builder error(String name) {
      only("error", Kind.LINE);
      error = once("error", error, name);
      return this;
    }

    /**
     * Sets a histogram's number of bins (default: the Freedman-Diaconis rule, 10 to 100 bins).
     *
     * @param count 1 to 1000
     * @return this builder
     * @throws IllegalArgumentException if the count is outside 1..1000, bins were already set, or the
     *     plot is not a histogram
     */
    public Builder bins(int count) {
      only("bins", Kind.HIST);
      if (bins != 0) throw new IllegalArgumentException("bins was already set to " + bins);
      if (count < 1 || count > 1000) throw new IllegalArgumentException("bins is " + count + "; expected 1 to 1000");
      bins = count;
      return this;
    }

    /**
     * Sets the title above the plot (default: none).
     *
     * @param text the title
     * @return this builder
     * @throws IllegalArgumentException if the title is blank or was already set
     */
    public Builder title(String text) {
      title = once("title", title, text);
      return this;
    }

    /**
     * Sets the image's width in pixels (default {@value Plot#WIDTH} for one panel, wider with col).
     *
     * @param pixels 200 to 10000
     * @return this builder
     * @throws IllegalArgumentException if outside 200..10000
     */
    public Builder width(int pixels) {
      width = pixels("width", pixels);
      return this;
    }

    /**
     * Sets the image's height in pixels (default {@value Plot#HEIGHT} for one panel, taller with row).
     *
     * @param pixels 200 to 10000
     * @return this builder
     * @throws IllegalArgumentException if outside 200..10000
     */
    public Builder height(int pixels) {
      height = pixels("height", pixels);
      return this;
    }

    private static int pixels(String what, int pixels) {
      if (pixels < 200 || pixels > 10_000) {
        throw new IllegalArgumentException(what + " is " + pixels + " pixels; expected 200 to 10000");
      }
      return pixels;
    }

    private void only(String what, Kind... kinds) {
      for (Kind k : kinds) if (k == kind) return;
      List<String> words = new ArrayList<>();
      for (Kind k : kinds) words.add(k.word());
      throw new IllegalArgumentException(what + " is for " + String.join(", ", words) + " plots, not for a "
          + kind.word() + " plot");
    }

    private static String once(String what, String before, String name) {
      Objects.requireNonNull(name, what);
      if (name.isBlank()) throw new IllegalArgumentException(what + " is blank; expected a name");
      if (before != null) throw new IllegalArgumentException(what + " was already set to '" + before + "'");
      return name;
    }

    /**
     * Checks the names against the data and makes the plot, copying the values it draws.
     *
     * @return the plot
     * @throws IllegalArgumentException if x or y is missing for this kind; a name is neither a
     *     variable nor a dimension of the dataset (or not a column of the table), listing those that
     *     exist; a name is used for two roles; a value needs numbers but holds strings; or a line plot
     *     or heatmap would hide dimensions of the variable, naming those to select or reduce
     */
    public Plot build() {
      if (y == null) {
        throw new IllegalArgumentException("a " + kind.word() + " plot needs y: " + switch (kind) {
          case LINE, SCATTER -> "the variable along the vertical axis";
          case HEATMAP -> "the variable that colours the cells";
          case HIST -> "the variable whose values it counts";
        });
      }
      if (x == null && kind != Kind.HIST) {
        throw new IllegalArgumentException("a " + kind.word() + " plot needs x: the " + (kind == Kind.SCATTER
            ? "variable or dimension" : "dimension") + " along the horizontal axis");
      }
      distinctRoles();
      return dataset != null ? fromDataset() : fromTable(table);
    }

    private void distinctRoles() {
      Map<String, String> seen = new LinkedHashMap<>();
      String[][] roles = {{"x", x}, {"y", y}, {"ydim", ydim}, {"hue", hue}, {"size", size}, {"col", col}, {"row", row},
          {"error", error}};
      Set<String> marks = Set.of("hue", "size");
      for (String[] r : roles) {
        if (r[1] == null) continue;
        String before = seen.putIfAbsent(r[1], r[0]);
        if (before == null) continue;
        // A scatter plot may colour or size its points by what places them (seaborn allows hue=x).
        boolean allowed = kind == Kind.SCATTER && (marks.contains(r[0]) || marks.contains(before));
        if (!allowed) {
          throw new IllegalArgumentException("'" + r[1] + "' is both " + before + " and " + r[0]
              + "; give each role its own dimension or variable");
        }
      }
    }

    // ---- datasets

    private Plot fromDataset() {
      Dataset ds = dataset;
      Variable value = variable(ds, "y", y);
      List<String> vdims = value.dims();
      List<String> names = new ArrayList<>();
      Set<String> categorical = new LinkedHashSet<>();
      for (String[] r : new String[][] {{"x", x}, {"hue", hue}, {"size", size}, {"col", col}, {"row", row}}) {
        if (r[1] == null) continue;
        if (!ds.sizes().containsKey(r[1]) && !ds.variables().containsKey(r[1])) {
          throw new IllegalArgumentException(r[0] + ": no variable or dimension '" + r[1] + "'; " + existing(ds));
        }
      }
      switch (kind) {
        case LINE -> {
          if (ds.sizes().containsKey(x)) {
            requireDimOf(value, "x", x);
            requireDimOf(value, "hue", hue);
            requireDimOf(value, "col", col);
            requireDimOf(value, "row", row);
            requireShown(value, "a line plot shows x, hue, col and row", x, hue, col, row);
          }
          if (error != null) {
            Variable e = variable(ds, "error", error);
            numeric(e, "error");
            if (!vdims.containsAll(e.dims())) {
              throw new IllegalArgumentException("error: variable '" + error + "' has the dimensions " + e.dims()
                  + ", not all of which '" + y + "' has (" + vdims + ")");
            }
          }
        }
        case HEATMAP -> {
          requireDimOf(value, "x", x);
          if (ydim != null) requireDimOf(value, "ydim", ydim);
          requireDimOf(value, "col", col);
          requireDimOf(value, "row", row);
          List<String> rest = new ArrayList<>(vdims);
          rest.removeAll(java.util.Arrays.asList(x, col, row));
          if (ydim == null) {
            if (rest.isEmpty()) {
              throw new IllegalArgumentException("heatmap of '" + y + "': it has the dimensions " + vdims + ", and a"
                  + " heatmap needs a second one besides x ('" + x + "'), col and row; draw a line plot instead");
            }
            if (rest.size() == 1) ydim = rest.get(0);
          }
          requireShown(value, "a heatmap shows x, ydim, col and row", x, ydim, col, row);
        }
        default -> { }
      }
      numeric(value, "y");
      // A scatter plot's x may hold strings (one column of points per label); its size must be numbers.
      if (kind == Kind.SCATTER && size != null && !ds.sizes().containsKey(size)) numeric(ds.variable(size), "size");
      // Dimensions (other than a scatter plot's axes and size) are categories.
      for (String n : new String[] {x, ydim, hue, col, row}) {
        if (n == null || !ds.sizes().containsKey(n)) continue;
        if (kind == Kind.SCATTER && n.equals(x)) continue;
        if (kind == Kind.LINE && n.equals(x) && isNumeric(ds, n)) continue;
        categorical.add(n);
      }
      for (String n : new String[] {hue, col, row}) {
        if (n != null && ds.variables().containsKey(n) && (kind != Kind.SCATTER || !n.equals(hue))) categorical.add(n);
      }
      for (String n : new String[] {x, y, ydim, hue, size, col, row, error}) if (n != null && !names.contains(n)) names.add(n);
      Dataset subset = subset(ds, names);
      Table t = LongTable.of(subset);
      Map<String, String> labels = new LinkedHashMap<>();
      for (String n : names) labels.put(n, ds.variables().containsKey(n) ? label(ds.variable(n)) : n);
      Frame frame = Frame.of(t, labels, categorical);
      return make(frame);
    }

    private static boolean isNumeric(Dataset ds, String dim) {
      Index ix = ds.coords().get(dim);
      return ix == null || switch (ix.type()) {
        case DOUBLE, FLOAT, INT, LONG -> true;
        default -> false;
      };
    }

    private Variable variable(Dataset ds, String role, String name) {
      if (!ds.variables().containsKey(name)) {
        throw new IllegalArgumentException(role + ": no variable '" + name + "'" + (ds.sizes().containsKey(name)
            ? " ('" + name + "' is a dimension)" : "") + "; " + existing(ds));
      }
      return ds.variable(name);
    }

    private static String existing(Dataset ds) {
      return "the variables are " + ds.variables().keySet() + ", the dimensions " + ds.dims();
    }

    private void requireDimOf(Variable v, String role, String dim) {
      if (dim != null && !v.dims().contains(dim)) {
        throw new IllegalArgumentException(role + ": '" + dim + "' is not a dimension of '" + v.name() + "'; its "
            + "dimensions are " + v.dims());
      }
    }

    private void requireShown(Variable v, String shows, String... roles) {
      List<String> hidden = new ArrayList<>(v.dims());
      hidden.removeAll(java.util.Arrays.asList(roles));
      if (hidden.isEmpty()) return;
      Dataset ds = dataset;
      String d = hidden.get(0);
      Index ix = ds.coords().get(d);
      String first = ix == null || ix.size() == 0 ? "0" : ix.get(0) instanceof String s ? "\"" + s + "\"" : String.valueOf(ix.get(0));
      String sel = ix == null ? "ds.isel(Map.of(\"" + d + "\", 0))" : "ds.sel(Map.of(\"" + d + "\", " + first + "))";
      throw new IllegalArgumentException(kind.word() + " plot of '" + v.name() + "': it has the dimensions " + v.dims()
          + " and " + shows + "; select a label of " + (hidden.size() == 1 ? "" : "each of ") + hidden
          + " or reduce over " + (hidden.size() == 1 ? "it" : "them") + " first, e.g. " + sel + " or ds.mean(\""
          + d + "\")" + (kind == Kind.LINE && hue == null ? ", or map " + (hidden.size() == 1 ? "it" : "one")
          + " to hue" : ""));
    }

    private void numeric(Variable v, String role) {
      switch (v.type()) {
        case STRING -> throw new IllegalArgumentException(role + ": variable '" + v.name() + "' holds strings; a "
            + kind.word() + " plot's " + role + " needs numbers");
        case COMPLEX128, COMPLEX64 -> throw new IllegalArgumentException(role + ": variable '" + v.name() + "' is "
            + v.type().numpyName() + "; plot its real(), imag() or abs() (Variable.real() etc., or ds.with(...))");
        default -> { }
      }
    }

    /** The named variables with the coordinates of their dimensions, in the dataset's dimension order. */
    private static Dataset subset(Dataset ds, List<String> names) {
      Set<String> dims = new LinkedHashSet<>();
      for (String n : names) {
        if (ds.sizes().containsKey(n)) dims.add(n);
        else dims.addAll(ds.variable(n).dims());
      }
      Dataset.Builder b = Dataset.builder();
      for (String d : ds.dims()) {
        if (!dims.contains(d)) continue;
        Index ix = ds.coords().get(d);
        if (ix != null) b.coord(d, ix);
        else b.dim(d, ds.sizes().get(d));
      }
      for (String n : names) if (ds.variables().containsKey(n)) b.variable(ds.variable(n));
      return b.build();
    }

    /** The axis text of a variable: "long_name [units]", as xarray labels its axes. */
    static String label(Variable v) {
      Object longName = v.attrs().get("long_name");
      Object units = v.attrs().get("units");
      String name = longName instanceof String s && !s.isBlank() ? s : v.name();
      return units instanceof String u && !u.isBlank() ? name + " [" + u + "]" : name;
    }

    // ---- tables

    private Plot fromTable(Table t) {
      List<String> columns = t.columnNames();
      String[][] roles = {{"x", x}, {"y", y}, {"ydim", ydim}, {"hue", hue}, {"size", size}, {"col", col}, {"row", row},
          {"error", error}};
      List<String> names = new ArrayList<>();
      for (String[] r : roles) {
        if (r[1] == null) continue;
        if (!columns.contains(r[1])) {
          throw new IllegalArgumentException(r[0] + ": no column '" + r[1] + "' in the table; its columns are " + columns);
        }
        if (!names.contains(r[1])) names.add(r[1]);
      }
      for (String[] r : new String[][] {{"y", y}, {"size", size}, {"error", error}}) {
        if (r[1] != null && !(t.column(r[1]) instanceof NumericColumn<?>)) {
          throw new IllegalArgumentException(r[0] + ": column '" + r[1] + "' holds " + t.column(r[1]).type()
              + "; a " + kind.word() + " plot's " + r[0] + " needs numbers");
        }
      }
      if (kind == Kind.HEATMAP) {
        if (ydim == null) {
          throw new IllegalArgumentException("a heatmap of a table needs ydim: the column that places each row on the"
              + " vertical axis (x places it on the horizontal one); the columns are " + columns);
        }
        List<String> dims = new ArrayList<>();
        for (String d : new String[] {row, col, ydim, x}) if (d != null) dims.add(d);
        List<String> keep = new ArrayList<>(dims);
        keep.add(y);
        Dataset ds;
        try {
          ds = LongTable.toDataset(t.selectColumns(keep.toArray(String[]::new)), dims.toArray(String[]::new));
        } catch (IllegalArgumentException e) {
          throw new IllegalArgumentException("heatmap of column '" + y + "' over " + dims + ": " + e.getMessage(), e);
        }
        Builder b = new Builder(kind, ds, null);
        b.x = x;
        b.y = y;
        b.ydim = ydim;
        b.col = col;
        b.row = row;
        b.title = title;
        b.width = width;
        b.height = height;
        return b.fromDataset();
      }
      Set<String> categorical = new LinkedHashSet<>();
      for (String n : new String[] {col, row}) if (n != null) categorical.add(n);
      if (hue != null && kind != Kind.SCATTER) categorical.add(hue);
      Map<String, String> labels = new LinkedHashMap<>();
      for (String n : names) labels.put(n, n);
      return make(Frame.of(t, labels, categorical));
    }

    private Plot make(Frame frame) {
      return new Plot(this, frame, hue != null && frame.col(hue) instanceof Frame.Categories);
    }
  }
}
