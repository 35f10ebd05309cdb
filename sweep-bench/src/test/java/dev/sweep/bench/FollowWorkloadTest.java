package dev.sweep.bench;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FollowWorkloadTest {
  @TempDir Path dir;

  @Test
  void theFollowWorkloadsAreRegisteredAndMeasureEveryFrameOfAWriterJvm() throws Exception {
    assertTrue(Workloads.names().containsAll(List.of("follow_latency", "follow_latency_hdf5", "follow_idle_cpu")));
    List<Double> delays = FollowWorkload.netcdfDelays(8, dir);
    assertEquals(7, delays.size(), "every frame after the first, which exists before the follower starts");
    for (double d : delays) assertTrue(d >= 0 && d < 60_000, delays.toString());
  }
}
