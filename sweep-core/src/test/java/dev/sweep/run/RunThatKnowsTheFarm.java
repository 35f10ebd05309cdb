package dev.sweep.run;

import dev.sweep.farm.Harvester;

/**
 * A test class of the run layer that breaks the map on purpose, for {@code ArchitectureTest}: its use
 * of {@code Harvester} is what the rule "the run layer knows nothing of farmers" forbids.
 */
public final class RunThatKnowsTheFarm {
  private RunThatKnowsTheFarm() {}

  /** {@return the harvester's file name: the forbidden dependency} */
  public static String fileOf(Harvester h) {
    return h.file().toString();
  }
}
