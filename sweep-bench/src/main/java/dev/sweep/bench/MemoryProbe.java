package dev.sweep.bench;

import dev.sweep.data.Dataset;
import dev.sweep.run.RunFunction;
import dev.sweep.run.RunOptions;
import dev.sweep.run.Runner;
import dev.sweep.space.Combos;
import dev.sweep.space.Values;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A child process for the memory_peak workload: prints its peak resident set (VmHWM, kB) after
 * either starting the JVM and ND4J only ("baseline"), or also running a 10^7-cell sweep ("sweep").
 */
public final class MemoryProbe {
  static final long CELLS = 10_000_000L;

  private MemoryProbe() {}

  public static void main(String[] args) throws IOException {
    Nd4j.create(org.nd4j.linalg.api.buffer.DataType.DOUBLE, 4).addi(1); // load the natives either way
    if (args.length > 0 && args[0].equals("sweep")) {
      Combos c = Combos.builder().add("a", Values.range(0, 1000)).add("b", Values.range(0, 1000))
          .add("c", Values.range(0, 10)).build();
      Runner r = Runner.builder(RunFunction.ofDouble(a -> a.getDouble("a") + a.getDouble("b") * a.getDouble("c"))).vars("y")
          .options(RunOptions.builder().verbosity(0).build()).build();
      Dataset ds = r.runCombos(c);
      if (ds.variable("y").size() != CELLS) throw new IllegalStateException("wrong size");
    }
    System.out.println(peakKb());
  }

  static long peakKb() throws IOException {
    for (String line : Files.readAllLines(Path.of("/proc/self/status"), StandardCharsets.UTF_8)) {
      if (line.startsWith("VmHWM:")) return Long.parseLong(line.replaceAll("[^0-9]", ""));
    }
    throw new IllegalStateException("no VmHWM in /proc/self/status");
  }

  /** Runs this probe in a child JVM with the same class path and returns its peak RSS in kB. */
  static long inChild(String mode) throws IOException, InterruptedException {
    return inChild(MemoryProbe.class, mode);
  }

  /** Runs a class's main in a child JVM with the same class path; returns the last number it prints (kB). */
  static long inChild(Class<?> main, String... args) throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.add("-Dorg.slf4j.simpleLogger.defaultLogLevel=warn");
    cmd.add("-cp");
    cmd.add(System.getProperty("java.class.path"));
    cmd.add(main.getName());
    cmd.addAll(List.of(args));
    String mode = String.join(" ", args);
    Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
    if (!p.waitFor(5, TimeUnit.MINUTES) || p.exitValue() != 0) {
      throw new IllegalStateException("memory probe '" + mode + "' failed: " + out);
    }
    String[] lines = out.split("\n");
    return Long.parseLong(lines[lines.length - 1].trim());
  }
}
