package dev.sweep.store;

import dev.sweep.data.Dataset;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.ServiceLoader;

/**
 * The registry of storage formats: finds the {@link StoreProvider} for a file, or by name, among
 * those registered with {@link ServiceLoader} (sweep-io registers {@code netcdf} and {@code csv}).
 * The registry lives here, outside the ports, as JUnit's launcher keeps its engine registry outside
 * the engine API.
 *
 * <pre>{@code
 * DatasetStore nc = Stores.dataset(Path.of("foo.nc"));          // by the file
 * RecordStore csv = Stores.records(Path.of("trig.csv"), "csv"); // by the provider's name
 * Dataset any = Stores.read(Path.of("trig.csv"));               // whatever the file holds
 * }</pre>
 */
public final class Stores {
  private Stores() {}

  /**
   * {@return every registered provider, in class-path order; unmodifiable}
   *
   * @throws IllegalStateException if two providers share a name
   */
  public static List<StoreProvider> providers() {
    List<StoreProvider> known = loaded;
    if (known == null) loaded = known = load(); // a race loads twice, to the same list
    return known;
  }

  /**
   * The providers, found once per JVM: looking them up lists {@code META-INF/services} in every jar on
   * the class path, which costs more than a small harvest's file lock (hundreds of jars with ND4J).
   */
  private static volatile List<StoreProvider> loaded;

  private static List<StoreProvider> load() {
    List<StoreProvider> all = new ArrayList<>();
    Map<String, StoreProvider> byName = new HashMap<>();
    for (StoreProvider p : ServiceLoader.load(StoreProvider.class, Stores.class.getClassLoader())) {
      StoreProvider before = byName.putIfAbsent(p.name(), p);
      if (before != null) {
        throw new IllegalStateException("two storage providers are named '" + p.name() + "': "
            + before.getClass().getName() + " and " + p.getClass().getName() + "; remove one from the class path");
      }
      all.add(p);
    }
    return List.copyOf(all);
  }

  /**
   * {@return the provider of that name}
   *
   * @param name a provider's {@link StoreProvider#name()}
   * @throws IllegalArgumentException naming the registered providers, if none has that name
   */
  public static StoreProvider provider(String name) {
    Objects.requireNonNull(name, "name");
    List<StoreProvider> all = providers();
    for (StoreProvider p : all) if (p.name().equals(name)) return p;
    throw new IllegalArgumentException("no storage provider is named '" + name + "'; " + known(all));
  }

  /**
   * {@return the one provider that accepts the file}
   *
   * @param path the file, which need not exist yet
   * @throws IllegalArgumentException naming the file and the registered providers, if none accepts
   *     it, or naming both if two do (then pick one by name)
   */
  public static StoreProvider providerFor(Path path) {
    Objects.requireNonNull(path, "path");
    List<StoreProvider> all = providers();
    StoreProvider found = null;
    for (StoreProvider p : all) {
      if (!p.accepts(path)) continue;
      if (found != null) {
        throw new IllegalArgumentException("two storage providers accept '" + path + "': '" + found.name() + "' ("
            + found.description() + ") and '" + p.name() + "' (" + p.description() + "); pick one by name");
      }
      found = p;
    }
    if (found == null) throw new IllegalArgumentException("no storage for '" + path + "': " + known(all));
    return found;
  }

  /**
   * {@return the store of a file holding one dataset, by the provider that accepts the file}
   *
   * @param path the file, which need not exist yet
   * @throws IllegalArgumentException if no provider, or more than one, accepts the file
   * @throws UnsupportedOperationException if its format holds records only
   */
  public static DatasetStore dataset(Path path) {
    return providerFor(path).openDataset(path);
  }

  /**
   * {@return the store of a file holding one dataset, by the named provider}
   *
   * @param path the file, which need not exist yet
   * @param provider the provider's name
   */
  public static DatasetStore dataset(Path path, String provider) {
    return provider(provider).openDataset(Objects.requireNonNull(path, "path"));
  }

  /**
   * {@return the record store of a file, opened to {@link RecordStore.Mode#APPEND}, by the provider that accepts it}
   *
   * @param path the file, which need not exist yet
   * @throws IllegalArgumentException if no provider, or more than one, accepts the file
   * @throws UnsupportedOperationException if its format holds whole datasets only
   */
  public static RecordStore records(Path path) {
    return providerFor(path).openRecords(path, RecordStore.Mode.APPEND);
  }

  /**
   * {@return the record store of a file, by the provider that accepts it}
   *
   * @param path the file
   * @param mode how to open it
   */
  public static RecordStore records(Path path, RecordStore.Mode mode) {
    return providerFor(path).openRecords(path, Objects.requireNonNull(mode, "mode"));
  }

  /**
   * {@return the record store of a file, by the provider that accepts it, waiting for other processes'
   * locks on the file as {@code wait} allows}
   *
   * @param path the file
   * @param mode how to open it
   * @param wait how long to wait for a lock another process holds, e.g. {@code LockWait.atMost(Duration.ofMinutes(1))}
   */
  public static RecordStore records(Path path, RecordStore.Mode mode, LockWait wait) {
    return providerFor(path).openRecords(path, Objects.requireNonNull(mode, "mode"), Objects.requireNonNull(wait, "wait"));
  }

  /**
   * {@return the record store of a file, opened for appending, by the named provider}
   *
   * @param path the file, which need not exist yet
   * @param provider the provider's name
   */
  public static RecordStore records(Path path, String provider) {
    return provider(provider).openRecords(Objects.requireNonNull(path, "path"), RecordStore.Mode.APPEND);
  }

  /**
   * Reads whatever a file holds: its dataset, or all its complete records.
   *
   * @param path an existing file
   * @return its contents
   * @throws IllegalArgumentException if no provider, or more than one, accepts the file
   * @throws StoreFormatException if the file is damaged
   * @throws java.io.UncheckedIOException if it is missing or cannot be read
   */
  public static Dataset read(Path path) {
    StoreProvider p = providerFor(path);
    if (p.holdsDatasets()) return p.openDataset(path).read();
    try (RecordStore records = p.openRecords(path, RecordStore.Mode.READ_ONLY)) {
      return records.read();
    }
  }

  private static String known(List<StoreProvider> all) {
    if (all.isEmpty()) return "no format is registered; put sweep-io on the class path for NetCDF (.nc) and CSV (.csv)";
    List<String> names = new ArrayList<>();
    for (StoreProvider p : all) names.add("'" + p.name() + "' (" + p.description() + ")");
    return "the registered formats are " + String.join(", ", names);
  }
}
