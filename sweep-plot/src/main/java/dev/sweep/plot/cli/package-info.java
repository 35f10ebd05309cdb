/**
 * {@code sweep plot}: {@link dev.sweep.plot.cli.PlotCommand} draws any file sweep writes (a NetCDF
 * dataset, a CSV table, read through {@link dev.sweep.store.Stores}) with {@link dev.sweep.plot.Plot}.
 * It reaches the command line through the {@link dev.sweep.cli.spi.Subcommand} plug-in point, so the
 * command line itself (a cluster worker's class path) carries no plotting library.
 */
package dev.sweep.plot.cli;
