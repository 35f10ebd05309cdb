package dev.sweep.io.netcdf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sweep.io.internal.AtomicWriteChild;
import dev.sweep.io.testing.ChildProcess;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a writer killed in the middle of replacing a NetCDF file leaves is deleted by the next write. */
class LeftoverFilesTest {
  @TempDir Path dir;

  private List<String> names() throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  @Test
  void netcdfWriteDeletesTheTemporaryOfAKilledWriterAndKeepsALiveOne() throws Exception {
    Path file = dir.resolve("results.nc");
    Netcdf.write(Samples.small(), file);
    try (ChildProcess killed = ChildProcess.start(AtomicWriteChild.class, "hold", file.toString(), "never");
        ChildProcess live = ChildProcess.start(AtomicWriteChild.class, "hold", file.toString(), "from the live writer")) {
      Path dead = Path.of(killed.expect("writing ").substring("writing ".length()));
      Path alive = Path.of(live.expect("writing ").substring("writing ".length()));
      killed.kill();
      assertEquals(5, names().size(), names().toString());

      Netcdf.write(Samples.small().toBuilder().attr("title", "after the kill").build(), file);
      assertTrue(Files.notExists(dead), "the killed writer's temporary is deleted");
      assertTrue(Files.notExists(dir.resolve(dead.getFileName().toString().replace(".tmp", ".lock"))));
      assertTrue(Files.exists(alive), "the live writer's temporary is kept");
      assertEquals("after the kill", Netcdf.read(file).attrs().get("title"));
      live.send("go on");
      live.expect("done");
      assertEquals(0, live.exitCode());
    }
    assertEquals(List.of("results.nc"), names());
    assertEquals("from the live writer", Files.readString(file));
  }
}
