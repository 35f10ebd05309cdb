package dev.sweep.io.csv;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.ColumnType;
import tech.tablesaw.api.Table;
import tech.tablesaw.io.csv.CsvReadOptions;

/** pandas and plain Tablesaw read a CSV that CsvStore wrote, with the right types and values. */
class CsvPandasInteropTest {
  @TempDir Path dir;

  @BeforeEach
  void needsPandas() {
    Pandas.assumeAvailable();
  }

  @Test
  void pandasReadsEveryColumnWithItsTypeUsingTheSidecar() {
    Path p = dir.resolve("tricky.csv");
    CsvStore.open(p).append(CsvStoreTest.records(CsvStoreTest.tricky()));
    String out = Pandas.run(String.join("\n",
        "import json, math, sys",
        "import pandas as pd",
        "p = sys.argv[1]",
        "df = pd.read_csv(p, dtype=json.load(open(p + '.dtypes.json')), float_precision='round_trip')",
        "print(' '.join(f'{c}:{t}' for c, t in df.dtypes.items()))",
        "assert df['i'].tolist() == [1, 2, 3, -4]",
        "assert df['l'].tolist() == [1 << 40, 0, -1, 2**63 - 1]",
        "assert df['f'][0] == 1.0 and df['f'][1] == 0.5 and math.isnan(df['f'][2]) and df['f'][3] == -2.25",
        "assert df['d'][0] == 1.0 and df['d'][1] == 2.0 and math.isnan(df['d'][2]) and df['d'][3] == math.inf",
        "assert df['e'].tolist()[:2] == [0.1, 1e-300] and str(df['e'][2]) == '-0.0' and df['e'][3] == 1 / 3",
        "assert df['b'].tolist() == [True, False, True, False]",
        "assert df['s'][0] == '001' and df['s'][2] == 'a,b \"quoted\"' and df['s'][3] == 'line\\nbreak \u00fcn\u00ef'",
        "plain = pd.read_csv(p)",
        "print(' '.join(f'{c}:{t}' for c, t in plain.dtypes.items()))"), p.toString());
    List<String> lines = out.lines().toList();
    assertEquals("i:int32 l:int64 f:float32 d:float64 e:float64 b:bool s:object", lines.get(0));
    assertEquals("i:int64 l:int64 f:float64 d:float64 e:float64 b:bool s:object", lines.get(1),
        "without the sidecar pandas still reads the file, with its default widths");
  }

  @Test
  void plainTablesawReadsItWithTheStoredTypesForced() {
    Path p = dir.resolve("tricky.csv");
    CsvStore.open(p).append(CsvStoreTest.records(CsvStoreTest.tricky()));
    ColumnType[] types = CsvStore.readTable(p).types().toArray(new ColumnType[0]);
    Table t = Table.read().usingOptions(CsvReadOptions.builder(p.toFile()).columnTypes(types));
    assertEquals(List.of(types), t.types());
    assertEquals("001", t.stringColumn("s").get(0));
    assertEquals(1.0, t.doubleColumn("d").getDouble(0));
    assertEquals(CsvStoreTest.tricky().intColumn("i").asList(), t.intColumn("i").asList());
  }

  @Test
  void pandasReadsTheGoldenFileWithTheSidecarsTypes() throws Exception {
    Path p = CsvGoldenTest.resource("golden.csv");
    String out = Pandas.run(String.join("\n",
        "import json, math, sys",
        "import pandas as pd",
        "p = sys.argv[1]",
        "dtype = json.load(open(p + '.dtypes.json'))",
        "# Only an empty cell is missing text; 'NaN' is missing in float columns (pandas' default would also",
        "# take the strings 'nan' or 'NA' as missing).",
        "na = {c: [''] if t == 'str' else ['', 'NaN'] for c, t in dtype.items()}",
        "df = pd.read_csv(p, dtype=dtype, float_precision='round_trip', keep_default_na=False, na_values=na)",
        "print(' '.join(f'{c}:{t}' for c, t in df.dtypes.items()))",
        "assert df['i'].tolist() == [1, -2, 2**31 - 1, 0]",
        "assert df['l'].tolist() == [1 << 40, -1, 2**63 - 1, -2**63]",
        "assert df['f'][0] == 0.5 and math.isnan(df['f'][1]) and df['f'][2] == -math.inf and abs(df['f'][3] - 1e-5) < 1e-12",
        "assert df['d'][0] == 0.1 and math.isnan(df['d'][1]) and df['d'][2] == math.inf and str(df['d'][3]) == '-0.0'",
        "assert df['e'].tolist() == [1e-300, 1e22, math.pi, 1e7]",
        "assert df['b'].tolist() == [True, False, True, False]",
        "assert df['s'][0] == 'plain' and df['s'].isna()[1] and df['s'][2] == 'a,b \"quoted\"\\nsecond line'",
        "assert df['s'][3] == 'temp\u00e9rature \u2603'",
        "assert df['t'].tolist() == ['001', 'nan', ' padded ', '#hash'], df['t'].tolist()"), p.toString());
    assertEquals("i:int32 l:int64 f:float32 d:float64 e:float64 b:bool s:object t:object", out.lines().toList().get(0));
  }
}
