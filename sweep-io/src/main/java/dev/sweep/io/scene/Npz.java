package dev.sweep.io.scene;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import dev.sweep.store.StoreFormatException;

/**
 * NumPy's {@code .npz} files ({@code np.savez} and {@code np.savez_compressed}): a zip archive of
 * {@code .npy} files, each a small text header (dtype, memory order, shape) before the raw values.
 * Read with {@code java.util.zip}; ND4J's own reader refuses compressed archives and strings.
 * Numbers, booleans and strings ({@code <U}, {@code S}) are read; object arrays are Python pickles,
 * which are left out and named in {@link Contents#pickles()}.
 */
final class Npz {
  private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
  private static final Pattern DESCR = Pattern.compile("'descr'\\s*:\\s*'([^']*)'");
  private static final Pattern FORTRAN = Pattern.compile("'fortran_order'\\s*:\\s*(True|False)");
  private static final Pattern SHAPE = Pattern.compile("'shape'\\s*:\\s*\\(([^)]*)\\)");

  private Npz() {}

  /**
   * One array of an archive, in C order.
   *
   * @param dtype NumPy's type string, e.g. {@code <f8}
   * @param shape the shape; empty for a 0-d array
   * @param values a double[], float[], long[], int[], boolean[] or String[]
   */
  record NpyArray(String dtype, long[] shape, Object values) {
    int length() {
      return java.lang.reflect.Array.getLength(values);
    }
  }

  /** The arrays of an archive by name (without {@code .npy}), in archive order, and the names of the pickled ones skipped. */
  record Contents(Map<String, NpyArray> arrays, java.util.List<String> pickles) {}

  /**
   * Reads every array of an archive.
   *
   * @throws StoreFormatException naming the file and entry, if it is not a zip of {@code .npy} files
   * @throws java.io.UncheckedIOException if it cannot be read
   */
  static Contents read(Path file) {
    Map<String, NpyArray> arrays = new LinkedHashMap<>();
    java.util.List<String> pickles = new java.util.ArrayList<>();
    try (ZipFile zip = new ZipFile(file.toFile())) {
      Enumeration<? extends ZipEntry> entries = zip.entries();
      while (entries.hasMoreElements()) {
        ZipEntry e = entries.nextElement();
        if (e.isDirectory()) continue;
        String name = e.getName().endsWith(".npy") ? e.getName().substring(0, e.getName().length() - 4) : e.getName();
        byte[] bytes;
        try (InputStream in = zip.getInputStream(e)) {
          bytes = in.readAllBytes();
        }
        NpyArray a;
        try {
          a = parse(bytes);
        } catch (IllegalArgumentException bad) {
          throw new StoreFormatException(file, "entry " + e.getName() + ": " + bad.getMessage(), bad);
        }
        if (a == null) pickles.add(name);
        else arrays.put(name, a);
      }
    } catch (ZipException e) {
      throw new StoreFormatException(file, "not a NumPy .npz archive (" + e.getMessage() + ")", e);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException("cannot read " + file + ": " + e, e);
    }
    return new Contents(arrays, java.util.List.copyOf(pickles));
  }

  /**
   * Parses one {@code .npy} file.
   *
   * @return the array, or null for an object array (a pickle)
   * @throws IllegalArgumentException saying what is malformed or unsupported
   */
  static NpyArray parse(byte[] npy) {
    if (npy.length < 10) throw new IllegalArgumentException("too short for a .npy file (" + npy.length + " bytes)");
    for (int i = 0; i < MAGIC.length; i++) {
      if (npy[i] != MAGIC[i]) throw new IllegalArgumentException("not a .npy file (no \\x93NUMPY magic)");
    }
    int major = npy[6] & 0xff;
    ByteBuffer b = ByteBuffer.wrap(npy).order(ByteOrder.LITTLE_ENDIAN);
    int headerLen;
    int start;
    if (major == 1) {
      headerLen = b.getShort(8) & 0xffff;
      start = 10;
    } else if (major == 2 || major == 3) {
      headerLen = b.getInt(8);
      start = 12;
    } else {
      throw new IllegalArgumentException(".npy format version " + major + " is not supported (1 to 3 are)");
    }
    if (headerLen < 0 || start + headerLen > npy.length) throw new IllegalArgumentException("truncated .npy header");
    String header = new String(npy, start, headerLen, major == 3 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
    Matcher d = DESCR.matcher(header);
    Matcher f = FORTRAN.matcher(header);
    Matcher s = SHAPE.matcher(header);
    if (!d.find() || !f.find() || !s.find()) {
      throw new IllegalArgumentException("a .npy header without 'descr', 'fortran_order' and 'shape': " + header.strip()
          + " (structured types are not supported)");
    }
    String dtype = d.group(1);
    boolean fortran = f.group(1).equals("True");
    long[] shape = shape(s.group(1));
    long n = 1;
    for (long x : shape) n = Math.multiplyExact(n, x);
    if (n > Integer.MAX_VALUE) throw new IllegalArgumentException("an array of " + n + " elements; at most " + Integer.MAX_VALUE);
    if (dtype.length() < 2) throw new IllegalArgumentException("dtype '" + dtype + "' is not supported");
    char order = dtype.charAt(0);
    char kind = dtype.charAt(1);
    if (kind == 'O') return null;
    int size;
    try {
      size = Integer.parseInt(dtype.substring(2));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("dtype '" + dtype + "' is not supported");
    }
    ByteOrder bo = order == '>' ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN; // '<', '|' and '=' (x86) are little
    int dataStart = start + headerLen;
    long bytes = n * (kind == 'U' ? 4L * size : size);
    if (dataStart + bytes > npy.length) {
      throw new IllegalArgumentException("truncated data: " + (npy.length - dataStart) + " bytes for " + n + " values of " + dtype);
    }
    ByteBuffer data = ByteBuffer.wrap(npy, dataStart, (int) bytes).slice().order(bo);
    Object values = values(dtype, kind, size, (int) n, data);
    if (fortran && shape.length > 1) values = toCOrder(values, shape);
    return new NpyArray(dtype, shape, values);
  }

  private static long[] shape(String tuple) {
    String t = tuple.trim();
    if (t.isEmpty()) return new long[0];
    String[] parts = t.split(",");
    int count = 0;
    for (String p : parts) if (!p.isBlank()) count++;
    long[] out = new long[count];
    int i = 0;
    for (String p : parts) {
      if (p.isBlank()) continue;
      try {
        out[i++] = Long.parseLong(p.trim().replace("L", ""));
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("shape (" + tuple + ") is not a tuple of integers");
      }
    }
    return out;
  }

  private static Object values(String dtype, char kind, int size, int n, ByteBuffer data) {
    switch (kind) {
      case 'f':
        if (size == 8) {
          double[] v = new double[n];
          data.asDoubleBuffer().get(v);
          return v;
        }
        if (size == 4) {
          float[] v = new float[n];
          data.asFloatBuffer().get(v);
          return v;
        }
        if (size == 2) {
          float[] v = new float[n];
          for (int i = 0; i < n; i++) v[i] = halfToFloat(data.getShort(2 * i));
          return v;
        }
        break;
      case 'i':
      case 'u': {
        boolean unsigned = kind == 'u';
        if (size == 8) {
          long[] v = new long[n];
          data.asLongBuffer().get(v);
          if (unsigned) for (long x : v) if (x < 0) throw new IllegalArgumentException("uint64 value beyond int64 in a " + dtype + " array");
          return v;
        }
        if (size == 4 && unsigned) {
          long[] v = new long[n];
          for (int i = 0; i < n; i++) v[i] = data.getInt(4 * i) & 0xffffffffL;
          return v;
        }
        int[] v = new int[n];
        for (int i = 0; i < n; i++) {
          switch (size) {
            case 4: v[i] = data.getInt(4 * i); break;
            case 2: v[i] = unsigned ? data.getShort(2 * i) & 0xffff : data.getShort(2 * i); break;
            case 1: v[i] = unsigned ? data.get(i) & 0xff : data.get(i); break;
            default: throw new IllegalArgumentException("dtype '" + dtype + "' is not supported");
          }
        }
        return v;
      }
      case 'b':
        if (size == 1) {
          boolean[] v = new boolean[n];
          for (int i = 0; i < n; i++) v[i] = data.get(i) != 0;
          return v;
        }
        break;
      case 'U': {
        String[] v = new String[n];
        for (int i = 0; i < n; i++) {
          StringBuilder sb = new StringBuilder(size);
          for (int c = 0; c < size; c++) {
            int cp = data.getInt(4 * (i * size + c));
            if (cp == 0) break; // NumPy pads with NULs
            sb.appendCodePoint(cp);
          }
          v[i] = sb.toString();
        }
        return v;
      }
      case 'S': {
        String[] v = new String[n];
        byte[] raw = new byte[size];
        for (int i = 0; i < n; i++) {
          data.position(i * size);
          data.get(raw);
          int len = size;
          while (len > 0 && raw[len - 1] == 0) len--;
          v[i] = new String(raw, 0, len, StandardCharsets.UTF_8);
        }
        return v;
      }
      default:
        break;
    }
    throw new IllegalArgumentException("dtype '" + dtype + "' is not supported (numbers, booleans and strings are)");
  }

  /** IEEE 754 half precision to float. */
  static float halfToFloat(short h) {
    int bits = h & 0xffff;
    int sign = (bits >>> 15) << 31;
    int exp = (bits >>> 10) & 0x1f;
    int mant = bits & 0x3ff;
    if (exp == 0x1f) return Float.intBitsToFloat(sign | 0x7f800000 | (mant << 13));
    if (exp == 0) {
      if (mant == 0) return Float.intBitsToFloat(sign);
      float v = mant / 1024f / 16384f; // subnormal: mant * 2^-24
      return sign == 0 ? v : -v;
    }
    return Float.intBitsToFloat(sign | ((exp + 112) << 23) | (mant << 13));
  }

  /** Reorders Fortran-ordered values (first index fastest) to C order. */
  private static Object toCOrder(Object values, long[] shape) {
    int n = java.lang.reflect.Array.getLength(values);
    Object out = java.lang.reflect.Array.newInstance(values.getClass().getComponentType(), n);
    int rank = shape.length;
    int[] idx = new int[rank];
    long[] fStride = new long[rank];
    long st = 1;
    for (int d = 0; d < rank; d++) {
      fStride[d] = st;
      st *= shape[d];
    }
    for (int c = 0; c < n; c++) {
      long f = 0;
      for (int d = 0; d < rank; d++) f += idx[d] * fStride[d];
      System.arraycopy(values, (int) f, out, c, 1);
      for (int d = rank - 1; d >= 0; d--) {
        if (++idx[d] < shape[d]) break;
        idx[d] = 0;
      }
    }
    return out;
  }
}
