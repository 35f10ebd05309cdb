package dev.sweep.io.netcdf;

import dev.sweep.data.Dataset;
import dev.sweep.data.Variable;
import dev.sweep.io.internal.AtomicFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import ucar.nc2.Attribute;
import ucar.nc2.Dimension;
import ucar.nc2.NetcdfFile;

/**
 * Appends labels along the unlimited (record) dimension of a NetCDF-3 file in place: what a
 * {@link NetcdfStore} does for {@link dev.sweep.store.DatasetStore#append}, so that a harvest adding
 * values of its outermost dimension costs what its new records cost. The file keeps its header; the
 * new records go after the old ones, are flushed, and only then does the header's record count grow
 * ({@link Nc3Records}): a crash at any moment leaves the old or the new records.
 *
 * <p>It appends only what the header already describes: the same variables with the same types,
 * dimensions and attributes (the CF encoding of the tail must match the file's), strings no longer
 * than the file's string lengths, and a string variable's missing-value text that still marks only
 * the nulls. Anything else returns false, and the caller rewrites the file.
 */
final class NetcdfAppender {
  private static final Logger log = LoggerFactory.getLogger(NetcdfAppender.class);

  private NetcdfAppender() {}

  /** Writes all records of a new file that {@link NetcdfWriter} has just laid out, then their count. */
  static void writeInitialRecords(Path tmp, Map<String, NcFile.Var> records, int numrecs) throws IOException {
    Nc3Records.Section s = Nc3Records.section(tmp);
    try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
      Nc3Records.writeRecords(ch, s, records, Map.of(), 0, numrecs);
      Nc3Records.writeCount(ch, numrecs);
    }
  }

  /**
   * The dimension {@link NetcdfStore} makes unlimited in a NetCDF-3 file: the dataset's first, if
   * every variable over it has it first (the NetCDF-3 rule) and no dimension is empty (an empty one
   * must be the unlimited one).
   *
   * @return the record dimension; null if none fits
   */
  static String recordDimension(Dataset ds) {
    if (ds.dims().isEmpty() || ds.sizes().containsValue(0)) return null;
    String first = ds.dims().get(0);
    for (Variable v : ds.variables().values()) {
      if (v.dims().contains(first) && !v.dims().get(0).equals(first)) return null;
    }
    return first;
  }

  /**
   * Appends the tail's records along {@code dim}, if the file can take them in place.
   *
   * @return true if appended; false if the file's layout cannot take them (the file is untouched)
   * @throws IllegalArgumentException if NetCDF-3 cannot hold something in the tail
   * @throws UncheckedIOException naming the file, if writing fails; the file then holds what it held
   */
  static boolean append(Path file, String dim, Dataset tail) {
    NcFile encoded = CfEncoder.encode(tail, NetcdfFormat.NETCDF3_64BIT_OFFSET); // every value check first
    Map<String, Integer> stringLengths;
    try (NetcdfFile nc = NetcdfFile.open(file.toString())) {
      String why = mismatch(nc, encoded, dim, tail);
      if (why != null) {
        log.debug("{}: rewriting rather than appending: {}", file, why);
        return false;
      }
      stringLengths = Nc3Records.stringLengths(nc);
    } catch (IOException e) {
      log.debug("{}: rewriting rather than appending: {}", file, e.toString());
      return false;
    }
    int count = tail.sizes().get(dim);
    Map<String, NcFile.Var> records = new HashMap<>();
    for (NcFile.Var v : encoded.vars()) {
      if (!v.dims().isEmpty() && v.dims().get(0).equals(dim)) records.put(v.name(), v);
    }
    long start = System.nanoTime();
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
      Nc3Records.Section s;
      try {
        s = Nc3Records.section(file);
      } catch (IOException e) {
        log.debug("{}: rewriting rather than appending: {}", file, e.toString());
        return false;
      }
      long numrecs = s.layout().numrecs();
      boolean streaming = numrecs == 0xFFFFFFFFL;
      if (streaming || numrecs + count > Integer.MAX_VALUE || !elementsFit(encoded, dim, numrecs + count)) {
        return false;
      }
      long end = s.end(numrecs);
      try {
        // Bytes past the records are what a killed appender left: never records, so cut them first.
        if (ch.size() > end) ch.truncate(end);
        Nc3Records.writeRecords(ch, s, records, stringLengths, numrecs, count);
        ch.force(false); // the records are on the disk before the count that makes them visible
        Nc3Records.writeCount(ch, numrecs + count);
        ch.force(false);
      } catch (IOException e) {
        try {
          ch.truncate(end); // frees what the failed records took; the count was not changed
        } catch (IOException cut) {
          e.addSuppressed(cut);
        }
        throw e;
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot append to " + file + ": " + describe(e, file), e);
    }
    if (log.isDebugEnabled()) {
      log.debug("appended {} records to {} in {} ms", count, file, String.format(Locale.ROOT, "%.2f",
          (System.nanoTime() - start) / 1e6));
    }
    return true;
  }

  /** Why the encoded tail does not fit the file's header as it is; null if it does. */
  private static String mismatch(NetcdfFile nc, NcFile tail, String dim, Dataset ds) {
    Dimension unlimited = nc.getUnlimitedDimension();
    if (unlimited == null || !unlimited.getShortName().equals(dim)) return "'" + dim + "' is not its record dimension";
    if (!sameAttributes(nc.getGlobalAttributes(), tail.attrs())) return "the dataset's attributes differ";
    List<ucar.nc2.Variable> fileVars = nc.getVariables();
    if (fileVars.size() != tail.vars().size()) return "the variables differ";
    Map<String, NcFile.Dim> tailDims = new HashMap<>();
    for (NcFile.Dim d : tail.dims()) tailDims.put(d.name(), d);
    for (ucar.nc2.Variable fv : fileVars) {
      NcFile.Var tv = null;
      for (NcFile.Var v : tail.vars()) if (v.name().equals(fv.getShortName())) tv = v;
      if (tv == null) return "variable '" + fv.getShortName() + "' is not in the new data";
      if (tv.type() != fv.getDataType()) {
        return "variable '" + tv.name() + "' is " + tv.type() + ", not " + fv.getDataType();
      }
      List<String> fileDims = new ArrayList<>();
      for (Dimension d : fv.getDimensions()) fileDims.add(d.getShortName());
      if (!fileDims.equals(tv.dims())) return "variable '" + tv.name() + "' has other dimensions";
      for (int k = 0; k < fileDims.size(); k++) {
        String d = fileDims.get(k);
        if (d.equals(dim)) continue;
        int fileLength = fv.getDimension(k).getLength();
        int tailLength = tailDims.get(d).length();
        boolean strlen = fv.getDataType() == ucar.ma2.DataType.CHAR && k == fileDims.size() - 1;
        if (strlen ? tailLength > fileLength : tailLength != fileLength) {
          return "dimension '" + d + "' of variable '" + tv.name() + "' has length " + tailLength + ", the file "
              + fileLength;
        }
      }
      String why = missingValueMismatch(fv, tv, ds);
      if (why != null) return why;
    }
    return null;
  }

  /**
   * Compares attributes; a string variable's {@code missing_value} may be absent from the tail (no
   * nulls there) as long as no string of the tail is that text.
   */
  private static String missingValueMismatch(ucar.nc2.Variable fv, NcFile.Var tv, Dataset ds) {
    List<Attribute> fileAttrs = fv.getAttributes();
    List<Attribute> tailAttrs = tv.attrs();
    if (fv.getDataType() == ucar.ma2.DataType.CHAR) {
      Attribute fm = fv.findAttribute("missing_value");
      Attribute tm = tv.attr("missing_value");
      if (tm != null && (fm == null || !Objects.equals(fm.getStringValue(), tm.getStringValue()))) {
        return "the missing-value text of '" + tv.name() + "' would change";
      }
      if (fm != null && tm == null) {
        Variable v = ds.variables().get(tv.name());
        String text = fm.getStringValue();
        String[] values = v != null ? v.toStringArray() : ds.coord(tv.name()).labels().stream()
            .map(String::valueOf).toArray(String[]::new);
        if (Arrays.asList(values).contains(text)) return "a string of '" + tv.name() + "' is its missing-value text";
        fileAttrs = without(fileAttrs, "missing_value");
      }
    }
    return sameAttributes(fileAttrs, tailAttrs) ? null : "the attributes of '" + tv.name() + "' differ";
  }

  private static List<Attribute> without(List<Attribute> attrs, String name) {
    List<Attribute> out = new ArrayList<>();
    for (Attribute a : attrs) if (!a.getShortName().equals(name)) out.add(a);
    return out;
  }

  private static boolean sameAttributes(List<Attribute> a, List<Attribute> b) {
    if (a.size() != b.size()) return false;
    Map<String, Attribute> byName = new HashMap<>();
    for (Attribute x : b) byName.put(x.getShortName(), x);
    for (Attribute x : a) {
      Attribute y = byName.get(x.getShortName());
      if (y == null || x.getDataType() != y.getDataType() || x.getLength() != y.getLength()) return false;
      for (int i = 0; i < x.getLength(); i++) {
        Object u = x.isString() ? x.getStringValue(i) : x.getNumericValue(i);
        Object v = y.isString() ? y.getStringValue(i) : y.getNumericValue(i);
        if (!Objects.equals(u, v)) return false; // Double.equals: NaN equals NaN, as a fill value should
      }
    }
    return true;
  }

  /** True if every record variable stays within the elements netcdf-java reads into one array. */
  private static boolean elementsFit(NcFile tail, String dim, long records) {
    for (NcFile.Var v : tail.vars()) {
      if (v.dims().isEmpty() || !v.dims().get(0).equals(dim)) continue;
      long perRecord = 1;
      int[] shape = v.shape();
      for (int k = 1; k < shape.length; k++) perRecord *= shape[k];
      if (records * perRecord > Integer.MAX_VALUE) return false;
    }
    return true;
  }

  private static String describe(IOException e, Path file) {
    Path dir = file.toAbsolutePath().getParent();
    String text = String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT);
    if (text.contains("no space left") || AtomicFiles.isFull(dir)) return "no space left on " + dir + " (" + e + ")";
    if (text.contains("read-only file system")) return "read-only file system at " + dir + " (" + e + ")";
    if (!Files.isWritable(file)) return "permission denied (" + e + ")";
    return e.toString();
  }
}
