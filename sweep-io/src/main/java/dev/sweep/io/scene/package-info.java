/**
 * Scenes: one simulation's frames in a directory, with the properties that produced it, alone or in
 * batches. The Java counterpart of PhiFlow's {@code Scene}, whose directories it reads and writes in
 * the same layout. Start with {@link dev.sweep.io.scene.Scene}; several scenes handled as one are a
 * {@link dev.sweep.io.scene.SceneBatch}; a field to write is a {@link dev.sweep.io.scene.GridField}
 * (or a plain {@link dev.sweep.data.Variable}); {@link dev.sweep.io.scene.SceneFunction} gives every
 * run of a sweep its own scene.
 *
 * <pre>
 * data/                          the parent
 *   sim_000000/                  a scene: &lt;name&gt;_&lt;id&gt;, ids of six digits or more
 *     description.json           properties, as PhiFlow writes them (json.dump, indent=2)
 *     noise_000000.nc            field "noise" at frame 0: NetCDF-3 that xarray opens
 *     noise_000001.nc
 *     src/context.json           the Java command line, class path, versions, git commit
 *   sim_000001/ ...
 * </pre>
 *
 * <p><b>Frames.</b> A field at a frame is {@code <field>_<frame>.nc}: one variable named after the
 * field, over its dimensions (labelled where the field has labels, e.g. {@code vector} by the spatial
 * dimensions' names), with PhiFlow's metadata as attributes: {@code field_type} ({@code CenteredGrid}
 * or {@code StaggeredGrid}), {@code dim_types}, {@code lower} and {@code upper} (the box), {@code
 * bounds_item_names}, {@code extrapolation} (JSON text of PhiFlow's {@code to_dict}); the file's
 * attributes name the field and frame. PhiFlow's own {@code .npz} frames are read alike: numeric and
 * string entries; the pickled ones ({@code dim_item_names}, {@code extrapolation}) are skipped with a
 * warning that names them. Field names keep their case; {@code vel} never matches
 * {@code velocity_000000.nc}; frames of a million and more work.
 *
 * <p><b>Properties.</b> {@code description.json} holds any JSON-able value; a labelled
 * {@link dev.sweep.data.Variable} is stored as PhiFlow's tensor dict and listed under
 * {@code __tensors__}, so PhiFlow reads it back as a tensor. Reading gives Integer/Long for integers,
 * Double for other numbers, String, Boolean, null, unmodifiable lists and maps, and variables for
 * tensors.
 *
 * <p><b>Safety.</b> Ids are taken by creating the directory ({@link java.nio.file.Files#createDirectory}
 * fails if another process took it), never by computing the highest id plus one and hoping; property
 * updates lock the scene, re-read and replace the file atomically; frame files are replaced
 * atomically; a damaged {@code description.json} is reported by name and leaves the frames readable.
 *
 * <p>The format, what PhiFlow does differently and the measurements are in {@code sweep-io/SCENES.md}.
 *
 * <p>Nulls: no method takes or returns null, except that a property's value may be JSON's null.
 */
package dev.sweep.io.scene;
