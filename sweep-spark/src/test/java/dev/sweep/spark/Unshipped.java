package dev.sweep.spark;

/** A function whose class the cluster test leaves out of the jars it ships to the executors. */
public final class Unshipped {
  private Unshipped() {}

  public static double twice(int i) {
    return 2.0 * i;
  }
}
