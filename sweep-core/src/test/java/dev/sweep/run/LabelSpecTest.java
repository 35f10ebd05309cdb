package dev.sweep.run;

import static org.junit.jupiter.api.Assertions.*;

import dev.sweep.data.Index;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class LabelSpecTest {
  @Test
  void readsAnOutputsInnerDimensions() {
    assertEquals(new LabelSpec.VarDims("C", List.of("x", "t")), LabelSpec.parseDims("C[x, t]"));
    assertEquals(new LabelSpec.VarDims("B", List.of("x")), LabelSpec.parseDims("  B [ x ]  "));
    assertEquals(new LabelSpec.VarDims("out_2", List.of("a b")), LabelSpec.parseDims("out_2[a b]"));
  }

  static Stream<Arguments> malformedDims() {
    String shape = " should read like \"C[x, t]\"";
    return Stream.of(
        Arguments.of("C x, t", "@Label varDims entry \"C x, t\"" + shape),
        Arguments.of("[x]", "@Label varDims entry \"[x]\"" + shape),
        Arguments.of("C[x, t", "@Label varDims entry \"C[x, t\"" + shape),
        Arguments.of("C[x][t]", "@Label varDims entry \"C[x][t]\"" + shape),
        Arguments.of("C[x]t", "@Label varDims entry \"C[x]t\"" + shape),
        Arguments.of("C[]", "@Label varDims entry \"C[]\" has an empty dimension name; it" + shape),
        Arguments.of("C[x,,t]", "@Label varDims entry \"C[x,,t]\" has an empty dimension name; it" + shape),
        Arguments.of("C[x, x]", "@Label varDims entry \"C[x, x]\" names dimension 'x' twice"));
  }

  @ParameterizedTest
  @MethodSource("malformedDims")
  void refusesMalformedDimsQuotingTheEntry(String entry, String message) {
    var e = assertThrows(IllegalArgumentException.class, () -> LabelSpec.parseDims(entry));
    assertEquals(message, e.getMessage());
  }

  @Test
  void readsAnInnerDimensionsLabelsWithTheirTypes() {
    assertEquals(new LabelSpec.DimCoords("x", List.of(10, 20, 30)), LabelSpec.parseCoords("x = 10, 20, 30"));
    assertEquals(new LabelSpec.DimCoords("x", List.of(0.5, 1.5)), LabelSpec.parseCoords("x=0.5,1.5"));
    assertEquals(new LabelSpec.DimCoords("n", List.of(3_000_000_000L)), LabelSpec.parseCoords("n = 3000000000"));
    assertEquals(new LabelSpec.DimCoords("on", List.of(true, false)), LabelSpec.parseCoords("on = true, false"));
    assertEquals(new LabelSpec.DimCoords("fn", List.of("sin", "cos")), LabelSpec.parseCoords("fn = sin, cos"));
    assertEquals(new LabelSpec.DimCoords("s", List.of("a, b", "10", "")), LabelSpec.parseCoords("s = 'a, b', \"10\", ''"));
  }

  @Test
  void readsEachLabelAsTheNarrowestType() {
    assertEquals(7, LabelSpec.parseValue("7"));
    assertEquals(-2147483649L, LabelSpec.parseValue("-2147483649"));
    assertEquals(1e3, LabelSpec.parseValue("1e3"));
    assertEquals(Boolean.TRUE, LabelSpec.parseValue("true"));
    assertEquals("True", LabelSpec.parseValue("True"));
    assertEquals("x y", LabelSpec.parseValue("x y"));
    assertEquals("true", LabelSpec.parseValue("'true'"));
    assertEquals("'", LabelSpec.parseValue("'"));
  }

  static Stream<Arguments> malformedCoords() {
    String shape = " should read like \"x = 10, 20, 30\"";
    String empty = " has an empty label; it" + shape + " (quote an empty string: '')";
    return Stream.of(
        Arguments.of("x 10, 20", "@Label varCoords entry \"x 10, 20\"" + shape),
        Arguments.of("= 10, 20", "@Label varCoords entry \"= 10, 20\"" + shape),
        Arguments.of("x = ", "@Label varCoords entry \"x = \"" + empty),
        Arguments.of("x = 1,,2", "@Label varCoords entry \"x = 1,,2\"" + empty),
        Arguments.of("x = 'a, b", "@Label varCoords entry \"x = 'a, b\" has an unclosed ' quote"));
  }

  @ParameterizedTest
  @MethodSource("malformedCoords")
  void refusesMalformedCoordsQuotingTheEntry(String entry, String message) {
    var e = assertThrows(IllegalArgumentException.class, () -> LabelSpec.parseCoords(entry));
    assertEquals(message, e.getMessage());
  }

  static class Fns {
    @Label(varNames = {"A", "B"}, varDims = {"B[x]"}, varCoords = {"x = 1, 2"})
    static Object[] labelled(double a) {
      return new Object[] {a, new double[] {a, a}};
    }

    static double unlabelled(double a) {
      return a;
    }

    @Label(varNames = "y")
    static double over(double a) {
      return a;
    }

    @Label(varNames = "y")
    static double over(double a, double b) {
      return a + b;
    }

    @Label(varNames = "y", varDims = {"y[x]", "y[t]"})
    static double[] twice(double a) {
      return new double[] {a};
    }

    @Label(varNames = "y", varDims = {"y[x"})
    static double[] broken(double a) {
      return new double[] {a};
    }
  }

  static final class SubFns extends Fns {}

  @Test
  void aLabelBecomesARunnerDescription() {
    Runner r = LabelSpec.builder(RunFunction.of(Fns.class, "labelled"),
        LabelSpec.labelledMethod(Fns.class, "labelled").getAnnotation(Label.class)).build();
    assertEquals(List.of("A", "B"), r.vars());
    assertEquals(List.of("x"), r.varDims().get("B"));
    assertEquals(Index.ofInts(1, 2), r.coords().get("x"));
  }

  @Test
  void findsTheOneLabelledMethodByTheBindingRule() {
    assertEquals("labelled", LabelSpec.labelledMethod(SubFns.class, "labelled").getName(), "inherited");
    var none = assertThrows(IllegalArgumentException.class, () -> LabelSpec.labelledMethod(Fns.class, "nope"));
    assertEquals("dev.sweep.run.LabelSpecTest$Fns has no method 'nope' with a @Label", none.getMessage());
    var bare = assertThrows(IllegalArgumentException.class, () -> LabelSpec.labelledMethod(Fns.class, "unlabelled"));
    assertEquals("dev.sweep.run.LabelSpecTest$Fns has no method 'unlabelled' with a @Label: "
        + "Fns.unlabelled(double a) has none", bare.getMessage());
    var two = assertThrows(IllegalArgumentException.class, () -> LabelSpec.labelledMethod(Fns.class, "over"));
    assertTrue(two.getMessage().startsWith("dev.sweep.run.LabelSpecTest$Fns has 2 methods named 'over'; a sweep binds "
        + "to exactly one: "), two.getMessage());
  }

  @Test
  void aBadLabelNamesTheMethod() {
    var twice = assertThrows(IllegalArgumentException.class, () -> Runner.labelled(Fns.class, "twice"));
    assertEquals("Fns.twice(double a): @Label varDims gives the dimensions of 'y' twice", twice.getMessage());
    var broken = assertThrows(IllegalArgumentException.class, () -> Runner.labelled(Fns.class, "broken"));
    assertEquals("Fns.broken(double a): @Label varDims entry \"y[x\" should read like \"C[x, t]\"", broken.getMessage());
  }

  @Test
  void aFunctionReferenceReadsTheSameLabel() {
    assertEquals(LabelSpec.labelledMethod(Fns.class, "labelled").getAnnotation(Label.class),
        FunctionRef.of(SubFns.class, "labelled").label());
  }
}
