package dev.sweep.io.internal;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * A child JVM for the leftover tests.
 *
 * <ul>
 *   <li>{@code hold TARGET TEXT}: replaces TARGET; in the middle of writing the temporary file it
 *       prints {@code writing <temporary>} and waits for a line on stdin (or is killed), then
 *       finishes the write with TEXT as the contents and prints {@code done}.
 *   <li>{@code trylock FILE}: prints {@code held} if another process holds a lock on FILE, else
 *       {@code free}.
 * </ul>
 */
public final class AtomicWriteChild {
  private AtomicWriteChild() {}

  public static void main(String[] args) throws Exception {
    if (args[0].equals("trylock")) {
      try (FileChannel ch = FileChannel.open(Path.of(args[1]), StandardOpenOption.WRITE);
          FileLock lock = ch.tryLock()) {
        System.out.println(lock == null ? "held" : "free");
      }
      return;
    }
    Path target = Path.of(args[1]);
    String text = args[2];
    BufferedReader stdin = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    AtomicFiles.replace(target, tmp -> {
      Files.writeString(tmp, "half of ");
      System.out.println("writing " + tmp);
      System.out.flush();
      stdin.readLine();
      Files.writeString(tmp, text);
    });
    System.out.println("done");
  }
}
