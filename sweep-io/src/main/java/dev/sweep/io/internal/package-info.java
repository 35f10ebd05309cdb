/**
 * Helpers shared by sweep-io's formats. Not part of the public API: they may change without notice.
 *
 * <p>{@link dev.sweep.io.internal.AtomicFiles} is the one place where a whole file is replaced
 * atomically (temporary file, fsync, rename, directory fsync, clean-up of what killed writers left).
 */
package dev.sweep.io.internal;
