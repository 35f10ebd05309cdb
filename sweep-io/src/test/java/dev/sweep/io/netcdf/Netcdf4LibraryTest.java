package dev.sweep.io.netcdf;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class Netcdf4LibraryTest {
  @TempDir Path dir;

  /** Run in a fresh JVM, where the C library is not yet loaded. */
  public static final class Probe {
    public static void main(String[] args) {
      System.out.print("netcdf4=" + Netcdf.isNetcdf4Available() + "\n");
    }
  }

  @Test
  void loadingTheCLibraryPrintsNothingToStandardOutput() {
    ExternalTools.requireNetcdf4();
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    ExternalTools.Result r = ExternalTools.run(dir, java, "-cp", System.getProperty("java.class.path"),
        Probe.class.getName()).assertSuccess("a JVM that loads the NetCDF C library");
    assertEquals("netcdf4=true\n", r.stdout(), "netcdf-java's two start-up lines go to the debug log");
  }
}
