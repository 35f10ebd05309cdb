package dev.sweep.io.scene;

import dev.sweep.SweepException;
import dev.sweep.data.Dataset;
import dev.sweep.data.Variable;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/** The text of {@link Scene#summary()}. */
final class SceneSummary {
  private static final int WIDTH = 100;

  private SceneSummary() {}

  static String of(Scene scene) {
    StringBuilder out = new StringBuilder("<sweep.Scene> ").append(scene.path()).append('\n');
    try {
      Map<String, Object> props = scene.properties();
      out.append("Properties (").append(props.size()).append(props.isEmpty() ? ")\n" : "):\n");
      int w = props.keySet().stream().mapToInt(String::length).max().orElse(0);
      props.forEach((k, v) -> out.append("    ").append(pad(k, w)).append("  ").append(clip(value(v))).append('\n'));
    } catch (SweepException | UncheckedIOException e) {
      out.append("Properties: unreadable: ").append(e.getMessage()).append('\n');
    }
    Map<String, TreeSet<Integer>> fields = FrameFiles.frames(scene.path());
    TreeSet<Integer> all = new TreeSet<>();
    fields.values().forEach(all::addAll);
    out.append("Fields (").append(fields.size()).append(")");
    if (!fields.isEmpty()) {
      out.append(", frames ").append(FrameFiles.describeFrames(all)).append(" (").append(all.size()).append(" frames, ")
          .append(scene.completeFrames().size()).append(" complete)");
    }
    out.append(fields.isEmpty() ? "\n" : ":\n");
    int w = fields.keySet().stream().mapToInt(String::length).max().orElse(0);
    fields.forEach((name, frames) -> out.append("    ").append(pad(name, w)).append("  frames ")
        .append(FrameFiles.describeFrames(frames)).append("  ").append(field(scene, name, frames.last())).append('\n'));
    try {
      Optional<Map<String, Object>> context = scene.context();
      context.ifPresent(c -> out.append("Context: sweep ").append(c.get("sweep_version")).append(", Java ")
          .append(c.get("java_version")).append(c.containsKey("git_commit") ? ", git " + c.get("git_commit") : "")
          .append(", ").append(clip(String.valueOf(c.get("java_command")))).append('\n'));
    } catch (SweepException e) {
      out.append("Context: unreadable: ").append(e.getMessage()).append('\n');
    }
    return out.toString().stripTrailing();
  }

  private static String field(Scene scene, String name, int frame) {
    try {
      Dataset ds = FrameFiles.read(scene.path(), name, frame);
      Variable v = ds.variables().containsKey(name) ? ds.variable(name) : ds.variables().values().iterator().next();
      StringBuilder s = new StringBuilder(v.type().toString()).append(" (");
      for (int d = 0; d < v.dims().size(); d++) s.append(d > 0 ? ", " : "").append(v.dims().get(d)).append(": ").append(v.shape()[d]);
      s.append(")");
      Object type = v.attrs().get(FrameFiles.FIELD_TYPE);
      if (type != null) s.append(' ').append(type);
      return s.toString();
    } catch (SweepException | UncheckedIOException | IllegalArgumentException e) {
      return "unreadable: " + e.getMessage();
    }
  }

  private static String value(Object v) {
    if (v instanceof Variable var) return var.toString();
    try {
      return PythonJson.writeLine(PropertyCodec.encodeNested("property", v));
    } catch (IllegalArgumentException e) {
      return String.valueOf(v);
    }
  }

  private static String pad(String s, int w) {
    return s + " ".repeat(Math.max(0, w - s.length()));
  }

  private static String clip(String s) {
    return s.length() <= WIDTH ? s : s.substring(0, WIDTH - 3) + "...";
  }
}
