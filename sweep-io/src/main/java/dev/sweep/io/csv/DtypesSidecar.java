package dev.sweep.io.csv;

import dev.sweep.data.DType;
import dev.sweep.io.internal.AtomicFiles;
import dev.sweep.io.internal.Json;
import dev.sweep.store.StoreFormatException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The dtypes sidecar of a CSV file: a one-line JSON object from column name to NumPy type name,
 * {@code {"amp": "int32", "fn": "str", "x": "float64"}}, which pandas takes as
 * {@code read_csv(path, dtype=json.load(open(path + ".dtypes.json")))}.
 */
final class DtypesSidecar {
  static final String SUFFIX = ".dtypes.json";

  private DtypesSidecar() {}

  /** The sidecar of a CSV file: the same name with {@value #SUFFIX} appended. */
  static Path of(Path csv) {
    return csv.resolveSibling(csv.getFileName() + SUFFIX);
  }

  /** The type of a NumPy name as pandas and this sidecar spell it, or null if unknown. */
  static DType dtype(String numpyName) {
    switch (numpyName) {
      case "int32": return DType.INT;
      case "int64": return DType.LONG;
      case "float32": return DType.FLOAT;
      case "float64": return DType.DOUBLE;
      case "bool": return DType.BOOLEAN;
      case "str": case "object": case "string": return DType.STRING;
      default: return null;
    }
  }

  /**
   * Writes the sidecar atomically: a temporary file of a unique name in the same directory (several
   * processes may write at once), fsync, then a rename over the old one.
   */
  static void write(Path csv, List<String> names, List<DType> types) {
    Map<String, String> json = new LinkedHashMap<>();
    for (int i = 0; i < names.size(); i++) json.put(names.get(i), types.get(i).numpyName());
    byte[] bytes = (Json.write(json) + "\n").getBytes(StandardCharsets.UTF_8);
    Path target = of(csv);
    try {
      AtomicFiles.replace(target, tmp -> Files.write(tmp, bytes));
    } catch (UncheckedIOException e) {
      throw new UncheckedIOException("cannot write the column types of " + csv + " to " + target, e.getCause());
    }
  }

  /**
   * Reads the sidecar: names to types in file order, or null if there is none.
   *
   * @throws StoreFormatException (for the CSV file) if it exists but is not a flat JSON object of known type names
   */
  static Map<String, DType> read(Path csv) {
    Path p = of(csv);
    if (!Files.exists(p)) return null;
    String text;
    try {
      text = Files.readString(p, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the column types of " + csv + " from " + p, e);
    }
    if (text.startsWith("\uFEFF")) text = text.substring(1); // a byte order mark some editors add
    Object parsed;
    try {
      parsed = Json.parse(text.strip());
    } catch (IllegalArgumentException e) {
      throw malformed(csv, p, e.getMessage());
    }
    if (!(parsed instanceof Map<?, ?> map)) throw malformed(csv, p, "it is not an object");
    Map<String, DType> out = new LinkedHashMap<>();
    for (Map.Entry<?, ?> e : map.entrySet()) {
      DType t = e.getValue() instanceof String s ? dtype(s) : null;
      if (t == null) {
        throw new StoreFormatException(csv, p.getFileName() + " gives column '" + e.getKey() + "' the type '" + e.getValue()
            + "'; expected one of int32, int64, float32, float64, bool, str", null);
      }
      out.put((String) e.getKey(), t);
    }
    return out;
  }

  private static StoreFormatException malformed(Path csv, Path p, String why) {
    return new StoreFormatException(csv, p.getFileName() + " is not a JSON object of column name to type name (" + why
        + "); delete it to have the types inferred from the CSV text", null);
  }
}
