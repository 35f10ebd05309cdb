package dev.sweep.io.csv;

import dev.sweep.data.Dataset;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A process that opens a CSV store (typically on a file that does not exist yet), prints
 * {@value #READY}, waits for {@code go} on its standard input, then appends batches of rows tagged with
 * its id and prints {@value #DONE}: {@link CsvConcurrencyTest} starts several at once.
 */
public final class ConcurrentAppendChild {
  static final String READY = "ready";
  static final String DONE = "done";

  private ConcurrentAppendChild() {}

  /** Batch b of writer w: rows whose {@code seq} runs b * n .. b * n + n - 1. */
  static Dataset batch(int writer, int b, int n) {
    int[] w = new int[n];
    long[] seq = new long[n];
    String[] note = new String[n];
    for (int i = 0; i < n; i++) {
      w[i] = writer;
      seq[i] = (long) b * n + i;
      note[i] = "w" + writer + ", \"row\" " + seq[i];
    }
    return Dataset.builder().dim("row", n)
        .variable("writer", List.of("row"), Nd4j.createFromArray(w))
        .variable("seq", List.of("row"), Nd4j.createFromArray(seq))
        .variable("note", List.of("row"), note)
        .build();
  }

  /**
   * Appends.
   *
   * @param args the CSV file, this writer's id, the number of batches, the rows per batch
   * @throws IOException if standard input cannot be read
   */
  public static void main(String[] args) throws IOException {
    CsvStore store = CsvStore.open(Path.of(args[0]));
    int writer = Integer.parseInt(args[1]);
    int batches = Integer.parseInt(args[2]);
    int n = Integer.parseInt(args[3]);
    System.out.println(READY);
    System.out.flush();
    String go = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
    if (!"go".equals(go)) throw new IllegalStateException("expected 'go' on standard input, got " + go);
    for (int b = 0; b < batches; b++) store.append(batch(writer, b, n));
    System.out.println(DONE + " " + store.size());
    System.out.flush();
  }
}
