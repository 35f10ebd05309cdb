package dev.sweep.traj;

import dev.sweep.data.Dataset;
import dev.sweep.data.Index;
import dev.sweep.data.Variable;
import dev.sweep.data.Column;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Joins of datasets of records by bulk row copies: runs of records along the record dimension, and
 * parts of an ensemble along one of the fields' dimensions.
 */
final class Ensembles {
  private Ensembles() {}

  /** Rows {@code [from, from + n)} of records, only the given variables (null: all). */
  static Dataset rows(Dataset records, String dim, int from, int n, List<String> variables) {
    Dataset.Builder b = Dataset.builder();
    for (String d : records.dims()) {
      if (d.equals(dim)) b.dim(d, n);
      else if (records.coords().containsKey(d)) b.coord(d, records.coord(d));
      else b.dim(d, records.sizes().get(d));
    }
    for (Variable v : records.variables().values()) {
      if (variables != null && !variables.contains(v.name())) continue;
      b.variable(Variable.of(v.name(), v.dims(), Rows.rows(v.column(), from, n)).withAttrs(v.attrs()));
    }
    return b.attrs(records.attrs()).build();
  }

  /** Runs of records with the same variables, one after the other along the record dimension. */
  static Dataset joinRecords(List<Dataset> parts, String dim) {
    Dataset first = parts.get(0);
    int total = 0;
    for (Dataset p : parts) total += p.sizes().get(dim);
    Dataset.Builder b = Dataset.builder();
    for (String d : first.dims()) {
      if (d.equals(dim)) b.dim(d, total);
      else if (first.coords().containsKey(d)) b.coord(d, first.coord(d));
      else b.dim(d, first.sizes().get(d));
    }
    for (Variable v : first.variables().values()) {
      long[] shape = v.shape();
      shape[0] = total;
      Column out = total == 0 ? Column.allocate(v.type(), shape) : Column.allocateUninitialized(v.type(), shape);
      int at = 0;
      for (Dataset p : parts) {
        Variable pv = p.variable(v.name());
        int n = p.sizes().get(dim);
        Rows.copyRows(pv.column(), 0, out, at, n);
        at += n;
      }
      b.variable(Variable.of(v.name(), v.dims(), out).withAttrs(v.attrs()));
    }
    return b.attrs(first.attrs()).build();
  }

  /**
   * Parts of one ensemble, each over time first, concatenated along {@code dim}.
   *
   * @throws IllegalArgumentException naming the part and what differs from the first
   */
  static Dataset concat(List<Dataset> parts, String dim) {
    Dataset first = parts.get(0);
    Index times = first.coords().get(Trajectory.TIME);
    for (int k = 1; k < parts.size(); k++) {
      Dataset p = parts.get(k);
      if (!p.variables().keySet().equals(first.variables().keySet())) {
        throw new IllegalArgumentException("part " + k + " has the fields " + p.variables().keySet() + " but part 0 has "
            + first.variables().keySet());
      }
      Index t = p.coords().get(Trajectory.TIME);
      if (!java.util.Objects.equals(t, times)) {
        throw new IllegalArgumentException("part " + k + " has other times than part 0: " + describe(t) + " against "
            + describe(times) + "; the parts of an ensemble share their times");
      }
    }
    Dataset.Builder b = Dataset.builder();
    int total = 0;
    boolean any = false;
    List<Object> labels = new ArrayList<>();
    boolean labelled = true;
    for (Dataset p : parts) {
      Integer n = p.sizes().get(dim);
      if (n == null) throw new IllegalArgumentException("part " + parts.indexOf(p) + " has no dimension '" + dim
          + "'; its dimensions are " + p.dims());
      total += n;
      any = true;
      Index ix = p.coords().get(dim);
      if (ix == null) labelled = false;
      else labels.addAll(ix.labels());
    }
    if (!any) throw new IllegalArgumentException("no parts");
    for (String d : first.dims()) {
      if (d.equals(dim)) {
        if (labelled) b.coord(d, Index.of(labels));
        else b.dim(d, total);
      } else if (first.coords().containsKey(d)) {
        b.coord(d, first.coord(d));
      } else {
        b.dim(d, first.sizes().get(d));
      }
    }
    for (Variable v : first.variables().values()) {
      int axis = v.dims().indexOf(dim);
      if (axis < 0) {
        throw new IllegalArgumentException("field '" + v.name() + "' has the dimensions " + v.dims() + ", not '" + dim
            + "'; every field of an ensemble lies along it");
      }
      INDArray[] arrays = new INDArray[parts.size()];
      for (int k = 0; k < parts.size(); k++) {
        Variable pv = parts.get(k).variable(v.name());
        long[] a = pv.shape();
        long[] e = v.shape();
        a[axis] = 0;
        e[axis] = 0;
        if (!pv.dims().equals(v.dims()) || pv.type() != v.type() || !Arrays.equals(a, e)) {
          throw new IllegalArgumentException("field '" + v.name() + "' of part " + k + " is " + pv.type() + " "
              + pv.dims() + " " + Arrays.toString(pv.shape()) + " but " + v.type() + " " + v.dims() + " "
              + Arrays.toString(v.shape()) + " in part 0; only its length along '" + dim + "' may differ");
        }
        arrays[k] = pv.array();
      }
      INDArray joined = arrays.length == 1 ? arrays[0].dup('c') : Nd4j.concat(axis, arrays);
      b.variable(Variable.of(v.name(), v.dims(), Column.wrap(joined)).withAttrs(v.attrs()));
    }
    return b.attrs(first.attrs()).build();
  }

  private static String describe(Index times) {
    if (times == null) return "(no times)";
    int n = times.size();
    return n + " times" + (n == 0 ? "" : " from " + times.get(0) + " to " + times.get(n - 1));
  }
}
