package dev.sweep.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

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

  @Test
  void theProgressBarIsOfferedToEnginesThatRunElsewhere() {
    SweepListener bar = SweepListener.progressBar(1);
    bar.started(10);
    bar.progressed(4, null);
    bar.finished(new Failures(10, 0, List.of()));
    var e = assertThrows(IllegalArgumentException.class, () -> SweepListener.progressBar(0));
    assertEquals("verbosity is 0; a progress bar has verbosity 1 or 2", e.getMessage());
  }
}
