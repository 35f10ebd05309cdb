package dev.sweep.io.csv;

import static dev.sweep.testing.DatasetAssertions.assertIdentical;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.sweep.data.Dataset;
import dev.sweep.store.RecordStore;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Seals the CSV format with golden files ({@code src/test/resources/csv/golden.csv} and its sidecar):
 * the same data must give the same bytes, and the golden file must read back as that data. pandas
 * reads it too ({@link CsvPandasInteropTest}). To change the format on purpose, run {@link #main} with
 * the resource directory and review the diff.
 */
class CsvGoldenTest {
  static final List<String> DIM = List.of("index");

  @TempDir Path dir;

  /** Every type, missing values, quoting, NaN and infinities, text beyond ASCII. */
  static Dataset golden() {
    return Dataset.builder().dim("index", 4)
        .variable("i", DIM, Nd4j.createFromArray(1, -2, Integer.MAX_VALUE, 0))
        .variable("l", DIM, Nd4j.createFromArray(1L << 40, -1L, Long.MAX_VALUE, Long.MIN_VALUE))
        .variable("f", DIM, Nd4j.createFromArray(0.5f, Float.NaN, Float.NEGATIVE_INFINITY, 1.0e-5f))
        .variable("d", DIM, Nd4j.createFromArray(0.1, Double.NaN, Double.POSITIVE_INFINITY, -0.0))
        .variable("e", DIM, Nd4j.createFromArray(1.0e-300, 1.0e22, Math.PI, 1.0e7))
        .variable("b", DIM, Nd4j.createFromArray(true, false, true, false))
        .variable("s", DIM, "plain", null, "a,b \"quoted\"\nsecond line", "température ☃")
        .variable("t", DIM, "001", "nan", " padded ", "#hash")
        .build();
  }

  static Path resource(String name) throws URISyntaxException {
    return Path.of(CsvGoldenTest.class.getResource("/csv/" + name).toURI());
  }

  @Test
  void writesTheGoldenFileByteForByte() throws Exception {
    Path p = dir.resolve("golden.csv");
    CsvStore.open(p).append(golden());
    assertEquals(Files.readString(resource("golden.csv")), Files.readString(p));
    assertEquals(Files.readString(resource("golden.csv.dtypes.json")), Files.readString(CsvStore.dtypesFile(p)));
    assertEquals(List.of(Files.readAllBytes(resource("golden.csv")).length), List.of(Files.readAllBytes(p).length));
  }

  @Test
  void readsTheGoldenFile() throws Exception {
    try (RecordStore store = CsvStore.open(resource("golden.csv"), RecordStore.Mode.READ_ONLY)) {
      assertEquals(4, store.size());
      assertIdentical(golden(), store.read());
      assertIdentical(golden().isel(java.util.Map.of("index", 2)).toBuilder().build(),
          store.read(2, 3).isel(java.util.Map.of("index", 0)));
    }
  }

  /**
   * Writes the golden files into a directory.
   *
   * @param args the directory, normally {@code sweep-io/src/test/resources/csv}
   * @throws IOException if they cannot be written
   */
  public static void main(String[] args) throws IOException {
    Path p = Path.of(args[0], "golden.csv");
    Files.deleteIfExists(p);
    Files.deleteIfExists(CsvStore.dtypesFile(p));
    try (CsvStore s = CsvStore.open(p, RecordStore.Mode.TRUNCATE)) {
      s.append(golden());
    }
    Files.deleteIfExists(p.resolveSibling("golden.csv.lock"));
    System.out.println(new String(Files.readAllBytes(p), StandardCharsets.UTF_8));
  }
}
