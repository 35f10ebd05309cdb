package dev.sweep.examples.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code sweep} command: the entry point of the {@code ./sweep} launcher. */
@Command(
    name = "sweep",
    mixinStandardHelpOptions = true,
    version = "sweep 0.1.0-SNAPSHOT",
    description = "Parameter sweeps with labelled N-dimensional results.",
    subcommands = {DemoCommand.class, ShowCommand.class, PlotCommand.class, BenchCommand.class,
        CommandLine.HelpCommand.class})
public final class SweepCli implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  /** Runs the command line and exits with its status. */
  public static void main(String[] args) {
    System.exit(execute(args));
  }

  /** Runs the command line and returns its exit status (for tests). */
  public static int execute(String... args) {
    return new CommandLine(new SweepCli()).execute(args);
  }

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }
}
