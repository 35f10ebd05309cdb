package dev.sweep.io.scene;

import dev.sweep.store.StoreFormatException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A scene's {@code description.json}: read without a lock (it is only ever replaced atomically, so a
 * reader sees a whole version), updated under an in-process lock and an exclusive lock on
 * {@code description.json.lock}, so that concurrent updates from threads and processes each re-read
 * the latest version and no key is lost. Keys not updated keep their JSON exactly (a tensor's item
 * names, numbers sweep would type differently).
 */
final class PropertiesFile {
  static final String FILE = "description.json";
  static final String LOCK = FILE + ".lock";

  /** One lock per real directory, whatever path reached it. */
  private static final Map<Path, ReentrantLock> IN_PROCESS = new ConcurrentHashMap<>();

  private PropertiesFile() {}

  /** {@return true if the scene has a {@code description.json}} */
  static boolean exists(Path sceneDir) {
    return Files.isRegularFile(sceneDir.resolve(FILE));
  }

  /**
   * {@return the properties of a scene, decoded (tensors as variables), {@code __tensors__} left out;
   * unmodifiable, insertion-ordered, empty without a file}
   *
   * @throws StoreFormatException naming the file, if it is not a JSON object or a tensor is malformed
   */
  static Map<String, Object> read(Path sceneDir) {
    Path file = sceneDir.resolve(FILE);
    Map<String, Object> raw = readRaw(file);
    Set<String> tensors = tensorKeys(file, raw);
    Map<String, Object> out = new LinkedHashMap<>();
    for (Map.Entry<String, Object> e : raw.entrySet()) {
      String key = e.getKey();
      if (key.equals(PropertyCodec.TENSORS_KEY)) continue;
      if (tensors.contains(key)) {
        try {
          out.put(key, PropertyCodec.decodeTensor(key, e.getValue()));
        } catch (IllegalArgumentException bad) {
          throw new StoreFormatException(file, bad.getMessage(), bad);
        }
      } else {
        out.put(key, e.getValue());
      }
    }
    return Collections.unmodifiableMap(out);
  }

  /** The file's JSON object as parsed; empty if there is no file. */
  private static Map<String, Object> readRaw(Path file) {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      return Map.of();
    } catch (java.nio.charset.MalformedInputException e) {
      throw new StoreFormatException(file, "not UTF-8 text", e);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file + ": " + e, e);
    }
    Object tree;
    try {
      tree = PythonJson.parse(text);
    } catch (IllegalArgumentException e) {
      throw new StoreFormatException(file, "not JSON: " + e.getMessage()
          + " (the frames stay readable; fix or delete the file to use properties again)", e);
    }
    if (!(tree instanceof Map<?, ?> map)) {
      throw new StoreFormatException(file, "the JSON is not an object of properties but " + PythonJson.writeLine(tree), null);
    }
    @SuppressWarnings("unchecked")
    Map<String, Object> m = (Map<String, Object>) map;
    return m;
  }

  private static Set<String> tensorKeys(Path file, Map<String, Object> raw) {
    Object listed = raw.get(PropertyCodec.TENSORS_KEY);
    Set<String> out = new LinkedHashSet<>();
    if (listed == null) return out;
    if (!(listed instanceof List<?> list)) {
      throw new StoreFormatException(file, PropertyCodec.TENSORS_KEY + " is " + listed + "; expected a list of keys", null);
    }
    for (Object k : list) {
      if (!(k instanceof String s)) {
        throw new StoreFormatException(file, PropertyCodec.TENSORS_KEY + " lists " + k + "; expected property keys", null);
      }
      out.add(s);
    }
    return out;
  }

  /**
   * Updates the properties of several scenes as one step: takes every scene's lock (in a fixed
   * order, so two updaters never deadlock), re-reads every file, and only when all parse writes each,
   * atomically. A damaged file therefore stops the update before anything is written.
   *
   * @param updates per scene directory, the encoded values by key
   * @throws StoreFormatException naming a damaged file; nothing was written
   */
  static void update(Map<Path, Map<String, PropertyCodec.Encoded>> updates) {
    List<Path> dirs = new ArrayList<>(updates.keySet());
    locked(dirs, () -> {
      Map<Path, String> texts = new LinkedHashMap<>();
      for (Map.Entry<Path, Map<String, PropertyCodec.Encoded>> u : updates.entrySet()) {
        Path file = u.getKey().resolve(FILE);
        Map<String, Object> merged = new LinkedHashMap<>(readRaw(file));
        Set<String> tensors = tensorKeys(file, merged);
        merged.remove(PropertyCodec.TENSORS_KEY);
        for (Map.Entry<String, PropertyCodec.Encoded> e : u.getValue().entrySet()) {
          merged.put(e.getKey(), e.getValue().tree());
          if (e.getValue().tensor()) tensors.add(e.getKey());
          else tensors.remove(e.getKey());
        }
        tensors.retainAll(merged.keySet());
        if (!tensors.isEmpty()) merged.put(PropertyCodec.TENSORS_KEY, List.copyOf(tensors)); // last, as PhiFlow writes it
        texts.put(file, PythonJson.write(merged));
      }
      texts.forEach((file, text) -> SceneFiles.writeAtomically(file, text.getBytes(StandardCharsets.UTF_8)));
    });
  }

  /** Runs the body holding the properties locks of every directory: in-process, then the file lock. */
  private static void locked(List<Path> dirs, Runnable body) {
    List<Path> order = new ArrayList<>();
    for (Path d : dirs) order.add(realPath(d));
    order.sort(Comparator.naturalOrder());
    Deque<AutoCloseable> held = new ArrayDeque<>();
    try {
      for (Path dir : order) {
        ReentrantLock local = IN_PROCESS.computeIfAbsent(dir, k -> new ReentrantLock());
        local.lock();
        held.push(local::unlock);
        Path lockFile = dir.resolve(LOCK);
        FileChannel ch;
        try {
          ch = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        } catch (NoSuchFileException e) {
          throw new UncheckedIOException("cannot update the properties of " + dir + ": the scene directory does not exist", e);
        }
        held.push(ch);
        FileLock lock = ch.lock();
        held.push(lock);
      }
      body.run();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot lock the properties of " + dirs + ": " + e, e);
    } finally {
      while (!held.isEmpty()) {
        try {
          held.pop().close();
        } catch (Exception e) {
          // releasing a lock or closing its channel; the channel's close releases the lock anyway
        }
      }
    }
  }

  private static Path realPath(Path dir) {
    try {
      return dir.toRealPath();
    } catch (IOException e) {
      return dir.toAbsolutePath().normalize();
    }
  }
}
