package dev.sweep.io.netcdf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sweep.io.testing.ChildProcess;
import dev.sweep.store.RecordStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Kills a writing process (SIGKILL) right after it signalled a flushed append, so the kill lands while
 * it writes the next one, many times; after each kill the file must open with every flushed record.
 */
class RecordCrashTest {
  private static final Logger LOG = LoggerFactory.getLogger(RecordCrashTest.class);
  private static final int KILLS = 12;

  @TempDir Path dir;

  @Test
  void everyKillLeavesAFileThatOpensWithEveryFlushedRecord() throws Exception {
    Path nc = dir.resolve("crash.nc");
    SplittableRandom random = new SplittableRandom(7);
    long flushed = 0;
    int torn = 0;
    for (int kill = 0; kill < KILLS; kill++) {
      int signals = random.nextInt(1, 6);
      long signalled;
      try (ChildProcess child = ChildProcess.start(RecordWriterChild.class, nc.toString(), Long.toString(random.nextLong()))) {
        int[] seen = {0};
        String line = child.await(l -> l.startsWith(RecordWriterChild.FLUSHED) && ++seen[0] == signals, 120,
            TimeUnit.SECONDS);
        assertNotNull(line, () -> "the child did not flush " + signals + " appends within 120 s: " + child.output());
        child.kill(); // at once: the child is writing its next append
        signalled = Long.parseLong(line.substring(RecordWriterChild.FLUSHED.length()));
      }
      try (RecordStore r = NetcdfRecordStore.open(nc, RecordStore.Mode.READ_ONLY)) {
        RecordLayout l = RecordLayout.read(nc);
        if (Files.size(nc) > l.end(r.size())) torn++;
        assertTrue(r.size() >= signalled, "record " + r.size() + " < " + signalled + " flushed before the kill");
        assertTrue(r.size() > flushed, "each child appended");
        flushed = r.size();
        Chunks.check(r.read(), 0);
      }
      assertEquals(flushed, (long) Netcdf.read(nc).sizes().get("time"), "netcdf-java reads it too");
    }
    LOG.info("{} kills, {} left an unfinished append, {} records in the end", KILLS, torn, flushed);
    try (RecordStore s = NetcdfRecordStore.open(nc, RecordStore.Mode.APPEND)) {
      s.append(Chunks.records(flushed, 10));
      Chunks.check(s.read(), 0);
      assertEquals(flushed + 10, s.size());
    }
  }
}
