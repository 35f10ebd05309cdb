package dev.sweep.spark;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.spark.launcher.JavaModuleOptions;

/**
 * A real Spark standalone cluster on loopback: a Master and a Worker, each its own JVM started from
 * Spark's jars alone (laid out as a Spark distribution: {@code jars/} and {@code RELEASE}), stopped by
 * their process ids. Each start waits, bounded, for the line the daemon logs when it is ready. Logs
 * and the Worker's directory (where executors run) go to the given directory.
 *
 * <p>Spark's jars are the build's provided class path ({@code target/spark-jars.txt}) plus slf4j-api,
 * the one artifact Spark shares with sweep-core (so Maven lists it among sweep's). The jars an
 * application ships to the executors are sweep's runtime class path ({@code target/sweep-jars.txt}),
 * sweep-spark's classes and the test classes, each directory packed into a jar.
 */
final class StandaloneCluster implements AutoCloseable {
  private static final Pattern MASTER_URL = Pattern.compile("Starting Spark master at (spark://[^\\s]+)");

  private final Path dir;
  private final List<Process> daemons = new ArrayList<>();
  private String masterUrl;

  private StandaloneCluster(Path dir) {
    this.dir = dir;
  }

  /**
   * Starts a Master and a Worker with the given cores, in a fresh Spark home under {@code dir}.
   *
   * @throws IllegalStateException with the daemon's log if one does not become ready within the timeout
   */
  static StandaloneCluster start(Path dir, int cores, Duration timeout) throws IOException, InterruptedException {
    StandaloneCluster c = new StandaloneCluster(dir);
    try {
      Path home = sparkHome();
      Process master = c.launch("master", home, "org.apache.spark.deploy.master.Master", "--host", "127.0.0.1",
          "--port", "0", "--webui-port", "0");
      String log = c.await("master", master, "I have been elected leader! New state: ALIVE", timeout);
      Matcher m = MASTER_URL.matcher(log);
      if (!m.find()) throw new IllegalStateException("the master did not say its URL:\n" + log);
      c.masterUrl = m.group(1);
      Path work = Files.createDirectories(dir.resolve("work"));
      Process worker = c.launch("worker", home, "org.apache.spark.deploy.worker.Worker", "--host", "127.0.0.1",
          "--port", "0", "--webui-port", "0", "--cores", String.valueOf(cores), "--memory", "2g", "--work-dir",
          work.toString(), c.masterUrl);
      c.await("worker", worker, "Successfully registered with master " + c.masterUrl, timeout);
      return c;
    } catch (IOException | InterruptedException | RuntimeException e) {
      c.close();
      throw e;
    }
  }

  /** {@return the master's URL, {@code spark://127.0.0.1:<port>}} */
  String masterUrl() {
    return masterUrl;
  }

  /**
   * A Spark distribution's layout over the build's Spark jars (symbolic links), kept in {@code target/}
   * for the next run (a temporary directory's clean-up would warn about every link).
   */
  private static Path sparkHome() throws IOException {
    Path home = Files.createDirectories(Path.of("target", "spark-home").toAbsolutePath());
    Path jars = Files.createDirectories(home.resolve("jars"));
    List<String> entries = new ArrayList<>(classPath("spark-jars.txt"));
    for (String e : classPath("sweep-jars.txt")) if (Path.of(e).getFileName().toString().startsWith("slf4j-api-")) entries.add(e);
    for (String e : entries) {
      Path jar = Path.of(e);
      Path link = jars.resolve(jar.getFileName());
      if (!Files.exists(link, java.nio.file.LinkOption.NOFOLLOW_LINKS)) Files.createSymbolicLink(link, jar.toAbsolutePath());
    }
    // Spark's launcher finds jars/ beside a RELEASE file, as in a downloaded distribution.
    Files.writeString(home.resolve("RELEASE"), "Spark 4.2.0 (the build's jars)\n");
    return home;
  }

  private static List<String> classPath(String file) throws IOException {
    Path p = Path.of("target", file);
    if (!Files.exists(p)) throw new IllegalStateException(p.toAbsolutePath() + " is missing; run the tests through Maven");
    String text = Files.readString(p).trim();
    return text.isEmpty() ? List.of() : Arrays.asList(text.split(java.io.File.pathSeparator));
  }

  private Process launch(String name, Path home, String mainClass, String... args) throws IOException {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.add("-Xmx256m");
    cmd.addAll(Arrays.asList(JavaModuleOptions.defaultModuleOptionArray()));
    cmd.add("-Dspark.master.rest.enabled=false"); // its fixed port 6066 would clash with another cluster
    cmd.add("-cp");
    cmd.add(home.resolve("jars") + "/*");
    cmd.add(mainClass);
    cmd.addAll(Arrays.asList(args));
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true)
        .redirectOutput(dir.resolve(name + ".log").toFile());
    pb.environment().put("SPARK_HOME", home.toString());
    pb.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
    pb.environment().put("SPARK_SCALA_VERSION", "2.13");
    Process p = pb.start();
    daemons.add(p);
    return p;
  }

  /**
   * Waits until the daemon's log holds the line, it exits, or the timeout passes; returns the log. The
   * log is read again whenever the file system says it changed (and at least every second, to notice
   * an exit).
   */
  private String await(String name, Process p, String line, Duration timeout) throws IOException, InterruptedException {
    Path log = dir.resolve(name + ".log");
    long deadline = System.nanoTime() + timeout.toNanos();
    try (WatchService watch = dir.getFileSystem().newWatchService()) {
      dir.register(watch, StandardWatchEventKinds.ENTRY_MODIFY, StandardWatchEventKinds.ENTRY_CREATE);
      while (true) {
        String text = Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
        if (text.contains(line)) return text;
        if (!p.isAlive()) throw new IllegalStateException("the Spark " + name + " exited with " + p.exitValue() + ":\n" + text);
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          throw new IllegalStateException("the Spark " + name + " did not log \"" + line + "\" within " + timeout + ":\n" + text);
        }
        WatchKey key = watch.poll(Math.min(1000, left / 1_000_000 + 1), TimeUnit.MILLISECONDS);
        if (key != null) {
          key.pollEvents();
          key.reset();
        }
      }
    }
  }

  /**
   * Runs {@code spark-submit} (its main class, {@code SparkSubmit}, on Spark's jars, as
   * {@code bin/spark-submit} does) with these arguments, waiting at most the timeout.
   *
   * @return the exit code and the output, stdout and stderr together
   */
  Submitted submit(Duration timeout, String... args) throws IOException, InterruptedException {
    Path home = sparkHome();
    Path out = dir.resolve("submit.log");
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.add("-Xmx512m");
    cmd.addAll(Arrays.asList(JavaModuleOptions.defaultModuleOptionArray()));
    cmd.add("-cp");
    cmd.add(home.resolve("jars") + "/*");
    cmd.add("org.apache.spark.deploy.SparkSubmit");
    cmd.addAll(Arrays.asList(args));
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(out.toFile());
    pb.environment().put("SPARK_HOME", home.toString());
    pb.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
    pb.environment().put("SPARK_SCALA_VERSION", "2.13");
    Process p = pb.start();
    daemons.add(p);
    try {
      if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        throw new IllegalStateException("spark-submit did not finish within " + timeout + ":\n" + Files.readString(out));
      }
      return new Submitted(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8));
    } finally {
      daemons.remove(p);
      p.destroyForcibly();
    }
  }

  /** What a submitted application did: its exit code and its output. */
  record Submitted(int exitCode, String output) {}

  /** Jars for the executors: every entry of sweep's class path, directories packed into jars. */
  static List<String> applicationJars(Path out, Predicate<String> shipClass) throws IOException {
    Files.createDirectories(out);
    List<String> jars = new ArrayList<>();
    for (String e : classPath("sweep-jars.txt")) jars.add(jarOf(Path.of(e), out, c -> true));
    jars.add(jarOf(Path.of("target", "classes"), out, c -> true));
    jars.add(jarOf(Path.of("target", "test-classes"), out, shipClass));
    return jars;
  }

  private static String jarOf(Path entry, Path out, Predicate<String> shipClass) throws IOException {
    if (!Files.isDirectory(entry)) return entry.toAbsolutePath().toString();
    // sweep-core/target/classes -> sweep-core-classes.jar
    Path module = entry.toAbsolutePath().getParent().getParent();
    Path jar = out.resolve(module.getFileName() + "-" + entry.getFileName() + ".jar");
    try (OutputStream file = Files.newOutputStream(jar); JarOutputStream j = new JarOutputStream(file);
        Stream<Path> files = Files.walk(entry)) {
      for (Path f : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
        String name = entry.relativize(f).toString().replace(java.io.File.separatorChar, '/');
        if (name.endsWith(".class") && !shipClass.test(name)) continue;
        j.putNextEntry(new JarEntry(name));
        Files.copy(f, j);
        j.closeEntry();
      }
    }
    return jar.toString();
  }

  /** Stops the Worker (and the executors it started), then the Master, by process id. */
  @Override
  public void close() {
    for (int i = daemons.size() - 1; i >= 0; i--) {
      Process p = daemons.get(i);
      List<ProcessHandle> children = p.descendants().toList();
      p.destroy();
      try {
        if (!p.waitFor(30, TimeUnit.SECONDS)) {
          p.destroyForcibly();
          p.waitFor(10, TimeUnit.SECONDS);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      for (ProcessHandle c : children) c.destroyForcibly();
    }
    daemons.clear();
  }

  /** {@return the tail of the daemons' logs, for a failure message} */
  String logs() {
    StringBuilder sb = new StringBuilder();
    for (String name : List.of("master", "worker")) {
      Path log = dir.resolve(name + ".log");
      try {
        if (Files.exists(log)) {
          List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
          sb.append("--- ").append(name).append(".log\n");
          lines.subList(Math.max(0, lines.size() - 40), lines.size()).forEach(l -> sb.append(l).append('\n'));
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return sb.toString();
  }
}
