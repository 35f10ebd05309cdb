package dev.sweep.io.csv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sweep.data.Dataset;
import dev.sweep.data.Variable;
import dev.sweep.farm.Sampler;
import dev.sweep.run.RunOptions;
import dev.sweep.run.Runner;
import dev.sweep.space.Draws;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.math3.complex.Complex;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A CSV file holds one number per cell: a complex column is refused by name, and the file is left as it was. */
class ComplexCsvTest {
  @TempDir Path dir;

  @Test
  void refusesAComplexColumnNamingItAndWhatToDo() throws Exception {
    Path csv = dir.resolve("table.csv");
    CsvStore store = CsvStore.open(csv);
    Dataset ds = Dataset.builder().variable(Variable.ofComplex("amp", List.of("row"), new long[] {1}, new Complex(1, 2)))
        .build();
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> store.append(ds));
    assertEquals("column 'amp' is complex128, which " + csv + " cannot hold: a CSV cell holds one number, and pandas "
        + "reads complex text such as (1+2j) back as strings. Return the real and imaginary parts as two outputs "
        + "(z.getReal(), z.getImaginary()), or harvest into a NetCDF file, which holds complex values", e.getMessage());
    assertTrue(!Files.exists(csv) || Files.size(csv) == 0, "nothing was written");
  }

  @Test
  void aTableViewRefusesAComplexColumnByName() {
    Dataset ds = Dataset.builder().variable(Variable.ofComplex("amp", List.of("row"), new long[] {1}, new Complex(1, 2)))
        .build();
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> dev.sweep.io.table.Tables.of(ds));
    assertEquals("column 'amp' is complex128, which a Tablesaw table cannot hold (it has no complex column type); make "
        + "two variables of its parts first, e.g. variable(\"amp\").real() and .imag()", e.getMessage());
  }

  @Test
  void aSamplerOfComplexOutputsSaysSoAtItsFirstSample() {
    Runner r = Runner.builder(a -> new Complex(a.getDouble("x"), 1)).vars("amp")
        .options(RunOptions.builder().verbosity(0).build()).build();
    Sampler s = Sampler.builder(r, Draws.builder().values("x", 1.0, 2.0).build()).file(dir.resolve("s.csv")).build();
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> s.sampleCombos(3));
    assertTrue(e.getMessage().startsWith("column 'amp' is complex128, which " + dir.resolve("s.csv") + " cannot hold"),
        e.getMessage());
  }
}
