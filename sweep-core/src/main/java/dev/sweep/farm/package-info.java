/**
 * Keeping results across sweeps and sessions: {@link dev.sweep.farm.Harvester} merges every sweep of
 * a runner into one file. (The Sampler, which keeps a table, lives in sweep-io next to its CSV format.)
 *
 * <p>Start with {@link dev.sweep.farm.Harvester#builder(dev.sweep.run.Runner, java.nio.file.Path)}: the
 * file's format is chosen by its extension through {@link dev.sweep.store.DatasetStore}, the
 * {@link dev.sweep.data.MergePolicy} decides what happens where new results meet stored ones, and
 * {@code saveEvery} bounds the work a crash can lose. {@code harvestMissing} runs only what the file
 * lacks; a {@link dev.sweep.space.Combos.Builder#addStored} parameter stands for the labels already stored.
 *
 * <p>Nulls: no method accepts or returns null; a harvester with nothing to report returns an empty
 * dataset or an empty {@code Optional}.
 */
package dev.sweep.farm;
