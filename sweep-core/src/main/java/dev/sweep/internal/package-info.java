/** Internal storage shared by sweep's modules. Not part of the public API: it may change without notice. */
package dev.sweep.internal;
