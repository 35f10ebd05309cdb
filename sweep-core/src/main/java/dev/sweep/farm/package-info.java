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
 * <p>How harvests scale: one that only adds labels after the last ones of the outermost dimension is
 * appended to the file in place ({@link dev.sweep.store.DatasetStore#append}) and costs what its new
 * runs cost; others rewrite the file. {@code saveEvery} checkpoints go to a journal beside the file
 * (package-private {@code Journal}), one write per batch, compacted into the file at the end of each
 * call and recovered by the next harvester after a crash.
 *
 * <p>Nulls: no method accepts or returns null; a harvester with nothing to report returns an empty
 * dataset or an empty {@code Optional}.
 */
package dev.sweep.farm;
