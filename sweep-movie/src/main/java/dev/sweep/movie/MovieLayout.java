package dev.sweep.movie;

import dev.sweep.data.Column;
import dev.sweep.data.DType;
import dev.sweep.data.Dataset;
import dev.sweep.data.Index;
import dev.sweep.data.Variable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * How the fields of a record map onto the pixels of a frame, and back: py-pde's layout. Every field
 * lies on one grid of 1 or 2 dimensions (its trailing dimensions); its leading dimensions are
 * components, each component one channel, the channels of the fields in order. A pixel of a 2-D grid
 * {@code (n0, n1)} is the element {@code (i, j)}, piped in C order as py-pde does: the frame is
 * {@code n0} wide and {@code n1} high (a 1-D grid is one row). Values are mapped linearly from
 * {@code [vmin, vmax]} of their field onto the levels {@code 0 .. maxLevel}, rounded to the nearest.
 */
final class MovieLayout {
  /** The dimension by which sweep's NetCDF convention marks complex values (real, imaginary). */
  static final String COMPLEX_DIM = "_pfnc_complex";

  /** One field: its dimensions after the record dimension, and where its components go. */
  record Field(String name, List<String> dims, long[] shape, DType type, int components, int firstChannel,
      Map<String, Object> attrs) {
    int length() {
      return (int) Column.product(shape);
    }

    String describe() {
      return name + " " + dims + Arrays.toString(shape) + " " + type.numpyName();
    }
  }

  final String recordDim;
  final List<Field> fields;
  final List<String> gridDims;
  final int width;
  final int height;
  final int channels;
  final VideoFormat format;
  final double[] vmin; // per field
  final double[] vmax;
  final Map<String, Index> coords;
  // per frame channel: its field, or -1 for an unused channel
  final int[] channelField;

  MovieLayout(String recordDim, List<Field> fields, List<String> gridDims, int width, int height, VideoFormat format,
      double[] vmin, double[] vmax, Map<String, Index> coords) {
    this.recordDim = recordDim;
    this.fields = List.copyOf(fields);
    this.gridDims = List.copyOf(gridDims);
    this.width = width;
    this.height = height;
    this.format = format;
    this.vmin = vmin.clone();
    this.vmax = vmax.clone();
    this.coords = new LinkedHashMap<>(coords);
    int c = 0;
    for (Field f : fields) c += f.components();
    this.channels = c;
    this.channelField = new int[format.channels()];
    Arrays.fill(channelField, -1);
    for (int k = 0; k < fields.size(); k++) {
      Field f = fields.get(k);
      for (int j = 0; j < f.components(); j++) channelField[f.firstChannel() + j] = k;
    }
  }

  /** {@return the pixels of a frame} */
  int pixels() {
    return width * height;
  }

  /** {@return the bytes of one raw frame piped to or from ffmpeg} */
  int frameBytes() {
    return pixels() * format.channels() * format.bytesPerChannel();
  }

  /** {@return the largest error of a decoded value of field {@code k} inside [vmin, vmax]: half a level} */
  double maxError(int k) {
    return (vmax[k] - vmin[k]) / format.maxLevel() / 2;
  }

  /**
   * Derives the layout of records to be written.
   *
   * @param records records over {@code recordDim} first, with a variable {@code recordDim} (the times)
   *     or not
   * @param gridDims the grid's dimensions as declared, or null to take every dimension not named
   *     {@code component...}
   * @param format the declared format, or null to choose one
   * @param bits the bits per channel wanted when choosing
   * @param vmin the lower bounds, one for all fields or one per field
   * @param vmax the upper bounds, likewise
   * @throws IllegalArgumentException naming the field and what is wrong
   */
  static MovieLayout of(Dataset records, String recordDim, List<String> gridDims, VideoFormat format, int bits,
      double[] vmin, double[] vmax) {
    List<Field> fields = new ArrayList<>();
    List<String> grid = null;
    long[] gridShape = null;
    String gridOwner = null;
    int channel = 0;
    List<String> perField = new ArrayList<>();
    for (Variable v : records.variables().values()) {
      if (v.name().equals(recordDim)) continue;
      List<String> dims = v.dims();
      if (dims.isEmpty() || !dims.get(0).equals(recordDim)) {
        throw new IllegalArgumentException("variable '" + v.name() + "' is over " + dims + "; records have '"
            + recordDim + "' first");
      }
      List<String> inner = dims.subList(1, dims.size());
      long[] shape = Arrays.copyOfRange(v.shape(), 1, v.shape().length);
      if (inner.contains(COMPLEX_DIM)) {
        throw new IllegalArgumentException("field '" + v.name() + "' holds complex values (its dimension '" + COMPLEX_DIM
            + "' holds the real and imaginary parts): a movie stores real values; store the real and imaginary parts, "
            + "or the modulus and phase, as fields of their own");
      }
      if (v.type() != DType.DOUBLE && v.type() != DType.FLOAT) {
        throw new IllegalArgumentException("field '" + v.name() + "' is " + v.type().numpyName()
            + ": a movie stores real numbers (float64 or float32), mapped from [vmin, vmax] onto its levels");
      }
      int firstGrid;
      if (gridDims != null) {
        firstGrid = inner.size() - gridDims.size();
        if (firstGrid < 0 || !inner.subList(firstGrid, inner.size()).equals(gridDims)) {
          throw new IllegalArgumentException("field '" + v.name() + "' is over " + inner + ", which does not end with the "
              + "grid " + gridDims + " (Builder.grid)");
        }
      } else {
        firstGrid = 0;
        while (firstGrid < inner.size() && inner.get(firstGrid).startsWith("component")) firstGrid++;
        for (int d = firstGrid; d < inner.size(); d++) {
          if (inner.get(d).startsWith("component")) {
            throw new IllegalArgumentException("field '" + v.name() + "' is over " + inner + ": its component dimensions "
                + "must come before the grid's; name the grid with Builder.grid(...)");
          }
        }
      }
      List<String> g = inner.subList(firstGrid, inner.size());
      long[] gs = Arrays.copyOfRange(shape, firstGrid, shape.length);
      if (g.isEmpty()) {
        throw new IllegalArgumentException("field '" + v.name() + "' is over " + inner + ", which leaves no grid: a movie "
            + "frame is a 1-D or 2-D grid of pixels");
      }
      if (g.size() > 2) {
        throw new IllegalArgumentException("field '" + v.name() + "' lies on a " + g.size() + "-D grid " + g
            + Arrays.toString(gs) + ": a movie holds 1-D or 2-D grids (its frames are width x height); if some of "
            + "these dimensions are components, name the grid with Builder.grid(...)");
      }
      if (grid == null) {
        grid = List.copyOf(g);
        gridShape = gs;
        gridOwner = v.name();
      } else if (!grid.equals(g) || !Arrays.equals(gridShape, gs)) {
        throw new IllegalArgumentException("the fields of a movie share one grid: field '" + gridOwner + "' lies on "
            + grid + Arrays.toString(gridShape) + " but field '" + v.name() + "' on " + g + Arrays.toString(gs));
      }
      long comps = Column.product(Arrays.copyOfRange(shape, 0, firstGrid));
      fields.add(new Field(v.name(), List.copyOf(inner), shape, v.type(), (int) Math.min(comps, 1 << 20), channel,
          v.attrs()));
      perField.add(v.name() + ": " + comps);
      channel += (int) Math.min(comps, 1 << 20);
    }
    if (fields.isEmpty()) {
      throw new IllegalArgumentException("the records hold no field (only " + records.variables().keySet()
          + "): nothing to store in a movie");
    }
    if (channel > VideoFormat.MAX_CHANNELS) {
      throw new IllegalArgumentException("the fields need " + channel + " channels (" + String.join(", ", perField)
          + "); a movie holds at most " + VideoFormat.MAX_CHANNELS + " (one per component)");
    }
    long w = gridShape[0];
    long h = gridShape.length > 1 ? gridShape[1] : 1;
    if (w * h > (1 << 26) || w == 0 || h == 0) {
      throw new IllegalArgumentException("the grid " + grid + Arrays.toString(gridShape) + " is not a frame size "
          + "ffmpeg encodes: expected 1 to 2^26 pixels");
    }
    VideoFormat f = format;
    if (f == null) {
      final int need = channel;
      f = VideoFormat.find(channel, bits).orElseThrow(() -> new IllegalArgumentException("no video format has "
          + need + " channels of " + bits + " bits"));
    } else if (f.channels() < channel) {
      throw new IllegalArgumentException("the video format " + f.id() + " has " + f.channels() + " channels; the fields "
          + "need " + channel + " (" + String.join(", ", perField) + ")");
    }
    double[] lo = perField(vmin, fields, "vmin");
    double[] hi = perField(vmax, fields, "vmax");
    for (int k = 0; k < fields.size(); k++) {
      if (!(lo[k] < hi[k])) {
        throw new IllegalArgumentException("vmin " + lo[k] + " is not below vmax " + hi[k] + " for field '"
            + fields.get(k).name() + "': expected vmin < vmax");
      }
    }
    Map<String, Index> coords = new LinkedHashMap<>();
    for (Map.Entry<String, Index> c : records.coords().entrySet()) {
      if (!c.getKey().equals(recordDim)) coords.put(c.getKey(), c.getValue());
    }
    return new MovieLayout(recordDim, fields, grid, (int) w, (int) h, f, lo, hi, coords);
  }

  private static double[] perField(double[] bounds, List<Field> fields, String what) {
    if (bounds.length == 1) {
      double[] out = new double[fields.size()];
      Arrays.fill(out, bounds[0]);
      return out;
    }
    if (bounds.length != fields.size()) {
      List<String> names = new ArrayList<>();
      for (Field f : fields) names.add(f.name());
      throw new IllegalArgumentException(what + " has " + bounds.length + " values " + Arrays.toString(bounds)
          + "; expected one for every field or one per field " + names);
    }
    return bounds.clone();
  }

  /** {@return what differs from another layout, in words; null if they store records alike} */
  String difference(MovieLayout o) {
    if (!describeFields().equals(o.describeFields())) return "fields " + o.describeFields() + " instead of " + describeFields();
    if (format != o.format) return "video format " + o.format.id() + " instead of " + format.id();
    if (width != o.width || height != o.height) return "frames " + o.width + "x" + o.height + " instead of " + width + "x" + height;
    if (!Arrays.equals(vmin, o.vmin) || !Arrays.equals(vmax, o.vmax)) {
      return "vmin " + Arrays.toString(o.vmin) + ", vmax " + Arrays.toString(o.vmax) + " instead of vmin "
          + Arrays.toString(vmin) + ", vmax " + Arrays.toString(vmax);
    }
    if (!coords.equals(o.coords)) return "labels " + o.coords + " instead of " + coords;
    return null;
  }

  String describeFields() {
    List<String> out = new ArrayList<>();
    for (Field f : fields) out.add(f.describe());
    return String.join(", ", out);
  }

  String describe() {
    return describeFields() + "; " + format.id() + " " + width + "x" + height + "; vmin " + Arrays.toString(vmin)
        + ", vmax " + Arrays.toString(vmax);
  }

  /** Encodes records into raw frames, reusing its buffers: one encoder per writing session. */
  final class Encoder {
    private final byte[] frame = new byte[frameBytes()];
    private final double[][] values = new double[fields.size()][];
    private boolean warned;

    Encoder() {
      for (int k = 0; k < fields.size(); k++) values[k] = new double[fields.get(k).length()];
    }

    /**
     * {@return the raw frame of record {@code r} of the given columns (one per field, in order); the
     * same array every call} The first value clipped (outside [vmin, vmax], or NaN) is described into
     * {@code clipNote}, once per encoder.
     */
    byte[] encode(Column[] columns, long r, StringBuilder clipNote) {
      int px = pixels();
      int nc = format.channels();
      int max = format.maxLevel();
      boolean wide = format.bytesPerChannel() == 2;
      for (int k = 0; k < fields.size(); k++) {
        Field f = fields.get(k);
        double[] v = values[k];
        columns[k].getDoubles(r * v.length, v, 0, v.length);
        double lo = vmin[k];
        double scale = max / (vmax[k] - vmin[k]);
        for (int c = 0; c < f.components(); c++) {
          int ch = f.firstChannel() + c;
          int base = c * px;
          for (int p = 0; p < px; p++) {
            double x = (v[base + p] - lo) * scale;
            int level;
            if (x >= 0 && x <= max) {
              level = (int) (x + 0.5);
            } else {
              level = x > max ? max : 0; // below vmin, and NaN, become vmin
              if (!warned) {
                warned = true;
                clipNote.append("field '").append(f.name()).append("' has the value ").append(v[base + p])
                    .append(" at record ").append(r).append(", outside [vmin, vmax] = [").append(vmin[k]).append(", ")
                    .append(vmax[k]).append("]");
              }
            }
            int at = p * nc + ch;
            if (wide) {
              frame[2 * at] = (byte) level;
              frame[2 * at + 1] = (byte) (level >>> 8);
            } else {
              frame[at] = (byte) level;
            }
          }
        }
      }
      return frame;
    }
  }

  /** Decodes raw frames into columns of records. */
  final class Decoder {
    private final double[][] values = new double[fields.size()][];

    Decoder() {
      for (int k = 0; k < fields.size(); k++) values[k] = new double[fields.get(k).length()];
    }

    /** Decodes one raw frame into record {@code r} of the columns (one per field). */
    void decode(byte[] frame, Column[] columns, long r) {
      int px = pixels();
      int nc = format.channels();
      double max = format.maxLevel();
      boolean wide = format.bytesPerChannel() == 2;
      for (int k = 0; k < fields.size(); k++) {
        Field f = fields.get(k);
        double[] v = values[k];
        double lo = vmin[k];
        double step = (vmax[k] - vmin[k]) / max;
        for (int c = 0; c < f.components(); c++) {
          int ch = f.firstChannel() + c;
          int base = c * px;
          for (int p = 0; p < px; p++) {
            int at = p * nc + ch;
            int level = wide ? (frame[2 * at] & 0xff) | (frame[2 * at + 1] & 0xff) << 8 : frame[at] & 0xff;
            v[base + p] = lo + level * step;
          }
        }
        columns[k].setDoubles(r * v.length, v);
      }
    }
  }

  /** {@return empty columns for {@code n} records, one per field} */
  Column[] allocate(int n) {
    Column[] out = new Column[fields.size()];
    for (int k = 0; k < fields.size(); k++) {
      Field f = fields.get(k);
      long[] shape = new long[f.shape().length + 1];
      shape[0] = n;
      System.arraycopy(f.shape(), 0, shape, 1, f.shape().length);
      out[k] = Column.allocateUninitialized(f.type(), shape);
    }
    return out;
  }

  /** {@return records over the record dimension: the times, then the fields' columns (none if null)} */
  Dataset records(double[] times, Column[] columns, Map<String, Object> attrs) {
    int n = times.length;
    Dataset.Builder b = Dataset.builder().dim(recordDim, n);
    for (Map.Entry<String, Index> c : coords.entrySet()) b.coord(c.getKey(), c.getValue());
    Column t = Column.allocateUninitialized(DType.DOUBLE, new long[] {n});
    if (n > 0) t.setDoubles(0, times); // ND4J has no buffer for an empty array
    b.variable(Variable.of(recordDim, List.of(recordDim), t));
    for (int k = 0; columns != null && k < fields.size(); k++) {
      Field f = fields.get(k);
      List<String> dims = new ArrayList<>();
      dims.add(recordDim);
      dims.addAll(f.dims());
      b.variable(Variable.of(f.name(), dims, columns[k]).withAttrs(f.attrs()));
    }
    return b.attrs(attrs).build();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof MovieLayout l && difference(l) == null && recordDim.equals(l.recordDim);
  }

  @Override
  public int hashCode() {
    return Objects.hash(recordDim, describe());
  }
}
