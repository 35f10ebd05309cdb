package dev.sweep.io.table;

import static dev.sweep.testing.DatasetAssertions.assertIdentical;
import static org.junit.jupiter.api.Assertions.*;

import dev.sweep.data.DType;
import dev.sweep.data.Dataset;
import dev.sweep.data.Index;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.factory.Nd4j;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

class LongTableTest {
  /** The tutorial's harvest: a = 1, 2; b = 'x', 'y', 'z'; c = true, false; one gap in each variable. */
  static Dataset tutorial() {
    int n = 2 * 3 * 2;
    double[] v = new double[n];
    String[] s = new String[n];
    int k = 0;
    for (int a : new int[] {1, 2}) for (String b : new String[] {"x", "y", "z"}) for (boolean c : new boolean[] {true, false}) {
      v[k] = k == 3 ? Double.NaN : Math.sin(a);
      s[k++] = k == 6 ? null : a + "-" + b + "-" + c;
    }
    return Dataset.builder()
        .coord("a", Index.ofInts(1, 2)).coord("b", Index.ofStrings("x", "y", "z")).coord("c", Index.ofBooleans(true, false))
        .variable("a_out", List.of("a", "b", "c"), s)
        .variable("b_out", List.of("a", "b", "c"), Nd4j.create(v, new long[] {2, 3, 2}))
        .build();
  }

  @Test
  void ofHasOneRowPerCellAndAColumnPerDimensionAndVariable() {
    Table t = LongTable.of(tutorial());
    assertEquals(List.of("a", "b", "c", "a_out", "b_out"), t.columnNames());
    assertEquals(12, t.rowCount());
    assertEquals(List.of(1, 1, 1, 1, 1, 1, 2, 2, 2, 2, 2, 2), t.intColumn("a").asList());
    assertEquals(List.of("x", "x", "y", "y", "z", "z", "x", "x", "y", "y", "z", "z"), t.stringColumn("b").asList());
    assertEquals(true, t.booleanColumn("c").get(0));
    assertEquals(false, t.booleanColumn("c").get(1));
    assertEquals("1-x-true", t.stringColumn("a_out").get(0));
    assertTrue(t.stringColumn("a_out").isMissing(5));
    assertTrue(t.doubleColumn("b_out").isMissing(3));
    assertEquals(Math.sin(2), t.doubleColumn("b_out").getDouble(11));
  }

  @Test
  void variablesAreRepeatedAlongTheDimensionsTheyLack() {
    Dataset ds = Dataset.builder().coord("x", Index.ofDoubles(0.5, 1.5)).dim("n", 3)
        .variable("w", List.of("n"), Nd4j.createFromArray(7, 8, 9))
        .variable("z", List.of("n", "x"), Nd4j.createFromArray(new double[][] {{1, 2}, {3, 4}, {5, 6}})).build();
    Table t = LongTable.of(ds);
    assertEquals(List.of("x", "n", "w", "z"), t.columnNames());
    assertEquals(List.of(0, 1, 2, 0, 1, 2), t.intColumn("n").asList()); // positions: n has no labels
    assertEquals(List.of(7, 8, 9, 7, 8, 9), t.intColumn("w").asList());
    assertEquals(List.of(1.0, 3.0, 5.0, 2.0, 4.0, 6.0), t.doubleColumn("z").asList());
  }

  @Test
  void toDatasetRebuildsTheDataset() {
    Dataset ds = tutorial();
    Dataset back = LongTable.toDataset(LongTable.of(ds), "a", "b", "c");
    // labels come back sorted, as pandas' set_index sorts its levels: c = false, true
    assertIdentical(ds.isel(Map.of("c", List.of(1, 0))), back);
  }

  @Test
  void cellsNoRowNamesAreMissing() {
    Table t = Table.create("t", IntColumn.create("a", 1, 2, 2), StringColumn.create("b", "x", "x", "y"),
        IntColumn.create("n", 10, 20, 30), DoubleColumn.create("v", 0.5, 1.5, 2.5));
    Dataset ds = LongTable.toDataset(t, "a", "b");
    assertEquals(Index.ofStrings("x", "y"), ds.coord("b"));
    assertEquals(DType.DOUBLE, ds.variable("n").type()); // a = 1, b = y is never named
    assertTrue(Double.isNaN(ds.doubleValue("n", Map.of("a", 1, "b", "y"))));
    assertEquals(30.0, ds.doubleValue("n", Map.of("a", 2, "b", "y")));
    assertEquals(DType.INT, LongTable.toDataset(t.where(t.intColumn("a").isEqualTo(2)), "b").variable("n").type());
  }

  @Test
  void badTablesAreRefusedWithTheReason() {
    Table t = Table.create("t", IntColumn.create("a", 1, 1), DoubleColumn.create("v", 0.5, 1.5));
    var e = assertThrows(IllegalArgumentException.class, () -> LongTable.toDataset(t, "a"));
    assertEquals("LongTable.toDataset: two rows name the cell {a=1} (row 1 and an earlier one); each cell needs one row "
        + "(reduce or drop duplicates first)", e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> LongTable.toDataset(t, "q"));
    assertEquals("LongTable.toDataset: no column 'q'; the columns are [a, v]", e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> LongTable.toDataset(t));
    assertEquals("LongTable.toDataset needs the columns that label the cells, e.g. toDataset(table, \"a\"); the columns are [a, v]",
        e.getMessage());
    Table gap = Table.create("t", DoubleColumn.create("x", 0.5, Double.NaN), DoubleColumn.create("v", 1, 2));
    e = assertThrows(IllegalArgumentException.class, () -> LongTable.toDataset(gap, "x"));
    assertEquals("LongTable.toDataset: column 'x' has no value in row 1; every row needs a label", e.getMessage());
  }

  @Test
  void aMillionCellsBecomeATableQuickly() {
    Dataset ds = Dataset.builder().coord("a", Index.range(1000)).coord("b", Index.range(1000))
        .variable("v", List.of("a", "b"), Nd4j.rand(org.nd4j.linalg.api.buffer.DataType.DOUBLE, 1000, 1000)).build();
    LongTable.of(ds); // warm up
    long t0 = System.nanoTime();
    Table t = LongTable.of(ds);
    double s = (System.nanoTime() - t0) / 1e9;
    assertEquals(1_000_000, t.rowCount());
    assertTrue(s < 2.0, "10^6 cells took " + s + " s (target under 0.5 s; 2 s allows for a loaded machine)");
  }
}
