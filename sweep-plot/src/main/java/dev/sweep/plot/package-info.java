/**
 * Plots of datasets and tables: line plots, heatmaps, scatter plots and histograms, as PNG or SVG.
 * Start with {@link dev.sweep.plot.Plot}: pick a kind ({@code Plot.line}, {@code heatmap},
 * {@code scatter}, {@code hist}) for a {@link dev.sweep.data.Dataset} or a Tablesaw table, map
 * dimensions and variables to x, y, hue, size, col and row, {@code build()} (which checks every name)
 * and {@code write} the file.
 *
 * <p>Drawn with JFreeChart (and JFreeSVG for SVG), off-screen: no display is needed. The command
 * {@code sweep plot} ({@link dev.sweep.plot.cli}) is the same on the command line. Nothing in this
 * package takes or returns null unless its documentation says so.
 */
package dev.sweep.plot;
