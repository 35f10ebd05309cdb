/**
 * Running sweeps on an Apache Spark cluster. Start with {@link dev.sweep.spark.SparkSweep}: it runs
 * a runner's combos, cases or any {@link dev.sweep.run.RunPlan} on a
 * {@link org.apache.spark.api.java.JavaSparkContext} and gives back the dataset a local run gives;
 * as a {@link dev.sweep.run.PlanRunner} it also runs a {@link dev.sweep.farm.Harvester}'s harvests and
 * a {@link dev.sweep.farm.Sampler}'s samples ({@code runOn(spark)}), which merge, sync and draw on the
 * driver. {@link dev.sweep.spark.SparkSweep#connect} makes a context after checking, within a timeout,
 * that the master answers and an executor joins. {@link dev.sweep.spark.SparkSweepException} reports
 * what is not a failed run.
 *
 * <p>Spark (4.x, Scala 2.13) is a {@code provided} dependency: the cluster's own. See
 * {@code sweep-spark/SPARK.md} for submitting an application.
 *
 * <p>Nulls: no method accepts null.
 */
package dev.sweep.spark;
