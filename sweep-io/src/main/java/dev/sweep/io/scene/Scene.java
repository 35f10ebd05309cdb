package dev.sweep.io.scene;

import dev.sweep.data.Dataset;
import dev.sweep.data.Variable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.TreeSet;

/**
 * One simulation's directory of frames with its properties: PhiFlow's {@code Scene}. A scene lives in
 * {@code <parent>/<name>_<id>} (ids of six digits, {@code sim_000000}, {@code sim_000001}, ...), holds
 * its properties (the parameters that produced it) in {@code description.json}, one file per field and
 * frame ({@code noise_000003.nc}), and what produced it in {@code src/context.json}.
 *
 * <pre>{@code
 * Scene scene = Scene.create(Path.of("data"));              // data/sim_000000
 * scene.put("smoothness", 0.5);
 * for (int frame = 0; frame < 20; frame++) scene.write("noise", GridField.centered(values), frame);
 *
 * Scene again = Scene.at(Path.of("data"), -1);              // the latest scene
 * double smoothness = (Double) again.property("smoothness");
 * Dataset noise = again.read("noise", 19);                  // variable "noise" over (x, y)
 * }</pre>
 *
 * <p>Creation is race-free: ids are taken by creating the directory, which fails if another thread or
 * process took it first, and then the next id is tried; so processes creating scenes in one parent
 * at once all get their own. Property updates hold a lock and re-read the file, so concurrent updates
 * keep every key; the file is replaced atomically. Frame files are written atomically too. Several
 * scenes at once are a {@link SceneBatch}.
 *
 * <p>A {@code Scene} is an immutable value: the directory's path. It reads the directory each time it
 * is asked (properties, fields, frames), so it sees what other processes wrote. Equal scenes have the
 * same absolute path. No argument may be null; a property's value may be null (JSON's null).
 */
public final class Scene {
  private final Path path;

  private Scene(Path path) {
    this.path = path.normalize();
  }

  static Scene of(Path path) {
    return new Scene(path);
  }

  /**
   * {@return a new scene {@code <parent>/sim_<id>}, the id one after the highest in the parent}
   * Records {@code src/context.json}.
   *
   * @param parent the directory of the scenes; created if missing
   * @throws java.io.UncheckedIOException if the directory cannot be created
   */
  public static Scene create(Path parent) {
    return builder(parent).create();
  }

  /**
   * {@return a new scene {@code <parent>/<name>_<id>}, the id one after the highest of that name}
   *
   * @param parent the directory of the scenes; created if missing
   * @param name the name before the id
   * @throws IllegalArgumentException if the name is empty or holds a path separator
   * @throws java.io.UncheckedIOException if the directory cannot be created
   */
  public static Scene create(Path parent, String name) {
    return builder(parent).name(name).create();
  }

  /**
   * {@return a builder of a new scene in a parent directory, for a name, a source to copy or no context}
   *
   * @param parent the directory of the scenes; created if missing
   */
  public static Builder builder(Path parent) {
    return new Builder(parent);
  }

  /**
   * {@return the scenes named {@code sim} in a directory, by id}
   *
   * @param parent the directory; if it does not exist, there are none
   */
  public static List<Scene> list(Path parent) {
    return list(parent, SceneNames.DEFAULT_NAME);
  }

  /**
   * {@return the scene directories {@code <name>_<number>} in a directory, by id} Entries whose
   * suffix is not a number, and plain files, are left out.
   *
   * @param parent the directory; if it does not exist, there are none
   * @param name the name before the id
   * @throws IllegalArgumentException if the name is empty or holds a path separator
   */
  public static List<Scene> list(Path parent, String name) {
    Objects.requireNonNull(parent, "parent");
    List<Scene> out = new ArrayList<>();
    for (SceneNames.Entry e : SceneNames.entries(parent, SceneNames.checkSceneName(name), true)) out.add(new Scene(e.path()));
    return out;
  }

  /**
   * {@return the existing scene in a directory}
   *
   * @param directory the scene's directory
   * @throws IllegalArgumentException naming the directory, if it does not exist or is a file
   */
  public static Scene at(Path directory) {
    Objects.requireNonNull(directory, "directory");
    if (!Files.isDirectory(directory)) {
      throw new IllegalArgumentException("no scene at " + directory + ": "
          + (Files.exists(directory) ? "it is a file, not a directory" : "the directory does not exist"));
    }
    return new Scene(directory);
  }

  /**
   * {@return the scene {@code sim_<id>} in a parent; a negative id counts from the latest ({@code -1})}
   *
   * @param parent the directory of the scenes
   * @param id the id, or {@code -k} for the k-th from the highest id
   * @throws IllegalArgumentException naming the directory and the scenes there are, if there is no such scene
   */
  public static Scene at(Path parent, int id) {
    return at(parent, SceneNames.DEFAULT_NAME, id);
  }

  /**
   * {@return the scene {@code <name>_<id>} in a parent; a negative id counts from the latest ({@code -1})}
   *
   * @param parent the directory of the scenes
   * @param name the name before the id
   * @param id the id, or {@code -k} for the k-th from the highest id
   * @throws IllegalArgumentException naming the directory and the scenes there are, if there is no such scene
   */
  public static Scene at(Path parent, String name, int id) {
    Objects.requireNonNull(parent, "parent");
    SceneNames.checkSceneName(name);
    List<Scene> all = list(parent, name);
    if (id < 0) {
      if (-(long) id > all.size()) {
        throw new IllegalArgumentException("no scene " + id + " (counting from the latest) in " + parent + ": it holds "
            + all.size() + " scene(s) named '" + name + "'");
      }
      return all.get(all.size() + id);
    }
    Path dir = parent.resolve(SceneNames.sceneDirName(name, id));
    if (!Files.isDirectory(dir)) {
      String have = all.isEmpty() ? "it holds no scenes named '" + name + "'"
          : "its scenes named '" + name + "' have the ids " + FrameFiles.describeFrames(ids(all));
      throw new IllegalArgumentException("no scene at " + dir + ": the directory does not exist; " + have);
    }
    return new Scene(dir);
  }

  private static List<Integer> ids(List<Scene> scenes) {
    TreeSet<Integer> ids = new TreeSet<>();
    for (Scene s : scenes) s.id().ifPresent(ids::add);
    return new ArrayList<>(ids);
  }

  /** {@return the scene's directory, as given (relative paths stay relative)} */
  public Path path() {
    return path;
  }

  /** {@return the name before the id ({@code sim} for {@code sim_000003}); the directory's name if it has no id} */
  public String name() {
    SceneNames.Entry e = SceneNames.parseSceneDir(path);
    return e != null ? e.name() : String.valueOf(path.getFileName());
  }

  /** {@return the id after the name ({@code 3} for {@code sim_000003}); empty if the directory's name has none} */
  public OptionalInt id() {
    SceneNames.Entry e = SceneNames.parseSceneDir(path);
    return e != null ? OptionalInt.of(e.id()) : OptionalInt.empty();
  }

  // ---------------------------------------------------------------------------------------------- properties

  /**
   * {@return the properties in {@code description.json}, read now; unmodifiable, in file order, empty
   * if there is no file} Values are as JSON holds them: String, Boolean, null, Integer or Long (or
   * BigInteger) for integers, Double for other numbers, unmodifiable List and Map; PhiFlow tensors
   * (listed in {@code __tensors__}) are {@link Variable}s named after their key.
   *
   * @throws dev.sweep.store.StoreFormatException naming the file, if it is not a JSON object (frames
   *     stay readable)
   * @throws java.io.UncheckedIOException if it cannot be read
   */
  public Map<String, Object> properties() {
    return PropertiesFile.read(path);
  }

  /**
   * {@return one property, read now}
   *
   * @param key the property's key
   * @throws IllegalArgumentException naming the keys there are, if there is none by that key
   * @throws dev.sweep.store.StoreFormatException if {@code description.json} is damaged
   */
  public Object property(String key) {
    Objects.requireNonNull(key, "key");
    Map<String, Object> all = properties();
    if (!all.containsKey(key)) {
      throw new IllegalArgumentException("scene " + path + " has no property '" + key + "'; "
          + (all.isEmpty() ? "it has no properties" : "its properties are " + all.keySet()));
    }
    return all.get(key);
  }

  /** {@return true if the scene has a {@code description.json} (PhiFlow's {@code exist_properties})} */
  public boolean hasProperties() {
    return PropertiesFile.exists(path);
  }

  /**
   * Sets one property, keeping the others. See {@link #putAll}.
   *
   * @param key the key; not {@code __tensors__}, which PhiFlow reserves
   * @param value a JSON-able value (see {@link #putAll})
   * @throws IllegalArgumentException naming the key, the part of the value and its type, if it is not JSON-able
   * @throws dev.sweep.store.StoreFormatException if {@code description.json} is damaged; nothing is written
   */
  public void put(String key, Object value) {
    Map<String, Object> one = new LinkedHashMap<>();
    one.put(Objects.requireNonNull(key, "key"), value);
    putAll(one);
  }

  /**
   * Sets properties, keeping the others: under the scene's lock it re-reads {@code description.json},
   * replaces these keys and writes the file atomically, so updates from other threads and processes
   * are never lost. Values: null, String, numbers, Boolean, enums (by name), lists and arrays of these,
   * maps with String keys, an unlabelled INDArray (nested lists), and a {@link Variable} (as a whole
   * value: PhiFlow's tensor, listed in {@code __tensors__}; a 0-d variable is its value).
   *
   * @param values the properties by key
   * @throws IllegalArgumentException naming the key, the part of the value and its type, if a value is
   *     not JSON-able, or a key is {@code __tensors__}; nothing is written
   * @throws dev.sweep.store.StoreFormatException if {@code description.json} is damaged; nothing is written
   * @throws java.io.UncheckedIOException if the scene's directory is gone or cannot be written
   */
  public void putAll(Map<String, ?> values) {
    PropertiesFile.update(Map.of(path, encodeAll(values)));
  }

  static Map<String, PropertyCodec.Encoded> encodeAll(Map<String, ?> values) {
    Objects.requireNonNull(values, "values");
    Map<String, PropertyCodec.Encoded> enc = new LinkedHashMap<>();
    for (Map.Entry<String, ?> e : values.entrySet()) enc.put(checkKey(e.getKey()), PropertyCodec.encode(e.getKey(), e.getValue()));
    return enc;
  }

  static String checkKey(String key) {
    Objects.requireNonNull(key, "property key");
    if (key.equals(PropertyCodec.TENSORS_KEY)) {
      throw new IllegalArgumentException("property key '" + key + "' is reserved: PhiFlow lists tensor properties under it");
    }
    return key;
  }

  // -------------------------------------------------------------------------------------------------- frames

  /**
   * Writes one field at a frame to {@code <field>_<frame>.nc} (six digits or more), replacing the file
   * atomically. The file is NetCDF that xarray opens: one variable named after the field, PhiFlow's
   * metadata as its attributes.
   *
   * @param field the field's name: kept as given (case too), used in the file name; no path separator
   * @param data a {@link GridField}, or a {@link Variable} written as {@link GridField#centered}
   * @param frame the frame number, {@code >= 0}
   * @throws IllegalArgumentException if the name, frame or data is bad (naming it); nothing is written
   * @throws java.io.UncheckedIOException if the file cannot be written; the old one is untouched
   */
  public void write(String field, Object data, int frame) {
    Map<String, Object> one = new LinkedHashMap<>();
    one.put(field, data);
    write(one, frame);
  }

  /**
   * Writes several fields at a frame, one file each. Every field is checked before any file is written.
   *
   * @param fields the data ({@link GridField} or {@link Variable}) by field name
   * @param frame the frame number, {@code >= 0}
   * @throws IllegalArgumentException as {@link #write(String, Object, int)}; nothing is written
   * @throws java.io.UncheckedIOException if a file cannot be written (the ones before it are written)
   */
  public void write(Map<String, ?> fields, int frame) {
    Map<String, GridField> checked = checkFields(fields, frame);
    requireDirectory();
    checked.forEach((name, f) -> FrameFiles.encode(name, frame, f)); // every check before the first file
    checked.forEach((name, f) -> FrameFiles.write(path, name, frame, f));
  }

  static Map<String, GridField> checkFields(Map<String, ?> fields, int frame) {
    Objects.requireNonNull(fields, "fields");
    SceneNames.checkFrame(frame);
    Map<String, GridField> out = new LinkedHashMap<>();
    for (Map.Entry<String, ?> e : fields.entrySet()) {
      String name = SceneNames.checkFieldName(e.getKey());
      Object v = e.getValue();
      if (v instanceof GridField f) out.put(name, f);
      else if (v instanceof Variable var) out.put(name, GridField.centered(var));
      else {
        throw new IllegalArgumentException("field '" + name + "' is " + (v == null ? "null" : "a " + v.getClass().getName())
            + "; expected a GridField or a Variable");
      }
    }
    return out;
  }

  private void requireDirectory() {
    if (!Files.isDirectory(path)) throw new IllegalArgumentException("no scene at " + path + ": the directory does not exist");
  }

  /**
   * Reads one field at a frame: a dataset with one variable named after the field, its metadata
   * ({@code field_type}, {@code lower}, {@code upper}, ...) as the variable's attributes. PhiFlow's
   * {@code .npz} frames are read as well (see the package documentation).
   *
   * @param field the field's name, exactly as written ({@code vel} does not match {@code velocity})
   * @param frame the frame number
   * @return the field's data
   * @throws IllegalArgumentException naming the fields or frames there are, if there is no such field or frame
   * @throws dev.sweep.store.StoreFormatException naming the file, if it is damaged
   */
  public Dataset read(String field, int frame) {
    SceneNames.checkFieldName(field);
    SceneNames.checkFrame(frame);
    return FrameFiles.read(path, field, frame);
  }

  /**
   * {@return several fields at a frame, in the order asked}
   *
   * @param fields the fields' names
   * @param frame the frame number
   * @throws IllegalArgumentException as {@link #read(String, int)}
   */
  public List<Dataset> read(List<String> fields, int frame) {
    List<Dataset> out = new ArrayList<>();
    for (String f : fields) out.add(read(f, frame));
    return out;
  }

  /**
   * {@return the file that holds a field at a frame: {@code <field>_<frame>.nc}, or PhiFlow's
   * {@code .npz} if only that exists; it need not exist}
   *
   * @param field the field's name
   * @param frame the frame number
   */
  public Path frameFile(String field, int frame) {
    return FrameFiles.file(path, SceneNames.checkFieldName(field), SceneNames.checkFrame(frame));
  }

  /** {@return the names of the fields with at least one frame, sorted} */
  public List<String> fieldNames() {
    return new ArrayList<>(FrameFiles.frames(path).keySet());
  }

  /** {@return the frames that any field has, sorted (PhiFlow's {@code frames})} */
  public List<Integer> frames() {
    TreeSet<Integer> all = new TreeSet<>();
    FrameFiles.frames(path).values().forEach(all::addAll);
    return new ArrayList<>(all);
  }

  /**
   * {@return the frames of one field, sorted; empty if it has none}
   *
   * @param field the field's name, exactly
   */
  public List<Integer> frames(String field) {
    TreeSet<Integer> f = FrameFiles.frames(path).get(SceneNames.checkFieldName(field));
    return f == null ? List.of() : new ArrayList<>(f);
  }

  /** {@return the frames that every field has, sorted (PhiFlow's {@code complete_frames})} */
  public List<Integer> completeFrames() {
    TreeSet<Integer> common = null;
    for (TreeSet<Integer> f : FrameFiles.frames(path).values()) {
      if (common == null) common = new TreeSet<>(f);
      else common.retainAll(f);
    }
    return common == null ? List.of() : new ArrayList<>(common);
  }

  // ----------------------------------------------------------------------------------------------- the files

  /**
   * {@return what produced the scene, from {@code src/context.json}: the Java command line, main class,
   * class path, Java and sweep versions, git commit; empty if the scene has none}
   *
   * @throws dev.sweep.store.StoreFormatException if the file is damaged
   */
  public Optional<Map<String, Object>> context() {
    return Provenance.read(path);
  }

  /**
   * {@return a path inside the scene}
   *
   * @param relative a relative path that stays inside the scene, e.g. {@code "images"} or {@code "logs/run.txt"}
   * @throws IllegalArgumentException if it is absolute or leaves the scene
   */
  public Path subpath(String relative) {
    Objects.requireNonNull(relative, "relative");
    Path p = Path.of(relative);
    Path resolved = path.resolve(p).normalize();
    if (p.isAbsolute() || !resolved.startsWith(path) || resolved.equals(path)) {
      throw new IllegalArgumentException("subpath is '" + relative + "'; expected a relative path inside the scene " + path);
    }
    return resolved;
  }

  /**
   * {@return a directory inside the scene, created with its parents if {@code create}}
   *
   * @param relative as {@link #subpath(String)}
   * @param create whether to create the directory
   * @throws java.io.UncheckedIOException if it cannot be created
   */
  public Path subpath(String relative, boolean create) {
    Path p = subpath(relative);
    if (create) {
      try {
        Files.createDirectories(p);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot create " + p + ": " + e, e);
      }
    }
    return p;
  }

  /**
   * Copies the scene into a new scene of the same name in another (or the same) parent, with the next
   * free id there: every file, properties, frames and {@code src/}.
   *
   * @param parent the directory of the new scene; created if missing
   * @return the copy
   * @throws java.io.UncheckedIOException if copying fails; the partial copy is removed
   */
  public Scene copyTo(Path parent) {
    requireDirectory();
    Creation c = new Creation(parent);
    c.name(name());
    c.recordContext = false;
    Path target = c.create(1).get(0);
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(path)) {
      for (Path e : entries) {
        String n = e.getFileName().toString();
        if (n.equals(PropertiesFile.LOCK)) continue;
        SceneFiles.copyTree(e, target.resolve(n));
      }
    } catch (IOException | RuntimeException e) {
      SceneFiles.deleteTree(target);
      if (e instanceof RuntimeException r) throw r;
      throw new UncheckedIOException("cannot copy " + path + " to " + target + ": " + e, (IOException) e);
    }
    return new Scene(target);
  }

  /**
   * Renames the scene, keeping its id: {@code sim_000003} becomes {@code <name>_000003} (a directory
   * without an id becomes {@code name}).
   *
   * @param name the new name before the id
   * @return the renamed scene
   * @throws IllegalArgumentException if the name is bad, or a directory of the new name exists
   * @throws java.io.UncheckedIOException if the rename fails; the scene is then where it was
   */
  public Scene rename(String name) {
    Path target = renameTarget(SceneNames.checkSceneName(name));
    requireDirectory();
    try {
      Files.move(path, target);
    } catch (FileAlreadyExistsException e) {
      throw new IllegalArgumentException("cannot rename " + path + " to " + target + ": it exists");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot rename " + path + " to " + target + ": " + e, e);
    }
    return new Scene(target);
  }

  Path renameTarget(String name) {
    String dir = String.valueOf(path.getFileName());
    SceneNames.Entry e = SceneNames.parseSceneDir(path);
    String suffix = e == null ? "" : dir.substring(e.name().length()); // "_000003", the digits as they are
    Path target = path.resolveSibling(name + suffix);
    if (Files.exists(target)) throw new IllegalArgumentException("cannot rename " + path + " to " + target + ": it exists");
    return target;
  }

  /**
   * Deletes the scene's directory and everything in it. It is first renamed to a hidden name, so a
   * listing never shows a half-deleted scene. A scene already gone is no error.
   *
   * @throws java.io.UncheckedIOException if it cannot be removed
   */
  public void remove() {
    SceneFiles.removeTree(path);
  }

  /**
   * {@return a summary for people, as {@code sweep show DIR} prints it: the properties, each field
   * with its frames, type and shape (from its latest frame), and what produced the scene} A damaged
   * {@code description.json} or frame is reported in place, not thrown.
   *
   * @throws IllegalArgumentException if the directory does not exist
   */
  public String summary() {
    requireDirectory();
    return SceneSummary.of(this);
  }

  /** {@return true if the scene's directory exists} */
  public boolean exists() {
    return Files.isDirectory(path);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Scene s && s.path.toAbsolutePath().normalize().equals(path.toAbsolutePath().normalize());
  }

  @Override
  public int hashCode() {
    return path.toAbsolutePath().normalize().hashCode();
  }

  /** {@return the scene's path} */
  @Override
  public String toString() {
    return path.toString();
  }

  /** Builds a new {@link Scene}: its name, a source to copy into {@code src/}, whether to record the context. */
  public static final class Builder {
    private final Creation creation;

    private Builder(Path parent) {
      this.creation = new Creation(parent);
    }

    /**
     * Sets the name before the id; {@code sim} by default.
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
     * Copies a source file or directory into the scene's {@code src/} (PhiFlow copies the calling
     * script), e.g. the simulation's source.
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
     * Sets whether to write {@code src/context.json}; true by default.
     *
     * @param record whether to record the context
     * @return this builder
     */
    public Builder recordContext(boolean record) {
      creation.recordContext = record;
      return this;
    }

    /**
     * Creates the scene, race-free (see {@link Scene}).
     *
     * @return the new scene
     * @throws java.io.UncheckedIOException if a directory or file cannot be written; nothing is left behind
     */
    public Scene create() {
      return new Scene(creation.create(1).get(0));
    }
  }
}
