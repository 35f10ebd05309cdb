package dev.sweep.io.netcdf;

import dev.sweep.data.DuplicateLabelException;
import dev.sweep.data.Dataset;
import dev.sweep.store.StoreFormatException;
import java.io.EOFException;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import ucar.ma2.InvalidRangeException;
import ucar.nc2.Dimension;
import ucar.nc2.Group;
import ucar.nc2.NetcdfFile;
import ucar.nc2.Variable;
import ucar.unidata.io.RandomAccessFile;

/**
 * Reads a NetCDF file into an {@link NcFile} view and decodes it. Opens the file once: the format
 * probe and netcdf-java read through the same open file, so a file that another process replaces
 * (by rename) meanwhile is read whole in the version that was opened. Opens it raw
 * ({@link NetcdfFile#open(RandomAccessFile, String, ucar.nc2.util.CancelTask, Object)}, not
 * {@code NetcdfDataset}, which would turn variables named x, y, lat, lon or time into axes).
 *
 * <p>A damaged or foreign file gives a {@link StoreFormatException} ({@code "<path>: <problem>"}); a
 * file that is missing, a directory or unreadable gives an {@link UncheckedIOException}
 * ({@code "cannot read <path>: <problem>"}).
 */
final class NetcdfReader {
  private static final Logger log = LoggerFactory.getLogger(NetcdfReader.class);

  static {
    // netcdf-java 4.5's HDF5 reader asserts (Tiling.tile) that a B-tree key lies inside the variable,
    // which is false for the key past the last, partial chunk that the C library writes; upstream
    // dropped the check in 2016. Under -ea (e.g. in tests) every such read would fail, so it is off.
    ClassLoader ucar = NetcdfFile.class.getClassLoader();
    if (ucar != null) ucar.setPackageAssertionStatus("ucar.nc2.iosp.hdf5", false);
  }

  private NetcdfReader() {}

  static Dataset read(Path path) {
    if (Files.isDirectory(path)) throw unreadable(path, "it is a directory, not a NetCDF file", null);
    RandomAccessFile raf;
    try {
      raf = new RandomAccessFile(path.toString(), "r");
    } catch (FileNotFoundException e) { // java.io says this for a missing and for an unreadable file alike
      if (Files.notExists(path)) throw unreadable(path, "no such file", e);
      if (!Files.isReadable(path)) throw unreadable(path, "permission denied", e);
      throw unreadable(path, e.toString(), e);
    } catch (IOException e) {
      throw unreadable(path, e.toString(), e);
    }
    long start = System.nanoTime();
    NetcdfFile nc = null;
    FormatProbe.Kind kind;
    try {
      try {
        kind = FormatProbe.probe(raf);
      } catch (FormatProbe.BadFile e) {
        throw damaged(path, e.getMessage(), null);
      } catch (IOException e) {
        throw unreadable(path, e.toString(), e);
      }
      try {
        raf.seek(0);
        nc = NetcdfFile.open(raf, path.toString(), null, null);
      } catch (IOException | RuntimeException e) {
        throw damaged(path, describe(kind, e), e);
      }
    } finally {
      if (nc == null) closeQuietly(raf);
    }
    try (NetcdfFile open = nc) {
      Dataset ds = CfDecoder.decode(view(open, path, kind), path.toString());
      log.debug("read {} in {} ms", path, (System.nanoTime() - start) / 1_000_000);
      return ds;
    } catch (EOFException e) {
      throw damaged(path, "truncated: the data ends early (" + e.getMessage() + ")", e);
    } catch (IOException e) {
      throw damaged(path, describe(kind, e), e);
    } catch (IllegalArgumentException | IllegalStateException | ArithmeticException | DuplicateLabelException e) {
      throw damaged(path, e.getMessage(), e);
    }
  }

  /** The file as plain structure; values are read when the decoder asks for them. */
  private static NcFile view(NetcdfFile nc, Path path, FormatProbe.Kind kind) {
    Group root = nc.getRootGroup();
    refuseDataInGroups(root, path);
    List<Dimension> rootDims = root.getDimensions();
    List<Variable> rootVars = root.getVariables();
    if (kind == FormatProbe.Kind.HDF5) { // NetCDF-3 lists them in file order already
      List<String> names = new ArrayList<>();
      for (Variable v : rootVars) names.add(v.getShortName());
      Netcdf4Order order = Netcdf4Order.of(nc, names);
      rootDims = order.sortDimensions(rootDims);
      rootVars = order.sortVariables(rootVars);
    }
    List<NcFile.Dim> dims = new ArrayList<>();
    for (Dimension d : rootDims) dims.add(new NcFile.Dim(name(d), d.getLength()));
    List<NcFile.Var> vars = new ArrayList<>();
    for (Variable v : rootVars) {
      List<String> vd = new ArrayList<>();
      for (Dimension d : v.getDimensions()) {
        vd.add(name(d));
        if (d.getShortName() == null && dims.stream().noneMatch(x -> x.name().equals(name(d)))) {
          dims.add(new NcFile.Dim(name(d), d.getLength()));
        }
      }
      if (v instanceof ucar.nc2.Structure s && complexMembers(s) != null) {
        vars.add(complexVar(s, vd));
        continue;
      }
      NcFile.Var[] self = new NcFile.Var[1];
      self[0] = new NcFile.Var(v.getShortName(), vd, v.getDataType(), v.getShape(), v.getAttributes(),
          v.isUnsigned(), (first, count) -> {
            try {
              return v.read(self[0].slabOrigin(first), self[0].slabShape(count));
            } catch (InvalidRangeException e) {
              throw new IOException("reading rows " + first + ".." + (first + count) + " of " + v.getShortName(), e);
            }
          });
      vars.add(self[0]);
    }
    return new NcFile(dims, vars, root.getAttributes());
  }

  /** Names of the real and imaginary members of the compounds read as complex, as h5py and nc-complex know them. */
  private static final List<List<String>> COMPLEX_NAMES = List.of(List.of("r", "i"), List.of("re", "im"),
      List.of("real", "imag"), List.of("real", "imaginary"));

  /**
   * The real and imaginary members of a compound of two scalar members of one floating type with
   * names h5py reads as complex (r/i as xarray's h5netcdf engine writes, re/im, real/imag); null if
   * the structure is anything else.
   */
  private static ucar.nc2.Variable[] complexMembers(ucar.nc2.Structure s) {
    List<ucar.nc2.Variable> m = s.getVariables();
    if (m.size() != 2) return null;
    ucar.nc2.Variable re = m.get(0);
    ucar.nc2.Variable im = m.get(1);
    ucar.ma2.DataType t = re.getDataType();
    if (t != im.getDataType() || (t != ucar.ma2.DataType.DOUBLE && t != ucar.ma2.DataType.FLOAT)) return null;
    if (re.getRank() != 0 || im.getRank() != 0) return null;
    List<String> names = List.of(re.getShortName().toLowerCase(java.util.Locale.ROOT),
        im.getShortName().toLowerCase(java.util.Locale.ROOT));
    return COMPLEX_NAMES.contains(names) ? new ucar.nc2.Variable[] {re, im} : null;
  }

  /** A complex compound as a variable whose rows are its parts, side by side along a last axis of 2. */
  private static NcFile.Var complexVar(ucar.nc2.Structure s, List<String> dims) {
    ucar.nc2.Variable[] members = complexMembers(s);
    ucar.ma2.DataType part = members[0].getDataType();
    NcFile.Var[] self = new NcFile.Var[1];
    self[0] = new NcFile.Var(s.getShortName(), dims, ucar.ma2.DataType.STRUCTURE, s.getShape(), s.getAttributes(),
        false, (first, count) -> {
          ucar.ma2.ArrayStructure a;
          try {
            a = (ucar.ma2.ArrayStructure) s.read(self[0].slabOrigin(first), self[0].slabShape(count));
          } catch (InvalidRangeException e) {
            throw new IOException("reading rows " + first + ".." + (first + count) + " of " + s.getShortName(), e);
          }
          ucar.ma2.StructureMembers sm = a.getStructureMembers();
          ucar.ma2.Array re = a.extractMemberArray(sm.findMember(members[0].getShortName()));
          ucar.ma2.Array im = a.extractMemberArray(sm.findMember(members[1].getShortName()));
          int n = (int) re.getSize();
          int[] shape = java.util.Arrays.copyOf(self[0].slabShape(count), self[0].shape().length + 1);
          shape[shape.length - 1] = 2;
          if (part == ucar.ma2.DataType.DOUBLE) {
            double[] out = new double[2 * n];
            for (int k = 0; k < n; k++) {
              out[2 * k] = re.getDouble(k);
              out[2 * k + 1] = im.getDouble(k);
            }
            return ucar.ma2.Array.factory(part, shape, out);
          }
          float[] out = new float[2 * n];
          for (int k = 0; k < n; k++) {
            out[2 * k] = re.getFloat(k);
            out[2 * k + 1] = im.getFloat(k);
          }
          return ucar.ma2.Array.factory(part, shape, out);
        }, part);
    return self[0];
  }

  /**
   * Refuses a file whose groups hold variables or attributes: a dataset is one flat group, so reading
   * the root alone would lose them as soon as the dataset is written back (by a harvest, say).
   * Groups that hold nothing are ignored.
   */
  private static void refuseDataInGroups(Group root, Path path) {
    List<String> holding = new ArrayList<>();
    String first = null;
    for (Group g : descendants(root)) {
      List<String> parts = new ArrayList<>();
      if (!g.getVariables().isEmpty()) {
        List<String> names = new ArrayList<>();
        for (Variable v : g.getVariables()) names.add(v.getShortName());
        parts.add("variables " + String.join(", ", names));
      }
      if (!g.getAttributes().isEmpty()) {
        List<String> names = new ArrayList<>();
        for (ucar.nc2.Attribute a : g.getAttributes()) names.add(a.getShortName());
        parts.add("attributes " + String.join(", ", names));
      }
      String name = g.getFullName();
      if (parts.isEmpty()) {
        log.debug("{}: ignoring the empty group '{}'", path, name);
        continue;
      }
      if (first == null) first = name;
      holding.add("group '" + name + "' (" + String.join("; ", parts) + ")");
    }
    if (holding.isEmpty()) return;
    throw new StoreFormatException(path, "it keeps data in NetCDF-4 groups, which sweep does not read: "
        + String.join(", ", holding) + "; the root group holds " + root.getVariables().size() + " variable"
        + (root.getVariables().size() == 1 ? "" : "s") + ". Reading the root alone would lose the groups when "
        + "the dataset is written back. Save each group as a file of its own, e.g. in Python: "
        + "xr.open_dataset(path, group=\"" + first + "\").to_netcdf(\"" + first.replace('/', '_') + ".nc\")", null);
  }

  /** Every group below the root, depth first. */
  private static List<Group> descendants(Group g) {
    List<Group> out = new ArrayList<>();
    for (Group child : g.getGroups()) {
      out.add(child);
      out.addAll(descendants(child));
    }
    return out;
  }

  /** A dimension's name; HDF5 files without dimension scales have anonymous ones. */
  private static String name(Dimension d) {
    return d.getShortName() != null ? d.getShortName() : "phony_dim_" + d.getLength();
  }

  private static String describe(FormatProbe.Kind kind, Exception e) {
    String what = kind == FormatProbe.Kind.NETCDF3 ? "NetCDF-3" : "NetCDF-4/HDF5";
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) root = root.getCause();
    String msg = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    if (root instanceof EOFException || msg.contains("truncated")) return "truncated: " + msg;
    return "corrupt " + what + " file: " + msg;
  }

  private static void closeQuietly(RandomAccessFile raf) {
    try {
      raf.close();
    } catch (IOException e) {
      log.debug("closing {}: {}", raf.getLocation(), e.toString());
    }
  }

  /** A file that is there but is not a NetCDF file sweep can read whole. */
  private static StoreFormatException damaged(Path file, String problem, Throwable cause) {
    return new StoreFormatException(file, problem, cause);
  }

  /** A file that cannot be read at all: missing, a directory, unreadable. */
  private static UncheckedIOException unreadable(Path file, String why, IOException cause) {
    String message = "cannot read " + file + ": " + why;
    return new UncheckedIOException(message, cause != null ? cause : new IOException(message));
  }
}
