/** Helpers shared by sweep-io's formats. Not part of the public API: they may change without notice. */
package dev.sweep.io.internal;
