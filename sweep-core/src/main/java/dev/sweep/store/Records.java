package dev.sweep.store;

import dev.sweep.data.Dataset;
import dev.sweep.data.Variable;
import dev.sweep.data.Column;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Helpers for the datasets a {@link RecordStore} holds: records along a leading record dimension. */
public final class Records {
  private Records() {}

  /**
   * Joins batches of records along their record dimension, in order.
   *
   * @param batches datasets with the same variables, types and inner shapes, each variable over
   *     {@code dim} first; at least one
   * @param dim the record dimension
   * @return one dataset holding every record; the first batch's coordinates of other dimensions and
   *     the union of the attributes (later batches win)
   * @throws IllegalArgumentException naming the batch and the variable, if the batches differ
   */
  public static Dataset join(List<Dataset> batches, String dim) {
    Objects.requireNonNull(dim, "dim");
    if (batches.isEmpty()) throw new IllegalArgumentException("no batches to join along '" + dim + "'");
    if (batches.size() == 1) return batches.get(0);
    Dataset first = batches.get(0);
    long total = 0;
    for (int k = 0; k < batches.size(); k++) {
      Dataset b = batches.get(k);
      if (!b.variables().keySet().equals(first.variables().keySet())) {
        throw new IllegalArgumentException("batch " + k + " has the variables " + b.variables().keySet()
            + "; batch 0 has " + first.variables().keySet());
      }
      total += b.sizes().getOrDefault(dim, 0);
    }
    if (total > Integer.MAX_VALUE) {
      throw new IllegalArgumentException(total + " records along '" + dim + "'; at most " + Integer.MAX_VALUE + " fit one dataset");
    }
    Dataset.Builder out = Dataset.builder();
    for (String d : first.dims()) {
      if (d.equals(dim)) out.dim(dim, (int) total);
      else if (first.coords().containsKey(d)) out.coord(d, first.coord(d));
      else out.dim(d, first.sizes().get(d));
    }
    for (Variable v : first.variables().values()) {
      if (v.dims().isEmpty() || !v.dims().get(0).equals(dim)) {
        throw new IllegalArgumentException("variable '" + v.name() + "' has the dimensions " + v.dims()
            + "; records have '" + dim + "' first");
      }
      long[] shape = v.shape().clone();
      long[] inner = Arrays.copyOfRange(shape, 1, shape.length);
      shape[0] = total;
      Column joined = Column.allocateUninitialized(v.type(), shape);
      long at = 0;
      for (int k = 0; k < batches.size(); k++) {
        Variable part = batches.get(k).variable(v.name());
        if (part.type() != v.type() || !part.dims().equals(v.dims())
            || !Arrays.equals(inner, Arrays.copyOfRange(part.shape(), 1, part.shape().length))) {
          throw new IllegalArgumentException("variable '" + v.name() + "' is " + part.type() + " " + part.dims()
              + Arrays.toString(part.shape()) + " in batch " + k + " but " + v.type() + " " + v.dims()
              + Arrays.toString(v.shape()) + " in batch 0");
        }
        Column src = part.column();
        for (long i = 0, len = src.length(); i < len; i++) src.copyTo(i, joined, at + i);
        at += src.length();
      }
      out.variable(Variable.of(v.name(), v.dims(), joined).withAttrs(v.attrs()));
    }
    Map<String, Object> attrs = new LinkedHashMap<>();
    for (Dataset b : batches) attrs.putAll(b.attrs());
    return out.attrs(attrs).build();
  }

  /**
   * {@return the records {@code [from, to)} of a dataset of records}
   *
   * @param records a dataset whose variables have {@code dim} first
   * @param dim the record dimension
   * @param from the first record
   * @param to one past the last
   * @throws IndexOutOfBoundsException naming the range and the number of records
   */
  public static Dataset slice(Dataset records, String dim, long from, long to) {
    long size = records.sizes().getOrDefault(dim, 0);
    if (from < 0 || from > to || to > size) {
      throw new IndexOutOfBoundsException("records [" + from + ", " + to + ") of " + size);
    }
    if (from == 0 && to == size) return records;
    List<Integer> positions = new ArrayList<>();
    for (long i = from; i < to; i++) positions.add((int) i);
    return records.isel(Map.of(dim, positions));
  }

  /**
   * {@return what differs between the columns (or variables) a store holds and those expected, in
   * words: the same in another order, a repeat, a rename ({@code 'result' stands where 'out' is
   * expected (renamed?)}), missing and extra names}
   *
   * @param actual the names held
   * @param expected the names expected
   */
  public static String describeDifference(List<String> actual, List<String> expected) {
    List<String> missing = new ArrayList<>(expected);
    missing.removeAll(actual);
    List<String> extra = new ArrayList<>(actual);
    extra.removeAll(expected);
    if (missing.isEmpty() && extra.isEmpty()) {
      return actual.size() == expected.size() ? "the same columns in another order" : "a column is repeated";
    }
    Map<String, String> renamed = new LinkedHashMap<>();
    if (actual.size() == expected.size()) {
      for (int i = 0; i < actual.size(); i++) {
        String a = actual.get(i);
        String e = expected.get(i);
        if (extra.contains(a) && missing.contains(e)) renamed.put(a, e);
      }
    }
    List<String> parts = new ArrayList<>();
    for (Map.Entry<String, String> r : renamed.entrySet()) {
      parts.add("'" + r.getKey() + "' stands where '" + r.getValue() + "' is expected (renamed?)");
    }
    missing.removeAll(renamed.values());
    extra.removeAll(renamed.keySet());
    if (!missing.isEmpty()) parts.add("missing " + missing);
    if (!extra.isEmpty()) parts.add("extra " + extra);
    return String.join("; ", parts);
  }
}
