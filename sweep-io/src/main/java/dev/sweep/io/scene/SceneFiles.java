package dev.sweep.io.scene;

import dev.sweep.io.internal.AtomicFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** File operations of scenes: the atomic write of small files, race-free directory creation, copy and removal. */
final class SceneFiles {
  private static final Logger LOG = LoggerFactory.getLogger(SceneFiles.class);

  /** How often creation retries after losing a race for an id before it gives up. */
  private static final int CREATE_ATTEMPTS = 100_000;

  private SceneFiles() {}

  /**
   * Replaces a file atomically and durably ({@link AtomicFiles#replace}): a reader or a crash sees
   * the old or the new content.
   *
   * @throws UncheckedIOException naming the file; the old file is then untouched
   */
  static void writeAtomically(Path target, byte[] content) {
    writeAtomically(target, content, true);
  }

  /**
   * As {@link #writeAtomically(Path, byte[])}; without {@code durable}, the fsyncs are left out: a reader
   * and a killed process still see the old or the new content, but a power loss soon after may leave
   * the file empty. For files that can be made again (a scene's context), where two fsyncs would be
   * most of the cost of creating a scene.
   */
  static void writeAtomically(Path target, byte[] content, boolean durable) {
    AtomicFiles.replace(target, tmp -> Files.write(tmp, content), durable);
  }

  /**
   * Creates {@code count} new directories {@code <name>_<id>} with consecutive ids after the highest
   * existing one. Each id is taken by {@link Files#createDirectory}, which fails if another process
   * took it first: then the directories taken in this attempt are removed again and the next attempt
   * starts after the id that was taken. So concurrent creators never share a directory.
   *
   * @return the directories, in id order
   * @throws UncheckedIOException naming the parent, if it cannot be created or written
   */
  static List<Path> createSceneDirectories(Path parent, String name, int count) {
    try {
      Files.createDirectories(parent);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create the parent directory " + parent + ": " + e, e);
    }
    IdHint hint = IdHint.of(parent, name);
    long next = hint.next(parent, name);
    for (int attempt = 0; attempt < CREATE_ATTEMPTS; attempt++) {
      if (next + count - 1 > Integer.MAX_VALUE) {
        throw new IllegalStateException("cannot create " + count + " scene(s) named '" + name + "' in " + parent
            + ": the next id " + next + " leaves no room below " + Integer.MAX_VALUE);
      }
      List<Path> made = new ArrayList<>(count);
      int lostAt = -1;
      for (int k = 0; k < count; k++) {
        Path dir = parent.resolve(SceneNames.sceneDirName(name, (int) (next + k)));
        try {
          Files.createDirectory(dir);
          made.add(dir);
        } catch (FileAlreadyExistsException taken) {
          lostAt = k;
          break;
        } catch (IOException e) {
          removeEmpty(made);
          throw new UncheckedIOException("cannot create the scene directory " + dir + ": " + e, e);
        }
      }
      if (lostAt < 0) {
        hint.created(parent, next + count - 1);
        return made;
      }
      removeEmpty(made); // consecutive ids or none: give back what this attempt took
      // Another creator holds next + lostAt: try just after it. Rescanning the parent after every lost
      // race would make creators that run together list the directory once per id; every 32 losses is
      // enough to jump past a creator that took many ids.
      next = next + lostAt + 1;
      if (attempt % 32 == 31) next = Math.max(next, SceneNames.maxId(parent, name) + 1L);
    }
    throw new IllegalStateException("gave up creating scene(s) named '" + name + "' in " + parent + " after "
        + CREATE_ATTEMPTS + " attempts: other processes kept taking the ids");
  }

  /**
   * Where the next id probably is, so that creating many scenes in one parent does not list the parent
   * for each (a listing of 1,000 entries costs milliseconds: quadratic in the number of scenes). The
   * hint is the highest id this JVM created there, trusted only while the parent's modification time
   * is the one seen just after that creation, i.e. while nobody else added or removed an entry;
   * otherwise the parent is listed. The hint never decides who gets an id ({@code createDirectory}
   * does); at worst a creator tries a few taken ids. (A plain file, not a directory, that another
   * process makes within one tick of the file system's clock after this JVM's last creation can go
   * unseen; the new id is then still unique, only not above that file's.)
   */
  private static final class IdHint {
    private static final java.util.Map<String, IdHint> HINTS = new java.util.concurrent.ConcurrentHashMap<>();

    private long lastId = -1;
    private List<Object> seen;

    static IdHint of(Path parent, String name) {
      String key;
      try {
        key = parent.toRealPath() + "\0" + name;
      } catch (IOException e) {
        key = parent.toAbsolutePath().normalize() + "\0" + name;
      }
      return HINTS.computeIfAbsent(key, k -> new IdHint());
    }

    synchronized long next(Path parent, String name) {
      if (seen != null && seen.equals(stamp(parent))) return lastId + 1;
      return SceneNames.maxId(parent, name) + 1L;
    }

    synchronized void created(Path parent, long id) {
      lastId = Math.max(lastId, id);
      seen = stamp(parent);
    }

    /**
     * The parent's modification time and, where the file system has it, its link count, which grows
     * with every subdirectory even within one tick of the clock that stamps the time; null if unknown.
     */
    private static List<Object> stamp(Path parent) {
      try {
        Object links;
        try {
          links = Files.getAttribute(parent, "unix:nlink");
        } catch (UnsupportedOperationException | IllegalArgumentException e) {
          links = -1;
        }
        return List.of(Files.getLastModifiedTime(parent), links);
      } catch (IOException e) {
        return null;
      }
    }
  }

  /** Deletes directories this process just created and nobody else has used (they are empty). */
  private static void removeEmpty(List<Path> made) {
    for (int k = made.size() - 1; k >= 0; k--) {
      try {
        Files.delete(made.get(k));
      } catch (IOException e) {
        LOG.warn("could not remove the directory {} created for a lost id: {}", made.get(k), e.toString());
      }
    }
  }

  /**
   * Removes a directory tree: renames it to a hidden name first, so nobody lists a half-removed
   * scene, then deletes it. A missing directory is no error.
   *
   * @return true if it existed
   */
  static boolean removeTree(Path dir) {
    if (!Files.exists(dir)) return false;
    Path aside = dir.resolveSibling("." + dir.getFileName() + ".removing-" + Long.toHexString(ThreadLocalRandom.current().nextLong()));
    try {
      Files.move(dir, aside, StandardCopyOption.ATOMIC_MOVE);
    } catch (NoSuchFileException gone) {
      return false;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot remove " + dir + ": " + e, e);
    }
    deleteTree(aside);
    return true;
  }

  /** Deletes a directory tree. */
  static void deleteTree(Path dir) {
    try {
      Files.walkFileTree(dir, new SimpleFileVisitor<>() {
        @Override
        public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
          Files.delete(file);
          return FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult postVisitDirectory(Path d, IOException e) throws IOException {
          if (e != null) throw e;
          Files.delete(d);
          return FileVisitResult.CONTINUE;
        }
      });
    } catch (NoSuchFileException gone) {
      // removed concurrently: the goal is reached
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete " + dir + ": " + e, e);
    }
  }

  /**
   * Copies a file or a directory tree to a target that does not exist yet, leaving out the lock
   * files and temporary files of atomic writes.
   */
  static void copyTree(Path source, Path target) {
    try {
      if (!Files.isDirectory(source)) {
        Files.copy(source, target, StandardCopyOption.COPY_ATTRIBUTES);
        return;
      }
      Files.walkFileTree(source, new SimpleFileVisitor<>() {
        @Override
        public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes attrs) throws IOException {
          Path to = target.resolve(source.relativize(d).toString());
          if (!Files.isDirectory(to)) Files.createDirectory(to);
          return FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
          String n = file.getFileName().toString();
          if (n.endsWith(".lock") || (n.startsWith(".") && n.endsWith(".tmp"))) return FileVisitResult.CONTINUE;
          Files.copy(file, target.resolve(source.relativize(file).toString()), StandardCopyOption.COPY_ATTRIBUTES);
          return FileVisitResult.CONTINUE;
        }
      });
    } catch (IOException e) {
      throw new UncheckedIOException("cannot copy " + source + " to " + target + ": " + e, e);
    }
  }
}
