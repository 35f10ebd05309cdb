/**
 * Helpers the sweep-io tests share. Start with {@link dev.sweep.io.testing.ChildProcess}: a child JVM
 * (or other program) a test coordinates with through the lines it prints, never through sleeps.
 */
package dev.sweep.io.testing;
