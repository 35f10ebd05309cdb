package dev.sweep.io.netcdf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sweep.data.Dataset;
import dev.sweep.data.Index;
import dev.sweep.data.Variable;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A reader never sees a file that another thread is replacing as damaged: it reads one version of
 * the file, through one open file, whichever version the path named when it was opened.
 */
class ReadWhileReplacedTest {
  private static final int READS = 1500;
  @TempDir Path dir;

  /** Datasets of different sizes, so that a header of one and the length of the other disagree. */
  private static Dataset version(int n, NetcdfFormat format) {
    double[] v = new double[n];
    for (int i = 0; i < n; i++) v[i] = i * 0.5 + n;
    return Dataset.builder()
        .coord("i", Index.range(n))
        .variable(Variable.of("v", List.of("i"), Nd4j.create(v, new long[] {n}, DataType.DOUBLE)))
        .attr("n", n)
        .build();
  }

  private void readWhileAnotherThreadReplaces(NetcdfFormat format) throws Exception {
    if (format == NetcdfFormat.NETCDF4) ExternalTools.requireNetcdf4();
    Path file = dir.resolve("shared.nc");
    List<Dataset> versions = List.of(version(10, format), version(3000, format), version(200, format));
    Netcdf.write(versions.get(0), file, format);
    AtomicBoolean done = new AtomicBoolean();
    AtomicReference<Throwable> writerFailure = new AtomicReference<>();
    AtomicInteger writes = new AtomicInteger();
    Thread writer = new Thread(() -> {
      try {
        for (int k = 1; !done.get(); k++) {
          Netcdf.write(versions.get(k % versions.size()), file, format);
          writes.incrementAndGet();
        }
      } catch (Throwable t) {
        writerFailure.set(t);
      }
    }, "replacer");
    writer.start();
    List<String> failures = new ArrayList<>();
    try {
      for (int i = 0; i < READS; i++) {
        try {
          Dataset read = Netcdf.read(file);
          int n = read.sizes().get("i");
          assertTrue(versions.stream().anyMatch(v -> v.equals(read)), "read " + i + " is one of the versions (n=" + n + ")");
        } catch (RuntimeException e) {
          failures.add("read " + i + ": " + e);
        }
      }
    } finally {
      done.set(true);
      writer.join(120_000);
    }
    assertEquals(null, writerFailure.get(), "the writer failed");
    assertTrue(writes.get() > 0, "the file was replaced while it was read");
    assertEquals(List.of(), failures, failures.size() + " of " + READS + " reads failed during " + writes.get()
        + " replacements");
  }

  @Test
  void netcdf3ReadersNeverSeeAReplacedFileAsDamaged() throws Exception {
    readWhileAnotherThreadReplaces(NetcdfFormat.NETCDF3_64BIT_OFFSET);
  }

  @Test
  void netcdf4ReadersNeverSeeAReplacedFileAsDamaged() throws Exception {
    readWhileAnotherThreadReplaces(NetcdfFormat.NETCDF4);
  }
}
