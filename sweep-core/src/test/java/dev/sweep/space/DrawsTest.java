package dev.sweep.space;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class DrawsTest {
  /** The tutorial's default draws. */
  static Draws trigDefaults() {
    return Draws.builder()
        .values("amp", 1, 2, 3)
        .values("fn", "cos", "sin")
        .from("x", Distribution.uniform(0, 2 * Math.PI))
        .from("phase", Distribution.normal(0, 0.1))
        .build();
  }


  @Test
  void keepsTheArgumentsInTheOrderGiven() {
    Draws d = trigDefaults();
    assertEquals(List.of("amp", "fn", "x", "phase"), d.names());
    assertEquals("{amp: choice(1, 2, 3), fn: choice('cos', 'sin'), x: uniform(0.0, 6.283185307179586), "
        + "phase: normal(0.0, 0.1)}", d.toString());
  }

  @Test
  void overridesReplaceDistributionsInPlace() {
    Distribution tan = Distribution.choice("tan");
    Draws d = trigDefaults().with(Draws.builder().from("fn", tan).build());
    assertEquals(List.of("amp", "fn", "x", "phase"), d.names());
    assertSame(tan, d.get("fn"));
    assertSame(trigDefaults().get("amp").getClass(), d.get("amp").getClass());
  }

  @Test
  void refusesAnArgumentNamedTwice() {
    Draws.Builder b = Draws.builder().from("x", Distribution.uniform(0, 1));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> b.values("x", 1, 2));
    assertEquals("'x' is already drawn from uniform(0.0, 1.0)", e.getMessage());
  }

  @Test
  void refusesAnArgumentWithoutValues() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Draws.builder().values("fn"));
    assertEquals("'fn' has no values to draw from; give at least one", e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> Draws.builder().values("fn", "cos", 1));
    assertEquals("values of 'fn': choice: 'cos' (String) and 1 (Integer) cannot share one column type", e.getMessage());
  }

  @Test
  void refusesABlankName() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Draws.builder().from(" ", Distribution.uniform(0, 1)));
    assertEquals("an argument name is blank", e.getMessage());
  }

  @Test
  void refusesToBuildWithoutArguments() {
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> Draws.builder().build());
    assertEquals("no argument to draw; add one with values(name, ...) or from(name, distribution)", e.getMessage());
  }

  @Test
  void refusesOverridesOfArgumentsItDoesNotDraw() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> trigDefaults().with(Draws.builder().values("y", 1).build()));
    assertEquals("the overrides name 'y', which is not a sampled argument; the arguments are [amp, fn, x, phase]",
        e.getMessage());
  }

  @Test
  void namesAnUnknownArgument() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> trigDefaults().get("y"));
    assertEquals("no argument 'y' is drawn; the arguments are [amp, fn, x, phase]", e.getMessage());
  }

  @Test
  void printsALambdaAsYourOwnDistribution() {
    Draws d = Draws.builder().from("e", r -> r.nextExponential()).build();
    assertEquals("{e: (your own distribution)}", d.toString());
  }
}
