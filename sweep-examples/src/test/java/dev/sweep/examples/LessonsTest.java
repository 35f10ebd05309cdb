package dev.sweep.examples;

import static org.junit.jupiter.api.Assertions.*;

import dev.sweep.data.DType;
import dev.sweep.data.Dataset;
import dev.sweep.data.Index;
import dev.sweep.run.Grid;
import dev.sweep.run.RunOptions;
import dev.sweep.space.Values;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LessonsTest {
  static final RunOptions QUIET = RunOptions.builder().verbosity(0).build();

  @Test
  void lesson01RunsEighteenCombinations() {
    Grid g = Lesson01_ComboRunner.run(QUIET);
    assertArrayEquals(new int[] {3, 3, 2}, g.shape());
    assertArrayEquals(new Object[] {"1-x-true", 0.8414709848078965}, (Object[]) g.get(0, 0, 0));
    assertArrayEquals(new Object[] {"3-z-false", 0.1411200080598672}, (Object[]) g.get(2, 2, 1));
    assertEquals(0, g.missingCount());
  }

  @Test
  void lesson02ReturnsCasesInOrder() {
    List<Object> r = Lesson02_CaseRunner.run(QUIET);
    assertArrayEquals(new Object[] {"4-z-false", -0.7568024953079282}, (Object[]) r.get(0));
    assertArrayEquals(new Object[] {"5-y-true", -0.9589242746631385}, (Object[]) r.get(1));
  }

  @Test
  void lesson03LeavesUnrunCellsMissing() {
    Grid g = Lesson03_CasesWithCombos.run(QUIET);
    assertEquals(List.of("a", "c", "b"), g.dims());
    assertEquals(Index.ofBooleans(false, true), g.coord("c"));
    assertEquals(9, g.missingCount());
    assertEquals(Double.NaN, g.at(Map.of("a", 1, "c", false, "b", "x")));
    assertArrayEquals(new Object[] {"2-y-false", 0.9092974268256817},
        (Object[]) g.at(Map.of("a", 2, "c", false, "b", "y")));
  }

  @Test
  void lesson04LabelsTheOutputs() {
    Dataset ds = Lesson04_Runner.run(QUIET);
    assertEquals(Map.of("a", 3, "b", 3, "c", 2), ds.sizes());
    assertEquals(DType.STRING, ds.variable("a_out").type());
    assertEquals("3-y-false", ds.value("a_out", Map.of("a", 3, "b", "y", "c", false)));
    assertEquals(0.1411200080598672, ds.doubleValue("b_out", Map.of("a", 3, "b", "y", "c", false)));
  }

  @Test
  void lesson06MergesTwoHarvestsIntoOneFile(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) {
    Dataset full = Lesson06_Harvester.run(dir, QUIET);
    assertEquals(Map.of("a", 6, "b", 5, "c", 2), full.sizes());
    assertEquals(Index.ofStrings("v", "w", "x", "y", "z"), full.coord("b"));
    assertTrue(Double.isNaN(full.doubleValue("b_out", Map.of("a", 4, "b", "x", "c", true))));
    assertEquals("6-v-false", full.value("a_out", Map.of("a", 6, "b", "v", "c", false)));
    dev.sweep.testing.DatasetAssertions.assertIdentical(full, dev.sweep.io.netcdf.Netcdf.read(dir.resolve("foo.nc")));
  }

  @Test
  void lesson07SamplesFifteenThousandRowsIntoCsv(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
      throws java.io.IOException {
    tech.tablesaw.api.Table t = Lesson07_Sampler.run(dir, QUIET, 7);
    assertEquals(15_000, t.rowCount());
    tech.tablesaw.api.Table back = dev.sweep.io.csv.CsvStore.readTable(dir.resolve("trig.csv"));
    assertEquals(15_000, back.rowCount());
    assertEquals(List.of("amp", "fn", "x", "phase", "out"), back.columnNames());
    assertEquals(tech.tablesaw.api.ColumnType.INTEGER, back.column("amp").type());
    int tan = 0;
    for (int r = 0; r < back.rowCount(); r++) {
      int amp = back.intColumn("amp").getInt(r);
      String fn = back.stringColumn("fn").get(r);
      double x = back.doubleColumn("x").getDouble(r);
      double phase = back.doubleColumn("phase").getDouble(r);
      assertEquals(Tutorial.trig(amp, fn, x, phase), back.doubleColumn("out").getDouble(r), 0.0, "row " + r);
      if (fn.equals("tan")) {
        tan++;
        assertTrue(x >= 0 && x < Math.PI / 4, "row " + r);
      }
    }
    assertEquals(5_000, tan);
    assertTrue(java.nio.file.Files.size(dir.resolve("trig.png")) > 10_000);
    assertEquals(15_000, dev.sweep.io.netcdf.Netcdf.read(dir.resolve("trig.nc")).sizes().get("sample"));
  }

  /** The pictures of lessons 5, 6 and 11: each the size its facets ask for, and far from blank. */
  @Test
  void lessonsFiveSixAndElevenDrawTheirResults(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
      throws java.io.IOException {
    java.nio.file.Path bar = Lesson05_StructuredOutput.plot(Lesson05_StructuredOutput.run(QUIET), dir.resolve("bar.png"));
    java.nio.file.Path foo = Lesson06_Harvester.plot(Lesson06_Harvester.run(dir, QUIET), dir.resolve("foo.svg"));
    java.nio.file.Path looking = Lesson11_LookingAtResults.plot(Lesson11_LookingAtResults.run(QUIET), dir.resolve("b.png"));
    java.awt.image.BufferedImage heat = javax.imageio.ImageIO.read(bar.toFile());
    assertEquals(List.of(1300, 420), List.of(heat.getWidth(), heat.getHeight()), "three panels, one per k");
    assertTrue(java.nio.file.Files.size(bar) > 20_000);
    String svg = java.nio.file.Files.readString(foo);
    assertTrue(svg.contains(">c = true</text>") && svg.contains(">c = false</text>"), "one panel per c");
    for (String b : List.of("v", "w", "x", "y", "z")) assertTrue(svg.contains(">" + b + "</text>"), "legend entry " + b);
    assertEquals(1300, javax.imageio.ImageIO.read(looking.toFile()).getWidth(), "three panels, one per j");
  }

  @Test
  void lesson05HasTheTutorialShapes() {
    Dataset ds = Lesson05_StructuredOutput.run(QUIET);
    assertEquals(List.of("i", "j", "k", "x", "t"), ds.dims());
    assertArrayEquals(new long[] {3, 3, 3}, ds.variable("A").shape());
    assertArrayEquals(new long[] {3, 3, 3, 3}, ds.variable("B").shape());
    assertArrayEquals(new long[] {3, 3, 3, 3, 101}, ds.variable("C").shape());
    assertEquals(Index.ofInts(10, 20, 30), ds.coord("x"));
    assertEquals(Index.ofDoubles(Values.linspace(0, 1, 101)), ds.coord("t"));
    Map<String, Object> at = Map.of("i", 7, "j", 0.6, "k", 0.05, "x", 20, "t", 0.25);
    assertEquals(7 * 0.6 * 0.05, ds.doubleValue("A", at), 1e-12);
    assertEquals(7 + 0.6 * 20, ds.doubleValue("B", at), 1e-12);
    assertEquals(0.05 * 20 * Math.cos(0.25), ds.doubleValue("C", at), 1e-12);
  }

  @Test
  void lesson08LooksAtTheStructuredOutput() {
    Lesson11_LookingAtResults.Results r = Lesson11_LookingAtResults.run(QUIET);
    double meanCos = 0;
    double[] t = Values.linspace(0, 1, 101);
    for (double x : t) meanCos += Math.cos(x);
    meanCos /= t.length;
    Map<String, Object> at = Map.of("i", 6, "j", 0.7, "k", 0.07, "x", 30);
    assertEquals(List.of("i", "j", "k", "x"), r.meanOverTime().variable("C").dims());
    assertEquals(0.07 * 30 * meanCos, r.meanOverTime().doubleValue("C", at), 1e-12);
    assertEquals(Index.ofInts(10, 20), r.xRange().coord("x"));
    assertEquals(0.05 * 10 * Math.cos(0.3), r.nearT().doubleValue("C", Map.of("i", 5, "j", 0.5, "k", 0.05, "x", 10)), 1e-12);
    assertEquals(List.of("k"), r.maxA().variable("A").dims());
    assertArrayEquals(new double[] {7 * 0.7 * 0.05, 7 * 0.7 * 0.06, 7 * 0.7 * 0.07}, r.maxA().variable("A").toDoubleArray(), 1e-12);
    for (double i : r.argmaxI().variable("A").toDoubleArray()) assertEquals(7.0, i);
    Map<String, Object> cell = Map.of("i", 5, "j", 0.5, "k", 0.05, "x", 20);
    assertEquals((5 + 0.5 * 20) / (5 * 0.5 * 0.05), r.derived().doubleValue("B_per_A", cell), 1e-9);
    assertEquals(3 * 3 * 3 * 2, r.table().rowCount());
    assertEquals(List.of("i", "j", "k", "x", "A", "B", "B_per_A"), r.table().columnNames());
  }

  @Test
  void lesson09WritesAScenePerRunAndABatchOfFour(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) {
    Lesson09_Scenes.Result r = Lesson09_Scenes.run(dir, QUIET);
    assertEquals(List.of("std", "scene"), List.copyOf(r.sweep().variables().keySet()));
    assertEquals(8, dev.sweep.io.scene.Scene.list(dir).size(), "four scenes from the sweep, four in the batch");
    double[] std = r.sweep().variable("std").toDoubleArray();
    for (int i = 1; i < std.length; i++) assertTrue(std[i] < std[i - 1], "smoother runs spread less: " + java.util.Arrays.toString(std));
    dev.sweep.io.scene.Scene smoothest = r.smoothest();
    assertEquals(2.0, smoothest.property("smoothness"));
    assertEquals(0.2, smoothest.property("alpha"));
    assertEquals(List.of("noise"), smoothest.fieldNames());
    assertEquals(20, smoothest.frames().size());
    assertEquals(20, r.smoothestStd().size());
    for (int i = 1; i < 20; i++) assertTrue(r.smoothestStd().get(i) < r.smoothestStd().get(i - 1));
    // the frame read back is the simulation's state: frame 0 is the seeded noise
    assertArrayEquals(Lesson09_Scenes.noise(42), smoothest.read("noise", 0).variable("noise").toDoubleArray());
    assertEquals(r.smoothestStd().get(0), Lesson09_Scenes.std(Lesson09_Scenes.noise(42)), 1e-15);

    assertEquals(4, r.batch().size());
    assertEquals(Index.ofDoubles(0.25, 0.5, 1.0, 2.0), r.batchLast().coord("smoothness"));
    assertEquals(List.of("smoothness", "x", "y"), r.batchLast().variable("noise").dims());
    dev.sweep.data.Variable perScene = (dev.sweep.data.Variable) r.batch().property("smoothness");
    assertArrayEquals(new double[] {0.25, 0.5, 1.0, 2.0}, perScene.toDoubleArray());
    assertEquals(2.0, r.batch().scene(3).property("smoothness"));
    // the batch ran the same simulations as the sweep: its last frames match the sweep's scenes
    Dataset sweepLast = dev.sweep.io.scene.Scene.at(java.nio.file.Path.of((String) r.sweep().value("scene",
        Map.of("smoothness", 2.0)))).read("noise", 19);
    assertArrayEquals(sweepLast.variable("noise").toDoubleArray(),
        r.batchLast().sel(Map.of("smoothness", 2.0)).variable("noise").toDoubleArray());
  }
}
