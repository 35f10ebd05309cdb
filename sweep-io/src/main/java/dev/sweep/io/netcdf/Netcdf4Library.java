package dev.sweep.io.netcdf;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import ucar.nc2.iosp.IOServiceProvider;
import ucar.nc2.jni.netcdf.Nc4Iosp;

/**
 * Whether the NetCDF C library, which netcdf-java needs to write NetCDF-4, can be loaded.
 *
 * <p>Loading it makes netcdf-java print two lines to {@code System.out}. The probe runs once and
 * captures them, logging them at debug level instead; while it runs (some milliseconds, once per
 * JVM) output of other threads to {@code System.out} is captured too.
 */
final class Netcdf4Library {
  private static final Logger log = LoggerFactory.getLogger(Netcdf4Library.class);

  /** What to install, for messages. */
  static final String INSTALL = "the NetCDF C library (Debian/Ubuntu: apt-get install libnetcdf19; "
      + "Fedora: dnf install netcdf; macOS: brew install netcdf)";

  private static Boolean present;

  private Netcdf4Library() {}

  /** True if the C library loads; probed on the first call only. */
  static synchronized boolean isPresent() {
    if (present == null) present = probe();
    return present;
  }

  /**
   * Throws unless NetCDF-4 can be written.
   *
   * @throws UnsupportedOperationException saying what to install
   */
  static void require(boolean present) {
    if (!present) {
      throw new UnsupportedOperationException("writing NetCDF-4 needs " + INSTALL
          + ", which was not found; install it, or write NetcdfFormat.NETCDF3_64BIT_OFFSET (pure Java)");
    }
  }

  /** The C library's {@code nc_abort}, which netcdf-java 4.5 does not declare. */
  private interface Abort extends com.sun.jna.Library {
    int nc_abort(int ncid);

    String nc_strerror(int status);
  }

  private static Abort abortFunction;

  /**
   * Closes the C library's handle on a file that netcdf-java failed to close. {@code nc_close} keeps
   * the file open when its final flush fails (as on a full disk), and netcdf-java then forgets it:
   * the process would hold the deleted temporary file, and its blocks, until it exits.
   * {@code nc_abort} closes it without flushing. Called with the C library's lock held.
   *
   * @param iosp the writer's I/O service provider; ignored unless it is netcdf-java's {@code Nc4Iosp}
   * @param file the file, for messages
   */
  static void abort(IOServiceProvider iosp, Path file) {
    if (!(iosp instanceof Nc4Iosp)) return;
    try {
      Field field = Nc4Iosp.class.getDeclaredField("ncid"); // netcdf-java 4.5.5 keeps the handle private
      field.setAccessible(true);
      int ncid = field.getInt(iosp);
      if (ncid < 0) return; // never created
      synchronized (Netcdf4Library.class) {
        if (abortFunction == null) abortFunction = com.sun.jna.Native.loadLibrary("netcdf", Abort.class);
      }
      int status = abortFunction.nc_abort(ncid);
      field.setInt(iosp, -1); // the id may be given to the next file; this writer must not close it
      if (status != 0) log.debug("nc_abort of {}: {}: {}", file, status, abortFunction.nc_strerror(status));
      else log.debug("closed the C library's handle on the failed file {}", file);
    } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
      log.warn("cannot close the NetCDF C library's handle on {}; its space is freed when the JVM exits: {}", file,
          e.toString());
    }
  }

  private static boolean probe() {
    PrintStream stdout = System.out;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    long start = System.nanoTime();
    boolean ok;
    try {
      System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
      ok = Nc4Iosp.isClibraryPresent();
    } catch (LinkageError | RuntimeException e) {
      // JNA missing or the library broken: NetCDF-4 writing is unavailable, the rest still works.
      log.debug("NetCDF C library could not be loaded", e);
      ok = false;
    } finally {
      System.setOut(stdout);
    }
    log.debug("NetCDF C library present: {} ({} ms); it said: {}", ok, (System.nanoTime() - start) / 1_000_000,
        captured.toString(StandardCharsets.UTF_8).trim());
    return ok;
  }
}
