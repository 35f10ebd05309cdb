package dev.sweep.run;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The one check of a function's declared arguments against what a sweep passes it; the callers
 * choose the words, since a sweep over cases and combos and a sampler's draws name their sources
 * differently.
 */
final class ArgumentCheck {
  private ArgumentCheck() {}

  /** How an error says what went wrong. */
  interface Words {
    /** The message for an argument the function needs and nothing gives. */
    String missing(String arg, List<String> given);

    /** The message for a given argument the function does not take; {@code swept} unless a constant or resource. */
    String notTaken(String arg, boolean swept);
  }

  /**
   * Checks that the function takes exactly the swept and fixed arguments; a function that declares
   * no names (a lambda) takes anything.
   *
   * @throws IllegalArgumentException for the first argument needed and not given, else the first given
   *     and not taken (swept arguments first)
   */
  static void check(RunFunction fn, List<String> swept, Collection<String> fixed, Words words) {
    List<String> wanted = fn.argNames();
    if (wanted.isEmpty()) return;
    Set<String> given = new LinkedHashSet<>(swept);
    given.addAll(fixed);
    for (String w : wanted) {
      if (!given.contains(w)) throw new IllegalArgumentException(words.missing(w, new ArrayList<>(given)));
    }
    for (String g : given) {
      if (!wanted.contains(g)) throw new IllegalArgumentException(words.notTaken(g, swept.contains(g)));
    }
  }
}
