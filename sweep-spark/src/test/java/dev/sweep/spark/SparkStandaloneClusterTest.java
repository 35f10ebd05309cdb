package dev.sweep.spark;

import static dev.sweep.spark.Fns.CONTINUE;
import static dev.sweep.spark.Fns.QUIET;
import static dev.sweep.spark.Fns.abc;
import static dev.sweep.spark.Fns.runner;
import static dev.sweep.testing.DatasetAssertions.assertIdentical;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.sweep.data.Dataset;
import dev.sweep.farm.Harvester;
import dev.sweep.run.RunFailedException;
import dev.sweep.run.RunFunction;
import dev.sweep.run.Runner;
import dev.sweep.space.Cases;
import dev.sweep.space.Combos;
import dev.sweep.space.Values;
import dev.sweep.store.Stores;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Sweeps on a real standalone cluster: a Master and a Worker started from Spark's jars on loopback,
 * executors in their own JVMs that receive sweep's jars from the driver. If the cluster cannot start,
 * the tests fail under {@code CI=true} and are skipped otherwise.
 */
class SparkStandaloneClusterTest {
  static final Duration START = Duration.ofSeconds(180);

  @TempDir static Path dir;
  static StandaloneCluster cluster;
  static JavaSparkContext sc;
  static List<String> jars;

  @BeforeAll
  static void startCluster() throws Exception {
    try {
      // Three cores: two for this test's application, one for the application it submits.
      cluster = StandaloneCluster.start(dir, 3, START);
    } catch (Exception e) {
      String why = "cannot start a Spark standalone cluster on loopback: " + e.getMessage();
      if ("true".equals(System.getenv("CI"))) fail(why, e);
      Assumptions.abort(why);
    }
    jars = StandaloneCluster.applicationJars(dir.resolve("app"), name -> !name.contains("Unshipped"));
    try {
      sc = SparkSweep.connect(new SparkConf().setMaster(cluster.masterUrl()).setAppName("sweep-spark-cluster-test")
          .setJars(jars.toArray(new String[0])).set("spark.driver.host", "127.0.0.1")
          .set("spark.driver.bindAddress", "127.0.0.1").set("spark.executor.memory", "1g")
          .set("spark.cores.max", "2").set("spark.ui.enabled", "false"), START);
    } catch (RuntimeException e) {
      throw new IllegalStateException(e.getMessage() + "\n" + cluster.logs(), e);
    }
  }

  @AfterAll
  static void stopCluster() {
    try {
      if (sc != null) sc.stop();
    } finally {
      if (cluster != null) cluster.close();
    }
  }

  @Test
  void aSweepOnTheClusterIsIdenticalToALocalRun() {
    SparkSweep spark = SparkSweep.builder(sc).partitions(3).build();
    Runner bar = runner("bar", QUIET);
    Object[] space = Fns.space("cases x combos");
    assertIdentical(bar.run((Cases) space[0], (Combos) space[1]), spark.run(bar, (Cases) space[0], (Combos) space[1]));
    Runner stacked = runner("stacked", QUIET);
    assertIdentical(stacked.runCombos(abc()), SparkSweep.builder(sc).partitions(7).build().runCombos(stacked, abc()));
  }

  @Test
  void failedRunsFollowThePolicyOnTheClusterToo() {
    SparkSweep spark = SparkSweep.builder(sc).partitions(3).build();
    assertIdentical(runner("flaky", CONTINUE).runCombos(abc()), spark.runCombos(runner("flaky", CONTINUE), abc()));
    var e = assertThrows(RunFailedException.class, () -> SparkSweep.builder(sc).partitions(1).build()
        .runCombos(runner("flaky", QUIET), abc()));
    assertEquals("run 0 of 18 failed for a=1, b='x', c=true: java.lang.IllegalStateException: flaky at a=1 b=x",
        e.getMessage());
  }

  @Test
  void aHarvestOnTheClusterIsSyncedToItsFileOnTheDriver() {
    Runner runner = Runner.builder(RunFunction.of(Fns.class, "busy")).vars("x").options(QUIET).build();
    Combos first = Combos.builder().add("i", Values.range(0, 60)).build();
    Combos second = Combos.builder().add("i", Values.range(60, 100)).build();
    Path file = dir.resolve("busy.nc");
    Harvester h = Harvester.builder(runner, file).runOn(SparkSweep.on(sc)).build();
    h.harvestCombos(first);
    h.harvestCombos(second);
    Dataset local = runner.runCombos(Combos.builder().add("i", Values.range(0, 100)).build());
    assertIdentical(local, h.fullDataset());
    assertIdentical(local, Stores.dataset(file).read());
  }

  @Test
  void aFunctionClassMissingOnTheExecutorsIsNamedWithTheJarsShipped() {
    Runner runner = Runner.builder(RunFunction.of(Unshipped.class, "twice")).vars("y").options(QUIET).build();
    var e = assertThrows(SparkSweepException.class,
        () -> SparkSweep.on(sc).runCombos(runner, Combos.builder().add("i", 1, 2, 3).build()));
    assertTrue(e.getMessage().startsWith("the Spark executors cannot load the class dev.sweep.spark.Unshipped of the "
        + "function dev.sweep.spark.Unshipped.twice (executor "), e.getMessage());
    // sweep-core is shipped as its classes from a reactor build, or as its installed jar
    assertTrue(e.getMessage().matches("(?s).*\\); the application ships the jars \\[sweep-core-(classes|[0-9.]+(-SNAPSHOT)?)"
        + "\\.jar, nd4j-native-platform-1\\.0\\.0-M2\\.1\\.jar, .*"), e.getMessage());
    assertTrue(e.getMessage().contains(", sweep-spark-classes.jar, sweep-spark-test-classes.jar]"), e.getMessage());
    assertTrue(e.getMessage().endsWith(" (spark.jars): add the jar that holds it, with SparkConf.setJars or "
        + "spark-submit --jars"), e.getMessage());
    assertEquals(cluster.masterUrl(), e.master());
  }

  @Test
  void anApplicationSubmittedWithSparkSubmitSweepsOnTheCluster() throws Exception {
    String appJar = jars.get(jars.size() - 1); // the test classes: the user's application and function
    String others = String.join(",", jars.subList(0, jars.size() - 1));
    StandaloneCluster.Submitted run = cluster.submit(START, "--master", cluster.masterUrl(), "--deploy-mode", "client",
        "--class", "dev.sweep.spark.SubmittedSweep", "--jars", others, "--conf", "spark.driver.host=127.0.0.1",
        "--conf", "spark.driver.bindAddress=127.0.0.1", "--conf", "spark.executor.memory=512m",
        "--conf", "spark.cores.max=1", "--conf", "spark.ui.enabled=false", appJar);
    assertEquals(0, run.exitCode(), run.output());
    assertTrue(run.output().contains("identical to the local run: {a=3, b=3, c=2, x=2, t=3, two=2}"), run.output());
  }
}
