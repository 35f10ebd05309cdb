package dev.sweep.run;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import org.junit.jupiter.api.Test;

class FunctionRefTest {
  static class Base {
    @Label(varNames = "y")
    static double twice(double x) {
      return 2 * x;
    }
  }

  static final class Derived extends Base {}

  static double over(double x) {
    return x;
  }

  static double over(double x, double y) {
    return x + y;
  }

  double instance(double x) {
    return x;
  }

  @Test
  void namesTheClassAndMethodItWasGiven() {
    FunctionRef ref = FunctionRef.of(Derived.class, "twice");
    assertEquals(new FunctionRef("dev.sweep.run.FunctionRefTest$Derived", "twice"), ref);
    assertEquals("dev.sweep.run.FunctionRefTest$Derived.twice", ref.toString());
    assertSame(Derived.class, ref.owner());
    assertEquals(Base.class, ref.method().getDeclaringClass(), "an inherited method is found");
    assertEquals("y", ref.label().varNames()[0]);
  }

  @Test
  void rebuildsAFunctionThatRuns() throws Exception {
    RunFunction fn = new FunctionRef(Base.class.getName(), "twice").function();
    assertEquals(List.of("x"), fn.argNames());
    assertInstanceOf(RunFunction.OfDouble.class, fn, "a double method stays unboxed");
    assertEquals(FunctionRef.of(Base.class, "twice"), ((MethodFunction) fn).ref());
  }

  @Test
  void refusesWhatCannotBeFoundOrCalledByName() {
    var none = assertThrows(IllegalArgumentException.class, () -> FunctionRef.of(Base.class, "thrice"));
    assertEquals("dev.sweep.run.FunctionRefTest$Base has no method named 'thrice'", none.getMessage());
    var two = assertThrows(IllegalArgumentException.class, () -> FunctionRef.of(FunctionRefTest.class, "over"));
    assertTrue(two.getMessage().startsWith("dev.sweep.run.FunctionRefTest has 2 methods named 'over'; a sweep binds to "
        + "exactly one"), two.getMessage());
    var inst = assertThrows(IllegalArgumentException.class, () -> FunctionRef.of(FunctionRefTest.class, "instance"));
    assertEquals("FunctionRefTest.instance(double x) is an instance method; a function reference names a static "
        + "method, which another JVM can call without an object", inst.getMessage());
    RunFunction lambda = a -> 1;
    var hidden = assertThrows(IllegalArgumentException.class, () -> FunctionRef.of(lambda.getClass(), "apply"));
    assertTrue(hidden.getMessage().endsWith(" is a hidden class (a lambda's or a proxy's), which another JVM cannot load "
        + "by name; name a static method of an ordinary class"), hidden.getMessage());
    var gone = assertThrows(IllegalArgumentException.class, () -> new FunctionRef("no.such.Owner", "f").method());
    assertEquals("cannot load class no.such.Owner of the function no.such.Owner.f: "
        + "java.lang.ClassNotFoundException: no.such.Owner; put it on the class path", gone.getMessage());
    var blank = assertThrows(IllegalArgumentException.class, () -> new FunctionRef("a.B", " "));
    assertEquals("the method name of a function reference to a.B is empty", blank.getMessage());
  }

  @Test
  void aMethodWithoutALabelHasNone() {
    var e = assertThrows(IllegalArgumentException.class, () -> FunctionRef.of(FunctionRefTest.class, "instance").label());
    assertTrue(e.getMessage().contains("instance method"), e.getMessage());
    var bare = assertThrows(IllegalArgumentException.class,
        () -> new FunctionRef(FunctionRefTest.class.getName(), "rebuildsAFunctionThatRuns").label());
    assertEquals("dev.sweep.run.FunctionRefTest has no method 'rebuildsAFunctionThatRuns' with a @Label: "
        + "FunctionRefTest.rebuildsAFunctionThatRuns() has none", bare.getMessage());
  }

  @Test
  void theLabelledLookupSaysWhatIsMissing() {
    FunctionRef ref = FunctionRef.labelled(Derived.class, "twice");
    assertEquals(FunctionRef.of(Derived.class, "twice"), ref);
    assertEquals("y", ref.label().varNames()[0]);
    var none = assertThrows(IllegalArgumentException.class, () -> FunctionRef.labelled(Derived.class, "foo"));
    assertEquals("dev.sweep.run.FunctionRefTest$Derived has no method 'foo' with a @Label", none.getMessage());
    var bare = assertThrows(IllegalArgumentException.class, () -> FunctionRef.labelled(FunctionRefTest.class, "over"));
    assertTrue(bare.getMessage().contains("has 2 methods named 'over'"), bare.getMessage());
  }
}
