package dev.sweep.io.csv;

import dev.sweep.farm.Sampler;
import dev.sweep.io.table.Tables;
import dev.sweep.space.Design;
import dev.sweep.space.Distribution;
import dev.sweep.space.Draws;
import dev.sweep.store.IncompatibleStoreException;
import dev.sweep.store.Stores;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sweep.data.DType;
import dev.sweep.data.Dataset;
import dev.sweep.io.netcdf.Netcdf;
import dev.sweep.run.OnError;
import dev.sweep.run.RunFailedException;
import dev.sweep.run.RunFunction;
import dev.sweep.run.RunOptions;
import dev.sweep.run.Runner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.ColumnType;
import tech.tablesaw.api.Table;

class SamplerCsvTest {
  static final RunOptions QUIET = RunOptions.builder().verbosity(0).build();

  @TempDir Path dir;

  static Runner runner() {
    return Runner.builder(RunFunction.of(Trig.class, "trig")).vars("out").options(QUIET).build();
  }

  static Sampler.Builder trig(Path file) {
    return Sampler.builder(runner(), Trig.defaults()).file(file);
  }

  /** Every row's out against the function, exactly: the same Java arithmetic ran it. */
  static void assertOutIsTrig(Table t) {
    for (int r = 0; r < t.rowCount(); r++) {
      double expected = Trig.trig(t.intColumn("amp").getInt(r), t.stringColumn("fn").get(r),
          t.doubleColumn("x").getDouble(r), t.doubleColumn("phase").getDouble(r));
      assertEquals(expected, t.doubleColumn("out").getDouble(r), "row " + r);
    }
  }

  @Test
  void theTutorialsSamplerStores15000RowsWhoseOutIsAmpTimesFnOfXMinusPhase() {
    Sampler sampler = Sampler.labelled(Trig.class, "trig", Trig.defaults()).directory(dir).seed(42)
        .options(QUIET).build();
    assertEquals(dir.resolve("trig.csv"), sampler.file().orElseThrow());
    Table first = Tables.of(sampler.sampleCombos(10_000));
    Table second = Tables.of(sampler.sampleCombos(5_000, Trig.tan()));
    assertEquals(10_000, first.rowCount());
    assertEquals(5_000, second.rowCount());

    Table csv = CsvStore.readTable(dir.resolve("trig.csv"));
    assertEquals(15_000, csv.rowCount());
    assertEquals(List.of("amp", "fn", "x", "phase", "out"), csv.columnNames());
    assertEquals(List.of(ColumnType.INTEGER, ColumnType.STRING, ColumnType.DOUBLE, ColumnType.DOUBLE, ColumnType.DOUBLE),
        csv.types());
    assertOutIsTrig(csv);
    for (int r = 0; r < csv.rowCount(); r++) {
      String fn = csv.stringColumn("fn").get(r);
      double x = csv.doubleColumn("x").getDouble(r);
      int amp = csv.intColumn("amp").getInt(r);
      assertTrue(amp >= 1 && amp <= 3);
      if (r < 10_000) {
        assertTrue(fn.equals("cos") || fn.equals("sin"), fn);
        assertTrue(x >= 0 && x < 2 * Math.PI, "x " + x);
      } else {
        assertEquals("tan", fn);
        assertTrue(x >= 0 && x < Math.PI / 4, "x " + x);
      }
    }
    Table full = Tables.of(sampler.fullDataset());
    assertEquals(15_000, full.rowCount());
    assertEquals(csv.types(), full.types());
    assertEquals(5_000, Tables.of(sampler.lastDataset()).rowCount());
    assertEquals("tan", Tables.of(sampler.lastDataset()).stringColumn("fn").get(0));
  }

  @Test
  void aNewSessionLoadsTheFileWithItsTypesAndAppendsToIt() {
    Path file = dir.resolve("trig.csv");
    Table before = Tables.of(trig(file).seed(1).build().sampleCombos(100));
    Sampler again = trig(file).seed(1).build();
    Table loaded = Tables.of(again.fullDataset());
    assertEquals(100, loaded.rowCount());
    assertEquals(before.types(), loaded.types());
    assertEquals(before.doubleColumn("x").asList(), loaded.doubleColumn("x").asList());
    Table more = Tables.of(again.sampleCombos(50));
    assertNotEquals(before.doubleColumn("x").get(0), more.doubleColumn("x").get(0),
        "the same seed goes on with new samples after the stored ones");
    assertEquals(150, Tables.of(again.fullDataset()).rowCount());
    assertEquals(50, Tables.of(again.lastDataset()).rowCount());
    assertEquals(150, CsvStore.readTable(file).rowCount());
    assertOutIsTrig(CsvStore.readTable(file));
  }

  @Test
  void theSameSeedGivesTheSameSamplesSeriallyAndInParallel() {
    Table serial = Tables.of(trig(dir.resolve("a.csv")).seed(7).build().sampleCombos(20_000));
    Table parallel = Tables.of(trig(dir.resolve("b.csv")).seed(7)
        .options(RunOptions.builder().verbosity(0).workers(2).build()).build().sampleCombos(20_000));
    Table inMemory = Tables.of(Sampler.builder(runner(), Trig.defaults()).seed(7).build().sampleCombos(20_000));
    Table other = Tables.of(trig(dir.resolve("c.csv")).seed(8).build().sampleCombos(20_000));
    for (String c : serial.columnNames()) {
      assertEquals(serial.column(c).asList(), parallel.column(c).asList(), c);
      assertEquals(serial.column(c).asList(), inMemory.column(c).asList(), c);
    }
    assertNotEquals(serial.doubleColumn("x").asList(), other.doubleColumn("x").asList());
  }

  @Test
  void overridesReplaceOnlyTheDistributionsTheyName() {
    Table plain = Tables.of(Sampler.builder(runner(), Trig.defaults()).seed(3).build().sampleCombos(1000));
    Table overridden = Tables.of(Sampler.builder(runner(), Trig.defaults()).seed(3).build()
        .sampleCombos(1000, Draws.builder().values("fn", "tan").build()));
    assertEquals(plain.intColumn("amp").asList(), overridden.intColumn("amp").asList());
    assertEquals(plain.doubleColumn("x").asList(), overridden.doubleColumn("x").asList());
    assertEquals(plain.doubleColumn("phase").asList(), overridden.doubleColumn("phase").asList());
    assertEquals(Set.of("tan"), new HashSet<>(overridden.stringColumn("fn").asList()));
  }

  @Test
  void aLatinHypercubeDesignPutsOneSampleInEachStratumOfX() {
    Sampler s = Sampler.builder(runner(), Trig.defaults()).seed(5).design(Design.LATIN_HYPERCUBE).build();
    Table t = Tables.of(s.sampleCombos(60));
    int[] perStratum = new int[60];
    for (double x : t.doubleColumn("x").asDoubleArray()) perStratum[(int) (x / (2 * Math.PI) * 60)]++;
    for (int k = 0; k < 60; k++) assertEquals(1, perStratum[k], "stratum " + k);
    int[] perFn = new int[2];
    for (String fn : t.stringColumn("fn").asList()) perFn[fn.equals("cos") ? 0 : 1]++;
    assertEquals(30, perFn[0], "two values, sixty strata: thirty each");
    assertOutIsTrig(t);
  }

  @Test
  void drawsASingleSampleUnderEveryDesign() {
    for (Design d : Design.values()) {
      Sampler s = trig(dir.resolve(d + ".csv")).seed(1).design(d).build();
      Table t = Tables.of(s.sampleCombos(1));
      assertEquals(1, t.rowCount());
      assertOutIsTrig(CsvStore.readTable(dir.resolve(d + ".csv")));
      assertEquals(d, s.design());
    }
  }

  @Test
  void refusesANonPositiveNumberOfSamples() {
    Sampler s = trig(dir.resolve("t.csv")).build();
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> s.sampleCombos(0));
    assertEquals("n is 0; expected a positive number of samples", e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> s.sampleCombos(-5, Trig.tan()));
    assertEquals("n is -5; expected a positive number of samples", e.getMessage());
  }

  @Test
  void refusesOverridesOfAnArgumentItDoesNotDraw() {
    Sampler s = trig(dir.resolve("t.csv")).build();
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> s.sampleCombos(10, Draws.builder().values("freq", 1, 2).build()));
    assertEquals("the overrides name 'freq', which is not a sampled argument; the arguments are [amp, fn, x, phase]",
        e.getMessage());
  }

  @Test
  void refusesACsvWhoseColumnsAreNotTheSamplersNamingTheDifferences() throws IOException {
    Path renamed = dir.resolve("renamed.csv");
    Files.writeString(renamed, "amp,fn,x,phase,result\n1,cos,0.5,0.0,0.8775825618903728\n");
    IncompatibleStoreException e = assertThrows(IncompatibleStoreException.class, () -> trig(renamed).build());
    assertEquals("refusing to mix samples: renamed.csv has the columns [amp, fn, x, phase, result] but "
        + "[amp, fn, x, phase, out] are expected: 'result' stands where 'out' is expected (renamed?); "
        + "sample into another file, or move this one away", e.getMessage());

    Path extra = dir.resolve("extra.csv");
    Files.writeString(extra, "amp,fn,x,phase,out,note\n1,cos,0.5,0.0,0.8775825618903728,a\n");
    e = assertThrows(IncompatibleStoreException.class, () -> trig(extra).build());
    assertTrue(e.getMessage().contains("are expected: extra [note];"), e.getMessage());

    Path missing = dir.resolve("missing.csv");
    Files.writeString(missing, "amp,fn,x,out\n1,cos,0.5,0.8775825618903728\n");
    e = assertThrows(IncompatibleStoreException.class, () -> trig(missing).build());
    assertTrue(e.getMessage().contains("are expected: missing [phase];"), e.getMessage());
  }

  static double failOnSin(int amp, String fn, double x, double phase) {
    if (fn.equals("sin")) throw new ArithmeticException("no sines today");
    return Trig.trig(amp, fn, x, phase);
  }

  @Test
  void aFunctionThatThrowsStopsTheCallUnderStopAndNothingIsStored() {
    Path file = dir.resolve("t.csv");
    Runner r = Runner.builder(RunFunction.of(SamplerCsvTest.class, "failOnSin")).vars("out").options(QUIET).build();
    Sampler s = Sampler.builder(r, Trig.defaults()).file(file).seed(1).build();
    RunFailedException e = assertThrows(RunFailedException.class, () -> s.sampleCombos(100));
    assertTrue(e.getMessage().contains("fn='sin'"), e.getMessage());
    assertTrue(e.getMessage().endsWith("java.lang.ArithmeticException: no sines today"), e.getMessage());
    assertFalse(Files.exists(file));
    assertEquals(0, Tables.of(s.fullDataset()).rowCount());
  }

  @Test
  void aFunctionThatThrowsLeavesNaNUnderContinue() {
    Path file = dir.resolve("t.csv");
    Runner r = Runner.builder(RunFunction.of(SamplerCsvTest.class, "failOnSin")).vars("out")
        .options(RunOptions.builder().verbosity(0).onError(OnError.CONTINUE).build()).build();
    Sampler s = Sampler.builder(r, Trig.defaults()).file(file).seed(1).build();
    s.sampleCombos(200);
    Table t = CsvStore.readTable(file);
    assertEquals(200, t.rowCount());
    for (int i = 0; i < 200; i++) {
      boolean sin = t.stringColumn("fn").get(i).equals("sin");
      assertEquals(sin, Double.isNaN(t.doubleColumn("out").getDouble(i)), "row " + i);
    }
    Sampler allFail = Sampler.builder(r, Draws.builder().values("amp", 1).values("fn", "sin")
        .from("x", Distribution.uniform(0, 1)).from("phase", Distribution.normal(0, 1)).build()).file(file).build();
    allFail.sampleCombos(10);
    assertEquals(210, CsvStore.readTable(file).rowCount(), "a call whose runs all fail still stores its samples");
  }

  @Test
  void aColumnKeepsItsTypeIntsWidenButFloatsDoNotNarrow() {
    Path file = dir.resolve("t.csv");
    Sampler s = trig(file).seed(1).build();
    s.sampleCombos(10);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> s.sampleCombos(10, Draws.builder().values("amp", 1.5).build()));
    assertEquals("column 'amp' is int32 in t.csv but this call gives float64 values; a column keeps its type: "
        + "draw int32 values for 'amp'", e.getMessage());
    Runner lambda = Runner.builder(a -> a.getDouble("amp") * Math.cos(a.getDouble("x") - a.getDouble("phase")))
        .vars("out").options(QUIET).build();
    Sampler doubles = Sampler.builder(lambda, Draws.builder().values("amp", 1.5, 2.5).values("fn", "cos")
        .from("x", Distribution.uniform(0, 1)).from("phase", Distribution.normal(0, 1)).build()).build();
    doubles.sampleCombos(5);
    assertEquals(DType.DOUBLE, doubles.sampleCombos(5, Draws.builder().values("amp", 1, 2).build())
        .variable("amp").type());
  }

  @Test
  void refusesDrawsThatDoNotMatchTheFunctionsArguments() {
    Draws noPhase = Draws.builder().values("amp", 1).values("fn", "cos").from("x", Distribution.uniform(0, 1)).build();
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Sampler.builder(runner(), noPhase).build());
    assertEquals("Trig.trig(int amp, String fn, double x, double phase) needs argument 'phase', which the draws do "
        + "not give (they give [amp, fn, x])", e.getMessage());
    Draws extra = Draws.builder().values("amp", 1).values("fn", "cos").from("x", Distribution.uniform(0, 1))
        .from("phase", Distribution.normal(0, 1)).values("freq", 2).build();
    e = assertThrows(IllegalArgumentException.class, () -> Sampler.builder(runner(), extra).build());
    assertEquals("the draws give 'freq', which Trig.trig(int amp, String fn, double x, double phase) does not take",
        e.getMessage());
  }

  @Test
  void aLabelWithoutASamplerFileSamplesIntoAFileNamedAfterTheMethod() {
    Sampler s = Sampler.labelled(Trig.class, "noFile", Trig.defaults()).directory(dir).seed(1).build();
    s.sampleCombos(3);
    assertEquals(3, CsvStore.readTable(dir.resolve("noFile.csv")).rowCount());
  }

  @Test
  void aDirectoryWithoutAFileIsRefused() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Sampler.builder(runner(), Trig.defaults()).directory(dir).build());
    assertEquals("directory is set to " + dir + " but there is no file to resolve against it; set file(...) too",
        e.getMessage());
  }

  @Test
  void aRelativeFileResolvesAgainstTheWorkingDirectoryWithoutADirectory() {
    Sampler s = Sampler.builder(runner(), Trig.defaults()).file(Path.of("target", "sampler-test", "rel.csv")).build();
    assertEquals(Path.of("target", "sampler-test", "rel.csv").toAbsolutePath(), s.file().orElseThrow());
  }

  @Test
  void theFullDatasetHasOneSampleDimensionAndWritesAsNetcdf() {
    Sampler s = trig(dir.resolve("t.csv")).seed(2).build();
    s.sampleCombos(500);
    Dataset ds = s.fullDataset();
    assertEquals(List.of("sample"), ds.dims());
    assertEquals(500, ds.sizes().get("sample"));
    assertEquals(DType.INT, ds.variable("amp").type());
    assertEquals(DType.STRING, ds.variable("fn").type());
    assertEquals(DType.DOUBLE, ds.variable("out").type());
    Path nc = dir.resolve("trig.nc");
    Stores.dataset(nc).write(s.fullDataset());
    Dataset back = Netcdf.read(nc);
    assertEquals(List.of("amp", "fn", "x", "phase", "out"), List.copyOf(back.variables().keySet()));
    assertEquals(ds.variable("out"), back.variable("out"));
    assertEquals(ds.variable("fn"), back.variable("fn"));
  }

  @Test
  void printsLikeXyzpy() {
    Sampler s = trig(dir.resolve("t.csv")).build();
    String text = s.toString();
    assertTrue(text.startsWith("<sweep.Sampler>\n  <sweep.Runner>"), text);
    assertTrue(text.contains("draws: {amp: choice(1, 2, 3), fn: choice('cos', 'sin'), x: uniform(0.0, "
        + "6.283185307179586), phase: normal(0.0, 0.1)}"), text);
    assertTrue(text.endsWith("sync file --> " + dir.resolve("t.csv") + " [csv]"), text);
  }
}
