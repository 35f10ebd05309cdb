package dev.sweep.farm;

import dev.sweep.data.Dataset;
import dev.sweep.data.MergePolicy;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.zip.CRC32;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The checkpoints of one harvest call, kept beside the harvested file until the call compacts them
 * into it: an append-only file {@code .<name>.journal-<16 hex digits>} whose entries are the
 * datasets of the batches saved so far, each written once, so that a checkpoint costs what its
 * batch costs whatever the size of the file.
 *
 * <p><b>Ownership.</b> Each harvest call of each process writes a journal of its own, and holds an
 * exclusive lock on {@code .<name>.journal-<same digits>.lock} for as long as it lives. A journal
 * whose lock can be taken belongs to a process that died (or a call that could not compact); whoever
 * next holds the file's lock ({@link SyncedFile#locked}) {@link #recover recovers} it: merges its
 * complete entries into the file and deletes it. The lock sits on a file of its own, opened only by
 * the owner, because closing any descriptor of a file drops every POSIX lock the process holds on it;
 * for the same reason a JVM never probes the lock files of its own live journals.
 *
 * <p><b>Finding them costs a stat, not a listing.</b> Before its first journal a harvest creates the
 * marker {@code .<name>.journal} beside the file; a recovery that finds no marker knows there is no
 * journal without listing the directory, which for a directory of many files would cost more than a
 * small harvest. A recovery that lists the directory and finds no journal deletes the marker. Both
 * happen under the file's lock, like the creation of every journal, so a journal never exists
 * without its marker.
 *
 * <p><b>Entries.</b> An entry is a header (a tag, the number of runs, the payload's length, and a
 * CRC-32 of those) and the payload ({@link JournalCodec}) with its own CRC-32. A kill in the middle
 * of a write leaves a torn last entry, which recovery detects and drops with a warning that says how
 * many runs it held; the complete entries before it are kept. A failed write (a full disk) cuts the
 * journal back to its complete entries.
 *
 * <p><b>Durability.</b> An entry is in the operating system's hands when {@link #write} returns, so a
 * JVM that is killed or crashes keeps it. It is flushed to the disk ({@code fsync}) when at least
 * {@link #SYNC_INTERVAL} has passed since the journal's last flush, so a power failure or kernel crash
 * loses at most the checkpoints of that last interval, while trivial runs saved in small batches do
 * not pay a disk flush per batch. (SQLite's write-ahead log with {@code synchronous=NORMAL} makes the
 * same trade.) The compaction at the end of each call is flushed like every write of the file.
 */
final class Journal {
  private static final Logger LOG = LoggerFactory.getLogger(Journal.class);

  /** The longest a saved checkpoint waits for its flush to the disk. */
  static final Duration SYNC_INTERVAL = Duration.ofSeconds(1);

  private static final byte[] MAGIC = "SWEEPJNL".getBytes(StandardCharsets.US_ASCII);
  private static final int VERSION = 1;
  private static final int ENTRY_TAG = 0x53574a45; // "SWJE"
  private static final int ENTRY_HEADER = 4 + 8 + 4 + 4;

  /** Lock files of this JVM's live journals, which a recovery here must never open. */
  private static final Set<Path> LIVE = ConcurrentHashMap.newKeySet();

  private final Path journal;
  private final Path lockFile;
  private final FileChannel lockChannel;
  private final RandomAccessFile out;
  private final long headerLength;
  private long length;
  private long lastSync;
  private boolean directorySynced;
  private long entries;

  private Journal(Path journal, Path lockFile, FileChannel lockChannel, RandomAccessFile out, long headerLength) {
    this.journal = journal;
    this.lockFile = lockFile;
    this.lockChannel = lockChannel;
    this.out = out;
    this.headerLength = headerLength;
    this.length = headerLength;
    this.lastSync = System.nanoTime();
  }

  /** {@return the journal files' common start for a harvested file: {@code .<name>.journal-}} */
  static String prefix(Path file) {
    return "." + file.getFileName() + ".journal-";
  }

  /** {@return the file that exists while the harvested file may have journals: {@code .<name>.journal}} */
  private static Path marker(Path dir, Path file) {
    return dir.resolve("." + file.getFileName() + ".journal");
  }

  /**
   * Creates this call's journal beside the file; call while holding the file's lock, so that no
   * recovery can take the new journal for a dead one before its lock is held.
   *
   * @param file the harvested file, as {@link SyncedFile#file()} names it
   * @param policy the policy its entries merge with, recorded for a recovery
   * @throws UncheckedIOException if the journal cannot be created
   */
  static Journal create(Path file, MergePolicy policy) {
    Path dir = realDirectory(file);
    for (int attempt = 0; ; attempt++) {
      String token = String.format("%016x", ThreadLocalRandom.current().nextLong());
      Path journal = dir.resolve(prefix(file) + token);
      Path lockFile = dir.resolve(prefix(file) + token + ".lock");
      FileChannel ch = null;
      RandomAccessFile raf = null;
      LIVE.add(lockFile);
      try {
        try {
          Files.createFile(marker(dir, file)); // before the journal, so a recovery looks for it
        } catch (FileAlreadyExistsException e) {
          // another journal, live or dead, made it
        }
        ch = FileChannel.open(lockFile, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        ch.lock();
        Files.createFile(journal);
        raf = new RandomAccessFile(journal.toFile(), "rw");
        byte[] policyName = policy.name().getBytes(StandardCharsets.US_ASCII);
        ByteBuffer h = ByteBuffer.allocate(MAGIC.length + 4 + 4 + policyName.length);
        h.put(MAGIC).putInt(VERSION).putInt(policyName.length).put(policyName);
        raf.write(h.array());
        return new Journal(journal, lockFile, ch, raf, h.capacity());
      } catch (FileAlreadyExistsException taken) {
        closeQuietly(ch, raf);
        LIVE.remove(lockFile);
        if (attempt >= 10) throw new UncheckedIOException("cannot create a journal beside " + file, taken);
      } catch (IOException e) {
        closeQuietly(ch, raf);
        deleteQuietly(journal);
        deleteQuietly(lockFile);
        LIVE.remove(lockFile);
        throw new UncheckedIOException("cannot create the checkpoint journal " + journal + ": " + describe(e, dir), e);
      }
    }
  }

  /** {@return the journal's path} */
  Path path() {
    return journal;
  }

  /** {@return the number of entries written since the journal was created or last cleared} */
  long entries() {
    return entries;
  }

  /**
   * Appends one checkpoint: the dataset of a batch of runs.
   *
   * @param part the batch's dataset
   * @param runs how many runs it holds (for the warning if it is ever lost)
   * @throws UncheckedIOException naming the journal and the cause ("no space left" on a full disk),
   *     after cutting the journal back to its complete entries
   * @throws IllegalArgumentException if the dataset holds an attribute a checkpoint cannot hold
   */
  void write(Dataset part, long runs) {
    byte[] payload = JournalCodec.encode(part);
    ByteBuffer entry = ByteBuffer.allocate(ENTRY_HEADER + payload.length + 4);
    entry.putInt(ENTRY_TAG).putLong(runs).putInt(payload.length);
    entry.putInt(crc(entry.array(), 0, ENTRY_HEADER - 4));
    entry.put(payload);
    entry.putInt(crc(payload, 0, payload.length));
    try {
      out.seek(length);
      out.write(entry.array());
      length += entry.capacity();
      entries++;
      long now = System.nanoTime();
      if (now - lastSync >= SYNC_INTERVAL.toNanos()) flush(now);
    } catch (IOException e) {
      try {
        out.setLength(length); // the complete entries stay, the torn one goes
      } catch (IOException cut) {
        e.addSuppressed(cut);
      }
      throw new UncheckedIOException("cannot save a checkpoint of " + runs + " runs to " + journal + ": "
          + describe(e, journal.getParent()) + "; the earlier checkpoints are kept", e);
    }
  }

  private void flush(long now) throws IOException {
    out.getFD().sync();
    if (!directorySynced) {
      syncDirectory(journal.getParent());
      directorySynced = true;
    }
    lastSync = now;
  }

  /** Drops every entry, once they are all in the file. */
  void clear() {
    try {
      out.setLength(headerLength);
      length = headerLength;
      entries = 0;
    } catch (IOException e) {
      LOG.warn("cannot clear the journal {}: {}; its checkpoints, already in the file, will be merged again", journal,
          e.toString());
    }
  }

  /**
   * Deletes the journal, once its entries are in the file; the lock goes last, then the marker if no
   * other journal is left. Call while holding the file's lock.
   */
  void delete() {
    closeQuietly(null, out);
    deleteQuietly(journal);
    deleteQuietly(lockFile);
    closeQuietly(lockChannel, null);
    LIVE.remove(lockFile);
    Path dir = journal.getParent();
    String name = journal.getFileName().toString();
    String prefix = name.substring(0, name.length() - 16); // .<name>.journal-
    try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir, p -> p.getFileName().toString().startsWith(prefix))) {
      if (!ds.iterator().hasNext()) deleteQuietly(dir.resolve(prefix.substring(0, prefix.length() - 1)));
    } catch (IOException e) {
      LOG.debug("cannot look for other journals in {}: {}", dir, e.toString());
    }
  }

  /**
   * Keeps the journal but gives it up, for when its entries could not be compacted into the file: the
   * next sync by any harvester recovers them.
   */
  void release() {
    try {
      out.getFD().sync();
    } catch (IOException e) {
      LOG.debug("flushing {}: {}", journal, e.toString());
    }
    closeQuietly(lockChannel, out);
    LIVE.remove(lockFile);
    LOG.warn("kept the checkpoints of {} in {} for the next sync to merge", journal.getFileName(), journal);
  }

  // ---- recovery

  /** The complete entries of a dead owner's journal, held locked until {@link #finish} or {@link #abandon}. */
  static final class Recovered {
    final Path journal;
    final MergePolicy policy;
    final List<Dataset> entries;
    final long runs;
    /** What was dropped as damaged or torn, in words; null if nothing was. */
    final String lost;
    private final Path lockFile;
    private final FileChannel lockChannel;

    Recovered(Path journal, Path lockFile, FileChannel lockChannel, MergePolicy policy, List<Dataset> entries,
        long runs, String lost) {
      this.journal = journal;
      this.lockFile = lockFile;
      this.lockChannel = lockChannel;
      this.policy = policy;
      this.entries = entries;
      this.runs = runs;
      this.lost = lost;
    }

    /** {@return the warning a damaged journal gives; empty if nothing was dropped} */
    String warning() {
      if (lost == null) return "";
      return journal + ": kept " + entries.size() + " complete checkpoint" + (entries.size() == 1 ? "" : "s") + " ("
          + runs + " runs); dropped " + lost + " and anything after it (its writer was stopped while saving)";
    }

    /** Deletes the journal, its entries now being in the file. */
    void finish() {
      deleteQuietly(journal);
      deleteQuietly(lockFile);
      closeQuietly(lockChannel, null);
    }

    /** Leaves the journal for a later recovery. */
    void abandon() {
      closeQuietly(lockChannel, null);
    }
  }

  /**
   * The journals beside the file whose owners are gone, read; call while holding the file's lock.
   * Without the marker it is one stat; with it, a listing of the directory (the marker goes if no
   * journal is left).
   * Journals of live owners (locked by another process, or live in this JVM) are left alone. A
   * damaged journal gives what its complete entries hold, with a warning for what is lost.
   *
   * @param file the harvested file
   * @return the recovered journals, each still locked; empty if there are none
   */
  static List<Recovered> recover(Path file) {
    Path dir = realDirectory(file);
    Path marker = marker(dir, file);
    if (!Files.exists(marker)) return List.of();
    List<Path> journals = new ArrayList<>();
    try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir, p -> {
      String n = p.getFileName().toString();
      return n.startsWith(prefix(file)) && !n.endsWith(".lock");
    })) {
      for (Path p : ds) journals.add(p);
    } catch (NoSuchFileException e) {
      return List.of();
    } catch (IOException e) {
      LOG.warn("cannot look for checkpoint journals of {}: {}", file, e.toString());
      return List.of();
    }
    if (journals.isEmpty()) {
      deleteQuietly(marker); // the last journal is gone; the next one makes it again
      return List.of();
    }
    List<Recovered> out = new ArrayList<>();
    for (Path j : journals) {
      Path lockFile = j.resolveSibling(j.getFileName() + ".lock");
      if (LIVE.contains(lockFile)) continue;
      FileChannel ch = null;
      try {
        try {
          ch = FileChannel.open(lockFile, StandardOpenOption.READ);
          FileLock lock;
          try {
            lock = ch.tryLock(0, Long.MAX_VALUE, true);
          } catch (OverlappingFileLockException e) {
            lock = null; // held in this JVM
          }
          if (lock == null) {
            ch.close();
            continue; // its owner is alive
          }
        } catch (NoSuchFileException e) {
          ch = null; // the owner made the lock file first and deletes it last: this journal is a leftover
        }
        Recovered r = read(j, lockFile, ch);
        if (r != null) out.add(r);
        else closeQuietly(ch, null);
      } catch (IOException | RuntimeException e) {
        LOG.warn("cannot recover the checkpoint journal {}: {}", j, e.toString());
        closeQuietly(ch, null);
      }
    }
    return out;
  }

  /** Reads a dead owner's journal; null if it cannot be read at all (it is then left). */
  private static Recovered read(Path j, Path lockFile, FileChannel lockChannel) throws IOException {
    byte[] all = Files.readAllBytes(j);
    ByteBuffer in = ByteBuffer.wrap(all);
    MergePolicy policy;
    if (all.length < MAGIC.length + 8) {
      // The owner died before writing the header: nothing was saved in it.
      return new Recovered(j, lockFile, lockChannel, MergePolicy.FAIL_ON_CONFLICT, List.of(), 0, null);
    }
    byte[] magic = new byte[MAGIC.length];
    in.get(magic);
    int version = in.getInt();
    int policyLength = in.getInt();
    if (!Arrays.equals(magic, MAGIC) || version != VERSION || policyLength < 0 || policyLength > 64
        || policyLength > in.remaining()) {
      LOG.warn("{} is not a checkpoint journal this version of sweep reads; left as it is", j);
      return null;
    }
    byte[] name = new byte[policyLength];
    in.get(name);
    try {
      policy = MergePolicy.valueOf(new String(name, StandardCharsets.US_ASCII));
    } catch (IllegalArgumentException e) {
      LOG.warn("{} names an unknown merge policy; left as it is", j);
      return null;
    }
    List<Dataset> entries = new ArrayList<>();
    long kept = 0;
    String lost = null;
    while (in.hasRemaining()) {
      int at = in.position();
      if (in.remaining() < ENTRY_HEADER) {
        lost = "a partly written checkpoint (its header is torn, so its number of runs is unknown)";
        break;
      }
      int tag = in.getInt();
      long runs = in.getLong();
      int size = in.getInt();
      int headerCrc = in.getInt();
      if (tag != ENTRY_TAG || headerCrc != crc(all, at, ENTRY_HEADER - 4) || size < 0) {
        lost = "a damaged checkpoint (its header is corrupt, so its number of runs is unknown)";
        break;
      }
      if (in.remaining() < (long) size + 4) {
        lost = "a partly written checkpoint of " + runs + " runs";
        break;
      }
      int payloadAt = in.position();
      in.position(payloadAt + size);
      int payloadCrc = in.getInt();
      if (payloadCrc != crc(all, payloadAt, size)) {
        lost = "a damaged checkpoint of " + runs + " runs";
        break;
      }
      try {
        entries.add(JournalCodec.decode(Arrays.copyOfRange(all, payloadAt, payloadAt + size)));
        kept += runs;
      } catch (JournalCodec.Damaged e) {
        lost = "an unreadable checkpoint of " + runs + " runs (" + e.getMessage() + ")";
        break;
      }
    }
    Recovered r = new Recovered(j, lockFile, lockChannel, policy, entries, kept, lost);
    if (lost != null) {
      LOG.warn(r.warning());
    } else if (!entries.isEmpty()) {
      LOG.info("{}: recovered {} checkpoint{} ({} runs) of a harvest that did not finish", j, entries.size(),
          entries.size() == 1 ? "" : "s", kept);
    }
    return r;
  }

  // ---- helpers

  private static int crc(byte[] b, int from, int length) {
    CRC32 c = new CRC32();
    c.update(b, from, length);
    return (int) c.getValue();
  }

  /** The file's directory as a real path, so that every route to one file names the same journals. */
  private static Path realDirectory(Path file) {
    Path dir = file.toAbsolutePath().normalize().getParent();
    try {
      return dir.toRealPath();
    } catch (IOException e) {
      return dir;
    }
  }

  static void syncDirectory(Path dir) {
    try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
      ch.force(true);
    } catch (IOException | UnsupportedOperationException e) {
      LOG.debug("cannot fsync directory {}: {}", dir, e.toString());
    }
  }

  private static String describe(IOException e, Path dir) {
    String text = String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT);
    if (text.contains("no space left")) return "no space left on " + dir + " (" + e + ")";
    if (text.contains("disk quota exceeded")) return "disk quota exceeded on " + dir + " (" + e + ")";
    return e.toString();
  }

  private static void closeQuietly(FileChannel ch, RandomAccessFile raf) {
    try {
      if (raf != null) raf.close();
    } catch (IOException e) {
      LOG.debug("closing a journal: {}", e.toString());
    }
    try {
      if (ch != null) ch.close();
    } catch (IOException e) {
      LOG.debug("closing a journal's lock: {}", e.toString());
    }
  }

  private static void deleteQuietly(Path p) {
    try {
      Files.deleteIfExists(p);
    } catch (IOException e) {
      LOG.warn("cannot delete {}: {}", p, e.toString());
    }
  }
}
