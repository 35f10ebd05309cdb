package dev.sweep.data;

import dev.sweep.SweepException;

/** A label appears twice along one dimension; carries the label and both positions. */
public final class DuplicateLabelException extends SweepException {
  private static final long serialVersionUID = 1L;

  private final transient Object label;
  private final int first;
  private final int second;

  DuplicateLabelException(Object label, int first, int second) {
    super("the value " + Index.show(label) + " appears twice (positions " + first + " and " + second + ")");
    this.label = label;
    this.first = first;
    this.second = second;
  }

  /** {@return the label that appears twice} */
  public Object label() {
    return label;
  }

  /** {@return the position of its first appearance} */
  public int first() {
    return first;
  }

  /** {@return the position of its second appearance} */
  public int second() {
    return second;
  }
}
