package dev.sweep.io.scene;

import dev.sweep.data.Dataset;
import dev.sweep.data.Index;
import dev.sweep.data.Variable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeSet;

/**
 * Several scenes handled as one, laid out over named batch dimensions: PhiFlow's batched
 * {@code Scene}. A batch of shape {@code (batch: 2, config: 3)} is six scene directories with
 * consecutive ids, the last dimension varying fastest; each batch dimension has labels (0, 1, ... by
 * default, or the values of a swept parameter), which become the coordinates of what the batch reads.
 *
 * <pre>{@code
 * SceneBatch batch = SceneBatch.create(Path.of("data"), "sim", "batch", 4);  // sim_000001 .. sim_000004
 * batch.put("smoothness", smoothness);          // a Variable over "batch": one value per scene
 * batch.write("noise", noise, 0);               // values over (batch, x, y): sliced, one file per scene
 * Dataset back = batch.read("noise", 0);        // "noise" over (batch, x, y), batch labelled 0..3
 * }</pre>
 *
 * <p>Writing a value that has a batch dimension stores each scene its slice; a value without it is
 * stored in every scene (PhiFlow's tiling). Reading stacks the scenes' values over the batch
 * dimensions, which come first; properties with the same value in every scene collapse to that value.
 * Dimensions of a field that the batch does not have stay inside each scene's file.
 *
 * <p>Immutable: the scenes' paths and the batch's dimensions. No argument may be null.
 */
public final class SceneBatch {
  private final List<Scene> scenes;
  private final Map<String, Index> dims;

  private SceneBatch(List<Scene> scenes, Map<String, Index> dims) {
    this.scenes = List.copyOf(scenes);
    this.dims = Collections.unmodifiableMap(new LinkedHashMap<>(dims));
  }

  /**
   * {@return {@code size} new scenes {@code <parent>/<name>_<id>} with consecutive ids along one batch
   * dimension, labelled 0 to size - 1}
   *
   * @param parent the directory of the scenes; created if missing
   * @param name the name before the ids
   * @param dim the batch dimension's name
   * @param size the number of scenes, at least 1
   * @throws IllegalArgumentException naming the bad value
   * @throws java.io.UncheckedIOException if a directory cannot be created; none is left behind
   */
  public static SceneBatch create(Path parent, String name, String dim, int size) {
    return builder(parent).name(name).dim(dim, size).create();
  }

  /**
   * {@return a builder of new scenes over batch dimensions}
   *
   * @param parent the directory of the scenes; created if missing
   */
  public static Builder builder(Path parent) {
    return new Builder(parent);
  }

  /**
   * {@return existing scenes as a batch along one dimension, labelled 0, 1, ...}
   *
   * @param scenes the scenes, at least one
   * @param dim the batch dimension's name
   * @throws IllegalArgumentException if there is no scene, or a scene appears twice
   */
  public static SceneBatch of(List<Scene> scenes, String dim) {
    return of(scenes, dim, Index.range(scenes.size()));
  }

  /**
   * {@return existing scenes as a batch along one labelled dimension}
   *
   * @param scenes the scenes, at least one
   * @param dim the batch dimension's name
   * @param labels one label per scene
   * @throws IllegalArgumentException if the number of labels differs, or a scene appears twice
   */
  public static SceneBatch of(List<Scene> scenes, String dim, Index labels) {
    Map<String, Index> one = new LinkedHashMap<>();
    one.put(checkDim(dim), Objects.requireNonNull(labels, "labels"));
    return of(scenes, one);
  }

  /**
   * {@return existing scenes as a batch over several dimensions, the last varying fastest}
   *
   * @param scenes the scenes in C order over the dimensions
   * @param dims the dimensions with their labels, in order: a LinkedHashMap or SortedMap when there
   *     are several ({@code Map.of} has no order)
   * @throws IllegalArgumentException if the number of scenes is not the product of the sizes, a scene
   *     appears twice, or the map has no order
   */
  public static SceneBatch of(List<Scene> scenes, Map<String, Index> dims) {
    Objects.requireNonNull(scenes, "scenes");
    Objects.requireNonNull(dims, "dims");
    if (dims.isEmpty()) throw new IllegalArgumentException("dims is empty; expected at least one batch dimension");
    if (dims.size() > 1 && !(dims instanceof LinkedHashMap || dims instanceof SortedMap)) {
      throw new IllegalArgumentException("dims " + dims.keySet() + " has no order (such as Map.of); pass a LinkedHashMap");
    }
    long volume = 1;
    for (Map.Entry<String, Index> e : dims.entrySet()) {
      checkDim(e.getKey());
      volume *= e.getValue().size();
    }
    if (volume != scenes.size()) {
      throw new IllegalArgumentException(scenes.size() + " scene(s) for the batch " + Batching.sizes(dims) + " of "
          + volume + "; expected one scene per member");
    }
    if (new LinkedHashSet<>(scenes).size() != scenes.size()) {
      throw new IllegalArgumentException("a scene appears twice in " + scenes);
    }
    return new SceneBatch(scenes, dims);
  }

  /**
   * {@return the existing scenes in these directories, as a batch along {@code scenes} (PhiFlow's name)}
   *
   * @param directories the scene directories, at least one
   * @throws IllegalArgumentException naming a directory that does not exist
   */
  public static SceneBatch at(List<Path> directories) {
    return at(directories, "scenes");
  }

  /**
   * {@return the existing scenes in these directories, as a batch along a dimension}
   *
   * @param directories the scene directories, at least one
   * @param dim the batch dimension's name
   * @throws IllegalArgumentException naming a directory that does not exist
   */
  public static SceneBatch at(List<Path> directories, String dim) {
    List<Scene> s = new ArrayList<>();
    for (Path d : directories) s.add(Scene.at(d));
    if (s.isEmpty()) throw new IllegalArgumentException("directories is empty; expected at least one scene directory");
    return of(s, dim);
  }

  /**
   * {@return every scene {@code <name>_<id>} in a parent, by id, as a batch along a dimension}
   *
   * @param parent the directory of the scenes
   * @param name the name before the ids
   * @param dim the batch dimension's name
   * @throws IllegalArgumentException if there is no such scene
   */
  public static SceneBatch list(Path parent, String name, String dim) {
    List<Scene> s = Scene.list(parent, name);
    if (s.isEmpty()) throw new IllegalArgumentException("no scenes named '" + name + "' in " + parent + " to batch");
    return of(s, dim);
  }

  private static String checkDim(String dim) {
    Objects.requireNonNull(dim, "dim");
    if (dim.isBlank()) throw new IllegalArgumentException("batch dimension name is '" + dim + "'; expected a name");
    return dim;
  }

  /** {@return the batch dimensions, in order} */
  public List<String> dims() {
    return List.copyOf(dims.keySet());
  }

  /** {@return the size of each batch dimension, in order; unmodifiable} */
  public Map<String, Integer> sizes() {
    Map<String, Integer> out = new LinkedHashMap<>();
    dims.forEach((d, ix) -> out.put(d, ix.size()));
    return Collections.unmodifiableMap(out);
  }

  /** {@return the labels of each batch dimension, in order; unmodifiable} */
  public Map<String, Index> coords() {
    return dims;
  }

  /**
   * {@return the labels of one batch dimension}
   *
   * @param dim the dimension
   * @throws IllegalArgumentException naming the dimensions, if there is none of that name
   */
  public Index coord(String dim) {
    Index ix = dims.get(dim);
    if (ix == null) throw new IllegalArgumentException("no batch dimension '" + dim + "'; the batch has " + dims.keySet());
    return ix;
  }

  /** {@return the number of scenes} */
  public int size() {
    return scenes.size();
  }

  /** {@return the scenes, in C order over the batch dimensions} */
  public List<Scene> scenes() {
    return scenes;
  }

  /** {@return the scenes' directories, in C order over the batch dimensions} */
  public List<Path> paths() {
    List<Path> out = new ArrayList<>();
    for (Scene s : scenes) out.add(s.path());
    return out;
  }

  /**
   * {@return the scene at positions along the batch dimensions}
   *
   * @param positions one position per batch dimension, in order
   * @throws IllegalArgumentException if the number of positions differs from the number of dimensions
   * @throws IndexOutOfBoundsException if a position is outside its dimension
   */
  public Scene scene(int... positions) {
    if (positions.length != dims.size()) {
      throw new IllegalArgumentException(positions.length + " position(s) for the batch dimensions " + dims.keySet());
    }
    int m = 0;
    int d = 0;
    for (Map.Entry<String, Index> e : dims.entrySet()) {
      int p = positions[d++];
      if (p < 0 || p >= e.getValue().size()) {
        throw new IndexOutOfBoundsException("position " + p + " along '" + e.getKey() + "' is outside 0.." + (e.getValue().size() - 1));
      }
      m = m * e.getValue().size() + p;
    }
    return scenes.get(m);
  }

  /**
   * {@return the scene at labels along the batch dimensions}
   *
   * @param labels one label per batch dimension, by dimension name
   * @throws IllegalArgumentException if a dimension's label is not given or not found
   */
  public Scene scene(Map<String, ?> labels) {
    int[] pos = new int[dims.size()];
    int d = 0;
    for (Map.Entry<String, Index> e : dims.entrySet()) {
      if (!labels.containsKey(e.getKey())) {
        throw new IllegalArgumentException("no label for the batch dimension '" + e.getKey() + "' in " + labels);
      }
      int p = e.getValue().indexOf(labels.get(e.getKey()));
      if (p < 0) {
        throw new IllegalArgumentException("batch dimension '" + e.getKey() + "' has no label " + labels.get(e.getKey())
            + "; its labels are " + e.getValue());
      }
      pos[d++] = p;
    }
    return scene(pos);
  }

  // ---------------------------------------------------------------------------------------------- properties

  /**
   * {@return the properties of the scenes, stacked: a value the same in every scene is that value;
   * differing numbers, Booleans or strings become a {@link Variable} over the batch dimensions;
   * differing PhiFlow tensors of one shape a variable over the batch dimensions and theirs; any other
   * differing values a list in scene order} Read now, from every scene.
   *
   * @throws IllegalStateException naming the scenes that lack a property the others have
   * @throws dev.sweep.store.StoreFormatException if a {@code description.json} is damaged
   */
  public Map<String, Object> properties() {
    List<Map<String, Object>> each = new ArrayList<>();
    LinkedHashSet<String> keys = new LinkedHashSet<>();
    for (Scene s : scenes) {
      Map<String, Object> p = s.properties();
      each.add(p);
      keys.addAll(p.keySet());
    }
    Map<String, Object> out = new LinkedHashMap<>();
    List<String> names = memberNames();
    for (String key : keys) {
      List<Object> values = new ArrayList<>();
      List<String> lacking = new ArrayList<>();
      for (int m = 0; m < each.size(); m++) {
        if (!each.get(m).containsKey(key)) lacking.add(names.get(m));
        else values.add(each.get(m).get(key));
      }
      if (!lacking.isEmpty()) {
        throw new IllegalStateException("property '" + key + "' is missing in " + lacking + " but present in the other "
            + (scenes.size() - lacking.size()) + " scene(s) of the batch; a batch's properties must be in every scene");
      }
      out.put(key, Batching.stackValues(key, dims, values, names));
    }
    return Collections.unmodifiableMap(out);
  }

  /**
   * {@return one stacked property (see {@link #properties()})}
   *
   * @param key the property's key
   * @throws IllegalArgumentException naming the keys there are, if there is none by that key
   */
  public Object property(String key) {
    Objects.requireNonNull(key, "key");
    Map<String, Object> all = properties();
    if (!all.containsKey(key)) {
      throw new IllegalArgumentException("the batch has no property '" + key + "'; its properties are " + all.keySet());
    }
    return all.get(key);
  }

  /**
   * Sets one property in every scene. See {@link #putAll}.
   *
   * @param key the key
   * @param value the value; a {@link Variable} with batch dimensions is sliced per scene
   */
  public void put(String key, Object value) {
    Map<String, Object> one = new LinkedHashMap<>();
    one.put(Objects.requireNonNull(key, "key"), value);
    putAll(one);
  }

  /**
   * Sets properties in every scene, as {@link Scene#putAll} does, as one step: every scene's lock is
   * taken and every file re-read before any is written, so a damaged file stops the update before it
   * starts. A {@link Variable} over batch dimensions is sliced: each scene stores its own value (a
   * plain value once the batch dimensions are gone, else a PhiFlow tensor); any other value is stored
   * in every scene.
   *
   * @param values the properties by key
   * @throws IllegalArgumentException if a value is not JSON-able, or a variable's size along a batch
   *     dimension differs from the batch's (naming the key, the dimension and both sizes); nothing is written
   * @throws dev.sweep.store.StoreFormatException if a {@code description.json} is damaged; nothing is written
   */
  public void putAll(Map<String, ?> values) {
    Objects.requireNonNull(values, "values");
    for (Map.Entry<String, ?> e : values.entrySet()) {
      Scene.checkKey(e.getKey());
      if (e.getValue() instanceof Variable v) Batching.checkSizes("property '" + e.getKey() + "'", v, dims);
    }
    Map<Path, Map<String, PropertyCodec.Encoded>> updates = new LinkedHashMap<>();
    Map<String, PropertyCodec.Encoded> shared = new LinkedHashMap<>();
    for (int m = 0; m < scenes.size(); m++) {
      Map<String, Integer> pos = Batching.positions(dims, m);
      Map<String, PropertyCodec.Encoded> mine = new LinkedHashMap<>();
      for (Map.Entry<String, ?> e : values.entrySet()) {
        Object v = e.getValue();
        if (v instanceof Variable var && !Collections.disjoint(var.dims(), dims.keySet())) {
          mine.put(e.getKey(), PropertyCodec.encode(e.getKey(), Batching.select(var, pos)));
        } else {
          mine.put(e.getKey(), shared.computeIfAbsent(e.getKey(), k -> PropertyCodec.encode(k, v)));
        }
      }
      updates.put(scenes.get(m).path(), mine);
    }
    PropertiesFile.update(updates);
  }

  // -------------------------------------------------------------------------------------------------- frames

  /**
   * Writes one field at a frame into every scene. See {@link #write(Map, int)}.
   *
   * @param field the field's name
   * @param data a {@link GridField} or {@link Variable}
   * @param frame the frame number, {@code >= 0}
   */
  public void write(String field, Object data, int frame) {
    Map<String, Object> one = new LinkedHashMap<>();
    one.put(field, data);
    write(one, frame);
  }

  /**
   * Writes fields at a frame into every scene: data with batch dimensions are sliced, each scene
   * getting its own; data without them are stored in every scene. Every field is checked, and every
   * slice made, before the first file is written.
   *
   * @param fields the data ({@link GridField} or {@link Variable}) by field name
   * @param frame the frame number, {@code >= 0}
   * @throws IllegalArgumentException naming the field, if a name or value is bad, or its size along a
   *     batch dimension differs from the batch's; nothing is written
   * @throws java.io.UncheckedIOException if a file cannot be written
   */
  public void write(Map<String, ?> fields, int frame) {
    Map<String, GridField> checked = Scene.checkFields(fields, frame);
    checked.forEach((name, f) -> Batching.checkSizes("field '" + name + "'", f.values(), dims));
    List<Map<String, GridField>> perScene = new ArrayList<>();
    for (int m = 0; m < scenes.size(); m++) {
      Map<String, Integer> pos = Batching.positions(dims, m);
      Map<String, GridField> mine = new LinkedHashMap<>();
      checked.forEach((name, f) -> {
        Map<String, Integer> own = new LinkedHashMap<>(pos);
        own.keySet().retainAll(f.values().dims());
        GridField slice = f.select(own);
        FrameFiles.encode(name, frame, slice); // every check before the first file
        mine.put(name, slice);
      });
      perScene.add(mine);
    }
    for (Scene s : scenes) {
      if (!s.exists()) throw new IllegalArgumentException("no scene at " + s.path() + ": the directory does not exist");
    }
    for (int m = 0; m < scenes.size(); m++) {
      Path dir = scenes.get(m).path();
      perScene.get(m).forEach((name, f) -> FrameFiles.write(dir, name, frame, f));
    }
  }

  /**
   * Reads one field at a frame from every scene, stacked: the field's variable over the batch
   * dimensions (labelled) and then its own, with the attributes of the scenes' files.
   *
   * @param field the field's name
   * @param frame the frame number
   * @return the stacked field
   * @throws IllegalArgumentException if a scene lacks the field or frame (naming what it has)
   * @throws IllegalStateException naming two scenes whose files differ in shape, type, labels or
   *     attributes (bounds, extrapolation, ...)
   */
  public Dataset read(String field, int frame) {
    List<Dataset> each = new ArrayList<>();
    for (Scene s : scenes) each.add(s.read(field, frame));
    List<String> names = memberNames();
    String what = "field '" + field + "' frame " + frame;
    Dataset first = each.get(0);
    List<Variable> vars = new ArrayList<>();
    for (int m = 0; m < each.size(); m++) {
      Dataset ds = each.get(m);
      Variable v = fieldVariable(ds, field);
      if (!ds.coords().equals(first.coords())) {
        throw new IllegalStateException("cannot stack " + what + " over the batch: its labels are " + first.coords()
            + " in " + names.get(0) + " but " + ds.coords() + " in " + names.get(m));
      }
      Variable v0 = fieldVariable(first, field);
      for (String k : v0.attrs().keySet()) {
        if (!Objects.deepEquals(v0.attrs().get(k), v.attrs().get(k))) {
          throw new IllegalStateException("cannot stack " + what + " over the batch: its attribute '" + k + "' is "
              + show(v0.attrs().get(k)) + " in " + names.get(0) + " but " + show(v.attrs().get(k)) + " in " + names.get(m));
        }
      }
      vars.add(v);
    }
    Variable stacked = Batching.stack(what, field, dims, vars, names).withAttrs(vars.get(0).attrs());
    Dataset.Builder b = Dataset.builder();
    dims.forEach(b::coord);
    for (String d : first.dims()) {
      if (first.coords().containsKey(d)) b.coord(d, first.coord(d));
      else b.dim(d, first.sizes().get(d));
    }
    return b.variable(stacked).attrs(first.attrs()).build();
  }

  private static Variable fieldVariable(Dataset ds, String field) {
    if (ds.variables().containsKey(field)) return ds.variable(field);
    if (ds.variables().size() == 1) return ds.variables().values().iterator().next();
    return ds.variable(field); // names the variables there are
  }

  private static String show(Object v) {
    if (v == null) return "absent";
    if (v.getClass().isArray()) {
      List<Object> l = new ArrayList<>();
      for (int i = 0; i < java.lang.reflect.Array.getLength(v); i++) l.add(java.lang.reflect.Array.get(v, i));
      return l.toString();
    }
    return String.valueOf(v);
  }

  /**
   * {@return several fields at a frame, each stacked, in the order asked}
   *
   * @param fields the fields' names
   * @param frame the frame number
   */
  public List<Dataset> read(List<String> fields, int frame) {
    List<Dataset> out = new ArrayList<>();
    for (String f : fields) out.add(read(f, frame));
    return out;
  }

  /** {@return the fields that every scene has, sorted} */
  public List<String> fieldNames() {
    TreeSet<String> common = null;
    for (Scene s : scenes) {
      List<String> f = s.fieldNames();
      if (common == null) common = new TreeSet<>(f);
      else common.retainAll(f);
    }
    return new ArrayList<>(common);
  }

  /** {@return the frames that any scene has of any field, sorted} */
  public List<Integer> frames() {
    TreeSet<Integer> all = new TreeSet<>();
    for (Scene s : scenes) all.addAll(s.frames());
    return new ArrayList<>(all);
  }

  /** {@return the frames that every scene has of every one of its fields, sorted} */
  public List<Integer> completeFrames() {
    TreeSet<Integer> common = null;
    for (Scene s : scenes) {
      List<Integer> f = s.completeFrames();
      if (common == null) common = new TreeSet<>(f);
      else common.retainAll(f);
    }
    return new ArrayList<>(common);
  }

  // ----------------------------------------------------------------------------------------------- the files

  /** Removes every scene's directory (see {@link Scene#remove()}). */
  public void remove() {
    for (Scene s : scenes) s.remove();
  }

  /**
   * Renames every scene, each keeping its own id ({@code sim_000003} becomes {@code <name>_000003}).
   * Every target is checked first; if a rename fails, the ones done are undone.
   *
   * @param name the new name before the ids
   * @return the renamed batch, with the same dimensions
   * @throws IllegalArgumentException if the name is bad, or a target directory exists
   * @throws java.io.UncheckedIOException if a rename fails
   */
  public SceneBatch rename(String name) {
    SceneNames.checkSceneName(name);
    List<Path> targets = new ArrayList<>();
    for (Scene s : scenes) targets.add(s.renameTarget(name));
    List<Scene> done = new ArrayList<>();
    try {
      for (int m = 0; m < scenes.size(); m++) {
        Files.move(scenes.get(m).path(), targets.get(m));
        done.add(Scene.of(targets.get(m)));
      }
    } catch (IOException e) {
      for (int m = done.size() - 1; m >= 0; m--) {
        try {
          Files.move(targets.get(m), scenes.get(m).path());
        } catch (IOException undo) {
          e.addSuppressed(undo);
        }
      }
      throw new UncheckedIOException("cannot rename the batch to '" + name + "': " + e, e);
    }
    return new SceneBatch(done, dims);
  }

  private List<String> memberNames() {
    List<String> out = new ArrayList<>();
    for (Scene s : scenes) out.add(String.valueOf(s.path().getFileName()));
    return out;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof SceneBatch b && b.scenes.equals(scenes) && b.dims.equals(dims);
  }

  @Override
  public int hashCode() {
    return Objects.hash(scenes, dims);
  }

  /** {@return the batch's dimensions and its scenes} */
  @Override
  public String toString() {
    return "SceneBatch" + Batching.sizes(dims) + " " + paths();
  }

  /** Builds new scenes over batch dimensions: each dimension's size or labels, the name, a source to copy. */
  public static final class Builder {
    private final Creation creation;
    private final Map<String, Index> dims = new LinkedHashMap<>();

    private Builder(Path parent) {
      this.creation = new Creation(parent);
    }

    /**
     * Sets the name before the ids; {@code sim} by default.
     *
     * @param name a directory name, not empty, without a path separator
     * @return this builder
     * @throws IllegalArgumentException naming the value, if it is not such a name
     */
    public Builder name(String name) {
      creation.name(name);
      return this;
    }

    /**
     * Adds a batch dimension labelled 0 to size - 1.
     *
     * @param dim the dimension's name, not given before
     * @param size its size, at least 1
     * @return this builder
     * @throws IllegalArgumentException naming the value, if the size is below 1 or the name was given
     */
    public Builder dim(String dim, int size) {
      if (size < 1) throw new IllegalArgumentException("batch dimension '" + dim + "' has size " + size + "; expected at least 1");
      return dim(dim, Index.range(size));
    }

    /**
     * Adds a batch dimension with labels, e.g. the values of a swept parameter.
     *
     * @param dim the dimension's name, not given before
     * @param labels one label per position
     * @return this builder
     * @throws IllegalArgumentException if the name was given before
     */
    public Builder dim(String dim, Index labels) {
      checkDim(dim);
      Objects.requireNonNull(labels, "labels");
      if (dims.containsKey(dim)) throw new IllegalArgumentException("batch dimension '" + dim + "' was already added");
      dims.put(dim, labels);
      return this;
    }

    /**
     * Copies a source file or directory into every scene's {@code src/}.
     *
     * @param source an existing file or directory
     * @return this builder
     * @throws IllegalArgumentException naming the path, if it does not exist
     */
    public Builder source(Path source) {
      creation.source(source);
      return this;
    }

    /**
     * Sets whether to write each scene's {@code src/context.json}; true by default.
     *
     * @param record whether to record the context
     * @return this builder
     */
    public Builder recordContext(boolean record) {
      creation.recordContext = record;
      return this;
    }

    /**
     * Creates the scenes, race-free, with consecutive ids laid over the batch shape.
     *
     * @return the batch
     * @throws IllegalStateException if no dimension was added
     * @throws java.io.UncheckedIOException if a directory or file cannot be written; nothing is left behind
     */
    public SceneBatch create() {
      if (dims.isEmpty()) throw new IllegalStateException("a scene batch needs a dimension: call dim(name, size) before create()");
      long volume = 1;
      for (Index ix : dims.values()) volume *= ix.size();
      if (volume > 1_000_000) throw new IllegalArgumentException("a batch " + Batching.sizes(dims) + " of " + volume + " scenes; at most 1,000,000");
      List<Scene> s = new ArrayList<>();
      for (Path p : creation.create((int) volume)) s.add(Scene.of(p));
      return new SceneBatch(s, dims);
    }
  }
}
