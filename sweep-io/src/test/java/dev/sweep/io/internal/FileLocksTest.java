package dev.sweep.io.internal;

import static org.junit.jupiter.api.Assertions.*;

import dev.sweep.store.LockWait;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileLocksTest {
  @TempDir Path dir;

  @Test
  void runsTheActionUnderTheLockFileNextToTheFile() {
    Path file = dir.resolve("r.csv");
    FileLocks lock = FileLocks.of(file, LockWait.atMost(Duration.ofSeconds(30)), "append to");
    assertEquals(dir.resolve("r.csv.lock"), lock.lockFile());
    assertEquals("ran", lock.run(() -> {
      assertTrue(Files.exists(lock.lockFile()), "the lock file exists while the lock is held");
      return "ran";
    }));
    assertEquals("again", lock.run(() -> "again"), "the lock is free again");
  }

  @Test
  void aMissingDirectoryIsNamedInTheError() {
    Path file = dir.resolve("no-such-dir").resolve("r.csv");
    var e = assertThrows(java.io.UncheckedIOException.class, () -> FileLocks.of(file).run(() -> null));
    assertEquals("cannot find the directory of " + file, e.getMessage());
  }

  @Test
  void rejectsABlankDoing() {
    var e = assertThrows(IllegalArgumentException.class,
        () -> FileLocks.of(dir.resolve("r.csv"), LockWait.forever(), " "));
    assertEquals("doing is blank; expected what the lock's holder does, e.g. \"write\"", e.getMessage());
    assertThrows(NullPointerException.class, () -> FileLocks.of(dir.resolve("r.csv"), null, "write"));
  }
}
