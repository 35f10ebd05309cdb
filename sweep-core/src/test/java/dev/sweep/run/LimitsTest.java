package dev.sweep.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sweep.data.Dataset;
import dev.sweep.space.Combos;
import dev.sweep.space.Values;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Sweeps at the edges: too large for memory, runs that overflow the stack, results that are null. */
class LimitsTest {
  static final RunOptions QUIET = RunOptions.builder().verbosity(0).build();

  static double deep(double x) {
    return x < 2 ? x : deep(x + 1) + 1;
  }

  @Test
  void aSweepTooLargeForMemoryIsRefusedBeforeAnyRunNamingItsSizeAndTheLimit() {
    int[] calls = {0};
    Runner r = Runner.builder(RunFunction.ofDouble(a -> ++calls[0])).vars("y").options(QUIET).build();
    Combos huge = Combos.builder().add("a", Values.range(0, 1000)).add("b", Values.range(0, 1000))
        .add("c", Values.range(0, 1000)).add("d", Values.range(0, 1000)).build();
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> r.runCombos(huge));
    assertTrue(e.getMessage().startsWith("the sweep over a: 1000 x b: 1000 x c: 1000 x d: 1000 needs at least "
        + "1000000000000 bytes of off-heap memory"), e.getMessage());
    assertTrue(e.getMessage().contains("-Dorg.bytedeco.javacpp.maxbytes="), e.getMessage());
    assertEquals(0, calls[0], "no run was made");
  }

  @Test
  void aSweepWhoseRunsOverflowALongIsRefusedNamingTheSizes() {
    Combos.Builder b = Combos.builder();
    for (int d = 0; d < 10; d++) b.add("p" + d, Values.range(0, 1000));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> b.build().size());
    assertTrue(e.getMessage().startsWith("the combinations of p0: 1000 x p1: 1000 x "), e.getMessage());
    assertTrue(e.getMessage().endsWith(" are more than 9223372036854775807 runs; sweep fewer values, or sample the"
        + " space with a Sampler"), e.getMessage());
  }

  @Test
  void aStackOverflowInTheFunctionIsAFailedRunWithItsArguments() {
    Runner r = Runner.builder(RunFunction.of(LimitsTest.class, "deep")).vars("y").options(QUIET).build();
    RunFailedException e = assertThrows(RunFailedException.class,
        () -> r.runCombos(Combos.builder().add("x", 2.5).build()));
    assertEquals("run 0 of 1 failed for x=2.5: java.lang.StackOverflowError", e.getMessage());
    Runner going = r.with(RunOptions.builder().verbosity(0).onError(OnError.CONTINUE).build());
    Dataset ds = going.runCombos(Combos.builder().add("x", 1.5, 2.5).build());
    assertEquals(1.5, ds.doubleValue("y", Map.of("x", 1.5)));
    assertTrue(Double.isNaN(ds.doubleValue("y", Map.of("x", 2.5))));
  }

  @Test
  void aNullResultIsAMissingValueNotAFailure() {
    Runner r = Runner.builder(a -> a.getDouble("x") > 1 ? null : a.getDouble("x")).vars("y").options(QUIET).build();
    Dataset ds = r.runCombos(Combos.builder().add("x", 1.0, 2.0).build());
    assertEquals(1.0, ds.doubleValue("y", Map.of("x", 1.0)));
    assertTrue(Double.isNaN(ds.doubleValue("y", Map.of("x", 2.0))));
    assertFalse(ds.missingCases().isEmpty());
  }
}
