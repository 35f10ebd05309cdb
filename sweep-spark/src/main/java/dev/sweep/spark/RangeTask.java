package dev.sweep.spark;

import dev.sweep.run.RunBatch;
import dev.sweep.run.RunFailedException;
import dev.sweep.run.RunPlan;
import java.io.Serializable;
import java.net.InetAddress;
import java.net.UnknownHostException;
import org.apache.spark.SparkEnv;
import org.apache.spark.broadcast.Broadcast;
import scala.Function1;
import scala.collection.Iterator;

/**
 * The task of one partition, on an executor: rebuild the plan from its broadcast description (once per
 * executor and sweep), run the partition's range of runs, and send back the batch as bytes.
 */
final class RangeTask implements Function1<Iterator<long[]>, byte[]>, Serializable {
  private static final long serialVersionUID = 1L;

  /** The plan last rebuilt in this JVM, by broadcast id: the tasks of one sweep share it. */
  private static volatile Rebuilt last;

  private record Rebuilt(long id, RunPlan plan) {}

  private final Broadcast<ShippedPlan> shipped;

  RangeTask(Broadcast<ShippedPlan> shipped) {
    this.shipped = shipped;
  }

  @Override
  public byte[] apply(Iterator<long[]> ranges) {
    long[] range = ranges.next();
    RunPlan plan;
    try {
      plan = plan();
    } catch (IllegalArgumentException e) {
      return new TaskOutcome(null, e.getMessage(), missingClass(e), executor()).toBytes();
    }
    RunBatch batch;
    try {
      batch = plan.run(range[0], range[1]);
    } catch (RunFailedException e) {
      throw new RemoteRunFailure(e, plan.size());
    }
    return new TaskOutcome(batch, null, null, executor()).toBytes();
  }

  private RunPlan plan() {
    Rebuilt r = last;
    if (r != null && r.id() == shipped.id()) return r.plan();
    RunPlan plan = shipped.value().rebuild();
    last = new Rebuilt(shipped.id(), plan);
    return plan;
  }

  /** The class whose absence the exception reports, if that is what it reports. */
  private static String missingClass(Throwable e) {
    for (Throwable c = e; c != null; c = c.getCause()) {
      if (c instanceof ClassNotFoundException || c instanceof NoClassDefFoundError) {
        String m = c.getMessage();
        return m == null ? "?" : m.replace('/', '.');
      }
    }
    return null;
  }

  private static String executor() {
    String host;
    try {
      host = InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException e) {
      host = "unknown host";
    }
    SparkEnv env = SparkEnv.get();
    return "executor " + (env == null ? "?" : env.executorId()) + " on " + host;
  }
}
