package dev.sweep.io.netcdf;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * A direct buffer per writing thread, kept from one file to the next. Allocating a direct buffer
 * costs what zeroing and first touching its pages cost (about a tenth of a millisecond per
 * 512 KB here), which a stream of small files, such as a scene's frames or a harvest's syncs, would
 * pay on every file. Buffers above {@link #KEPT_BYTES} are not kept, so that a thread that once
 * wrote a large file does not hold its slab for the rest of its life.
 */
final class WriteBuffers {
  /** The largest buffer a thread keeps between writes. */
  static final int KEPT_BYTES = 4 << 20;

  private static final ThreadLocal<ByteBuffer> KEPT = new ThreadLocal<>();

  private WriteBuffers() {}

  /**
   * {@return a big-endian direct buffer of at least {@code bytes}, cleared; the thread's kept one
   * when it is large enough} Use it before the next call on this thread, never after.
   *
   * @param bytes the capacity needed
   */
  static ByteBuffer borrow(int bytes) {
    ByteBuffer kept = KEPT.get();
    if (kept != null && kept.capacity() >= bytes) return kept.clear().order(ByteOrder.BIG_ENDIAN);
    ByteBuffer fresh = ByteBuffer.allocateDirect(bytes).order(ByteOrder.BIG_ENDIAN);
    if (bytes <= KEPT_BYTES) KEPT.set(fresh);
    return fresh;
  }
}
