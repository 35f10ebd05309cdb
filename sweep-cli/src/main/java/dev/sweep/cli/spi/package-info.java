/**
 * The plug-in point of the command line: implement {@link dev.sweep.cli.spi.Subcommand} and list the
 * class in {@code META-INF/services/dev.sweep.cli.spi.Subcommand} to add a command to {@code sweep}.
 * Nothing here is null.
 */
package dev.sweep.cli.spi;
