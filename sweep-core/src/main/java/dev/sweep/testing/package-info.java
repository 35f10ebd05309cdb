/**
 * Test helpers for users of sweep: {@link dev.sweep.testing.DatasetAssertions#assertIdentical}
 * compares two datasets and explains the first difference.
 */
package dev.sweep.testing;
