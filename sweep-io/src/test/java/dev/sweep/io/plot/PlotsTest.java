package dev.sweep.io.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sweep.farm.Sampler;
import dev.sweep.io.table.Tables;
import dev.sweep.run.RunFunction;
import dev.sweep.run.RunOptions;
import dev.sweep.run.Runner;
import dev.sweep.space.Design;
import dev.sweep.space.Distribution;
import dev.sweep.space.Draws;
import dev.sweep.store.IncompatibleStoreException;
import dev.sweep.store.Stores;
import dev.sweep.io.csv.Trig;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.Table;

class PlotsTest {
  @TempDir Path dir;

  @BeforeAll
  static void headless() {
    System.setProperty("java.awt.headless", "true");
  }

  static Table tutorial() {
    Sampler s = Sampler.builder(Runner.builder(RunFunction.of(Trig.class, "trig")).vars("out")
        .options(RunOptions.builder().verbosity(0).build()).build(), Trig.defaults()).seed(1).build();
    s.sampleCombos(3000);
    s.sampleCombos(1000, Trig.tan());
    return Tables.of(s.fullDataset());
  }

  static Set<Integer> colours(BufferedImage img) {
    Set<Integer> seen = new HashSet<>();
    for (int y = 0; y < img.getHeight(); y++) {
      for (int x = 0; x < img.getWidth(); x++) seen.add(img.getRGB(x, y) & 0xffffff);
    }
    return seen;
  }

  @Test
  void writesAScatterPngOfTheDefaultSizeWithOneColourPerHue() throws IOException {
    Path png = dir.resolve("trig.png");
    Plots.scatter(tutorial(), "x", "out", "fn", png);
    BufferedImage img = ImageIO.read(png.toFile());
    assertEquals(800, img.getWidth());
    assertEquals(600, img.getHeight());
    Set<Integer> seen = colours(img);
    assertTrue(seen.size() > 50, "not blank: " + seen.size() + " colours");
    for (int k = 0; k < 3; k++) {
      Color c = Plots.PALETTE[k];
      assertTrue(seen.contains(c.getRGB() & 0xffffff), "the legend shows hue colour " + k);
    }
    assertTrue(!seen.contains(Plots.PALETTE[3].getRGB() & 0xffffff), "three values of fn, three colours");
  }

  @Test
  void writesTheSizeAskedForAndOneColourWithoutHue() throws IOException {
    Path png = dir.resolve("sub/plain.png");
    Plots.scatter(tutorial(), "phase", "x", null, png, 300, 200);
    BufferedImage img = ImageIO.read(png.toFile());
    assertEquals(300, img.getWidth());
    assertEquals(200, img.getHeight());
    assertTrue(colours(img).size() > 10);
  }

  @Test
  void refusesAColumnThatDoesNotExist() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Plots.scatter(tutorial(), "x", "y", "fn", dir.resolve("p.png")));
    assertEquals("no column 'y' for y; the columns are [amp, fn, x, phase, out]", e.getMessage());
  }

  @Test
  void refusesANonNumericAxis() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Plots.scatter(tutorial(), "fn", "out", "amp", dir.resolve("p.png")));
    assertEquals("column 'fn' for x is STRING; x must be numeric", e.getMessage());
  }

  @Test
  void refusesAnImpossibleSize() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Plots.scatter(tutorial(), "x", "out", "fn", dir.resolve("p.png"), 50, 600));
    assertEquals("width is 50 pixels; expected 100..10000", e.getMessage());
  }
}
