package dev.sweep.io.netcdf;

import dev.sweep.farm.Harvester;
import dev.sweep.space.Combos;
import dev.sweep.space.Values;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

/**
 * A child JVM that keeps one live harvester of {@link HarvestChild#f} on a file and obeys lines on its
 * stdin: {@code harvest A} harvests a = A (b in 0..9, c in 0..1), {@code drop A} removes a = A with
 * {@code dropSel}, {@code exit} ends. After building the harvester and after each command it prints one
 * line (the signal the test waits for) with the labels of a it holds: {@code ready a=[...]},
 * {@code harvested A a=[...]}, {@code dropped A a=[...]}.
 */
public final class EditChild {
  private EditChild() {}

  public static void main(String[] args) throws Exception {
    Harvester h = Harvester.builder(HarvestChild.runner(), Path.of(args[0])).build();
    System.out.println("ready a=" + labels(h));
    System.out.flush();
    BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    String line;
    while ((line = in.readLine()) != null) {
      String[] cmd = line.trim().split(" ");
      switch (cmd[0]) {
        case "harvest" -> {
          int a = Integer.parseInt(cmd[1]);
          h.harvestCombos(Combos.builder().add("a", a).add("b", Values.range(0, 10)).add("c", 0, 1).build());
          System.out.println("harvested " + a + " a=" + labels(h));
        }
        case "drop" -> {
          int a = Integer.parseInt(cmd[1]);
          h.dropSel(Map.of("a", a));
          System.out.println("dropped " + a + " a=" + labels(h));
        }
        case "exit" -> {
          return;
        }
        default -> System.out.println("unknown command " + line);
      }
      System.out.flush();
    }
  }

  private static String labels(Harvester h) {
    return h.fullDataset().coords().containsKey("a") ? h.fullDataset().coord("a").toString() : "[]";
  }
}
