package dev.sweep.cluster;

import dev.sweep.farm.BatchState;
import dev.sweep.farm.Crop;
import dev.sweep.farm.CropStatus;
import dev.sweep.farm.Submission;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Grows a {@link Crop}'s batches as array jobs of a batch scheduler: SLURM ({@code sbatch --array}),
 * PBS ({@code qsub}, {@code #PBS -J}) or SGE ({@code qsub}, {@code #$ -t}). Each array task runs the
 * worker, {@code sweep grow CROP --batch B}, with the class path the crop recorded; the scheduler's
 * job id and each batch's task are recorded in the crop, so that {@link Crop#status()} asks the
 * scheduler about them.
 *
 * <pre>{@code
 * Scheduler slurm = Scheduler.slurm(JobOptions.builder().time(Duration.ofMinutes(30)).throttle(100).build());
 * slurm.submit(crop);              // every batch not done, queued or running: all of them at first
 * crop.status();                   // done, queued, running, failed, missing
 * slurm.submit(crop);              // again: a partial array of the failed and missing batches
 * crop.reap(Duration.ofHours(2));  // waits for the result files
 * }</pre>
 *
 * <p>A script's array task {@code i} grows the batch at position {@code i} of the batch list written
 * in the script, so an array is always {@code 0..n-1} (SGE: {@code 1..n}) whatever batches it
 * holds: a resubmission is a partial array like any other, and more batches than the scheduler's
 * largest array ({@link JobOptions#maxArraySize()}) are split into several arrays. Scripts and logs
 * go to the crop's {@code jobs} directory. Immutable and thread-safe.
 */
public final class Scheduler {
  /** The worker's entry point, which the crop's class path must hold. */
  static final String WORKER = "dev.sweep.cli.SweepCli";

  private static final Logger LOG = LoggerFactory.getLogger(Scheduler.class);

  private final Dialect dialect;
  private final JobOptions options;

  private Scheduler(Dialect dialect, JobOptions options) {
    this.dialect = dialect;
    this.options = Objects.requireNonNull(options, "options");
    dialect.check(options);
  }

  /**
   * {@return SLURM: {@code sbatch --parsable}, {@code #SBATCH --array=0-N%T}, task ids {@code JOB_I}}
   *
   * @param options what each task asks for
   */
  public static Scheduler slurm(JobOptions options) {
    return new Scheduler(new Slurm(), options);
  }

  /**
   * {@return PBS: {@code qsub}, {@code #PBS -J 0-N}, task ids {@code JOB[I]}} The array index is read
   * from {@code PBS_ARRAY_INDEX} (PBS Pro), {@code PBS_ARRAYID} (Torque) or {@code SLURM_ARRAY_TASK_ID}
   * (SLURM's {@code qsub} of slurm-wlm-torque, which honours {@code #PBS -J} but sets neither).
   *
   * @param options what each task asks for
   */
  public static Scheduler pbs(JobOptions options) {
    return new Scheduler(new Pbs(), options);
  }

  /**
   * {@return SGE: {@code qsub -terse}, {@code #$ -t 1-N}, {@code -tc T}, task ids {@code JOB.I}}
   *
   * @param options what each task asks for; SGE has no nodes option
   * @throws IllegalArgumentException if the options ask for nodes
   */
  public static Scheduler sge(JobOptions options) {
    return new Scheduler(new Sge(), options);
  }

  /** {@return the scheduler's name, as submissions record it: {@code slurm}, {@code pbs} or {@code sge}} */
  public String name() {
    return dialect.name();
  }

  /** {@return what each task asks for} */
  public JobOptions options() {
    return options;
  }

  /**
   * {@return the scripts that would grow these batches: one per array of at most the largest array
   * size, in order} Nothing is written or submitted.
   *
   * @param crop the crop
   * @param batches the batches, each in the crop
   * @throws IllegalArgumentException if a batch is not in the crop, or none is given
   */
  public List<String> scripts(Crop crop, List<Integer> batches) {
    List<String> out = new ArrayList<>();
    for (List<Integer> chunk : chunks(crop, batches)) out.add(script(crop, chunk));
    return out;
  }

  /**
   * Submits every batch that is not done, queued or running (as {@link Crop#status()} finds them):
   * the whole crop at first, a partial array of the failed, damaged and missing batches later.
   * Batches submitted to a scheduler this JVM cannot ask (state unknown) are left alone.
   *
   * @param crop the crop
   * @return the submissions made, one per array; empty if nothing was left to grow
   * @throws IllegalStateException as {@link #submit(Crop, List)}
   */
  public List<Submission> submit(Crop crop) {
    CropStatus status = crop.status();
    List<Integer> todo = status.batchesIn(BatchState.FAILED, BatchState.DAMAGED, BatchState.MISSING);
    if (todo.isEmpty()) {
      LOG.info("nothing to submit for {}: {}", crop.directory(), status.counts());
      return List.of();
    }
    return submit(crop, todo);
  }

  /**
   * Submits the batches as array jobs and records each in the crop.
   *
   * @param crop the crop
   * @param batches the batches to grow, each in the crop
   * @return the submissions, one per array
   * @throws IllegalArgumentException if a batch is not in the crop, or none is given
   * @throws IllegalStateException naming the command and how to install it, if the scheduler's
   *     submit command is not on the PATH; naming the class, if the crop's class path lacks the
   *     worker; quoting the scheduler, if it rejects a script (the arrays submitted before it stay
   *     submitted and recorded)
   */
  public List<Submission> submit(Crop crop, List<Integer> batches) {
    Path command = Commands.require(dialect.submitCommand(), "submit " + dialect.title() + " jobs", dialect.install(),
        options.environment());
    requireWorker(crop);
    Path jobs = crop.directory().resolve("jobs");
    List<List<Integer>> chunks = chunks(crop, batches);
    String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS"));
    List<Submission> made = new ArrayList<>();
    for (int k = 0; k < chunks.size(); k++) {
      List<Integer> chunk = chunks.get(k);
      Path script = jobs.resolve(jobName(crop) + "-" + dialect.name() + "-" + stamp + "-" + k + ".sh");
      writeScript(script, script(crop, chunk));
      List<String> cmd = new ArrayList<>();
      cmd.add(command.toString());
      cmd.addAll(dialect.submitArguments());
      cmd.add(script.toString());
      Commands.Result r = Commands.run(cmd, jobs, options.environment());
      if (r.exitCode() != 0) {
        throw new IllegalStateException(dialect.submitCommand() + " refused the job script " + script + " (exit "
            + r.exitCode() + "): " + r.said() + (made.isEmpty() ? "" : "\n(the " + made.size()
            + " arrays before it were submitted: " + made.stream().map(Submission::jobId).toList() + ")"));
      }
      String job = dialect.jobId(r.stdout());
      if (job.isEmpty()) {
        throw new IllegalStateException(dialect.submitCommand() + " accepted " + script + " but printed no job id: "
            + r.said());
      }
      Map<Integer, String> tasks = new LinkedHashMap<>();
      for (int i = 0; i < chunk.size(); i++) tasks.put(chunk.get(i), dialect.taskId(job, i, chunk.size()));
      Submission s = new Submission(dialect.name(), job, tasks, Instant.now());
      crop.record(s);
      made.add(s);
      LOG.info("submitted batches {} of {} to {} as job {}", describe(chunk), crop.directory(), dialect.title(), job);
    }
    return made;
  }

  private static String describe(List<Integer> batches) {
    return batches.size() <= 10 ? batches.toString() : batches.subList(0, 10) + "... (" + batches.size() + ")";
  }

  private List<List<Integer>> chunks(Crop crop, List<Integer> batches) {
    if (batches.isEmpty()) throw new IllegalArgumentException("no batches to submit for crop " + crop.directory());
    Set<Integer> seen = new HashSet<>();
    for (int b : batches) {
      crop.batchRuns(b); // throws for a batch the crop does not have
      if (!seen.add(b)) throw new IllegalArgumentException("batch " + b + " is given twice");
    }
    int max = options.maxArraySize().orElseGet(() -> dialect.maxArraySize(options.environment()));
    List<List<Integer>> out = new ArrayList<>();
    for (int from = 0; from < batches.size(); from += max) {
      out.add(List.copyOf(batches.subList(from, Math.min(batches.size(), from + max))));
    }
    return out;
  }

  private String jobName(Crop crop) {
    return options.name().orElseGet(() -> {
      String n = "sweep-" + crop.directory().getFileName().toString().replaceAll("[^A-Za-z0-9_.-]", "_");
      return n.length() > 64 ? n.substring(0, 64) : n;
    });
  }

  /** The script of one array: its directives, the batch list, the setup, then the worker. */
  String script(Crop crop, List<Integer> batches) {
    Path jobs = crop.directory().resolve("jobs");
    StringBuilder sb = new StringBuilder("#!/bin/bash\n");
    for (String d : dialect.directives(options, jobName(crop), batches.size(), jobs)) {
      sb.append(dialect.prefix()).append(' ').append(d).append('\n');
    }
    for (String d : options.directives()) sb.append(dialect.prefix()).append(' ').append(d).append('\n');
    sb.append("# Written by sweep for the crop ").append(crop.directory()).append(": array task i grows batch")
        .append(" BATCHES[i].\n");
    sb.append("set -euo pipefail\n");
    sb.append("BATCHES=(");
    for (int i = 0; i < batches.size(); i++) sb.append(i == 0 ? "" : i % 20 == 0 ? " \\\n  " : " ").append(batches.get(i));
    sb.append(")\n");
    sb.append("INDEX=").append(dialect.index(batches.size())).append('\n');
    sb.append("BATCH=\"${BATCHES[$INDEX]}\"\n");
    for (String line : options.setup()) sb.append(line).append('\n');
    List<String> worker = new ArrayList<>();
    worker.add(quote(options.java().orElse(crop.java())));
    for (String o : options.javaOptions()) worker.add(quote(o));
    worker.add("-cp");
    worker.add(quote(String.join(File.pathSeparator, crop.classpath())));
    worker.add(WORKER);
    worker.add("grow");
    worker.add(quote(crop.directory().toString()));
    worker.add("--batch");
    worker.add("\"$BATCH\"");
    worker.add("--workers");
    worker.add(String.valueOf(options.workers()));
    sb.append("exec ").append(String.join(" ", worker)).append('\n');
    return sb.toString();
  }

  /** A word for bash: single-quoted, a quote inside as {@code '\''}. */
  static String quote(String s) {
    if (s.matches("[A-Za-z0-9_@%+=:,./-]+")) return s;
    return "'" + s.replace("'", "'\\''") + "'";
  }

  private static void writeScript(Path script, String text) {
    Path tmp = script.resolveSibling("." + script.getFileName() + ".tmp");
    try {
      Files.createDirectories(script.getParent());
      Files.writeString(tmp, text, StandardCharsets.UTF_8);
      if (!tmp.toFile().setExecutable(true)) LOG.debug("cannot make {} executable", tmp);
      Files.move(tmp, script, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the job script " + script + ": " + e, e);
    }
  }

  /** Refuses a crop whose workers could not start: its class path must hold {@code sweep grow}. */
  static void requireWorker(Crop crop) {
    String entry = WORKER.replace('.', '/') + ".class";
    for (String e : crop.classpath()) {
      if (holds(Path.of(e), entry, new HashSet<>())) return;
    }
    throw new IllegalStateException("the workers' class path, recorded in crop " + crop.directory() + ", has no "
        + WORKER + ", which runs `sweep grow` in each task: sow the crop from a JVM with sweep-cli on its class path,"
        + " or name sweep-cli's jar in Crop.Builder.classpath(...)");
  }

  /** True if the directory or jar (or a jar its manifest names) holds the entry. */
  private static boolean holds(Path p, String entry, Set<Path> seen) {
    if (!seen.add(p.toAbsolutePath().normalize())) return false;
    if (Files.isDirectory(p)) return Files.isRegularFile(p.resolve(entry));
    if (!Files.isRegularFile(p)) return false;
    try (JarFile jar = new JarFile(p.toFile())) {
      if (jar.getEntry(entry) != null) return true;
      Manifest m = jar.getManifest();
      String cp = m == null ? null : m.getMainAttributes().getValue("Class-Path");
      if (cp == null) return false;
      for (String u : cp.trim().split("\\s+")) {
        try {
          Path q = u.startsWith("file:") ? Path.of(java.net.URI.create(u)) : p.resolveSibling(u);
          if (holds(q, entry, seen)) return true;
        } catch (IllegalArgumentException | java.nio.file.FileSystemNotFoundException bad) {
          // an entry that is not a local file cannot hold the worker
        }
      }
      return false;
    } catch (IOException e) {
      return false;
    }
  }

  @Override
  public String toString() {
    return "Scheduler[" + dialect.name() + "]";
  }

  /** How one scheduler spells an array job. */
  abstract static class Dialect {
    abstract String name();

    abstract String title();

    abstract String prefix();

    abstract String submitCommand();

    List<String> submitArguments() {
      return List.of();
    }

    abstract String install();

    /** Rejects options the scheduler has no word for. */
    void check(JobOptions o) {}

    abstract List<String> directives(JobOptions o, String name, int tasks, Path jobs);

    /** A bash expression for the 0-based position of this task in the batch list. */
    abstract String index(int tasks);

    abstract String jobId(String stdout);

    abstract String taskId(String job, int index, int tasks);

    abstract int maxArraySize(Map<String, String> env);

    static String hms(Duration d) {
      long s = d.getSeconds();
      return String.format("%02d:%02d:%02d", s / 3600, (s / 60) % 60, s % 60);
    }

    static String lastLine(String s) {
      String[] lines = s.strip().split("\n");
      return lines.length == 0 ? "" : lines[lines.length - 1].strip();
    }
  }

  static final class Slurm extends Dialect {
    @Override
    String name() {
      return "slurm";
    }

    @Override
    String title() {
      return "SLURM";
    }

    @Override
    String prefix() {
      return "#SBATCH";
    }

    @Override
    String submitCommand() {
      return "sbatch";
    }

    @Override
    List<String> submitArguments() {
      return List.of("--parsable");
    }

    @Override
    String install() {
      return "install SLURM's client commands (Debian: apt-get install slurm-client), or load the cluster's slurm module";
    }

    @Override
    List<String> directives(JobOptions o, String name, int tasks, Path jobs) {
      List<String> d = new ArrayList<>();
      d.add("--job-name=" + name);
      d.add("--array=0-" + (tasks - 1) + o.throttle().map(t -> "%" + t).orElse(""));
      d.add("--output=" + quote(jobs.resolve(name + "-%A_%a.out").toString()));
      o.time().ifPresent(t -> {
        long s = t.getSeconds();
        d.add(String.format("--time=%d-%02d:%02d:%02d", s / 86400, (s / 3600) % 24, (s / 60) % 60, s % 60));
      });
      o.memoryMegabytes().ifPresent(m -> d.add("--mem=" + m + "M"));
      o.cpus().ifPresent(c -> d.add("--cpus-per-task=" + c));
      o.nodes().ifPresent(n -> d.add("--nodes=" + n));
      o.queue().ifPresent(q -> d.add("--partition=" + q));
      return d;
    }

    @Override
    String index(int tasks) {
      return "\"${SLURM_ARRAY_TASK_ID:?not run as a SLURM array task}\"";
    }

    @Override
    String jobId(String stdout) {
      String line = lastLine(stdout);
      int semi = line.indexOf(';');
      return semi < 0 ? line : line.substring(0, semi); // --parsable: "id" or "id;cluster"
    }

    @Override
    String taskId(String job, int index, int tasks) {
      return job + "_" + index;
    }

    @Override
    int maxArraySize(Map<String, String> env) {
      try {
        Path scontrol = Commands.require("scontrol", "ask SLURM its largest array", install(), env);
        // a controller that cannot be reached makes scontrol retry for a minute: do not wait that long
        Commands.Result r = Commands.run(List.of(scontrol.toString(), "show", "config"), null, env, 15);
        Matcher m = Pattern.compile("(?m)^MaxArraySize\\s*=\\s*(\\d+)").matcher(r.stdout());
        if (r.exitCode() == 0 && m.find()) return Integer.parseInt(m.group(1));
        LOG.warn("scontrol show config gave no MaxArraySize; assuming SLURM's default, 1001: {}", r.said());
      } catch (IllegalStateException e) {
        LOG.warn("cannot ask SLURM its MaxArraySize ({}); assuming its default, 1001", e.getMessage());
      }
      return 1001;
    }
  }

  static final class Pbs extends Dialect {
    private static final Pattern ARRAY_JOB = Pattern.compile("(\\d+)\\[\\](.*)");

    @Override
    String name() {
      return "pbs";
    }

    @Override
    String title() {
      return "PBS";
    }

    @Override
    String prefix() {
      return "#PBS";
    }

    @Override
    String submitCommand() {
      return "qsub";
    }

    @Override
    String install() {
      return "install PBS's client commands, or load the cluster's pbs module (on a SLURM cluster, Debian's "
          + "slurm-wlm-torque provides a qsub)";
    }

    @Override
    List<String> directives(JobOptions o, String name, int tasks, Path jobs) {
      List<String> d = new ArrayList<>();
      d.add("-N " + name);
      // PBS Pro refuses an array of one task: a single batch is a plain job
      if (tasks > 1) d.add("-J 0-" + (tasks - 1) + o.throttle().map(t -> "%" + t).orElse(""));
      d.add("-j oe");
      o.time().ifPresent(t -> d.add("-l walltime=" + hms(t)));
      if (o.nodes().isPresent() || o.cpus().isPresent() || o.memoryMegabytes().isPresent()) {
        StringBuilder select = new StringBuilder("-l select=").append(o.nodes().orElse(1));
        o.cpus().ifPresent(c -> select.append(":ncpus=").append(c));
        o.memoryMegabytes().ifPresent(m -> select.append(":mem=").append(m).append("mb"));
        d.add(select.toString());
      }
      o.queue().ifPresent(q -> d.add("-q " + q));
      return d;
    }

    @Override
    String index(int tasks) {
      if (tasks == 1) return "0";
      return "\"${PBS_ARRAY_INDEX:-${PBS_ARRAYID:-${SLURM_ARRAY_TASK_ID:?not run as a PBS array task}}}\"";
    }

    @Override
    String jobId(String stdout) {
      return lastLine(stdout);
    }

    @Override
    String taskId(String job, int index, int tasks) {
      if (tasks == 1) return job;
      Matcher m = ARRAY_JOB.matcher(job);
      if (m.matches()) return m.group(1) + "[" + index + "]" + m.group(2); // PBS Pro: 1234[].server
      return job + "_" + index; // SLURM's qsub: the array is a SLURM array
    }

    @Override
    int maxArraySize(Map<String, String> env) {
      return 10_000; // PBS Pro's default max_array_size
    }
  }

  static final class Sge extends Dialect {
    @Override
    String name() {
      return "sge";
    }

    @Override
    String title() {
      return "SGE";
    }

    @Override
    String prefix() {
      return "#$";
    }

    @Override
    String submitCommand() {
      return "qsub";
    }

    @Override
    List<String> submitArguments() {
      return List.of("-terse");
    }

    @Override
    String install() {
      return "install Grid Engine's client commands (Debian: apt-get install gridengine-client), or load the cluster's"
          + " sge module";
    }

    @Override
    void check(JobOptions o) {
      if (o.nodes().isPresent()) {
        throw new IllegalArgumentException("SGE has no nodes option; ask for slots with cpus(...), or for a parallel"
            + " environment with directive(\"-pe <name> <slots>\")");
      }
    }

    @Override
    List<String> directives(JobOptions o, String name, int tasks, Path jobs) {
      List<String> d = new ArrayList<>();
      d.add("-N " + name);
      d.add("-t 1-" + tasks);
      o.throttle().ifPresent(t -> d.add("-tc " + t));
      d.add("-S /bin/bash");
      d.add("-j y");
      d.add("-o " + quote(jobs.toString()));
      o.time().ifPresent(t -> d.add("-l h_rt=" + hms(t)));
      o.memoryMegabytes().ifPresent(m -> d.add("-l h_vmem=" + m + "M"));
      o.cpus().ifPresent(c -> d.add("-pe smp " + c));
      o.queue().ifPresent(q -> d.add("-q " + q));
      return d;
    }

    @Override
    String index(int tasks) {
      return "$(( ${SGE_TASK_ID:?not run as an SGE array task} - 1 ))";
    }

    @Override
    String jobId(String stdout) {
      String line = lastLine(stdout); // -terse: "123.1-8:1"
      int dot = line.indexOf('.');
      return dot < 0 ? line : line.substring(0, dot);
    }

    @Override
    String taskId(String job, int index, int tasks) {
      return job + "." + (index + 1);
    }

    @Override
    int maxArraySize(Map<String, String> env) {
      return 75_000; // SGE's default max_aj_tasks
    }
  }
}
