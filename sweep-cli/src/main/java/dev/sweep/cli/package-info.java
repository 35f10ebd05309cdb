/**
 * The {@code sweep} command line. Start with {@link dev.sweep.cli.SweepCli}, the entry point of the
 * {@code ./sweep} launcher. Its own commands are {@code show} (a summary of any file the
 * {@link dev.sweep.store.Stores} registry reads), {@code grow} (the worker entry point of a
 * {@link dev.sweep.farm.Crop}'s array jobs), {@code crop status} (where its batches stand) and
 * {@code follow} (the frames of a file another process is writing, as they come:
 * {@link dev.sweep.follow.FrameFollower}); other modules add commands through
 * {@link dev.sweep.cli.spi.Subcommand} (sweep-plot adds {@code plot}), so this module depends on
 * sweep-core and sweep-io only: it is what a cluster worker runs, without the lessons, the benchmarks
 * or a plotting library.
 * The command line binds SLF4J to {@code slf4j-simple}, configured by {@code simplelogger.properties}.
 */
package dev.sweep.cli;
