package dev.sweep.farm;

import static dev.sweep.testing.DatasetAssertions.assertIdentical;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sweep.data.Dataset;
import dev.sweep.data.Index;
import dev.sweep.data.MergePolicy;
import dev.sweep.data.Variable;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.factory.Nd4j;

/** The checkpoint journal: its encoding, its entries, and what a recovery makes of a torn or damaged one. */
class JournalTest {
  @TempDir Path dir;

  static Dataset everyType() {
    return Dataset.builder()
        .coord("a", Index.ofInts(1, 2))
        .coord("s", Index.ofStrings("x", "température"))
        .coord("f", Index.ofDoubles(0.5))
        .dim("free", 3)
        .variable("d", List.of("a", "s"), Nd4j.createFromArray(new double[][] {{1.5, Double.NaN}, {-0.0, 4}}))
        .variable(Variable.of("g", List.of("a"), Nd4j.createFromArray(1.5f, 2.5f)).withAttrs(Map.of("units", "m")))
        .variable("l", List.of("a"), Nd4j.createFromArray(1L << 40, -7L))
        .variable("i", List.of("free"), Nd4j.createFromArray(1, 2, 3))
        .variable("b", List.of("a", "f"), Nd4j.createFromArray(new boolean[][] {{true}, {false}}))
        .variable(Variable.ofStrings("t", List.of("a", "s"), new long[] {2, 2}, "one", null, "", "ünïcode")
            .withAttrs(Map.of("seeds", new long[] {1, 2}, "flag", true, "k", (short) 3, "raw", new byte[] {1, 2},
                "names", new String[] {"p", "q"}, "ratio", 0.25f, "n", 7, "big", 9L, "xs", new double[] {1, 2})))
        .variable("scalar", List.of(), Nd4j.scalar(3.25))
        .attr("title", "every type").attr("version", 2).attr("mask", new boolean[] {true, false})
        .build();
  }

  @Test
  void theCodecGivesBackAnIdenticalDataset() throws Exception {
    Dataset ds = everyType();
    assertIdentical(ds, JournalCodec.decode(JournalCodec.encode(ds)));
    Dataset empty = Dataset.builder().build();
    assertIdentical(empty, JournalCodec.decode(JournalCodec.encode(empty)));
  }

  @Test
  void aTruncatedOrAlteredEncodingIsRefused() {
    byte[] b = JournalCodec.encode(everyType());
    var e = assertThrows(JournalCodec.Damaged.class,
        () -> JournalCodec.decode(java.util.Arrays.copyOf(b, b.length / 2)));
    assertTrue(e.getMessage().startsWith("cannot decode the checkpoint: "), e.getMessage());
    byte[] longer = java.util.Arrays.copyOf(b, b.length + 3);
    assertEquals("3 bytes after the dataset", assertThrows(JournalCodec.Damaged.class,
        () -> JournalCodec.decode(longer)).getMessage());
  }

  @Test
  void anAttributeACheckpointCannotHoldIsNamed() {
    Dataset ds = Dataset.builder().dim("x", 1).attr("odd", new java.math.BigDecimal("1.5")).build();
    var e = assertThrows(IllegalArgumentException.class, () -> JournalCodec.encode(ds));
    assertEquals("attribute 'odd' is a java.math.BigDecimal, which a harvest checkpoint cannot hold; use a String, "
        + "Double, Long or Integer", e.getMessage());
  }

  static Dataset part(int a) {
    return Dataset.builder().coord("a", Index.ofInts(a)).coord("b", Index.ofInts(0, 1))
        .variable("y", List.of("a", "b"), Nd4j.createFromArray(new double[][] {{a, a + 0.5}})).build();
  }

  /** A journal with three entries whose owner is gone. */
  Path deadJournal(Path file) {
    Journal j = Journal.create(file, MergePolicy.NEW_WINS);
    for (int a = 0; a < 3; a++) j.write(part(a), 2);
    j.release(); // as if the owner died: the lock is free, the entries stay
    return j.path();
  }

  @Test
  void aDeadOwnersJournalIsRecoveredWithItsPolicyAndDeletedWhenFinished() {
    Path file = dir.resolve("h.nc");
    Path journal = deadJournal(file);
    assertTrue(journal.getFileName().toString().matches("\\.h\\.nc\\.journal-[0-9a-f]{16}"), journal.toString());
    List<Journal.Recovered> found = Journal.recover(file);
    assertEquals(1, found.size());
    Journal.Recovered r = found.get(0);
    assertEquals(MergePolicy.NEW_WINS, r.policy);
    assertEquals(3, r.entries.size());
    assertEquals(6, r.runs);
    assertEquals("", r.warning());
    for (int a = 0; a < 3; a++) assertIdentical(part(a), r.entries.get(a));
    r.finish();
    assertFalse(Files.exists(journal));
    assertFalse(Files.exists(journal.resolveSibling(journal.getFileName() + ".lock")));
    assertEquals(List.of(), Journal.recover(file));
  }

  @Test
  void aLiveJournalIsLeftAlone() throws IOException {
    Path file = dir.resolve("live.nc");
    Journal j = Journal.create(file, MergePolicy.FAIL_ON_CONFLICT);
    j.write(part(0), 2);
    assertEquals(List.of(), Journal.recover(file), "its owner is alive");
    j.write(part(1), 2); // and its lock was not dropped by the look
    j.delete();
    assertEquals(List.of(), Journal.recover(file));
    try (var files = Files.list(dir)) {
      assertEquals(List.of(), files.toList(), "nothing left behind");
    }
  }

  @Test
  void aTornLastEntryIsDroppedSayingHowManyRunsItHeld() throws IOException {
    Path file = dir.resolve("torn.nc");
    Path journal = deadJournal(file);
    try (RandomAccessFile raf = new RandomAccessFile(journal.toFile(), "rw")) {
      raf.setLength(raf.length() - 10); // a kill in the middle of the last write
    }
    Journal.Recovered r = Journal.recover(file).get(0);
    assertEquals(2, r.entries.size());
    assertEquals(4, r.runs);
    assertEquals(journal + ": kept 2 complete checkpoints (4 runs); dropped a partly written checkpoint of 2 runs "
        + "and anything after it (its writer was stopped while saving)", r.warning());
    r.abandon();
  }

  @Test
  void aDamagedEntryIsDetectedByItsChecksum() throws IOException {
    Path file = dir.resolve("bad.nc");
    Path journal = deadJournal(file);
    byte[] all = Files.readAllBytes(journal);
    all[all.length - 30] ^= 0x55; // a flipped byte inside the last payload
    Files.write(journal, all);
    Journal.Recovered r = Journal.recover(file).get(0);
    assertEquals(2, r.entries.size());
    assertTrue(r.warning().contains("dropped a damaged checkpoint of 2 runs"), r.warning());
    r.abandon();
    try (RandomAccessFile raf = new RandomAccessFile(journal.toFile(), "rw")) {
      raf.setLength(raf.length() - (all.length - 40)); // now torn inside the first entry's header
    }
    r = Journal.recover(file).get(0);
    assertEquals(0, r.entries.size());
    assertTrue(r.warning().contains("dropped a partly written checkpoint (its header is torn, so its number of runs "
        + "is unknown)"), r.warning());
    r.abandon();
  }

  @Test
  void aFileThatIsNoJournalIsLeftAsItIs() throws IOException {
    Path file = dir.resolve("x.nc");
    Path stranger = dir.resolve(".x.nc.journal-0123456789abcdef");
    Files.write(stranger, "not a journal at all".getBytes());
    Files.createFile(dir.resolve(".x.nc.journal")); // the marker a journal leaves, so the directory is listed
    assertEquals(List.of(), Journal.recover(file));
    assertArrayEquals("not a journal at all".getBytes(), Files.readAllBytes(stranger));
  }

  @Test
  void theMarkerTellsARecoveryWhetherToListTheDirectory() throws IOException {
    Path file = dir.resolve("m.nc");
    Path marker = dir.resolve(".m.nc.journal");
    assertFalse(Files.exists(marker));
    Journal live = Journal.create(file, MergePolicy.NEW_WINS);
    assertTrue(Files.exists(marker), "the first journal makes the marker");
    assertEquals(List.of(), Journal.recover(file), "a live journal is not recovered");
    assertTrue(Files.exists(marker), "and its marker stays");
    live.delete();
    // Only create() makes journals, and it makes the marker first: a journal file without one is not looked for.
    assertFalse(Files.exists(marker), "deleting the last journal deletes the marker");
    Files.write(dir.resolve(".m.nc.journal-00000000000000ff"), new byte[0]); // an owner killed at once
    assertEquals(List.of(), Journal.recover(file), "no marker: the directory is not listed");
    Files.createFile(marker);
    List<Journal.Recovered> found = Journal.recover(file);
    assertEquals(1, found.size(), "with the marker it is");
    found.get(0).finish();
    assertTrue(Files.exists(marker), "a recovery that found a journal keeps the marker");
    assertEquals(List.of(), Journal.recover(file));
    assertFalse(Files.exists(marker), "a recovery that finds no journal deletes it");
  }
}
