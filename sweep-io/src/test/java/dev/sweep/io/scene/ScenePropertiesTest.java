package dev.sweep.io.scene;

import static org.junit.jupiter.api.Assertions.*;

import dev.sweep.data.DType;
import dev.sweep.data.Variable;
import dev.sweep.store.StoreFormatException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.factory.Nd4j;

class ScenePropertiesTest {
  @TempDir Path dir;

  enum Solver { JACOBI }

  @Test
  void aNewSceneHasNoProperties() {
    Scene s = Scene.create(dir);
    assertEquals(Map.of(), s.properties());
    assertFalse(s.hasProperties());
  }

  @Test
  void putKeepsTheOtherKeysAndSurvivesReopening() {
    Scene s = Scene.create(dir);
    s.put("a", 1);
    Map<String, Object> bc = new LinkedHashMap<>();
    bc.put("b", 2);
    bc.put("c", 3);
    s.putAll(bc);
    s.put("d", 4);
    s.put("a", 10);
    Scene again = Scene.at(dir, 0);
    assertEquals(List.of("a", "b", "c", "d"), List.copyOf(again.properties().keySet()));
    assertEquals(10, again.property("a"));
    assertTrue(again.hasProperties());
  }

  @Test
  void valuesComeBackWithJsonTypes() {
    Scene s = Scene.create(dir);
    Map<String, Object> in = new LinkedHashMap<>();
    in.put("smoothness", 0.19980166852474213);
    in.put("steps", 20);
    in.put("seed", 12345678901L);
    in.put("huge", new BigInteger("123456789012345678901234567890"));
    in.put("name", "noise \"quoted\" é θ");
    in.put("on", true);
    in.put("nothing", null);
    in.put("nan", Double.NaN);
    in.put("inf", Double.NEGATIVE_INFINITY);
    in.put("f", 0.1f);
    in.put("list", List.of(1, 2.5, "x"));
    in.put("nested", Map.of("deep", List.of(Map.of("k", false))));
    in.put("doubles", new double[] {1.5, 2});
    in.put("strings", new String[] {"a", "b"});
    in.put("solver", Solver.JACOBI);
    in.put("matrix", Nd4j.createFromArray(new double[][] {{1, 2}, {3, 4}}));
    s.putAll(in);
    Map<String, Object> p = s.properties();
    assertEquals(0.19980166852474213, p.get("smoothness"));
    assertEquals(20, p.get("steps"));
    assertEquals(12345678901L, p.get("seed"));
    assertEquals(new BigInteger("123456789012345678901234567890"), p.get("huge"));
    assertEquals("noise \"quoted\" é θ", p.get("name"));
    assertEquals(true, p.get("on"));
    assertTrue(p.containsKey("nothing"));
    assertNull(p.get("nothing"));
    assertTrue(Double.isNaN((Double) p.get("nan")));
    assertEquals(Double.NEGATIVE_INFINITY, p.get("inf"));
    assertEquals(0.1, p.get("f"), "a float is written as the decimal it prints as");
    assertEquals(List.of(1, 2.5, "x"), p.get("list"));
    assertEquals(Map.of("deep", List.of(Map.of("k", false))), p.get("nested"));
    assertEquals(List.of(1.5, 2.0), p.get("doubles"));
    assertEquals(List.of("a", "b"), p.get("strings"));
    assertEquals("JACOBI", p.get("solver"));
    assertEquals(List.of(List.of(1.0, 2.0), List.of(3.0, 4.0)), p.get("matrix"), "an unlabelled array is nested lists");
    assertThrows(UnsupportedOperationException.class, () -> p.put("x", 1));
  }

  @Test
  void theFileIsLaidOutAsPythonsJsonDumpWithIndentTwo() throws Exception {
    Scene s = Scene.create(dir);
    Map<String, Object> in = new LinkedHashMap<>();
    in.put("smoothness", 0.5);
    in.put("name", "é");
    in.put("grid", List.of(64, 32));
    in.put("empty", List.of());
    in.put("none", Map.of());
    in.put("nan", Double.NaN);
    s.putAll(in);
    assertEquals("{\n"
        + "  \"smoothness\": 0.5,\n"
        + "  \"name\": \"\\u00e9\",\n"
        + "  \"grid\": [\n"
        + "    64,\n"
        + "    32\n"
        + "  ],\n"
        + "  \"empty\": [],\n"
        + "  \"none\": {},\n"
        + "  \"nan\": NaN\n"
        + "}", Files.readString(s.path().resolve("description.json"), StandardCharsets.UTF_8));
  }

  @Test
  void aVariableIsStoredAsAPhiflowTensorAndReadBack() throws Exception {
    Scene s = Scene.create(dir);
    Variable v = Variable.of("ignored", List.of("vector"), Nd4j.createFromArray(2.0, 3.0));
    s.put("velocity", v);
    s.put("plain", 1.0);
    String text = Files.readString(s.path().resolve("description.json"));
    assertTrue(text.contains("\"__tensors__\": [\n    \"velocity\"\n  ]"), text);
    assertTrue(text.contains("\"names\": [\n      \"vector\"\n    ]"), text);
    assertTrue(text.contains("\"types\": [\n      \"channel\"\n    ]"), text);
    Map<String, Object> p = s.properties();
    assertEquals(List.of("velocity", "plain"), List.copyOf(p.keySet()), "__tensors__ is not a property");
    Variable back = (Variable) p.get("velocity");
    assertEquals(List.of("vector"), back.dims());
    assertArrayEquals(new double[] {2, 3}, back.toDoubleArray());
    assertEquals("velocity", back.name());
    s.put("velocity", 7);
    assertFalse(Files.readString(s.path().resolve("description.json")).contains("__tensors__"),
        "a key no longer a tensor leaves __tensors__");
  }

  @Test
  void integerTensorsComeBackAsInt64AndZeroDimensionalVariablesAsTheirValue() {
    Scene s = Scene.create(dir);
    s.put("counts", Variable.of("c", List.of("x", "y"), Nd4j.createFromArray(new int[][] {{1, 2, 3}, {4, 5, 6}})));
    s.put("flags", Variable.of("f", List.of("x"), Nd4j.createFromArray(true, false)));
    s.put("scalar", Variable.of("s", List.of(), Nd4j.scalar(2.5)));
    Variable counts = (Variable) s.property("counts");
    assertEquals(DType.LONG, counts.type());
    assertArrayEquals(new long[] {2, 3}, counts.shape());
    assertEquals(6L, counts.get(1, 2));
    Variable flags = (Variable) s.property("flags");
    assertEquals(DType.BOOLEAN, flags.type());
    assertEquals(false, flags.get(1));
    assertEquals(2.5, s.property("scalar"));
  }

  @Test
  void keysNotUpdatedKeepTheirJsonExactly() throws Exception {
    Scene s = Scene.create(dir);
    String phiflow = "{\n  \"t\": {\n    \"names\": [\"vector\"],\n    \"types\": [\"channel\"],\n"
        + "    \"item_names\": [[\"x\", \"y\"]],\n    \"data\": [2, 3]\n  },\n  \"__tensors__\": [\"t\"]\n}";
    Files.writeString(s.path().resolve("description.json"), phiflow);
    s.put("added", "yes");
    String text = Files.readString(s.path().resolve("description.json"));
    assertTrue(text.contains("\"item_names\": [\n      [\n        \"x\",\n        \"y\"\n      ]\n    ]"),
        "item names sweep does not read survive an update: " + text);
    assertTrue(text.endsWith("\"__tensors__\": [\n    \"t\"\n  ]\n}"), text);
    assertEquals(List.of(2L, 3L), Arrays.stream(((Variable) s.property("t")).toDoubleArray()).mapToObj(d -> (long) d).toList());
  }

  @Test
  void aValueJsonCannotHoldIsRefusedNamingTheKeyAndType() {
    Scene s = Scene.create(dir);
    s.put("kept", 1);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> s.put("when", java.time.Duration.ZERO));
    assertTrue(e.getMessage().startsWith("property 'when' has a value of type java.time.Duration (PT0S), which JSON"
        + " cannot hold; expected null, a String, a number"), e.getMessage());
    Map<String, Object> nested = new LinkedHashMap<>();
    nested.put("ok", 1);
    nested.put("bad", List.of(1, new Object() {
      @Override
      public String toString() {
        return "thing";
      }
    }));
    e = assertThrows(IllegalArgumentException.class, () -> s.put("cfg", nested));
    assertTrue(e.getMessage().startsWith("property 'cfg' has at .bad[1] a value of type"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> s.put("m", Map.of(1, "one")));
    assertEquals("property 'm' has a map key 1 of type java.lang.Integer; JSON keys are Strings", e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> s.put("__tensors__", List.of()));
    assertEquals("property key '__tensors__' is reserved: PhiFlow lists tensor properties under it", e.getMessage());
    Map<String, Object> two = new LinkedHashMap<>();
    two.put("fine", 2);
    two.put("thread", Thread.currentThread());
    assertThrows(IllegalArgumentException.class, () -> s.putAll(two));
    assertEquals(Map.of("kept", 1), s.properties(), "nothing was written");
  }

  @Test
  void aMissingPropertyNamesTheOnesThereAre() {
    Scene s = Scene.create(dir);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> s.property("x"));
    assertEquals("scene " + s.path() + " has no property 'x'; it has no properties", e.getMessage());
    s.put("a", 1);
    e = assertThrows(IllegalArgumentException.class, () -> s.property("x"));
    assertEquals("scene " + s.path() + " has no property 'x'; its properties are [a]", e.getMessage());
  }

  @Test
  void aDamagedDescriptionIsReportedByNameAndLeftAloneWhileFramesStayReadable() throws Exception {
    Scene s = Scene.create(dir);
    s.write("noise", Fields.noise(3, 2, 1), 0);
    Path file = s.path().resolve("description.json");
    Files.writeString(file, "{\"a\": 1,");
    StoreFormatException e = assertThrows(StoreFormatException.class, s::properties);
    assertEquals(file, e.path());
    assertTrue(e.getMessage().startsWith(file + ": not JSON: "), e.getMessage());
    assertTrue(e.getMessage().endsWith("(the frames stay readable; fix or delete the file to use properties again)"), e.getMessage());
    assertThrows(StoreFormatException.class, () -> s.put("b", 2));
    assertEquals("{\"a\": 1,", Files.readString(file), "an update never overwrites a file it cannot read");
    assertArrayEquals(Fields.noise(3, 2, 1).toDoubleArray(), s.read("noise", 0).variable("noise").toDoubleArray());
    Files.writeString(file, "[1, 2]");
    e = assertThrows(StoreFormatException.class, s::properties);
    assertEquals(file + ": the JSON is not an object of properties but [1, 2]", e.getMessage());
  }

  @Test
  void pythonFilesWithNanInfinityAndRepeatedKeysAreRead() throws Exception {
    Scene s = Scene.create(dir);
    Files.writeString(s.path().resolve("description.json"), "{\"a\": NaN, \"b\": -Infinity, \"a\": 1e-05}");
    assertEquals(1e-05, s.property("a"));
    assertEquals(Double.NEGATIVE_INFINITY, s.property("b"));
  }

  @Test
  void threadsUpdatingOneSceneKeepEveryKey() throws Exception {
    Scene s = Scene.create(dir);
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<?>> done = new ArrayList<>();
      for (int t = 0; t < 4; t++) {
        int thread = t;
        done.add(pool.submit(() -> {
          for (int i = 0; i < 25; i++) Scene.at(s.path()).put("t" + thread + "_" + i, i);
        }));
      }
      for (Future<?> f : done) f.get();
    } finally {
      pool.shutdownNow();
    }
    assertEquals(100, s.properties().size());
  }
}
