package dev.sweep.io.crop;

import dev.sweep.farm.CropStore;
import dev.sweep.run.RunBatch;
import dev.sweep.store.StoreFormatException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A crop as a directory on a shared file system: the {@link CropStore} that sweep-io registers.
 *
 * <pre>
 * crop.json                    the settings: readable JSON, written once
 * submissions.json             every submission to a scheduler, oldest first
 * reaps.json                   every reap into a harvester's or sampler's file, oldest first
 * results/batch-00003.batch    a grown batch (see below), written atomically
 * results/batch-00003.error    why the last worker failed to grow batch 3
 * results/batch-00003.batch.damaged-20240102-030405-678   a damaged result, moved aside
 * jobs/                        scripts and logs of the schedulers (sweep-cluster)
 * </pre>
 *
 * <p>A batch file is binary: its runs by run number, each output's values as one raw array, the
 * failed runs with their arguments and causes, and a CRC-32, so a file cut short or changed is
 * found damaged rather than read wrong. Binary rather than NetCDF or CSV because it must hold every
 * output type exactly (int64, null strings, attributes), a reap reads a thousand of them in a second,
 * and a checksum is the only way to tell a damaged file from a good one. Every file is written to a
 * temporary file in its directory, fsynced and renamed, so a worker killed at any moment leaves the
 * old file or the new one.
 */
public final class CropDirectory implements CropStore {
  /** The settings' file name. */
  public static final String SETTINGS = "crop.json";
  /** The submissions' file name. */
  public static final String SUBMISSIONS = "submissions.json";
  /** The reaps' file name: {@link dev.sweep.farm.Crop#clean()} deletes only a crop reaped into a file. */
  public static final String REAPS = "reaps.json";
  /** The directory of the batches' results. */
  public static final String RESULTS = "results";
  /** The directory where schedulers put their scripts and logs. */
  public static final String JOBS = "jobs";
  private static final String LOCK = ".lock";

  private final Path directory;
  private final dev.sweep.store.LockWait wait;

  private CropDirectory(Path directory, dev.sweep.store.LockWait wait) {
    this.directory = directory.toAbsolutePath().normalize();
    this.wait = wait;
  }

  /**
   * {@return the store of the crop in a directory, which need not exist yet} It waits for the crop's
   * lock as long as another process holds it.
   *
   * @param directory the crop's directory
   */
  public static CropDirectory of(Path directory) {
    return of(directory, dev.sweep.store.LockWait.forever());
  }

  /**
   * {@return the store of the crop in a directory, waiting for the crop's lock as {@code wait} allows}
   * Past the wait, an update throws an {@link java.io.UncheckedIOException} whose cause is a
   * {@link dev.sweep.store.LockTimeoutException} naming the process, the lock file and the update.
   *
   * @param directory the crop's directory
   * @param wait how long to wait for the lock while another process holds it
   */
  public static CropDirectory of(Path directory, dev.sweep.store.LockWait wait) {
    return new CropDirectory(Objects.requireNonNull(directory, "directory"), Objects.requireNonNull(wait, "wait"));
  }

  /** The provider that {@link dev.sweep.farm.Crop#open(Path)} finds with {@link java.util.ServiceLoader}. */
  public static final class Provider implements CropStore.Provider {
    /** Made by the service loader. */
    public Provider() {}

    @Override
    public String name() {
      return "directory";
    }

    @Override
    public CropStore open(Path directory) {
      return of(directory);
    }

    @Override
    public CropStore open(Path directory, dev.sweep.store.LockWait wait) {
      return of(directory, wait);
    }
  }

  @Override
  public Path directory() {
    return directory;
  }

  /** {@return the file of a batch's result} */
  public Path resultFile(int batch) {
    return directory.resolve(RESULTS).resolve(String.format("batch-%05d.batch", batch));
  }

  private Path errorFile(int batch) {
    return directory.resolve(RESULTS).resolve(String.format("batch-%05d.error", batch));
  }

  @Override
  public Optional<Map<String, Object>> readSettings() {
    Path file = directory.resolve(SETTINGS);
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file + ": " + e, e);
    }
    Object parsed;
    try {
      parsed = SettingsJson.parse(text);
    } catch (IllegalArgumentException e) {
      throw new StoreFormatException(file, "the crop's settings are not JSON: " + e.getMessage(), e);
    }
    if (!(parsed instanceof Map<?, ?> m)) {
      throw new StoreFormatException(file, "the crop's settings should be a JSON object, not " + parsed, null);
    }
    @SuppressWarnings("unchecked")
    Map<String, Object> settings = (Map<String, Object>) m;
    return Optional.of(settings);
  }

  @Override
  public void createSettings(Map<String, Object> settings) {
    byte[] text = SettingsJson.write(settings).getBytes(StandardCharsets.UTF_8);
    Path file = directory.resolve(SETTINGS);
    locked(() -> {
      if (Files.exists(file)) {
        throw new IllegalStateException(file + " already exists: another process sowed a crop here first");
      }
      AtomicWrite.write(file, text);
      return null;
    });
  }

  @Override
  public void appendSubmission(Map<String, Object> submission) {
    append(SUBMISSIONS, "submissions", submission);
  }

  @Override
  public List<Map<String, Object>> submissions() {
    return readList(SUBMISSIONS, "submissions");
  }

  @Override
  public void appendReap(Map<String, Object> reap) {
    append(REAPS, "reaps", reap);
  }

  @Override
  public List<Map<String, Object>> reaps() {
    return readList(REAPS, "reaps");
  }

  /** Appends an entry to a record file (a JSON list), rewritten atomically under the crop's lock. */
  private void append(String name, String what, Map<String, Object> entry) {
    Path file = directory.resolve(name);
    locked(() -> {
      List<Object> all = new ArrayList<>(readList(name, what));
      all.add(entry);
      AtomicWrite.write(file, SettingsJson.write(all).getBytes(StandardCharsets.UTF_8));
      return null;
    });
  }

  @SuppressWarnings("unchecked")
  private List<Map<String, Object>> readList(String name, String what) {
    Path file = directory.resolve(name);
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      return List.of();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file + ": " + e, e);
    }
    Object parsed;
    try {
      parsed = SettingsJson.parse(text);
    } catch (IllegalArgumentException e) {
      throw new StoreFormatException(file, "the record of " + what + " is not JSON: " + e.getMessage(), e);
    }
    if (!(parsed instanceof List<?> l) || l.stream().anyMatch(x -> !(x instanceof Map<?, ?>))) {
      throw new StoreFormatException(file, "the record of " + what + " should be a JSON list of objects", null);
    }
    return (List<Map<String, Object>>) parsed;
  }

  @Override
  public void writeResult(int batch, List<RunBatch> parts) {
    AtomicWrite.write(resultFile(batch), BatchFile.encode(batch, parts));
  }

  @Override
  public ResultCheck check(int batch) {
    Path file = resultFile(batch);
    Optional<byte[]> bytes = read(file);
    if (bytes.isEmpty()) return ResultCheck.absent();
    try {
      BatchFile.Summary s = BatchFile.check(bytes.get());
      if (s.batch() != batch) {
        return new ResultCheck(ResultState.DAMAGED, 0, 0, "it holds batch " + s.batch() + ", not " + batch);
      }
      return new ResultCheck(ResultState.COMPLETE, s.runs(), s.failed(), "");
    } catch (IllegalArgumentException e) {
      return new ResultCheck(ResultState.DAMAGED, 0, 0, e.getMessage());
    }
  }

  @Override
  public Optional<List<RunBatch>> readResult(int batch) {
    Path file = resultFile(batch);
    Optional<byte[]> bytes = read(file);
    if (bytes.isEmpty()) return Optional.empty();
    try {
      if (BatchFile.check(bytes.get()).batch() != batch) {
        throw new IllegalArgumentException("it holds another batch than " + batch);
      }
      return Optional.of(BatchFile.decode(bytes.get()));
    } catch (IllegalArgumentException e) {
      throw new StoreFormatException(file, "a damaged batch result: " + e.getMessage(), e);
    }
  }

  private static Optional<byte[]> read(Path file) {
    try {
      return Optional.of(Files.readAllBytes(file));
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file + ": " + e, e);
    }
  }

  @Override
  public Optional<Path> moveAside(int batch) {
    Path file = resultFile(batch);
    if (!Files.exists(file)) return Optional.empty();
    String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS"));
    try {
      for (int k = 0; ; k++) {
        Path aside = file.resolveSibling(file.getFileName() + ".damaged-" + stamp + (k == 0 ? "" : "-" + k));
        try {
          Files.createLink(aside, file); // fails if the name is taken: nothing moved aside is overwritten
        } catch (FileAlreadyExistsException taken) {
          continue;
        } catch (UnsupportedOperationException | IOException noLinks) {
          Files.copy(file, aside);
        }
        Files.delete(file);
        return Optional.of(aside);
      }
    } catch (NoSuchFileException gone) {
      return Optional.empty(); // another process moved it first
    } catch (IOException e) {
      throw new UncheckedIOException("cannot move " + file + " aside: " + e, e);
    }
  }

  @Override
  public void writeError(int batch, String text) {
    Path file = errorFile(batch);
    if (text == null) {
      try {
        Files.deleteIfExists(file);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot delete " + file + ": " + e, e);
      }
      return;
    }
    AtomicWrite.write(file, text.getBytes(StandardCharsets.UTF_8));
  }

  @Override
  public Optional<String> readError(int batch) {
    try {
      return Optional.of(Files.readString(errorFile(batch), StandardCharsets.UTF_8));
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + errorFile(batch) + ": " + e, e);
    }
  }

  /**
   * Deletes the settings, the submissions, the reaps, the results and the schedulers' jobs directory, then the
   * crop's directory if nothing else is in it. A directory without crop settings is left alone.
   */
  @Override
  public void delete() {
    if (!Files.exists(directory.resolve(SETTINGS))) return;
    try {
      deleteTree(directory.resolve(RESULTS));
      deleteTree(directory.resolve(JOBS));
      Files.deleteIfExists(directory.resolve(SUBMISSIONS));
      Files.deleteIfExists(directory.resolve(REAPS));
      Files.deleteIfExists(directory.resolve(SETTINGS));
      Files.deleteIfExists(directory.resolve(LOCK));
      try (DirectoryStream<Path> left = Files.newDirectoryStream(directory)) {
        if (!left.iterator().hasNext()) Files.delete(directory);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete the crop " + directory + ": " + e, e);
    }
  }

  private static void deleteTree(Path root) throws IOException {
    if (!Files.exists(root)) return;
    try (Stream<Path> all = Files.walk(root)) {
      for (Path p : (Iterable<Path>) all.sorted(Comparator.reverseOrder())::iterator) Files.delete(p);
    }
  }

  /** Runs the body holding the crop's lock file, so processes take turns at its shared files. */
  private <T> T locked(java.util.function.Supplier<T> body) {
    Path lock = directory.resolve(LOCK);
    try {
      Files.createDirectories(directory);
      try (FileChannel ch = FileChannel.open(lock, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
        FileLock held = wait.lock(ch, lock, "update the crop " + directory);
        try {
          return body.get();
        } finally {
          held.release();
        }
      }
    } catch (dev.sweep.store.LockTimeoutException e) {
      throw new UncheckedIOException(e.getMessage(), e);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot lock " + lock + ": " + e, e);
    }
  }

  @Override
  public String toString() {
    return "CropDirectory[" + directory + "]";
  }
}
