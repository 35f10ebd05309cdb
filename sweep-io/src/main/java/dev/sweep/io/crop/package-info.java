/**
 * Crops on disk: {@link dev.sweep.io.crop.CropDirectory} is the directory format behind
 * {@link dev.sweep.farm.Crop} (readable JSON settings, one checked binary result file per batch),
 * registered so that {@code Crop.open(dir)} and {@code Crop.builder(runner, dir)} find it. Start with
 * {@link dev.sweep.farm.Crop}; this package is where its files are described.
 */
package dev.sweep.io.crop;
