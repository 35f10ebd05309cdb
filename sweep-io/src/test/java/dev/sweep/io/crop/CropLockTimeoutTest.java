package dev.sweep.io.crop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sweep.farm.Crop;
import dev.sweep.farm.Submission;
import dev.sweep.io.netcdf.LockHolderChild;
import dev.sweep.io.testing.ChildProcess;
import dev.sweep.store.LockTimeoutException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** A crop given a lock timeout gives up on another process's lock of its directory, saying who waited for what. */
@Timeout(value = 4, unit = TimeUnit.MINUTES)
class CropLockTimeoutTest {
  @TempDir Path dir;

  private static ChildProcess holding(Path lockFile) throws Exception {
    return LockHolderChild.holding(lockFile);
  }

  private static void release(ChildProcess child) throws Exception {
    child.send("");
    assertTrue(child.process().waitFor(2, TimeUnit.MINUTES));
  }

  @Test
  void sowingAndReapingGiveUpAfterTheLockTimeout() throws Exception {
    Path crop = dir.resolve("crop").toAbsolutePath();
    Path lockFile = crop.resolve(".lock");
    Files.createDirectories(crop);
    try (ChildProcess child = holding(lockFile)) {
      var e = assertThrows(UncheckedIOException.class, () -> Crop.builder(Sweeps.runner("foo"), crop).batches(2)
          .lockTimeout(Duration.ofMillis(150)).sowCombos(Sweeps.combos()));
      assertTrue(e.getMessage().matches("process " + ProcessHandle.current().pid() + " waited \\d+(\\.\\d+)? s for the "
          + "lock file " + Pattern.quote(lockFile.toString()) + " to " + Pattern.quote("update the crop " + crop)
          + ", which another process holds, and gave up \\(lockTimeout PT0\\.15S\\).*"), e.getMessage());
      assertInstanceOf(LockTimeoutException.class, e.getCause());
      assertFalse(Files.exists(crop.resolve(CropDirectory.SETTINGS)), "nothing is sown while another process holds the lock");
      release(child);
    }
    Crop sown = Crop.builder(Sweeps.runner("foo"), crop).batches(2).lockTimeout(Duration.ofMillis(150))
        .sowCombos(Sweeps.combos());
    sown.growMissing();
    Crop reopened = Crop.open(crop, Duration.ofMillis(150));
    Submission job = new Submission("slurm", "42", java.util.Map.of(0, "42_0"), java.time.Instant.now());
    try (ChildProcess child = holding(lockFile)) {
      var e = assertThrows(UncheckedIOException.class, () -> reopened.record(job));
      assertInstanceOf(LockTimeoutException.class, e.getCause(), e.toString());
      release(child);
    }
    assertEquals(java.util.List.of(), reopened.submissions(), "the submission that timed out is not recorded");
    reopened.record(job); // the lock is free: the same crop goes on
    assertEquals(1, reopened.submissions().size());
    assertEquals(Sweeps.runner("foo").runCombos(Sweeps.combos()).sizes(), reopened.reap().sizes());
  }

  @Test
  void aTimeoutThatIsNotPositiveIsRefused() {
    var e = assertThrows(IllegalArgumentException.class, () -> Crop.open(dir, Duration.ZERO));
    assertTrue(e.getMessage().contains("PT0S"), e.getMessage());
    assertThrows(NullPointerException.class, () -> Crop.builder(Sweeps.runner("foo"), dir).lockTimeout(null));
  }
}
