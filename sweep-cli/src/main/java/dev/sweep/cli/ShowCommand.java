package dev.sweep.cli;

import dev.sweep.SweepException;
import dev.sweep.data.Dataset;
import dev.sweep.io.scene.Scene;
import dev.sweep.io.table.Tables;
import dev.sweep.store.RecordStore;
import dev.sweep.store.StoreProvider;
import dev.sweep.store.Stores;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code sweep show FILE}: prints a summary of any file a registered storage format reads. The format
 * comes from the {@link Stores} registry (by the file, or by {@code --format}), never from a list here,
 * so a new format needs no change to this command.
 */
@Command(name = "show", mixinStandardHelpOptions = true,
    description = "Print a summary of a file in any registered storage format: a NetCDF file (the dataset,"
        + " as xarray prints it), a CSV table, ...; or of a scene directory (its properties, fields and frames)"
        + " or a directory of scenes.")
final class ShowCommand implements Callable<Integer> {
  @Parameters(paramLabel = "FILE", description = "A file, e.g. a .nc file a Harvester wrote or a .csv file a Sampler wrote;"
      + " or a scene directory such as sim_000000, or the directory that holds scenes.")
  Path file;

  @Option(names = "--format", paramLabel = "NAME",
      description = "Read FILE with the storage format of this name (e.g. netcdf) instead of the one its name selects.")
  String format;

  @Override
  public Integer call() {
    if (!Files.exists(file)) {
      System.err.println("sweep show: no such file: " + file);
      return 2;
    }
    if (Files.isDirectory(file) && format == null) return showDirectory();
    StoreProvider provider;
    try {
      provider = format != null ? Stores.provider(format) : Stores.providerFor(file);
    } catch (IllegalArgumentException unknownFormat) {
      System.err.println("sweep show: " + unknownFormat.getMessage());
      return 2;
    }
    try {
      System.out.println(summary(provider));
      return 0;
    } catch (SweepException | UncheckedIOException | IllegalStateException | UnsupportedOperationException e) {
      System.err.println("sweep show: cannot read " + file + " as " + provider.name() + ": " + e.getMessage());
      return 1;
    }
  }

  /** A scene's summary, or one line per scene of a directory of scenes. */
  private Integer showDirectory() {
    try {
      Scene here = Scene.at(file);
      if (here.hasProperties() || !here.fieldNames().isEmpty() || Files.exists(file.resolve("src/context.json"))) {
        System.out.println(here.summary());
        return 0;
      }
      List<Scene> scenes = new ArrayList<>();
      try (DirectoryStream<Path> entries = Files.newDirectoryStream(file, p -> Files.isDirectory(p)
          && SCENE_DIR.matcher(p.getFileName().toString()).matches())) {
        entries.forEach(p -> scenes.add(Scene.at(p)));
      }
      if (scenes.isEmpty()) {
        System.err.println("sweep show: " + file + " is a directory that is neither a scene nor holds scenes (<name>_<id>)");
        return 2;
      }
      scenes.sort(Comparator.comparing((Scene s) -> s.name()).thenComparingInt(s -> s.id().orElse(-1)));
      System.out.println(file + ": " + scenes.size() + " scene(s)");
      for (Scene s : scenes) {
        List<Integer> frames = s.frames();
        String props;
        try {
          props = s.properties().keySet().toString();
        } catch (SweepException | UncheckedIOException e) {
          props = "(unreadable description.json)";
        }
        System.out.println("  " + s.path().getFileName() + "  properties " + props + "  fields " + s.fieldNames() + "  "
            + frames.size() + " frame(s)" + (frames.isEmpty() ? "" : " " + frames.get(0) + ".." + frames.get(frames.size() - 1)));
      }
      return 0;
    } catch (IOException | UncheckedIOException | IllegalArgumentException e) {
      System.err.println("sweep show: cannot read the directory " + file + ": " + e.getMessage());
      return 1;
    }
  }

  private static final Pattern SCENE_DIR = Pattern.compile(".+_[0-9]+");

  /** The dataset, as xarray prints it; for a record file, how many records it holds first. */
  private String summary(StoreProvider provider) {
    if (provider.holdsDatasets()) return provider.openDataset(file).read().toString();
    try (RecordStore records = provider.openRecords(file, RecordStore.Mode.READ_ONLY)) {
      Dataset all = records.read();
      boolean table = !all.variables().isEmpty() && all.variables().values().stream().allMatch(v -> v.dims().size() == 1);
      // records of scalars are the rows of a table: summarised as pandas users know one
      if (table) return TableSummary.of(file, Tables.of(all));
      return file + ": " + records.size() + " records along '" + records.recordDim() + "'\n" + all;
    }
  }
}
