package dev.sweep.farm;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * A child JVM that holds the exclusive lock on a lock file: prints {@code locked} once it holds it,
 * releases it when its stdin ends (or a line arrives), prints {@code released} and exits.
 */
public final class LockHolder {
  private LockHolder() {}

  public static void main(String[] args) throws IOException {
    try (FileChannel ch = FileChannel.open(Path.of(args[0]), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
         FileLock lock = ch.lock()) {
      System.out.println("locked");
      System.out.flush();
      System.in.read();
    }
    System.out.println("released");
    System.out.flush();
  }

  /** Starts a holder of the lock file and waits (at most two minutes) until it holds the lock. */
  static Process hold(Path lockFile) throws IOException, InterruptedException {
    String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process p = new ProcessBuilder(javaBin, "-Xmx64m", "-cp", System.getProperty("java.class.path"),
        LockHolder.class.getName(), lockFile.toString()).redirectErrorStream(true).start();
    java.io.BufferedReader out = new java.io.BufferedReader(new java.io.InputStreamReader(p.getInputStream(),
        java.nio.charset.StandardCharsets.UTF_8));
    java.util.concurrent.CompletableFuture<String> first = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
      try {
        return out.readLine();
      } catch (IOException e) {
        return "(" + e + ")";
      }
    });
    String line;
    try {
      line = first.get(2, java.util.concurrent.TimeUnit.MINUTES);
    } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
      p.destroyForcibly();
      throw new IllegalStateException("the lock holder did not report the lock: " + e);
    }
    if (!"locked".equals(line)) {
      p.destroyForcibly();
      throw new IllegalStateException("the lock holder said " + line + " instead of locked");
    }
    return p;
  }

  /** Tells the holder to release the lock and waits for it to exit. */
  static void release(Process p) throws IOException, InterruptedException {
    p.getOutputStream().write('\n');
    p.getOutputStream().close();
    if (!p.waitFor(2, java.util.concurrent.TimeUnit.MINUTES)) {
      p.destroyForcibly();
      throw new IllegalStateException("the lock holder did not exit");
    }
  }
}
