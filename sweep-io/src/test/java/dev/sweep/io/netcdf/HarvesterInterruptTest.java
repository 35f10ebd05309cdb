package dev.sweep.io.netcdf;

import static dev.sweep.testing.DatasetAssertions.assertIdentical;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sweep.data.Dataset;
import dev.sweep.data.Index;
import dev.sweep.farm.Harvester;
import dev.sweep.run.OnError;
import dev.sweep.run.RunOptions;
import dev.sweep.run.Runner;
import dev.sweep.run.SweepInterruptedException;
import dev.sweep.space.Combos;
import dev.sweep.space.Values;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * An interrupt of a thread harvesting into a NetCDF file under {@link OnError#CONTINUE}: the sweep
 * stops, the completed runs reach the file (whose channels an interrupt would otherwise close), and
 * the caller gets {@link SweepInterruptedException} with its interrupt status set.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class HarvesterInterruptTest {
  @TempDir Path dir;

  @Test
  void theCompletedRunsReachTheFile() throws Exception {
    for (long saveEvery : new long[] {0, 7}) {
      Path file = dir.resolve("interrupted-" + saveEvery + ".nc");
      CountDownLatch reached = new CountDownLatch(1);
      Runner r = Runner.builder(args -> {
        int p = args.getInt("p");
        if (p == 58) {
          reached.countDown();
          Thread.sleep(600_000); // until interrupted
        }
        return p * 1.5;
      }).vars("y").options(RunOptions.builder().verbosity(0).onError(OnError.CONTINUE).build()).build();
      Harvester.Builder b = Harvester.builder(r, file);
      if (saveEvery > 0) b.saveEvery(saveEvery);
      Harvester h = b.build();
      CompletableFuture<Throwable> thrown = new CompletableFuture<>();
      boolean[] flag = new boolean[1];
      Thread t = new Thread(() -> {
        try {
          h.harvestCombos(Combos.builder().add("p", Values.range(0, 400)).build());
          thrown.complete(null);
        } catch (Throwable e) {
          flag[0] = Thread.currentThread().isInterrupted();
          thrown.complete(e);
        }
      });
      t.start();
      assertTrue(reached.await(1, TimeUnit.MINUTES));
      t.interrupt();
      Throwable e = thrown.get(1, TimeUnit.MINUTES);
      assertTrue(e instanceof SweepInterruptedException, String.valueOf(e));
      assertTrue(flag[0]);
      assertEquals("the harvest into " + file + " was interrupted after 58 of 400 runs; the completed runs are saved, "
          + "the others are missing", e.getMessage());
      Dataset stored = Netcdf.read(file);
      assertEquals(Index.ofInts(Values.range(0, 58)), stored.coord("p"));
      for (int p = 0; p < 58; p++) assertEquals(p * 1.5, stored.doubleValue("y", java.util.Map.of("p", p)));
      assertIdentical(stored, h.fullDataset());
    }
  }
}
