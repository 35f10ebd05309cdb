package dev.sweep.farm;

import static dev.sweep.testing.DatasetAssertions.assertIdentical;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sweep.data.DType;
import dev.sweep.data.Dataset;
import dev.sweep.run.Args;
import dev.sweep.run.PlanRunner;
import dev.sweep.run.RunFunction;
import dev.sweep.run.RunPlan;
import dev.sweep.run.RunOptions;
import dev.sweep.run.Runner;
import dev.sweep.space.Distribution;
import dev.sweep.space.Draws;
import dev.sweep.store.IncompatibleStoreException;
import dev.sweep.store.RecordStore;
import dev.sweep.testing.MemoryStores;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The Sampler on its own terms, over an in-memory record store. */
class SamplerTest {
  static final RunOptions QUIET = RunOptions.builder().verbosity(0).build();

  static double scaled(double x, int k, double c) {
    return k * x + c;
  }

  static Runner runner() {
    return Runner.builder(RunFunction.of(SamplerTest.class, "scaled")).vars("y").constant("c", 0.5)
        .attr("fruit", "apples").options(QUIET).build();
  }

  static Draws draws() {
    return Draws.builder().from("x", Distribution.uniform(0, 1)).values("k", 1, 2, 3).build();
  }

  @Test
  void samplesAreAppendedToTheStoreWithConstantsAsColumnsAndAttributes() {
    RecordStore store = MemoryStores.records(Path.of("mem.csv"));
    Sampler s = Sampler.builder(runner(), draws()).store(store).seed(1).build();
    Dataset first = s.sampleCombos(100);
    s.sampleCombos(50);
    assertEquals(List.of("x", "k", "c", "y"), List.copyOf(first.variables().keySet()));
    assertEquals(List.of(Sampler.DIM), first.variable("y").dims());
    assertEquals(Map.of("fruit", "apples"), first.attrs());
    Dataset full = s.fullDataset();
    assertEquals(150, full.sizes().get(Sampler.DIM));
    assertEquals(150, store.size());
    for (int i = 0; i < 150; i++) {
      double x = full.variable("x").getDouble(i);
      int k = (int) full.variable("k").getDouble(i);
      assertEquals(0.5, full.variable("c").getDouble(i));
      assertEquals(k * x + 0.5, full.variable("y").getDouble(i), "sample " + i);
    }
    assertEquals(DType.INT, full.variable("k").type());
  }

  @Test
  void aNewSamplerOverTheSameStoreLoadsItsSamplesAndGoesOnWithNewOnes() {
    RecordStore store = MemoryStores.records(Path.of("mem.csv"));
    Sampler s = Sampler.builder(runner(), draws()).store(store).seed(1).build();
    Dataset first = s.sampleCombos(20);
    Sampler again = Sampler.builder(runner(), draws()).store(store).seed(1).build();
    assertEquals(20, again.size());
    assertIdentical(s.fullDataset(), again.fullDataset());
    Dataset more = again.sampleCombos(20);
    assertTrue(first.variable("x").getDouble(0) != more.variable("x").getDouble(0), "new samples, not a replay");
  }

  @Test
  void theSameSeedGivesTheSameSamplesWhateverTheWorkers() {
    Dataset serial = Sampler.builder(runner(), draws()).seed(7).build().sampleCombos(5_000);
    Dataset parallel = Sampler.builder(runner(), draws()).seed(7)
        .options(RunOptions.builder().verbosity(0).workers(2).build()).build().sampleCombos(5_000);
    assertIdentical(serial, parallel);
  }

  @Test
  void aStoreOfOtherColumnsIsRefusedWithBothDescriptions() {
    RecordStore store = MemoryStores.records(Path.of("other.csv"));
    Runner plain = Runner.builder(RunFunction.ofDouble((Args a) -> a.getDouble("x"))).vars("z").options(QUIET).build();
    Sampler.builder(plain, Draws.builder().from("x", Distribution.uniform(0, 1)).build()).store(store).seed(1)
        .build().sampleCombos(3);
    IncompatibleStoreException e = assertThrows(IncompatibleStoreException.class,
        () -> Sampler.builder(runner(), draws()).store(store).build());
    assertEquals("[x, z]", e.stored());
    assertEquals("[x, k, c, y]", e.expected());
    assertEquals("refusing to mix samples: other.csv has the columns [x, z] but [x, k, c, y] are expected: "
        + "missing [k, c, y]; extra [z]; sample into another file, or move this one away",
        e.getMessage());
  }

  @Test
  void aLabelNamesItsFileWithSample() {
    Sampler.Builder b = Sampler.labelled(Labelled.class, "f", Draws.builder().from("x", Distribution.uniform(0, 1)).build());
    assertTrue(b != null);
    // No store for .csv is registered in this module: the refusal names the file chosen, after the method.
    var e = assertThrows(IllegalArgumentException.class, () -> Sampler.labelled(Labelled.class, "g",
        Draws.builder().from("x", Distribution.uniform(0, 1)).build()).build());
    assertTrue(e.getMessage().startsWith("no storage for '" + Path.of("g.csv").toAbsolutePath() + "'"), e.getMessage());
  }

  @Test
  void samplesRunOnTheGivenPlanRunnerAreTheSamplesALocalRunGives() {
    List<RunPlan> plans = new ArrayList<>();
    PlanRunner thirds = new PlanRunner() {
      @Override
      public dev.sweep.data.Dataset run(RunPlan plan) {
        plans.add(plan);
        long a = plan.size() / 3;
        long b = 2 * plan.size() / 3;
        return plan.assemble(List.of(plan.run(b, plan.size()), plan.run(0, a), plan.run(a, b)));
      }

      @Override
      public List<dev.sweep.run.RunBatch> run(RunPlan plan, long from, long to) {
        return PlanRunner.local().run(plan, from, to);
      }
    };
    Sampler here = Sampler.builder(runner(), draws()).seed(3).build();
    Sampler there = Sampler.builder(runner(), draws()).seed(3).runOn(thirds).build();
    here.sampleCombos(200);
    there.sampleCombos(200);
    assertIdentical(here.sampleCombos(100), there.sampleCombos(100));
    assertIdentical(here.fullDataset(), there.fullDataset());
    assertEquals(2, plans.size());
    assertTrue(plans.get(0).isPoints());
    assertEquals(List.of(Sampler.DIM), plans.get(0).dims());
  }

  static final class Labelled {
    @dev.sweep.run.Label(varNames = "y")
    @Sample("f.csv")
    static double f(double x) {
      return x;
    }

    @dev.sweep.run.Label(varNames = "y")
    static double g(double x) {
      return x;
    }
  }
}
