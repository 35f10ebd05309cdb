package dev.sweep.io.csv;

import dev.sweep.io.internal.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tech.tablesaw.api.ColumnType;

/**
 * The dtypes sidecar of a CSV file: a one-line JSON object from column name to NumPy type name,
 * {@code {"amp": "int32", "fn": "str", "x": "float64"}}, which pandas takes as
 * {@code read_csv(path, dtype=json.load(open(path + ".dtypes.json")))}.
 */
final class Dtypes {
  static final String SUFFIX = ".dtypes.json";

  private Dtypes() {}

  /** The sidecar of a CSV file: the same name with {@value #SUFFIX} appended. */
  static Path of(Path csv) {
    return csv.resolveSibling(csv.getFileName() + SUFFIX);
  }

  /** The NumPy name of a Tablesaw column type, or null if a sweep CSV cannot hold it. */
  static String numpyName(ColumnType t) {
    if (t == ColumnType.INTEGER) return "int32";
    if (t == ColumnType.LONG) return "int64";
    if (t == ColumnType.FLOAT) return "float32";
    if (t == ColumnType.DOUBLE) return "float64";
    if (t == ColumnType.BOOLEAN) return "bool";
    if (t == ColumnType.STRING) return "str";
    return null;
  }

  /** The Tablesaw column type of a NumPy name, or null if unknown. */
  static ColumnType columnType(String numpyName) {
    switch (numpyName) {
      case "int32": return ColumnType.INTEGER;
      case "int64": return ColumnType.LONG;
      case "float32": return ColumnType.FLOAT;
      case "float64": return ColumnType.DOUBLE;
      case "bool": return ColumnType.BOOLEAN;
      case "str": case "object": case "string": return ColumnType.STRING;
      default: return null;
    }
  }

  /** Writes the sidecar atomically (a temporary file, fsync, then a rename). */
  static void write(Path csv, List<String> names, List<ColumnType> types) {
    Map<String, String> json = new LinkedHashMap<>();
    for (int i = 0; i < names.size(); i++) json.put(names.get(i), numpyName(types.get(i)));
    StringBuilder sb = new StringBuilder(Json.write(json)).append('\n');
    Path target = of(csv);
    Path tmp = target.resolveSibling(target.getFileName() + ".tmp");
    try {
      try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
          StandardOpenOption.TRUNCATE_EXISTING)) {
        ByteBuffer b = ByteBuffer.wrap(sb.toString().getBytes(StandardCharsets.UTF_8));
        while (b.hasRemaining()) ch.write(b);
        ch.force(true);
      }
      try {
        Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the column types of " + csv + " to " + target, e);
    }
  }

  /**
   * Reads the sidecar: names to types in file order, or null if there is none.
   *
   * @throws IllegalStateException if it exists but is not a flat JSON object of known type names
   */
  static Map<String, ColumnType> read(Path csv) {
    Path p = of(csv);
    if (!Files.exists(p)) return null;
    String text;
    try {
      text = Files.readString(p, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the column types of " + csv + " from " + p, e);
    }
    Object parsed;
    try {
      parsed = Json.parse(text.strip());
    } catch (IllegalArgumentException e) {
      throw malformed(p, e.getMessage());
    }
    if (!(parsed instanceof Map<?, ?> map)) throw malformed(p, "it is not an object");
    Map<String, ColumnType> out = new LinkedHashMap<>();
    for (Map.Entry<?, ?> e : map.entrySet()) {
      ColumnType t = e.getValue() instanceof String s ? columnType(s) : null;
      if (t == null) {
        throw new IllegalStateException(p + " gives column '" + e.getKey() + "' the type '" + e.getValue()
            + "'; expected one of int32, int64, float32, float64, bool, str");
      }
      out.put((String) e.getKey(), t);
    }
    return out;
  }

  private static IllegalStateException malformed(Path p, String why) {
    return new IllegalStateException(p + " is not a JSON object of column name to type name (" + why
        + "); delete it to have the types inferred from the CSV text");
  }
}
