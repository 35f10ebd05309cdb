package dev.sweep.io.netcdf;

import dev.sweep.data.DuplicateLabelException;
import dev.sweep.data.Dataset;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
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

/**
 * Reads a NetCDF file into an {@link NcFile} view and decodes it. Opens the file raw
 * ({@link NetcdfFile#open(String)}, not {@code NetcdfDataset}, which would turn variables named x, y,
 * lat, lon or time into axes). Every failure becomes an {@link UncheckedIOException} whose message
 * names the file and what is wrong with it.
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
    FormatProbe.Kind kind;
    try {
      if (Files.isDirectory(path)) throw failure(path, "it is a directory, not a NetCDF file", null);
      kind = FormatProbe.probe(path);
    } catch (NoSuchFileException e) {
      throw failure(path, "no such file", e);
    } catch (AccessDeniedException e) {
      throw failure(path, "permission denied", e);
    } catch (IOException e) {
      throw failure(path, e.toString(), e);
    } catch (FormatProbe.BadFile e) {
      throw failure(path, e.getMessage(), null);
    }
    long start = System.nanoTime();
    NetcdfFile nc;
    try {
      nc = NetcdfFile.open(path.toString());
    } catch (IOException | RuntimeException e) {
      throw failure(path, describe(kind, e), e instanceof IOException io ? io : null);
    }
    try (nc) {
      Dataset ds = CfDecoder.decode(view(nc, path), path.toString());
      log.debug("read {} in {} ms", path, (System.nanoTime() - start) / 1_000_000);
      return ds;
    } catch (EOFException e) {
      throw failure(path, "truncated: the data ends early (" + e.getMessage() + ")", e);
    } catch (IOException e) {
      throw failure(path, describe(kind, e), e);
    } catch (IllegalArgumentException | IllegalStateException | ArithmeticException | DuplicateLabelException e) {
      throw failure(path, e.getMessage(), null);
    }
  }

  /** The file as plain structure; values are read when the decoder asks for them. */
  private static NcFile view(NetcdfFile nc, Path path) {
    Group root = nc.getRootGroup();
    if (!root.getGroups().isEmpty()) {
      log.warn("{}: reading the root group only; skipping groups {}", path, root.getGroups());
    }
    List<NcFile.Dim> dims = new ArrayList<>();
    for (Dimension d : root.getDimensions()) dims.add(new NcFile.Dim(name(d), d.getLength()));
    List<NcFile.Var> vars = new ArrayList<>();
    for (Variable v : root.getVariables()) {
      List<String> vd = new ArrayList<>();
      for (Dimension d : v.getDimensions()) {
        vd.add(name(d));
        if (d.getShortName() == null && dims.stream().noneMatch(x -> x.name().equals(name(d)))) {
          dims.add(new NcFile.Dim(name(d), d.getLength()));
        }
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

  private static UncheckedIOException failure(Path file, String why, IOException cause) {
    String message = "cannot read " + file + ": " + why;
    return new UncheckedIOException(message, cause != null ? cause : new IOException(message));
  }
}
