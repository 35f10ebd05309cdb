package dev.sweep.cli.spi;

import picocli.CommandLine;

/**
 * A command that another module adds to {@code sweep}: the lessons add {@code demo}, the benchmarks
 * {@code bench}. The command line finds every implementation on its class path with
 * {@link java.util.ServiceLoader} and adds it beside its own commands, so a module contributes a
 * command without the command line depending on it.
 *
 * <p>To contribute a command, write a public class with a public no-argument constructor that
 * implements this interface and is a picocli command, and name it in the module's
 * {@code src/main/resources/META-INF/services/dev.sweep.cli.spi.Subcommand} (one class name a line):
 *
 * <pre>{@code
 * @Command(name = "demo", mixinStandardHelpOptions = true, description = "Run the tutorial.")
 * public final class DemoCommand implements Subcommand, Callable<Integer> {
 *   @Option(names = "--out") Path out;
 *
 *   @Override public String name() { return "demo"; }
 *   @Override public Integer call() { ...; return 0; }
 * }
 * }</pre>
 *
 * <p>The command line loads the plug-ins afresh each time it is built, so an instance serves one
 * command line. A name that another plug-in or a built-in command ({@code show}, {@code grow},
 * {@code crop}, {@code help}) already has is refused, naming both classes.
 */
public interface Subcommand {

  /**
   * {@return the word that invokes the command, e.g. {@code "demo"}: the name in its {@code @Command},
   * never null, unique among the commands}
   */
  String name();

  /**
   * {@return the picocli command object: an instance of a class annotated with
   * {@link CommandLine.Command @Command}, never null} By default this object itself, so that one
   * class is both the plug-in and the command.
   */
  default Object command() {
    return this;
  }

  /**
   * Adjusts the command's own {@link CommandLine} after it has been added to {@code sweep}: type
   * converters, nested subcommands, help settings. Does nothing by default.
   *
   * @param commandLine the command line of this command (not of {@code sweep})
   */
  default void configure(CommandLine commandLine) {}
}
