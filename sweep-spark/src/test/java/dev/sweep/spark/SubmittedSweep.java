package dev.sweep.spark;

import static dev.sweep.testing.DatasetAssertions.assertIdentical;

import dev.sweep.data.Dataset;
import dev.sweep.run.Runner;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;

/**
 * A user's application as the README submits it with {@code spark-submit}: the master, the jars and
 * the settings come from the command line; it sweeps on the cluster and checks the result against a
 * local run of the same sweep.
 */
public final class SubmittedSweep {
  private SubmittedSweep() {}

  public static void main(String[] args) {
    JavaSparkContext sc = new JavaSparkContext(new SparkConf().setAppName("submitted sweep"));
    try {
      Runner runner = Fns.runner("bar", Fns.QUIET);
      Dataset onSpark = SparkSweep.builder(sc).partitions(3).build().runCombos(runner, Fns.abc());
      assertIdentical(runner.runCombos(Fns.abc()), onSpark);
      System.out.println("identical to the local run: " + onSpark.sizes());
    } finally {
      sc.stop();
    }
  }
}
