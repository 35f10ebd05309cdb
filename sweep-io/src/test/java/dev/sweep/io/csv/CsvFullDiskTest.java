package dev.sweep.io.csv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Appends on a real, small, full file system (a 64 KiB tmpfs, which needs root): a failed append must
 * leave the file as it was, so that a retry and a new session see exactly the rows of the appends that
 * returned.
 */
class CsvFullDiskTest {
  @TempDir Path dir;
  private Path disk;

  @BeforeEach
  void mountASmallTmpfs() throws Exception {
    disk = dir.resolve("disk");
    Files.createDirectories(disk);
    String why = run("mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", disk.toString());
    if (why != null) {
      disk = null;
      String msg = "cannot mount a small tmpfs to fill (" + why + "); this test needs root";
      if ("true".equalsIgnoreCase(System.getenv("CI"))) fail(msg);
      Assumptions.abort(msg);
    }
  }

  @AfterEach
  void unmount() throws Exception {
    if (disk != null) {
      String why = run("umount", disk.toString());
      if (why != null) fail("cannot unmount " + disk + ": " + why);
    }
  }

  /** Runs a command; null if it succeeded, else what it said. */
  private static String run(String... cmd) throws IOException, InterruptedException {
    Process p;
    try {
      p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    } catch (IOException e) {
      return e.toString();
    }
    p.getOutputStream().close();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
    if (!p.waitFor(60, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      return "timed out";
    }
    return p.exitValue() == 0 ? null : "exit " + p.exitValue() + ": " + out;
  }

  @Test
  void aFailedAppendCutsTheFileBackSoARetryAndANewSessionSeeExactlyTheRowsOfSuccessfulAppends() throws Exception {
    Path csv = disk.resolve("full.csv");
    CsvStore store = CsvStore.open(csv);
    store.append(ConcurrentAppendChild.batch(0, 0, 10));
    byte[] before = Files.readAllBytes(csv);

    UncheckedIOException e = assertThrows(UncheckedIOException.class,
        () -> store.append(ConcurrentAppendChild.batch(0, 1, 20_000))); // about 700 KB: more than the disk
    assertTrue(e.getMessage().startsWith("cannot append 20000 records to " + csv), e.getMessage());
    assertTrue(e.getMessage().endsWith("; the file was cut back to its 10 records"), e.getMessage());
    assertEquals(List.of(before.length), List.of(Files.readAllBytes(csv).length), "the file holds what it held");
    assertEquals(10, store.size());

    store.append(ConcurrentAppendChild.batch(0, 1, 10)); // the retry, smaller, fits
    assertEquals(20, store.size());
    CsvConcurrencyTest.assertEveryRowOnce(csv, 1, 20);
    CsvStore next = CsvStore.open(csv); // the next session
    assertEquals(20, next.size());
    assertTrue(Files.readString(csv).endsWith("\n"));
  }
}
