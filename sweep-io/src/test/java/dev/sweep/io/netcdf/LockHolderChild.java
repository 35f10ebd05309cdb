package dev.sweep.io.netcdf;

import dev.sweep.io.testing.ChildProcess;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** A child JVM that holds the lock on a lock file: prints {@code locked}, lets go when its stdin gets a line. */
public final class LockHolderChild {
  private LockHolderChild() {}

  /**
   * {@return a child JVM that holds the lock on the file, started and waited for until it says so}
   * Send it a line to let go.
   *
   * @param lockFile the lock file
   */
  public static ChildProcess holding(Path lockFile) throws Exception {
    ChildProcess child = ChildProcess.start(LockHolderChild.class, lockFile.toString());
    if (child.await("locked"::equals, 2, java.util.concurrent.TimeUnit.MINUTES) == null) {
      String output = child.output();
      child.close();
      throw new AssertionError("the child did not take the lock on " + lockFile + ": " + output);
    }
    return child;
  }

  public static void main(String[] args) throws Exception {
    try (FileChannel ch = FileChannel.open(Path.of(args[0]), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
         FileLock lock = ch.lock()) {
      System.out.println("locked");
      System.out.flush();
      System.in.read();
    }
  }
}
