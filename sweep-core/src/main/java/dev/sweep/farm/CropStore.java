package dev.sweep.farm;

import dev.sweep.run.RunBatch;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where a {@link Crop} keeps its files: its settings, the records of its submissions and reaps, and
 * one result per batch. The port through which the core reaches a crop's directory without knowing its format;
 * sweep-io registers the directory format (JSON settings, binary results) as a {@link Provider} in
 * {@code META-INF/services/dev.sweep.farm.CropStore$Provider}.
 *
 * <p>Every write is atomic: a crash at any moment leaves the old complete file or the new one. Reads
 * of a damaged file throw {@link dev.sweep.store.StoreFormatException} naming it; nothing is ever
 * half-written. Implementations are safe for several processes on one shared file system: each batch
 * has its own file, and submissions are recorded under a lock.
 */
public interface CropStore {

  /** {@return the crop's directory: where its files are, and where schedulers put scripts and logs} */
  Path directory();

  /**
   * {@return the settings, as the plain data {@link #createSettings} was given; empty if the
   * directory holds no crop}
   *
   * @throws dev.sweep.store.StoreFormatException if the settings file is damaged
   * @throws java.io.UncheckedIOException if it cannot be read
   */
  Optional<Map<String, Object>> readSettings();

  /**
   * Writes the settings of a new crop, atomically, once.
   *
   * @param settings plain data (maps with string keys, lists, strings, booleans, numbers, null)
   * @throws IllegalStateException naming the file, if the directory already holds settings (another
   *     process may have sown there first)
   * @throws java.io.UncheckedIOException if they cannot be written
   */
  void createSettings(Map<String, Object> settings);

  /**
   * Appends one submission to the crop's record of them, atomically and under a lock, so that
   * several processes can submit.
   *
   * @param submission plain data
   * @throws java.io.UncheckedIOException if the record cannot be written
   */
  void appendSubmission(Map<String, Object> submission);

  /**
   * {@return every submission recorded, oldest first}
   *
   * @throws dev.sweep.store.StoreFormatException if the record is damaged
   */
  List<Map<String, Object>> submissions();

  /**
   * Appends one reap of the crop into a file that keeps its results (a harvester's or a sampler's) to
   * the crop's record of them, atomically and under a lock, so that a {@link Crop#clean()} in any
   * process sees it.
   *
   * @param reap plain data
   * @throws java.io.UncheckedIOException if the record cannot be written
   */
  void appendReap(Map<String, Object> reap);

  /**
   * {@return every reap recorded, oldest first}
   *
   * @throws dev.sweep.store.StoreFormatException if the record is damaged
   */
  List<Map<String, Object>> reaps();

  /**
   * Writes a batch's result, atomically, replacing any result it had.
   *
   * @param batch the batch number
   * @param parts the batch's runs, as one {@link RunBatch} per range of consecutive runs, ascending
   * @throws java.io.UncheckedIOException if it cannot be written; a result written before stays whole
   */
  void writeResult(int batch, List<RunBatch> parts);

  /**
   * {@return what the batch's result file holds, checked whole (for damage) without decoding it}
   *
   * @param batch the batch number
   * @throws java.io.UncheckedIOException if the file exists but cannot be read
   */
  ResultCheck check(int batch);

  /**
   * {@return a batch's result, as {@link #writeResult} was given it; empty if it has none}
   *
   * @param batch the batch number
   * @throws dev.sweep.store.StoreFormatException naming the file, if it is damaged or truncated
   * @throws java.io.UncheckedIOException if it cannot be read
   */
  Optional<List<RunBatch>> readResult(int batch);

  /**
   * Moves a (damaged) result aside, under a new name that keeps it for inspection, so the batch
   * counts as not grown.
   *
   * @param batch the batch number
   * @return where the file went; empty if there was none
   * @throws java.io.UncheckedIOException if it cannot be moved
   */
  Optional<Path> moveAside(int batch);

  /**
   * Records why a worker failed to grow a batch (replacing an earlier record), atomically; or removes
   * the record when {@code text} is null.
   *
   * @param batch the batch number
   * @param text what went wrong, as a worker reports it; null to clear
   */
  void writeError(int batch, String text);

  /** {@return why the last worker failed to grow the batch, if one did since its last success} */
  Optional<String> readError(int batch);

  /**
   * Deletes the crop: every file it wrote, then its directory if nothing else is left in it.
   *
   * @throws java.io.UncheckedIOException if something cannot be deleted
   */
  void delete();

  /**
   * What a batch's result file holds.
   *
   * @param state whether there is a complete file
   * @param runs the number of runs it holds, 0 unless complete
   * @param failedRuns how many of them failed, 0 unless complete
   * @param problem what is wrong with a damaged file; empty otherwise
   */
  record ResultCheck(ResultState state, long runs, long failedRuns, String problem) {
    /** {@return a check of a batch with no result file} */
    public static ResultCheck absent() {
      return new ResultCheck(ResultState.ABSENT, 0, 0, "");
    }
  }

  /** Whether a batch's result file is there and whole. */
  enum ResultState {
    /** No result file. */
    ABSENT,
    /** A complete result file, its checksum right. */
    COMPLETE,
    /** A file that is truncated, of another format, or whose checksum is wrong. */
    DAMAGED
  }

  /** A crop directory format, found with {@link java.util.ServiceLoader}. */
  interface Provider {
    /** {@return the format's name, e.g. {@code "directory"}} */
    String name();

    /**
     * {@return the store of the crop in that directory, which need not exist yet}
     *
     * @param directory the crop's directory
     */
    CropStore open(Path directory);

    /**
     * {@return the store of the crop in that directory, waiting for its lock as {@code wait} allows}
     * A format without a lock of its own ignores {@code wait}, which is what this default does.
     *
     * @param directory the crop's directory
     * @param wait how long to wait for the crop's lock while another process holds it
     */
    default CropStore open(Path directory, dev.sweep.store.LockWait wait) {
      return open(directory);
    }
  }
}
