package dev.sweep.io.scene;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/** The settings shared by the builders of {@link Scene} and {@link SceneBatch}, and the creation itself. */
final class Creation {
  final Path parent;
  String name = SceneNames.DEFAULT_NAME;
  Path source;
  boolean recordContext = true;

  Creation(Path parent) {
    this.parent = Objects.requireNonNull(parent, "parent");
  }

  void name(String name) {
    this.name = SceneNames.checkSceneName(name);
  }

  void source(Path source) {
    Objects.requireNonNull(source, "source");
    if (!Files.exists(source)) {
      throw new IllegalArgumentException("source is '" + source + "'; expected an existing file or directory to copy into src/");
    }
    if (source.getFileName() == null) {
      throw new IllegalArgumentException("source is '" + source + "'; expected a file or directory with a name");
    }
    this.source = source;
  }

  /**
   * Creates the directories, then each one's {@code src/}; if that fails, removes what it created.
   *
   * @return the new directories, in id order
   */
  List<Path> create(int count) {
    List<Path> dirs = SceneFiles.createSceneDirectories(parent, name, count);
    try {
      for (Path dir : dirs) {
        if (recordContext) Provenance.writeContext(dir);
        if (source != null) Provenance.copySource(source, dir);
      }
    } catch (RuntimeException e) {
      for (Path dir : dirs) SceneFiles.deleteTree(dir);
      throw e;
    }
    return dirs;
  }
}
