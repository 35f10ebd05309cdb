/**
 * Ports to storage: {@link dev.sweep.store.DatasetStore} is what a harvest writes through.
 * Implementations live in sweep-io and register themselves; this package holds no format.
 */
package dev.sweep.store;
