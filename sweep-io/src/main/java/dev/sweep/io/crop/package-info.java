/**
 * Crops on disk: {@link dev.sweep.io.crop.CropDirectory} is the directory format behind
 * {@link dev.sweep.farm.Crop} (readable JSON settings, one checked binary result file per batch),
 * registered so that {@code Crop.open(dir)} and {@code Crop.builder(runner, dir)} find it. Start with
 * {@link dev.sweep.farm.Crop}; this package is where its files are described.
 *
 * <p>A sampler's crop ({@code Crop.builder(sampler, dir).sowSamples(n)}) is the same directory: its
 * settings hold the drawn points as the plan's cases with {@code "points": "sample"}, and a
 * {@code "sampler"} entry (the sampler's file, seed, and the number of samples it held when they were
 * drawn); {@code sweep grow} grows its batches unchanged. Every reap into a harvester's or sampler's
 * file is appended to {@code reaps.json}, so that {@code clean()} in any process deletes only a crop
 * whose results are kept elsewhere ({@code clean(true)} deletes it anyway).
 */
package dev.sweep.io.crop;
