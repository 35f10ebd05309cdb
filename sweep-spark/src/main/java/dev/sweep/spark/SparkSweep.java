package dev.sweep.spark;

import dev.sweep.data.Dataset;
import dev.sweep.run.Failure;
import dev.sweep.run.Failures;
import dev.sweep.run.OnError;
import dev.sweep.run.PlanRunner;
import dev.sweep.run.RunBatch;
import dev.sweep.run.RunFailedException;
import dev.sweep.run.RunOptions;
import dev.sweep.run.RunPlan;
import dev.sweep.run.Runner;
import dev.sweep.run.RunnerSpec;
import dev.sweep.run.SweepListener;
import dev.sweep.space.Cases;
import dev.sweep.space.Combos;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.apache.spark.SimpleFutureAction;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerExecutorAdded;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import scala.runtime.BoxedUnit;
import scala.util.Try;

/**
 * Runs sweeps on an Apache Spark cluster and gives back the dataset a local run gives: the same
 * runner, the same combos or cases, a {@link JavaSparkContext}.
 *
 * <pre>{@code
 * JavaSparkContext sc = SparkSweep.connect(new SparkConf().setMaster("spark://head:7077")
 *     .setAppName("sweep").setJars(jars), Duration.ofSeconds(30));
 * SparkSweep spark = SparkSweep.on(sc);
 * Dataset ds = spark.runCombos(runner, combos);                       // identical to runner.runCombos(combos)
 * Harvester h = Harvester.builder(runner, Path.of("foo.nc")).runOn(spark).build();   // merged and synced here
 * Sampler s = Sampler.builder(runner, draws).runOn(spark).seed(42).build();          // drawn and appended here
 * }</pre>
 *
 * <p>How it runs: the plan's runs are cut into {@linkplain Builder#partitions ranges}, one Spark task
 * per range. The plan (the runner's {@link RunnerSpec}, its resources, the cases and combos) is
 * broadcast once; each executor rebuilds the runner from it, runs its ranges and sends back each
 * range's {@link RunBatch}: one primitive or string array per output, keyed by run number. The driver
 * adds the batches to the plan's {@link RunPlan#assembly() assembly} as they arrive, so the dataset is
 * identical to a local run whatever the number of partitions, and a task that Spark runs twice (a
 * retry, a speculative copy) is counted once. The runner must be built from a static method
 * ({@link Runner#spec()}); its resources must be {@link java.io.Serializable}.
 *
 * <p>The runner's options apply as locally: its progress bar (verbosity 1 or 2) and listeners run on
 * the driver and see each range as it finishes ({@link SweepListener#progressed} gets null arguments,
 * {@link SweepListener#failed} the failures each range keeps: its first {@value Failures#KEPT});
 * under {@link OnError#STOP} a failed run fails its task, which Spark retries up to
 * {@code spark.task.maxFailures} times before the sweep throws the {@link RunFailedException} a local
 * run throws; under {@link OnError#CONTINUE} failed runs are missing cells, and the failures (count,
 * first runs, causes) are logged and passed to {@link SweepListener#finished} without failing the job.
 * Workers and order do not apply: each task runs its range with {@code spark.task.cpus} threads.
 *
 * <p>The executors need sweep-spark, sweep-core and its dependencies, and the function's class: give
 * their jars with {@link SparkConf#setJars} or {@code spark-submit --jars}. A class they cannot load is
 * reported with the jars that were shipped. Spark itself is a {@code provided} dependency: the
 * cluster's own Spark 4 (Scala 2.13) is used.
 *
 * <p>Immutable and thread-safe; sweeps on one context may run at once from several threads.
 */
public final class SparkSweep implements PlanRunner {
  /** Spark's job property that makes cancelling a job interrupt its running tasks' threads. */
  private static final String INTERRUPT_ON_CANCEL = "spark.job.interruptOnCancel";
  private static final Logger LOG = LoggerFactory.getLogger(SparkSweep.class);

  private final JavaSparkContext sc;
  private final int partitions;
  private final long driverMemory;
  private final Duration executorTimeout;

  private SparkSweep(Builder b) {
    this.sc = b.sc;
    this.partitions = b.partitions;
    this.driverMemory = b.driverMemory;
    this.executorTimeout = b.executorTimeout;
  }

  /**
   * {@return sweeps on this context with the default settings}
   *
   * @param sc the context; sweeps use it, never stop it
   */
  public static SparkSweep on(JavaSparkContext sc) {
    return builder(sc).build();
  }

  /**
   * {@return a builder of sweeps on this context}
   *
   * @param sc the context; sweeps use it, never stop it
   */
  public static Builder builder(JavaSparkContext sc) {
    return new Builder(Objects.requireNonNull(sc, "sc"));
  }

  /**
   * Creates a context for the configuration, first checking within the timeout that a standalone
   * master ({@code spark://host:port}, or several, comma-separated) answers, and then that an executor
   * joins the application: Spark itself would wait a minute for an absent master and forever for a
   * busy cluster.
   *
   * @param conf the configuration; its master must be set
   * @param timeout how long to wait for the master to answer, and then for the first executor
   * @return the running context
   * @throws IllegalArgumentException if the configuration sets no master or the timeout is not positive
   * @throws SparkSweepException naming the master URL if it does not answer or no executor joins in time;
   *     the context is then stopped
   */
  public static JavaSparkContext connect(SparkConf conf, Duration timeout) {
    Objects.requireNonNull(conf, "conf");
    checkTimeout("timeout", timeout);
    if (!conf.contains("spark.master")) {
      throw new IllegalArgumentException("the Spark configuration sets no master; set it with SparkConf.setMaster, "
          + "e.g. \"spark://host:7077\" or \"local[2]\"");
    }
    String master = conf.get("spark.master");
    if (master.startsWith("spark://")) probe(master, timeout);
    JavaSparkContext sc = new JavaSparkContext(conf);
    try {
      awaitExecutor(sc, timeout);
    } catch (RuntimeException e) {
      sc.stop();
      throw e;
    }
    return sc;
  }

  /** Fails unless one of the master's addresses accepts a connection within the timeout. */
  private static void probe(String master, Duration timeout) {
    List<String> refused = new ArrayList<>();
    for (String hostPort : master.substring("spark://".length()).split(",")) {
      int colon = hostPort.lastIndexOf(':');
      String host = colon < 0 ? hostPort : hostPort.substring(0, colon);
      int port;
      try {
        port = colon < 0 ? 7077 : Integer.parseInt(hostPort.substring(colon + 1));
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("the Spark master URL " + master + " has the port '"
            + hostPort.substring(colon + 1) + "'; expected spark://host:port", e);
      }
      try (Socket s = new Socket()) {
        s.connect(new InetSocketAddress(host, port), (int) Math.min(Integer.MAX_VALUE, timeout.toMillis()));
        return;
      } catch (IOException e) {
        refused.add(host + ":" + port + ": " + e.getMessage());
      }
    }
    throw new SparkSweepException(master, "the Spark master " + master + " does not answer within " + show(timeout)
        + " (" + String.join("; ", refused) + "); start it (sbin/start-master.sh) or correct the URL", null);
  }

  /** Waits until an executor has joined, unless the context runs in this JVM (local mode). */
  private static void awaitExecutor(JavaSparkContext sc, Duration timeout) {
    if (sc.isLocal() || sc.statusTracker().getExecutorInfos().length > 1) return; // the driver counts as one
    CountDownLatch joined = new CountDownLatch(1);
    SparkListener listener = new SparkListener() {
      @Override
      public void onExecutorAdded(SparkListenerExecutorAdded added) {
        joined.countDown();
      }
    };
    sc.sc().addSparkListener(listener);
    try {
      if (sc.statusTracker().getExecutorInfos().length > 1) return;
      if (!joined.await(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        String master = sc.master();
        throw new SparkSweepException(master, "no Spark executor joined the application on " + master + " within "
            + show(timeout) + (sc.sc().isStopped() ? " and the context was stopped (is the master running there?)"
            : "; check that the master has a worker with free cores and memory for it (spark.executor.memory, "
                + "spark.cores.max)"), null);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SparkSweepException(sc.master(), "interrupted while waiting for a Spark executor on " + sc.master(), e);
    } finally {
      sc.sc().removeSparkListener(listener);
    }
  }

  /** {@return the context the sweeps run on} */
  public JavaSparkContext context() {
    return sc;
  }

  /**
   * Runs every combination on the cluster.
   *
   * @param runner the runner, built from a static method
   * @param combos the parameters to combine
   * @return the dataset {@code runner.runCombos(combos)} gives
   * @throws RunFailedException as {@link #run(RunPlan)}
   * @throws SparkSweepException as {@link #run(RunPlan)}
   */
  public Dataset runCombos(Runner runner, Combos combos) {
    return run(runner, Cases.none(), combos);
  }

  /**
   * Runs the cases on the cluster.
   *
   * @param runner the runner, built from a static method
   * @param cases the points to run; no two may be the same point
   * @return the dataset {@code runner.runCases(cases)} gives
   * @throws RunFailedException as {@link #run(RunPlan)}
   * @throws SparkSweepException as {@link #run(RunPlan)}
   */
  public Dataset runCases(Runner runner, Cases cases) {
    return run(runner, cases, Combos.empty());
  }

  /**
   * Runs every combination for every case on the cluster.
   *
   * @param runner the runner, built from a static method
   * @param cases the points to run, or {@link Cases#none()}
   * @param combos the parameters combined with each case, or {@link Combos#empty()}
   * @return the dataset {@code runner.run(cases, combos)} gives
   * @throws RunFailedException as {@link #run(RunPlan)}
   * @throws SparkSweepException as {@link #run(RunPlan)}
   */
  public Dataset run(Runner runner, Cases cases, Combos combos) {
    return run(Objects.requireNonNull(runner, "runner").plan(cases, combos));
  }

  /**
   * Runs a plan on the cluster: its ranges as tasks, their batches assembled here.
   *
   * @param plan the plan (of a grid or of points)
   * @return the dataset a local run of the plan gives
   * @throws IllegalArgumentException if the runner's function is a lambda or an object rather than a
   *     static method, or a resource, case or combo value is not Serializable
   * @throws RunFailedException if a run throws under {@link OnError#STOP} on every attempt Spark makes,
   *     or a result does not fit the outputs' description; it names the run's arguments
   * @throws SparkSweepException if the sweep would not fit the driver's memory (with the estimate), no
   *     executor joins in time, an executor cannot load the function's class (with the jars shipped), or
   *     the Spark job fails for another reason
   */
  @Override
  public Dataset run(RunPlan plan) {
    Objects.requireNonNull(plan, "plan");
    return execute(plan, 0, plan.size(), plan.assembly()).assembly.dataset();
  }

  /**
   * Runs a range of a plan on the cluster, cut into tasks as a whole plan is: a checkpoint of a
   * harvester that runs on Spark ({@code Harvester.Builder.runOn} with {@code saveEvery}).
   *
   * @param plan the plan
   * @param from the first run, from 0
   * @param to the run after the last, at most {@link RunPlan#size()}
   * @return the tasks' batches, which together hold each run of the range once
   * @throws IllegalArgumentException if the range is not within {@code [0, plan.size())}, or as {@link #run(RunPlan)}
   * @throws RunFailedException as {@link #run(RunPlan)}
   * @throws SparkSweepException as {@link #run(RunPlan)}
   */
  @Override
  public List<RunBatch> run(RunPlan plan, long from, long to) {
    Objects.requireNonNull(plan, "plan");
    if (from < 0 || to > plan.size() || from > to) {
      throw new IllegalArgumentException("runs [" + from + ", " + to + ") are not within the plan's " + plan.size()
          + " runs; expected 0 <= from <= to <= " + plan.size());
    }
    if (from == to) return List.of();
    return execute(plan, from, to, null).batches;
  }

  /** Runs {@code [from, to)} of the plan as tasks; their batches go into the assembly if there is one, else into a list. */
  private Collected execute(RunPlan plan, long from, long to, RunPlan.Assembly assembly) {
    Runner runner = plan.runner();
    RunnerSpec spec;
    try {
      spec = runner.spec();
    } catch (IllegalStateException e) {
      throw new IllegalArgumentException("a sweep on Spark rebuilds its runner on every executor from the runner's "
          + "description, and " + e.getMessage(), e);
    }
    RunOptions options = runner.options();
    ShippedPlan shipped = ShippedPlan.of(plan, spec, options.onError(), options.runTimeout(),
        sc.getConf().getInt("spark.task.cpus", 1));
    long runs = to - from;
    List<long[]> ranges = ranges(runs, partitionsFor(runs));
    for (long[] r : ranges) {
      r[0] += from;
      r[1] += from;
    }
    long widest = 0;
    for (long[] r : ranges) widest = Math.max(widest, r[1] - r[0]);
    checkMemory(plan.size(), widest, DriverMemory.perRun(spec), "at least", "its description");
    awaitExecutor(sc, executorTimeout);

    List<SweepListener> listeners = new ArrayList<>();
    if (options.verbosity() > 0) listeners.add(SweepListener.progressBar(options.verbosity()));
    listeners.addAll(options.listeners());
    Broadcast<ShippedPlan> broadcast = sc.broadcast(shipped);
    String description = sc.getLocalProperty("spark.job.description");
    String interrupt = sc.getLocalProperty(INTERRUPT_ON_CANCEL);
    // A job cancelled because a run failed under STOP (or the caller was interrupted) interrupts its
    // running tasks, whose engines then stop at once instead of running the rest of their ranges.
    sc.setLocalProperty(INTERRUPT_ON_CANCEL, "true");
    sc.setJobDescription("sweep of " + spec.function() + ": " + (runs == plan.size() ? runs + " runs"
        : "runs [" + from + ", " + to + ") of " + plan.size()) + " in " + ranges.size() + " ranges");
    Collected collected = new Collected(plan, runs, assembly);
    listeners.forEach(l -> l.started(runs));
    try {
      collect(plan, ranges, broadcast, listeners, collected);
    } finally {
      Failures failures = collected.failures();
      listeners.forEach(l -> l.finished(failures));
      sc.setJobDescription(description);
      sc.setLocalProperty(INTERRUPT_ON_CANCEL, interrupt);
      broadcast.destroy();
    }
    Failures failures = collected.failures();
    if (!failures.isEmpty()) LOG.warn(failures.summary());
    return collected;
  }

  /** The batches received so far (in the plan's assembly, or listed) and their failures. */
  private static final class Collected {
    final RunPlan plan;
    final long runs;
    final RunPlan.Assembly assembly;
    final List<RunBatch> batches = new ArrayList<>();
    final List<Failure> first = new ArrayList<>();
    long failed;

    Collected(RunPlan plan, long runs, RunPlan.Assembly assembly) {
      this.plan = plan;
      this.runs = runs;
      this.assembly = assembly;
    }

    Failures failures() {
      return new Failures(runs, failed, first);
    }

    void add(RunBatch batch) {
      if (assembly != null) assembly.add(batch);
      else batches.add(batch);
      Failures f = batch.failures();
      failed += f.count();
      first.addAll(f.first());
      first.sort(Comparator.comparingLong(Failure::run));
      if (first.size() > Failures.KEPT) first.subList(Failures.KEPT, first.size()).clear();
    }
  }

  /** One task's result, handed from Spark's scheduler thread to the sweep's. */
  private record Arrival(int partition, byte[] bytes) {}

  private void collect(RunPlan plan, List<long[]> ranges, Broadcast<ShippedPlan> broadcast,
      List<SweepListener> listeners, Collected collected) {
    int n = ranges.size();
    JavaRDD<long[]> rdd = sc.parallelize(ranges, n);
    BlockingQueue<Arrival> arrivals = new LinkedBlockingQueue<>();
    List<Object> all = new ArrayList<>(n);
    for (int p = 0; p < n; p++) all.add(p);
    // The handler runs on Spark's scheduler thread: it only hands the bytes over.
    SimpleFutureAction<BoxedUnit> job = sc.sc().submitJob(rdd.rdd(), new RangeTask(broadcast),
        scala.jdk.javaapi.CollectionConverters.asScala(all).toSeq(),
        (Object partition, byte[] bytes) -> {
          arrivals.add(new Arrival((Integer) partition, bytes));
          return BoxedUnit.UNIT;
        },
        () -> BoxedUnit.UNIT);
    boolean[] received = new boolean[n];
    int done = 0;
    long runs = 0;
    boolean measured = false;
    try {
      while (done < n) {
        Arrival a = arrivals.poll(200, TimeUnit.MILLISECONDS);
        if (a == null) {
          if (job.isCompleted() && arrivals.isEmpty()) throw failure(job, plan);
          continue;
        }
        if (received[a.partition()]) {
          LOG.warn("ignored a second result for runs [{}, {}) (partition {})", ranges.get(a.partition())[0],
              ranges.get(a.partition())[1], a.partition());
          continue;
        }
        TaskOutcome outcome = TaskOutcome.fromBytes(a.bytes());
        if (outcome.batch() == null) throw setupFailure(plan, outcome);
        RunBatch batch = outcome.batch();
        if (!measured && !batch.outputs().isEmpty()) {
          measured = true;
          long widest = 0;
          for (long[] r : ranges) widest = Math.max(widest, r[1] - r[0]);
          checkMemory(plan.size(), widest, DriverMemory.perRun(batch), "about", "the first results");
        }
        collected.add(batch);
        received[a.partition()] = true;
        done++;
        runs += batch.size();
        for (SweepListener l : listeners) {
          l.progressed(runs, null);
          for (Failure f : batch.failures().first()) l.failed(f);
        }
      }
    } catch (InterruptedException e) {
      job.cancel();
      Thread.currentThread().interrupt();
      throw new SparkSweepException(sc.master(), "interrupted while the sweep ran on " + sc.master()
          + "; the Spark job is cancelled", e);
    } catch (RuntimeException | Error e) {
      job.cancel();
      throw e;
    }
  }

  /** The exception for a job that ended before every range came back. */
  private RuntimeException failure(SimpleFutureAction<BoxedUnit> job, RunPlan plan) {
    Try<BoxedUnit> result = job.value().get();
    Throwable cause = result.isFailure() ? result.failed().get() : null;
    for (Throwable c = cause; c != null; c = c.getCause()) {
      if (c instanceof RemoteRunFailure r) return r.toRunFailedException();
    }
    String master = sc.master();
    String why = cause == null ? "it ended without every range's results" : String.valueOf(cause.getMessage());
    if (why.contains("ClassNotFoundException") || why.contains("NoClassDefFoundError")) {
      return new SparkSweepException(master, "the sweep's Spark job failed on " + master + " because the executors "
          + "miss a class: " + firstLine(why) + "; the application ships the jars " + shippedJars() + " (spark.jars): ship "
          + "sweep-spark, sweep-core and their dependencies with the function's jar", cause);
    }
    return new SparkSweepException(master, "the sweep's Spark job failed on " + master + ": " + firstLine(why), cause);
  }

  /** The exception for an executor that could not rebuild the runner. */
  private SparkSweepException setupFailure(RunPlan plan, TaskOutcome outcome) {
    String master = sc.master();
    String fn = plan.runner().spec().function().toString();
    if (outcome.missingClass() != null) {
      return new SparkSweepException(master, "the Spark executors cannot load the class " + outcome.missingClass()
          + " of the function " + fn + " (" + outcome.executor() + "); the application ships the jars " + shippedJars()
          + " (spark.jars): add the jar that holds it, with SparkConf.setJars or spark-submit --jars", null);
    }
    return new SparkSweepException(master, "the Spark executors cannot rebuild the runner of " + fn + " ("
        + outcome.executor() + "): " + outcome.error(), null);
  }

  /** The file names of the jars the application ships ({@code spark.jars}), in order. */
  private List<String> shippedJars() {
    List<String> names = new ArrayList<>();
    for (String j : sc.jars()) names.add(j.substring(j.lastIndexOf('/') + 1));
    return names;
  }

  private static String firstLine(String s) {
    int nl = s.indexOf('\n');
    return nl < 0 ? s : s.substring(0, nl);
  }

  /** Refuses a sweep whose dataset would not fit the memory the driver may use. */
  private void checkMemory(long runs, long widest, DriverMemory.PerRun perRun, String qualifier, String source) {
    long limit = driverMemory > 0 ? driverMemory : Runtime.getRuntime().maxMemory();
    double need = DriverMemory.need(runs, widest, perRun.bytes());
    if (need <= limit) return;
    throw new SparkSweepException(sc.master(), String.format(java.util.Locale.ROOT, "a sweep of %,d runs needs %s %s "
        + "on the driver (%s per run, from %s: the dataset and its final copy, and the widest range's results), more "
        + "than the %s it may use (SparkSweep.Builder.driverMemory, by default the driver's maximum heap); give the "
        + "driver more memory (spark.driver.memory), or run the sweep in parts (several harvests into one file, each over a part of the combos)",
        runs, qualifier, DriverMemory.show(need), perRun.describe(), source, DriverMemory.show(limit)), null);
  }

  /** {@return how many ranges a plan of this many runs is cut into} */
  int partitionsFor(long runs) {
    long n = partitions > 0 ? partitions : 4L * Math.max(1, sc.defaultParallelism());
    return (int) Math.max(1, Math.min(n, runs));
  }

  /** {@code n} consecutive ranges covering {@code [0, size)}, their lengths differing by at most one. */
  static List<long[]> ranges(long size, int n) {
    long q = size / n;
    long r = size % n;
    List<long[]> out = new ArrayList<>(n);
    for (int p = 0; p < n; p++) {
      long from = p * q + Math.min(p, r);
      out.add(new long[] {from, from + q + (p < r ? 1 : 0)});
    }
    return out;
  }

  private static void checkTimeout(String what, Duration timeout) {
    Objects.requireNonNull(timeout, what);
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException(what + " is " + timeout + "; expected a positive duration");
    }
  }

  private static String show(Duration d) {
    return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
  }

  @Override
  public String toString() {
    return "SparkSweep[" + sc.master() + ", " + (partitions > 0 ? partitions + " partitions" : "4 partitions per core")
        + "]";
  }

  /** Builds a {@link SparkSweep}; each setter checks its input at once. */
  public static final class Builder {
    private final JavaSparkContext sc;
    private int partitions;
    private long driverMemory;
    private Duration executorTimeout = Duration.ofSeconds(60);

    Builder(JavaSparkContext sc) {
      this.sc = sc;
    }

    /**
     * Cuts each sweep into this many ranges, one task each (fewer if the sweep has fewer runs). By
     * default four per core of the cluster ({@code defaultParallelism}), so that uneven runs balance.
     *
     * @param partitions the number of ranges, at least 1
     * @return this builder
     * @throws IllegalArgumentException if {@code partitions} is less than 1
     */
    public Builder partitions(int partitions) {
      if (partitions < 1) throw new IllegalArgumentException("partitions is " + partitions + "; expected at least 1");
      this.partitions = partitions;
      return this;
    }

    /**
     * Refuses sweeps whose results would need more than this many bytes on the driver (estimated
     * before running from the runner's description, and again from the first results). By default the
     * driver's maximum heap.
     *
     * @param bytes the most the driver may hold for a sweep, positive
     * @return this builder
     * @throws IllegalArgumentException if {@code bytes} is not positive
     */
    public Builder driverMemory(long bytes) {
      if (bytes < 1) throw new IllegalArgumentException("driverMemory is " + bytes + " bytes; expected a positive number");
      this.driverMemory = bytes;
      return this;
    }

    /**
     * Waits at most this long for a first executor before a sweep starts (default 60 s); a cluster
     * without free workers would otherwise keep the sweep waiting forever. Local mode does not wait.
     *
     * @param timeout the longest wait, positive
     * @return this builder
     * @throws IllegalArgumentException if {@code timeout} is not positive
     */
    public Builder executorTimeout(Duration timeout) {
      checkTimeout("executorTimeout", timeout);
      this.executorTimeout = timeout;
      return this;
    }

    /** {@return the sweeps' runner on the context} */
    public SparkSweep build() {
      return new SparkSweep(this);
    }
  }
}
