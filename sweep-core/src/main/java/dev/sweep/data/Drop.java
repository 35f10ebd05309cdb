package dev.sweep.data;

/**
 * Which labels {@link Dataset#dropMissing(String, Drop)} removes, as xarray's {@code dropna(how=...)}.
 */
public enum Drop {
  /** Drop a label where any value along it is missing (xarray's {@code how="any"}, the default). */
  ANY,
  /** Drop a label only where every value along it is missing (xarray's {@code how="all"}). */
  ALL
}
