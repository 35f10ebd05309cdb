package dev.sweep.io.scene;

import dev.sweep.data.Dataset;
import dev.sweep.data.Index;
import dev.sweep.data.Variable;
import dev.sweep.io.netcdf.Netcdf;
import dev.sweep.io.netcdf.NetcdfFormat;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The frame files of one scene directory: a field at a frame is {@code <field>_<frame>.nc}, a NetCDF-3
 * file holding one variable named after the field, over the field's dimensions (labelled where the
 * field has labels), with PhiFlow's metadata as the variable's attributes ({@code field_type},
 * {@code dim_types}, {@code lower}, {@code upper}, {@code bounds_item_names}, {@code extrapolation} as
 * JSON text) and the field's name and frame as the file's. PhiFlow's {@code .npz} frames are read too.
 */
final class FrameFiles {
  static final String FIELD_TYPE = "field_type";
  static final String DIM_TYPES = "dim_types";
  static final String LOWER = "lower";
  static final String UPPER = "upper";
  static final String BOUNDS_ITEM_NAMES = "bounds_item_names";
  static final String EXTRAPOLATION = "extrapolation";

  private FrameFiles() {}

  /** {@return the dataset that a field's frame file holds} */
  static Dataset encode(String field, int frame, GridField f) {
    Variable v = f.values();
    if (v.dims().contains(field)) {
      throw new IllegalArgumentException("field name '" + field + "' is also one of its dimensions " + v.dims()
          + "; NetCDF would read the field as that dimension's labels: rename the field or the dimension");
    }
    Dataset.Builder b = Dataset.builder();
    for (int d = 0; d < v.dims().size(); d++) {
      String dim = v.dims().get(d);
      Index labels = f.labels().get(dim);
      if (labels != null) b.coord(dim, labels);
      else b.dim(dim, Math.toIntExact(v.shape()[d]));
    }
    Map<String, Object> attrs = new LinkedHashMap<>();
    attrs.put(FIELD_TYPE, f.type().phiflowName());
    attrs.put(DIM_TYPES, f.dimTypes().values().stream().map(GridField.DimType::phiflowName).toArray(String[]::new));
    attrs.put(LOWER, f.lower());
    attrs.put(UPPER, f.upper());
    attrs.put(BOUNDS_ITEM_NAMES, f.spatialDims().toArray(new String[0]));
    attrs.put(EXTRAPOLATION, PythonJson.writeLine(f.extrapolation()));
    b.variable(v.rename(field).withAttrs(attrs));
    return b.attr("field", field).attr("frame", frame).build();
  }

  /**
   * Writes one field's frame, atomically (the NetCDF writer replaces the file by a rename) but not
   * durably: a frame can be computed again, and two fsyncs per frame would be most of its cost.
   */
  static Path write(Path sceneDir, String field, int frame, GridField f) {
    Dataset ds = encode(field, frame, f);
    Path file = sceneDir.resolve(SceneNames.frameFileName(field, frame));
    Netcdf.write(ds, file, NetcdfFormat.NETCDF3_64BIT_OFFSET, Netcdf.Durability.ATOMIC);
    return file;
  }

  /**
   * Reads a field at a frame: the {@code .nc} file, else PhiFlow's {@code .npz}.
   *
   * @throws IllegalArgumentException naming the fields or frames there are, if there is no such file
   */
  static Dataset read(Path sceneDir, String field, int frame) {
    Path nc = sceneDir.resolve(SceneNames.frameFileName(field, frame));
    if (Files.isRegularFile(nc)) return Netcdf.read(nc);
    Path npz = sceneDir.resolve(SceneNames.npzFileName(field, frame));
    if (Files.isRegularFile(npz)) return PhiflowFrames.read(npz, field);
    throw missing(sceneDir, field, frame);
  }

  /** {@return the frame file of a field at a frame that exists: the .nc, else the .npz, else the .nc to write} */
  static Path file(Path sceneDir, String field, int frame) {
    Path nc = sceneDir.resolve(SceneNames.frameFileName(field, frame));
    if (Files.exists(nc)) return nc;
    Path npz = sceneDir.resolve(SceneNames.npzFileName(field, frame));
    return Files.exists(npz) ? npz : nc;
  }

  private static IllegalArgumentException missing(Path sceneDir, String field, int frame) {
    if (!Files.isDirectory(sceneDir)) {
      return new IllegalArgumentException("no scene at " + sceneDir + ": the directory does not exist");
    }
    Map<String, TreeSet<Integer>> all = frames(sceneDir);
    TreeSet<Integer> frames = all.get(field);
    if (frames == null) {
      return new IllegalArgumentException("scene " + sceneDir + " has no field '" + field + "'; "
          + (all.isEmpty() ? "it has no frames yet" : "its fields are " + all.keySet()));
    }
    return new IllegalArgumentException("scene " + sceneDir + " has no frame " + frame + " of field '" + field
        + "'; the field has frames " + describeFrames(frames));
  }

  /** {@return every field of a scene with its frames, fields sorted by name} */
  static Map<String, TreeSet<Integer>> frames(Path sceneDir) {
    Map<String, TreeSet<Integer>> out = new TreeMap<>();
    try (DirectoryStream<Path> dir = Files.newDirectoryStream(sceneDir)) {
      for (Path p : dir) {
        SceneNames.FrameFile f = SceneNames.parseFrameFile(p.getFileName().toString());
        if (f != null) out.computeIfAbsent(f.field(), k -> new TreeSet<>()).add(f.frame());
      }
    } catch (NoSuchFileException e) {
      throw new UncheckedIOException("no scene at " + sceneDir + ": the directory does not exist", e);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list the frames of " + sceneDir + ": " + e, e);
    }
    return out;
  }

  /** {@return frames as runs: {@code 0..19, 25, 30..31}} */
  static String describeFrames(Iterable<Integer> frames) {
    List<String> runs = new ArrayList<>();
    Integer start = null;
    Integer last = null;
    for (int f : frames) {
      if (last != null && f == last + 1) {
        last = f;
        continue;
      }
      if (start != null) runs.add(start.equals(last) ? "" + start : start + ".." + last);
      start = f;
      last = f;
    }
    if (start != null) runs.add(start.equals(last) ? "" + start : start + ".." + last);
    return runs.isEmpty() ? "(none)" : String.join(", ", runs);
  }
}
