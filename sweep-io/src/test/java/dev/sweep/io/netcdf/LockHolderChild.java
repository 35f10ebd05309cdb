package dev.sweep.io.netcdf;

import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** A child JVM that holds the lock on a lock file: prints {@code locked}, lets go when its stdin gets a line. */
public final class LockHolderChild {
  private LockHolderChild() {}

  public static void main(String[] args) throws Exception {
    try (FileChannel ch = FileChannel.open(Path.of(args[0]), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
         FileLock lock = ch.lock()) {
      System.out.println("locked");
      System.out.flush();
      System.in.read();
    }
  }
}
