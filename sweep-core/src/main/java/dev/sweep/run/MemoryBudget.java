package dev.sweep.run;

import dev.sweep.data.DType;
import java.util.List;
import org.bytedeco.javacpp.Pointer;

/**
 * Refuses, before anything is allocated, a sweep whose outputs cannot fit in what this JVM may
 * allocate: numbers live off-heap in ND4J's buffers (bounded by JavaCPP's {@code maxbytes}),
 * strings on the heap. Without this a large sweep fails deep inside a native allocation and blames
 * its first run.
 */
final class MemoryBudget {
  private MemoryBudget() {}

  /** The sweep does not fit; the engine reports it as it is, not as the failure of a run. */
  static final class TooLarge extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    TooLarge(String message) {
      super(message);
    }
  }

  /**
   * Checks that {@code cells} elements of each type fit.
   *
   * @param what the sweep, for the message: e.g. {@code "the sweep over a: 1000 x b: 1000"}
   * @param cells elements per output
   * @param types the outputs' types (one element per cell each), or an empty list before they are
   *     known, then counted as one float64 output
   */
  static void check(String what, long cells, List<DType> types) {
    long offHeap = 0;
    long heap = 0;
    try {
      if (types.isEmpty()) offHeap = Math.multiplyExact(cells, 8L);
      for (DType t : types) {
        if (t == DType.STRING) heap = Math.addExact(heap, Math.multiplyExact(cells, 8L));
        else offHeap = Math.addExact(offHeap, Math.multiplyExact(cells, (long) bytes(t)));
      }
    } catch (ArithmeticException e) {
      throw new TooLarge(what + " holds " + cells + " cells per output: more bytes than a long counts;"
          + " sweep fewer combinations, or run it in pieces with Runner.plan(...).run(from, to)");
    }
    long maxOffHeap = Pointer.maxBytes() > 0 ? Pointer.maxBytes() - Pointer.totalBytes() : Long.MAX_VALUE;
    if (offHeap > maxOffHeap) {
      throw new TooLarge(what + " needs at least " + offHeap + " bytes of off-heap memory for its numeric outputs"
          + " (" + cells + " cells each), more than the " + maxOffHeap + " bytes this JVM may still allocate"
          + " (-Dorg.bytedeco.javacpp.maxbytes=" + Pointer.maxBytes() + "); sweep fewer combinations, raise the limit,"
          + " or run it in pieces with Runner.plan(...).run(from, to)");
    }
    long maxHeap = Runtime.getRuntime().maxMemory();
    if (heap > maxHeap || cells > Integer.MAX_VALUE && heap > 0) {
      throw new TooLarge(what + " needs " + cells + " strings per output (" + heap
          + " bytes of references alone), more than the " + maxHeap + " bytes of heap (-Xmx) or the "
          + Integer.MAX_VALUE + " elements a Java array holds; sweep fewer combinations or run it in pieces");
    }
  }

  private static int bytes(DType t) {
    return switch (t) {
      case COMPLEX128 -> 16;
      case DOUBLE, LONG, COMPLEX64 -> 8;
      case FLOAT, INT -> 4;
      case BOOLEAN -> 1;
      case STRING -> 8;
    };
  }
}
