package dev.sweep.cluster;

import static org.junit.jupiter.api.Assertions.*;

import dev.sweep.farm.Crop;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The array-job scripts of every scheduler, sealed by golden files, checked by bash, and run by bash
 * with each scheduler's array variables (and the worker replaced by {@code echo}) to show which batch
 * each task grows. Nothing here needs a scheduler.
 */
class ScriptsTest {
  static final String CROP = "/scratch/crops/lesson";
  @TempDir Path dir;

  Crop crop() {
    return Crop.builder(Work.runner(), dir.resolve("lesson")).batches(8)
        .classpath(List.of(Path.of("/opt/app/app.jar"), Path.of("/opt/sweep/lib/sweep-cli.jar")))
        .java(Path.of("/usr/lib/jvm/java-17/bin/java")).sowCombos(Work.combos());
  }

  static JobOptions options() {
    return JobOptions.builder().maxArraySize(1001).name("lesson").time(Duration.ofMinutes(90)).memoryMegabytes(2048).cpus(2).queue("short")
        .throttle(3).setup("module load java/17", "echo \"growing on $(hostname)\"").javaOptions("-Xmx1g")
        .build();
  }

  static Scheduler scheduler(String name, JobOptions o) {
    switch (name) {
      case "slurm": return Scheduler.slurm(o);
      case "pbs": return Scheduler.pbs(o);
      default: return Scheduler.sge(o);
    }
  }

  static JobOptions withDirective(String name) {
    String d = name.equals("slurm") ? "--account=proj42" : name.equals("pbs") ? "-A proj42" : "-P proj42";
    return options().toBuilder().directive(d).build();
  }

  /** The script with the crop's temporary directory written as {@value #CROP}, as the golden files have it. */
  String script(String scheduler, List<Integer> batches) {
    Crop c = crop();
    String s = scheduler(scheduler, withDirective(scheduler)).scripts(c, batches).get(0);
    return s.replace(c.directory().toString(), CROP);
  }

  static String golden(String name) throws IOException {
    try (InputStream in = ScriptsTest.class.getResourceAsStream("/scripts/" + name)) {
      assertNotNull(in, "missing golden file scripts/" + name);
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  @ParameterizedTest(name = "{0} {1}")
  @CsvSource({"slurm, full", "slurm, partial", "pbs, full", "pbs, partial", "pbs, single", "sge, full", "sge, partial"})
  void scriptsMatchTheirGoldenFilesAndBashParsesThem(String scheduler, String kind) throws Exception {
    List<Integer> batches = kind.equals("full") ? List.of(0, 1, 2, 3, 4, 5, 6, 7)
        : kind.equals("partial") ? List.of(3, 5) : List.of(6);
    String script = script(scheduler, batches);
    String name = scheduler + "-" + kind + ".sh";
    if (Boolean.getBoolean("sweep.golden.write")) Files.writeString(Path.of("src/test/resources/scripts", name), script);
    assertEquals(golden(name), script, "the " + name + " script changed: check it, then regenerate the golden files"
        + " with -Dsweep.golden.write=true");
    Path file = dir.resolve(name);
    Files.writeString(file, script);
    Result r = bash(Map.of(), "-n", file.toString());
    assertEquals(0, r.exit, "bash -n " + name + ": " + r.out);
  }

  @ParameterizedTest(name = "{0} with {1}={2}")
  @CsvSource({"slurm, SLURM_ARRAY_TASK_ID, 1, 5", "pbs, PBS_ARRAY_INDEX, 1, 5", "pbs, PBS_ARRAYID, 0, 3",
      "pbs, SLURM_ARRAY_TASK_ID, 1, 5", "sge, SGE_TASK_ID, 2, 5", "sge, SGE_TASK_ID, 1, 3"})
  void eachTaskGrowsTheBatchAtItsPosition(String scheduler, String variable, String value, int batch) throws Exception {
    Crop c = crop();
    JobOptions echo = JobOptions.builder().maxArraySize(1001).java("/bin/echo").workers(2).build();
    Path file = dir.resolve(scheduler + ".sh");
    Files.writeString(file, scheduler(scheduler, echo).scripts(c, List.of(3, 5)).get(0));
    Result r = bash(Map.of(variable, value), file.toString());
    assertEquals(0, r.exit, r.out);
    assertEquals("-cp /opt/app/app.jar:/opt/sweep/lib/sweep-cli.jar dev.sweep.cli.SweepCli grow " + c.directory()
        + " --batch " + batch + " --workers 2\n", r.out);
  }

  @ParameterizedTest
  @CsvSource({"slurm, not run as a SLURM array task", "pbs, not run as a PBS array task", "sge, not run as an SGE array task"})
  void aScriptRunOutsideAnArrayStopsSayingSo(String scheduler, String message) throws Exception {
    Path file = dir.resolve(scheduler + ".sh");
    Files.writeString(file, scheduler(scheduler, JobOptions.builder().maxArraySize(1001).java("/bin/echo").build())
        .scripts(crop(), List.of(3, 5)).get(0));
    Result r = bash(Map.of(), file.toString());
    assertNotEquals(0, r.exit);
    assertTrue(r.out.contains(message), r.out);
    assertFalse(r.out.contains("grow"), "the worker must not start: " + r.out);
  }

  @Test
  void moreBatchesThanTheLargestArrayAreSplit() {
    Crop c = Crop.builder(Work.runner(), dir.resolve("big")).batchSize(1).sowCombos(dev.sweep.space.Combos.builder()
        .add("a", dev.sweep.space.Values.range(0, 50)).add("x", 0.0, 1.0).add("n", dev.sweep.space.Values.range(0, 25))
        .build()); // 2500 batches
    List<Integer> all = new ArrayList<>();
    for (int b = 0; b < c.batchCount(); b++) all.add(b);
    List<String> scripts = Scheduler.slurm(JobOptions.builder().maxArraySize(1001).throttle(10).build()).scripts(c, all);
    assertEquals(3, scripts.size());
    assertTrue(scripts.get(0).contains("#SBATCH --array=0-1000%10\n"), scripts.get(0));
    assertTrue(scripts.get(2).contains("#SBATCH --array=0-497%10\n"), scripts.get(2));
    assertTrue(scripts.get(1).contains("BATCHES=(1001 1002 "), scripts.get(1));
    assertTrue(scripts.get(2).contains(" 2499)\n"), scripts.get(2));
  }

  @Test
  void refusesBadBatchesAndOptionsNamingThem() {
    Crop c = crop();
    Scheduler slurm = Scheduler.slurm(JobOptions.builder().maxArraySize(1001).build());
    assertEquals("batch 8 is not in crop " + c.directory() + ", which has batches 0..7",
        assertThrows(IllegalArgumentException.class, () -> slurm.scripts(c, List.of(1, 8))).getMessage());
    assertEquals("batch 1 is given twice",
        assertThrows(IllegalArgumentException.class, () -> slurm.scripts(c, List.of(1, 1))).getMessage());
    assertEquals("no batches to submit for crop " + c.directory(),
        assertThrows(IllegalArgumentException.class, () -> slurm.scripts(c, List.of())).getMessage());
    assertEquals("SGE has no nodes option; ask for slots with cpus(...), or for a parallel environment with"
        + " directive(\"-pe <name> <slots>\")",
        assertThrows(IllegalArgumentException.class, () -> Scheduler.sge(JobOptions.builder().nodes(2).build()))
            .getMessage());
    assertEquals("job name 'my job' should be 1 to 64 letters, digits, '_', '.' or '-'",
        assertThrows(IllegalArgumentException.class, () -> JobOptions.builder().name("my job")).getMessage());
    assertEquals("throttle is 0; expected at least 1 task at once",
        assertThrows(IllegalArgumentException.class, () -> JobOptions.builder().throttle(0)).getMessage());
    assertEquals("setup line 'a\nb' holds a line break",
        assertThrows(IllegalArgumentException.class, () -> JobOptions.builder().setup("a\nb")).getMessage());
  }

  @Test
  void aMissingSubmitCommandIsNamedWithHowToInstallIt() {
    Crop c = Crop.builder(Work.runner(), dir.resolve("c")).batches(2).sowCombos(Work.combos());
    JobOptions nowhere = JobOptions.builder().environment("PATH", dir.resolve("no-bin").toString()).build();
    IllegalStateException slurm = assertThrows(IllegalStateException.class, () -> Scheduler.slurm(nowhere).submit(c));
    assertEquals("sbatch is not on the PATH (" + dir.resolve("no-bin") + "); it is needed to submit SLURM jobs: install"
        + " SLURM's client commands (Debian: apt-get install slurm-client), or load the cluster's slurm module",
        slurm.getMessage());
    IllegalStateException sge = assertThrows(IllegalStateException.class, () -> Scheduler.sge(nowhere).submit(c));
    assertTrue(sge.getMessage().startsWith("qsub is not on the PATH"), sge.getMessage());
    assertTrue(sge.getMessage().contains("apt-get install gridengine-client"), sge.getMessage());
  }

  @Test
  void aCropWhoseWorkersLackTheWorkerIsRefused() {
    Crop c = crop(); // its class path names jars that do not exist here
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> Scheduler.slurm(JobOptions.defaults()).submit(c));
    assertEquals("the workers' class path, recorded in crop " + c.directory() + ", has no dev.sweep.cli.SweepCli, which"
        + " runs `sweep grow` in each task: sow the crop from a JVM with sweep-cli on its class path, or name sweep-cli's"
        + " jar in Crop.Builder.classpath(...)", e.getMessage());
  }

  record Result(int exit, String out) {}

  static Result bash(Map<String, String> env, String... args) throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>(List.of("/bin/bash"));
    cmd.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
    for (String v : List.of("SLURM_ARRAY_TASK_ID", "PBS_ARRAY_INDEX", "PBS_ARRAYID", "SGE_TASK_ID")) {
      pb.environment().remove(v);
    }
    pb.environment().putAll(env);
    Process p = pb.start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(60, TimeUnit.SECONDS));
    return new Result(p.exitValue(), out);
  }
}
