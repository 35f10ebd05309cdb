/**
 * Ports to storage: {@link dev.sweep.store.DatasetStore} (a dataset replaced as a whole) is what a harvest writes through, {@link dev.sweep.store.RecordStore} (records appended) what a sampler and a simulation write through; {@link dev.sweep.store.Stores} finds the format for a file.
 * Implementations live in sweep-io and register themselves; this package holds no format.
 */
package dev.sweep.store;
