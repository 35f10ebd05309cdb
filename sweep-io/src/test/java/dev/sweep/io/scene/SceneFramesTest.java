package dev.sweep.io.scene;

import static org.junit.jupiter.api.Assertions.*;

import dev.sweep.data.Dataset;
import dev.sweep.data.Index;
import dev.sweep.data.Variable;
import dev.sweep.io.netcdf.Netcdf;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SceneFramesTest {
  @TempDir Path dir;

  @Test
  void aFieldIsWrittenPerFrameAndReadBack() {
    Scene s = Scene.create(dir);
    Variable noise = Fields.noise(8, 4, 3);
    s.write("noise", noise, 0);
    assertTrue(Files.isRegularFile(s.path().resolve("noise_000000.nc")));
    Dataset back = s.read("noise", 0);
    Variable v = back.variable("noise");
    assertEquals(List.of("x", "y"), v.dims());
    assertArrayEquals(noise.toDoubleArray(), v.toDoubleArray());
    assertEquals("CenteredGrid", v.attrs().get("field_type"));
    assertArrayEquals(new String[] {"spatial", "spatial"}, (String[]) v.attrs().get("dim_types"));
    assertArrayEquals(new double[] {0, 0}, (double[]) v.attrs().get("lower"));
    assertArrayEquals(new double[] {8, 4}, (double[]) v.attrs().get("upper"));
    assertArrayEquals(new String[] {"x", "y"}, (String[]) v.attrs().get("bounds_item_names"));
    assertEquals("{\"type\": \"constant\", \"value\": 0}", v.attrs().get("extrapolation"));
    assertEquals("noise", back.attrs().get("field"));
    assertEquals(0, back.attrs().get("frame"));
  }

  @Test
  void aGridFieldKeepsItsBoundsTypeLabelsAndExtrapolation() {
    Scene s = Scene.create(dir);
    Variable vel = Fields.counting(List.of("x", "y", "vector"), 5, 4, 2);
    GridField f = GridField.builder(vel).type(GridField.Type.STAGGERED).bounds(new double[] {-1, 0}, new double[] {1, 2})
        .extrapolation("periodic").build();
    assertEquals(Index.ofStrings("x", "y"), f.labels().get("vector"), "vector components are labelled by the axes");
    s.write("Velocity", f, 7);
    Dataset back = s.read("Velocity", 7);
    Variable v = back.variable("Velocity");
    assertEquals(Index.ofStrings("x", "y"), back.coord("vector"));
    assertEquals("StaggeredGrid", v.attrs().get("field_type"));
    assertArrayEquals(new String[] {"spatial", "spatial", "channel"}, (String[]) v.attrs().get("dim_types"));
    assertArrayEquals(new double[] {-1, 0}, (double[]) v.attrs().get("lower"));
    assertArrayEquals(new double[] {1, 2}, (double[]) v.attrs().get("upper"));
    assertEquals("{\"type\": \"periodic\"}", v.attrs().get("extrapolation"));
    assertEquals(List.of("Velocity"), s.fieldNames(), "the case is kept (PhiFlow lowercases)");
  }

  @Test
  void staggeredDefaultsSpanOneLessThanTheValues() {
    GridField f = GridField.staggered(Fields.counting(List.of("x", "y", "vector"), 5, 4, 2));
    assertArrayEquals(new double[] {4, 3}, f.upper());
    GridField c = GridField.builder(Fields.counting(List.of("t", "x"), 3, 6)).dimType("t", GridField.DimType.BATCH)
        .constantExtrapolation(1.5).build();
    assertEquals(List.of("x"), c.spatialDims());
    assertArrayEquals(new double[] {6}, c.upper());
    assertEquals(Map.of("type", "constant", "value", 1.5), c.extrapolation());
  }

  @Test
  void severalFieldsAtOnceAndListings() {
    Scene s = Scene.create(dir);
    for (int frame = 0; frame < 3; frame++) {
      Map<String, Object> fields = new LinkedHashMap<>();
      fields.put("smoke", Fields.noise(4, 4, frame));
      if (frame != 1) fields.put("vel", Fields.noise(4, 4, 10 + frame));
      s.write(fields, frame);
    }
    s.write("velocity", Fields.noise(4, 4, 9), 5);
    assertEquals(List.of("smoke", "vel", "velocity"), s.fieldNames());
    assertEquals(List.of(0, 1, 2, 5), s.frames());
    assertEquals(List.of(0, 2), s.frames("vel"), "vel does not match velocity (PhiFlow's prefix match)");
    assertEquals(List.of(), s.completeFrames(), "velocity has only frame 5");
    List<Dataset> two = s.read(List.of("smoke", "vel"), 2);
    assertArrayEquals(Fields.noise(4, 4, 2).toDoubleArray(), two.get(0).variable("smoke").toDoubleArray());
    assertArrayEquals(Fields.noise(4, 4, 12).toDoubleArray(), two.get(1).variable("vel").toDoubleArray());
  }

  @Test
  void completeFramesAreThoseEveryFieldHas() {
    Scene s = Scene.create(dir);
    s.write(Map.of("a", Fields.noise(2, 2, 1), "b", Fields.noise(2, 2, 2)), 0);
    s.write("a", Fields.noise(2, 2, 1), 1);
    s.write(Map.of("a", Fields.noise(2, 2, 1), "b", Fields.noise(2, 2, 2)), 2);
    assertEquals(List.of(0, 1, 2), s.frames());
    assertEquals(List.of(0, 2), s.completeFrames());
  }

  @Test
  void framesOfAMillionAndMoreWork() {
    Scene s = Scene.create(dir);
    s.write("p", Fields.noise(2, 2, 1), 1_000_000);
    s.write("p", Fields.noise(2, 2, 2), 999_999);
    assertTrue(Files.isRegularFile(s.path().resolve("p_1000000.nc")));
    assertEquals(List.of("p"), s.fieldNames(), "PhiFlow strips 11 characters here and sees a field 'p_1'");
    assertEquals(List.of(999_999, 1_000_000), s.frames());
    assertArrayEquals(Fields.noise(2, 2, 1).toDoubleArray(), s.read("p", 1_000_000).variable("p").toDoubleArray());
  }

  @Test
  void namesWithUnderscoresAndDigitsSplitAtTheLastUnderscore() throws Exception {
    Scene s = Scene.create(dir);
    s.write("a_000001", Fields.noise(2, 2, 1), 3);
    Files.writeString(s.path().resolve("notes_draft.nc"), "not a frame");
    Files.writeString(s.path().resolve("b_0000001.nc"), "a seven-digit frame with a leading zero is not ours");
    assertEquals(List.of("a_000001"), s.fieldNames());
    assertEquals(List.of(3), s.frames("a_000001"));
  }

  @Test
  void rewritingAFrameReplacesIt() {
    Scene s = Scene.create(dir);
    s.write("p", Fields.noise(2, 2, 1), 0);
    s.write("p", Fields.noise(3, 3, 2), 0);
    assertArrayEquals(Fields.noise(3, 3, 2).toDoubleArray(), s.read("p", 0).variable("p").toDoubleArray());
  }

  @Test
  void theFileIsPlainNetcdfThatSweepReadsDirectly() {
    Scene s = Scene.create(dir);
    s.write("noise", Fields.noise(3, 2, 1), 4);
    Path file = s.frameFile("noise", 4);
    assertEquals(s.path().resolve("noise_000004.nc"), file);
    assertEquals(s.read("noise", 4), Netcdf.read(file));
  }

  @Test
  void missingFieldsAndFramesNameWhatExists() {
    Scene s = Scene.create(dir);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> s.read("noise", 0));
    assertEquals("scene " + s.path() + " has no field 'noise'; it has no frames yet", e.getMessage());
    for (int f : new int[] {0, 1, 2, 3, 7}) s.write("noise", Fields.noise(2, 2, f), f);
    s.write("vel", Fields.noise(2, 2, 0), 0);
    e = assertThrows(IllegalArgumentException.class, () -> s.read("nose", 0));
    assertEquals("scene " + s.path() + " has no field 'nose'; its fields are [noise, vel]", e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> s.read("noise", 5));
    assertEquals("scene " + s.path() + " has no frame 5 of field 'noise'; the field has frames 0..3, 7", e.getMessage());
  }

  @Test
  void badFieldsAndFramesAreRefusedBeforeAnythingIsWritten() {
    Scene s = Scene.create(dir);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> s.write("noise", Fields.noise(2, 2, 1), -1));
    assertEquals("frame is -1; expected a frame number >= 0", e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> s.write("a/b", Fields.noise(2, 2, 1), 0));
    assertEquals("field name is 'a/b'; expected a name without a path separator ('/' at 1)", e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> s.write("", Fields.noise(2, 2, 1), 0));
    assertEquals("field name is ''; expected a name that is not empty", e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> s.write("θ", Fields.noise(2, 2, 1), 0));
    assertEquals("field name is 'θ'; expected a name that starts with an ASCII letter, digit or underscore (NetCDF names"
        + " the variable after the field)", e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> s.write("noise", new double[] {1, 2}, 0));
    assertEquals("field 'noise' is a [D; expected a GridField or a Variable", e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> s.write("x", Fields.noise(2, 2, 1), 0));
    assertEquals("field name 'x' is also one of its dimensions [x, y]; NetCDF would read the field as that dimension's"
        + " labels: rename the field or the dimension", e.getMessage());
    Map<String, Object> two = new LinkedHashMap<>();
    two.put("good", Fields.noise(2, 2, 1));
    two.put("bad", "text");
    assertThrows(IllegalArgumentException.class, () -> s.write(two, 0));
    assertEquals(List.of(), s.fieldNames(), "nothing was written");
    e = assertThrows(IllegalArgumentException.class, () -> s.read("noise", -2));
    assertEquals("frame is -2; expected a frame number >= 0", e.getMessage());
  }

  @Test
  void badGridFieldsAreRefusedNamingTheValue() {
    Variable v = Fields.noise(2, 3, 1);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> GridField.builder(v).bounds(new double[] {0}, new double[] {1}).build());
    assertEquals("bounds have 1 values per corner; expected 2, one per spatial dimension [x, y]", e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> GridField.builder(v).bounds(new double[] {0, 0}, new double[] {1}));
    assertEquals("bounds: lower [0.0, 0.0] has 2 values but upper [1.0] has 1; expected one per spatial dimension", e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> GridField.builder(v).dimType("z", GridField.DimType.BATCH));
    assertEquals("dimType: the values have no dimension 'z'; their dimensions are [x, y]", e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> GridField.builder(v).labels("x", Index.ofInts(1, 2, 3)));
    assertEquals("labels for 'x' are [1, 2, 3] (3); expected 2, the size of the dimension", e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> GridField.centered(Fields.counting(List.of("vector"), 2)));
    assertEquals("a grid field needs a spatial dimension; the values have {vector=CHANNEL} (set one with dimType)", e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> GridField.builder(v).extrapolation(Map.of("value", 1)));
    assertEquals("extrapolation is {value=1}; expected a map with a string entry 'type'", e.getMessage());
  }

  @Test
  void writingIntoARemovedSceneSaysSo() {
    Scene s = Scene.create(dir);
    s.remove();
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> s.write("p", Fields.noise(2, 2, 1), 0));
    assertEquals("no scene at " + s.path() + ": the directory does not exist", e.getMessage());
  }
}
