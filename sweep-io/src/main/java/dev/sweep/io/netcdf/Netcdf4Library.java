package dev.sweep.io.netcdf;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
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
