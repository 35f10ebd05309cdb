package dev.sweep.io.scene;

import dev.sweep.data.Dataset;
import dev.sweep.data.Variable;
import dev.sweep.store.StoreFormatException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * PhiFlow's frame files: {@code np.savez_compressed} archives with the entries {@code data},
 * {@code dim_names}, {@code dim_types}, {@code field_type}, {@code lower}, {@code upper},
 * {@code bounds_item_names}, and the pickled {@code dim_item_names} and {@code extrapolation}, which
 * are skipped with a warning. Read into the layout of sweep's own frame files, so a PhiFlow frame and a
 * sweep frame look alike. The legacy single-array {@code [Z]YXC} files are read as {@code (y, x, vector)}
 * or {@code (z, y, x, vector)}.
 */
final class PhiflowFrames {
  private static final Logger LOG = LoggerFactory.getLogger(PhiflowFrames.class);

  private PhiflowFrames() {}

  /**
   * Reads a PhiFlow frame.
   *
   * @throws StoreFormatException naming the file, if it is not such a frame
   */
  static Dataset read(Path file, String field) {
    Npz.Contents c = Npz.read(file);
    if (!c.pickles().isEmpty()) {
      LOG.warn("{}: skipped {}, which {} Python pickles (sweep does not run pickles); the other entries are read",
          file, c.pickles(), c.pickles().size() == 1 ? "is a" : "are");
    }
    Map<String, Npz.NpyArray> a = c.arrays();
    Npz.NpyArray data = a.get("data");
    boolean legacy = data == null;
    if (legacy) {
      if (a.size() != 1) {
        throw new StoreFormatException(file, "a PhiFlow frame has an entry 'data'; this archive has " + a.keySet()
            + (c.pickles().isEmpty() ? "" : " and the pickles " + c.pickles()), null);
      }
      data = a.values().iterator().next(); // legacy: the one (or last) array, [Z]YXC
    }
    int rank = data.shape().length;
    List<String> dims = new ArrayList<>();
    String[] names = strings(a.get("dim_names"));
    if (names != null && names.length == rank) {
      dims.addAll(List.of(names));
    } else if (legacy && (rank == 3 || rank == 4)) {
      if (rank == 4) dims.add("z");
      dims.addAll(List.of("y", "x", "vector"));
    } else {
      for (int d = 0; d < rank; d++) dims.add("dim_" + d);
    }
    Map<String, Object> attrs = new LinkedHashMap<>();
    String[] fieldType = strings(a.get("field_type"));
    if (fieldType != null && fieldType.length == 1) attrs.put(FrameFiles.FIELD_TYPE, fieldType[0]);
    String[] types = strings(a.get("dim_types"));
    if (types != null && types.length == rank) attrs.put(FrameFiles.DIM_TYPES, types);
    double[] lower = doubles(a.get("lower"));
    if (lower != null) attrs.put(FrameFiles.LOWER, lower);
    double[] upper = doubles(a.get("upper"));
    if (upper != null) attrs.put(FrameFiles.UPPER, upper);
    String[] boundsNames = strings(a.get("bounds_item_names"));
    if (boundsNames != null && boundsNames.length > 0) attrs.put(FrameFiles.BOUNDS_ITEM_NAMES, boundsNames);
    Variable v;
    try {
      v = variable(field, dims, data).withAttrs(attrs);
    } catch (IllegalArgumentException e) {
      throw new StoreFormatException(file, "entry 'data': " + e.getMessage(), e);
    }
    SceneNames.FrameFile f = SceneNames.parseFrameFile(String.valueOf(file.getFileName()));
    Dataset.Builder b = Dataset.builder().variable(v).attr("field", field);
    if (f != null) b.attr("frame", f.frame());
    return b.attr("source_format", "PhiFlow npz").build();
  }

  private static String[] strings(Npz.NpyArray a) {
    return a != null && a.values() instanceof String[] s ? s : null;
  }

  private static double[] doubles(Npz.NpyArray a) {
    if (a == null) return null;
    Object v = a.values();
    int n = a.length();
    double[] out = new double[n];
    for (int i = 0; i < n; i++) {
      Object x = java.lang.reflect.Array.get(v, i);
      if (!(x instanceof Number num)) return null;
      out[i] = num.doubleValue();
    }
    return out;
  }

  private static Variable variable(String name, List<String> dims, Npz.NpyArray a) {
    long[] shape = a.shape();
    Object v = a.values();
    if (v instanceof String[] s) return Variable.ofStrings(name, dims, shape, s);
    INDArray arr;
    if (v instanceof double[] d) arr = shape.length == 0 ? Nd4j.scalar(d[0]) : Nd4j.createFromArray(d);
    else if (v instanceof float[] f) arr = shape.length == 0 ? Nd4j.scalar(f[0]) : Nd4j.createFromArray(f);
    else if (v instanceof long[] l) arr = shape.length == 0 ? Nd4j.scalar(l[0]) : Nd4j.createFromArray(l);
    else if (v instanceof int[] i) arr = shape.length == 0 ? Nd4j.scalar(i[0]) : Nd4j.createFromArray(i);
    else if (v instanceof boolean[] b) arr = shape.length == 0 ? Nd4j.scalar(b[0]) : Nd4j.createFromArray(b);
    else throw new IllegalArgumentException("unsupported values " + v.getClass().getSimpleName());
    if (shape.length > 0) arr = a.length() == 0 ? Nd4j.create(arr.dataType(), shape) : arr.reshape('c', shape);
    return Variable.of(name, dims, arr);
  }
}
