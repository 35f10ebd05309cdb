package dev.sweep.run;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProgressTest {
  @Test
  void logLinesSkipARenderThatRepeatsThePreviousOne() {
    List<String> logged = new ArrayList<>();
    Progress.Lines lines = new Progress.Lines(logged::add);
    for (String l : List.of("sweep 0% 0/3", "sweep 100% 3/3", "sweep 100% 3/3", "sweep 0% 0/5")) lines.accept(l);
    assertEquals(List.of("sweep 0% 0/3", "sweep 100% 3/3", "sweep 0% 0/5"), logged);
  }
}
