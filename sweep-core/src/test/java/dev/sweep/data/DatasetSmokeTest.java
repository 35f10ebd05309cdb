package dev.sweep.data;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.factory.Nd4j;

class DatasetSmokeTest {
  @Test
  void buildsMergesAndPrints() {
    Dataset a = Dataset.builder()
        .coord("a", Index.ofInts(1, 2, 3))
        .coord("b", Index.ofStrings("x", "y"))
        .variable("v", List.of("a", "b"), Nd4j.createFromArray(new double[][] {{1, 2}, {3, 4}, {5, 6}}))
        .variable("i", List.of("a", "b"), Nd4j.createFromArray(new int[][] {{1, 2}, {3, 4}, {5, 6}}))
        .variable("s", List.of("a", "b"), "1x", "1y", "2x", "2y", "3x", "3y")
        .attr("note", "hi")
        .build();
    Dataset b = Dataset.builder()
        .coord("a", Index.ofInts(4))
        .coord("b", Index.ofStrings("w", "x"))
        .variable("v", List.of("a", "b"), Nd4j.createFromArray(new double[][] {{7, 8}}))
        .variable("i", List.of("a", "b"), Nd4j.createFromArray(new int[][] {{7, 8}}))
        .variable("s", List.of("a", "b"), "4w", "4x")
        .build();
    Dataset m = a.merge(b);
    System.out.println(m);
    assertEquals(Map.of("a", 4, "b", 3), m.sizes());
    assertEquals(Index.ofStrings("w", "x", "y"), m.coord("b"));
    assertEquals(DType.DOUBLE, m.variable("i").type());
    assertTrue(Double.isNaN(m.doubleValue("v", Map.of("a", 1, "b", "w"))));
    assertEquals(8.0, m.doubleValue("v", Map.of("a", 4, "b", "x")));
    assertEquals("2y", m.value("s", Map.of("a", 2, "b", "y")));
    assertNull(m.value("s", Map.of("a", 4, "b", "y")));
    assertEquals(4, m.missingCases().size());
    Dataset s = m.sel(Map.of("b", "x"));
    assertEquals(List.of("a"), s.dims());
    System.out.println(s);
    assertEquals(m, a.merge(b));
    assertTrue(a.describeDifference(b).isPresent());
  }
}
