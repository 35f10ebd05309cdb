package dev.sweep.io.csv;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.ColumnType;
import tech.tablesaw.api.DateColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.FloatColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

class CsvFileTest {
  @TempDir Path dir;

  /** Values that Tablesaw's type detection gets wrong when it reads the text alone. */
  static Table tricky() {
    return Table.create("tricky",
        IntColumn.create("i", 1, 2, 3, -4),
        LongColumn.create("l", 1L << 40, 0, -1, Long.MAX_VALUE),
        FloatColumn.create("f", 1.0f, 0.5f, Float.NaN, -2.25f),
        DoubleColumn.create("d", 1.0, 2.0, Double.NaN, Double.POSITIVE_INFINITY),
        DoubleColumn.create("e", 0.1, 1e-300, -0.0, 1.0 / 3),
        BooleanColumn.create("b", true, false, true, false),
        StringColumn.create("s", "001", "nan", "a,b \"quoted\"", "line\nbreak ünï"));
  }

  static void assertSameTable(Table expected, Table actual) {
    assertEquals(expected.columnNames(), actual.columnNames());
    assertEquals(expected.types(), actual.types());
    assertEquals(expected.rowCount(), actual.rowCount());
    for (int c = 0; c < expected.columnCount(); c++) {
      for (int r = 0; r < expected.rowCount(); r++) {
        Object a = expected.column(c).get(r);
        Object b = actual.column(c).get(r);
        if (a instanceof Double x && b instanceof Double y) {
          assertEquals(Double.doubleToLongBits(x), Double.doubleToLongBits(y), "column " + c + " row " + r);
        } else {
          assertEquals(a, b, "column " + expected.column(c).name() + " row " + r);
        }
      }
    }
  }

  @Test
  void readsBackEveryColumnWithItsOwnType() {
    Path p = dir.resolve("t.csv");
    CsvFile.open(p).append(tricky());
    Table back = CsvFile.read(p);
    assertSameTable(tricky(), back);
    assertEquals(List.of(ColumnType.INTEGER, ColumnType.LONG, ColumnType.FLOAT, ColumnType.DOUBLE, ColumnType.DOUBLE,
        ColumnType.BOOLEAN, ColumnType.STRING), CsvFile.open(p).types());
  }

  @Test
  void writesPlainCsvAndADtypesSidecarOnTheFirstAppend() throws IOException {
    Path p = dir.resolve("t.csv");
    CsvFile.open(p).append(tricky());
    List<String> lines = Files.readAllLines(p);
    assertEquals("i,l,f,d,e,b,s", lines.get(0));
    assertEquals("1,1099511627776,1.0,1.0,0.1,True,001", lines.get(1));
    assertEquals("3,-1,NaN,NaN,-0.0,True,\"a,b \"\"quoted\"\"\"", lines.get(3));
    assertEquals("{\"i\": \"int32\", \"l\": \"int64\", \"f\": \"float32\", \"d\": \"float64\", \"e\": \"float64\", "
        + "\"b\": \"bool\", \"s\": \"str\"}\n", Files.readString(CsvFile.dtypesFile(p)));
    assertEquals(dir.resolve("t.csv.dtypes.json"), CsvFile.dtypesFile(p));
  }

  @Test
  void appendsWithoutRewritingWhatIsThere() throws IOException {
    Path p = dir.resolve("t.csv");
    CsvFile csv = CsvFile.open(p);
    csv.append(tricky());
    byte[] first = Files.readAllBytes(p);
    csv.append(tricky());
    byte[] both = Files.readAllBytes(p);
    assertArrayEquals(first, Arrays.copyOf(both, first.length));
    int header = new String(first, StandardCharsets.UTF_8).indexOf('\n') + 1;
    assertEquals(2 * first.length - header, both.length);
    assertEquals(8, CsvFile.read(p).rowCount());
  }

  @Test
  void opensWhatAnEarlierSessionWroteAndAppendsToIt() {
    Path p = dir.resolve("t.csv");
    CsvFile.open(p).append(tricky());
    CsvFile again = CsvFile.open(p);
    assertEquals(4, again.table().rowCount());
    assertEquals(tricky().columnNames(), again.columns());
    again.append(tricky());
    assertEquals(8, CsvFile.read(p).rowCount());
  }

  @Test
  void startsEmptyWhenTheFileDoesNotExist() {
    CsvFile csv = CsvFile.open(dir.resolve("none.csv"));
    assertEquals(List.of(), csv.columns());
    assertEquals(List.of(), csv.types());
    assertEquals(0, csv.table().rowCount());
    assertFalse(Files.exists(dir.resolve("none.csv")));
  }

  @Test
  void dropsATornLastLineCutsItOffAndKeepsEveryCompleteRow() throws IOException {
    Path p = dir.resolve("t.csv");
    CsvFile.open(p).append(tricky());
    long good = Files.size(p);
    Files.writeString(p, "7,8,1.5,2.5,3.5,Tru", StandardOpenOption.APPEND);
    assertEquals(4, CsvFile.read(p).rowCount(), "read leaves the torn line out");
    assertEquals(good + 19, Files.size(p), "read does not change the file");
    CsvFile csv = CsvFile.open(p);
    assertEquals(4, csv.table().rowCount());
    assertEquals(good, Files.size(p), "open cuts the torn line off");
    csv.append(tricky());
    assertSameTable(tricky().append(tricky()), CsvFile.read(p));
  }

  @Test
  void dropsATornLineThatEndsInsideQuotes() throws IOException {
    Path p = dir.resolve("t.csv");
    CsvFile.open(p).append(tricky());
    Files.writeString(p, "7,8,1.5,2.5,3.5,True,\"half\nof it", StandardOpenOption.APPEND);
    assertEquals(4, CsvFile.open(p).table().rowCount());
    assertSameTable(tricky(), CsvFile.read(p));
  }

  @Test
  void dropsALastLineWithTheWrongNumberOfFields() throws IOException {
    Path p = dir.resolve("t.csv");
    CsvFile.open(p).append(tricky());
    long good = Files.size(p);
    Files.writeString(p, "7,8,1.5\n", StandardOpenOption.APPEND);
    assertEquals(4, CsvFile.open(p).table().rowCount());
    assertEquals(good, Files.size(p));
  }

  @Test
  void dropsALastLineWithAValueOfTheWrongType() throws IOException {
    Path p = dir.resolve("t.csv");
    CsvFile.open(p).append(tricky());
    Files.writeString(p, "7,8,1.5,2.5,3.5,maybe,s\n", StandardOpenOption.APPEND);
    assertEquals(4, CsvFile.open(p).table().rowCount());
  }

  @Test
  void treatsATornHeaderAsAnEmptyFile() throws IOException {
    Path p = dir.resolve("t.csv");
    Files.writeString(p, "i,l,f");
    CsvFile csv = CsvFile.open(p);
    assertEquals(List.of(), csv.columns());
    assertEquals(0, Files.size(p));
    csv.append(tricky());
    assertSameTable(tricky(), CsvFile.read(p));
  }

  @Test
  void reportsDamageBeforeTheLastLineWithItsLineNumber() throws IOException {
    Path p = dir.resolve("t.csv");
    CsvFile.open(p).append(tricky());
    List<String> lines = Files.readAllLines(p);
    Files.writeString(p, lines.get(0) + "\n" + lines.get(1) + "\n1,2\n" + lines.get(2) + "\n");
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> CsvFile.open(p));
    assertTrue(e.getMessage().endsWith("t.csv line 3: it has 2 fields; the header has 7 [i, l, f, d, e, b, s]"),
        e.getMessage());
    Files.writeString(p, lines.get(0) + "\n" + lines.get(1) + "\nx,2,1,1,1,True,s\n" + lines.get(2) + "\n");
    e = assertThrows(IllegalStateException.class, () -> CsvFile.read(p));
    assertTrue(e.getMessage().endsWith("t.csv line 3: column 'i' is int32 but holds \"x\""), e.getMessage());
  }

  @Test
  void refusesRowsWithOtherColumnsNamingTheDifferences() {
    Path p = dir.resolve("t.csv");
    CsvFile csv = CsvFile.open(p);
    csv.append(Table.create("a", IntColumn.create("a", new int[] {1}), DoubleColumn.create("b", 2.0)));
    IllegalArgumentException renamed = assertThrows(IllegalArgumentException.class,
        () -> csv.append(Table.create("a", IntColumn.create("a", new int[] {1}), DoubleColumn.create("c", 2.0))));
    assertEquals("cannot append to t.csv: it has the columns [a, b] but the rows have [a, c]: "
        + "'c' stands where 'b' is expected (renamed?)", renamed.getMessage());
    IllegalArgumentException extra = assertThrows(IllegalArgumentException.class, () -> csv.append(
        Table.create("a", IntColumn.create("a", new int[] {1}), DoubleColumn.create("b", 2.0), DoubleColumn.create("c", 2.0))));
    assertTrue(extra.getMessage().endsWith(": extra [c]"), extra.getMessage());
    IllegalArgumentException missing = assertThrows(IllegalArgumentException.class,
        () -> csv.append(Table.create("a", IntColumn.create("a", new int[] {1}))));
    assertTrue(missing.getMessage().endsWith(": missing [b]"), missing.getMessage());
    IllegalArgumentException order = assertThrows(IllegalArgumentException.class,
        () -> csv.append(Table.create("a", DoubleColumn.create("b", 2.0), IntColumn.create("a", new int[] {1}))));
    assertTrue(order.getMessage().endsWith(": the same columns in another order"), order.getMessage());
    IllegalArgumentException required = assertThrows(IllegalArgumentException.class,
        () -> csv.requireColumns(List.of("a", "b", "out")));
    assertEquals("t.csv has the columns [a, b] but [a, b, out] are expected: missing [out]", required.getMessage());
  }

  @Test
  void refusesRowsWhoseColumnTypeDiffersFromTheStoredOne() {
    Path p = dir.resolve("t.csv");
    CsvFile csv = CsvFile.open(p);
    csv.append(Table.create("a", IntColumn.create("a", new int[] {1}), DoubleColumn.create("b", 2.0)));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> CsvFile.open(p).append(Table.create("a", IntColumn.create("a", new int[] {1}), IntColumn.create("b", new int[] {2}))));
    assertEquals("cannot append to t.csv: column 'b' is float64 there but int32 in the rows to append", e.getMessage());
  }

  @Test
  void refusesAColumnTypeItCannotHold() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> CsvFile.open(dir.resolve("t.csv"))
        .append(Table.create("a", DateColumn.create("when", LocalDate.of(2024, 1, 2)))));
    assertTrue(e.getMessage().startsWith("column 'when' is LOCAL_DATE; a CSV file here holds INTEGER (int32)"),
        e.getMessage());
  }

  @Test
  void infersTypesStrictlyWhenThereIsNoSidecar() throws IOException {
    Path p = dir.resolve("t.csv");
    Files.writeString(p, "a,b,c,d,e\n1,1.0,True,001,\n2,NaN,False,x,3\n3,2.0,True,y,4\n");
    Table t = CsvFile.read(p);
    assertEquals(List.of(ColumnType.LONG, ColumnType.DOUBLE, ColumnType.BOOLEAN, ColumnType.STRING, ColumnType.DOUBLE),
        t.types());
    assertEquals("001", t.stringColumn("d").get(0));
    assertEquals(1.0, t.doubleColumn("b").get(0));
    assertTrue(Double.isNaN(t.doubleColumn("e").getDouble(0)));
  }

  @Test
  void ignoresASidecarThatNamesOtherColumns() throws IOException {
    Path p = dir.resolve("t.csv");
    Files.writeString(p, "a,b\n1,x\n");
    Files.writeString(CsvFile.dtypesFile(p), "{\"a\": \"float64\", \"z\": \"str\"}\n");
    assertEquals(List.of(ColumnType.LONG, ColumnType.STRING), CsvFile.read(p).types());
  }

  @Test
  void refusesAMalformedSidecarNamingIt() throws IOException {
    Path p = dir.resolve("t.csv");
    Files.writeString(p, "a,b\n1,x\n");
    Files.writeString(CsvFile.dtypesFile(p), "{\"a\": \"float64\", \"b\": \"text\"}\n");
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> CsvFile.read(p));
    assertTrue(e.getMessage().endsWith("t.csv.dtypes.json gives column 'b' the type 'text'; expected one of int32, "
        + "int64, float32, float64, bool, str"), e.getMessage());
  }

  @Test
  void writesTheSidecarOnTheFirstAppendToAFileWithoutOne() throws IOException {
    Path p = dir.resolve("t.csv");
    Files.writeString(p, "a,b\n1,x\n");
    CsvFile csv = CsvFile.open(p);
    csv.append(Table.create("t", LongColumn.create("a", 2L), StringColumn.create("b", "002")));
    assertEquals("{\"a\": \"int64\", \"b\": \"str\"}\n", Files.readString(CsvFile.dtypesFile(p)));
    assertEquals("002", CsvFile.read(p).stringColumn("b").get(1));
  }

  @Test
  void readsCrLfLineEnds() throws IOException {
    Path p = dir.resolve("t.csv");
    Files.writeString(p, "a,b\r\n1,\"x\"\r\n2,y\r\n");
    Table t = CsvFile.read(p);
    assertEquals(List.of("x", "y"), t.stringColumn("b").asList());
    assertEquals(List.of("a", "b"), t.columnNames());
  }

  @Test
  void refusesToReadAFileThatDoesNotExist() {
    java.io.UncheckedIOException e = assertThrows(java.io.UncheckedIOException.class,
        () -> CsvFile.read(dir.resolve("none.csv")));
    assertTrue(e.getMessage().startsWith("cannot read "), e.getMessage());
  }

  @Test
  void keepsMissingValuesMissing() {
    Path p = dir.resolve("t.csv");
    Table t = Table.create("m", IntColumn.create("i", new int[] {1, Integer.MIN_VALUE}),
        StringColumn.create("s", "x", ""), BooleanColumn.create("b", true, false));
    t.booleanColumn("b").setMissing(1);
    CsvFile.open(p).append(t);
    Table back = CsvFile.read(p);
    assertTrue(back.intColumn("i").isMissing(1));
    assertTrue(back.stringColumn("s").isMissing(1));
    assertTrue(back.booleanColumn("b").isMissing(1));
  }
}
