package dev.sweep.movie;

import dev.sweep.data.DType;
import dev.sweep.data.Index;
import java.lang.reflect.Array;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A movie's metadata: the JSON in its container's {@code comment} tag, in py-pde's form. py-pde's
 * keys ({@code version = 1}, {@code vmin}, {@code vmax}, {@code write_times}, {@code video_format},
 * {@code dt}, {@code t_start}, {@code field_attributes}, and the storage's info entries beside them)
 * plus {@code num_frames} and a {@code sweep} object with what rebuilds the records exactly: the
 * record dimension, each field's name, dimensions, shape, type and attributes, the grid's dimensions,
 * the labels of labelled dimensions, the Java types of the info values, and the info entries whose
 * names are keys of the metadata itself ({@code info}: a simulation's own {@code dt}, say).
 */
final class MovieMetadata {
  static final Set<String> RESERVED = Set.of("version", "vmin", "vmax", "write_times", "video_format", "dt",
      "t_start", "num_frames", "field_attributes", "sweep");

  /** What a movie's comment tag said; any part may be missing (null). */
  MovieLayout layout; // null unless the sweep object is there and complete
  Map<String, Object> info = new LinkedHashMap<>();
  boolean writeTimes;
  double tStart;
  double dt = 1;
  Long numFrames;
  String videoFormat;
  double[] vmin = {0};
  double[] vmax = {1};
  Map<String, Object> fieldAttributes; // py-pde's, decoded one level
  /** What was missing, for the warning of a movie without (all of) our metadata; null if nothing. */
  String missing;

  /** {@return the comment tag of a movie: the JSON, quoted as py-pde quotes it} */
  static String comment(MovieLayout layout, Map<String, Object> info, boolean writeTimes, double tStart, double dt,
      long numFrames) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("version", 1L);
    m.put("vmin", layout.vmin.length == 1 ? (Object) layout.vmin[0] : layout.vmin);
    m.put("vmax", layout.vmax.length == 1 ? (Object) layout.vmax[0] : layout.vmax);
    m.put("write_times", writeTimes);
    m.put("video_format", layout.format.id());
    m.put("dt", dt);
    m.put("t_start", tStart);
    m.put("num_frames", numFrames);
    Map<String, Object> fa = pyPdeFieldAttributes(layout);
    if (fa != null) m.put("field_attributes", fa);
    Map<String, Object> types = new LinkedHashMap<>();
    Map<String, Object> clashing = new LinkedHashMap<>(); // info named like a key of the metadata: kept apart
    for (Map.Entry<String, Object> e : info.entrySet()) {
      if (RESERVED.contains(e.getKey())) clashing.put(e.getKey(), e.getValue());
      else m.put(e.getKey(), e.getValue());
      types.put(e.getKey(), typeName(e.getValue()));
    }
    Map<String, Object> s = new LinkedHashMap<>();
    s.put("version", 1L);
    s.put("record_dim", layout.recordDim);
    s.put("grid", layout.gridDims);
    List<Object> fields = new ArrayList<>();
    for (MovieLayout.Field f : layout.fields) {
      Map<String, Object> fm = new LinkedHashMap<>();
      fm.put("name", f.name());
      fm.put("dims", f.dims());
      fm.put("shape", f.shape());
      fm.put("dtype", f.type().numpyName());
      fm.put("attrs", f.attrs());
      Map<String, Object> at = new LinkedHashMap<>();
      for (Map.Entry<String, Object> e : f.attrs().entrySet()) at.put(e.getKey(), typeName(e.getValue()));
      fm.put("attr_types", at);
      fields.add(fm);
    }
    s.put("fields", fields);
    Map<String, Object> coords = new LinkedHashMap<>();
    for (Map.Entry<String, Index> c : layout.coords.entrySet()) {
      coords.put(c.getKey(), Map.of("dtype", c.getValue().type().numpyName(), "labels", c.getValue().labels()));
    }
    s.put("coords", coords);
    s.put("attr_types", types);
    s.put("info", clashing);
    m.put("sweep", s);
    return MovieJson.shlexQuote(MovieJson.write(m));
  }

  /**
   * py-pde's {@code field_attributes} for one field on a Cartesian grid (a scalar field, or a vector
   * field with one component per grid axis): what py-pde needs to rebuild the field; null otherwise.
   */
  private static Map<String, Object> pyPdeFieldAttributes(MovieLayout layout) {
    if (layout.fields.size() != 1) return null;
    MovieLayout.Field f = layout.fields.get(0);
    int gridRank = layout.gridDims.size();
    int lead = f.dims().size() - gridRank;
    String cls;
    if (lead == 0) cls = "ScalarField";
    else if (lead == 1 && f.shape()[0] == gridRank) cls = "VectorField";
    else return null;
    List<Object> bounds = new ArrayList<>();
    List<Object> shape = new ArrayList<>();
    List<Object> periodic = new ArrayList<>();
    for (int d = 0; d < gridRank; d++) {
      String dim = layout.gridDims.get(d);
      long n = f.shape()[lead + d];
      double lo = 0;
      double hi = n;
      Index ix = layout.coords.get(dim);
      if (ix != null && ix.type().isNumeric() && n >= 2) {
        double step = (ix.getDouble((int) n - 1) - ix.getDouble(0)) / (n - 1);
        lo = ix.getDouble(0) - step / 2;
        hi = ix.getDouble((int) n - 1) + step / 2;
      }
      bounds.add(List.of(lo, hi));
      shape.add(n);
      periodic.add(false);
    }
    Map<String, Object> grid = new LinkedHashMap<>();
    grid.put("class", "CartesianGrid");
    grid.put("bounds", bounds);
    grid.put("shape", shape);
    grid.put("periodic", periodic);
    Map<String, Object> fa = new LinkedHashMap<>();
    fa.put("class", MovieJson.write(cls));
    fa.put("grid", MovieJson.write(grid));
    fa.put("label", MovieJson.write(f.name()));
    fa.put("dtype", MovieJson.write(f.type().numpyName()));
    return fa;
  }

  private static String typeName(Object v) {
    Class<?> c = v.getClass();
    return c.isArray() ? c.getComponentType().getSimpleName() + "[]" : c.getSimpleName();
  }

  /**
   * Reads a movie's comment tag.
   *
   * @param comment the tag, or null if there is none
   * @param width the frames' width, as ffprobe says
   * @param height their height
   * @return what it says; {@link #missing} says what it lacks
   */
  static MovieMetadata parse(String comment, int width, int height) {
    MovieMetadata md = new MovieMetadata();
    if (comment == null || comment.isBlank()) {
      md.missing = "the movie has no comment tag, where sweep and py-pde keep their metadata";
      return md;
    }
    Object parsed;
    try {
      String text = comment.strip();
      parsed = MovieJson.parse(text.startsWith("{") ? text : MovieJson.shlexFirst(text));
    } catch (IllegalArgumentException e) {
      md.missing = "its comment tag is not py-pde's JSON metadata (" + e.getMessage() + ")";
      return md;
    }
    if (!(parsed instanceof Map<?, ?> map)) {
      md.missing = "its comment tag holds JSON that is not an object";
      return md;
    }
    Object version = map.get("version");
    if (version != null && !(version instanceof Long l && l == 1)) {
      md.missing = "its metadata has version " + version + " (this reader knows version 1)";
    }
    md.writeTimes = Boolean.TRUE.equals(map.get("write_times"));
    if (map.get("t_start") instanceof Number n) md.tStart = n.doubleValue();
    if (map.get("dt") instanceof Number n) md.dt = n.doubleValue();
    if (map.get("num_frames") instanceof Long n) md.numFrames = n;
    if (map.get("video_format") instanceof String s) md.videoFormat = s;
    md.vmin = bounds(map.get("vmin"), 0);
    md.vmax = bounds(map.get("vmax"), 1);
    if (map.get("field_attributes") instanceof Map<?, ?> fa) {
      md.fieldAttributes = new LinkedHashMap<>();
      for (Map.Entry<?, ?> e : fa.entrySet()) {
        Object v = e.getValue();
        try {
          md.fieldAttributes.put(String.valueOf(e.getKey()), v instanceof String s ? MovieJson.parse(s) : v);
        } catch (IllegalArgumentException bad) {
          md.fieldAttributes.put(String.valueOf(e.getKey()), v);
        }
      }
    }
    Map<String, Object> types = Map.of();
    Object sweep = map.get("sweep");
    if (sweep instanceof Map<?, ?> s && s.get("attr_types") instanceof Map<?, ?> t) types = cast(t);
    for (Map.Entry<?, ?> e : map.entrySet()) {
      String key = String.valueOf(e.getKey());
      if (RESERVED.contains(key)) continue;
      Object v = attrValue(e.getValue(), types.get(key));
      if (v != null) md.info.put(key, v);
    }
    if (sweep instanceof Map<?, ?> s && s.get("info") instanceof Map<?, ?> clashing) {
      for (Map.Entry<?, ?> e : clashing.entrySet()) {
        Object v = attrValue(e.getValue(), types.get(String.valueOf(e.getKey())));
        if (v != null) md.info.put(String.valueOf(e.getKey()), v);
      }
    }
    if (!(sweep instanceof Map<?, ?> s)) {
      if (md.missing == null) {
        md.missing = md.videoFormat != null ? "its metadata (py-pde's) does not name the fields and their dimensions"
            : "its comment tag has no vmin, vmax and video_format";
      }
      return md;
    }
    try {
      md.layout = layout(cast(s), md, width, height);
    } catch (RuntimeException e) {
      md.missing = "its sweep metadata is incomplete (" + e.getMessage() + ")";
    }
    return md;
  }

  private static MovieLayout layout(Map<String, Object> s, MovieMetadata md, int width, int height) {
    String recordDim = (String) s.get("record_dim");
    List<String> grid = strings(s.get("grid"));
    VideoFormat format = VideoFormat.of(md.videoFormat);
    List<MovieLayout.Field> fields = new ArrayList<>();
    int channel = 0;
    for (Object o : (List<?>) s.get("fields")) {
      Map<String, Object> f = cast((Map<?, ?>) o);
      List<String> dims = strings(f.get("dims"));
      List<?> shapeList = (List<?>) f.get("shape");
      long[] shape = new long[shapeList.size()];
      for (int d = 0; d < shape.length; d++) shape[d] = ((Number) shapeList.get(d)).longValue();
      DType type = dtype((String) f.get("dtype"));
      Map<String, Object> attrs = new LinkedHashMap<>();
      Map<String, Object> at = f.get("attr_types") instanceof Map<?, ?> m ? cast(m) : Map.of();
      if (f.get("attrs") instanceof Map<?, ?> a) {
        for (Map.Entry<?, ?> e : a.entrySet()) {
          Object v = attrValue(e.getValue(), at.get(String.valueOf(e.getKey())));
          if (v != null) attrs.put(String.valueOf(e.getKey()), v);
        }
      }
      long comps = 1;
      for (int d = 0; d < shape.length - grid.size(); d++) comps *= shape[d];
      fields.add(new MovieLayout.Field((String) f.get("name"), dims, shape, type, (int) comps, channel, attrs));
      channel += (int) comps;
    }
    Map<String, Index> coords = new LinkedHashMap<>();
    if (s.get("coords") instanceof Map<?, ?> cs) {
      for (Map.Entry<?, ?> e : cs.entrySet()) {
        Map<String, Object> c = cast((Map<?, ?>) e.getValue());
        coords.put(String.valueOf(e.getKey()), index(dtype((String) c.get("dtype")), (List<?>) c.get("labels")));
      }
    }
    double[] lo = expand(md.vmin, fields.size());
    double[] hi = expand(md.vmax, fields.size());
    MovieLayout l = new MovieLayout(recordDim, fields, grid, width, height, format, lo, hi, coords);
    long w = fields.get(0).shape()[fields.get(0).shape().length - grid.size()];
    if (w != width) throw new IllegalArgumentException("the fields' grid is " + w + " wide but the frames " + width);
    return l;
  }

  static double[] expand(double[] bounds, int n) {
    if (bounds.length == n) return bounds.clone();
    double[] out = new double[n];
    java.util.Arrays.fill(out, bounds[0]);
    return out;
  }

  private static double[] bounds(Object v, double otherwise) {
    if (v instanceof Number n) return new double[] {n.doubleValue()};
    if (v instanceof List<?> l && !l.isEmpty()) {
      double[] out = new double[l.size()];
      for (int i = 0; i < out.length; i++) out[i] = ((Number) l.get(i)).doubleValue();
      return out;
    }
    return new double[] {otherwise};
  }

  private static DType dtype(String numpy) {
    for (DType t : DType.values()) if (t.numpyName().equals(numpy)) return t;
    throw new IllegalArgumentException("unknown dtype " + numpy);
  }

  private static Index index(DType type, List<?> labels) {
    int n = labels.size();
    switch (type) {
      case DOUBLE: {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) v[i] = ((Number) labels.get(i)).doubleValue();
        return Index.ofDoubles(v);
      }
      case FLOAT: {
        float[] v = new float[n];
        for (int i = 0; i < n; i++) v[i] = ((Number) labels.get(i)).floatValue();
        return Index.ofFloats(v);
      }
      case INT: {
        int[] v = new int[n];
        for (int i = 0; i < n; i++) v[i] = ((Number) labels.get(i)).intValue();
        return Index.ofInts(v);
      }
      case LONG: {
        long[] v = new long[n];
        for (int i = 0; i < n; i++) v[i] = ((Number) labels.get(i)).longValue();
        return Index.ofLongs(v);
      }
      case BOOLEAN: {
        boolean[] v = new boolean[n];
        for (int i = 0; i < n; i++) v[i] = (Boolean) labels.get(i);
        return Index.ofBooleans(v);
      }
      default: {
        String[] v = new String[n];
        for (int i = 0; i < n; i++) v[i] = (String) labels.get(i);
        return Index.ofStrings(v);
      }
    }
  }

  /** A JSON value as the attribute value it was written from (by its Java type name, if known); null if none fits. */
  private static Object attrValue(Object v, Object type) {
    String t = type instanceof String s ? s : null;
    if (v instanceof List<?> l) {
      String elem = t != null && t.endsWith("[]") ? t.substring(0, t.length() - 2) : null;
      if (l.stream().allMatch(x -> x instanceof String)) return l.toArray(new String[0]);
      if (l.stream().allMatch(x -> x instanceof Boolean)) {
        boolean[] out = new boolean[l.size()];
        for (int i = 0; i < out.length; i++) out[i] = (Boolean) l.get(i);
        return out;
      }
      if (!l.stream().allMatch(x -> x instanceof Number)) return MovieJson.write(l);
      Class<?> c = elem == null ? (l.stream().allMatch(x -> x instanceof Long) ? long.class : double.class)
          : switch (elem) {
            case "int" -> int.class;
            case "long" -> long.class;
            case "float" -> float.class;
            case "short" -> short.class;
            case "byte" -> byte.class;
            default -> double.class;
          };
      Object out = Array.newInstance(c, l.size());
      for (int i = 0; i < l.size(); i++) {
        Number n = (Number) l.get(i);
        if (c == int.class) Array.setInt(out, i, n.intValue());
        else if (c == long.class) Array.setLong(out, i, n.longValue());
        else if (c == float.class) Array.setFloat(out, i, n.floatValue());
        else if (c == short.class) Array.setShort(out, i, n.shortValue());
        else if (c == byte.class) Array.setByte(out, i, n.byteValue());
        else Array.setDouble(out, i, n.doubleValue());
      }
      return out;
    }
    if (v instanceof Number n) {
      if (t == null) return n;
      return switch (t) {
        case "Integer" -> n.intValue();
        case "Long" -> n.longValue();
        case "Float" -> n.floatValue();
        case "Short" -> n.shortValue();
        case "Byte" -> n.byteValue();
        default -> n instanceof Long && !"Double".equals(t) ? n : (Object) n.doubleValue();
      };
    }
    if (v instanceof String || v instanceof Boolean) return v;
    if (v == null) return null;
    return MovieJson.write(v); // objects keep their JSON text, as py-pde's HDF5 info does
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> cast(Map<?, ?> m) {
    return (Map<String, Object>) m;
  }

  private static List<String> strings(Object o) {
    List<String> out = new ArrayList<>();
    for (Object x : (List<?>) o) out.add((String) x);
    return out;
  }
}
