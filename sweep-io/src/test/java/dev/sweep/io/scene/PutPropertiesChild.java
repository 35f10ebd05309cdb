package dev.sweep.io.scene;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * Puts properties into one scene once told to: prints {@code ready}, waits for {@code go} on stdin,
 * then puts {@code <prefix>_<i>} = i for i below count, one update each, and prints {@code done}.
 * Args: scene directory, prefix, count.
 */
public final class PutPropertiesChild {
  private PutPropertiesChild() {}

  public static void main(String[] args) throws Exception {
    Scene scene = Scene.at(Path.of(args[0]));
    String prefix = args[1];
    int count = Integer.parseInt(args[2]);
    BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    System.out.println("ready");
    System.out.flush();
    if (!"go".equals(in.readLine())) throw new IllegalStateException("expected go");
    for (int i = 0; i < count; i++) scene.put(prefix + "_" + i, i);
    System.out.println("done");
    System.out.flush();
  }
}
