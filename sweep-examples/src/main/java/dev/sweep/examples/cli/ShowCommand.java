package dev.sweep.examples.cli;

import dev.sweep.io.netcdf.Netcdf;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code sweep show FILE}: prints a summary of a NetCDF dataset or a CSV table. */
@Command(name = "show", mixinStandardHelpOptions = true,
    description = "Print a summary of a NetCDF file (the dataset, as xarray prints it) or a CSV table.")
final class ShowCommand implements Callable<Integer> {
  @Parameters(paramLabel = "FILE", description = "A .nc file or a .csv file.")
  Path file;

  @Override
  public Integer call() {
    if (!Files.exists(file)) {
      System.err.println("sweep show: no such file: " + file);
      return 2;
    }
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    if (name.endsWith(".csv")) {
      System.out.println(TableSummary.of(file));
    } else {
      System.out.println(Netcdf.read(file));
    }
    return 0;
  }
}
