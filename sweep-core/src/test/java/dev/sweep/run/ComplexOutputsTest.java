package dev.sweep.run;

import static dev.sweep.testing.DatasetAssertions.assertIdentical;
import static org.junit.jupiter.api.Assertions.*;

import dev.sweep.data.DType;
import dev.sweep.data.Dataset;
import dev.sweep.data.Index;
import dev.sweep.data.Reduce;
import dev.sweep.data.Variable;
import dev.sweep.space.Cases;
import dev.sweep.space.Combos;
import java.util.List;
import org.apache.commons.math3.complex.Complex;
import org.junit.jupiter.api.Test;

/** Complex outputs, as xyzpy's tests use them: scalars, vectors, merges with NaN+NaNj fill, reductions. */
class ComplexOutputsTest {
  static final RunOptions QUIET = RunOptions.builder().verbosity(0).build();

  private static Complex z(double re, double im) {
    return new Complex(re, im);
  }

  @Test
  void aFunctionReturningComplexGivesAComplex128Variable() {
    Runner r = Runner.builder(a -> z(a.getDouble("x"), -a.getDouble("y"))).vars("z").options(QUIET).build();
    Dataset ds = r.runCombos(Combos.builder().add("x", 1, 2).add("y", 3.5, 4.0).build());
    Variable v = ds.variable("z");
    assertEquals(DType.COMPLEX128, v.type());
    assertEquals(z(2, -3.5), v.get(1, 0));
    assertArrayEquals(new long[] {2, 2, 2}, v.array().shape(), "the parts sit along a trailing axis of 2");
    assertArrayEquals(new double[] {1, 1, 2, 2}, v.real().toDoubleArray());
    assertArrayEquals(new double[] {-3.5, -4, -3.5, -4}, v.imag().toDoubleArray());
    assertEquals(Math.hypot(2, 4), v.abs().getDouble(1, 1), 1e-12);
    assertTrue(ds.toString().contains("z        (x, y) complex128 (1-3.5j) (1-4j) (2-3.5j) (2-4j)"), ds.toString());
  }

  @Test
  void arraysOfComplexAreVectorOutputsAndComplex64IsDeclared() {
    Runner r = Runner.builder(a -> new Complex[] {z(a.getInt("n"), 1), z(0, a.getInt("n"))})
        .vars("psi").dims("psi", "k").type("psi", DType.COMPLEX64).options(QUIET).build();
    Dataset ds = r.runCombos(Combos.builder().add("n", 1, 2, 3).build());
    Variable v = ds.variable("psi");
    assertEquals(DType.COMPLEX64, v.type());
    assertEquals(List.of("n", "k"), v.dims());
    assertEquals(z(0, 3), v.get(2, 1));
    assertTrue(v.toString().startsWith("psi (n, k) complex64 (1+1j) (0+1j)"), v.toString());
  }

  @Test
  void realValuesFitAComplexVariableButComplexValuesRefuseARealOne() {
    Runner widening = Runner.builder(a -> a.getInt("x") == 1 ? z(1, 1) : (Object) 2.5).vars("z").options(QUIET).build();
    Dataset ds = widening.runCombos(Combos.builder().add("x", 1, 2).build());
    assertEquals(z(2.5, 0), ds.variable("z").get(1));

    Runner declared = Runner.builder(a -> a.getInt("x") < 3 ? (Object) 1.0 : z(1, 2)).vars("amp")
        .type("amp", DType.DOUBLE).options(QUIET).build();
    RunFailedException e = assertThrows(RunFailedException.class,
        () -> declared.runCombos(Combos.builder().add("x", 1, 2, 3).build()));
    assertEquals("run 2 of 3 failed for x=3: java.lang.IllegalArgumentException: output 'amp': cannot store the "
        + "complex value (1+2j) in a float64 variable; declare it complex128", e.getMessage());
    assertEquals(2, e.run());
  }

  @Test
  void casesLeaveNaNPlusNaNjWhereNoRunWasMade() {
    Runner r = Runner.builder(a -> z(a.getInt("a"), a.getInt("b"))).vars("z").options(QUIET).build();
    Dataset ds = r.run(Cases.of(List.of("a", "b"), List.of(1, 10), List.of(2, 20)), Combos.empty());
    Variable v = ds.variable("z");
    assertEquals(DType.COMPLEX128, v.type());
    assertTrue(v.isMissing(0, 1));
    assertEquals(Complex.NaN, v.get(0, 1));
    assertTrue(Double.isNaN(v.real().getDouble(0, 1)) && Double.isNaN(v.imag().getDouble(0, 1)));
    assertEquals(z(2, 20), v.get(1, 1));
  }

  @Test
  void mergesFillWithNaNPlusNaNjAndPromoteRealToComplex() {
    Dataset a = Dataset.builder().coord("x", Index.ofInts(1, 2))
        .variable(Variable.ofComplex("z", List.of("x"), new long[] {2}, z(1, 1), z(2, 2))).build();
    Dataset b = Dataset.builder().coord("x", Index.ofInts(3))
        .variable(Variable.ofComplex("z", List.of("x"), new long[] {1}, z(3, -3))).build();
    Dataset merged = a.merge(b);
    Dataset expected = Dataset.builder().coord("x", Index.ofInts(1, 2, 3))
        .variable(Variable.ofComplex("z", List.of("x"), new long[] {3}, z(1, 1), z(2, 2), z(3, -3))).build();
    assertIdentical(expected, merged);

    Dataset c = Dataset.builder().coord("x", Index.ofInts(1)).coord("y", Index.ofInts(7))
        .variable(Variable.ofComplex("z", List.of("x", "y"), new long[] {1, 1}, z(5, 5))).build();
    Dataset d = Dataset.builder().coord("x", Index.ofInts(2)).coord("y", Index.ofInts(8))
        .variable("z", List.of("x", "y"), org.nd4j.linalg.factory.Nd4j.createFromArray(new double[][] {{0.5}})).build();
    Variable gaps = c.merge(d).variable("z");
    assertEquals(DType.COMPLEX128, gaps.type(), "a real variable merged into a complex one becomes complex");
    assertEquals(z(5, 5), gaps.get(0, 0));
    assertEquals(Complex.NaN, gaps.get(0, 1));
    assertTrue(gaps.isMissing(1, 0));
    assertEquals(z(0.5, 0), gaps.get(1, 1));
  }

  @Test
  void aMergeThatDisagreesInTheImaginaryPartIsAConflict() {
    Dataset a = Dataset.builder().coord("x", Index.ofInts(1))
        .variable(Variable.ofComplex("z", List.of("x"), new long[] {1}, z(1, 1))).build();
    Dataset b = Dataset.builder().coord("x", Index.ofInts(1))
        .variable(Variable.ofComplex("z", List.of("x"), new long[] {1}, z(1, 2))).build();
    dev.sweep.data.MergeConflictException e = assertThrows(dev.sweep.data.MergeConflictException.class, () -> a.merge(b));
    assertEquals("variable 'z' conflicts at x=1: existing value (1+1j), new value (1+2j); merge with NEW_WINS or "
        + "OLD_WINS to choose one", e.getMessage());
    assertIdentical(a, a.merge(a));
  }

  @Test
  void identicalComparesBothParts() {
    Dataset a = Dataset.builder().dim("x", 2).variable(Variable.ofComplex("z", List.of("x"), new long[] {2}, z(1, 1), null)).build();
    Dataset b = Dataset.builder().dim("x", 2).variable(Variable.ofComplex("z", List.of("x"), new long[] {2}, z(1, 2), null)).build();
    assertIdentical(a, Dataset.builder().dim("x", 2).variable(Variable.ofComplex("z", List.of("x"), new long[] {2}, z(1, 1), null)).build());
    assertThrows(AssertionError.class, () -> assertIdentical(a, b));
  }

  @Test
  void reductionsFollowNumPy() {
    // numpy: z = [1+2j, 3-4j, nan+1j]; nansum (4-2j), nanmean (2-1j), nanprod (11+2j), count 2, nanmax (3-4j)
    Dataset ds = Dataset.builder().dim("x", 3)
        .variable(Variable.ofComplex("z", List.of("x"), new long[] {3}, z(1, 2), z(3, -4), z(Double.NaN, 1))).build();
    assertEquals(z(4, -2), ds.sum().variable("z").get());
    assertEquals(z(2, -1), ds.mean().variable("z").get());
    assertEquals(z(11, 2), ds.prod().variable("z").get());
    assertEquals(2L, ds.count().variable("z").get());
    assertEquals(z(3, -4), ds.max().variable("z").get());
    assertEquals(z(1, 2), ds.min().variable("z").get());
    assertEquals(Complex.NaN, ds.sum(Reduce.all().skipna(false)).variable("z").get());
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ds.std());
    assertEquals("cannot take the std of variable 'z' (complex128); sum, mean, prod, count, min and max take complex "
        + "values: reduce real() and imag() separately, or drop it first with dropVars(\"z\")", e.getMessage());
  }

  @Test
  void idxmaxRefusesComplexNamingTheVariable() {
    Dataset ds = Dataset.builder().coord("x", Index.ofInts(1, 2))
        .variable(Variable.ofComplex("z", List.of("x"), new long[] {2}, z(1, 2), z(3, 4))).build();
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ds.idxmax("x"));
    assertEquals("idxmax over 'x': variable 'z' is complex128; take abs(), real() or imag() first, or drop it with "
        + "dropVars(\"z\")", e.getMessage());
  }

  @Test
  void badPathsSayWhatToDo() {
    Variable v = Variable.ofComplex("z", List.of("x"), new long[] {1}, z(1, 2));
    IllegalStateException real = assertThrows(IllegalStateException.class, () -> v.getDouble(0));
    assertEquals("a complex128 variable has no real value (element 0 is (1+2j)); take real(), imag() or abs() first",
        real.getMessage());
    IllegalArgumentException arith = assertThrows(IllegalArgumentException.class, () -> v.plus(1));
    assertEquals("plus: variable 'z' is complex128; this arithmetic is over real numbers: take real(), imag() or abs() "
        + "first", arith.getMessage());
    Dataset ds = Dataset.builder().dim("x", 1).variable(v).build();
    IllegalArgumentException where = assertThrows(IllegalArgumentException.class, () -> ds.where("z", d -> d > 0));
    assertEquals("where: variable 'z' is complex128; a predicate tests real numbers: test ds.get(\"z\").abs() (or "
        + "real(), imag()) and pass that condition", where.getMessage());
    Dataset masked = ds.where(ds.get("z").abs().test(d -> d > 3));
    assertEquals(Complex.NaN, masked.variable("z").get(0), "where masks complex values to NaN+NaNj");
    IllegalArgumentException label = assertThrows(IllegalArgumentException.class, () -> Index.of(z(1, 1)));
    assertEquals("label (1.0, 1.0) at position 0 is a org.apache.commons.math3.complex.Complex; expected int, long, "
        + "double, float, String, boolean or an enum", label.getMessage());
    IllegalArgumentException shape = assertThrows(IllegalArgumentException.class,
        () -> Variable.ofComplex("z", List.of("x"), new long[] {2}, z(1, 1)));
    assertEquals("variable 'z': shape [2] holds 2 values, got 1", shape.getMessage());
  }
}
