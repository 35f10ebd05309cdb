package dev.sweep.farm;

import static dev.sweep.testing.DatasetAssertions.assertIdentical;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.sweep.data.Dataset;
import dev.sweep.data.Index;
import dev.sweep.data.MergePolicy;
import dev.sweep.run.RunFunction;
import dev.sweep.run.RunOptions;
import dev.sweep.run.Runner;
import dev.sweep.space.Combos;
import dev.sweep.space.Values;
import dev.sweep.store.DatasetStore;
import dev.sweep.testing.MemoryStores;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Editing a harvest: dropSel, expandDims and replace, and what they do to the checkpoints of dead harvests. */
class HarvesterEditTest {
  static final RunOptions QUIET = RunOptions.builder().verbosity(0).build();
  @TempDir Path dir;

  static double f(int a, int b) {
    return a * 10.0 + b;
  }

  static double g(int a, int b, int c) {
    return a * 10.0 + b + c * 100.0;
  }

  static Runner runner() {
    return Runner.builder(RunFunction.of(HarvesterEditTest.class, "f")).vars("y").options(QUIET).build();
  }

  static Combos grid(int... as) {
    List<Object> a = new java.util.ArrayList<>();
    for (int x : as) a.add(x);
    return Combos.builder().add("a", a).add("b", Values.range(0, 3)).build();
  }

  @Test
  void dropSelRemovesLabelsFromMemoryAndTheStoreAndTheNextHarvestKeepsThemOut() {
    DatasetStore store = MemoryStores.dataset(dir.resolve("d.nc"));
    Harvester h = Harvester.builder(runner(), store).build();
    h.harvestCombos(grid(0, 1, 2, 3));
    Dataset after = h.dropSel(Map.of("a", List.of(1, 2)));
    assertIdentical(runner().runCombos(grid(0, 3)), after);
    assertIdentical(after, store.read());
    assertIdentical(after, h.fullDataset());
    h.harvestCombos(grid(4));
    assertEquals(Index.ofInts(0, 3, 4), store.read().coord("a"));
    assertEquals(Index.ofInts(0, 3, 4), Harvester.builder(runner(), store).build().fullDataset().coord("a"));
  }

  @Test
  void aDeadHarvestsCheckpointsLoseTheDroppedLabelsAndKeepTheirOtherRuns() throws Exception {
    DatasetStore store = MemoryStores.dataset(dir.resolve("j.nc"));
    Harvester h = Harvester.builder(runner(), store).build();
    h.harvestCombos(grid(0));
    // A harvest that saved checkpoints of a = 1 and a = 2, then died.
    Journal j = Journal.create(h.file().toAbsolutePath(), MergePolicy.FAIL_ON_CONFLICT);
    j.write(runner().runCombos(grid(1)), 3);
    j.write(runner().runCombos(grid(2)), 3);
    j.release();
    h.dropSel(Map.of("a", 1));
    assertFalse(Files.exists(j.path()), "the edit took the journal in");
    assertIdentical(runner().runCombos(grid(0, 2)), store.read());
    h.harvestCombos(grid(3));
    assertEquals(Index.ofInts(0, 2, 3), store.read().coord("a"), "the dead harvest's a = 1 does not come back");
  }

  @Test
  void replaceDiscardsTheCheckpointsOfDeadHarvestsAsDeleteDoes() throws Exception {
    DatasetStore store = MemoryStores.dataset(dir.resolve("r.nc"));
    Harvester h = Harvester.builder(runner(), store).build();
    h.harvestCombos(grid(0, 1));
    Journal j = Journal.create(h.file().toAbsolutePath(), MergePolicy.FAIL_ON_CONFLICT);
    j.write(runner().runCombos(grid(2)), 3);
    j.release();
    Dataset given = runner().runCombos(grid(5));
    assertIdentical(given, h.replace(given));
    assertFalse(Files.exists(j.path()));
    assertIdentical(given, store.read());
    h.harvestCombos(grid(6));
    assertEquals(Index.ofInts(5, 6), store.read().coord("a"));
  }

  @Test
  void expandDimsTurnsAConstantOfEarlierHarvestsIntoASweptParameter() {
    DatasetStore store = MemoryStores.dataset(dir.resolve("e.nc"));
    Runner constant = Runner.builder(RunFunction.of(HarvesterEditTest.class, "g")).vars("y").constant("c", 8)
        .options(QUIET).build();
    Harvester.builder(constant, store).build().harvestCombos(grid(0, 1));
    // As xyzpy: expand_dims({c: [8]}), then harvest {c: [8, 9]} with c an argument.
    Runner swept = Runner.builder(RunFunction.of(HarvesterEditTest.class, "g")).vars("y").options(QUIET).build();
    Harvester h = Harvester.builder(swept, store).build();
    assertEquals("expandDims: " + store.path() + " records the constant c = 8 (its attribute 'c'), not 9; give that "
        + "value as the label", assertThrows(IllegalArgumentException.class, () -> h.expandDims("c", 9)).getMessage());
    Dataset expanded = h.expandDims("c", 8);
    assertEquals(List.of("c", "a", "b"), expanded.dims());
    assertEquals(Index.ofInts(8), expanded.coord("c"));
    assertFalse(expanded.attrs().containsKey("c"), "the label holds the constant now");
    Combos both = Combos.builder().add("a", 0, 1).add("b", Values.range(0, 3)).add("c", 8, 9).build();
    h.harvestCombos(both);
    Dataset want = swept.runCombos(both);
    assertIdentical(want.transpose("c", "a", "b"), store.read());
    // A live harvester still running with the constant is refused, naming the dimensions.
    Harvester old = Harvester.builder(constant, MemoryStores.dataset(dir.resolve("o.nc"))).build();
    old.harvestCombos(grid(0));
    old.expandDims("c", 8);
    var e = assertThrows(IllegalArgumentException.class, () -> old.harvestCombos(grid(1)));
    assertEquals(dir.resolve("o.nc") + " was written by a different runner: variable 'y' has dimensions [c, a, b] "
        + "there and [a, b] in the new results", e.getMessage());
  }

  @Test
  void badEditsAreRefusedSayingWhatExists() {
    DatasetStore store = MemoryStores.dataset(dir.resolve("bad.nc"));
    Harvester h = Harvester.builder(runner(), store).build();
    assertEquals("dropSel: nothing is harvested in " + store.path() + " yet",
        assertThrows(IllegalArgumentException.class, () -> h.dropSel(Map.of("a", 1))).getMessage());
    assertEquals("expandDims: nothing is harvested in " + store.path() + " yet",
        assertThrows(IllegalArgumentException.class, () -> h.expandDims("c", 1)).getMessage());
    h.harvestCombos(grid(0, 1));
    Dataset before = store.read();
    assertEquals("dropSel along 'a' would remove every label [0, 1]; a dimension keeps at least one (drop the "
        + "variables over it with dropVars instead)",
        assertThrows(IllegalArgumentException.class, () -> h.dropSel(Map.of("a", List.of(0, 1)))).getMessage());
    assertEquals("dropSel along 'a': no label 7; its labels are [0, 1]",
        assertThrows(IllegalArgumentException.class, () -> h.dropSel(Map.of("a", 7))).getMessage());
    assertEquals("dropSel: no dimension 'z'; the dimensions are [a, b]",
        assertThrows(IllegalArgumentException.class, () -> h.dropSel(Map.of("z", 7))).getMessage());
    assertEquals("dropSel: no labels given; name the labels to remove by dimension, e.g. Map.of(\"a\", List.of(3, 4))",
        assertThrows(IllegalArgumentException.class, () -> h.dropSel(Map.of())).getMessage());
    Map<String, Object> nullLabels = new HashMap<>();
    nullLabels.put("a", null);
    assertEquals("dropSel along 'a': the labels are null",
        assertThrows(IllegalArgumentException.class, () -> h.dropSel(nullLabels)).getMessage());
    assertEquals("dropSel along 'a': a label is null",
        assertThrows(IllegalArgumentException.class, () -> h.dropSel(Map.of("a", java.util.Arrays.asList(0, null))))
            .getMessage());
    assertEquals("dropSel: labels is null; expected labels by dimension name",
        assertThrows(NullPointerException.class, () -> h.dropSel(null)).getMessage());
    assertEquals("expandDims: dimension 'a' already exists; the dimensions are [a, b]",
        assertThrows(IllegalArgumentException.class, () -> h.expandDims("a", 1)).getMessage());
    assertEquals("expandDims: label is null; expected the value the harvested runs shared",
        assertThrows(NullPointerException.class, () -> h.expandDims("c", null)).getMessage());
    assertEquals("expandDims: dim is null; expected the name of the new dimension",
        assertThrows(NullPointerException.class, () -> h.expandDims(null, 1)).getMessage());
    assertEquals("replace: dataset is null; expected the dataset the harvest becomes",
        assertThrows(NullPointerException.class, () -> h.replace(null)).getMessage());
    Dataset other = Runner.builder(a -> 1.0).vars("z").options(QUIET).build()
        .runCombos(Combos.builder().add("a", 1).build());
    assertEquals("the replacement holds variables [z], but the runner of " + store.path() + " declares [y]; "
        + "missing: [y]; not declared: [z]",
        assertThrows(IllegalArgumentException.class, () -> h.replace(other)).getMessage());
    assertEquals("replace: the dataset holds no variable; to empty the harvest, delete() it",
        assertThrows(IllegalArgumentException.class, () -> h.replace(Dataset.builder().build())).getMessage());
    assertIdentical(before, store.read()); // no refused edit touched the store
    assertIdentical(before, h.fullDataset());
  }
}
