package dev.sweep.cli;

import dev.sweep.cli.spi.Subcommand;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.TreeMap;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code sweep} command: the entry point of the {@code ./sweep} launcher. Its own commands are
 * {@code show}, {@code grow} (the worker of a crop's array jobs) and {@code crop status}; other
 * modules on the class path add theirs through {@link Subcommand} (sweep-plot adds {@code plot}, the
 * lessons {@code demo}, the benchmarks {@code bench}).
 */
@Command(
    name = "sweep",
    mixinStandardHelpOptions = true,
    version = "sweep 0.2.0-SNAPSHOT",
    description = "Parameter sweeps with labelled N-dimensional results.")
public final class SweepCli implements Runnable {
  /** The names of the commands this module defines, which no plug-in may take. */
  private static final List<String> BUILT_IN = List.of("show", "grow", "crop", "follow", "help");

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  private SweepCli() {}

  /**
   * Runs the command line and exits with its status.
   *
   * @param args the command and its arguments
   */
  public static void main(String[] args) {
    System.exit(execute(args));
  }

  /**
   * Runs the command line with the commands of every plug-in on the class path.
   *
   * @param args the command and its arguments
   * @return the exit status: 0 on success, 2 for a usage error, 1 if the command failed or a plug-in
   *     could not be loaded (the reason is printed to standard error)
   */
  public static int execute(String... args) {
    CommandLine commandLine;
    try {
      commandLine = commandLine(plugins());
    } catch (IllegalStateException | ServiceConfigurationError e) {
      System.err.println("sweep: " + e.getMessage());
      return 1;
    }
    return commandLine.execute(args);
  }

  /** {@return the plug-ins registered in META-INF/services, in class-path order} */
  static List<Subcommand> plugins() {
    List<Subcommand> all = new ArrayList<>();
    ServiceLoader.load(Subcommand.class, SweepCli.class.getClassLoader()).forEach(all::add);
    return all;
  }

  /**
   * {@return the {@code sweep} command line with the built-in commands and the plug-ins', listed by name,
   * then {@code help}}
   *
   * @throws IllegalStateException naming both classes, if two commands share a name or a plug-in's
   *     name differs from its {@code @Command} name
   */
  static CommandLine commandLine(List<? extends Subcommand> plugins) {
    Map<String, CommandLine> commands = new TreeMap<>();
    Map<String, String> owners = new TreeMap<>();
    commands.put("show", new CommandLine(new ShowCommand()));
    commands.put("grow", new CommandLine(new GrowCommand()));
    commands.put("crop", new CommandLine(new CropCommand()));
    commands.put("follow", new CommandLine(new FollowCommand()));
    for (String name : BUILT_IN) owners.put(name, "sweep's own '" + name + "' command");
    List<Runnable> configure = new ArrayList<>();
    for (Subcommand plugin : plugins) {
      String owner = plugin.getClass().getName();
      String name = Objects.requireNonNull(plugin.name(), () -> owner + ".name() returned null");
      String before = owners.putIfAbsent(name, owner);
      if (before != null) {
        throw new IllegalStateException("two commands are named '" + name + "': " + before + " and " + owner
            + "; remove one from the class path");
      }
      Object command = Objects.requireNonNull(plugin.command(), () -> owner + ".command() returned null");
      CommandLine sub = new CommandLine(command);
      if (!sub.getCommandName().equals(name)) {
        throw new IllegalStateException("the plug-in " + owner + " is named '" + name + "' but its command, "
            + command.getClass().getName() + ", says @Command(name = \"" + sub.getCommandName() + "\"); make them equal");
      }
      commands.put(name, sub);
      configure.add(() -> plugin.configure(sub));
    }
    CommandLine sweep = new CommandLine(new SweepCli());
    commands.forEach(sweep::addSubcommand);
    sweep.addSubcommand("help", new CommandLine.HelpCommand());
    configure.forEach(Runnable::run);
    return sweep;
  }

  /** Without a command, prints the usage (which lists the commands). */
  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }
}
