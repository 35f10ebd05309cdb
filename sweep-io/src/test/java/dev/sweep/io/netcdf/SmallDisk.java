package dev.sweep.io.netcdf;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real, small file system for failure tests: a tmpfs of a given size mounted on a directory, or a
 * read-only one. Mounting needs root (or CAP_SYS_ADMIN); where it is not permitted, the test is
 * skipped with a message, also in CI, since the behaviour cannot be tried there.
 */
final class SmallDisk implements AutoCloseable {
  final Path dir;

  private SmallDisk(Path dir) {
    this.dir = dir;
  }

  /** Mounts a tmpfs of {@code size} (e.g. {@code "2m"}) on a new directory {@code parent/name}, or skips the test. */
  static SmallDisk mount(Path parent, String name, String size) throws IOException, InterruptedException {
    Path dir = Files.createDirectory(parent.resolve(name));
    String out = run("mount", "-t", "tmpfs", "-o", "size=" + size, "tmpfs", dir.toString());
    assumeTrue(out == null, "cannot mount a small tmpfs here (needs root or CAP_SYS_ADMIN), so the full-disk "
        + "behaviour is not tried: " + out);
    return new SmallDisk(dir);
  }

  /** Gives the file system a new size, keeping its files. */
  void resize(String size) throws IOException, InterruptedException {
    String out = run("mount", "-o", "remount,size=" + size, dir.toString());
    if (out != null) throw new IOException("cannot resize " + dir + ": " + out);
  }

  /** Makes the file system read-only. */
  void remountReadOnly() throws IOException, InterruptedException {
    String out = run("mount", "-o", "remount,ro", dir.toString());
    if (out != null) throw new IOException("cannot remount " + dir + " read-only: " + out);
  }

  /** {@return the files this process has open on the disk}, from {@code /proc/self/fd}. */
  List<String> openFilesOfThisProcess() throws IOException {
    List<String> open = new ArrayList<>();
    try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
      for (Path fd : fds.toList()) {
        try {
          String target = Files.readSymbolicLink(fd).toString();
          if (target.startsWith(dir.toString() + "/")) open.add(target);
        } catch (IOException e) {
          // closed while listing
        }
      }
    }
    return open;
  }

  /** {@return the names of the files in the disk's directory}, sorted. */
  List<String> names() throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  /** Unmounts; lazily if a file is still open on it, so that no test leaves a mount behind. */
  @Override
  public void close() throws IOException {
    try {
      if (run("umount", dir.toString()) != null) {
        String lazy = run("umount", "-l", dir.toString());
        if (lazy != null) throw new IOException("cannot unmount " + dir + ": " + lazy);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while unmounting " + dir, e);
    }
  }

  /** Runs a command; {@return null on success, else what it printed}. */
  private static String run(String... command) throws IOException, InterruptedException {
    Process p;
    try {
      p = new ProcessBuilder(command).redirectErrorStream(true).start();
    } catch (IOException e) {
      return e.toString();
    }
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
    if (!p.waitFor(60, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      return String.join(" ", command) + " did not finish";
    }
    return p.exitValue() == 0 ? null : String.join(" ", command) + " exited with " + p.exitValue() + ": " + out;
  }
}
