package dev.sweep.run;

import java.io.Serializable;
import java.util.Map;

/**
 * One failed run: its number, its swept arguments and what it threw. Serializable when its
 * arguments and cause are.
 *
 * @param run the run number within its sweep
 * @param arguments the swept arguments, by name
 * @param cause what the run threw
 */
public record Failure(long run, Map<String, Object> arguments, Throwable cause) implements Serializable {
  private static final long serialVersionUID = 1L;

  /**
   * Keeps an unmodifiable copy of the arguments.
   *
   * @param run the run number within its sweep
   * @param arguments the swept arguments, by name
   * @param cause what the run threw
   * @throws NullPointerException if the arguments are null or hold a null key or value
   */
  public Failure {
    arguments = Map.copyOf(arguments);
  }

  @Override
  public String toString() {
    return "run " + run + " (" + Args.describe(new java.util.TreeMap<>(arguments)) + "): " + cause;
  }
}
