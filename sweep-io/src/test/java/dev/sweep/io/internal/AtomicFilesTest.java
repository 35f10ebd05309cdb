package dev.sweep.io.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sweep.io.testing.ChildProcess;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The atomic replace that every format shares, on plain files (as a CSV sidecar or a crop's settings
 * use it), and the clean-up of what killed writers leave behind.
 */
class AtomicFilesTest {
  @TempDir Path dir;

  private List<String> names() throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  @Test
  void replaceWritesTheNewContentsAndLeavesNothingElse() throws Exception {
    Path target = dir.resolve("settings.json");
    AtomicFiles.replace(target, tmp -> Files.writeString(tmp, "{\"a\": 1}"));
    AtomicFiles.replace(target, tmp -> Files.writeString(tmp, "{\"a\": 2}"));
    assertEquals("{\"a\": 2}", Files.readString(target));
    assertEquals(List.of("settings.json"), names());
  }

  @Test
  void theWriterGetsAnEmptyTemporaryFileNextToTheTarget() throws Exception {
    Path target = dir.resolve("t.csv.dtypes.json");
    List<Path> seen = new ArrayList<>();
    AtomicFiles.replace(target, tmp -> {
      seen.add(tmp);
      assertEquals(0, Files.size(tmp));
      assertTrue(Files.exists(dir.resolve(tmp.getFileName().toString().replace(".tmp", ".lock"))),
          "the lock file exists while the temporary does");
      Files.writeString(tmp, "x");
    });
    assertEquals(dir, seen.get(0).getParent());
    assertTrue(seen.get(0).getFileName().toString().matches("\\.t\\.csv\\.dtypes\\.json\\.[0-9a-f]{16}\\.tmp"),
        seen.get(0).toString());
  }

  @Test
  void aFailingWriterLeavesTheOldFileAndNoTemporary() throws Exception {
    Path target = dir.resolve("a.json");
    Files.writeString(target, "old");
    UncheckedIOException e = assertThrows(UncheckedIOException.class, () -> AtomicFiles.replace(target, tmp -> {
      Files.writeString(tmp, "half");
      throw new IOException("boom");
    }));
    assertEquals("cannot write " + target + ": java.io.IOException: boom", e.getMessage());
    assertEquals("old", Files.readString(target));
    assertEquals(List.of("a.json"), names());
  }

  @Test
  void anUncheckedFailureOfTheWriterPassesThroughAfterTheCleanUp() throws Exception {
    Path target = dir.resolve("a.json");
    IllegalStateException thrown = new IllegalStateException("bad value");
    assertSame(thrown, assertThrows(IllegalStateException.class, () -> AtomicFiles.replace(target, tmp -> {
      throw thrown;
    })));
    assertEquals(List.of(), names());
  }

  @Test
  void aMissingDirectoryIsNamed() {
    Path target = dir.resolve("no/such/a.json");
    UncheckedIOException e = assertThrows(UncheckedIOException.class,
        () -> AtomicFiles.replace(target, tmp -> Files.writeString(tmp, "x")));
    assertEquals("cannot write " + target + ": its directory " + target.getParent() + " does not exist", e.getMessage());
  }

  @Test
  void temporariesOfKilledWritersAreDeletedAtTheNextReplace() throws Exception {
    Path target = dir.resolve("r.nc");
    Files.writeString(target, "first");
    List<ChildProcess> children = new ArrayList<>();
    List<Path> leftovers = new ArrayList<>();
    try {
      // Three writers at once: each one's clean-up at its start leaves the others' live temporaries.
      for (int k = 0; k < 3; k++) {
        children.add(ChildProcess.start(AtomicWriteChild.class, "hold", target.toString(), "never"));
      }
      for (ChildProcess child : children) leftovers.add(Path.of(child.expect("writing ").substring("writing ".length())));
      for (ChildProcess child : children) child.kill();
    } finally {
      for (ChildProcess child : children) child.close();
    }
    for (Path tmp : leftovers) assertTrue(Files.exists(tmp), "the killed writer left " + tmp);
    assertEquals(7, names().size(), "three temporaries and their lock files, beside the target: " + names());
    AtomicFiles.replace(target, tmp -> Files.writeString(tmp, "second"));
    assertEquals(List.of("r.nc"), names(), "every leftover of " + leftovers + " is gone");
    assertEquals("second", Files.readString(target));
  }

  @Test
  void theNextWriterInAnotherProcessDeletesAKilledWritersTemporary() throws Exception {
    Path target = dir.resolve("r.nc");
    Path first;
    try (ChildProcess killed = ChildProcess.start(AtomicWriteChild.class, "hold", target.toString(), "never")) {
      first = Path.of(killed.expect("writing ").substring("writing ".length()));
      killed.kill();
    }
    try (ChildProcess next = ChildProcess.start(AtomicWriteChild.class, "hold", target.toString(), "next")) {
      Path second = Path.of(next.expect("writing ").substring("writing ".length()));
      assertFalse(Files.exists(first), "the second writer deleted the first one's temporary");
      assertEquals(List.of(second.getFileName().toString().replace(".tmp", ".lock"), second.getFileName().toString()),
          names());
      next.send("go on");
      next.expect("done");
      assertEquals(0, next.exitCode());
    }
    assertEquals(List.of("r.nc"), names());
    assertEquals("next", Files.readString(target));
  }

  @Test
  void aLiveWriterInAnotherProcessKeepsItsTemporaryAndFinishes() throws Exception {
    Path target = dir.resolve("r.nc");
    try (ChildProcess child = ChildProcess.start(AtomicWriteChild.class, "hold", target.toString(), "from the child")) {
      Path tmp = Path.of(child.expect("writing ").substring("writing ".length()));
      Path lock = dir.resolve(tmp.getFileName().toString().replace(".tmp", ".lock"));
      AtomicFiles.replace(target, t -> Files.writeString(t, "from the parent"));
      assertEquals("from the parent", Files.readString(target));
      assertTrue(Files.exists(tmp), "the live writer's temporary survives");
      assertTrue(Files.exists(lock), "and so does its lock file");
      child.send("go on");
      child.expect("done");
      assertEquals(0, child.exitCode());
    }
    assertEquals("from the child", Files.readString(target), "the live writer's rename landed");
    assertEquals(List.of("r.nc"), names());
  }

  /**
   * Closing any channel on a file drops every POSIX lock the process holds on it: a cleaner in the
   * writer's own JVM must not open that JVM's lock files, or another process could then take the lock
   * and delete a temporary file in the middle of its write.
   */
  @Test
  void aReplaceInTheSameJvmDoesNotDropAnotherThreadsLock() throws Exception {
    Path target = dir.resolve("r.nc");
    CountDownLatch writing = new CountDownLatch(1);
    CountDownLatch goOn = new CountDownLatch(1);
    AtomicReference<Path> tmpSeen = new AtomicReference<>();
    AtomicReference<Throwable> failed = new AtomicReference<>();
    Thread slow = new Thread(() -> {
      try {
        AtomicFiles.replace(target, tmp -> {
          tmpSeen.set(tmp);
          writing.countDown();
          try {
            if (!goOn.await(ChildProcess.TIMEOUT_SECONDS, TimeUnit.SECONDS)) throw new IOException("never told to go on");
          } catch (InterruptedException e) {
            throw new IOException(e);
          }
          Files.writeString(tmp, "slow");
        });
      } catch (Throwable t) {
        failed.set(t);
      }
    }, "slow-writer");
    slow.start();
    try {
      assertTrue(writing.await(ChildProcess.TIMEOUT_SECONDS, TimeUnit.SECONDS));
      AtomicFiles.replace(target, tmp -> Files.writeString(tmp, "fast")); // cleans, and must skip the slow one
      Path lock = dir.resolve(tmpSeen.get().getFileName().toString().replace(".tmp", ".lock"));
      try (ChildProcess probe = ChildProcess.start(AtomicWriteChild.class, "trylock", lock.toString())) {
        assertEquals("held", probe.expect(""), "another process sees the slow writer's lock as held");
      }
      assertTrue(Files.exists(tmpSeen.get()));
    } finally {
      goOn.countDown();
      slow.join(TimeUnit.SECONDS.toMillis(ChildProcess.TIMEOUT_SECONDS));
    }
    assertEquals(null, failed.get());
    assertEquals("slow", Files.readString(target));
    assertEquals(List.of("r.nc"), names());
  }

  @Test
  void unlockedTemporariesOfEarlierVersionsAreDeletedOnlyWhenOld() throws Exception {
    Path target = dir.resolve("r.nc");
    Path old = Files.writeString(dir.resolve(".r.nc.3fa9c01d.tmp"), "from sweep 0.1, killed");
    Files.setLastModifiedTime(old, FileTime.from(Instant.now().minus(Duration.ofHours(1))));
    Path young = Files.writeString(dir.resolve(".r.nc.77aa.tmp"), "maybe still being written by sweep 0.1");
    Path otherFile = Files.writeString(dir.resolve(".s.nc.0123456789abcdef.tmp"), "not ours");
    Files.setLastModifiedTime(otherFile, FileTime.from(Instant.now().minus(Duration.ofHours(1))));
    Path notOurPattern = Files.writeString(dir.resolve(".r.nc.backup.tmp"), "a user's file");
    Files.setLastModifiedTime(notOurPattern, FileTime.from(Instant.now().minus(Duration.ofHours(1))));
    AtomicFiles.replace(target, tmp -> Files.writeString(tmp, "new"));
    assertFalse(Files.exists(old));
    assertTrue(Files.exists(young));
    assertTrue(Files.exists(otherFile));
    assertTrue(Files.exists(notOurPattern));
  }

  @Test
  void aLockFileWithoutItsTemporaryIsDeletedToo() throws Exception {
    Path target = dir.resolve("r.nc");
    Files.writeString(dir.resolve(".r.nc.00000000000000aa.lock"), "");
    AtomicFiles.replace(target, tmp -> Files.writeString(tmp, "new"));
    assertEquals(List.of("r.nc"), names());
  }

  @Test
  void leftoversOfOtherFilesInTheDirectoryGoToo() throws Exception {
    Files.writeString(dir.resolve("s.nc"), "s");
    Files.writeString(dir.resolve(".s.nc.00000000000000bb.tmp"), "killed while writing s.nc");
    Files.writeString(dir.resolve(".s.nc.00000000000000bb.lock"), "");
    Files.createLink(dir.resolve(".s.nc.3c.old"), dir.resolve("s.nc")); // a replaced s.nc whose deleter died
    Files.writeString(dir.resolve(".gone.nc.3c.old"), "no gone.nc beside it: not taken for a link");
    Files.writeString(dir.resolve(".t.nc.77aa.tmp"), "a short token without a lock file: not ours to judge");
    AtomicFiles.replace(dir.resolve("r.nc"), tmp -> Files.writeString(tmp, "new"));
    assertEquals(List.of(".gone.nc.3c.old", ".t.nc.77aa.tmp", "r.nc", "s.nc"), names());
  }

  @Test
  void aDirectoryIsListedAgainOnlyWhenSomethingElseChangedIt() throws Exception {
    Path target = dir.resolve("r.nc");
    AtomicFiles.replace(target, tmp -> Files.writeString(tmp, "first"));
    FileTime left = Files.getLastModifiedTime(dir);
    Path tmp = Files.writeString(dir.resolve(".r.nc.00000000000000cc.tmp"), "killed while writing r.nc");
    Path lock = Files.writeString(dir.resolve(".r.nc.00000000000000cc.lock"), "");
    // As if the leftover had been made within the same clock tick as the first replace: unseen.
    Files.setLastModifiedTime(dir, left);
    AtomicFiles.replace(target, t -> Files.writeString(t, "second"));
    assertTrue(Files.exists(tmp) && Files.exists(lock), "a directory unchanged since the last replace is not listed");
    Files.setLastModifiedTime(dir, FileTime.from(left.toInstant().minusSeconds(5))); // another process's change
    AtomicFiles.replace(target, t -> Files.writeString(t, "third"));
    assertEquals(List.of("r.nc"), names(), "a changed directory is listed and the leftover deleted");
    assertEquals("third", Files.readString(target));
  }

  @Test
  void syncDirectoryOfAMissingDirectoryIsNoError() {
    AtomicFiles.syncDirectory(dir.resolve("missing"));
  }

  @Test
  void awaitReleasedReturnsWhenNothingIsPending() throws Exception {
    assertTrue(AtomicFiles.awaitReleased(Duration.ofMinutes(1)));
  }
}
