package dev.sweep.data;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reshaping behind {@link Dataset#rename}, {@link Dataset#transpose}, {@link Dataset#expandDims},
 * {@link Dataset#squeeze}, {@link Dataset#concat}, {@link Dataset#dropVars} and
 * {@link Dataset#assignCoords}. Data is shared where the layout allows (rename, squeeze) and copied
 * in one pass otherwise.
 */
final class Reshape {
  /** The placeholder for "every other dimension, in its order" in {@link Dataset#transpose}, as xarray's {@code ...}. */
  static final String REST = "...";

  private Reshape() {}

  static Dataset rename(Dataset ds, Map<String, String> names) {
    Set<String> known = new LinkedHashSet<>(ds.dims());
    known.addAll(ds.variables().keySet());
    for (Map.Entry<String, String> e : names.entrySet()) {
      if (e.getKey() == null || e.getValue() == null) {
        throw new IllegalArgumentException("rename: a name is null in " + names);
      }
      if (!known.contains(e.getKey())) {
        throw new IllegalArgumentException("rename: no variable or dimension '" + e.getKey() + "'; the dimensions are "
            + ds.dims() + " and the variables " + ds.variables().keySet());
      }
    }
    Map<String, String> after = new LinkedHashMap<>(); // new name -> old name
    for (String n : known) {
      String to = names.getOrDefault(n, n);
      String before = after.putIfAbsent(to, n);
      if (before != null) {
        throw new IllegalArgumentException("rename: '" + before + "' and '" + n + "' would both be named '" + to
            + "'; the names are " + known);
      }
    }
    Dataset.Builder b = Dataset.builder();
    for (Map.Entry<String, Integer> e : ds.sizes().entrySet()) {
      String to = names.getOrDefault(e.getKey(), e.getKey());
      Index ix = ds.coords().get(e.getKey());
      if (ix != null) b.coord(to, ix);
      else b.dim(to, e.getValue());
    }
    for (Variable v : ds.variables().values()) {
      List<String> dims = new ArrayList<>();
      for (String d : v.dims()) dims.add(names.getOrDefault(d, d));
      b.variable(Variable.of(names.getOrDefault(v.name(), v.name()), dims, v.storage()).withAttrs(v.attrs()));
    }
    b.attrs(ds.attrs());
    return b.build();
  }

  static Dataset transpose(Dataset ds, List<String> order) {
    List<String> dims = ds.dims();
    int rest = order.indexOf(REST);
    if (rest >= 0 && order.lastIndexOf(REST) != rest) {
      throw new IllegalArgumentException("transpose " + order + ": '...' may appear once");
    }
    for (String d : order) {
      if (!d.equals(REST) && !dims.contains(d)) {
        throw new IllegalArgumentException("transpose " + order + ": no dimension '" + d + "'; the dimensions are " + dims);
      }
    }
    if (new HashSet<>(order).size() != order.size()) {
      throw new IllegalArgumentException("transpose " + order + " names a dimension twice");
    }
    List<String> full = new ArrayList<>();
    if (rest < 0) {
      if (order.size() != dims.size()) {
        List<String> left = new ArrayList<>(dims);
        left.removeAll(order);
        throw new IllegalArgumentException("transpose " + order + " must name every dimension " + dims + " (missing "
            + left + "), or use \"...\" for the others");
      }
      full.addAll(order);
    } else {
      full.addAll(order.subList(0, rest));
      for (String d : dims) if (!order.contains(d)) full.add(d);
      full.addAll(order.subList(rest + 1, order.size()));
    }
    Dataset.Builder b = Dataset.builder();
    for (String d : full) {
      Index ix = ds.coords().get(d);
      if (ix != null) b.coord(d, ix);
      else b.dim(d, ds.sizes().get(d));
    }
    for (Variable v : ds.variables().values()) {
      List<String> mine = new ArrayList<>();
      for (String d : full) if (v.dims().contains(d)) mine.add(d);
      b.variable(v.transpose(mine));
    }
    b.attrs(ds.attrs());
    return b.build();
  }

  static Dataset expandDims(Dataset ds, String dim, Index labels, int size) {
    if (ds.sizes().containsKey(dim)) {
      throw new IllegalArgumentException("expandDims: dimension '" + dim + "' already exists; the dimensions are " + ds.dims());
    }
    if (ds.variables().containsKey(dim) && labels != null) {
      throw new IllegalArgumentException("expandDims: '" + dim + "' is a variable; a labelled dimension needs another name");
    }
    Dataset.Builder b = Dataset.builder();
    if (labels != null) b.coord(dim, labels);
    else b.dim(dim, size);
    for (Map.Entry<String, Integer> e : ds.sizes().entrySet()) {
      Index ix = ds.coords().get(e.getKey());
      if (ix != null) b.coord(e.getKey(), ix);
      else b.dim(e.getKey(), e.getValue());
    }
    for (Variable v : ds.variables().values()) b.variable(prepend(v, dim, size));
    b.attrs(ds.attrs());
    return b.build();
  }

  /** The variable with a new first axis of the given size, its data repeated along it. */
  private static Variable prepend(Variable v, String dim, int size) {
    long[] shape = v.shape();
    long[] out = new long[shape.length + 1];
    out[0] = size;
    System.arraycopy(shape, 0, out, 1, shape.length);
    List<String> dims = new ArrayList<>();
    dims.add(dim);
    dims.addAll(v.dims());
    if (size == 1) return Variable.of(v.name(), dims, v.storage().reshape(out)).withAttrs(v.attrs());
    Column src = v.storage();
    Column dst = Column.allocate(v.type(), out);
    long n = src.length();
    for (int r = 0; r < size; r++) copyRun(src, 0, dst, r * n, n);
    return Variable.of(v.name(), dims, dst).withAttrs(v.attrs());
  }

  /** Copies {@code n} consecutive elements; in bulk for float64. */
  static void copyRun(Column src, long from, Column dst, long to, long n) {
    if (src.type() == DType.DOUBLE && dst.type() == DType.DOUBLE) {
      double[] buf = new double[(int) Math.min(Strided.CHUNK, Math.max(n, 1))];
      for (long k = 0; k < n; k += buf.length) {
        int len = (int) Math.min(buf.length, n - k);
        src.getDoubles(from + k, buf, 0, len);
        dst.setDoubles(to + k, len == buf.length ? buf : Arrays.copyOf(buf, len));
      }
      return;
    }
    for (long k = 0; k < n; k++) src.copyTo(from + k, dst, to + k);
  }

  static Dataset squeeze(Dataset ds, List<String> dims) {
    List<String> drop = new ArrayList<>();
    if (dims.isEmpty()) {
      for (Map.Entry<String, Integer> e : ds.sizes().entrySet()) if (e.getValue() == 1) drop.add(e.getKey());
    } else {
      for (String d : dims) {
        int size = Selection.requireDim(ds, d, "squeeze");
        if (size != 1) {
          throw new IllegalArgumentException("squeeze: dimension '" + d + "' has size " + size
              + "; only dimensions of size 1 can be squeezed (select one label with sel or isel)");
        }
        drop.add(d);
      }
    }
    Dataset.Builder b = Reductions.keptDims(ds, drop);
    for (Variable v : ds.variables().values()) {
      List<String> kept = new ArrayList<>();
      List<Long> shape = new ArrayList<>();
      long[] s = v.shape();
      for (int d = 0; d < s.length; d++) {
        if (!drop.contains(v.dims().get(d))) {
          kept.add(v.dims().get(d));
          shape.add(s[d]);
        }
      }
      long[] out = shape.stream().mapToLong(Long::longValue).toArray();
      b.variable(Variable.of(v.name(), kept, v.storage().reshape(out)).withAttrs(v.attrs()));
    }
    b.attrs(ds.attrs());
    return b.build();
  }

  static Dataset dropVars(Dataset ds, List<String> names) {
    Dataset.Builder b = ds.toBuilder();
    for (String n : names) {
      if (ds.variables().containsKey(n)) {
        b.removeVariable(n);
      } else if (ds.coords().containsKey(n)) {
        b.coords.remove(n); // the dimension stays, without labels, as xarray's drop_vars of an index
      } else {
        throw new IllegalArgumentException("dropVars: no variable '" + n + "'; the variables are "
            + ds.variables().keySet() + " and the labelled dimensions " + ds.coords().keySet());
      }
    }
    return b.build();
  }

  static Dataset assignCoords(Dataset ds, Map<String, Index> coords) {
    Dataset.Builder b = ds.toBuilder();
    for (Map.Entry<String, Index> e : coords.entrySet()) {
      String dim = e.getKey();
      Index ix = e.getValue();
      if (dim == null || ix == null) throw new IllegalArgumentException("assignCoords: a name or labels are null");
      Integer size = ds.sizes().get(dim);
      if (size != null && size != ix.size()) {
        throw new IllegalArgumentException("assignCoords: dimension '" + dim + "' has size " + size + ", but the labels "
            + ix + " are " + ix.size());
      }
      if (ds.variables().containsKey(dim)) {
        throw new IllegalArgumentException("assignCoords: '" + dim + "' is a data variable; labels need another name");
      }
      b.coord(dim, ix);
    }
    return b.build();
  }

  // ---- concat ----

  static Dataset concat(List<Dataset> parts, String dim, Index newLabels) {
    if (parts.isEmpty()) throw new IllegalArgumentException("concat: no datasets; expected at least one");
    Dataset first = parts.get(0);
    boolean existing = first.sizes().containsKey(dim);
    for (int i = 0; i < parts.size(); i++) {
      Dataset p = parts.get(i);
      if (p == null) throw new IllegalArgumentException("concat: dataset " + i + " is null");
      if (p.sizes().containsKey(dim) != existing) {
        throw new IllegalArgumentException("concat along '" + dim + "': dataset " + i + (existing ? " lacks" : " has")
            + " the dimension and dataset 0 " + (existing ? "has" : "lacks") + " it; add it with expandDims first");
      }
      if (!p.variables().keySet().equals(first.variables().keySet())) {
        Set<String> missing = new LinkedHashSet<>(first.variables().keySet());
        missing.removeAll(p.variables().keySet());
        Set<String> extra = new LinkedHashSet<>(p.variables().keySet());
        extra.removeAll(first.variables().keySet());
        throw new IllegalArgumentException("concat along '" + dim + "': dataset " + i + " has the variables "
            + p.variables().keySet() + " and dataset 0 " + first.variables().keySet() + " (" + (missing.isEmpty() ? ""
            : "missing " + missing) + (missing.isEmpty() || extra.isEmpty() ? "" : ", ") + (extra.isEmpty() ? ""
            : "extra " + extra) + "); select the same variables in each");
      }
      checkOtherDims(first, p, i, dim);
    }
    if (existing && newLabels != null) {
      throw new IllegalArgumentException("concat along '" + dim + "': the dimension exists, so its labels come from the "
          + "datasets; labels are given only for a new dimension");
    }
    int[] sizes = new int[parts.size()];
    int total = 0;
    for (int i = 0; i < sizes.length; i++) {
      sizes[i] = existing ? parts.get(i).sizes().get(dim) : 1;
      total = Math.addExact(total, sizes[i]);
    }
    if (newLabels != null && newLabels.size() != total) {
      throw new IllegalArgumentException("concat along the new dimension '" + dim + "': " + parts.size()
          + " datasets but " + newLabels.size() + " labels " + newLabels);
    }
    Dataset.Builder b = Dataset.builder();
    if (!existing) {
      if (newLabels != null) b.coord(dim, newLabels);
      else b.dim(dim, total);
    }
    for (Map.Entry<String, Integer> e : first.sizes().entrySet()) {
      String d = e.getKey();
      if (d.equals(dim)) {
        Index ix = concatLabels(parts, dim);
        if (ix != null) b.coord(d, ix);
        else b.dim(d, total);
      } else {
        Index ix = first.coords().get(d);
        if (ix != null) b.coord(d, ix);
        else b.dim(d, e.getValue());
      }
    }
    for (String name : first.variables().keySet()) b.variable(concatVariable(parts, name, dim, sizes, total));
    b.attrs(first.attrs());
    return b.build();
  }

  private static void checkOtherDims(Dataset first, Dataset p, int i, String dim) {
    List<String> a = new ArrayList<>(first.dims());
    List<String> c = new ArrayList<>(p.dims());
    a.remove(dim);
    c.remove(dim);
    if (!a.equals(c)) {
      throw new IllegalArgumentException("concat along '" + dim + "': dataset " + i + " has the other dimensions " + c
          + " and dataset 0 " + a);
    }
    for (String d : a) {
      Index x = first.coords().get(d);
      Index y = p.coords().get(d);
      if (!first.sizes().get(d).equals(p.sizes().get(d)) || !java.util.Objects.equals(x, y)) {
        throw new IllegalArgumentException("concat along '" + dim + "': dimension '" + d + "' has the labels "
            + (y == null ? "(none, size " + p.sizes().get(d) + ")" : y) + " in dataset " + i + " and "
            + (x == null ? "(none, size " + first.sizes().get(d) + ")" : x) + " in dataset 0; merge aligns differing labels");
      }
    }
  }

  private static Index concatLabels(List<Dataset> parts, String dim) {
    int labelled = 0;
    for (Dataset p : parts) if (p.coords().containsKey(dim)) labelled++;
    if (labelled == 0) return null;
    if (labelled != parts.size()) {
      throw new IllegalArgumentException("concat along '" + dim + "': the dimension has labels in some datasets only; "
          + "give every dataset labels with assignCoords, or drop them with dropVars(\"" + dim + "\")");
    }
    List<Object> all = new ArrayList<>();
    for (Dataset p : parts) all.addAll(p.coords().get(dim).labels());
    if (all.isEmpty()) return parts.get(0).coords().get(dim);
    try {
      return Index.of(all);
    } catch (DuplicateLabelException e) {
      throw new IllegalArgumentException("concat along '" + dim + "': the label " + Index.show(e.label())
          + " appears in more than one dataset; merge joins datasets whose labels overlap", e);
    }
  }

  private static Variable concatVariable(List<Dataset> parts, String name, String dim, int[] sizes, int total) {
    Variable v0 = parts.get(0).variable(name);
    boolean has = v0.dims().contains(dim);
    DType type = v0.type();
    for (int i = 1; i < parts.size(); i++) {
      Variable v = parts.get(i).variable(name);
      if (!v.dims().equals(v0.dims())) {
        throw new IllegalArgumentException("concat along '" + dim + "': variable '" + name + "' has dimensions " + v.dims()
            + " in dataset " + i + " and " + v0.dims() + " in dataset 0");
      }
      DType t = DType.common(type, v.type());
      if (t == null) {
        throw new IllegalArgumentException("concat along '" + dim + "': variable '" + name + "' is " + v.type()
            + " in dataset " + i + " and " + type + " before; they cannot share a type");
      }
      type = t;
    }
    List<String> dims = new ArrayList<>(v0.dims());
    if (!has) dims.add(0, dim);
    int axis = dims.indexOf(dim);
    long[] shape = new long[dims.size()];
    long[] s0 = v0.shape();
    // The other axes have v0's sizes (checked equal across datasets above).
    for (int d = 0, k = 0; d < shape.length; d++) {
      if (d == axis) {
        shape[d] = total;
        if (has) k++;
      } else {
        shape[d] = s0[k++];
      }
    }
    long before = 1;
    long after = 1;
    for (int d = 0; d < axis; d++) before *= shape[d];
    for (int d = axis + 1; d < shape.length; d++) after *= shape[d];
    Column out = Column.allocate(type, shape);
    int offset = 0;
    for (int i = 0; i < parts.size(); i++) {
      Column src = parts.get(i).variable(name).storage();
      for (long bi = 0; bi < before; bi++) {
        for (int p = 0; p < sizes[i]; p++) {
          long from = has ? (bi * sizes[i] + p) * after : bi * after; // without the dimension: the same data each time
          long to = (bi * total + offset + p) * after;
          copyRun(src, from, out, to, after);
        }
      }
      offset += sizes[i];
    }
    return Variable.of(name, dims, out).withAttrs(v0.attrs());
  }
}
