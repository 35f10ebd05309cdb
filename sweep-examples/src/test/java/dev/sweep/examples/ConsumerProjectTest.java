package dev.sweep.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;

/**
 * Builds and tests {@code examples/consumer}, a project of its own that depends on the installed sweep
 * artifacts as a user's project does, and checks that its runtime classpath holds the library versions
 * this build tests with: the parent's dependencyManagement does not reach a user's project, so a pin
 * that is not also a declared dependency shows up here as a different version.
 *
 * <p>It needs the artifacts of this build installed in the local repository ({@code mvn -B -q install
 * -DskipTests}, which {@code .ci/run} does first). When they are missing or older than this build, the
 * test fails on CI (environment {@code CI=true}) and is skipped elsewhere.
 */
class ConsumerProjectTest {
  private static final long TIMEOUT_MINUTES = 15;
  private static final List<String> INSTALLED_MODULES = List.of("sweep-core", "sweep-io", "sweep-plot");

  private final Path root = Path.of("").toAbsolutePath().getParent();
  private final Path consumer = root.resolve("examples/consumer");
  private final String version = System.getProperty("sweep.version");
  private final Path repository = Path.of(System.getProperty("sweep.localRepository",
      Path.of(System.getProperty("user.home"), ".m2", "repository").toString())).toAbsolutePath().normalize();

  @Test
  void userProjectBuildsAndTestsAgainstTheInstalledArtifacts() throws Exception {
    assertEquals(version, defaultVersionIn(consumer.resolve("pom.xml")),
        "examples/consumer/pom.xml's sweep.version (also in the README's pom.xml lines) should be this build's version");
    staleInstall().ifPresent(ConsumerProjectTest::unavailable);
    Path mvn = onPath("mvn");
    if (mvn == null) unavailable("mvn is not on the PATH");

    Path log = Files.createTempFile("consumer", ".log");
    try {
      List<String> cmd = List.of(mvn.toString(), "-B", "-f", consumer.resolve("pom.xml").toString(),
          "-Dmaven.repo.local=" + repository, "-Dsweep.version=" + version, "verify");
      ProcessBuilder pb = new ProcessBuilder(cmd).directory(root.toFile()).redirectErrorStream(true)
          .redirectOutput(log.toFile());
      pb.environment().remove("MAVEN_BASEDIR");
      Process p = pb.start();
      if (!p.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
        p.destroyForcibly();
        fail(String.join(" ", cmd) + " did not finish in " + TIMEOUT_MINUTES + " minutes\n" + tail(log));
      }
      assertEquals(0, p.exitValue(), () -> String.join(" ", cmd) + " failed:\n" + tail(log));
      String out = Files.readString(log);
      assertTrue(out.contains("Tests run: 3, Failures: 0, Errors: 0"), () -> "the consumer's tests did not all run:\n" + tail(log));
    } finally {
      Files.deleteIfExists(log);
    }
    assertSameLibraries(consumer.resolve("target/runtime-classpath.txt"));
  }

  /**
   * Every library on the consumer's runtime classpath is on this test's classpath at the same version
   * (sweep-examples depends on every other module, so its classpath holds all of theirs).
   */
  private void assertSameLibraries(Path consumerClasspath) throws IOException {
    Map<String, String> ours = libraries(System.getProperty("java.class.path"));
    Map<String, String> theirs = libraries(Files.readString(consumerClasspath).trim());
    assertTrue(theirs.containsKey("org.slf4j:slf4j-api"), "unexpected classpath: " + theirs);
    List<String> differences = new ArrayList<>();
    theirs.forEach((library, v) -> {
      if (library.startsWith("dev.sweep:")) return;
      String mine = ours.get(library);
      if (mine == null) differences.add(library + ":" + v + " is not on the sweep build's classpath");
      else if (!mine.equals(v)) differences.add(library + " is " + v + " for a user but " + mine + " in the sweep build");
    });
    assertEquals(List.of(), differences, "a user's project resolves other libraries than the sweep build tests with");
  }

  /** {@code group:artifact[:classifier]} to version, for the jars of a classpath that lie in the local repository. */
  private Map<String, String> libraries(String classpath) {
    Map<String, String> libraries = new TreeMap<>();
    for (String entry : classpath.split(Pattern.quote(File.pathSeparator))) {
      Path jar = Path.of(entry).toAbsolutePath().normalize();
      if (!jar.startsWith(repository) || !jar.toString().endsWith(".jar")) continue;
      Path rel = repository.relativize(jar);
      int n = rel.getNameCount();
      if (n < 4) continue;
      String artifact = rel.getName(n - 3).toString();
      String v = rel.getName(n - 2).toString();
      String group = rel.subpath(0, n - 3).toString().replace(File.separatorChar, '.');
      String file = rel.getFileName().toString();
      String prefix = artifact + "-" + v;
      String classifier = file.startsWith(prefix + "-") ? ":" + file.substring(prefix.length() + 1, file.length() - 4) : "";
      libraries.put(group + ":" + artifact + classifier, v);
    }
    return libraries;
  }

  /** {@return why the installed artifacts cannot stand for this build, if they cannot}. */
  private Optional<String> staleInstall() throws IOException {
    Path installed = repository.resolve("dev/sweep");
    if (!sameBytes(root.resolve("pom.xml"), installed.resolve("sweep-parent/" + version + "/sweep-parent-" + version + ".pom"))) {
      return Optional.of("sweep-parent " + version + " is not installed in " + repository + ", or its pom differs from pom.xml");
    }
    for (String module : INSTALLED_MODULES) {
      Path dir = installed.resolve(module + "/" + version);
      if (!sameBytes(root.resolve(module + "/pom.xml"), dir.resolve(module + "-" + version + ".pom"))) {
        return Optional.of(module + " " + version + " is not installed in " + repository + ", or its pom differs from " + module + "/pom.xml");
      }
      Optional<String> difference = jarDifference(dir.resolve(module + "-" + version + ".jar"), root.resolve(module + "/target/classes"));
      if (difference.isPresent()) return Optional.of("the installed " + module + " jar is not this build's: " + difference.get());
    }
    return Optional.empty();
  }

  /** {@return the first difference between a jar's files and a classes directory, if any}. */
  private static Optional<String> jarDifference(Path jar, Path classes) throws IOException {
    if (!Files.isRegularFile(jar)) return Optional.of(jar + " is missing");
    if (!Files.isDirectory(classes)) return Optional.of(classes + " is not built");
    TreeSet<String> built = new TreeSet<>();
    try (Stream<Path> files = Files.walk(classes)) {
      files.filter(Files::isRegularFile).forEach(f -> built.add(classes.relativize(f).toString().replace(File.separatorChar, '/')));
    }
    try (ZipFile zip = new ZipFile(jar.toFile())) {
      for (ZipEntry e : java.util.Collections.list(zip.entries())) {
        String name = e.getName();
        if (e.isDirectory() || name.equals("META-INF/MANIFEST.MF") || name.startsWith("META-INF/maven/")) continue;
        if (!built.remove(name)) return Optional.of(name + " is not in " + classes);
        try (InputStream in = zip.getInputStream(e)) {
          if (!Arrays.equals(in.readAllBytes(), Files.readAllBytes(classes.resolve(name)))) {
            return Optional.of(name + " differs from " + classes);
          }
        }
      }
    }
    return built.isEmpty() ? Optional.empty() : Optional.of(built.first() + " is not in " + jar);
  }

  private static boolean sameBytes(Path a, Path b) throws IOException {
    return Files.isRegularFile(b) && Arrays.equals(Files.readAllBytes(a), Files.readAllBytes(b));
  }

  private static String defaultVersionIn(Path pom) throws IOException {
    Matcher m = Pattern.compile("<sweep\\.version>([^<]+)</sweep\\.version>").matcher(Files.readString(pom));
    return m.find() ? m.group(1) : null;
  }

  private static void unavailable(String why) {
    String what = why + "; install this build with `mvn -B -q install -DskipTests` to check examples/consumer";
    if ("true".equalsIgnoreCase(System.getenv("CI"))) fail(what + " (CI must run this test: .ci/run installs first)");
    assumeTrue(false, what + "; skipping");
  }

  private static Path onPath(String program) {
    String path = System.getenv("PATH");
    if (path == null) return null;
    for (String d : path.split(File.pathSeparator)) {
      Path p = Path.of(d, program);
      if (Files.isExecutable(p)) return p;
    }
    return null;
  }

  private static String tail(Path log) {
    try {
      List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 80), lines.size()));
    } catch (IOException e) {
      return "(cannot read " + log + ": " + e.getMessage() + ")";
    }
  }
}
