package dev.sweep.space;

import dev.sweep.data.Index;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Cases as a list of runs along one unlabelled dimension: no grid, so no labels or cell offsets. */
final class FlatSpace extends Space {
  private final String dim;

  FlatSpace(Cases cases, String dim) {
    super(cases, Combos.empty());
    this.dim = Objects.requireNonNull(dim, "dim");
    if (cases.names().contains(dim)) {
      throw new IllegalArgumentException("the flat dimension '" + dim + "' is also a case argument");
    }
    if (cases.isEmpty()) {
      throw new IllegalArgumentException("no points to run along '" + dim + "'; expected at least one");
    }
  }

  @Override
  public boolean isFlat() {
    return true;
  }

  @Override
  public List<String> dims() {
    return List.of(dim);
  }

  @Override
  public Map<String, Index> coords() {
    return Map.of();
  }

  @Override
  public long[] shape() {
    return new long[] {size()};
  }

  @Override
  public long cells() {
    return size();
  }

  @Override
  long cellOf(int caseIdx, long comboFlat) {
    return caseIdx; // combos are empty, so comboFlat is 0
  }

  @Override
  public void requireDistinctCases() {
    // Repeated points are separate rows.
  }
}
