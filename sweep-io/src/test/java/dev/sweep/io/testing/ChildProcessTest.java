package dev.sweep.io.testing;

import static org.junit.jupiter.api.Assertions.*;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;

class ChildProcessTest {
  /** Prints {@code tick 1..3} and {@code ready}, echoes each stdin line as {@code got LINE}, exits 3 on {@code exit}. */
  public static final class Echo {
    private Echo() {}

    public static void main(String[] args) throws Exception {
      for (int i = 1; i <= 3; i++) System.out.println("tick " + i);
      System.out.println("ready");
      System.out.flush();
      var in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
      for (String line; (line = in.readLine()) != null; ) {
        if (line.equals("exit")) System.exit(3);
        System.out.println("got " + line);
        System.out.flush();
      }
    }
  }

  @Test
  void waitsReadTheLinesInOrderTestingEachOnce() throws Exception {
    try (ChildProcess child = ChildProcess.start(Echo.class)) {
      int[] ticks = {0};
      assertEquals("tick 2", child.await(l -> l.startsWith("tick") && ++ticks[0] == 2, 2, TimeUnit.MINUTES));
      assertEquals(2, ticks[0], "each line is tested once");
      assertTrue(child.awaitLine("ready", 2, TimeUnit.MINUTES), child.output());
      assertFalse(child.awaitLine("tick 1", 1, TimeUnit.SECONDS), "a wait goes on after the line the last one returned");
      child.send("hello");
      assertEquals("got hello", child.expect("got "));
      child.send("exit");
      assertEquals(3, child.exitCode());
      assertEquals(List.of("tick 1", "tick 2", "tick 3", "ready", "got hello"), child.lines());
      assertEquals("tick 1\ntick 2\ntick 3\nready\ngot hello", child.output());
    }
  }

  @Test
  void aWaitEndsWhenTheChildsOutputEnds() throws Exception {
    try (ChildProcess child = ChildProcess.start(Echo.class)) {
      child.send("exit");
      long start = System.nanoTime();
      assertNull(child.await("never"::equals, 2, TimeUnit.MINUTES));
      assertTrue(System.nanoTime() - start < TimeUnit.MINUTES.toNanos(1), "it did not wait for the timeout");
      var e = assertThrows(AssertionFailedError.class, () -> child.expect("never"));
      assertEquals("the child exited before printing 'never...'; it printed [tick 1, tick 2, tick 3, ready]",
          e.getMessage());
    }
  }

  @Test
  void killEndsAChildThatStillRuns() throws Exception {
    ChildProcess child = ChildProcess.start(Echo.class);
    assertTrue(child.awaitLine("ready", 2, TimeUnit.MINUTES), child.output());
    child.kill();
    assertFalse(child.process().isAlive());
    assertEquals(137, child.waitFor(1, TimeUnit.MINUTES), "SIGKILL");
    child.close();
  }
}
