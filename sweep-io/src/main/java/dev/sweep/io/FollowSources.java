package dev.sweep.io;

import dev.sweep.follow.FollowException;
import dev.sweep.follow.FollowSource;
import dev.sweep.io.hdf5.Hdf5FollowSource;
import dev.sweep.io.internal.LiveFile;
import dev.sweep.io.netcdf.NetcdfFollowSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;

/**
 * Opens a file that another process is writing, to follow it with {@link dev.sweep.follow.FrameFollower}:
 * the format is read from the file's first bytes, not its name.
 *
 * <pre>{@code
 * try (FollowSource file = FollowSources.open(Path.of("scan.h5"))) { ... }
 * }</pre>
 */
public final class FollowSources {
  private static final byte[] HDF5_SIGNATURE = {(byte) 0x89, 'H', 'D', 'F', '\r', '\n', 0x1a, '\n'};

  private FollowSources() {}

  /**
   * Opens a file to follow: a NetCDF-3 file ({@link NetcdfFollowSource}: our record files, or any file
   * grown along its unlimited dimension) or an HDF5 file ({@link Hdf5FollowSource}: h5py in SWMR mode,
   * NetCDF-4).
   *
   * @param path the file; it must exist
   * @return the source, refreshed once
   * @throws FollowException if the file is neither NetCDF-3 nor HDF5, naming the bytes it starts with
   * @throws dev.sweep.store.StoreFormatException if it is a NetCDF-3 file without record variables
   * @throws UncheckedIOException if it does not exist or cannot be read
   */
  public static FollowSource open(Path path) {
    LiveFile.of(path); // exists, and is a file
    byte[] head = new byte[8];
    int n;
    boolean hdf5 = false;
    try (FileChannel ch = FileChannel.open(path, StandardOpenOption.READ)) {
      n = readAt(ch, 0, head);
      // HDF5 puts its signature at 0, 512, 1024, 2048, ... (after a user block).
      byte[] sig = new byte[8];
      for (long at = 0; at + 8 <= ch.size() && !hdf5; at = at == 0 ? 512 : at * 2) {
        hdf5 = readAt(ch, at, sig) == 8 && Arrays.equals(sig, HDF5_SIGNATURE);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + path, e);
    }
    if (hdf5) return Hdf5FollowSource.open(path);
    if (n >= 4 && head[0] == 'C' && head[1] == 'D' && head[2] == 'F') {
      if (head[3] == 1 || head[3] == 2) return NetcdfFollowSource.open(path);
      if (head[3] == 5) {
        throw new FollowException("cannot follow " + path + ": a NetCDF-3 64-bit data (CDF-5) file, which netcdf-java 4.5 "
            + "cannot read; a follower reads NetCDF-3 classic or 64-bit offset files, and HDF5");
      }
    }
    if (n == 0) {
      throw new FollowException("cannot follow " + path + ": the file is empty (0 bytes); expected a NetCDF-3 or an "
          + "HDF5 file");
    }
    throw new FollowException("cannot follow " + path + ": it is neither a NetCDF-3 nor an HDF5 file (it starts with "
        + describe(Arrays.copyOf(head, n)) + "; NetCDF-3 starts with 'CDF', HDF5 with '\\x89HDF')");
  }

  private static int readAt(FileChannel ch, long at, byte[] into) throws IOException {
    ByteBuffer b = ByteBuffer.wrap(into);
    long pos = at;
    while (b.hasRemaining()) {
      int k = ch.read(b, pos);
      if (k < 0) break;
      pos += k;
    }
    return b.position();
  }

  private static String describe(byte[] bytes) {
    StringBuilder hex = new StringBuilder();
    for (byte x : bytes) hex.append(hex.length() > 0 ? " " : "").append(String.format("%02x", x & 0xFF));
    String text = new String(bytes, StandardCharsets.ISO_8859_1).replaceAll("[^\\x20-\\x7e]", ".");
    return "bytes " + hex + " (\"" + text + "\")";
  }
}
