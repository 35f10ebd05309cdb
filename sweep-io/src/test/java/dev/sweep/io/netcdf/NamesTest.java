package dev.sweep.io.netcdf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.sweep.data.Dataset;
import dev.sweep.data.Index;
import dev.sweep.data.Variable;
import dev.sweep.testing.DatasetAssertions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Names are stored unchanged or refused before any file is touched: netcdf-java 4.5 turns a space in
 * any name into '_', so {@code my out} is refused with the rule, not saved as {@code my_out}.
 */
class NamesTest {
  @TempDir Path dir;

  private List<String> files() throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.map(p -> p.getFileName().toString()).toList();
    }
  }

  private void assertRefused(Dataset ds, NetcdfFormat format, String message) throws IOException {
    if (format == NetcdfFormat.NETCDF4) ExternalTools.requireNetcdf4();
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Netcdf.write(ds, dir.resolve("names.nc"), format));
    assertEquals(message, e.getMessage());
    assertEquals(List.of(), files(), "no file was touched");
  }

  @ParameterizedTest
  @EnumSource(NetcdfFormat.class)
  void aNumericVariableWithAnInnerSpaceIsRefused(NetcdfFormat format) throws IOException {
    Dataset ds = Dataset.builder().coord("a", Index.ofInts(1, 2))
        .variable(Variable.of("my out", List.of("a"), Nd4j.create(new double[] {1, 2}, new long[] {2}, DataType.DOUBLE)))
        .build();
    assertRefused(ds, format, "variable name 'my out' is not a valid NetCDF name: it contains a space, which "
        + "netcdf-java 4.5 would store as '_' ('my_out'); use '_' or another character");
  }

  @ParameterizedTest
  @EnumSource(NetcdfFormat.class)
  void aStringVariableWithAnInnerSpaceIsRefused(NetcdfFormat format) throws IOException {
    Dataset ds = Dataset.builder().coord("a", Index.ofInts(1, 2))
        .variable(Variable.ofStrings("my label", List.of("a"), new long[] {2}, "x", "y"))
        .build();
    assertRefused(ds, format, "variable name 'my label' is not a valid NetCDF name: it contains a space, which "
        + "netcdf-java 4.5 would store as '_' ('my_label'); use '_' or another character");
  }

  @Test
  void aDimensionWithAnInnerSpaceIsRefused() throws IOException {
    Dataset ds = Dataset.builder().coord("my dim", Index.ofInts(1, 2)).build();
    assertRefused(ds, NetcdfFormat.NETCDF3_64BIT_OFFSET, "dimension name 'my dim' is not a valid NetCDF name: it "
        + "contains a space, which netcdf-java 4.5 would store as '_' ('my_dim'); use '_' or another character");
  }

  @Test
  void attributesWithAnInnerSpaceAreRefused() throws IOException {
    Dataset global = Samples.small().toBuilder().attr("run date", "today").build();
    assertRefused(global, NetcdfFormat.NETCDF3_64BIT_OFFSET, "attribute name 'run date' of the dataset is not a "
        + "valid NetCDF name: it contains a space, which netcdf-java 4.5 would store as '_' ('run_date'); use '_' or "
        + "another character");
    Dataset ds = Dataset.builder().coord("a", Index.ofInts(1, 2))
        .variable(Variable.of("v", List.of("a"), Nd4j.create(new double[] {1, 2}, new long[] {2}, DataType.DOUBLE))
            .withAttrs(Map.of("long name", "speed")))
        .build();
    assertRefused(ds, NetcdfFormat.NETCDF3_64BIT_OFFSET, "attribute name 'long name' of variable 'v' is not a valid "
        + "NetCDF name: it contains a space, which netcdf-java 4.5 would store as '_' ('long_name'); use '_' or "
        + "another character");
  }

  @ParameterizedTest
  @EnumSource(NetcdfFormat.class)
  void namesNetcdfJavaKeepsComeBackUnchanged(NetcdfFormat format) {
    if (format == NetcdfFormat.NETCDF4) ExternalTools.requireNetcdf4();
    // Non-ASCII after the first character, punctuation, a no-break space: all kept as they are.
    Dataset ds = Dataset.builder().coord("température", Index.ofInts(1, 2))
        .variable(Variable.of("v-1.5(m per s)²".replace(" ", ""), List.of("température"),
            Nd4j.create(new double[] {1, 2}, new long[] {2}, DataType.DOUBLE)).withAttrs(Map.of("no\u00a0break", "x")))
        .build();
    Path file = dir.resolve("kept.nc");
    Netcdf.write(ds, file, format);
    DatasetAssertions.assertIdentical(ds, Netcdf.read(file));
  }
}
