package dev.sweep.spark;

import dev.sweep.run.Failure;
import dev.sweep.run.RunBatch;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.ObjectStreamException;
import java.io.OutputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * What one task sends back, Java-serialized into bytes so that it travels the same whatever
 * {@code spark.serializer} the application uses: its range's batch, or why the executor could not
 * rebuild the runner (a deterministic error that a retry would repeat).
 *
 * @param batch the range's results; null if the runner could not be rebuilt
 * @param error why the runner could not be rebuilt; null with a batch
 * @param missingClass the class the executor could not load, when that was the reason; else null
 * @param executor the executor and host that ran the task, for messages
 */
record TaskOutcome(RunBatch batch, String error, String missingClass, String executor) implements Serializable {
  private static final long serialVersionUID = 1L;

  /** {@return the outcome as bytes, its failures' causes made portable first} */
  byte[] toBytes() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(batch == null ? this : new TaskOutcome(portable(batch), null, null, executor));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot serialize the results of runs [" + batch.from() + ", " + batch.to() + ")", e);
    }
    return bytes.toByteArray();
  }

  /** {@return the outcome the bytes hold} */
  static TaskOutcome fromBytes(byte[] bytes) {
    try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes)) {
      @Override
      protected Class<?> resolveClass(java.io.ObjectStreamClass desc) throws IOException, ClassNotFoundException {
        // The driver's user classes (enum arguments, exception types) live in the context class loader.
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        if (loader == null) return super.resolveClass(desc);
        try {
          return Class.forName(desc.getName(), false, loader);
        } catch (ClassNotFoundException e) {
          return super.resolveClass(desc);
        }
      }
    }) {
      return (TaskOutcome) in.readObject();
    } catch (IOException | ClassNotFoundException e) {
      throw new IllegalStateException("cannot read the results a Spark task sent back: " + e, e);
    }
  }

  /** The batch, its failures' causes replaced by portable copies if they do not serialize. */
  private static RunBatch portable(RunBatch b) {
    List<Failure> first = b.failures().first();
    boolean fine = true;
    for (Failure f : first) fine &= portable(f.cause()) == f.cause();
    if (fine) return b;
    List<Failure> kept = new ArrayList<>();
    for (Failure f : first) kept.add(new Failure(f.run(), f.arguments(), portable(f.cause())));
    return RunBatch.of(b.from(), b.to(), b.outputs(), b.innerDims(), b.innerLabels(), b.attrs(), b.failedRuns(), kept);
  }

  /**
   * {@return the throwable itself if it serializes, else a {@link RemoteException} with its class,
   * message, stack trace and (portable) cause}
   */
  static Throwable portable(Throwable t) {
    if (t == null) return null;
    try (ObjectOutputStream out = new ObjectOutputStream(OutputStream.nullOutputStream())) {
      out.writeObject(t);
      return t;
    } catch (ObjectStreamException e) {
      RemoteException copy = new RemoteException(t.getClass().getName() + (t.getMessage() == null ? "" : ": "
          + t.getMessage()), portable(t.getCause()));
      copy.setStackTrace(t.getStackTrace());
      return copy;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** What a run threw, as text, when the original exception could not travel. */
  static final class RemoteException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    RemoteException(String message, Throwable cause) {
      super(message, cause);
    }
  }
}
