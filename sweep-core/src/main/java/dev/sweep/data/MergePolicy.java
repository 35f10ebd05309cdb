package dev.sweep.data;

/**
 * What {@link Dataset#merge} does where both datasets hold a non-missing value for the same cell.
 * A missing value (NaN, null, or a cell outside a dataset's grid) never overrides a present one.
 */
public enum MergePolicy {
  /** Equal values are fine; different values throw {@link MergeConflictException} (xyzpy's {@code overwrite=None}). */
  FAIL_ON_CONFLICT,
  /** The new dataset's values win (xyzpy's {@code overwrite=True}). */
  NEW_WINS,
  /** The old dataset's values win (xyzpy's {@code overwrite=False}). */
  OLD_WINS
}
