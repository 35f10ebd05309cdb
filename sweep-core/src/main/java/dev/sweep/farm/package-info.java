/**
 * Keeping results across sweeps and sessions: {@link dev.sweep.farm.Harvester} merges every sweep of
 * a runner into one file; {@link dev.sweep.farm.Sampler} appends random samples to a table (its CSV
 * format lives in sweep-io).
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
 * <p>Farmers of a labelled method: {@code Harvester.labelled(Tutorial.class, "foo")} syncs with the
 * file its {@link dev.sweep.farm.Harvest} names, or {@code foo.nc} without one;
 * {@code Sampler.labelled} likewise with {@link dev.sweep.farm.Sample}, or {@code foo.csv}. Both
 * builders take a {@code lockTimeout} for waits on another process's lock.
 *
 * <p>Editing a harvest: {@code dropSel}, {@code expandDims}, {@code replace} and {@code delete}
 * rewrite the file under its lock, and stick for every live harvester of it, in this JVM or another:
 * a harvester that finds the file changed takes it as it is instead of merging its memory back in.
 *
 * <p>For sweeps that outgrow one machine, {@link dev.sweep.farm.Crop} sows a sweep into batches on
 * disk ({@code Crop.builder(runner, dir).batches(8).sowCombos(combos)}), grows them anywhere that
 * shares the directory ({@code sweep grow CROP --batch N}, {@link dev.sweep.farm.Crop#grow}), tells
 * where each stands ({@link dev.sweep.farm.Crop#status()}: the result files first, then the
 * scheduler through a {@link dev.sweep.farm.JobQueue}) and reaps them into the dataset a local run
 * gives, or into a harvester. Its files go through the {@link dev.sweep.farm.CropStore} port
 * (sweep-io's directory format); sweep-cluster submits the batches as SLURM, PBS or SGE array jobs.
 * A sampler's samples sow the same way ({@code Crop.builder(sampler, dir).sowSamples(n)}: the points
 * {@code sampleCombos(n)} would draw, as a plan of points) and reap into the sampler
 * ({@link dev.sweep.farm.Crop#reap(dev.sweep.farm.Sampler)}), which then holds exactly what the local
 * call would have kept. {@link dev.sweep.farm.Crop#clean()} deletes a crop only once a reap into a
 * harvester or sampler is recorded in it, by any process; {@code clean(true)} deletes it anyway.
 *
 * <p>Nulls: no method accepts or returns null; a harvester with nothing to report returns an empty
 * dataset or an empty {@code Optional}.
 */
package dev.sweep.farm;
