package dev.sweep.io.netcdf;

import dev.sweep.data.Dataset;
import dev.sweep.store.RecordStore;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import org.nd4j.linalg.factory.Nd4j;
import ucar.ma2.ArrayDouble;
import ucar.ma2.ArrayInt;
import ucar.nc2.Dimension;
import ucar.nc2.NetcdfFileWriter;
import ucar.nc2.Variable;

/**
 * A writer process that scans point by point into a NetCDF-3 file, one record per point: frame
 * {@code i} of {@code h x w} holds {@code i * 1000 + 0, 1, ...}, its key is {@code i + 1}. Prints
 * {@code ready} when the file exists, {@code point I} once point I's key is flushed, {@code done} at the
 * end (after setting the finished flag).
 *
 * <p>Usage: {@code ScanWriterChild WRITER FILE POINTS H W DELAY_MS [stall-after N] [die-mid-frame N]}.
 * WRITER {@code netcdf-java}: netcdf-java's own writer, in fill mode, with a fixed scalar
 * {@code finished}; each point writes its frame record, flushes (data, then the count), then its key,
 * and flushes again. WRITER {@code records}: {@link NetcdfRecordStore}, one append per point of
 * {@code key}, {@code frame} and {@code finished} (1 on the last record). {@code stall-after N} waits
 * on stdin before point N; {@code die-mid-frame N} leaves point N half written (netcdf-java: the frame
 * flushed but not its key; records: half a record's bytes past the count, as a killed append leaves)
 * and waits on stdin to be killed.
 */
public final class ScanWriterChild {
  private ScanWriterChild() {}

  static double[][] frame(int i, int h, int w) {
    double[][] f = new double[h][w];
    for (int y = 0; y < h; y++) for (int x = 0; x < w; x++) f[y][x] = i * 1000.0 + y * w + x;
    return f;
  }

  /** {@return the sum of frame i} */
  static double sum(int i, int h, int w) {
    double n = (double) h * w;
    return i * 1000.0 * n + n * (n - 1) / 2;
  }

  public static void main(String[] args) throws Exception {
    String writer = args[0];
    Path file = Path.of(args[1]);
    int points = Integer.parseInt(args[2]);
    int h = Integer.parseInt(args[3]);
    int w = Integer.parseInt(args[4]);
    long delay = Long.parseLong(args[5]);
    int stallAfter = -1;
    int dieMidFrame = -1;
    for (int k = 6; k + 1 < args.length; k += 2) {
      if (args[k].equals("stall-after")) stallAfter = Integer.parseInt(args[k + 1]);
      if (args[k].equals("die-mid-frame")) dieMidFrame = Integer.parseInt(args[k + 1]);
    }
    BufferedReader stdin = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    if (writer.equals("netcdf-java")) netcdfJava(file, points, h, w, delay, stallAfter, dieMidFrame, stdin);
    else records(file, points, h, w, delay, stallAfter, dieMidFrame, stdin);
  }

  private static void netcdfJava(Path file, int points, int h, int w, long delay, int stallAfter, int dieMidFrame,
      BufferedReader stdin) throws Exception {
    NetcdfFileWriter nc = NetcdfFileWriter.createNew(NetcdfFileWriter.Version.netcdf3, file.toString());
    nc.setFill(true);
    Dimension point = nc.addUnlimitedDimension("point");
    Dimension yd = nc.addDimension(null, "y", h);
    Dimension xd = nc.addDimension(null, "x", w);
    Variable key = nc.addVariable(null, "key", ucar.ma2.DataType.INT, List.of(point));
    Variable frame = nc.addVariable(null, "frame", ucar.ma2.DataType.DOUBLE, List.of(point, yd, xd));
    Variable finished = nc.addVariable(null, "finished", ucar.ma2.DataType.INT, new ArrayList<Dimension>());
    nc.create();
    nc.write(finished, ArrayInt.factory(new int[] {0}).reshape(new int[0]));
    nc.flush();
    System.out.println("ready");
    for (int i = 0; i < points; i++) {
      if (i == stallAfter) {
        System.out.println("stalled");
        stdin.readLine();
      }
      ArrayDouble.D3 f = new ArrayDouble.D3(1, h, w);
      double[][] values = frame(i, h, w);
      for (int y = 0; y < h; y++) for (int x = 0; x < w; x++) f.set(0, y, x, values[y][x]);
      nc.write(frame, new int[] {i, 0, 0}, f);
      nc.flush();
      if (i == dieMidFrame) {
        System.out.println("mid-frame");
        stdin.readLine();
        System.exit(3);
      }
      ArrayInt.D1 k = new ArrayInt.D1(1);
      k.set(0, i + 1);
      nc.write(key, new int[] {i}, k);
      nc.flush();
      System.out.println("point " + i);
      if (delay > 0) Thread.sleep(delay);
    }
    nc.write(finished, ArrayInt.factory(new int[] {1}).reshape(new int[0]));
    nc.flush();
    nc.close();
    System.out.println("done");
  }

  private static void records(Path file, int points, int h, int w, long delay, int stallAfter, int dieMidFrame,
      BufferedReader stdin) throws IOException {
    try (NetcdfRecordStore store = NetcdfRecordStore.open(file, RecordStore.Mode.TRUNCATE)) {
      for (int i = 0; i < points; i++) {
        if (i == stallAfter) {
          System.out.println("stalled");
          stdin.readLine();
        }
        if (i == dieMidFrame) {
          // What a process killed inside an append leaves: part of the record's bytes after the counted ones.
          try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
            ch.write(ByteBuffer.allocate(8 * h * w / 2));
            ch.force(false);
          }
          System.out.println("mid-frame");
          stdin.readLine();
          System.exit(3);
        }
        store.append(record(i, h, w, i == points - 1));
        if (i == 0) System.out.println("ready");
        System.out.println("point " + i);
        if (delay > 0) {
          try {
            Thread.sleep(delay);
          } catch (InterruptedException e) {
            return;
          }
        }
      }
    }
    System.out.println("done");
  }

  static Dataset record(int i, int h, int w, boolean last) {
    return Dataset.builder()
        .variable("key", List.of("point"), Nd4j.createFromArray(new int[] {i + 1}))
        .variable("frame", List.of("point", "y", "x"), Nd4j.createFromArray(new double[][][] {frame(i, h, w)}))
        .variable("finished", List.of("point"), Nd4j.createFromArray(new int[] {last ? 1 : 0}))
        .build();
  }
}
