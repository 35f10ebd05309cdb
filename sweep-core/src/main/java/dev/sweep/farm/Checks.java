package dev.sweep.farm;

/** The farmers' checks of what a builder or method is given, with messages that name the parameter. */
final class Checks {
  private Checks() {}

  /**
   * {@return the value, if it is not null}
   *
   * @param value the value given
   * @param parameter the parameter's name, as the caller wrote it (e.g. {@code "saveEvery interval"})
   * @param expected what the parameter takes (e.g. {@code "a positive duration"})
   * @throws NullPointerException saying which parameter is null and what it takes
   */
  static <T> T given(T value, String parameter, String expected) {
    if (value == null) throw new NullPointerException(parameter + " is null; expected " + expected);
    return value;
  }
}
