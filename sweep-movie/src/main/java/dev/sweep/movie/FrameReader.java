package dev.sweep.movie;

import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * Reads raw frames from a decoding ffmpeg process on a thread of its own, a few frames ahead: a frame
 * is larger than a pipe's buffer, so without it ffmpeg would wait while the caller converts each
 * frame, and the caller while ffmpeg decodes the next. Closing ends the process and the thread.
 */
final class FrameReader implements AutoCloseable {
  private static final byte[] END = new byte[0];
  static final int AHEAD = 3;

  private final FfmpegProcess process;
  private final int frameBytes;
  private final BlockingQueue<byte[]> free = new ArrayBlockingQueue<>(AHEAD);
  private final BlockingQueue<byte[]> full = new LinkedBlockingQueue<>();
  private final Thread thread;
  private volatile IOException error;
  private volatile int shortFrame = -1;

  FrameReader(FfmpegProcess process, int frameBytes) {
    this.process = process;
    this.frameBytes = frameBytes;
    for (int i = 0; i < AHEAD; i++) free.add(new byte[frameBytes]);
    thread = new Thread(this::run, "ffmpeg-frames-" + process.pid());
    thread.setDaemon(true);
    thread.start();
  }

  private void run() {
    InputStream in = process.output();
    try {
      while (true) {
        byte[] b = free.take();
        int got = in.readNBytes(b, 0, frameBytes);
        if (got < frameBytes) {
          shortFrame = got;
          break;
        }
        full.add(b);
      }
    } catch (IOException e) {
      error = e;
    } catch (InterruptedException e) {
      // closed
    }
    full.add(END);
  }

  /**
   * {@return the next frame, to be given back with {@link #release}; null at the end of the movie}
   *
   * @throws IOException if reading from ffmpeg failed
   */
  byte[] next() throws IOException {
    byte[] b;
    try {
      b = full.take();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new java.io.InterruptedIOException("interrupted while waiting for a frame");
    }
    if (b == END) {
      full.add(END); // the end stays the end
      if (error != null) throw error;
      return null;
    }
    return b;
  }

  /** Gives a frame's buffer back for the frames ahead. */
  void release(byte[] frame) {
    free.offer(frame);
  }

  /** {@return the bytes of the incomplete last frame, if the movie ended in one} */
  int shortFrame() {
    return shortFrame;
  }

  FfmpegProcess process() {
    return process;
  }

  @Override
  public void close() {
    thread.interrupt();
    process.kill();
    try {
      thread.join(5000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
