package dev.sweep.farm;

import static dev.sweep.testing.DatasetAssertions.assertIdentical;
import static org.junit.jupiter.api.Assertions.*;

import dev.sweep.data.Dataset;
import dev.sweep.run.Runner;
import dev.sweep.space.Design;
import dev.sweep.store.RecordStore;
import dev.sweep.testing.MemoryStores;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A sampler's samples sown into a crop, grown and reaped; and cleaning only what was reaped. */
class CropSamplerTest {
  static final Path DIR = CropTest.DIR;

  static Sampler sampler(RecordStore store, long seed) {
    return Sampler.builder(SamplerTest.runner(), SamplerTest.draws()).store(store).seed(seed).build();
  }

  @Test
  void aSamplersCropReapsExactlyTheSamplesALocalCallKeeps() {
    RecordStore mine = MemoryStores.records(Path.of("crop.csv"));
    RecordStore theirs = MemoryStores.records(Path.of("local.csv"));
    Sampler cropped = sampler(mine, 11);
    Sampler local = sampler(theirs, 11);
    assertIdentical(local.sampleCombos(20), cropped.sampleCombos(20)); // the crop's samples follow those held
    Crop crop = Crop.builder(cropped, new MemoryCropStore(DIR)).batches(4).shuffle(5).sowSamples(30)
        .withOptions(CropTest.QUIET);
    assertEquals(30, crop.runs());
    assertEquals(20, cropped.size(), "sowing draws the points but keeps nothing yet");
    assertEquals(List.of(0, 1, 2, 3), crop.growMissing());
    Dataset reaped = crop.reap(cropped);
    assertIdentical(local.sampleCombos(30), reaped);
    assertIdentical(local.fullDataset(), cropped.fullDataset());
    assertIdentical(theirs.read(), mine.read());
    assertIdentical(local.sampleCombos(7), cropped.sampleCombos(7)); // and the next draws go on alike
  }

  @Test
  void aLatinHypercubeSamplersCropReapsWhatItWouldDraw() {
    Sampler cropped = Sampler.builder(SamplerTest.runner(), SamplerTest.draws()).seed(3).design(Design.LATIN_HYPERCUBE).build();
    Sampler local = Sampler.builder(SamplerTest.runner(), SamplerTest.draws()).seed(3).design(Design.LATIN_HYPERCUBE).build();
    Crop crop = Crop.builder(cropped, new MemoryCropStore(DIR)).batchSize(4).sowSamples(10).withOptions(CropTest.QUIET);
    crop.growMissing();
    assertIdentical(local.sampleCombos(10), crop.reap(cropped));
  }

  @Test
  void aSamplersCropIsAPlanOfPointsThatReopensAndSowsAgainAsItself() {
    MemoryCropStore store = new MemoryCropStore(DIR);
    Sampler s = sampler(MemoryStores.records(Path.of("s.csv")), 2);
    Crop crop = Crop.builder(s, store).batches(3).sowSamples(9);
    assertEquals(java.util.Optional.of(Sampler.DIM), crop.planSpec().points());
    assertEquals(Map.of("file", Path.of("s.csv").toAbsolutePath().toString(), "seed", 2L, "offset", 0L),
        store.readSettings().orElseThrow().get("sampler"));
    Crop again = Crop.builder(s, store).batches(3).sowSamples(9);
    assertEquals(crop.planSpec(), again.planSpec());
    Crop.open(store).withOptions(CropTest.QUIET).growMissing();
    Dataset table = Crop.open(store).reap();
    assertEquals(List.of(Sampler.DIM), table.dims());
    assertEquals(9, table.sizes().get(Sampler.DIM));
  }

  @Test
  void badSowingsSaySo() {
    Sampler s = sampler(MemoryStores.records(Path.of("s.csv")), 1);
    IllegalArgumentException zero = assertThrows(IllegalArgumentException.class,
        () -> Crop.builder(s, new MemoryCropStore(DIR)).sowSamples(0));
    assertEquals("n is 0; expected a positive number of samples to sow", zero.getMessage());
    IllegalArgumentException negative = assertThrows(IllegalArgumentException.class,
        () -> Crop.builder(s, new MemoryCropStore(DIR)).sowSamples(-3));
    assertEquals("n is -3; expected a positive number of samples to sow", negative.getMessage());

    Runner lambda = Runner.builder(args -> 1.0).vars("y").options(CropTest.QUIET).build();
    Sampler ofLambda = Sampler.builder(lambda, SamplerTest.draws()).seed(1).build();
    MemoryCropStore store = new MemoryCropStore(DIR);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Crop.builder(ofLambda, store).sowSamples(5));
    assertTrue(e.getMessage().startsWith("cannot sow a crop: this runner's function "), e.getMessage());
    assertTrue(e.getMessage().contains("build the runner from a static method"), e.getMessage());
    assertTrue(store.readSettings().isEmpty(), "nothing is sown");
    assertEquals(0, ofLambda.size());

    IllegalStateException combos = assertThrows(IllegalStateException.class,
        () -> Crop.builder(s, new MemoryCropStore(DIR)).sowCombos(CropTest.abc()));
    assertTrue(combos.getMessage().endsWith("'s sampler: call sowSamples(n), not sowCases or sowCombos"), combos.getMessage());
    IllegalStateException samples = assertThrows(IllegalStateException.class,
        () -> Crop.builder(CropTest.fooRunner(), new MemoryCropStore(DIR)).sowSamples(5));
    assertEquals("sowSamples(5) needs a sampler; this builder sows the sweeps of a runner (sowCases, sowCombos): build"
        + " it with Crop.builder(sampler, dir)", samples.getMessage());
  }

  @Test
  void aReapIntoAnotherSamplerOrTwiceIsRefusedAndKeepsNothing() {
    RecordStore file = MemoryStores.records(Path.of("s.csv"));
    Sampler s = sampler(file, 4);
    Crop crop = Crop.builder(s, new MemoryCropStore(DIR)).batches(2).sowSamples(6).withOptions(CropTest.QUIET);
    crop.growMissing();

    Sampler otherSeed = sampler(MemoryStores.records(Path.of("o.csv")), 5);
    IllegalArgumentException seed = assertThrows(IllegalArgumentException.class, () -> crop.reap(otherSeed));
    assertEquals("crop " + DIR + " holds samples drawn with the seed 4, but the sampler of "
        + "o.csv draws with the seed 5; build the sampler with seed(4L)", seed.getMessage());

    Runner other = SamplerTest.runner().toBuilder().attr("fruit", "pears").build();
    Sampler otherRunner = Sampler.builder(other, SamplerTest.draws()).seed(4).build();
    IllegalArgumentException runner = assertThrows(IllegalArgumentException.class, () -> crop.reap(otherRunner));
    assertTrue(runner.getMessage().startsWith("crop " + DIR + " was sown by another runner than that of the sampler of "),
        runner.getMessage());
    assertTrue(runner.getMessage().contains("{fruit=apples} in the crop, {fruit=pears} in the sampler"), runner.getMessage());

    Sampler drewSince = sampler(MemoryStores.records(Path.of("d.csv")), 4);
    drewSince.sampleCombos(3);
    IllegalStateException since = assertThrows(IllegalStateException.class, () -> crop.reap(drewSince));
    assertEquals("the sampler of d.csv holds 3 samples, but the 6 samples of crop "
        + DIR + " were drawn when it held 0; they were reaped into it already, or it drew samples since, which the draw"
        + " repeats: reap a crop into its sampler before the sampler draws again (nothing was kept)", since.getMessage());
    assertEquals(3, drewSince.size());

    crop.reap(s);
    assertEquals(6, s.size());
    IllegalStateException twice = assertThrows(IllegalStateException.class, () -> crop.reap(s));
    assertTrue(twice.getMessage().contains("holds 6 samples, but the 6 samples of crop " + DIR + " were drawn when it"
        + " held 0; they were reaped into it already"), twice.getMessage());
    assertEquals(6, s.size());
    assertEquals(6, file.read().sizes().values().iterator().next());
  }

  @Test
  void aSamplersCropAndAGridsDoNotMix() {
    Sampler s = sampler(MemoryStores.records(Path.of("s.csv")), 4);
    Crop samples = Crop.builder(s, new MemoryCropStore(DIR)).batches(2).sowSamples(6).withOptions(CropTest.QUIET);
    samples.growMissing();
    Harvester h = Harvester.builder(SamplerTest.runner(), MemoryStores.dataset(DIR.resolve("h.nc"))).build();
    IllegalArgumentException intoHarvester = assertThrows(IllegalArgumentException.class, () -> samples.reap(h));
    assertEquals("crop " + DIR + " holds a sampler's samples, not a sweep over a grid; reap them into their sampler with"
        + " reap(sampler), not into the harvester of " + DIR.resolve("h.nc"), intoHarvester.getMessage());

    Crop grid = Crop.builder(CropTest.fooRunner(), new MemoryCropStore(DIR)).batches(2).sowCombos(CropTest.abc());
    grid.growMissing();
    IllegalArgumentException intoSampler = assertThrows(IllegalArgumentException.class, () -> grid.reap(s));
    assertTrue(intoSampler.getMessage().startsWith("crop " + DIR + " holds a sweep of "), intoSampler.getMessage());
    assertTrue(intoSampler.getMessage().endsWith(", not a sampler's samples; reap it with reap() or reap(harvester)"),
        intoSampler.getMessage());
  }

  @Test
  void anIncompleteSamplersCropKeepsNothing() {
    Sampler s = sampler(MemoryStores.records(Path.of("s.csv")), 4);
    Crop crop = Crop.builder(s, new MemoryCropStore(DIR)).batches(3).sowSamples(9).withOptions(CropTest.QUIET);
    crop.grow(0);
    crop.grow(2);
    IncompleteCropException e = assertThrows(IncompleteCropException.class, () -> crop.reap(s));
    assertEquals(List.of(1), e.batches());
    assertEquals(0, s.size());
  }

  @Test
  void cleaningAnUnreapedCropIsRefusedNamingTheBatchesNotDoneUnlessForced() {
    MemoryCropStore store = new MemoryCropStore(DIR);
    Crop crop = Crop.builder(CropTest.fooRunner(), store).batches(4).sowCombos(CropTest.abc()).withOptions(CropTest.QUIET);
    crop.grow(0);
    crop.grow(2);
    IllegalStateException e = assertThrows(IllegalStateException.class, crop::clean);
    assertEquals("crop " + DIR + " was never reaped into a harvester or sampler, so cleaning it would lose its results:"
        + " none of its 4 batches was reaped, and 2 are not done: [1, 3]; reap it with reap(harvester) or"
        + " reap(sampler) first, or clean(true) to delete it anyway", e.getMessage());
    crop.growMissing();
    crop.reap(); // a dataset in memory only: the crop still keeps the only copy on disk
    IllegalStateException done = assertThrows(IllegalStateException.class, () -> Crop.open(store).clean());
    assertTrue(done.getMessage().contains("none of its 4 batches was reaped (all are done); reap it"), done.getMessage());
    assertTrue(store.readSettings().isPresent(), "nothing is deleted");
    assertTrue(store.readResult(0).isPresent(), "nothing is deleted");
    crop.clean(true);
    assertTrue(store.readSettings().isEmpty());
    assertTrue(store.readResult(0).isEmpty());
  }

  @Test
  void aCropReapedIntoAHarvesterOrSamplerCleansFromAnyOpening() {
    MemoryCropStore store = new MemoryCropStore(DIR);
    Harvester h = Harvester.builder(CropTest.fooRunner(), MemoryStores.dataset(DIR.resolve("foo.nc"))).build();
    Crop crop = Crop.builder(h, store).batches(2).sowCombos(CropTest.abc()).withOptions(CropTest.QUIET);
    crop.growMissing();
    crop.reap(h);
    assertEquals("harvester", store.reaps().get(0).get("into"));
    assertEquals(DIR.resolve("foo.nc").toAbsolutePath().toString(), store.reaps().get(0).get("file"));
    Crop.open(store).clean();
    assertTrue(store.readSettings().isEmpty());

    MemoryCropStore samples = new MemoryCropStore(DIR);
    Sampler s = sampler(MemoryStores.records(Path.of("s.csv")), 4);
    Crop sown = Crop.builder(s, samples).batches(2).sowSamples(4).withOptions(CropTest.QUIET);
    sown.growMissing();
    sown.reap(s);
    assertEquals("sampler", samples.reaps().get(0).get("into"));
    Crop.open(samples).clean();
    assertTrue(samples.readSettings().isEmpty());
  }
}
