package dev.sweep.cli;

import static org.junit.jupiter.api.Assertions.*;

import dev.sweep.data.Dataset;
import dev.sweep.data.Index;
import dev.sweep.io.csv.CsvStore;
import dev.sweep.io.table.Tables;
import dev.sweep.io.netcdf.Netcdf;
import dev.sweep.store.Stores;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.factory.Nd4j;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

class ShowCommandTest {
  @TempDir Path dir;

  static Dataset dataset() {
    return Dataset.builder()
        .coord("a", Index.ofInts(1, 2, 3))
        .coord("b", Index.ofStrings("x", "y"))
        .variable("v", List.of("a", "b"), Nd4j.createFromArray(new double[][] {{1, 2}, {3, 4}, {5, Double.NaN}}))
        .build();
  }

  /** A table like a sampler's, written as a typed CSV file with its dtypes sidecar. */
  static Path csv(Path file) {
    Table rows = Table.create("trig",
        IntColumn.create("amp", 1, 2, 3, 1),
        StringColumn.create("fn", "cos", "sin", "tan", "sin"),
        DoubleColumn.create("x", 0.0, 1.5, 0.25, 3.0),
        DoubleColumn.create("out", 1.0, 1.99, 0.76, 0.14));
    try (CsvStore store = CsvStore.open(file)) {
      store.append(Tables.toDataset(rows, "index"));
    }
    return file;
  }

  @Test
  void showPrintsANetcdfFileReadThroughTheStoreRegistry() {
    Path nc = dir.resolve("grid.nc");
    Stores.dataset(nc).write(dataset());
    assertEquals("netcdf", Stores.providerFor(nc).name());
    CliRun r = CliRun.of("show", nc.toString());
    assertEquals(0, r.status(), r.err());
    assertEquals(Netcdf.read(nc) + "\n", r.out());
    assertTrue(r.out().startsWith("<sweep.Dataset>\nDimensions:  (a: 3, b: 2)"), r.out());
  }

  @Test
  void formatPicksTheProviderByName() throws IOException {
    Path nc = dir.resolve("grid.nc");
    Netcdf.write(dataset(), nc);
    Path odd = Files.copy(nc, dir.resolve("grid.data"));
    CliRun r = CliRun.of("show", "--format", "netcdf", odd.toString());
    assertEquals(0, r.status(), r.err());
    assertEquals(Netcdf.read(nc) + "\n", r.out());
  }

  @Test
  void aRecordFileIsSummarisedByItsRegisteredFormat() throws IOException {
    Path lines = Files.writeString(dir.resolve("values.lines"), "1.5\n2.5\n-3\n");
    CliRun r = CliRun.of("show", lines.toString());
    assertEquals(0, r.status(), r.err());
    // records of scalars are the rows of a table, shown as the CSV table of a sampler is
    assertTrue(r.out().startsWith(lines + ": 3 rows\n"), r.out());
    assertTrue(r.out().contains("value  |       DOUBLE"), r.out());
  }

  @Test
  void aMissingFileIsAUsageError() {
    Path nope = dir.resolve("nope.nc");
    CliRun r = CliRun.of("show", nope.toString());
    assertEquals(2, r.status());
    assertEquals("sweep show: no such file: " + nope + "\n", r.err());
    assertEquals("", r.out());
  }

  @Test
  void aFileOfNoRegisteredFormatIsAUsageErrorThatNamesTheFormats() throws IOException {
    Path txt = Files.writeString(dir.resolve("notes.txt"), "hello\n");
    CliRun r = CliRun.of("show", txt.toString());
    assertEquals(2, r.status());
    assertTrue(r.err().startsWith("sweep show: no storage for '" + txt + "': the registered formats are "), r.err());
    assertTrue(r.err().contains("'netcdf' (NetCDF"), r.err());
    assertTrue(r.err().contains("'lines' (numbers, one a line (.lines))"), r.err());
  }

  @Test
  void anUnknownFormatNameIsAUsageError() {
    Path nc = dir.resolve("grid.nc");
    Netcdf.write(dataset(), nc);
    CliRun r = CliRun.of("show", "--format", "zarr", nc.toString());
    assertEquals(2, r.status());
    assertTrue(r.err().startsWith("sweep show: no storage provider is named 'zarr'; the registered formats are "), r.err());
  }

  @Test
  void aDamagedFileFailsWithTheFileAndTheProblem() throws IOException {
    Path nc = dir.resolve("grid.nc");
    Netcdf.write(dataset(), nc);
    byte[] bytes = Files.readAllBytes(nc);
    Files.write(nc, Arrays.copyOf(bytes, 40)); // truncated inside the header
    CliRun r = CliRun.of("show", nc.toString());
    assertEquals(1, r.status());
    assertTrue(r.err().startsWith("sweep show: cannot read " + nc + " as netcdf: "), r.err());
    assertEquals("", r.out());

    Path lines = Files.writeString(dir.resolve("bad.lines"), "1\ntwo\n");
    CliRun bad = CliRun.of("show", lines.toString());
    assertEquals(1, bad.status());
    assertEquals("sweep show: cannot read " + lines + " as lines: " + lines + ": line 2 is 'two', not a number\n",
        bad.err());
  }

  @Test
  void showSummarisesACsvTable() {
    Path file = csv(dir.resolve("trig.csv"));
    CliRun r = CliRun.of("show", file.toString());
    assertEquals(0, r.status(), r.err());
    assertTrue(r.out().startsWith(file + ": 4 rows\n"), r.out());
    assertTrue(r.out().contains("amp  |      INTEGER"), r.out());
    assertTrue(r.out().contains("fn  |       STRING"), r.out());
  }

  @Test
  void showSummarisesASceneDirectory() {
    dev.sweep.io.scene.Scene s = dev.sweep.io.scene.Scene.create(dir);
    s.put("smoothness", 2.0);
    for (int f = 0; f < 3; f++) {
      s.write("noise", dev.sweep.data.Variable.of("n", List.of("x", "y"), Nd4j.createFromArray(new double[][] {{1, 2}, {3, 4}})), f);
    }
    CliRun r = CliRun.of("show", s.path().toString());
    assertEquals(0, r.status(), r.err());
    assertTrue(r.out().startsWith("<sweep.Scene> " + s.path() + "\nProperties (1):\n    smoothness  2.0\n"
        + "Fields (1), frames 0..2 (3 frames, 3 complete):\n    noise  frames 0..2  float64 (x: 2, y: 2) CenteredGrid\n"
        + "Context: sweep "), r.out());
  }

  @Test
  void showListsTheScenesOfADirectory() {
    dev.sweep.io.scene.Scene a = dev.sweep.io.scene.Scene.create(dir);
    a.put("k", 1);
    dev.sweep.io.scene.Scene.create(dir, "run");
    CliRun r = CliRun.of("show", dir.toString());
    assertEquals(0, r.status(), r.err());
    assertEquals(dir + ": 2 scene(s)\n  run_000000  properties []  fields []  0 frame(s)\n"
        + "  sim_000000  properties [k]  fields []  0 frame(s)\n", r.out());
    CliRun none = CliRun.of("show", dir.resolve("sim_000000/src").toString());
    assertEquals(2, none.status());
    assertEquals("sweep show: " + dir.resolve("sim_000000/src") + " is a directory that is neither a scene nor holds scenes"
        + " (<name>_<id>)\n", none.err());
  }
}
