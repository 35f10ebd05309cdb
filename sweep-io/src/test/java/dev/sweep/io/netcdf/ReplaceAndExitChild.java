package dev.sweep.io.netcdf;

import java.nio.file.Path;

/** A child JVM: replaces a large NetCDF file, then exits at once. */
public final class ReplaceAndExitChild {
  private ReplaceAndExitChild() {}

  public static void main(String[] args) {
    Path file = Path.of(args[0]);
    Netcdf.write(ReplacedFilesTest.large(), file);
    Netcdf.write(ReplacedFilesTest.large(), file);
  }
}
