/**
 * Keeping results across sweeps and sessions: {@link dev.sweep.farm.Harvester} merges every sweep of
 * a runner into one file. (The Sampler, which keeps a table, lives in sweep-io next to its CSV format.)
 */
package dev.sweep.farm;
