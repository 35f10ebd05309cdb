package dev.sweep.io.netcdf;

import dev.sweep.data.Dataset;
import dev.sweep.data.Index;
import dev.sweep.data.Variable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

/** Datasets the NetCDF tests share. */
final class Samples {
  private Samples() {}

  /**
   * Every type as coordinate, data variable and attribute; NaN, null and empty strings, non-ASCII text,
   * a dimension without labels, a scalar, and variables named like the axes NetcdfDataset would grab.
   */
  static Dataset everything() {
    double nan = Double.NaN;
    Map<String, Object> vAttrs = new LinkedHashMap<>();
    vAttrs.put("units", "m/s²");
    vAttrs.put("valid", true);
    vAttrs.put("scale", new double[] {0.5});
    return Dataset.builder()
        .coord("a", Index.ofInts(1, 2, 3))
        .coord("b", Index.ofStrings("x", "y"))
        .coord("c", Index.ofDoubles(0.5, 1.5))
        .coord("d", Index.ofLongs(10L, 20L))
        .coord("e", Index.ofFloats(0.25f, 0.75f))
        .coord("f", Index.ofBooleans(false, true))
        .coord("g", Index.ofStrings("héllo", "日本", "ü"))
        .dim("n", 2)
        .variable(Variable.of("v", List.of("a", "b"),
            Nd4j.create(new double[] {1, nan, 3, 4, 5, 6}, new long[] {3, 2}, DataType.DOUBLE)).withAttrs(vAttrs))
        .variable(Variable.of("fl", List.of("b"), Nd4j.create(new float[] {1.5f, Float.NaN}, new long[] {2}, DataType.FLOAT)))
        .variable(Variable.of("i", List.of("a"), Nd4j.create(new int[] {-1, 0, Integer.MAX_VALUE}, new long[] {3}, DataType.INT32)))
        .variable(Variable.of("l", List.of("d"), Nd4j.create(new long[] {Integer.MIN_VALUE, 7}, new long[] {2}, DataType.INT64)))
        .variable(Variable.of("ok", List.of("a", "b"),
            Nd4j.create(new boolean[] {true, false, false, true, true, true}, new long[] {3, 2}, DataType.BOOL)))
        .variable(Variable.ofStrings("s", List.of("a", "b"), new long[] {3, 2}, "1x", null, "", "日本語", "ü", "z"))
        .variable(Variable.ofStrings("label", List.of(), new long[0], "scalar ☃"))
        .variable(Variable.of("scalar", List.of(), Nd4j.scalar(2.5)))
        .variable(Variable.of("x", List.of("n"), Nd4j.create(new double[] {0.1, 0.2}, new long[] {2}, DataType.DOUBLE)))
        .variable(Variable.of("y", List.of("n"), Nd4j.create(new double[] {1, 2}, new long[] {2}, DataType.DOUBLE)))
        .variable(Variable.of("lat", List.of("n", "c"), Nd4j.create(new double[] {1, 2, 3, 4}, new long[] {2, 2}, DataType.DOUBLE)))
        .variable(Variable.of("lon", List.of("c"), Nd4j.create(new double[] {5, 6}, new long[] {2}, DataType.DOUBLE)))
        .variable(Variable.of("time", List.of("e", "f"), Nd4j.create(new int[] {1, 2, 3, 4}, new long[] {2, 2}, DataType.INT32)))
        .variable(Variable.of("per_g", List.of("g"), Nd4j.create(new double[] {1, 2, 3}, new long[] {3}, DataType.DOUBLE)))
        .attr("title", "a sweep ☃")
        .attr("count", 3)
        .attr("seed", 123456789012L)
        .attr("small_seed", 42L)
        .attr("ratio", 0.5)
        .attr("ratio32", 0.25f)
        .attr("short", (short) 7)
        .attr("byte", (byte) -3)
        .attr("converged", false)
        .attr("empty", "")
        .attr("grid", new double[] {0.1, 0.2, 0.3})
        .attr("one", new int[] {4})
        .attr("longs", new long[] {1L, 1L << 40})
        .attr("flags", new boolean[] {true, false})
        .attr("names", new String[] {"a", "b, c", "\"q\""})
        .attr("one_name", new String[] {"solo"})
        .attr("none", new double[0])
        .build();
  }

  /** {@link #everything()} without what NetCDF-3 cannot hold: int64 values and attributes beyond int32. */
  static Dataset everythingForNetcdf3() {
    return everything().toBuilder()
        .attr("seed", 1234567890L)
        .attr("longs", new long[] {1L, -(1L << 31)})
        .build();
  }

  /** A small dataset as in the README: int and string coordinates, a float64 result with one NaN. */
  static Dataset small() {
    return Dataset.builder()
        .coord("a", Index.ofInts(1, 2, 3))
        .coord("b", Index.ofStrings("x", "y"))
        .variable(Variable.of("v", List.of("a", "b"),
            Nd4j.create(new double[] {0.1, 0.2, Double.NaN, 0.4, 0.5, 0.6}, new long[] {3, 2}, DataType.DOUBLE)))
        .attr("title", "small")
        .build();
  }
}
