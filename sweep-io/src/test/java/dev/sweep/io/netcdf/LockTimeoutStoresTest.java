package dev.sweep.io.netcdf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sweep.data.Dataset;
import dev.sweep.farm.Sampler;
import dev.sweep.io.csv.Trig;
import dev.sweep.io.internal.FileLocks;
import dev.sweep.io.testing.ChildProcess;
import dev.sweep.run.RunFunction;
import dev.sweep.run.RunOptions;
import dev.sweep.run.Runner;
import dev.sweep.store.LockTimeoutException;
import dev.sweep.store.LockWait;
import dev.sweep.store.RecordStore;
import dev.sweep.store.Stores;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Record stores and the Sampler give up on another process's lock after their timeout, saying who waited for what. */
@Timeout(value = 4, unit = TimeUnit.MINUTES)
class LockTimeoutStoresTest {
  @TempDir Path dir;

  private static String expected(Path lockFile, String purpose, String timeout) {
    return "process " + ProcessHandle.current().pid() + " waited \\d+(\\.\\d+)? s for the lock file "
        + Pattern.quote(lockFile.toString()) + " to " + Pattern.quote(purpose)
        + ", which another process holds, and gave up \\(lockTimeout " + Pattern.quote(timeout) + "\\); find that "
        + "process \\(e\\.g\\. lsof " + Pattern.quote(lockFile.toString()) + "\\), or allow a longer lockTimeout";
  }

  private static ChildProcess holding(Path lockFile) throws Exception {
    return LockHolderChild.holding(lockFile);
  }

  @Test
  void aSamplerAppendingToACsvFileGivesUpAfterItsLockTimeout() throws Exception {
    Path csv = dir.resolve("trig.csv").toAbsolutePath();
    Sampler s = Sampler.builder(Runner.builder(RunFunction.of(Trig.class, "trig")).vars("out")
        .options(RunOptions.builder().verbosity(0).build()).build(), Trig.defaults())
        .file(csv).seed(3).lockTimeout(Duration.ofMillis(200)).build();
    try (ChildProcess child = holding(dir.resolve("trig.csv.lock").toAbsolutePath())) {
      var e = assertThrows(UncheckedIOException.class, () -> s.sampleCombos(4));
      assertTrue(e.getMessage().matches(expected(dir.resolve("trig.csv.lock").toAbsolutePath(), "append to " + csv,
          "PT0.2S")), e.getMessage());
      assertInstanceOf(LockTimeoutException.class, e.getCause());
      child.send("");
      assertTrue(child.process().waitFor(2, TimeUnit.MINUTES));
    }
    Dataset got = s.sampleCombos(4); // the lock is free: the same sampler goes on
    assertEquals(4, got.sizes().get(Sampler.DIM));
  }

  @Test
  void aNetcdfRecordStoreAndFileLocksGiveUpAfterTheirTimeout() throws Exception {
    Path nc = dir.resolve("records.nc").toAbsolutePath();
    Path lockFile = dir.resolve("records.nc.lock").toAbsolutePath();
    try (ChildProcess child = holding(lockFile)) {
      var e = assertThrows(UncheckedIOException.class,
          () -> FileLocks.of(nc, LockWait.atMost(Duration.ofMillis(150))).run(() -> null));
      assertTrue(e.getMessage().matches(expected(lockFile, "write " + nc, "PT0.15S")), e.getMessage());
      RecordStore records = Stores.records(nc, RecordStore.Mode.APPEND,
          LockWait.atMost(Duration.ofMillis(150)));
      Dataset row = Dataset.builder().dim("t", 1).variable(dev.sweep.data.Variable.of("x", java.util.List.of("t"),
          org.nd4j.linalg.factory.Nd4j.createFromArray(1.0))).build();
      var e2 = assertThrows(UncheckedIOException.class, () -> records.append(row));
      assertTrue(e2.getMessage().matches(expected(lockFile, "write " + nc, "PT0.15S")), e2.getMessage());
      records.close();
    }
  }
}
