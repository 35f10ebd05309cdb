package dev.sweep.io.crop;

import static dev.sweep.testing.DatasetAssertions.assertIdentical;
import static org.junit.jupiter.api.Assertions.*;

import dev.sweep.farm.Crop;
import dev.sweep.farm.Sampler;
import dev.sweep.io.testing.ChildProcess;
import dev.sweep.run.RunFunction;
import dev.sweep.run.RunOptions;
import dev.sweep.run.Runner;
import dev.sweep.space.Distribution;
import dev.sweep.space.Draws;
import dev.sweep.store.RecordStore;
import dev.sweep.store.Stores;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A sampler's crop on disk: a real CSV file, batches grown in other JVMs, the reap seen by any opening. */
class CropSamplerDirectoryTest {
  static final RunOptions QUIET = RunOptions.builder().verbosity(0).build();

  @TempDir Path dir;

  /** The sampled function: a float, an int and a label in, a number and a string out. */
  public static Object[] wave(double x, int k, String fn) {
    return new Object[] {fn.equals("sin") ? k * Math.sin(x) : k * Math.cos(x), fn + k};
  }

  static Sampler sampler(Path csv) {
    Runner runner = Runner.builder(RunFunction.of(CropSamplerDirectoryTest.class, "wave")).vars("y", "tag")
        .options(QUIET).build();
    Draws draws = Draws.builder().from("x", Distribution.uniform(0, 3)).values("k", 1, 2, 3).values("fn", "sin", "cos")
        .build();
    return Sampler.builder(runner, draws).file(csv).seed(17).build();
  }

  @Test
  void samplesGrownInOtherJvmsReapIntoTheCsvAsALocalCallWritesThem() throws Exception {
    Path csv = dir.resolve("wave.csv");
    Path localCsv = dir.resolve("local.csv");
    Sampler local = sampler(localCsv);
    Sampler first = sampler(csv);
    local.sampleCombos(15);
    first.sampleCombos(15);
    Path c = dir.resolve("crop");
    Crop crop = Crop.builder(first, c).batches(4).sowSamples(40);
    Map<?, ?> settings = (Map<?, ?>) SettingsJson.parse(Files.readString(c.resolve(CropDirectory.SETTINGS),
        StandardCharsets.UTF_8));
    assertEquals("sample", ((Map<?, ?>) settings.get("plan")).get("points"));
    Map<?, ?> from = (Map<?, ?>) settings.get("sampler");
    assertEquals(csv.toAbsolutePath().toString(), from.get("file"));
    assertEquals(17L, ((Number) from.get("seed")).longValue());
    assertEquals(15L, ((Number) from.get("offset")).longValue(), "the samples held when the crop's were drawn");
    try (ChildProcess one = ChildProcess.start(GrowChild.class, "grow", c.toString(), "0", "2");
        ChildProcess two = ChildProcess.start(GrowChild.class, "grow", c.toString(), "3", "1")) {
      assertEquals(0, one.waitFor(120, TimeUnit.SECONDS), one.output());
      assertEquals(0, two.waitFor(120, TimeUnit.SECONDS), two.output());
    }
    assertTrue(crop.status().isComplete(), crop.status().toString());

    Sampler reopened = sampler(csv); // as a later session would: the 15 samples loaded from the file
    IllegalStateException unreaped = assertThrows(IllegalStateException.class, () -> Crop.open(c).clean());
    assertTrue(unreaped.getMessage().startsWith("crop " + c.toAbsolutePath() + " was never reaped into a harvester or"
        + " sampler"), unreaped.getMessage());
    assertIdentical(local.sampleCombos(40), Crop.open(c).withOptions(QUIET).reap(reopened));
    assertIdentical(local.fullDataset(), reopened.fullDataset());
    try (RecordStore mine = Stores.records(csv, RecordStore.Mode.READ_ONLY);
        RecordStore theirs = Stores.records(localCsv, RecordStore.Mode.READ_ONLY)) {
      assertIdentical(theirs.read(), mine.read());
    }
    assertEquals(Files.readString(localCsv), Files.readString(csv), "the same CSV, byte for byte");
    assertTrue(Files.exists(c.resolve(CropDirectory.REAPS)));

    crop.clean(); // this opening predates the reap: the record on disk is what counts
    assertFalse(Files.exists(c));
    assertTrue(Files.exists(csv), "the sampler's file stays");
  }
}
