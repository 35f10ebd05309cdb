package dev.sweep.io.scene;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * Creates scenes in a parent once told to: prints {@code ready}, waits for {@code go} on stdin, then
 * creates {@code count} scenes (or batches of {@code batch}) and prints each path, then {@code done}.
 * Args: parent, count, batch size (1 for single scenes).
 */
public final class CreateScenesChild {
  private CreateScenesChild() {}

  public static void main(String[] args) throws Exception {
    Path parent = Path.of(args[0]);
    int count = Integer.parseInt(args[1]);
    int batch = Integer.parseInt(args[2]);
    BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    System.out.println("ready");
    System.out.flush();
    if (!"go".equals(in.readLine())) throw new IllegalStateException("expected go");
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < count; i++) {
      if (batch == 1) {
        out.append("scene ").append(Scene.create(parent).path()).append('\n');
      } else {
        for (Path p : SceneBatch.create(parent, "sim", "batch", batch).paths()) out.append("scene ").append(p).append('\n');
      }
    }
    System.out.print(out);
    System.out.println("done");
    System.out.flush();
  }
}
