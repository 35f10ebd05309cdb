package dev.sweep.farm;

import dev.sweep.run.FunctionRef;
import dev.sweep.run.Label;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.Optional;

/**
 * Finds the file a farmer of a labelled method keeps: its {@link Harvest} or {@link Sample}, or the
 * old {@link Label} elements, on the method {@link FunctionRef#labelled} finds.
 */
final class Labelled {
  private Labelled() {}

  /** The labelled method, by the run layer's one lookup rule. */
  static Method method(Class<?> owner, String name) {
    return FunctionRef.labelled(owner, name).method();
  }

  @SuppressWarnings("deprecation")
  static Optional<String> harvestFile(Class<?> owner, String name) {
    Method m = method(owner, name);
    return file(m.getAnnotation(Harvest.class), m.getAnnotation(Label.class).harvester());
  }

  @SuppressWarnings("deprecation")
  static Optional<String> sampleFile(Class<?> owner, String name) {
    Method m = method(owner, name);
    return file(m.getAnnotation(Sample.class), m.getAnnotation(Label.class).sampler());
  }

  private static Optional<String> file(Annotation own, String old) {
    String f = own instanceof Harvest h ? h.value() : own instanceof Sample s ? s.value() : old;
    return f.isEmpty() ? Optional.empty() : Optional.of(f);
  }
}
