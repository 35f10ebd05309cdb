package dev.sweep.io.netcdf;

/**
 * The NetCDF rule for names of dimensions, variables and attributes, as the NetCDF C library checks
 * it: not empty; the first character a letter, digit, underscore or any non-ASCII character; no
 * '/', no control characters, no trailing space. Checked before writing so that a file the C
 * library (and so xarray) cannot open is never produced.
 */
final class Names {
  private Names() {}

  /**
   * @param kind "dimension", "variable" or "attribute"
   * @param owner for attributes, the variable or dataset that holds it; else null
   * @throws IllegalArgumentException naming the name and what is wrong with it
   */
  static void check(String kind, String name, String owner) {
    String problem = problem(name);
    if (problem != null) {
      String where = owner == null ? "" : " of " + owner;
      throw new IllegalArgumentException(kind + " name '" + name + "'" + where + " is not a valid NetCDF name: "
          + problem);
    }
  }

  private static String problem(String name) {
    if (name.isEmpty()) return "it is empty";
    char first = name.charAt(0);
    if (first < 0x80 && !Character.isLetterOrDigit(first) && first != '_') {
      return "it starts with '" + first + "'; use a letter, digit or underscore";
    }
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (c == '/') return "it contains '/'";
      if (c < 0x20 || c == 0x7F) return "it contains the control character U+" + String.format("%04X", (int) c);
      if (Character.isSurrogate(c)
          && !(Character.isHighSurrogate(c) && i + 1 < name.length() && Character.isLowSurrogate(name.charAt(i + 1)))
          && !(Character.isLowSurrogate(c) && i > 0 && Character.isHighSurrogate(name.charAt(i - 1)))) {
        return "it is not valid Unicode (a lone surrogate at " + i + ")";
      }
    }
    if (Character.isWhitespace(name.charAt(name.length() - 1))) return "it ends with a space";
    return null;
  }
}
