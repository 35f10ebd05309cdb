package dev.sweep.io.netcdf;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import ucar.unidata.io.RandomAccessFile;

/**
 * Says what a file is before netcdf-java opens it, so that a wrong or damaged file gives a message
 * rather than a library stack trace: the format from the magic bytes, and whether the file is as
 * long as its own header says. The length check matters for NetCDF-3, where netcdf-java reads past
 * the end of a truncated file as zeros.
 *
 * <p>The probe reads through the same open file that netcdf-java then reads, so that both see one
 * version of a file that another process may be replacing (a rename puts a new file at the path; an
 * open file keeps the version it opened).
 */
final class FormatProbe {
  /** The two families netcdf-java reads here. */
  enum Kind { NETCDF3, HDF5 }

  private static final byte[] HDF5_SIGNATURE = {(byte) 0x89, 'H', 'D', 'F', '\r', '\n', 0x1a, '\n'};
  private static final long UNDEFINED = -1L;

  private FormatProbe() {}

  /** A file that is not a readable NetCDF file; the message says why, without the file name. */
  static final class BadFile extends Exception {
    BadFile(String message) {
      super(message);
    }
  }

  /**
   * The kind of a NetCDF file, read through an open file; leaves its position anywhere.
   *
   * @throws BadFile if it is empty, not NetCDF, an unsupported variant, or shorter than its header says
   * @throws IOException if it cannot be read at all
   */
  static Kind probe(RandomAccessFile file) throws IOException, BadFile {
    long size = file.length();
    if (size == 0) throw new BadFile("not a NetCDF file: the file is empty (0 bytes)");
    byte[] head = new byte[(int) Math.min(8, size)];
    readFully(file, 0, head);
    if (head.length >= 4 && head[0] == 'C' && head[1] == 'D' && head[2] == 'F') {
      int version = head[3];
      if (version == 5) {
        throw new BadFile("a NetCDF-3 64-bit data (CDF-5) file, which netcdf-java 4.5 cannot read; convert it "
            + "with 'nccopy -k nc4 in.nc out.nc' or write it as NETCDF4");
      }
      if (version != 1 && version != 2) {
        throw new BadFile("not a NetCDF file: it starts with 'CDF' but version byte " + version
            + " (NetCDF-3 uses 1, 2 or 5)");
      }
      long required = nc3RequiredLength(file, version, size);
      if (required > size) {
        throw new BadFile("truncated: its NetCDF-3 header describes " + required + " bytes but the file has "
            + size);
      }
      return Kind.NETCDF3;
    }
    long superblock = findHdf5Signature(file, size);
    if (superblock < 0) {
      throw new BadFile("not a NetCDF file: it starts with bytes " + hex(head) + ", not 'CDF' (NetCDF-3) "
          + "or '\\x89HDF' (NetCDF-4)");
    }
    long required = hdf5RequiredLength(file, superblock);
    if (required > size) {
      throw new BadFile("truncated: its HDF5 superblock says the file ends at byte " + required
          + " but the file has " + size + " bytes");
    }
    return Kind.HDF5;
  }

  /** Reads {@code b.length} bytes at {@code pos}, or throws {@link EOFException}. */
  private static void readFully(RandomAccessFile file, long pos, byte[] b) throws IOException {
    file.seek(pos);
    file.readFully(b);
  }

  /** Reads up to {@code b.length} bytes at {@code pos}; {@return how many there were}. */
  private static int readUpTo(RandomAccessFile file, long pos, byte[] b) throws IOException {
    file.seek(pos);
    int n = 0;
    while (n < b.length) {
      int k = file.read(b, n, b.length - n);
      if (k < 0) break;
      n += k;
    }
    return n;
  }

  // ---- NetCDF-3: https://docs.unidata.ucar.edu/netcdf-c/current/file_format_specifications.html

  /** Where a NetCDF-3 variable's data starts, and how many bytes one record (or all of it) holds. */
  record Nc3Var(String name, long begin, long bytes, boolean record) {}

  /** The data layout a NetCDF-3 header describes. */
  record Nc3Layout(long headerBytes, long numrecs, List<Nc3Var> vars) {
    /** The file length the header implies: the end of the last variable's data. */
    long requiredLength() {
      long recordVars = vars.stream().filter(Nc3Var::record).count();
      long recsize = 0;
      for (Nc3Var v : vars) {
        // One record variable is stored unpadded; several are padded to 4 bytes each.
        if (v.record()) recsize += recordVars == 1 ? v.bytes() : pad4(v.bytes());
      }
      boolean streaming = numrecs == 0xFFFFFFFFL;
      long required = headerBytes;
      for (Nc3Var v : vars) {
        if (!v.record()) required = Math.max(required, v.begin() + v.bytes());
        else if (!streaming && numrecs > 0) required = Math.max(required, v.begin() + (numrecs - 1) * recsize + v.bytes());
      }
      return required;
    }
  }

  private static long nc3RequiredLength(RandomAccessFile file, int version, long size) throws IOException, BadFile {
    try {
      return nc3Layout(file, version, size).requiredLength();
    } catch (EOFException e) {
      throw new BadFile("truncated: the file (" + size + " bytes) ends inside its NetCDF-3 header");
    }
  }

  /**
   * The layout of a NetCDF-3 file (classic, 64-bit offset or CDF-5).
   *
   * @throws EOFException if the file ends inside the header
   * @throws BadFile if the header is not a NetCDF-3 header
   */
  static Nc3Layout nc3Layout(Path path) throws IOException, BadFile {
    try (RandomAccessFile file = new RandomAccessFile(path.toString(), "r")) {
      byte[] head = new byte[4];
      readFully(file, 0, head);
      return nc3Layout(file, head[3], file.length());
    }
  }

  private static Nc3Layout nc3Layout(RandomAccessFile file, int version, long size) throws IOException, BadFile {
    Header h = new Header(file, version, size);
    h.skip(4); // magic
    long numrecs = version == 5 ? h.int64() : h.int32() & 0xFFFFFFFFL;

    List<Long> dimLengths = new ArrayList<>();
    long ndims = h.listHeader(0x0A, "dimension");
    for (long i = 0; i < ndims; i++) {
      h.name();
      dimLengths.add(h.count());
    }
    skipAttributes(h);
    long nvars = h.listHeader(0x0B, "variable");
    List<Nc3Var> vars = new ArrayList<>();
    for (long i = 0; i < nvars; i++) {
      String name = h.name();
      long rank = h.count();
      long elements = 1;
      boolean record = false;
      for (long d = 0; d < rank; d++) {
        long id = h.count();
        if (id >= dimLengths.size()) throw h.corrupt("a variable refers to dimension " + id);
        long len = dimLengths.get((int) id);
        if (d == 0 && len == 0) record = true;
        else elements *= len;
      }
      skipAttributes(h);
      int type = h.int32();
      // vsize: recomputed, as it overflows for large variables; not checked against the file's size,
      // which a record variable's vsize (one record) exceeds while the file holds no records yet
      h.skip(version == 5 ? 8 : 4);
      long begin = version == 1 ? h.int32() & 0xFFFFFFFFL : h.int64();
      vars.add(new Nc3Var(name, begin, elements * typeSize(type, h), record));
    }
    return new Nc3Layout(h.position(), numrecs, vars);
  }

  private static void skipAttributes(Header h) throws IOException, BadFile {
    long n = h.listHeader(0x0C, "attribute");
    for (long i = 0; i < n; i++) {
      h.name();
      int type = h.int32();
      long count = h.count();
      h.skip(pad4(count * typeSize(type, h)));
    }
  }

  private static long typeSize(int type, Header h) throws BadFile {
    switch (type) {
      case 1: case 2: case 7: return 1; // byte, char, ubyte
      case 3: case 8: return 2; // short, ushort
      case 4: case 5: case 9: return 4; // int, float, uint
      case 6: case 10: case 11: return 8; // double, int64, uint64
      default: throw h.corrupt("unknown type code " + type);
    }
  }

  private static long pad4(long n) {
    return (n + 3) / 4 * 4;
  }

  /**
   * Big-endian reads of a NetCDF-3 header from its start, that know their position and the file's
   * size. (netcdf-java's {@code RandomAccessFile} is buffered and big-endian by default.)
   */
  private static final class Header {
    final RandomAccessFile in;
    final int version;
    final long size;
    long pos;

    Header(RandomAccessFile in, int version, long size) throws IOException {
      this.in = in;
      this.version = version;
      this.size = size;
      in.order(RandomAccessFile.BIG_ENDIAN);
      in.seek(0);
    }

    int int32() throws IOException {
      pos += 4;
      return in.readInt();
    }

    long int64() throws IOException {
      pos += 8;
      return in.readLong();
    }

    /** A count or length: 4 bytes, or 8 in CDF-5; never negative or beyond the file. */
    long count() throws IOException, BadFile {
      long n = version == 5 ? int64() : int32() & 0xFFFFFFFFL;
      if (n < 0 || n > size) throw corrupt("a count of " + n + " in a file of " + size + " bytes");
      return n;
    }

    /** The element count of a list whose tag must be {@code tag}, or 0 for an absent list. */
    long listHeader(int tag, String what) throws IOException, BadFile {
      int t = int32();
      long n = count();
      if (t == 0 && n == 0) return 0;
      if (t != tag) throw corrupt("expected the " + what + " list, found tag " + t);
      return n;
    }

    String name() throws IOException, BadFile {
      long n = count();
      if (n > 1 << 20) throw corrupt("a name of " + n + " bytes");
      byte[] b = new byte[(int) n];
      in.readFully(b);
      pos += n;
      skip(pad4(n) - n);
      return new String(b, StandardCharsets.UTF_8);
    }

    void skip(long n) throws IOException {
      if (pos + n > size) throw new EOFException();
      pos += n;
      in.seek(pos);
    }

    long position() {
      return pos;
    }

    BadFile corrupt(String what) {
      return new BadFile("corrupt NetCDF-3 header: " + what + " (at byte " + pos + ")");
    }
  }

  // ---- HDF5: https://docs.hdfgroup.org/hdf5/develop/_f_m_t3.html#Superblock

  private static long findHdf5Signature(RandomAccessFile file, long size) throws IOException {
    byte[] sig = new byte[8];
    for (long at = 0; at + 8 <= size; at = at == 0 ? 512 : at * 2) {
      if (readUpTo(file, at, sig) == 8 && Arrays.equals(sig, HDF5_SIGNATURE)) return at;
    }
    return -1;
  }

  /** Where the superblock says the file ends (base address + end-of-file address). */
  private static long hdf5RequiredLength(RandomAccessFile file, long at) throws IOException, BadFile {
    byte[] bytes = new byte[96];
    int n = readUpTo(file, at, bytes);
    ByteBuffer b = ByteBuffer.wrap(bytes, 0, n).slice().order(ByteOrder.LITTLE_ENDIAN);
    if (b.limit() < 16) throw new BadFile("truncated: the file ends inside its HDF5 superblock");
    int version = b.get(8);
    int offsets;
    int base;
    switch (version) {
      case 0: offsets = b.get(13); base = 24; break;
      case 1: offsets = b.get(13); base = 28; break;
      case 2: case 3: offsets = b.get(9); base = 12; break;
      default: return UNDEFINED; // unknown superblock: leave it to netcdf-java
    }
    if (offsets != 2 && offsets != 4 && offsets != 8) {
      throw new BadFile("corrupt HDF5 superblock: offset size " + offsets);
    }
    int eofField = base + 2 * offsets; // base address, then free-space or extension address, then EOF
    if (b.limit() < eofField + offsets) throw new BadFile("truncated: the file ends inside its HDF5 superblock");
    long baseAddress = address(b, base, offsets);
    long eof = address(b, eofField, offsets);
    if (eof == UNDEFINED || baseAddress == UNDEFINED) return UNDEFINED;
    return baseAddress + eof;
  }

  private static long address(ByteBuffer b, int at, int size) {
    long v = 0;
    boolean allOnes = true;
    for (int i = size - 1; i >= 0; i--) {
      int x = b.get(at + i) & 0xFF;
      if (x != 0xFF) allOnes = false;
      v = (v << 8) | x;
    }
    return allOnes ? UNDEFINED : v;
  }

  private static String hex(byte[] bytes) {
    StringBuilder sb = new StringBuilder();
    for (byte x : bytes) {
      if (sb.length() > 0) sb.append(' ');
      sb.append(String.format("%02x", x & 0xFF));
    }
    String text = new String(bytes, StandardCharsets.ISO_8859_1).replaceAll("[^\\x20-\\x7e]", ".");
    return sb + " (\"" + text + "\")";
  }
}
