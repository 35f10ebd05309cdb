package dev.sweep.io.netcdf;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import ucar.ma2.Array;
import ucar.ma2.DataType;

/**
 * The record section of a NetCDF-3 file, written past netcdf-java: the values of the variables over
 * the unlimited dimension, one record after another, each record holding every record variable's
 * slice in header order (each padded to 4 bytes when there are several), then the record count in
 * the header. netcdf-java writes records one call per record and per variable (about 8 s for 10^6
 * small records); here a run of records goes out in one positioned write per 8 MiB.
 *
 * <p>The order of the writes is what makes an append safe: the records go first, beyond the end the
 * header's record count describes, and are flushed to the disk; only then is the count (4 bytes in
 * the header) rewritten and flushed. A reader, or a crash at any moment, sees the old count and the
 * old records (with bytes past their end that every NetCDF reader ignores, and that the next append
 * overwrites or cuts), or the new count with every new record in place.
 */
final class Nc3Records {
  private Nc3Records() {}

  /** Where the records of a file go: its layout, the record variables in header order, and the record size. */
  record Section(FormatProbe.Nc3Layout layout, List<FormatProbe.Nc3Var> vars, long start, long recordBytes) {
    /** {@return the file length that the header's record count describes} */
    long end(long numrecs) {
      long nonRecordEnd = layout.headerBytes();
      for (FormatProbe.Nc3Var v : layout.vars()) {
        if (!v.record()) nonRecordEnd = Math.max(nonRecordEnd, v.begin() + v.bytes());
      }
      return Math.max(nonRecordEnd, start + numrecs * recordBytes);
    }
  }

  /**
   * The record section the header describes.
   *
   * @throws IOException if the header lays the records out otherwise than the NetCDF-3 rules say
   *     (then sweep does not write into it)
   */
  static Section section(Path file) throws IOException {
    FormatProbe.Nc3Layout layout;
    try {
      layout = FormatProbe.nc3Layout(file);
    } catch (FormatProbe.BadFile e) {
      throw new IOException(e.getMessage(), e);
    }
    List<FormatProbe.Nc3Var> vars = new ArrayList<>();
    for (FormatProbe.Nc3Var v : layout.vars()) if (v.record()) vars.add(v);
    vars.sort(Comparator.comparingLong(FormatProbe.Nc3Var::begin));
    if (vars.isEmpty()) throw new IOException("the file has no record variables");
    long size = 0;
    for (int i = 0; i < vars.size(); i++) {
      long slot = vars.size() == 1 ? vars.get(i).bytes() : pad4(vars.get(i).bytes());
      if (i > 0 && vars.get(i).begin() != vars.get(0).begin() + size) {
        throw new IOException("the record variables are not laid out one after another as NetCDF-3 lays them");
      }
      size += slot;
    }
    return new Section(layout, vars, vars.get(0).begin(), size);
  }

  /**
   * Writes records {@code first .. first + count - 1} of the given encoded variables, the records'
   * rows {@code 0 .. count - 1} of each; does not touch the record count.
   *
   * @param vars the encoded record variables by name, each over the record dimension first; a char
   *     variable may have a shorter string length than the file's (its strings are padded with NUL)
   * @param stringLengths the file's string length of each char variable
   */
  static void writeRecords(FileChannel ch, Section s, Map<String, NcFile.Var> vars, Map<String, Integer> stringLengths,
      long first, int count) throws IOException {
    int perChunk = (int) Math.max(1, Math.min(count, NcFile.SLAB_BYTES / Math.max(1, s.recordBytes())));
    ByteBuffer buf = WriteBuffers.borrow(Math.toIntExact(perChunk * s.recordBytes()));
    for (int from = 0; from < count; from += perChunk) {
      int n = Math.min(perChunk, count - from);
      buf.clear();
      long offsetInRecord = 0;
      for (FormatProbe.Nc3Var fv : s.vars()) {
        NcFile.Var v = vars.get(fv.name());
        if (v == null) throw new IOException("no values for the record variable '" + fv.name() + "'");
        long per = fv.bytes();
        long slot = s.vars().size() == 1 ? per : pad4(per);
        if (rowBytes(v) == per) {
          buf.position(Math.toIntExact(offsetInRecord));
          if (v.rows().putBigEndian(from, n, buf, Math.toIntExact(s.recordBytes()))) {
            for (int r = 0; slot > per && r < n; r++) {
              long at = r * s.recordBytes() + offsetInRecord;
              for (long k = per; k < slot; k++) buf.put(Math.toIntExact(at + k), (byte) 0); // the padding to 4 bytes
            }
            offsetInRecord += slot;
            continue;
          }
        }
        Array a = v.rows().read(from, n);
        DataType t = a.getDataType();
        if (t == DataType.CHAR || t == DataType.BYTE || per % t.getSize() != 0) {
          byte[] bytes = bigEndian(v, a, stringLengths.get(fv.name()));
          if (bytes.length != per * n) throw sizeMismatch(fv, bytes.length / Math.max(1, n));
          for (int r = 0; r < n; r++) {
            buf.position(Math.toIntExact(r * s.recordBytes() + offsetInRecord));
            buf.put(bytes, (int) (r * per), (int) per);
            for (long k = per; k < slot; k++) buf.put((byte) 0); // the padding to 4 bytes
          }
        } else {
          // Numbers go straight from the slab into the record buffer, converted in bulk per record.
          if (a.getSize() * a.getDataType().getSize() != per * n) {
            throw sizeMismatch(fv, a.getSize() * a.getDataType().getSize() / Math.max(1, n));
          }
          putRecords(buf, a, n, (int) (per / a.getDataType().getSize()), s.recordBytes(), offsetInRecord);
          for (int r = 0; slot > per && r < n; r++) {
            long at = r * s.recordBytes() + offsetInRecord;
            for (long k = per; k < slot; k++) buf.put(Math.toIntExact(at + k), (byte) 0);
          }
        }
        offsetInRecord += slot;
      }
      buf.position(0);
      buf.limit(Math.toIntExact(n * s.recordBytes()));
      long pos = s.start() + (first + from) * s.recordBytes();
      while (buf.hasRemaining()) pos += ch.write(buf, pos);
    }
  }

  /** {@return the bytes of one row (record) of a variable's values, as encoded} */
  private static long rowBytes(NcFile.Var v) {
    long n = v.type().getSize();
    int[] shape = v.shape();
    for (int d = 1; d < shape.length; d++) n *= shape[d];
    return n;
  }

  private static IOException sizeMismatch(FormatProbe.Nc3Var fv, long bytesPerRecord) {
    return new IOException("variable '" + fv.name() + "' has " + bytesPerRecord + " bytes per record; the file has "
        + fv.bytes());
  }

  /** Puts {@code n} records of {@code per} numbers each at their place in the record buffer. */
  private static void putRecords(ByteBuffer buf, Array a, int n, int per, long recordBytes, long offset) {
    DataType t = a.getDataType();
    Object values = a.get1DJavaArray(t.getPrimitiveClassType()); // the storage itself when contiguous
    for (int r = 0; r < n; r++) {
      buf.position(Math.toIntExact(r * recordBytes + offset));
      ByteBuffer at = buf.slice().order(ByteOrder.BIG_ENDIAN);
      int from = r * per;
      if (t == DataType.DOUBLE) at.asDoubleBuffer().put((double[]) values, from, per);
      else if (t == DataType.FLOAT) at.asFloatBuffer().put((float[]) values, from, per);
      else if (t == DataType.INT) at.asIntBuffer().put((int[]) values, from, per);
      else at.asShortBuffer().put((short[]) values, from, per);
    }
  }

  /** Rewrites the header's record count (bytes 4 to 8). */
  static void writeCount(FileChannel ch, long numrecs) throws IOException {
    if (numrecs > Integer.MAX_VALUE) {
      throw new IOException(numrecs + " records; NetCDF-3 holds at most " + Integer.MAX_VALUE);
    }
    ByteBuffer b = ByteBuffer.allocate(4).order(ByteOrder.BIG_ENDIAN).putInt(0, (int) numrecs);
    long pos = 4;
    while (b.hasRemaining()) pos += ch.write(b, pos);
  }

  /** The values of a slab as NetCDF-3 stores them, char arrays padded to the file's string length. */
  private static byte[] bigEndian(NcFile.Var v, Array a, Integer fileStrlen) throws IOException {
    DataType t = a.getDataType();
    int n = (int) a.getSize();
    if (t == DataType.CHAR) {
      char[] c = (char[]) a.get1DJavaArray(char.class);
      int[] shape = a.getShape();
      int len = shape[shape.length - 1];
      int target = fileStrlen == null ? len : fileStrlen;
      if (len > target) throw new IOException("strings of '" + v.name() + "' are longer than the file holds");
      int strings = len == 0 ? 0 : c.length / len;
      byte[] out = new byte[strings * target];
      for (int k = 0; k < strings; k++) {
        for (int j = 0; j < len; j++) out[k * target + j] = (byte) c[k * len + j];
      }
      return out;
    }
    ByteBuffer b = ByteBuffer.allocate(n * t.getSize()).order(ByteOrder.BIG_ENDIAN);
    if (t == DataType.DOUBLE) b.asDoubleBuffer().put((double[]) a.get1DJavaArray(double.class));
    else if (t == DataType.FLOAT) b.asFloatBuffer().put((float[]) a.get1DJavaArray(float.class));
    else if (t == DataType.INT) b.asIntBuffer().put((int[]) a.get1DJavaArray(int.class));
    else if (t == DataType.SHORT) b.asShortBuffer().put((short[]) a.get1DJavaArray(short.class));
    else if (t == DataType.BYTE) b.put((byte[]) a.get1DJavaArray(byte.class));
    else throw new IOException("variable '" + v.name() + "' is " + t + ", which NetCDF-3 does not hold");
    return b.array();
  }

  /** The file's string length (last dimension) of each char variable, by name. */
  static Map<String, Integer> stringLengths(ucar.nc2.NetcdfFile nc) {
    Map<String, Integer> m = new HashMap<>();
    for (ucar.nc2.Variable v : nc.getVariables()) {
      if (v.getDataType() == DataType.CHAR && v.getRank() > 0) m.put(v.getShortName(), v.getShape(v.getRank() - 1));
    }
    return m;
  }

  private static long pad4(long n) {
    return (n + 3) / 4 * 4;
  }
}
