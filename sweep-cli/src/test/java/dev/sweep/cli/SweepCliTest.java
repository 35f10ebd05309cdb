package dev.sweep.cli;

import static org.junit.jupiter.api.Assertions.*;

import dev.sweep.cli.spi.Subcommand;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;

class SweepCliTest {

  @Test
  void helpListsTheBuiltInCommandsThenThePlugins() {
    CliRun r = CliRun.of("--help");
    assertEquals(0, r.status(), r.err());
    // 'plot' is sweep-plot's plug-in, absent from this module's class path (see PlotCommandTest there).
    assertTrue(r.out().matches("(?s).*Commands:\\s+crop .*\\n\\s+grow .*\\n\\s+hello .*\\n\\s+show .*\\n\\s+help .*"), r.out());
  }

  @Test
  void withoutACommandItPrintsTheUsage() {
    CliRun r = CliRun.of();
    assertEquals(0, r.status(), r.err());
    assertTrue(r.out().startsWith("Usage: sweep [-hV] [COMMAND]"), r.out());
  }

  @Test
  void unknownCommandFails() {
    CliRun r = CliRun.of("nope");
    assertNotEquals(0, r.status());
    assertEquals(2, r.status());
    assertTrue(r.err().contains("Unmatched argument at index 0: 'nope'"), r.err());
  }

  @Test
  void aPluginOnTheClassPathIsFoundThroughTheServiceLoader() {
    List<Subcommand> plugins = SweepCli.plugins();
    assertEquals(List.of("hello"), plugins.stream().map(Subcommand::name).toList());
    assertInstanceOf(HelloCommand.class, plugins.get(0));
    CliRun r = CliRun.of("hello", "--name", "sweep");
    assertEquals(0, r.status(), r.err());
    assertEquals("hello sweep\n", r.out());
  }

  @Test
  void configureReachesThePluginsOwnCommandLine() {
    CliRun r = CliRun.of("hello", "--na", "abbreviated");
    assertEquals(0, r.status(), r.err());
    assertEquals("hello abbreviated\n", r.out());
  }

  @Test
  void twoPluginsWithOneNameAreRefused() {
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> SweepCli.commandLine(List.of(new HelloCommand(), new HelloCommand())));
    assertEquals("two commands are named 'hello': dev.sweep.cli.HelloCommand and dev.sweep.cli.HelloCommand;"
        + " remove one from the class path", e.getMessage());
  }

  @Test
  void aPluginMayNotTakeABuiltInName() {
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> SweepCli.commandLine(List.of(new NamedShow())));
    assertEquals("two commands are named 'show': sweep's own 'show' command and dev.sweep.cli.SweepCliTest$NamedShow;"
        + " remove one from the class path", e.getMessage());
  }

  @Test
  void aPluginsNameMustBeItsCommandsName() {
    Subcommand misnamed = new Subcommand() {
      @Override
      public String name() {
        return "greet";
      }

      @Override
      public Object command() {
        return new HelloCommand();
      }
    };
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> SweepCli.commandLine(List.of(misnamed)));
    assertEquals("the plug-in " + misnamed.getClass().getName() + " is named 'greet' but its command,"
        + " dev.sweep.cli.HelloCommand, says @Command(name = \"hello\"); make them equal", e.getMessage());
  }

  @Test
  void aCommandLineIsBuiltFromTheGivenPluginsOnly() {
    CommandLine cl = SweepCli.commandLine(List.of());
    assertEquals(List.of("crop", "follow", "grow", "show", "help"), List.copyOf(cl.getSubcommands().keySet()));
  }

  /**
   * The command line is the classpath of a cluster worker: neither JMH nor the lessons nor the
   * benchmarks nor the plotting library may be on it. (The names are checked to be real in sweep-bench's and sweep-examples'
   * tests, where those classes are present.)
   */
  @Test
  void theClassPathHoldsNoBenchmarksAndNoLessons() {
    for (String name : List.of("org.openjdk.jmh.runner.Runner", "dev.sweep.bench.Bench", "dev.sweep.bench.BenchCommand",
        "dev.sweep.examples.Lesson01_ComboRunner", "dev.sweep.examples.DemoCommand", "dev.sweep.plot.Plot",
        "org.jfree.chart.JFreeChart")) {
      assertThrows(ClassNotFoundException.class, () -> Class.forName(name), name);
    }
  }

  /** A plug-in that tries to take a built-in command's name. */
  @Command(name = "show")
  static final class NamedShow implements Subcommand, Runnable {
    @Override
    public String name() {
      return "show";
    }

    @Override
    public void run() {}
  }
}
