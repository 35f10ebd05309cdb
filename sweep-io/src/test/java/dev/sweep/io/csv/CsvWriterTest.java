package dev.sweep.io.csv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** The text of float cells: the shortest that reads back exactly, in Double.toString's notation. */
class CsvWriterTest {

  @ParameterizedTest
  @CsvSource({"0.1, 0.1", "3.0, 3.0", "-2.5, -2.5", "1000000.0, 1000000.0", "0.001, 0.001", "123.456, 123.456",
      "1.0E-5, 1.0E-5", "1.0E7, 1.0E7", "0.0, 0.0", "-0.0, -0.0", "NaN, NaN", "Infinity, Infinity",
      "-Infinity, -Infinity", "0.3333333333333333, 0.3333333333333333", "6.283185307179586, 6.283185307179586"})
  void writesTheNotationOfDoubleToString(double v, String text) {
    assertEquals(text, CsvWriter.doubleText(v));
  }

  @Test
  void everyDoubleReadsBackExactlyAndIsNoLongerThanDoubleToString() {
    SplittableRandom r = new SplittableRandom(2024);
    for (int k = 0; k < 1_000_000; k++) {
      double v;
      switch (k % 5) {
        case 0: v = Double.longBitsToDouble(r.nextLong()); break;
        case 1: v = r.nextDouble(-10, 10); break;
        case 2: v = Math.pow(10, r.nextDouble(-4, 8)) * (r.nextBoolean() ? 1 : -1); break;
        case 3: v = Math.round(r.nextDouble() * 1e6) / Math.pow(10, r.nextInt(0, 9)); break;
        default: {
          // neighbours of powers of ten, where the decimal exponent is easiest to get wrong
          double p = Math.pow(10, r.nextInt(-4, 8));
          v = Double.longBitsToDouble(Double.doubleToLongBits(p) + r.nextInt(-3, 4));
        }
      }
      if (Double.isNaN(v)) continue;
      String s = CsvWriter.doubleText(v);
      assertEquals(v, Double.parseDouble(s), s);
      assertTrue(s.length() <= Double.toString(v).length() + 2, s + " vs " + Double.toString(v));
      assertTrue(s.length() <= Double.toString(v).length(), "Schubfach is the shortest: " + s + " vs " + Double.toString(v));
    }
  }
}
