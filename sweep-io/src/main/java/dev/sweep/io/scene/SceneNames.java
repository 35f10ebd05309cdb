package dev.sweep.io.scene;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * The names on disk: scene directories {@code <name>_<id>} and frame files
 * {@code <field>_<frame>.nc} (or PhiFlow's {@code .npz}), with ids and frames of six digits or more.
 * Parsing never uses the name as a pattern, splits at the last underscore, and ignores what does not
 * fit instead of failing (PhiFlow crashes on a non-numeric suffix and strips a fixed eleven
 * characters, so frame 1,000,000 breaks it).
 */
final class SceneNames {
  /** The name PhiFlow gives scenes when none is given. */
  static final String DEFAULT_NAME = "sim";

  private SceneNames() {}

  /** A scene directory found in a parent: its path, name prefix and id. */
  record Entry(Path path, String name, int id) {}

  /** A frame file found in a scene: its field, frame and whether it is PhiFlow's {@code .npz}. */
  record FrameFile(String field, int frame, boolean npz) {}

  /**
   * Checks a scene name (the prefix before the id).
   *
   * @throws IllegalArgumentException naming the value, if it is empty or could leave the parent
   */
  static String checkSceneName(String name) {
    if (name == null) throw new NullPointerException("name");
    String problem = directoryNameProblem(name);
    if (problem != null) {
      throw new IllegalArgumentException("name is '" + name + "'; expected a directory name " + problem);
    }
    return name;
  }

  /**
   * Checks a field name: it names a file and the NetCDF variable in it.
   *
   * @throws IllegalArgumentException naming the value and what a field name must be
   */
  static String checkFieldName(String field) {
    if (field == null) throw new NullPointerException("field");
    String problem = directoryNameProblem(field);
    if (problem == null) {
      char first = field.charAt(0);
      boolean asciiStart = first < 128 && (Character.isLetterOrDigit(first) || first == '_');
      if (!asciiStart) {
        problem = "that starts with an ASCII letter, digit or underscore (NetCDF names the variable after the field)";
      } else if (field.endsWith(" ")) {
        problem = "without a trailing space (NetCDF refuses one)";
      }
    }
    if (problem != null) {
      throw new IllegalArgumentException("field name is '" + field + "'; expected a name " + problem);
    }
    return field;
  }

  /** What is wrong with a file or directory name, or null if nothing. */
  private static String directoryNameProblem(String name) {
    if (name.isEmpty()) return "that is not empty";
    if (name.equals(".") || name.equals("..")) return "other than '.' and '..'";
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (c == '/' || c == '\\') return "without a path separator ('" + c + "' at " + i + ")";
      if (c < 0x20 || c == 0x7f) return "without control characters (U+" + String.format(Locale.ROOT, "%04X", (int) c) + " at " + i + ")";
    }
    return null;
  }

  /**
   * Checks a frame number.
   *
   * @throws IllegalArgumentException if it is negative
   */
  static int checkFrame(int frame) {
    if (frame < 0) throw new IllegalArgumentException("frame is " + frame + "; expected a frame number >= 0");
    return frame;
  }

  /** {@return {@code <name>_<id>}, the id zero-padded to six digits} */
  static String sceneDirName(String name, int id) {
    return name + "_" + sixDigits(id);
  }

  /** {@return {@code <field>_<frame>.nc}} */
  static String frameFileName(String field, int frame) {
    return field + "_" + sixDigits(frame) + ".nc";
  }

  /** {@return PhiFlow's {@code <field>_<frame>.npz}} */
  static String npzFileName(String field, int frame) {
    return field + "_" + sixDigits(frame) + ".npz";
  }

  static String sixDigits(int n) {
    String s = Integer.toString(n);
    return s.length() >= 6 ? s : "000000".substring(s.length()) + s;
  }

  /**
   * {@return the number after {@code <name>_}, or -1 if the entry is not one of these scenes} The
   * digits may be of any length (PhiFlow writes six; ids from a million on have more).
   */
  static int idOf(String entry, String name) {
    if (entry.length() <= name.length() + 1 || !entry.startsWith(name) || entry.charAt(name.length()) != '_') return -1;
    return number(entry, name.length() + 1, entry.length());
  }

  /** The non-negative int in {@code s[from, to)}, or -1 if it is not all digits or overflows. */
  private static int number(String s, int from, int to) {
    if (from >= to) return -1;
    long v = 0;
    for (int i = from; i < to; i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') return -1;
      v = v * 10 + (c - '0');
      if (v > Integer.MAX_VALUE) return -1;
    }
    return (int) v;
  }

  /**
   * {@return the frame file a name denotes, or null} Only names this package writes count:
   * {@code <field>_<digits>.nc} or {@code .npz} with exactly six digits, or more without a leading
   * zero, so that each (field, frame) has one name. Temporary files of atomic writes do not match.
   */
  static FrameFile parseFrameFile(String fileName) {
    boolean npz;
    int end;
    if (fileName.endsWith(".nc")) {
      npz = false;
      end = fileName.length() - 3;
    } else if (fileName.endsWith(".npz")) {
      npz = true;
      end = fileName.length() - 4;
    } else {
      return null;
    }
    int underscore = fileName.lastIndexOf('_', end - 1);
    if (underscore <= 0) return null;
    int digits = end - underscore - 1;
    if (digits < 6 || (digits > 6 && fileName.charAt(underscore + 1) == '0')) return null;
    int frame = number(fileName, underscore + 1, end);
    if (frame < 0) return null;
    return new FrameFile(fileName.substring(0, underscore), frame, npz);
  }

  /**
   * {@return the entries of a parent named {@code <name>_<number>}, directories or not, sorted by id}
   * A missing parent has none.
   *
   * @param directoriesOnly whether plain files are left out
   */
  static List<Entry> entries(Path parent, String name, boolean directoriesOnly) {
    List<Entry> out = new ArrayList<>();
    try (DirectoryStream<Path> dir = Files.newDirectoryStream(parent)) {
      for (Path p : dir) {
        String entry = p.getFileName().toString();
        int id = idOf(entry, name);
        if (id < 0) continue;
        if (directoriesOnly && !Files.isDirectory(p)) continue;
        out.add(new Entry(p, name, id));
      }
    } catch (NoSuchFileException | NotDirectoryException e) {
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list the scenes in " + parent + ": " + e.getMessage(), e);
    }
    out.sort(Comparator.comparingInt(Entry::id).thenComparing(e -> e.path().getFileName().toString()));
    return out;
  }

  /** {@return the highest id of any entry {@code <name>_<number>} in the parent, or -1} */
  static int maxId(Path parent, String name) {
    int max = -1;
    for (Entry e : entries(parent, name, false)) max = Math.max(max, e.id());
    return max;
  }

  /** {@return the scene name and id of a directory called {@code <name>_<digits>}, or null} */
  static Entry parseSceneDir(Path dir) {
    Path file = dir.getFileName();
    if (file == null) return null;
    String s = file.toString();
    int underscore = s.lastIndexOf('_');
    if (underscore <= 0) return null;
    int id = number(s, underscore + 1, s.length());
    return id < 0 ? null : new Entry(dir, s.substring(0, underscore), id);
  }
}
