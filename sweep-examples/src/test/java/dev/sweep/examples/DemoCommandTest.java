package dev.sweep.examples;

import static org.junit.jupiter.api.Assertions.*;

import dev.sweep.cli.SweepCli;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code sweep demo}, contributed through the command line's plug-in point, and the files it writes. */
class DemoCommandTest {
  @TempDir Path dir;

  static String capture(Runnable r) {
    PrintStream old = System.out;
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    System.setOut(new PrintStream(buf, true, StandardCharsets.UTF_8));
    try {
      r.run();
    } finally {
      System.setOut(old);
    }
    return buf.toString(StandardCharsets.UTF_8);
  }

  @Test
  void helpListsTheCommands() {
    String out = capture(() -> assertEquals(0, SweepCli.execute("--help")));
    assertTrue(out.contains("demo"), out);
    assertTrue(out.matches("(?s).*Commands:\\s+crop .*\\n\\s+demo +Run the tutorial.*\\n\\s+follow .*\\n\\s+grow .*\\n\\s+plot .*\\n\\s+show .*\\n\\s+help .*"), out);
  }

  /** The class names sweep-cli's tests assert are absent from its class path are real ones. */
  @Test
  void theLessonsSweepCliMustNotSeeAreNamedAsItsTestSays() throws ClassNotFoundException {
    assertEquals(Lesson01_ComboRunner.class, Class.forName("dev.sweep.examples.Lesson01_ComboRunner"));
    assertEquals(DemoCommand.class, Class.forName("dev.sweep.examples.DemoCommand"));
  }

  @Test
  void demoPrintsEveryLesson() throws java.io.IOException {
    String out = capture(() -> assertEquals(0, SweepCli.execute("demo", "--out", dir.toString(), "-v", "0")));
    assertTrue(out.contains("== 1. combos"), out);
    assertTrue(out.contains("a_out    (a, b, c) str '1-x-true'"), out);
    assertTrue(out.contains("C        (i, j, k, x, t) float64"), out);
    assertTrue(out.contains("  * b        (b) str 'v' 'w' 'x' 'y' 'z'"), out);
    assertTrue(java.nio.file.Files.exists(dir.resolve("foo.nc")));
    assertTrue(java.nio.file.Files.exists(dir.resolve("bar.nc")));
    assertTrue(out.contains("-> " + dir.resolve("bar.nc") + ", " + dir.resolve("bar.png")), out);
    assertTrue(out.contains("-> " + dir.resolve("foo.nc") + ", " + dir.resolve("foo.png")), out);
    assertTrue(java.nio.file.Files.size(dir.resolve("foo.png")) > 10_000);
    assertTrue(java.nio.file.Files.size(dir.resolve("bar.png")) > 10_000);
    assertTrue(out.contains("== 8. Trajectories"), out);
    assertTrue(out.contains("Dimensions:  (time: 1000, component: 1, trajectory: 1000)"), out);
    assertTrue(java.nio.file.Files.exists(dir.resolve("ou.nc")));
    assertTrue(out.contains("== 9. Scenes"), out);
    assertTrue(out.contains("<sweep.Scene> " + dir.resolve("scenes/sim_000003")), out);
    assertTrue(out.contains("SceneBatch(smoothness: 4) [" + dir.resolve("scenes/sim_000004")), out);
    assertEquals(8, dev.sweep.io.scene.Scene.list(dir.resolve("scenes")).size());
    assertTrue(out.contains("== 11. Looking at results"), out);
    assertTrue(out.contains("As a long table ("), out);
    assertTrue(java.nio.file.Files.exists(dir.resolve("looking.png")));
    assertTrue(out.contains("== 12. Movies"), out);
    assertTrue(out.contains("1000 frames, gray16le, largest error "), out);
    assertTrue(java.nio.file.Files.exists(dir.resolve("ou.mkv")));
    assertTrue(out.contains("== 13. Follow"), out);
    assertTrue(out.contains("\nrow 9: "), out);
    assertTrue(out.contains("stopped: finished: the writer set the finished flag"), out);
    String again = capture(() -> assertEquals(0, SweepCli.execute("demo", "--out", dir.toString(), "-v", "0")));
    assertTrue(again.contains("Dimensions:  (a: 6, b: 5, c: 2)"), again); // a second demo starts afresh
    assertEquals(8, dev.sweep.io.scene.Scene.list(dir.resolve("scenes")).size(), "its scenes too");
  }

  @Test
  void showPrintsANetcdfFile() {
    capture(() -> SweepCli.execute("demo", "--out", dir.toString(), "-v", "0"));
    String out = capture(() -> assertEquals(0, SweepCli.execute("show", dir.resolve("foo.nc").toString())));
    assertTrue(out.startsWith("<sweep.Dataset>\nDimensions:  (a: 6, b: 5, c: 2)"), out);
    assertEquals(2, SweepCli.execute("show", dir.resolve("nope.nc").toString()));
  }

  @Test
  void showAndPlotACsvTable() {
    capture(() -> SweepCli.execute("demo", "--out", dir.toString(), "-v", "0"));
    assertTrue(java.nio.file.Files.exists(dir.resolve("trig.csv")));
    String out = capture(() -> assertEquals(0, SweepCli.execute("show", dir.resolve("trig.csv").toString())));
    assertTrue(out.contains("15000 rows"), out);
    assertTrue(out.contains("amp  |      INTEGER"), out);
    Path png = dir.resolve("plot.png");
    capture(() -> assertEquals(0, SweepCli.execute("plot", dir.resolve("trig.csv").toString(), "-x", "x", "-y", "out",
        "--hue", "fn", "-o", png.toString())));
    assertTrue(java.nio.file.Files.exists(png));
  }
}
