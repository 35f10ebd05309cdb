package dev.sweep.movie;

import dev.sweep.data.Dataset;
import dev.sweep.data.Variable;
import dev.sweep.io.internal.AtomicFiles;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * A movie for people: one variable of a dataset (or a trajectory) over one dimension, each step a
 * frame coloured by the viridis map from {@code vmin} to {@code vmax}, encoded as H.264 in an MP4
 * (OpenH264, the H.264 encoder of the bundled ffmpeg) or as an animated GIF, which any player or
 * browser shows. The first remaining dimension runs left to right, the second (if any) bottom to
 * top; a 1-D variable is drawn as a band. Not for reading back: keep data in a {@link MovieStore}.
 *
 * <pre>{@code
 * Preview.of(dataset, "u").over("time").write(Path.of("u.mp4"));
 * }</pre>
 */
public final class Preview {
  private final Dataset data;
  private final String variable;
  private String over = "time";
  private Double vmin;
  private Double vmax;
  private int fps = 10;
  private int minSize = 256;

  private Preview(Dataset data, String variable) {
    this.data = data;
    this.variable = variable;
  }

  /**
   * {@return a preview of a variable}
   *
   * @param data the dataset
   * @param variable the name of the variable to draw
   * @throws IllegalArgumentException naming the variables there are, if there is none by that name
   */
  public static Preview of(Dataset data, String variable) {
    Objects.requireNonNull(data, "data");
    Objects.requireNonNull(variable, "variable");
    if (!data.variables().containsKey(variable)) {
      throw new IllegalArgumentException("no variable '" + variable + "'; the variables are " + data.variables().keySet());
    }
    return new Preview(data, variable);
  }

  /**
   * Sets the dimension the frames follow.
   *
   * @param dim a dimension of the variable; default {@code time}
   * @return this preview
   */
  public Preview over(String dim) {
    this.over = Objects.requireNonNull(dim, "dim");
    return this;
  }

  /**
   * Sets the values drawn as the first and last colours of the map; default the smallest and the largest
   * finite value of the variable.
   *
   * @param vmin the value of the darkest colour, finite
   * @param vmax the value of the brightest, finite and above vmin
   * @return this preview
   * @throws IllegalArgumentException if they are not finite or vmin is not below vmax
   */
  public Preview range(double vmin, double vmax) {
    if (!Double.isFinite(vmin) || !Double.isFinite(vmax) || !(vmin < vmax)) {
      throw new IllegalArgumentException("range(" + vmin + ", " + vmax + "): expected finite vmin < vmax");
    }
    this.vmin = vmin;
    this.vmax = vmax;
    return this;
  }

  /**
   * Sets the frame rate.
   *
   * @param framesPerSecond 1 to 100; default 10
   * @return this preview
   * @throws IllegalArgumentException if it is outside 1 to 100
   */
  public Preview fps(int framesPerSecond) {
    if (framesPerSecond < 1 || framesPerSecond > 100) {
      throw new IllegalArgumentException("fps is " + framesPerSecond + "; expected 1 to 100");
    }
    this.fps = framesPerSecond;
    return this;
  }

  /**
   * Writes the movie, atomically (a temporary file renamed over the target).
   *
   * @param out an {@code .mp4} or {@code .gif} file
   * @return what was written, in one line: frames, size, range
   * @throws IllegalArgumentException naming the problem, for another extension, a dimension the variable
   *     does not have, a variable with other than 1 or 2 dimensions besides it, or no finite value
   * @throws UncheckedIOException quoting ffmpeg, if encoding fails
   */
  public String write(Path out) {
    Objects.requireNonNull(out, "out");
    String name = out.getFileName().toString().toLowerCase(Locale.ROOT);
    boolean gif = name.endsWith(".gif");
    if (!gif && !name.endsWith(".mp4")) {
      throw new IllegalArgumentException("the preview " + out + " must be an .mp4 (H.264) or a .gif file");
    }
    Variable v = data.variable(variable);
    List<String> dims = v.dims();
    int t = dims.indexOf(over);
    if (t < 0) {
      throw new IllegalArgumentException("variable '" + variable + "' is over " + dims + ", not '" + over
          + "'; choose the dimension the frames follow with --over");
    }
    List<String> rest = new ArrayList<>(dims);
    rest.remove(over);
    if (rest.isEmpty() || rest.size() > 2) {
      throw new IllegalArgumentException("variable '" + variable + "' has the dimensions " + rest + " besides '" + over
          + "'; a frame shows 1 or 2 (select the others away first)");
    }
    if (!v.type().isNumeric()) {
      throw new IllegalArgumentException("variable '" + variable + "' is " + v.type().numpyName() + ", not numbers");
    }
    long[] shape = v.shape();
    double[] values = v.toDoubleArray();
    long[] strides = new long[shape.length];
    long s = 1;
    for (int d = shape.length - 1; d >= 0; d--) {
      strides[d] = s;
      s *= shape[d];
    }
    int frames = (int) shape[t];
    int a = dims.indexOf(rest.get(0));
    int b = rest.size() > 1 ? dims.indexOf(rest.get(1)) : -1;
    int nx = (int) shape[a];
    int ny = b >= 0 ? (int) shape[b] : 1;
    double lo = vmin != null ? vmin : Double.POSITIVE_INFINITY;
    double hi = vmax != null ? vmax : Double.NEGATIVE_INFINITY;
    if (vmin == null) {
      for (double x : values) {
        if (Double.isFinite(x)) {
          lo = Math.min(lo, x);
          hi = Math.max(hi, x);
        }
      }
      if (lo > hi) throw new IllegalArgumentException("variable '" + variable + "' has no finite value to draw");
      if (lo == hi) hi = lo + 1;
    }
    // 1-D: a band an eighth as high as it is wide; then whole pixels up to about minSize
    int bandRows = b >= 0 ? 1 : Math.max(1, nx / 8);
    int height = b >= 0 ? ny : bandRows;
    int scale = Math.max(1, (int) Math.ceil((double) minSize / Math.max(nx, height)));
    Map<String, Object> meta = new LinkedHashMap<>();
    meta.put("variable", variable);
    meta.put("over", over);
    meta.put("dims", rest);
    meta.put("vmin", lo);
    meta.put("vmax", hi);
    meta.put("colormap", "viridis");
    String metadata = MovieJson.write(meta);
    List<String> args = new ArrayList<>(List.of("-f", "rawvideo", "-pix_fmt", "rgb24", "-s", nx + "x" + height,
        "-r", Integer.toString(fps), "-i", "pipe:0"));
    String scaleFilter = "scale=trunc(iw*" + scale + "/2)*2:trunc(ih*" + scale + "/2)*2:flags=neighbor";
    if (gif) {
      args.addAll(List.of("-vf", scaleFilter + ",split[a][b];[a]palettegen[p];[b][p]paletteuse", "-f", "gif"));
    } else {
      args.addAll(List.of("-vf", scaleFilter, "-c:v", "libopenh264", "-pix_fmt", "yuv420p", "-b:v", "4M",
          "-metadata", "comment=" + metadata, "-movflags", "+faststart", "-f", "mp4"));
    }
    args.add("-y");
    byte[] frame = new byte[nx * height * 3];
    final double min = lo;
    final double span = hi - lo;
    AtomicFiles.replace(out, tmp -> {
      List<String> all = new ArrayList<>(args);
      all.add(tmp.toString());
      try (FfmpegProcess p = Ffmpeg.start("writing the preview " + out, all)) {
        OutputStream pipe = p.input();
        for (int k = 0; k < frames; k++) {
          for (int row = 0; row < height; row++) {
            int j = b >= 0 ? ny - 1 - row : 0; // the second dimension grows upwards
            for (int i = 0; i < nx; i++) {
              long at = k * strides[t] + i * strides[a] + (b >= 0 ? j * strides[b] : 0);
              Viridis.rgb((values[(int) at] - min) / span, frame, 3 * (row * nx + i));
            }
          }
          try {
            pipe.write(frame);
          } catch (IOException e) {
            throw p.failure("writing frame " + k + " failed (" + e.getMessage() + ")", e);
          }
        }
        p.finish();
      }
    });
    return out + ": " + frames + " frames of " + variable + " " + rest + " over " + over + ", " + nx * scale / 2 * 2
        + "x" + height * scale / 2 * 2 + " pixels, viridis from " + lo + " to " + hi + (gif ? ", GIF" : ", H.264");
  }
}
