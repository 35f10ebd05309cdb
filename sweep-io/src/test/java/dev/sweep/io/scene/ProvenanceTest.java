package dev.sweep.io.scene;

import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProvenanceTest {
  @TempDir Path dir;

  @Test
  void theContextNamesTheJvmItsClassPathAndVersions() {
    Map<String, Object> c = Scene.create(dir).context().orElseThrow();
    assertEquals(System.getProperty("java.version"), c.get("java_version"));
    assertEquals(System.getProperty("sun.java.command", ""), c.get("java_command"));
    assertTrue(c.get("classpath") instanceof List<?> cp && !cp.isEmpty());
    assertTrue(String.valueOf(c.get("sweep_version")).matches("\\d+\\.\\d+\\.\\d+.*"), "the build fills in the version: " + c);
    assertEquals(Path.of(System.getProperty("user.dir")).toAbsolutePath().toString(), c.get("working_directory"));
  }

  @Test
  void theGitCommitIsTheOneGitReports() throws Exception {
    Path here = Path.of(System.getProperty("user.dir"));
    Process p;
    try {
      p = new ProcessBuilder("git", "rev-parse", "HEAD").directory(here.toFile()).redirectErrorStream(true).start();
    } catch (IOException noGit) {
      org.junit.jupiter.api.Assumptions.abort("git is not installed: " + noGit.getMessage());
      return;
    }
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
    assertTrue(p.waitFor(60, TimeUnit.SECONDS));
    org.junit.jupiter.api.Assumptions.assumeTrue(p.exitValue() == 0, "the build does not run in a git checkout: " + out);
    assertEquals(Optional.of(out), Provenance.gitCommit(here));
  }

  @Test
  void gitLayoutsAreReadWithoutGit() throws IOException {
    String sha = "0123456789abcdef0123456789abcdef01234567";
    Path repo = Files.createDirectories(dir.resolve("repo/.git/refs/heads"));
    Files.writeString(dir.resolve("repo/.git/HEAD"), "ref: refs/heads/main\n");
    Files.writeString(repo.resolve("main"), sha + "\n");
    Path inside = Files.createDirectories(dir.resolve("repo/a/b"));
    assertEquals(Optional.of(sha), Provenance.gitCommit(inside));

    Path packed = Files.createDirectories(dir.resolve("packed/.git"));
    Files.writeString(packed.resolve("HEAD"), "ref: refs/heads/dev\n");
    Files.writeString(packed.resolve("packed-refs"), "# pack-refs with: peeled\n" + sha + " refs/heads/dev\n");
    assertEquals(Optional.of(sha), Provenance.gitCommit(dir.resolve("packed")));

    Path wt = Files.createDirectories(dir.resolve("repo/.git/worktrees/wt"));
    Files.writeString(wt.resolve("HEAD"), "ref: refs/heads/main\n");
    Files.writeString(wt.resolve("commondir"), "../..\n");
    Path checkout = Files.createDirectories(dir.resolve("checkout"));
    Files.writeString(checkout.resolve(".git"), "gitdir: " + wt + "\n");
    assertEquals(Optional.of(sha), Provenance.gitCommit(checkout));

    Path detached = Files.createDirectories(dir.resolve("detached/.git"));
    Files.writeString(detached.resolve("HEAD"), sha + "\n");
    assertEquals(Optional.of(sha), Provenance.gitCommit(dir.resolve("detached")));

    Path empty = Files.createDirectories(dir.resolve("empty/.git"));
    Files.writeString(empty.resolve("HEAD"), "ref: refs/heads/main\n");
    assertEquals(Optional.empty(), Provenance.gitCommit(dir.resolve("empty")), "a branch without commits");
  }

  @Test
  void aDamagedContextNamesTheFile() throws IOException {
    Scene s = Scene.create(dir);
    Path file = s.path().resolve("src/context.json");
    Files.writeString(file, "{");
    dev.sweep.store.StoreFormatException e = assertThrows(dev.sweep.store.StoreFormatException.class, s::context);
    assertEquals(file, e.path());
  }
}
