package dev.sweep.testing;

import dev.sweep.data.Dataset;

/**
 * Assertions on datasets for tests, as xarray's {@code testing.assert_identical}. They throw
 * {@link AssertionError}, so they work with any test framework.
 */
public final class DatasetAssertions {
  private DatasetAssertions() {}

  /**
   * Asserts that two datasets are identical: dimensions in the same order, labels, variables,
   * values (NaN equal to NaN) and attributes.
   *
   * @param expected the dataset the test expects
   * @param actual the dataset the code under test gave
   * @throws AssertionError explaining the first difference
   */
  public static void assertIdentical(Dataset expected, Dataset actual) {
    expected.describeDifference(actual).ifPresent(d -> {
      throw new AssertionError("datasets differ: " + d + "\nexpected:\n" + expected + "\nactual:\n" + actual);
    });
  }
}
