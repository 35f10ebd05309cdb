package dev.sweep.io.netcdf;

import static org.junit.jupiter.api.Assertions.*;

import dev.sweep.data.DType;
import dev.sweep.data.Dataset;
import dev.sweep.data.Variable;
import dev.sweep.data.Column;
import dev.sweep.io.internal.AtomicFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Replacing a file keeps the old one linked aside until a background thread frees it. */
class ReplacedFilesTest {
  @TempDir Path dir;

  List<String> hidden() throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.map(p -> p.getFileName().toString()).filter(n -> n.startsWith(".")).toList();
    }
  }

  static Dataset large() {
    Column c = Column.allocate(DType.DOUBLE, new long[] {AtomicFiles.KEEP_ASIDE_BYTES / 8 + 1000});
    for (long i = 0; i < c.length(); i++) c.setDouble(i, i);
    return Dataset.builder().variable(Variable.of("y", List.of("n"), c)).build();
  }

  @Test
  void smallFilesAreReplacedWithoutALink() throws Exception {
    Path f = dir.resolve("r.nc");
    for (int i = 0; i < 3; i++) Netcdf.write(Samples.small(), f);
    assertEquals(List.of(), hidden());
  }

  @Test
  void largeReplacedFilesLeaveNoLinksBehind() throws Exception {
    Path f = dir.resolve("r.nc");
    Dataset big = large();
    for (int i = 0; i < 3; i++) Netcdf.write(big, f);
    assertTrue(AtomicFiles.awaitReleased(Duration.ofMinutes(2)), "the background deletions finished");
    assertEquals(List.of(), hidden());
    assertEquals(big, Netcdf.read(f));
  }

  @Test
  void aProcessThatExitsRightAfterAWriteLeavesNoLink() throws Exception {
    Path f = dir.resolve("exit.nc");
    Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn", "-cp", System.getProperty("java.class.path"),
        ReplaceAndExitChild.class.getName(), f.toString()).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes());
    assertTrue(p.waitFor(2, java.util.concurrent.TimeUnit.MINUTES), "child timed out");
    assertEquals(0, p.exitValue(), out);
    assertEquals(List.of(), hidden()); // the exit waited for the background deletion
    assertEquals(large(), Netcdf.read(f));
  }

  @Test
  void linksLeftByADeadProcessAreDeletedAtTheNextWrite() throws Exception {
    Path f = dir.resolve("r.nc");
    Netcdf.write(Samples.small(), f);
    Path stale = dir.resolve(".r.nc.0123456789abcdef.old");
    Files.createLink(stale, f);
    Path other = dir.resolve(".other.nc.0123.old");
    Files.writeString(other, "not ours to delete");
    Netcdf.write(Samples.small(), f);
    assertFalse(Files.exists(stale));
    assertTrue(Files.exists(other));
  }
}
