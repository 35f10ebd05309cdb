package dev.sweep.io.crop;

import dev.sweep.data.DType;
import dev.sweep.data.Index;
import dev.sweep.farm.RemoteFailure;
import dev.sweep.run.Failure;
import dev.sweep.run.RunBatch;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;

/**
 * The binary file of one grown batch: its runs as {@link RunBatch}es keyed by run number, so reaping
 * never depends on the order of anything. Compact (values as raw arrays), exact for every output
 * type (int64 and null strings included, which NetCDF-3 cannot hold) and checked: a file that is
 * truncated, of another version, or whose checksum is wrong is refused as damaged.
 *
 * <pre>
 * magic     8 bytes   0x89 'S' 'W' 'B' '\r' '\n' 0x1a '\n'
 * version   int32     1
 * batch     int32     the batch number
 * runs      int64     the runs the batch holds
 * failed    int64     how many of them failed
 * parts     int32     then each part: from, to (int64), its outputs, inner dimensions and labels,
 *                     attributes, failed runs and their failures
 * crc       int32     CRC-32 of every byte before it
 * end       8 bytes   "SWEEPEND"
 * </pre>
 * Big-endian. Values inside are tagged: one byte for the type, then the value (see {@link #tagged}).
 */
final class BatchFile {
  static final byte[] MAGIC = {(byte) 0x89, 'S', 'W', 'B', '\r', '\n', 0x1a, '\n'};
  static final byte[] END = "SWEEPEND".getBytes(StandardCharsets.US_ASCII);
  static final int VERSION = 1;
  /** Magic, version, batch, runs, failed: what a check reads without decoding the rest. */
  private static final int HEADER = 8 + 4 + 4 + 8 + 8;
  private static final int TRAILER = 4 + 8;
  /** A recorded stack trace is cut after this many characters. */
  private static final int STACK_LIMIT = 16_000;

  private BatchFile() {}

  /** What {@link #check} found. */
  record Summary(int batch, long runs, long failed) {}

  /** {@return the file's bytes for a batch's parts} */
  static byte[] encode(int batch, List<RunBatch> parts) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(1024);
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.write(MAGIC);
      out.writeInt(VERSION);
      out.writeInt(batch);
      long runs = 0;
      long failed = 0;
      for (RunBatch p : parts) {
        runs += p.size();
        failed += p.failures().count();
      }
      out.writeLong(runs);
      out.writeLong(failed);
      out.writeInt(parts.size());
      for (RunBatch p : parts) part(out, p);
      out.flush();
      CRC32 crc = new CRC32();
      crc.update(bytes.toByteArray());
      out.writeInt((int) crc.getValue());
      out.write(END);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot encode batch " + batch, e); // a byte array does not fail
    }
    return bytes.toByteArray();
  }

  private static void part(DataOutputStream out, RunBatch p) throws IOException {
    out.writeLong(p.from());
    out.writeLong(p.to());
    out.writeInt(p.outputs().size());
    for (RunBatch.Output o : p.outputs()) {
      string(out, o.name());
      out.writeByte(o.type().ordinal());
      out.writeInt(o.dims().size());
      long[] shape = o.shape();
      for (int d = 0; d < shape.length; d++) {
        string(out, o.dims().get(d));
        out.writeLong(shape[d]);
      }
      tagged(out, o.attrs(), "attributes of output '" + o.name() + "'");
      tagged(out, o.values(), "values of output '" + o.name() + "'");
    }
    out.writeInt(p.innerDims().size());
    for (String d : p.innerDims()) string(out, d);
    tagged(out, p.innerLabels(), "inner labels");
    tagged(out, p.attrs(), "attributes");
    tagged(out, p.failedRuns(), "failed runs");
    List<Failure> failures = p.failures().first();
    out.writeInt(failures.size());
    for (Failure f : failures) {
      out.writeLong(f.run());
      Map<String, Object> args = new LinkedHashMap<>();
      f.arguments().forEach((k, v) -> args.put(k, travels(v) ? v : String.valueOf(v)));
      tagged(out, args, "arguments of failed run " + f.run());
      Throwable cause = f.cause();
      if (cause instanceof RemoteFailure r) {
        string(out, r.className());
        nullableString(out, r.remoteMessage());
        string(out, r.remoteStackTrace());
      } else {
        string(out, cause == null ? "null" : cause.getClass().getName());
        nullableString(out, cause == null ? null : cause.getMessage());
        string(out, stackTrace(cause));
      }
    }
  }

  private static String stackTrace(Throwable t) {
    if (t == null) return "";
    StringWriter w = new StringWriter();
    t.printStackTrace(new PrintWriter(w));
    String s = w.toString();
    return s.length() > STACK_LIMIT ? s.substring(0, STACK_LIMIT) + "\n\t... (cut)" : s;
  }

  /**
   * Checks the bytes whole: magic, version, checksum and end mark.
   *
   * @return the batch number and counts
   * @throws IllegalArgumentException saying what is wrong
   */
  static Summary check(byte[] b) {
    if (b.length < HEADER + TRAILER) {
      throw new IllegalArgumentException("truncated: " + b.length + " bytes, less than a batch file's header and trailer");
    }
    if (!Arrays.equals(b, 0, MAGIC.length, MAGIC, 0, MAGIC.length)) {
      throw new IllegalArgumentException("not a sweep batch file (its first bytes are not the batch file's mark)");
    }
    ByteBuffer in = ByteBuffer.wrap(b);
    in.position(MAGIC.length);
    int version = in.getInt();
    if (version != VERSION) {
      throw new IllegalArgumentException("a batch file of version " + version + ", written by another version of sweep;"
          + " this version reads version " + VERSION);
    }
    if (!Arrays.equals(b, b.length - END.length, b.length, END, 0, END.length)) {
      throw new IllegalArgumentException("truncated: it does not end with the batch file's end mark");
    }
    CRC32 crc = new CRC32();
    crc.update(b, 0, b.length - TRAILER);
    int stored = ByteBuffer.wrap(b, b.length - TRAILER, 4).getInt();
    if ((int) crc.getValue() != stored) {
      throw new IllegalArgumentException("its checksum is wrong: the file was changed or damaged after it was written");
    }
    return new Summary(in.getInt(), in.getLong(), in.getLong());
  }

  /**
   * {@return the batch's parts}
   *
   * @throws IllegalArgumentException saying what is wrong, if the bytes are damaged
   */
  static List<RunBatch> decode(byte[] b) {
    check(b);
    ByteBuffer in = ByteBuffer.wrap(b, 0, b.length - TRAILER);
    in.position(HEADER);
    try {
      int n = in.getInt();
      List<RunBatch> parts = new ArrayList<>(n);
      for (int i = 0; i < n; i++) parts.add(part(in));
      if (in.hasRemaining()) throw new IllegalArgumentException(in.remaining() + " bytes left after the last part");
      return parts;
    } catch (BufferUnderflowException | ClassCastException | IndexOutOfBoundsException e) {
      throw new IllegalArgumentException("its contents do not parse (" + e + ")", e);
    }
  }

  @SuppressWarnings("unchecked")
  private static RunBatch part(ByteBuffer in) {
    long from = in.getLong();
    long to = in.getLong();
    int no = in.getInt();
    List<RunBatch.Output> outputs = new ArrayList<>(no);
    for (int i = 0; i < no; i++) {
      String name = string(in);
      DType type = DType.values()[in.get()];
      int nd = in.getInt();
      List<String> dims = new ArrayList<>(nd);
      long[] shape = new long[nd];
      for (int d = 0; d < nd; d++) {
        dims.add(string(in));
        shape[d] = in.getLong();
      }
      Map<String, Object> attrs = (Map<String, Object>) tagged(in);
      Object values = tagged(in);
      outputs.add(new RunBatch.Output(name, type, dims, shape, values, attrs));
    }
    int ni = in.getInt();
    List<String> innerDims = new ArrayList<>(ni);
    for (int i = 0; i < ni; i++) innerDims.add(string(in));
    Map<String, Object> labels = (Map<String, Object>) tagged(in);
    Map<String, Object> attrs = (Map<String, Object>) tagged(in);
    long[] failedRuns = (long[]) tagged(in);
    int nf = in.getInt();
    List<Failure> failures = new ArrayList<>(nf);
    for (int i = 0; i < nf; i++) {
      long run = in.getLong();
      Map<String, Object> args = (Map<String, Object>) tagged(in);
      String cls = string(in);
      String message = nullableString(in);
      String stack = string(in);
      failures.add(new Failure(run, args, new RemoteFailure(cls, message, stack)));
    }
    return RunBatch.of(from, to, outputs, innerDims, labels, attrs, failedRuns, failures);
  }

  // Tagged values: strings, booleans, numbers, enum constants, indexes, primitive and String arrays,
  // Object arrays, lists and maps of those.

  private static boolean travels(Object v) {
    return v == null || v instanceof String || v instanceof Boolean || v instanceof Integer || v instanceof Long
        || v instanceof Double || v instanceof Float || v instanceof Short || v instanceof Byte || v instanceof Enum<?>;
  }

  private static void tagged(DataOutputStream out, Object v, String what) throws IOException {
    if (v == null) {
      out.writeByte('N');
    } else if (v instanceof String s) {
      out.writeByte('S');
      string(out, s);
    } else if (v instanceof Boolean x) {
      out.writeByte('Z');
      out.writeBoolean(x);
    } else if (v instanceof Integer x) {
      out.writeByte('I');
      out.writeInt(x);
    } else if (v instanceof Long x) {
      out.writeByte('J');
      out.writeLong(x);
    } else if (v instanceof Double x) {
      out.writeByte('D');
      out.writeDouble(x);
    } else if (v instanceof Float x) {
      out.writeByte('F');
      out.writeFloat(x);
    } else if (v instanceof Short x) {
      out.writeByte('H');
      out.writeShort(x);
    } else if (v instanceof Byte x) {
      out.writeByte('B');
      out.writeByte(x);
    } else if (v instanceof Enum<?> e) {
      out.writeByte('E');
      string(out, e.getDeclaringClass().getName());
      string(out, e.name());
    } else if (v instanceof Index ix) {
      out.writeByte('X');
      tagged(out, ix.toArray(), what);
    } else if (v instanceof double[] a) {
      out.writeByte('d');
      out.writeInt(a.length);
      ByteBuffer buf = ByteBuffer.allocate(a.length * 8);
      buf.asDoubleBuffer().put(a);
      out.write(buf.array());
    } else if (v instanceof float[] a) {
      out.writeByte('f');
      out.writeInt(a.length);
      ByteBuffer buf = ByteBuffer.allocate(a.length * 4);
      buf.asFloatBuffer().put(a);
      out.write(buf.array());
    } else if (v instanceof long[] a) {
      out.writeByte('j');
      out.writeInt(a.length);
      ByteBuffer buf = ByteBuffer.allocate(a.length * 8);
      buf.asLongBuffer().put(a);
      out.write(buf.array());
    } else if (v instanceof int[] a) {
      out.writeByte('i');
      out.writeInt(a.length);
      ByteBuffer buf = ByteBuffer.allocate(a.length * 4);
      buf.asIntBuffer().put(a);
      out.write(buf.array());
    } else if (v instanceof short[] a) {
      out.writeByte('h');
      out.writeInt(a.length);
      for (short x : a) out.writeShort(x);
    } else if (v instanceof byte[] a) {
      out.writeByte('b');
      out.writeInt(a.length);
      out.write(a);
    } else if (v instanceof boolean[] a) {
      out.writeByte('z');
      out.writeInt(a.length);
      for (boolean x : a) out.writeBoolean(x);
    } else if (v instanceof String[] a) {
      out.writeByte('s');
      out.writeInt(a.length);
      for (String x : a) nullableString(out, x);
    } else if (v instanceof Object[] a) {
      out.writeByte('O');
      out.writeInt(a.length);
      for (Object x : a) tagged(out, x, what);
    } else if (v instanceof List<?> l) {
      out.writeByte('L');
      out.writeInt(l.size());
      for (Object x : l) tagged(out, x, what);
    } else if (v instanceof Map<?, ?> m) {
      out.writeByte('M');
      out.writeInt(m.size());
      for (Map.Entry<?, ?> e : m.entrySet()) {
        string(out, String.valueOf(e.getKey()));
        tagged(out, e.getValue(), what);
      }
    } else {
      throw new IllegalArgumentException("the " + what + " hold a " + v.getClass().getName()
          + ", which a batch file cannot hold");
    }
  }

  private static Object tagged(ByteBuffer in) {
    byte tag = in.get();
    switch (tag) {
      case 'N': return null;
      case 'S': return string(in);
      case 'Z': return in.get() != 0;
      case 'I': return in.getInt();
      case 'J': return in.getLong();
      case 'D': return in.getDouble();
      case 'F': return in.getFloat();
      case 'H': return in.getShort();
      case 'B': return in.get();
      case 'E': return enumConstant(string(in), string(in));
      case 'X': return index(tagged(in));
      case 'd': {
        double[] a = new double[length(in, 8)];
        in.asDoubleBuffer().get(a);
        in.position(in.position() + a.length * 8);
        return a;
      }
      case 'f': {
        float[] a = new float[length(in, 4)];
        in.asFloatBuffer().get(a);
        in.position(in.position() + a.length * 4);
        return a;
      }
      case 'j': {
        long[] a = new long[length(in, 8)];
        in.asLongBuffer().get(a);
        in.position(in.position() + a.length * 8);
        return a;
      }
      case 'i': {
        int[] a = new int[length(in, 4)];
        in.asIntBuffer().get(a);
        in.position(in.position() + a.length * 4);
        return a;
      }
      case 'h': {
        short[] a = new short[length(in, 2)];
        for (int i = 0; i < a.length; i++) a[i] = in.getShort();
        return a;
      }
      case 'b': {
        byte[] a = new byte[length(in, 1)];
        in.get(a);
        return a;
      }
      case 'z': {
        boolean[] a = new boolean[length(in, 1)];
        for (int i = 0; i < a.length; i++) a[i] = in.get() != 0;
        return a;
      }
      case 's': {
        String[] a = new String[length(in, 4)];
        for (int i = 0; i < a.length; i++) a[i] = nullableString(in);
        return a;
      }
      case 'O': {
        Object[] a = new Object[length(in, 1)];
        for (int i = 0; i < a.length; i++) a[i] = tagged(in);
        return a;
      }
      case 'L': {
        int n = length(in, 1);
        List<Object> l = new ArrayList<>(n);
        for (int i = 0; i < n; i++) l.add(tagged(in));
        return Collections.unmodifiableList(l);
      }
      case 'M': {
        int n = length(in, 5);
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
          String k = string(in);
          m.put(k, tagged(in));
        }
        return m;
      }
      default:
        throw new IllegalArgumentException("an unknown value tag " + (tag & 0xff) + " at byte " + (in.position() - 1));
    }
  }

  /** A length read from the file, checked against what is left, so a damaged length cannot ask for gigabytes. */
  private static int length(ByteBuffer in, int minBytesEach) {
    int n = in.getInt();
    if (n < 0 || (long) n * minBytesEach > in.remaining()) {
      throw new IllegalArgumentException("a length of " + n + " at byte " + (in.position() - 4) + " runs past the end");
    }
    return n;
  }

  private static Object enumConstant(String cls, String name) {
    try {
      ClassLoader loader = Thread.currentThread().getContextClassLoader();
      Class<?> k = Class.forName(cls, false, loader == null ? BatchFile.class.getClassLoader() : loader);
      if (k.isEnum()) {
        for (Object c : k.getEnumConstants()) if (((Enum<?>) c).name().equals(name)) return c;
      }
    } catch (ClassNotFoundException | LinkageError e) {
      // not on this class path: the constant's name stands for it
    }
    return name;
  }

  private static Index index(Object a) {
    if (a instanceof double[] x) return Index.ofDoubles(x);
    if (a instanceof float[] x) return Index.ofFloats(x);
    if (a instanceof long[] x) return Index.ofLongs(x);
    if (a instanceof int[] x) return Index.ofInts(x);
    if (a instanceof boolean[] x) return Index.ofBooleans(x);
    return Index.ofStrings((String[]) a);
  }

  private static void string(DataOutputStream out, String s) throws IOException {
    byte[] b = s.getBytes(StandardCharsets.UTF_8);
    out.writeInt(b.length);
    out.write(b);
  }

  private static void nullableString(DataOutputStream out, String s) throws IOException {
    if (s == null) {
      out.writeInt(-1);
    } else {
      string(out, s);
    }
  }

  private static String string(ByteBuffer in) {
    String s = nullableString(in);
    if (s == null) throw new IllegalArgumentException("a missing string at byte " + (in.position() - 4));
    return s;
  }

  private static String nullableString(ByteBuffer in) {
    int n = in.getInt();
    if (n == -1) return null;
    if (n < 0 || n > in.remaining()) {
      throw new IllegalArgumentException("a string of " + n + " bytes at byte " + (in.position() - 4) + " runs past the end");
    }
    String s = new String(in.array(), in.arrayOffset() + in.position(), n, StandardCharsets.UTF_8);
    in.position(in.position() + n);
    return s;
  }
}
