package dev.sweep.io.csv;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.channels.FileChannel;
import java.nio.ByteBuffer;
import java.util.ArrayList;
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
    StringBuilder sb = new StringBuilder("{");
    for (int i = 0; i < names.size(); i++) {
      if (i > 0) sb.append(", ");
      quote(sb, names.get(i)).append(": ");
      quote(sb, numpyName(types.get(i)));
    }
    sb.append("}\n");
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
    Map<String, ColumnType> out = new LinkedHashMap<>();
    List<String> tokens = strings(text, p);
    for (int i = 0; i + 1 < tokens.size(); i += 2) {
      ColumnType t = columnType(tokens.get(i + 1));
      if (t == null) {
        throw new IllegalStateException(p + " gives column '" + tokens.get(i) + "' the type '" + tokens.get(i + 1)
            + "'; expected one of int32, int64, float32, float64, bool, str");
      }
      out.put(tokens.get(i), t);
    }
    return out;
  }

  /** The string tokens of a flat JSON object of strings, alternately keys and values. */
  private static List<String> strings(String text, Path p) {
    List<String> tokens = new ArrayList<>();
    int i = skip(text, 0);
    if (i >= text.length() || text.charAt(i) != '{') throw malformed(p, i);
    i = skip(text, i + 1);
    if (i < text.length() && text.charAt(i) == '}') return tokens;
    while (true) {
      for (int part = 0; part < 2; part++) {
        if (i >= text.length() || text.charAt(i) != '"') throw malformed(p, i);
        StringBuilder sb = new StringBuilder();
        i++;
        while (true) {
          if (i >= text.length()) throw malformed(p, i);
          char c = text.charAt(i++);
          if (c == '"') break;
          if (c == '\\') {
            if (i >= text.length()) throw malformed(p, i);
            char e = text.charAt(i++);
            switch (e) {
              case 'n': sb.append('\n'); break;
              case 'r': sb.append('\r'); break;
              case 't': sb.append('\t'); break;
              case 'b': sb.append('\b'); break;
              case 'f': sb.append('\f'); break;
              case 'u':
                if (i + 4 > text.length()) throw malformed(p, i);
                sb.append((char) Integer.parseInt(text.substring(i, i + 4), 16));
                i += 4;
                break;
              default: sb.append(e);
            }
          } else {
            sb.append(c);
          }
        }
        tokens.add(sb.toString());
        i = skip(text, i);
        if (part == 0) {
          if (i >= text.length() || text.charAt(i) != ':') throw malformed(p, i);
          i = skip(text, i + 1);
        }
      }
      if (i < text.length() && text.charAt(i) == ',') {
        i = skip(text, i + 1);
      } else if (i < text.length() && text.charAt(i) == '}') {
        return tokens;
      } else {
        throw malformed(p, i);
      }
    }
  }

  private static int skip(String s, int i) {
    while (i < s.length() && Character.isWhitespace(s.charAt(i))) i++;
    return i;
  }

  private static IllegalStateException malformed(Path p, int at) {
    return new IllegalStateException(p + " is not a JSON object of column name to type name (at character "
        + at + "); delete it to have the types inferred from the CSV text");
  }

  private static StringBuilder quote(StringBuilder sb, String s) {
    sb.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"': sb.append("\\\""); break;
        case '\\': sb.append("\\\\"); break;
        case '\n': sb.append("\\n"); break;
        case '\r': sb.append("\\r"); break;
        case '\t': sb.append("\\t"); break;
        default:
          if (c < 0x20) sb.append(String.format("\\u%04x", (int) c));
          else sb.append(c);
      }
    }
    return sb.append('"');
  }
}
