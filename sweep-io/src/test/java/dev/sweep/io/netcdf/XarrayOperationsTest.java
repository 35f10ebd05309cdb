package dev.sweep.io.netcdf;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.sweep.data.DType;
import dev.sweep.data.Dataset;
import dev.sweep.data.Drop;
import dev.sweep.data.Index;
import dev.sweep.data.Lookup;
import dev.sweep.data.Reduce;
import dev.sweep.data.Slice;
import dev.sweep.data.Variable;
import dev.sweep.io.table.LongTable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;
import tech.tablesaw.api.Table;

/**
 * The Dataset operations against xarray itself: Java writes a dataset, {@code xarray_operations.py}
 * runs each operation in xarray and writes the result as NetCDF-4, and this test compares it with the
 * same operation done by sweep: dimensions, labels, each variable's dimensions, type and values. The
 * long-form table of {@link LongTable#of} is compared with xarray's {@code to_dataframe()} too.
 */
class XarrayOperationsTest {
  @TempDir Path dir;

  /** a: 1..4 (int32), b: x, y, z, t: 0, 0.25, ..., 1; every type, with missing values. */
  static Dataset input() {
    Random r = new Random(16);
    int na = 4, nb = 3, nt = 5;
    double[] f = new double[na * nb * nt];
    for (int k = 0; k < f.length; k++) f[k] = r.nextDouble() < 0.15 ? Double.NaN : Math.round(r.nextGaussian() * 100) / 10.0;
    for (int k = nb * nt; k < nb * nt + nt; k++) f[k] = Double.NaN; // a = 2, b = x: every t missing
    float[] g = new float[na * nt];
    for (int k = 0; k < g.length; k++) g[k] = r.nextDouble() < 0.2 ? Float.NaN : (float) Math.round(r.nextDouble() * 1000) / 100;
    int[] i = new int[na * nb];
    for (int k = 0; k < i.length; k++) i[k] = r.nextInt(21) - 10;
    int[] n = new int[nb * nt];
    for (int k = 0; k < n.length; k++) n[k] = r.nextInt(7) + 1;
    boolean[] ok = new boolean[na * nb * nt];
    for (int k = 0; k < ok.length; k++) ok[k] = r.nextBoolean();
    String[] s = new String[na * nb];
    for (int k = 0; k < s.length; k++) s[k] = k == 4 ? null : "s" + r.nextInt(6);
    return Dataset.builder()
        .coord("a", Index.ofInts(1, 2, 3, 4)).coord("b", Index.ofStrings("x", "y", "z"))
        .coord("t", Index.ofDoubles(0, 0.25, 0.5, 0.75, 1))
        .variable("f", List.of("a", "b", "t"), Nd4j.create(f, new long[] {na, nb, nt}, DataType.DOUBLE))
        .variable("g", List.of("a", "t"), Nd4j.create(g, new long[] {na, nt}))
        .variable("i", List.of("a", "b"), Nd4j.create(i, new long[] {na, nb}, DataType.INT32))
        .variable("n", List.of("b", "t"), Nd4j.create(n, new long[] {nb, nt}, DataType.INT32))
        .variable("ok", List.of("a", "b", "t"), Nd4j.create(ok, new long[] {na, nb, nt}, DataType.BOOL))
        .variable("s", List.of("a", "b"), s)
        .build();
  }

  /** The same operations as xarray_operations.py, by name. */
  static Map<String, Function<Dataset, Dataset>> operations() {
    Map<String, Function<Dataset, Dataset>> ops = new LinkedHashMap<>();
    ops.put("mean_a", ds -> ds.dropVars("s").mean("a"));
    ops.put("mean_all", ds -> ds.dropVars("s", "g").mean());
    ops.put("sum_ab_noskip", ds -> ds.dropVars("s").sum(Reduce.over("a", "b").skipna(false)));
    ops.put("sum_t_min_count", ds -> ds.dropVars("s", "i", "n", "ok").sum(Reduce.over("t").minCount(4)));
    ops.put("std_t_ddof1", ds -> ds.dropVars("s").std(Reduce.over("t").ddof(1)));
    ops.put("var_bt", ds -> ds.dropVars("s").var("b", "t"));
    ops.put("median_b", ds -> ds.dropVars("s").median("b"));
    ops.put("prod_t", ds -> ds.dropVars("s").prod("t"));
    ops.put("count_a", ds -> ds.count("a"));
    ops.put("min_a", ds -> ds.min("a"));
    ops.put("max_b_noskip", ds -> ds.dropVars("s").max(Reduce.over("b").skipna(false)));
    ops.put("idxmin_a", ds -> ds.dropVars("n", "s").idxmin("a"));
    ops.put("idxmax_t", ds -> ds.dropVars("i", "s").idxmax("t"));
    ops.put("sel_range", ds -> ds.sel(Map.of("t", Slice.of(0.25, 0.75), "b", Slice.from("y"))));
    ops.put("sel_nearest", ds -> ds.sel(Map.of("t", List.of(0.3, 0.9)), Lookup.nearest(0.1)));
    ops.put("isel_steps", ds -> ds.isel(Map.of("t", Slice.all().step(2), "a", Slice.of(-1, 0, -2))));
    ops.put("where_f_positive", ds -> ds.where("f", v -> v > 0));
    ops.put("dropna_a_any", ds -> ds.dropVars("i", "n", "ok", "s").dropMissing("a"));
    ops.put("dropna_t_all", ds -> ds.dropVars("i", "n", "ok", "s").dropMissing("t", Drop.ALL));
    ops.put("drop_sel", ds -> ds.dropSel(Map.of("b", List.of("y"), "t", List.of(0.0))));
    ops.put("transpose", ds -> ds.transpose("t", "a", "b"));
    ops.put("expand_dims", ds -> ds.expandDims("k", 8));
    ops.put("squeeze", ds -> ds.isel(Map.of("a", List.of(1))).squeeze());
    ops.put("concat_a", ds -> Dataset.concat(List.of(ds.isel(Map.of("a", List.of(0, 1))), ds.isel(Map.of("a", List.of(2, 3)))), "a"));
    ops.put("concat_new", ds -> Dataset.concat(List.of(ds, ds), "run"));
    ops.put("rename", ds -> ds.rename(Map.of("f", "energy", "a", "amp")));
    ops.put("assign_product", ds -> ds.with("energy", d -> d.get("f").times(d.get("g"))));
    ops.put("assign_broadcast", ds -> ds.with("h", d -> d.get("g").plus(d.get("i"))).with("k", d -> d.get("n").div(d.get("t"))));
    ops.put("assign_map", ds -> ds.with("sg", d -> d.get("g").map(x -> Math.sin(x) * 2)));
    ops.put("where_test", ds -> ds.dropVars("f", "n", "ok", "s").where(ds.get("g").test(x -> x < 5)));
    return ops;
  }

  /**
   * Where the type differs by design (see dev.sweep.data's package docs), as "operation/variable":
   * xarray's idxmin of a float variable gives float64 labels even where no slice is all missing
   * (sweep keeps the int32 labels then); sweep's arithmetic is float64, where NumPy keeps float32.
   */
  static final Set<String> TYPE_DIFFERS = Set.of("idxmin_a/f", "idxmin_a/g", "assign_map/sg");

  @Test
  void everyOperationGivesWhatXarrayGives() {
    ExternalTools.requireXarray();
    Dataset ds = input();
    Path in = dir.resolve("in.nc");
    Netcdf.write(ds, in);
    Path script = ExternalTools.resource(dir, "xarray_operations.py");
    ExternalTools.Result r = ExternalTools.run(dir, ExternalTools.PYTHON.toString(), script.toString(), in.toString(),
        dir.toString()).assertSuccess("xarray_operations.py");
    assertEquals("ok", r.stdout().trim());
    List<String> differences = new ArrayList<>();
    operations().forEach((name, op) -> {
      Dataset ours = op.apply(ds);
      Dataset theirs = Netcdf.read(dir.resolve(name + ".nc"));
      compare(name, ours, theirs, differences);
    });
    compareTable(LongTable.of(ds), dir.resolve("to_dataframe.csv"), differences);
    assertEquals(List.of(), differences, "sweep and xarray differ");
  }

  /** LongTable.of against xarray's to_dataframe().reset_index(), written by pandas as CSV. */
  static void compareTable(Table ours, Path csv, List<String> out) {
    List<String> lines;
    try {
      lines = Files.readAllLines(csv);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    List<String> header = List.of(lines.get(0).split(",", -1));
    if (!header.equals(ours.columnNames())) {
      out.add("LongTable.of: columns " + ours.columnNames() + " vs xarray's " + header);
      return;
    }
    if (lines.size() - 1 != ours.rowCount()) {
      out.add("LongTable.of: " + ours.rowCount() + " rows vs xarray's " + (lines.size() - 1));
      return;
    }
    for (int r = 0; r < ours.rowCount(); r++) {
      String[] cells = lines.get(r + 1).split(",", -1);
      for (int c = 0; c < header.size(); c++) {
        tech.tablesaw.columns.Column<?> col = ours.column(c);
        String theirs = cells[c];
        Object mine = col.isMissing(r) ? null : col.get(r);
        boolean same;
        if (mine == null) same = theirs.isEmpty();
        else if (mine instanceof Boolean b) same = theirs.equals(b ? "True" : "False");
        else if (mine instanceof Number n) same = !theirs.isEmpty() && n.doubleValue() == Double.parseDouble(theirs);
        else same = mine.toString().equals(theirs);
        if (!same) {
          out.add("LongTable.of: row " + r + ", column " + header.get(c) + " is " + mine + " vs xarray's '" + theirs + "'");
          return;
        }
      }
    }
  }

  static void compare(String op, Dataset ours, Dataset theirs, List<String> out) {
    if (!ours.sizes().equals(theirs.sizes())) {
      out.add(op + ": dimensions " + ours.sizes() + " vs xarray's " + theirs.sizes());
      return;
    }
    if (!ours.coords().keySet().equals(theirs.coords().keySet())) {
      out.add(op + ": labelled dimensions " + ours.coords().keySet() + " vs xarray's " + theirs.coords().keySet());
      return;
    }
    for (String dim : ours.coords().keySet()) {
      if (!labels(ours.coord(dim)).equals(labels(theirs.coord(dim)))) {
        out.add(op + ": labels of '" + dim + "' " + ours.coord(dim) + " vs xarray's " + theirs.coord(dim));
      }
    }
    if (!ours.variables().keySet().equals(theirs.variables().keySet())) {
      out.add(op + ": variables " + new TreeSet<>(ours.variables().keySet()) + " vs xarray's "
          + new TreeSet<>(theirs.variables().keySet()));
      return;
    }
    for (Variable v : ours.variables().values()) {
      Variable w = theirs.variable(v.name());
      String at = op + "/" + v.name();
      if (!v.dims().equals(w.dims())) {
        out.add(at + ": dimensions " + v.dims() + " vs xarray's " + w.dims());
        continue;
      }
      if (v.type() != w.type() && !TYPE_DIFFERS.contains(at)) {
        out.add(at + ": type " + v.type() + " vs xarray's " + w.type());
      }
      if (v.type() == DType.STRING || w.type() == DType.STRING) {
        String[] a = v.toStringArray();
        String[] b = w.toStringArray();
        for (int k = 0; k < a.length; k++) {
          String x = a[k] == null ? "" : a[k]; // xarray writes a missing string as NetCDF-4's empty fill
          String y = b[k] == null ? "" : b[k];
          if (!x.equals(y)) {
            out.add(at + ": element " + k + " is " + a[k] + " vs xarray's " + b[k]);
            break;
          }
        }
        continue;
      }
      double[] a = v.toDoubleArray();
      double[] b = w.toDoubleArray();
      double tolerance = v.type() == DType.FLOAT || w.type() == DType.FLOAT ? 1e-5 : 1e-12;
      for (int k = 0; k < a.length; k++) {
        boolean same = Double.isNaN(a[k]) ? Double.isNaN(b[k])
            : a[k] == b[k] || Math.abs(a[k] - b[k]) <= tolerance * Math.max(1, Math.abs(b[k]));
        if (!same) {
          out.add(at + ": element " + k + " is " + a[k] + " vs xarray's " + b[k]);
          break;
        }
      }
    }
  }

  /** Labels as text, so int32 and int64 labels (xarray's expand_dims gives int64) compare by value. */
  private static List<String> labels(Index ix) {
    List<String> out = new ArrayList<>();
    for (Object l : ix.labels()) out.add(l instanceof Number n ? Double.toString(n.doubleValue()) : String.valueOf(l));
    return out;
  }
}
