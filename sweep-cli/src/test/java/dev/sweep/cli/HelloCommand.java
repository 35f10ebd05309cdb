package dev.sweep.cli;

import dev.sweep.cli.spi.Subcommand;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * A plug-in command, registered in this module's test {@code META-INF/services}, as the lessons and
 * the benchmarks register theirs.
 */
@Command(name = "hello", mixinStandardHelpOptions = true, description = "Greet someone (a plug-in of the tests).")
public final class HelloCommand implements Subcommand, Callable<Integer> {
  @Option(names = "--name", defaultValue = "world", description = "Whom to greet.")
  String name;

  /** Makes the command. */
  public HelloCommand() {}

  @Override
  public String name() {
    return "hello";
  }

  /** Lets {@code --na} stand for {@code --name}: shows that {@link #configure} reaches this command's own line. */
  @Override
  public void configure(CommandLine commandLine) {
    commandLine.setAbbreviatedOptionsAllowed(true);
  }

  @Override
  public Integer call() {
    System.out.println("hello " + name);
    return 0;
  }
}
