package dev.sweep.io.netcdf;

/**
 * The rule for names of dimensions, variables and attributes: what both the NetCDF C library (and
 * so xarray) and netcdf-java 4.5 store unchanged. Not empty; the first character an ASCII letter,
 * digit or underscore (netcdf-java rejects others, though NetCDF allows UTF-8 there); then anything
 * but '/', control characters and the space (U+0020). NetCDF allows an inner space, but netcdf-java
 * 4.5, which writes sweep's files, turns every space of a name into '_' ({@code CDMNode.setShortName}
 * via {@code StringUtil2.makeValidCdmObjectName}), for dimensions, variables and attributes alike,
 * so {@code my out} would come back as {@code my_out}. Checked before any file is touched, with a
 * message that says why.
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
    boolean asciiAlnum = (first >= 'a' && first <= 'z') || (first >= 'A' && first <= 'Z') || (first >= '0' && first <= '9');
    if (!asciiAlnum && first != '_') {
      return "it starts with '" + first + "'; start it with an ASCII letter, digit or underscore";
    }
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (c == '/') return "it contains '/'";
      if (c == ' ') {
        return "it contains a space, which netcdf-java 4.5 would store as '_' ('" + name.replace(' ', '_')
            + "'); use '_' or another character";
      }
      if (c < 0x20 || c == 0x7F) return "it contains the control character U+" + String.format("%04X", (int) c);
      if (Character.isSurrogate(c)
          && !(Character.isHighSurrogate(c) && i + 1 < name.length() && Character.isLowSurrogate(name.charAt(i + 1)))
          && !(Character.isLowSurrogate(c) && i > 0 && Character.isHighSurrogate(name.charAt(i - 1)))) {
        return "it is not valid Unicode (a lone surrogate at " + i + ")";
      }
    }
    if (Character.isWhitespace(name.charAt(name.length() - 1))) return "it ends with white space";
    return null;
  }
}
