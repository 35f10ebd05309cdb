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
import dev.sweep.data.DType;
import dev.sweep.data.Dataset;
import dev.sweep.io.table.Tables;
import dev.sweep.store.IncompatibleStoreException;
import dev.sweep.store.RecordStore;
import dev.sweep.store.StoreFormatException;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.factory.Nd4j;
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

class CsvStoreTest {
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

  /** The rows of a table as records to append, over the dimension "row". */
  static Dataset records(Table t) {
    return Tables.toDataset(t, "row");
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
    CsvStore.open(p).append(records(tricky()));
    Table back = CsvStore.readTable(p);
    assertSameTable(tricky(), back);
    assertEquals(List.of(DType.INT, DType.LONG, DType.FLOAT, DType.DOUBLE, DType.DOUBLE, DType.BOOLEAN, DType.STRING),
        CsvStore.open(p).types());
  }

  @Test
  void writesPlainCsvAndADtypesSidecarOnTheFirstAppend() throws IOException {
    Path p = dir.resolve("t.csv");
    CsvStore.open(p).append(records(tricky()));
    List<String> lines = Files.readAllLines(p);
    assertEquals("i,l,f,d,e,b,s", lines.get(0));
    assertEquals("1,1099511627776,1.0,1.0,0.1,True,001", lines.get(1));
    assertEquals("3,-1,NaN,NaN,-0.0,True,\"a,b \"\"quoted\"\"\"", lines.get(3));
    assertEquals("{\"i\": \"int32\", \"l\": \"int64\", \"f\": \"float32\", \"d\": \"float64\", \"e\": \"float64\", "
        + "\"b\": \"bool\", \"s\": \"str\"}\n", Files.readString(CsvStore.dtypesFile(p)));
    assertEquals(dir.resolve("t.csv.dtypes.json"), CsvStore.dtypesFile(p));
  }

  @Test
  void appendsWithoutRewritingWhatIsThere() throws IOException {
    Path p = dir.resolve("t.csv");
    CsvStore csv = CsvStore.open(p);
    csv.append(records(tricky()));
    byte[] first = Files.readAllBytes(p);
    csv.append(records(tricky()));
    byte[] both = Files.readAllBytes(p);
    assertArrayEquals(first, Arrays.copyOf(both, first.length));
    int header = new String(first, StandardCharsets.UTF_8).indexOf('\n') + 1;
    assertEquals(2 * first.length - header, both.length);
    assertEquals(8, CsvStore.readTable(p).rowCount());
  }

  @Test
  void opensWhatAnEarlierSessionWroteAndAppendsToIt() {
    Path p = dir.resolve("t.csv");
    CsvStore.open(p).append(records(tricky()));
    CsvStore again = CsvStore.open(p);
    assertEquals(4, again.size());
    assertEquals(4, again.read().sizes().get("index"));
    assertEquals(tricky().columnNames(), again.columns());
    again.append(records(tricky()));
    assertEquals(8, CsvStore.readTable(p).rowCount());
  }

  @Test
  void startsEmptyWhenTheFileDoesNotExist() {
    CsvStore csv = CsvStore.open(dir.resolve("none.csv"));
    assertEquals(List.of(), csv.columns());
    assertEquals(List.of(), csv.types());
    assertEquals(0, csv.size());
    assertFalse(Files.exists(dir.resolve("none.csv")));
  }

  @Test
  void dropsATornLastLineCutsItOffAndKeepsEveryCompleteRow() throws IOException {
    Path p = dir.resolve("t.csv");
    CsvStore.open(p).append(records(tricky()));
    long good = Files.size(p);
    Files.writeString(p, "7,8,1.5,2.5,3.5,Tru", StandardOpenOption.APPEND);
    assertEquals(4, CsvStore.readTable(p).rowCount(), "read leaves the torn line out");
    assertEquals(4, CsvStore.open(p, RecordStore.Mode.READ_ONLY).size());
    assertEquals(good + 19, Files.size(p), "read does not change the file");
    CsvStore csv = CsvStore.open(p);
    assertEquals(4, csv.size());
    assertEquals(good, Files.size(p), "open cuts the torn line off");
    csv.append(records(tricky()));
    assertSameTable(tricky().append(tricky()), CsvStore.readTable(p));
  }

  @Test
  void dropsATornLineThatEndsInsideQuotes() throws IOException {
    Path p = dir.resolve("t.csv");
    CsvStore.open(p).append(records(tricky()));
    Files.writeString(p, "7,8,1.5,2.5,3.5,True,\"half\nof it", StandardOpenOption.APPEND);
    assertEquals(4, CsvStore.open(p).size());
    assertSameTable(tricky(), CsvStore.readTable(p));
  }

  // A crash cannot leave a newline-terminated partial row (each append is one write of whole rows),
  // so a complete last line that does not parse is damage to report, not a torn tail to cut off.
  @Test
  void refusesACompleteLastLineWithTheWrongNumberOfFieldsAndKeepsIt() throws IOException {
    Path p = dir.resolve("t.csv");
    CsvStore.open(p).append(records(tricky()));
    long good = Files.size(p);
    long line = Files.readString(p).chars().filter(c -> c == '\n').count() + 1;
    Files.writeString(p, "7,8,1.5\n", StandardOpenOption.APPEND);
    StoreFormatException e = assertThrows(StoreFormatException.class, () -> CsvStore.open(p));
    assertTrue(e.getMessage().endsWith("t.csv: line " + line + ": it has 3 fields; the header has 7 [i, l, f, d, e, b, s]"),
        e.getMessage());
    assertEquals(p, e.path());
    assertEquals(good + 8, Files.size(p), "the line is not deleted");
  }

  @Test
  void refusesACompleteLastLineWithAValueOfTheWrongTypeAndKeepsIt() throws IOException {
    Path p = dir.resolve("t.csv");
    CsvStore.open(p).append(records(tricky()));
    long good = Files.size(p);
    long line = Files.readString(p).chars().filter(c -> c == '\n').count() + 1;
    Files.writeString(p, "7,8,1.5,2.5,3.5,maybe,s\n", StandardOpenOption.APPEND);
    CsvStore csv = CsvStore.open(p);
    StoreFormatException e = assertThrows(StoreFormatException.class, csv::read);
    assertTrue(e.getMessage().endsWith("t.csv: line " + line + ": column 'b' is bool but holds \"maybe\""), e.getMessage());
    assertThrows(StoreFormatException.class, () -> CsvStore.readTable(p));
    assertEquals(good + 24, Files.size(p), "the line is not deleted");
  }

  @Test
  void treatsATornHeaderAsAnEmptyFile() throws IOException {
    Path p = dir.resolve("t.csv");
    Files.writeString(p, "i,l,f");
    CsvStore csv = CsvStore.open(p);
    assertEquals(List.of(), csv.columns());
    assertEquals(0, Files.size(p));
    csv.append(records(tricky()));
    assertSameTable(tricky(), CsvStore.readTable(p));
  }

  @Test
  void reportsDamageBeforeTheLastLineWithItsLineNumber() throws IOException {
    Path p = dir.resolve("t.csv");
    CsvStore.open(p).append(records(tricky()));
    List<String> lines = Files.readAllLines(p);
    Files.writeString(p, lines.get(0) + "\n" + lines.get(1) + "\n1,2\n" + lines.get(2) + "\n");
    StoreFormatException e = assertThrows(StoreFormatException.class, () -> CsvStore.open(p));
    assertTrue(e.getMessage().endsWith("t.csv: line 3: it has 2 fields; the header has 7 [i, l, f, d, e, b, s]"),
        e.getMessage());
    Files.writeString(p, lines.get(0) + "\n" + lines.get(1) + "\nx,2,1,1,1,True,s\n" + lines.get(2) + "\n");
    e = assertThrows(StoreFormatException.class, () -> CsvStore.readTable(p));
    assertTrue(e.getMessage().endsWith("t.csv: line 3: column 'i' is int32 but holds \"x\""), e.getMessage());
  }

  @Test
  void refusesRowsWithOtherColumnsNamingTheDifferences() throws IOException {
    Path p = dir.resolve("t.csv");
    CsvStore csv = CsvStore.open(p);
    csv.append(records(Table.create("a", IntColumn.create("a", new int[] {1}), DoubleColumn.create("b", 2.0))));
    long size = Files.size(p);
    IncompatibleStoreException renamed = assertThrows(IncompatibleStoreException.class,
        () -> csv.append(records(Table.create("a", IntColumn.create("a", new int[] {1}), DoubleColumn.create("c", 2.0)))));
    assertEquals("cannot append to t.csv: it has the columns [a, b] but the rows have [a, c]: "
        + "'c' stands where 'b' is expected (renamed?)", renamed.getMessage());
    assertEquals("[a, b]", renamed.stored());
    assertEquals("[a, c]", renamed.expected());
    IncompatibleStoreException extra = assertThrows(IncompatibleStoreException.class, () -> csv.append(records(
        Table.create("a", IntColumn.create("a", new int[] {1}), DoubleColumn.create("b", 2.0), DoubleColumn.create("c", 2.0)))));
    assertTrue(extra.getMessage().endsWith(": extra [c]"), extra.getMessage());
    IncompatibleStoreException missing = assertThrows(IncompatibleStoreException.class,
        () -> csv.append(records(Table.create("a", IntColumn.create("a", new int[] {1})))));
    assertTrue(missing.getMessage().endsWith(": missing [b]"), missing.getMessage());
    IncompatibleStoreException order = assertThrows(IncompatibleStoreException.class,
        () -> csv.append(records(Table.create("a", DoubleColumn.create("b", 2.0), IntColumn.create("a", new int[] {1})))));
    assertTrue(order.getMessage().endsWith(": the same columns in another order"), order.getMessage());
    IncompatibleStoreException required = assertThrows(IncompatibleStoreException.class,
        () -> csv.requireColumns(List.of("a", "b", "out")));
    assertEquals("t.csv has the columns [a, b] but [a, b, out] are expected: missing [out]", required.getMessage());
    assertEquals(size, Files.size(p), "nothing is written");
  }

  @Test
  void refusesRowsWhoseColumnTypeDiffersFromTheStoredOne() {
    Path p = dir.resolve("t.csv");
    CsvStore csv = CsvStore.open(p);
    csv.append(records(Table.create("a", IntColumn.create("a", new int[] {1}), DoubleColumn.create("b", 2.0))));
    IncompatibleStoreException e = assertThrows(IncompatibleStoreException.class, () -> CsvStore.open(p)
        .append(records(Table.create("a", IntColumn.create("a", new int[] {1}), IntColumn.create("b", new int[] {2})))));
    assertEquals("cannot append to t.csv: column 'b' is float64 there but int32 in the rows to append", e.getMessage());
  }

  @Test
  void refusesAColumnTypeItCannotHold() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> CsvStore.open(dir.resolve("t.csv"))
        .append(records(Table.create("a", DateColumn.create("when", LocalDate.of(2024, 1, 2))))));
    assertTrue(e.getMessage().startsWith("column 'when' is LOCAL_DATE; a sweep dataset holds INTEGER (int32)"),
        e.getMessage());
    assertFalse(Files.exists(dir.resolve("t.csv")));
  }

  @Test
  void infersTypesStrictlyWhenThereIsNoSidecar() throws IOException {
    Path p = dir.resolve("t.csv");
    Files.writeString(p, "a,b,c,d,e\n1,1.0,True,001,\n2,NaN,False,x,3\n3,2.0,True,y,4\n");
    Table t = CsvStore.readTable(p);
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
    Files.writeString(CsvStore.dtypesFile(p), "{\"a\": \"float64\", \"z\": \"str\"}\n");
    assertEquals(List.of(ColumnType.LONG, ColumnType.STRING), CsvStore.readTable(p).types());
  }

  @Test
  void refusesAMalformedSidecarNamingIt() throws IOException {
    Path p = dir.resolve("t.csv");
    Files.writeString(p, "a,b\n1,x\n");
    Files.writeString(CsvStore.dtypesFile(p), "{\"a\": \"float64\", \"b\": \"text\"}\n");
    StoreFormatException e = assertThrows(StoreFormatException.class, () -> CsvStore.readTable(p));
    assertTrue(e.getMessage().endsWith("t.csv.dtypes.json gives column 'b' the type 'text'; expected one of int32, "
        + "int64, float32, float64, bool, str"), e.getMessage());
  }

  @Test
  void writesTheSidecarOnTheFirstAppendToAFileWithoutOne() throws IOException {
    Path p = dir.resolve("t.csv");
    Files.writeString(p, "a,b\n1,x\n");
    CsvStore csv = CsvStore.open(p);
    csv.append(records(Table.create("t", LongColumn.create("a", 2L), StringColumn.create("b", "002"))));
    assertEquals("{\"a\": \"int64\", \"b\": \"str\"}\n", Files.readString(CsvStore.dtypesFile(p)));
    assertEquals("002", CsvStore.readTable(p).stringColumn("b").get(1));
  }

  @Test
  void readsCrLfLineEnds() throws IOException {
    Path p = dir.resolve("t.csv");
    Files.writeString(p, "a,b\r\n1,\"x\"\r\n2,y\r\n");
    Table t = CsvStore.readTable(p);
    assertEquals(List.of("x", "y"), t.stringColumn("b").asList());
    assertEquals(List.of("a", "b"), t.columnNames());
  }

  @Test
  void refusesToReadAFileThatDoesNotExist() {
    java.io.UncheckedIOException e = assertThrows(java.io.UncheckedIOException.class,
        () -> CsvStore.readTable(dir.resolve("none.csv")));
    assertTrue(e.getMessage().startsWith("cannot read "), e.getMessage());
  }

  @Test
  void keepsMissingValuesMissing() throws IOException {
    // A dataset cannot hold a missing int or bool, but another writer can leave empty cells there.
    Path p = dir.resolve("t.csv");
    Files.writeString(p, "i,s,b\n1,x,True\n,,\n");
    Files.writeString(CsvStore.dtypesFile(p), "{\"i\": \"int32\", \"s\": \"str\", \"b\": \"bool\"}\n");
    Table back = CsvStore.readTable(p);
    assertTrue(back.intColumn("i").isMissing(1));
    assertTrue(back.stringColumn("s").isMissing(1));
    assertTrue(back.booleanColumn("b").isMissing(1));
    Dataset ds = CsvStore.open(p, RecordStore.Mode.READ_ONLY).read();
    assertEquals(DType.DOUBLE, ds.variable("i").type(), "an int column with a gap reads as float64, as in a dataset");
    assertTrue(ds.variable("i").isMissing(1));
    assertEquals(1.0, ds.variable("i").getDouble(0));
    assertTrue(ds.variable("s").isMissing(1));
    assertTrue(ds.variable("b").isMissing(1));
    assertEquals(1.0, ds.variable("b").getDouble(0));
  }

  @Test
  void writesMissingFloatsAndStringsAndReadsThemBackMissing() throws IOException {
    Path p = dir.resolve("t.csv");
    Dataset ds = Dataset.builder().dim("sample", 2)
        .variable("x", List.of("sample"), Nd4j.createFromArray(1.5, Double.NaN))
        .variable("s", List.of("sample"), "a", null)
        .build();
    CsvStore.open(p).append(ds);
    assertEquals("x,s\n1.5,a\nNaN,\n", Files.readString(p));
    Dataset back = CsvStore.open(p).read();
    assertTrue(back.variable("x").isMissing(1));
    assertTrue(back.variable("s").isMissing(1));
  }
}
