package dev.sweep.io.scene;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.regex.Pattern;

/**
 * What produced a scene, in place of PhiFlow's copy of the calling Python script: {@code src/context.json}
 * with the Java command line, the main class, the class path, the Java version, sweep's version and
 * the git commit of the working directory (read from {@code .git} directly, no {@code git} process),
 * computed once per JVM; and an optional source file or directory copied into {@code src/}.
 */
final class Provenance {
  static final String SRC = "src";
  static final String CONTEXT = "context.json";
  private static final Pattern SHA = Pattern.compile("[0-9a-f]{40}([0-9a-f]{24})?");

  private static volatile byte[] context;

  private Provenance() {}

  /** {@return the JSON text of this JVM's context, the same for every scene it creates} */
  static byte[] contextJson() {
    byte[] c = context;
    if (c == null) {
      c = PythonJson.write(context(Path.of(System.getProperty("user.dir")))).getBytes(StandardCharsets.UTF_8);
      context = c;
    }
    return c;
  }

  /** {@return the context as a JSON tree, with the git commit of {@code workingDir} if it is in a repository} */
  static Map<String, Object> context(Path workingDir) {
    Map<String, Object> m = new LinkedHashMap<>();
    String command = System.getProperty("sun.java.command", "");
    m.put("java_command", command);
    ProcessHandle.current().info().commandLine().ifPresent(line -> m.put("command_line", line));
    String main = command.isBlank() ? "" : command.split(" ", 2)[0];
    m.put("main_class", main);
    String[] words = command.isBlank() ? new String[0] : command.split(" ");
    m.put("argv", words.length <= 1 ? List.of() : List.of(words).subList(1, words.length)); // split at spaces: as precise as the JVM keeps it
    String cp = System.getProperty("java.class.path", "");
    m.put("classpath", cp.isEmpty() ? List.of() : Arrays.asList(cp.split(java.io.File.pathSeparator)));
    m.put("java_version", System.getProperty("java.version"));
    m.put("java_vendor", System.getProperty("java.vendor"));
    m.put("sweep_version", sweepVersion());
    m.put("working_directory", workingDir.toAbsolutePath().toString());
    gitCommit(workingDir).ifPresent(sha -> m.put("git_commit", sha));
    return m;
  }

  /** {@return sweep's version, from the build} */
  static String sweepVersion() {
    try (InputStream in = Provenance.class.getResourceAsStream("version.properties")) {
      if (in == null) return "unknown";
      Properties p = new Properties();
      p.load(in);
      return p.getProperty("version", "unknown");
    } catch (IOException e) {
      return "unknown";
    }
  }

  /**
   * {@return the commit checked out in the git repository (or worktree) holding a directory, if any}
   * Reads {@code .git/HEAD}, the ref it names (loose or packed), and follows a worktree's {@code .git}
   * file to its git directory; unreadable or unusual layouts give nothing rather than a failure.
   */
  static Optional<String> gitCommit(Path dir) {
    try {
      for (Path d = dir.toAbsolutePath().normalize(); d != null; d = d.getParent()) {
        Path dotGit = d.resolve(".git");
        if (Files.isDirectory(dotGit)) return head(dotGit, dotGit);
        if (Files.isRegularFile(dotGit)) {
          String s = Files.readString(dotGit, StandardCharsets.UTF_8).trim();
          if (!s.startsWith("gitdir:")) return Optional.empty();
          Path gitDir = d.resolve(s.substring("gitdir:".length()).trim()).normalize();
          Path common = gitDir;
          Path commondir = gitDir.resolve("commondir");
          if (Files.isRegularFile(commondir)) {
            common = gitDir.resolve(Files.readString(commondir, StandardCharsets.UTF_8).trim()).normalize();
          }
          return head(gitDir, common);
        }
      }
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
    return Optional.empty();
  }

  private static Optional<String> head(Path gitDir, Path commonDir) throws IOException {
    Path headFile = gitDir.resolve("HEAD");
    if (!Files.isRegularFile(headFile)) return Optional.empty();
    String head = Files.readString(headFile, StandardCharsets.UTF_8).trim();
    if (!head.startsWith("ref:")) return SHA.matcher(head).matches() ? Optional.of(head) : Optional.empty();
    String ref = head.substring("ref:".length()).trim();
    for (Path base : List.of(gitDir, commonDir)) {
      Path loose = base.resolve(ref);
      if (Files.isRegularFile(loose)) {
        String sha = Files.readString(loose, StandardCharsets.UTF_8).trim();
        return SHA.matcher(sha).matches() ? Optional.of(sha) : Optional.empty();
      }
    }
    Path packed = commonDir.resolve("packed-refs");
    if (Files.isRegularFile(packed)) {
      for (String line : Files.readAllLines(packed, StandardCharsets.UTF_8)) {
        String[] parts = line.split(" ");
        if (parts.length == 2 && parts[1].equals(ref) && SHA.matcher(parts[0]).matches()) return Optional.of(parts[0]);
      }
    }
    return Optional.empty(); // a branch without commits
  }

  /** Writes {@code src/context.json} into a new scene directory. */
  static void writeContext(Path sceneDir) {
    Path src = sceneDir.resolve(SRC);
    try {
      Files.createDirectories(src);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create " + src + ": " + e, e);
    }
    // not fsynced: provenance can be recorded again, and two fsyncs would be most of the cost of a new scene
    SceneFiles.writeAtomically(src.resolve(CONTEXT), contextJson(), false);
  }

  /** Copies a source file or directory into {@code src/} of a new scene directory. */
  static void copySource(Path source, Path sceneDir) {
    Path src = sceneDir.resolve(SRC);
    try {
      Files.createDirectories(src);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create " + src + ": " + e, e);
    }
    SceneFiles.copyTree(source, src.resolve(source.getFileName().toString()));
  }

  /** {@return the JSON tree of a scene's {@code src/context.json}, if it has one that parses} */
  static Optional<Map<String, Object>> read(Path sceneDir) {
    Path file = sceneDir.resolve(SRC).resolve(CONTEXT);
    if (!Files.isRegularFile(file)) return Optional.empty();
    try {
      Object tree = PythonJson.parse(Files.readString(file, StandardCharsets.UTF_8));
      if (!(tree instanceof Map<?, ?>)) return Optional.empty();
      @SuppressWarnings("unchecked")
      Map<String, Object> m = (Map<String, Object>) tree;
      return Optional.of(m);
    } catch (IOException | IllegalArgumentException e) {
      throw new dev.sweep.store.StoreFormatException(file, "cannot read the scene's context: " + e.getMessage(), e);
    }
  }
}
