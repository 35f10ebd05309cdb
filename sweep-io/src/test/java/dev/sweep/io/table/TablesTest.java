package dev.sweep.io.table;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sweep.data.DType;
import dev.sweep.data.Dataset;
import dev.sweep.data.Index;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nd4j.linalg.factory.Nd4j;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.ColumnType;
import tech.tablesaw.api.DateColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

class TablesTest {
  @TempDir Path dir;

  static Dataset flat() {
    return Dataset.builder().dim("sample", 3)
        .variable("amp", List.of("sample"), Nd4j.createFromArray(1, 2, 3))
        .variable("big", List.of("sample"), Nd4j.createFromArray(1L << 40, -1L, 0L))
        .variable("x", List.of("sample"), Nd4j.createFromArray(0.5f, Float.NaN, 2f))
        .variable("out", List.of("sample"), Nd4j.createFromArray(0.1, Double.NaN, -0.0))
        .variable("even", List.of("sample"), Nd4j.createFromArray(true, false, true))
        .variable("fn", List.of("sample"), "cos", null, "sin")
        .build();
  }

  @Test
  void ofGivesOneColumnPerVariableInOrderWithItsType() {
    Table t = Tables.of(flat());
    assertEquals(List.of("amp", "big", "x", "out", "even", "fn"), t.columnNames());
    assertEquals(List.of(ColumnType.INTEGER, ColumnType.LONG, ColumnType.FLOAT, ColumnType.DOUBLE, ColumnType.BOOLEAN,
        ColumnType.STRING), t.types());
    assertEquals(3, t.rowCount());
    assertEquals("sample", t.name());
    assertTrue(t.stringColumn("fn").isMissing(1), "a missing string is Tablesaw's missing string");
    assertEquals(List.of(1, 2, 3), t.intColumn("amp").asList());
  }

  @Test
  void toDatasetReversesOf() {
    Dataset back = Tables.toDataset(Tables.of(flat()), "sample");
    assertEquals(flat(), back);
  }

  @Test
  void aLabelledDimensionComesFirstAsAColumnAsInResetIndex() {
    Dataset ds = Dataset.builder().coord("t", Index.ofDoubles(0.0, 0.5))
        .variable("y", List.of("t"), Nd4j.createFromArray(1.0, 2.0)).build();
    Table t = Tables.of(ds);
    assertEquals(List.of("t", "y"), t.columnNames());
    assertEquals(List.of(0.0, 0.5), t.doubleColumn("t").asList());
  }

  @Test
  void refusesADatasetThatIsNotFlat() {
    Dataset ds = Dataset.builder().dim("a", 2).dim("b", 2)
        .variable("m", List.of("a", "b"), Nd4j.createFromArray(new double[][] {{1, 2}, {3, 4}})).build();
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Tables.of(ds));
    assertEquals("variable 'm' has the dimensions [a, b]; a table holds a flat dataset, every variable 1-D over one "
        + "dimension: select or stack the others first", e.getMessage());
  }

  @Test
  void missingIntsAndBoolsBecomeFloat64WithNaN() {
    Table t = Table.create("t", IntColumn.create("i", new int[] {1, Integer.MIN_VALUE}),
        BooleanColumn.create("b", true, false), StringColumn.create("s", "", "x"));
    t.booleanColumn("b").setMissing(1);
    Dataset ds = Tables.toDataset(t, "row");
    assertEquals(DType.DOUBLE, ds.variable("i").type());
    assertTrue(ds.variable("i").isMissing(1));
    assertEquals(DType.DOUBLE, ds.variable("b").type());
    assertEquals(1.0, ds.variable("b").getDouble(0));
    assertTrue(ds.variable("b").isMissing(1));
    assertNull(ds.variable("s").get(0), "an empty string is a missing string");
  }

  @Test
  void refusesAColumnTypeADatasetCannotHold() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Tables.toDataset(Table.create("a", DateColumn.create("when", LocalDate.of(2024, 1, 2))), "row"));
    assertEquals("column 'when' is LOCAL_DATE; a sweep dataset holds INTEGER (int32), LONG (int64), FLOAT (float32), "
        + "DOUBLE (float64), BOOLEAN (bool) and STRING (str) columns", e.getMessage());
  }

  @Test
  void aDoubleColumnMadeBeforeAnyOtherConversionStillConverts() {
    Dataset ds = Tables.toDataset(Table.create("t", DoubleColumn.create("x", 0.5)), "row");
    assertEquals(DType.DOUBLE, ds.variable("x").type());
  }

  /**
   * Tablesaw 0.44.4 holds two {@code ColumnType.DOUBLE} instances when {@code DoubleColumn} is loaded
   * before {@code ColumnType}; only a fresh JVM can load them in a chosen order.
   */
  @ParameterizedTest
  @Timeout(180)
  @ValueSource(strings = {"column-first", "type-first"})
  void convertsDoublesInAFreshJvmWhicheverTablesawClassLoadsFirst(String order) throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> cmd = new ArrayList<>(List.of(java, "-Xmx256m", "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn", "-cp",
        System.getProperty("java.class.path"), ColumnTypeOrderChild.class.getName(), order,
        dir.resolve(order + ".csv").toString()));
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    p.getOutputStream().close();
    String out = readAll(p);
    assertTrue(p.waitFor(120, TimeUnit.SECONDS), "the child did not finish in 120 s: " + out);
    assertEquals(0, p.exitValue(), out);
    assertTrue(out.lines().anyMatch("ok"::equals), out);
    if (order.equals("column-first")) {
      assertTrue(out.contains("same-instance=false"), "the trap this test guards against is present: " + out);
    }
  }

  private static String readAll(Process p) throws IOException {
    return new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
  }
}
