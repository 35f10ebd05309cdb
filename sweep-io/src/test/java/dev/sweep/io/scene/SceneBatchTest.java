package dev.sweep.io.scene;

import static org.junit.jupiter.api.Assertions.*;

import dev.sweep.data.Dataset;
import dev.sweep.data.Index;
import dev.sweep.data.Variable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.factory.Nd4j;

class SceneBatchTest {
  @TempDir Path dir;

  @Test
  void aBatchTakesConsecutiveIdsLaidOverItsShape() {
    Scene.create(dir);
    SceneBatch b = SceneBatch.builder(dir).dim("batch", 2).dim("config", 3).create();
    assertEquals(6, b.size());
    assertEquals(List.of("batch", "config"), b.dims());
    assertEquals(Map.of("batch", 2, "config", 3), b.sizes());
    assertEquals(dir.resolve("sim_000001"), b.scene(0, 0).path());
    assertEquals(dir.resolve("sim_000003"), b.scene(0, 2).path());
    assertEquals(dir.resolve("sim_000004"), b.scene(1, 0).path(), "the last dimension varies fastest");
    assertEquals(dir.resolve("sim_000006"), b.scenes().get(5).path());
    assertEquals(Index.range(3), b.coord("config"));
    assertTrue(b.scenes().stream().allMatch(s -> Files.isRegularFile(s.path().resolve("src/context.json"))));
  }

  @Test
  void atOverDirectoriesEqualsTheCreatedBatchAndFailsAfterRemove() {
    SceneBatch b = SceneBatch.create(dir, "sim", "scenes", 3);
    SceneBatch again = SceneBatch.at(b.paths());
    assertEquals(b, again);
    assertEquals("SceneBatch(scenes: 3) " + b.paths(), b.toString());
    b.remove();
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SceneBatch.at(b.paths()));
    assertEquals("no scene at " + b.paths().get(0) + ": the directory does not exist", e.getMessage());
  }

  @Test
  void listMakesABatchOfEveryScene() {
    Scene.create(dir);
    Scene.create(dir);
    SceneBatch b = SceneBatch.list(dir, "sim", "run");
    assertEquals(List.of("run"), b.dims());
    assertEquals(Scene.list(dir), b.scenes());
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SceneBatch.list(dir, "other", "run"));
    assertEquals("no scenes named 'other' in " + dir + " to batch", e.getMessage());
  }

  @Test
  void labelledDimensionsFindScenesByLabel() {
    SceneBatch b = SceneBatch.builder(dir).dim("smoothness", Index.ofDoubles(0.5, 1.0, 2.0)).create();
    assertEquals(b.scenes().get(2), b.scene(Map.of("smoothness", 2.0)));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> b.scene(Map.of("smoothness", 3.0)));
    assertEquals("batch dimension 'smoothness' has no label 3.0; its labels are [0.5, 1.0, 2.0]", e.getMessage());
  }

  /** PhiFlow's test_batched_properties. */
  @Test
  void batchedPropertiesAreSlicedPerSceneAndStackedBack() {
    SceneBatch b = SceneBatch.create(dir, "sim", "scenes", 2);
    Variable batched = Variable.of("batched", List.of("scenes"), Nd4j.createFromArray(0L, 1L));
    Variable batchedTensor = Variable.of("bt", List.of("scenes", "vector"), Nd4j.createFromArray(new double[][] {{0, 0}, {2, 3}}));
    Variable tensor = Variable.of("t", List.of("vector"), Nd4j.createFromArray(2.0, 3.0));
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("batched", batched);
    p.put("non_batched", -1.0);
    p.put("batched_tensor", batchedTensor);
    p.put("non_batched_tensor", tensor);
    b.putAll(p);
    Scene s0 = b.scenes().get(0);
    Scene s1 = b.scenes().get(1);
    assertEquals(0, s0.property("batched"), "JSON integers read as Integer when they fit");
    assertEquals(1, s1.property("batched"));
    assertEquals(-1.0, s0.property("non_batched"));
    assertEquals(-1.0, s1.property("non_batched"));
    assertArrayEquals(new double[] {0, 0}, ((Variable) s0.property("batched_tensor")).toDoubleArray());
    assertArrayEquals(new double[] {2, 3}, ((Variable) s1.property("batched_tensor")).toDoubleArray());
    assertArrayEquals(new double[] {2, 3}, ((Variable) s0.property("non_batched_tensor")).toDoubleArray());
    Map<String, Object> stacked = SceneBatch.of(List.of(s0, s1), "scenes").properties();
    Variable back = (Variable) stacked.get("batched");
    assertEquals(List.of("scenes"), back.dims());
    assertArrayEquals(new double[] {0, 1}, back.toDoubleArray());
    assertEquals(-1.0, stacked.get("non_batched"), "equal values collapse to one");
    Variable bt = (Variable) stacked.get("batched_tensor");
    assertEquals(List.of("scenes", "vector"), bt.dims());
    assertArrayEquals(new double[] {0, 0, 2, 3}, bt.toDoubleArray());
    assertArrayEquals(new double[] {2, 3}, ((Variable) stacked.get("non_batched_tensor")).toDoubleArray());
  }

  @Test
  void differingNonNumbersStackIntoAListAndStringsIntoAVariable() {
    SceneBatch b = SceneBatch.create(dir, "sim", "batch", 2);
    b.scenes().get(0).putAll(Map.of("cfg", Map.of("a", 1), "solver", "cg"));
    b.scenes().get(1).putAll(Map.of("cfg", Map.of("a", 2), "solver", "jacobi"));
    assertEquals(List.of(Map.of("a", 1), Map.of("a", 2)), b.property("cfg"));
    Variable solver = (Variable) b.property("solver");
    assertArrayEquals(new String[] {"cg", "jacobi"}, solver.toStringArray());
  }

  @Test
  void aPropertyMissingInSomeScenesNamesThem() {
    SceneBatch b = SceneBatch.create(dir, "sim", "batch", 3);
    b.scenes().get(1).put("only", 1);
    IllegalStateException e = assertThrows(IllegalStateException.class, b::properties);
    assertEquals("property 'only' is missing in [sim_000000, sim_000002] but present in the other 1 scene(s) of the"
        + " batch; a batch's properties must be in every scene", e.getMessage());
  }

  @Test
  void aBatchedPropertyOfAnotherSizeIsRefusedAndNothingWritten() {
    SceneBatch b = SceneBatch.create(dir, "sim", "batch", 4);
    Variable three = Variable.of("s", List.of("batch"), Nd4j.createFromArray(1.0, 2.0, 3.0));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> b.put("smoothness", three));
    assertEquals("property 'smoothness' has size 3 along the batch dimension 'batch'; the scene batch has 4 (batch (batch: 4))",
        e.getMessage());
    assertTrue(b.scenes().stream().noneMatch(Scene::hasProperties));
  }

  @Test
  void aDamagedDescriptionInOneSceneStopsTheWholeUpdate() throws Exception {
    SceneBatch b = SceneBatch.create(dir, "sim", "batch", 3);
    Path bad = b.scenes().get(2).path().resolve("description.json");
    Files.writeString(bad, "{oops");
    assertThrows(dev.sweep.store.StoreFormatException.class, () -> b.put("a", 1));
    assertFalse(b.scenes().get(0).hasProperties(), "no scene was updated");
    assertEquals("{oops", Files.readString(bad));
  }

  /** PhiFlow's test_write_read_batch_matching: the data's batch dimension matches the scenes'. */
  @Test
  void dataWithTheBatchDimensionIsSlicedOneFilePerScene() {
    SceneBatch b = SceneBatch.create(dir, "sim", "count", 2);
    Variable smoke = Fields.random(List.of("count", "x", "y"), new long[] {2, 4, 3}, 1);
    b.write("smoke", GridField.builder(smoke).dimType("count", GridField.DimType.BATCH).build(), 0);
    Dataset one = b.scenes().get(1).read("smoke", 0);
    assertEquals(List.of("x", "y"), one.variable("smoke").dims());
    assertArrayEquals(java.util.Arrays.copyOfRange(smoke.toDoubleArray(), 12, 24), one.variable("smoke").toDoubleArray());
    Dataset back = b.read("smoke", 0);
    assertEquals(List.of("count", "x", "y"), back.variable("smoke").dims());
    assertEquals(Index.range(2), back.coord("count"));
    assertArrayEquals(smoke.toDoubleArray(), back.variable("smoke").toDoubleArray());
    assertEquals("CenteredGrid", back.variable("smoke").attrs().get("field_type"));
    assertArrayEquals(new String[] {"spatial", "spatial"}, (String[]) one.variable("smoke").attrs().get("dim_types"));
  }

  @Test
  void aBatchDimensionLeftTypedSpatialLosesItsBoundsEntryWhenSliced() {
    SceneBatch b = SceneBatch.create(dir, "sim", "count", 2);
    b.write("smoke", Fields.random(List.of("count", "x"), new long[] {2, 5}, 1), 0);
    Variable v = b.scenes().get(0).read("smoke", 0).variable("smoke");
    assertArrayEquals(new double[] {5}, (double[]) v.attrs().get("upper"));
    assertArrayEquals(new String[] {"x"}, (String[]) v.attrs().get("bounds_item_names"));
  }

  /** PhiFlow's test_write_read_batch_batched_files: batch dimensions the scenes lack stay inside the files. */
  @Test
  void otherBatchDimensionsOfTheDataStayInsideEachFile() {
    SceneBatch b = SceneBatch.create(dir, "sim", "count", 2);
    Variable smoke = Fields.random(List.of("count", "config", "x", "y"), new long[] {2, 3, 4, 4}, 2);
    b.write("smoke", GridField.builder(smoke).dimType("count", GridField.DimType.BATCH)
        .dimType("config", GridField.DimType.BATCH).build(), 0);
    Variable inFile = b.scenes().get(0).read("smoke", 0).variable("smoke");
    assertEquals(List.of("config", "x", "y"), inFile.dims());
    assertArrayEquals(new String[] {"batch", "spatial", "spatial"}, (String[]) inFile.attrs().get("dim_types"));
    assertArrayEquals(smoke.toDoubleArray(), b.read("smoke", 0).variable("smoke").toDoubleArray());
  }

  /** PhiFlow's test_write_read_batch_duplicate: data without the batch dimension is tiled. */
  @Test
  void dataWithoutTheBatchDimensionIsStoredInEveryScene() {
    SceneBatch b = SceneBatch.create(dir, "sim", "more", 2);
    Variable smoke = Fields.random(List.of("count", "x", "y"), new long[] {2, 3, 3}, 3);
    b.write("smoke", GridField.builder(smoke).dimType("count", GridField.DimType.BATCH).build(), 0);
    Dataset back = b.read("smoke", 0);
    assertEquals(List.of("more", "count", "x", "y"), back.variable("smoke").dims());
    assertEquals(4, back.sizes().get("more") * back.sizes().get("count"));
    double[] once = smoke.toDoubleArray();
    double[] twice = new double[2 * once.length];
    System.arraycopy(once, 0, twice, 0, once.length);
    System.arraycopy(once, 0, twice, once.length, once.length);
    assertArrayEquals(twice, back.variable("smoke").toDoubleArray());
  }

  @Test
  void batchReadsAreLabelledByTheBatchLabels() {
    SceneBatch b = SceneBatch.builder(dir).dim("smoothness", Index.ofDoubles(0.5, 2.0)).create();
    b.write("noise", Fields.noise(3, 2, 1), 4);
    Dataset back = b.read("noise", 4);
    assertEquals(Index.ofDoubles(0.5, 2.0), back.coord("smoothness"));
    assertArrayEquals(Fields.noise(3, 2, 1).toDoubleArray(),
        back.sel(Map.of("smoothness", 2.0)).variable("noise").toDoubleArray());
    assertEquals(List.of("noise"), b.fieldNames());
    assertEquals(List.of(4), b.frames());
    assertEquals(List.of(4), b.completeFrames());
  }

  @Test
  void dataOfAnotherBatchSizeIsRefusedAndNothingWritten() {
    SceneBatch b = SceneBatch.create(dir, "sim", "batch", 4);
    Variable three = Fields.random(List.of("batch", "x"), new long[] {3, 2}, 1);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> b.write("p", three, 0));
    assertEquals("field 'p' has size 3 along the batch dimension 'batch'; the scene batch has 4 (batch (batch: 4))", e.getMessage());
    assertTrue(b.scenes().stream().allMatch(s -> s.fieldNames().isEmpty()));
  }

  @Test
  void membersWhoseFilesDifferCannotBeStacked() {
    SceneBatch b = SceneBatch.create(dir, "sim", "batch", 2);
    b.scenes().get(0).write("p", Fields.noise(2, 2, 1), 0);
    b.scenes().get(1).write("p", Fields.noise(3, 2, 1), 0);
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> b.read("p", 0));
    assertEquals("cannot stack field 'p' frame 0 over the batch: its attribute 'upper' is [2.0, 2.0] in sim_000000 but"
        + " [3.0, 2.0] in sim_000001", e.getMessage());
    b.scenes().get(1).write("p", GridField.builder(Fields.noise(3, 2, 1)).bounds(new double[] {0, 0}, new double[] {2, 2}).build(), 0);
    e = assertThrows(IllegalStateException.class, () -> b.read("p", 0));
    assertEquals("cannot stack field 'p' frame 0 over the batch: it is float64 [x, y] [2, 2] in sim_000000 but float64"
        + " [x, y] [3, 2] in sim_000001", e.getMessage());
  }

  @Test
  void renameKeepsEachIdAndUndoesOnAClash() throws Exception {
    SceneBatch b = SceneBatch.create(dir, "sim", "batch", 3);
    SceneBatch r = b.rename("done");
    assertEquals(List.of(dir.resolve("done_000000"), dir.resolve("done_000001"), dir.resolve("done_000002")), r.paths());
    Files.createDirectories(dir.resolve("again_000002"));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> r.rename("again"));
    assertEquals("cannot rename " + dir.resolve("done_000002") + " to " + dir.resolve("again_000002") + ": it exists", e.getMessage());
    assertTrue(r.scenes().stream().allMatch(Scene::exists), "every scene is where it was");
  }

  @Test
  void badBatchesAreRefusedNamingTheValue() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SceneBatch.builder(dir).dim("batch", 0));
    assertEquals("batch dimension 'batch' has size 0; expected at least 1", e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> SceneBatch.builder(dir).dim("b", 2).dim("b", 3));
    assertEquals("batch dimension 'b' was already added", e.getMessage());
    IllegalStateException s = assertThrows(IllegalStateException.class, () -> SceneBatch.builder(dir).create());
    assertEquals("a scene batch needs a dimension: call dim(name, size) before create()", s.getMessage());
    Scene one = Scene.create(dir);
    e = assertThrows(IllegalArgumentException.class, () -> SceneBatch.of(List.of(one, one), "b"));
    assertEquals("a scene appears twice in [" + one + ", " + one + "]", e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> SceneBatch.of(List.of(one), Map.of("a", Index.range(1), "b", Index.range(1))));
    assertTrue(e.getMessage().endsWith("has no order (such as Map.of); pass a LinkedHashMap"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> SceneBatch.of(List.of(one), "b", Index.range(2)));
    assertEquals("1 scene(s) for the batch (b: 2) of 2; expected one scene per member", e.getMessage());
  }
}
