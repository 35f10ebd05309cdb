package dev.sweep.farm;

import dev.sweep.data.Column;
import dev.sweep.data.DType;
import dev.sweep.data.Dataset;
import dev.sweep.data.Index;
import dev.sweep.data.Variable;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A dataset as bytes, for the entries of a harvest {@link Journal}: dimensions with their labels,
 * variables with their types, values and attributes, and the dataset's attributes, in order, so that
 * {@code decode(encode(ds))} is identical to {@code ds}. Big-endian, primitive values in bulk. It is
 * the journal's private encoding, read back only by sweep (files that other tools open are the
 * store's business), and holds what a dataset may hold (see {@code Attrs}).
 */
final class JournalCodec {
  private JournalCodec() {}

  private static final byte NONE = 0;

  // Element and attribute tags.
  private static final byte T_DOUBLE = 1;
  private static final byte T_FLOAT = 2;
  private static final byte T_LONG = 3;
  private static final byte T_INT = 4;
  private static final byte T_BOOLEAN = 5;
  private static final byte T_STRING = 6;
  private static final byte T_SHORT = 7;
  private static final byte T_BYTE = 8;
  private static final byte T_COMPLEX128 = 9; // elements only: real and imaginary parts side by side
  private static final byte T_COMPLEX64 = 10;
  private static final byte ARRAY = 16; // added to a tag: an array of that type

  /** A damaged or unreadable encoding. */
  static final class Damaged extends Exception {
    private static final long serialVersionUID = 1L;

    Damaged(String message, Throwable cause) {
      super(message, cause);
    }
  }

  static byte[] encode(Dataset ds) {
    Out out = new Out(estimate(ds));
    out.putInt(ds.dims().size());
    for (String d : ds.dims()) {
      out.putString(d);
      out.putInt(ds.sizes().get(d));
      Index ix = ds.coords().get(d);
      if (ix == null) {
        out.put(NONE);
      } else {
        out.put(tag(ix.type()));
        putValues(out, ix.type(), ix.toArray(), ix.size());
      }
    }
    putAttrs(out, ds.attrs());
    out.putInt(ds.variables().size());
    for (Variable v : ds.variables().values()) {
      out.putString(v.name());
      out.putInt(v.dims().size());
      for (String d : v.dims()) out.putString(d);
      out.put(tag(v.type()));
      putAttrs(out, v.attrs());
      putValues(out, v.type(), values(v), Math.toIntExact(v.size()));
    }
    return out.bytes();
  }

  static Dataset decode(byte[] bytes) throws Damaged {
    ByteBuffer in = ByteBuffer.wrap(bytes);
    try {
      Dataset.Builder b = Dataset.builder();
      Map<String, Integer> sizes = new LinkedHashMap<>();
      int ndims = count(in);
      for (int i = 0; i < ndims; i++) {
        String d = getString(in);
        int size = count(in);
        sizes.put(d, size);
        byte t = in.get();
        if (t == NONE) {
          b.dim(d, size);
        } else {
          DType type = type(t);
          b.coord(d, index(type, getValues(in, type, size)));
        }
      }
      b.attrs(getAttrs(in));
      int nvars = count(in);
      for (int i = 0; i < nvars; i++) {
        String name = getString(in);
        int rank = count(in);
        List<String> dims = new ArrayList<>();
        long[] shape = new long[rank];
        for (int k = 0; k < rank; k++) {
          String d = getString(in);
          Integer size = sizes.get(d);
          if (size == null) throw new Damaged("variable '" + name + "' names the unknown dimension '" + d + "'", null);
          dims.add(d);
          shape[k] = size;
        }
        DType type = type(in.get());
        Map<String, Object> attrs = getAttrs(in);
        Object values = getValues(in, type, Math.toIntExact(Column.product(shape)));
        b.variable(variable(name, dims, shape, type, values).withAttrs(attrs));
      }
      if (in.hasRemaining()) throw new Damaged(in.remaining() + " bytes after the dataset", null);
      return b.build();
    } catch (BufferUnderflowException | IllegalArgumentException | IllegalStateException | ArithmeticException e) {
      throw new Damaged("cannot decode the checkpoint: " + e, e);
    }
  }

  private static int estimate(Dataset ds) {
    long n = 256;
    for (Variable v : ds.variables().values()) n += v.size() * (v.type() == DType.STRING || v.type().isComplex() ? 16 : 8) + 64;
    for (Index ix : ds.coords().values()) n += ix.size() * 8L + 32;
    return (int) Math.min(Integer.MAX_VALUE - 64, n);
  }

  /** A variable's values as the Java array of its type, in C order. */
  private static Object values(Variable v) {
    if (v.type() == DType.STRING) return v.toStringArray();
    org.nd4j.linalg.api.ndarray.INDArray a = v.array();
    boolean plain = !a.isView() && a.ordering() == 'c' && a.data().length() == a.length();
    org.nd4j.linalg.api.ndarray.INDArray c = plain ? a : a.dup('c');
    switch (v.type()) {
      case DOUBLE: case COMPLEX128: return c.data().asDouble();
      case FLOAT: case COMPLEX64: return c.data().asFloat();
      case LONG: return c.data().asLong();
      case INT: return c.data().asInt();
      default: {
        Column col = v.column();
        boolean[] out = new boolean[Math.toIntExact(v.size())];
        for (int i = 0; i < out.length; i++) out[i] = col.getLong(i) != 0;
        return out;
      }
    }
  }

  private static Variable variable(String name, List<String> dims, long[] shape, DType type, Object values) {
    if (type == DType.STRING) return Variable.ofStrings(name, dims, shape, (String[]) values);
    Column c = Column.allocateUninitialized(type, shape);
    int n = java.lang.reflect.Array.getLength(values);
    switch (type) {
      case COMPLEX128: {
        double[] a = (double[]) values;
        for (int i = 0; i < n / 2; i++) c.setComplex(i, a[2 * i], a[2 * i + 1]);
        break;
      }
      case COMPLEX64: {
        float[] a = (float[]) values;
        for (int i = 0; i < n / 2; i++) c.setComplex(i, a[2 * i], a[2 * i + 1]);
        break;
      }
      case DOUBLE: {
        double[] a = (double[]) values;
        c.setDoubles(0, a);
        break;
      }
      case FLOAT: {
        float[] a = (float[]) values;
        for (int i = 0; i < n; i++) c.setDouble(i, a[i]);
        break;
      }
      case LONG: {
        long[] a = (long[]) values;
        for (int i = 0; i < n; i++) c.setLong(i, a[i]);
        break;
      }
      case INT: {
        int[] a = (int[]) values;
        for (int i = 0; i < n; i++) c.setLong(i, a[i]);
        break;
      }
      default: {
        boolean[] a = (boolean[]) values;
        for (int i = 0; i < n; i++) c.setBoolean(i, a[i]);
      }
    }
    return Variable.of(name, dims, c);
  }

  private static Index index(DType type, Object values) {
    switch (type) {
      case DOUBLE: return Index.ofDoubles((double[]) values);
      case FLOAT: return Index.ofFloats((float[]) values);
      case LONG: return Index.ofLongs((long[]) values);
      case INT: return Index.ofInts((int[]) values);
      case BOOLEAN: return Index.ofBooleans((boolean[]) values);
      default: return Index.ofStrings((String[]) values);
    }
  }

  private static byte tag(DType t) {
    switch (t) {
      case DOUBLE: return T_DOUBLE;
      case FLOAT: return T_FLOAT;
      case LONG: return T_LONG;
      case INT: return T_INT;
      case BOOLEAN: return T_BOOLEAN;
      case COMPLEX128: return T_COMPLEX128;
      case COMPLEX64: return T_COMPLEX64;
      default: return T_STRING;
    }
  }

  private static DType type(byte tag) throws Damaged {
    switch (tag) {
      case T_DOUBLE: return DType.DOUBLE;
      case T_FLOAT: return DType.FLOAT;
      case T_LONG: return DType.LONG;
      case T_INT: return DType.INT;
      case T_BOOLEAN: return DType.BOOLEAN;
      case T_STRING: return DType.STRING;
      case T_COMPLEX128: return DType.COMPLEX128;
      case T_COMPLEX64: return DType.COMPLEX64;
      default: throw new Damaged("unknown element type " + tag, null);
    }
  }

  private static void putValues(Out out, DType type, Object values, int n) {
    out.ensure(n * 16L + 16);
    switch (type) {
      case DOUBLE: case COMPLEX128: out.putDoubles((double[]) values); break;
      case FLOAT: case COMPLEX64: out.putFloats((float[]) values); break;
      case LONG: out.putLongs((long[]) values); break;
      case INT: out.putInts((int[]) values); break;
      case BOOLEAN:
        for (boolean x : (boolean[]) values) out.put((byte) (x ? 1 : 0));
        break;
      default:
        for (String s : (String[]) values) out.putNullableString(s);
    }
  }

  private static Object getValues(ByteBuffer in, DType type, int n) throws Damaged {
    if (n < 0 || (type != DType.STRING && (long) n * width(type) > in.remaining())) {
      throw new Damaged(n + " values of " + type + " do not fit the " + in.remaining() + " bytes left", null);
    }
    switch (type) {
      case COMPLEX128: case COMPLEX64: {
        int parts = Math.multiplyExact(n, 2);
        Object a = getValues(in, type == DType.COMPLEX128 ? DType.DOUBLE : DType.FLOAT, parts);
        return a;
      }
      case DOUBLE: {
        double[] a = new double[n];
        in.asDoubleBuffer().get(a);
        in.position(in.position() + n * 8);
        return a;
      }
      case FLOAT: {
        float[] a = new float[n];
        in.asFloatBuffer().get(a);
        in.position(in.position() + n * 4);
        return a;
      }
      case LONG: {
        long[] a = new long[n];
        in.asLongBuffer().get(a);
        in.position(in.position() + n * 8);
        return a;
      }
      case INT: {
        int[] a = new int[n];
        in.asIntBuffer().get(a);
        in.position(in.position() + n * 4);
        return a;
      }
      case BOOLEAN: {
        boolean[] a = new boolean[n];
        for (int i = 0; i < n; i++) a[i] = in.get() != 0;
        return a;
      }
      default: {
        String[] a = new String[n];
        for (int i = 0; i < n; i++) a[i] = getNullableString(in);
        return a;
      }
    }
  }

  private static int width(DType t) {
    switch (t) {
      case COMPLEX128: return 16;
      case DOUBLE: case LONG: case COMPLEX64: return 8;
      case FLOAT: case INT: return 4;
      default: return 1;
    }
  }

  private static void putAttrs(Out out, Map<String, Object> attrs) {
    out.putInt(attrs.size());
    attrs.forEach((k, v) -> {
      out.putString(k);
      putAttr(out, k, v);
    });
  }

  private static void putAttr(Out out, String name, Object v) {
    if (v instanceof String s) {
      out.put(T_STRING);
      out.putString(s);
    } else if (v instanceof Double x) {
      out.put(T_DOUBLE);
      out.putDoubles(new double[] {x});
    } else if (v instanceof Float x) {
      out.put(T_FLOAT);
      out.putFloats(new float[] {x});
    } else if (v instanceof Long x) {
      out.put(T_LONG);
      out.putLongs(new long[] {x});
    } else if (v instanceof Integer x) {
      out.put(T_INT);
      out.putInt(x);
    } else if (v instanceof Short x) {
      out.put(T_SHORT);
      out.putInt(x);
    } else if (v instanceof Byte x) {
      out.put(T_BYTE);
      out.put(x);
    } else if (v instanceof Boolean x) {
      out.put(T_BOOLEAN);
      out.put((byte) (x ? 1 : 0));
    } else if (v instanceof double[] a) {
      arrayHeader(out, T_DOUBLE, a.length);
      out.putDoubles(a);
    } else if (v instanceof float[] a) {
      arrayHeader(out, T_FLOAT, a.length);
      out.putFloats(a);
    } else if (v instanceof long[] a) {
      arrayHeader(out, T_LONG, a.length);
      out.putLongs(a);
    } else if (v instanceof int[] a) {
      arrayHeader(out, T_INT, a.length);
      out.putInts(a);
    } else if (v instanceof short[] a) {
      arrayHeader(out, T_SHORT, a.length);
      for (short x : a) out.putInt(x);
    } else if (v instanceof byte[] a) {
      arrayHeader(out, T_BYTE, a.length);
      for (byte x : a) out.put(x);
    } else if (v instanceof boolean[] a) {
      arrayHeader(out, T_BOOLEAN, a.length);
      for (boolean x : a) out.put((byte) (x ? 1 : 0));
    } else if (v instanceof String[] a) {
      arrayHeader(out, T_STRING, a.length);
      for (String s : a) out.putString(s);
    } else {
      throw new IllegalArgumentException("attribute '" + name + "' is a " + v.getClass().getName()
          + ", which a harvest checkpoint cannot hold; use a String, Double, Long or Integer");
    }
  }

  private static void arrayHeader(Out out, byte tag, int n) {
    out.put((byte) (tag + ARRAY));
    out.putInt(n);
    out.ensure(n * 8L + 8);
  }

  private static Map<String, Object> getAttrs(ByteBuffer in) throws Damaged {
    int n = count(in);
    Map<String, Object> out = new LinkedHashMap<>();
    for (int i = 0; i < n; i++) {
      String k = getString(in);
      out.put(k, getAttr(in));
    }
    return out;
  }

  private static Object getAttr(ByteBuffer in) throws Damaged {
    byte t = in.get();
    switch (t) {
      case T_STRING: return getString(in);
      case T_DOUBLE: return in.getDouble();
      case T_FLOAT: return in.getFloat();
      case T_LONG: return in.getLong();
      case T_INT: return in.getInt();
      case T_SHORT: return (short) in.getInt();
      case T_BYTE: return in.get();
      case T_BOOLEAN: return in.get() != 0;
      default: break;
    }
    int n = count(in);
    switch (t - ARRAY) {
      case T_DOUBLE: return getValues(in, DType.DOUBLE, n);
      case T_FLOAT: return getValues(in, DType.FLOAT, n);
      case T_LONG: return getValues(in, DType.LONG, n);
      case T_INT: return getValues(in, DType.INT, n);
      case T_BOOLEAN: return getValues(in, DType.BOOLEAN, n);
      case T_SHORT: {
        short[] a = new short[n];
        for (int i = 0; i < n; i++) a[i] = (short) in.getInt();
        return a;
      }
      case T_BYTE: {
        byte[] a = new byte[n];
        in.get(a);
        return a;
      }
      case T_STRING: {
        String[] a = new String[n];
        for (int i = 0; i < n; i++) a[i] = getString(in);
        return a;
      }
      default: throw new Damaged("unknown attribute type " + t, null);
    }
  }

  private static int count(ByteBuffer in) throws Damaged {
    int n = in.getInt();
    if (n < 0) throw new Damaged("a negative count " + n, null);
    return n;
  }

  private static String getString(ByteBuffer in) throws Damaged {
    int n = count(in);
    if (n > in.remaining()) throw new Damaged("a string of " + n + " bytes with " + in.remaining() + " left", null);
    String s = new String(in.array(), in.arrayOffset() + in.position(), n, StandardCharsets.UTF_8);
    in.position(in.position() + n);
    return s;
  }

  private static String getNullableString(ByteBuffer in) throws Damaged {
    int n = in.getInt();
    if (n == -1) return null;
    in.position(in.position() - 4);
    return getString(in);
  }

  /** A growing big-endian buffer. */
  private static final class Out {
    private ByteBuffer buf;

    Out(int capacity) {
      buf = ByteBuffer.allocate(Math.max(64, capacity));
    }

    void ensure(long more) {
      if (buf.remaining() >= more) return;
      long want = Math.max((long) buf.capacity() * 2, buf.position() + more);
      if (want > Integer.MAX_VALUE - 64) {
        throw new IllegalArgumentException("a checkpoint of more than 2 GB; save more often (a smaller saveEvery)");
      }
      ByteBuffer bigger = ByteBuffer.allocate((int) want);
      buf.flip();
      bigger.put(buf);
      buf = bigger;
    }

    void put(byte b) {
      ensure(1);
      buf.put(b);
    }

    void putInt(int x) {
      ensure(4);
      buf.putInt(x);
    }

    void putString(String s) {
      byte[] b = s.getBytes(StandardCharsets.UTF_8);
      ensure(4L + b.length);
      buf.putInt(b.length);
      buf.put(b);
    }

    void putNullableString(String s) {
      if (s == null) putInt(-1);
      else putString(s);
    }

    void putDoubles(double[] a) {
      ensure(a.length * 8L);
      buf.asDoubleBuffer().put(a);
      buf.position(buf.position() + a.length * 8);
    }

    void putFloats(float[] a) {
      ensure(a.length * 4L);
      buf.asFloatBuffer().put(a);
      buf.position(buf.position() + a.length * 4);
    }

    void putLongs(long[] a) {
      ensure(a.length * 8L);
      buf.asLongBuffer().put(a);
      buf.position(buf.position() + a.length * 8);
    }

    void putInts(int[] a) {
      ensure(a.length * 4L);
      buf.asIntBuffer().put(a);
      buf.position(buf.position() + a.length * 4);
    }

    byte[] bytes() {
      byte[] b = new byte[buf.position()];
      System.arraycopy(buf.array(), 0, b, 0, b.length);
      return b;
    }
  }
}
