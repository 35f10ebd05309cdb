package dev.sweep.io.netcdf;

import static dev.sweep.testing.DatasetAssertions.assertIdentical;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sweep.data.Dataset;
import dev.sweep.data.Index;
import dev.sweep.farm.Harvester;
import dev.sweep.run.RunFunction;
import dev.sweep.run.RunOptions;
import dev.sweep.run.Runner;
import dev.sweep.space.Combos;
import dev.sweep.space.Values;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Harvests that add labels after the last ones of the outermost dimension are appended to the
 * NetCDF-3 file in place, as records of its unlimited dimension, and the file stays one that
 * xarray and ncdump read as the same dataset; everything else rewrites it.
 */
class HarvesterAppendTest {
  static final RunOptions QUIET = RunOptions.builder().verbosity(0).build();
  @TempDir Path dir;

  /** Outputs of every NetCDF-3 kind; the strings of a = 3 are longer than the others. */
  static Object[] g(int a, String b, boolean c) {
    return new Object[] {a + b.length() / 10.0 + (c ? 0.5 : 0), b + "-" + a + (a == 3 ? "-longer" : ""),
        a * 10 + b.length(), c ^ (a % 2 == 0), (float) (a * 0.25f + b.length())};
  }

  static Runner runner() {
    return Runner.builder(RunFunction.of(HarvesterAppendTest.class, "g")).vars("y", "s", "n", "ok", "f").options(QUIET)
        .build();
  }

  static Combos slab(int... as) {
    List<Object> a = new ArrayList<>();
    for (int x : as) a.add(x);
    return Combos.builder().add("a", a).add("b", "x", "yy", "zzz").add("c", true, false).build();
  }

  static Object inode(Path p) throws IOException {
    return Files.readAttributes(p, BasicFileAttributes.class).fileKey();
  }

  @Test
  void aCampaignIsAppendedInPlaceAndReadsBackIdentically() throws Exception {
    Path file = dir.resolve("campaign.nc");
    Harvester h = Harvester.builder(runner(), file).build();
    h.harvestCombos(slab(0));
    Object first = inode(file);
    h.harvestCombos(slab(1));
    h.harvestCombos(slab(2));
    assertEquals(first, inode(file), "appended in place");
    assertIdentical(runner().runCombos(slab(0, 1, 2)), Netcdf.read(file));
    h.harvestCombos(slab(3)); // longer strings than the file holds: rewritten
    Object rewritten = inode(file);
    assertNotEquals(first, rewritten);
    h.harvestCombos(slab(5, 4));
    assertEquals(rewritten, inode(file));
    Dataset want = runner().runCombos(slab(0, 1, 2, 3, 4, 5));
    assertIdentical(want, h.fullDataset());
    assertIdentical(want, Netcdf.read(file));
    assertIdentical(want, Harvester.builder(runner(), file).build().fullDataset());
  }

  @Test
  void xarrayAndNcdumpReadTheAppendedFile() throws Exception {
    ExternalTools.requireXarray();
    ExternalTools.requireNcdump();
    Path file = dir.resolve("xr.nc");
    Harvester h = Harvester.builder(runner(), file).build();
    for (int a = 0; a < 3; a++) h.harvestCombos(slab(a));
    String header = ExternalTools.run(dir, "ncdump", "-h", file.toString()).assertSuccess("ncdump -h").stdout();
    assertTrue(header.contains("a = UNLIMITED ; // (3 currently)"), header);
    String code = String.join("\n",
        "import sys, xarray as xr",
        "ds = xr.open_dataset(sys.argv[1])",
        "assert dict(ds.sizes) == {'a': 3, 'b': 3, 'c': 2}, dict(ds.sizes)",
        "assert ds.a.values.tolist() == [0, 1, 2]",
        "assert ds.b.values.tolist() == ['x', 'yy', 'zzz'] and ds.c.values.tolist() == [True, False]",
        "assert str(ds.y.dtype) == 'float64' and str(ds.n.dtype) == 'int32' and str(ds.ok.dtype) == 'bool'",
        "assert str(ds.f.dtype) == 'float32'",
        "for a in range(3):",
        "  for j, b in enumerate(['x', 'yy', 'zzz']):",
        "    for k, c in enumerate([True, False]):",
        "      p = ds.sel(a=a, b=b, c=c)",
        "      assert float(p.y) == a + len(b) / 10.0 + (0.5 if c else 0), (a, b, c, float(p.y))",
        "      assert str(p.s.values) == b + '-' + str(a), str(p.s.values)",
        "      assert int(p.n) == a * 10 + len(b) and bool(p.ok) == (c != (a % 2 == 0))",
        "      assert float(p.f) == a * 0.25 + len(b)",
        "assert 'a' in ds.encoding['unlimited_dims']",
        "print('ok')");
    ExternalTools.Result r = ExternalTools.run(dir, ExternalTools.PYTHON.toString(), "-c", code, file.toString())
        .assertSuccess("xarray");
    assertEquals("ok", r.stdout().trim());
  }

  static String named(int a, String b) {
    if (b.equals("n")) return null;
    if (b.equals("e")) return "";
    return b + a;
  }

  @Test
  void missingStringsAppendWhileTheirMarkerStillMarksOnlyThem() throws Exception {
    Path file = dir.resolve("null.nc");
    Runner r = Runner.builder(RunFunction.of(HarvesterAppendTest.class, "named")).vars("s")
        .type("s", dev.sweep.data.DType.STRING).options(QUIET).build();
    Harvester h = Harvester.builder(r, file).build();
    h.harvestCombos(Combos.builder().add("a", 0).add("b", "n", "q").build()); // a null: missing_value ""
    Object first = inode(file);
    h.harvestCombos(Combos.builder().add("a", 1).add("b", "n", "q").build()); // nulls again
    Runner noNulls = Runner.builder(args -> "v" + args.getInt("a")).vars("s").options(QUIET).build();
    Combos third = Combos.builder().add("a", 2).add("b", "n", "q").build();
    Harvester.builder(noNulls, file).build().harvestCombos(third); // no nulls, and no "" among the values
    assertEquals(first, inode(file));
    assertIdentical(r.runCombos(Combos.builder().add("a", 0, 1).add("b", "n", "q").build())
        .merge(noNulls.runCombos(third)), Netcdf.read(file));
    h.harvestCombos(Combos.builder().add("a", 3).add("b", "e", "q").build()); // "" is now a value: rewritten
    assertNotEquals(first, inode(file));
    Dataset back = Netcdf.read(file);
    assertEquals("", back.value("s", java.util.Map.of("a", 3, "b", "e")));
    assertEquals(null, back.value("s", java.util.Map.of("a", 0, "b", "n")));
    assertIdentical(h.fullDataset(), back);
  }

  @Test
  void bytesLeftByAKilledAppenderAreIgnoredAndThenCut() throws Exception {
    Path file = dir.resolve("left.nc");
    Harvester h = Harvester.builder(runner(), file).build();
    h.harvestCombos(slab(0, 1));
    long length = Files.size(file);
    Dataset before = Netcdf.read(file);
    try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
      raf.seek(length);
      raf.write(new byte[5000]); // records written, count not yet: what a kill between the two leaves
    }
    assertIdentical(before, Netcdf.read(file)); // the old records, whole
    ExternalTools.requireNcdump();
    ExternalTools.run(dir, "ncdump", file.toString()).assertSuccess("ncdump of a file with leftover bytes");
    Harvester other = Harvester.builder(runner(), file).build();
    other.harvestCombos(slab(2));
    assertIdentical(runner().runCombos(slab(0, 1, 2)), Netcdf.read(file));
    assertTrue(Files.size(file) < length + 5000, "the leftover bytes were cut, not kept after the records");
    h.harvestCombos(slab(3, 4)); // the first harvester notices the other's append
    assertIdentical(runner().runCombos(slab(0, 1, 2, 3, 4)), Netcdf.read(file));
  }

  @Test
  void aFullDiskDuringAnAppendLeavesTheFileAsItWas() throws Exception {
    try (SmallDisk disk = SmallDisk.mount(dir, "small", "1m")) {
      Path file = disk.dir.resolve("full.nc");
      Runner big = Runner.builder(args -> args.getDouble("i") * args.getInt("a")).vars("y").options(QUIET).build();
      Harvester h = Harvester.builder(big, file).build();
      Combos first = Combos.builder().add("a", 0).add("i", Values.range(0, 20_000)).build(); // 160 kB a record
      h.harvestCombos(first);
      byte[] before = Files.readAllBytes(file);
      Combos tooMuch = Combos.builder().add("a", Values.range(1, 8)).add("i", Values.range(0, 20_000)).build();
      var e = assertThrows(UncheckedIOException.class, () -> h.harvestCombos(tooMuch));
      assertTrue(e.getMessage().startsWith("cannot append to " + file + ": no space left on " + disk.dir),
          e.getMessage());
      assertArrayEquals(before, Files.readAllBytes(file), "the file is as it was");
      assertIdentical(big.runCombos(first), h.fullDataset()); // and so is the harvester's memory
      h.harvestCombos(Combos.builder().add("a", 1).add("i", Values.range(0, 20_000)).build()); // one that fits
      assertEquals(Index.ofInts(0, 1), Netcdf.read(file).coord("a"));
    }
  }

  @Test
  void aFullDiskDuringACheckpointKeepsTheFileAndTheEarlierCheckpoints() throws Exception {
    try (SmallDisk disk = SmallDisk.mount(dir, "ckpt", "1m")) {
      Path file = disk.dir.resolve("full.nc");
      Runner big = Runner.builder(args -> args.getDouble("i") + 1000.0 * args.getInt("a")).vars("y").options(QUIET)
          .build();
      Combos first = Combos.builder().add("a", 0).add("i", Values.range(0, 10_000)).build();
      Harvester.builder(big, file).build().harvestCombos(first);
      byte[] before = Files.readAllBytes(file);
      Harvester h = Harvester.builder(big, file).saveEvery(10_000).build();
      Combos many = Combos.builder().add("a", Values.range(1, 40)).add("i", Values.range(0, 10_000)).build();
      var e = assertThrows(UncheckedIOException.class, () -> h.harvestCombos(many));
      assertTrue(e.getMessage().startsWith("cannot save a checkpoint of 10000 runs to " + disk.dir.resolve(".full.nc"
          + ".journal-")), e.getMessage());
      assertTrue(e.getMessage().contains(": no space left on " + disk.dir + " ("), e.getMessage());
      assertTrue(e.getMessage().endsWith("; the earlier checkpoints are kept"), e.getMessage());
      boolean compacted = !java.util.Arrays.equals(before, Files.readAllBytes(file));
      if (!compacted) {
        assertIdentical(big.runCombos(first), Netcdf.read(file)); // the file as it was; the journal holds the rest
        assertTrue(disk.names().stream().anyMatch(n -> n.startsWith(".full.nc.journal-")), disk.names().toString());
      }
      disk.resize("16m");
      Dataset loaded = Harvester.builder(big, file).build().fullDataset(); // merges the journal, if any is left
      assertIdentical(loaded, Netcdf.read(file));
      Index a = loaded.coord("a");
      assertTrue(a.size() >= 3, "the checkpoints before the full disk are kept: " + a);
      assertIdentical(big.runCombos(Combos.builder().add("a", a.labels()).add("i", Values.range(0, 10_000)).build()),
          loaded);
      assertTrue(disk.names().stream().noneMatch(n -> n.contains(".journal-")), disk.names().toString());
    }
  }
}
