/**
 * Ports to storage: {@link dev.sweep.store.DatasetStore} (a dataset replaced as a whole) is what a harvest writes through, {@link dev.sweep.store.RecordStore} (records appended) what a sampler and a simulation write through; {@link dev.sweep.store.Stores} finds the format for a file.
 * Implementations live in sweep-io and register themselves; this package holds no format.
 * {@link dev.sweep.store.LockWait} says how long a writer waits for another process's lock on a
 * file (forever by default), and is what an implementation waits through; a wait that outlasts it
 * fails with a {@link dev.sweep.store.LockTimeoutException}.
 */
package dev.sweep.store;
