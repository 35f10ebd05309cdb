package dev.sweep.data;

import dev.sweep.SweepException;
import java.util.Map;

/** Two datasets hold different values for the same cell of a variable, under {@link MergePolicy#FAIL_ON_CONFLICT}. */
public final class MergeConflictException extends SweepException {
  private static final long serialVersionUID = 1L;

  /** The variable in conflict. */
  private final String variable;

  private final transient Map<String, Object> coordinates;
  private final transient Object oldValue;
  private final transient Object newValue;

  MergeConflictException(String variable, Map<String, Object> coordinates, Object oldValue, Object newValue) {
    super("variable '" + variable + "' conflicts at " + Repr.labels(coordinates) + ": existing value "
        + Repr.value(oldValue) + ", new value " + Repr.value(newValue)
        + "; merge with NEW_WINS or OLD_WINS to choose one");
    this.variable = variable;
    this.coordinates = Map.copyOf(coordinates);
    this.oldValue = oldValue;
    this.newValue = newValue;
  }

  /** {@return the name of the variable in conflict} */
  public String variable() {
    return variable;
  }

  /**
   * {@return the labels (or positions, along a dimension without labels) of the first conflicting
   * cell, by dimension name}
   */
  public Map<String, Object> coordinates() {
    return coordinates;
  }

  /** {@return the existing dataset's value in that cell, boxed} */
  public Object oldValue() {
    return oldValue;
  }

  /** {@return the new dataset's value in that cell, boxed} */
  public Object newValue() {
    return newValue;
  }
}
