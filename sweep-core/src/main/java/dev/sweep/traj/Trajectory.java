package dev.sweep.traj;

import dev.sweep.data.Dataset;
import dev.sweep.data.Index;
import dev.sweep.data.Variable;
import dev.sweep.data.Column;
import dev.sweep.store.RecordStore;
import dev.sweep.store.Stores;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The states of a running simulation at successive times, kept in memory or written to a file in
 * chunks while the simulation runs, and read back through one API: py-pde's storages and PySDE's
 * storages in one type.
 *
 * <p>A <b>state</b> is a {@link Dataset} without a time dimension: one variable per field (a
 * collection of fields is several variables), over the fields' own dimensions, optionally labelled.
 * The first state fixes the fields, their types, dimensions and shapes; every later state must match.
 * A state given as a bare ND4J array is one field, named by {@link Builder#field}.
 *
 * <pre>{@code
 * Trajectory traj = Trajectory.builder().file(Path.of("ou.nc")).chunkSize(100).info("theta", 1.0).build();
 * traj.startWriting(x0);                 // py-pde: fixes the fields; the first start clears the file
 * for (...) traj.append(x, t);           // a chunk of 100 states is flushed as soon as it is full
 * traj.endWriting();                     // flushes the rest
 *
 * traj.store(t, data, iteration);        // PySDE: keeps every stride-th iteration
 * traj.save();                           // flushes; may be called any number of times
 * Values v = traj.values();              // times (M) and data (d_X, N, M)
 *
 * Dataset all = traj.toDataset();        // every state, over 'time' first
 * Dataset last = traj.get(-1);           // one state; slice, iterate, timeRange, field, apply, copy
 * }</pre>
 *
 * <p><b>Storage.</b> In memory by default; {@link Builder#file} writes through the {@link RecordStore}
 * that the file's format provides ({@code .nc}: a NetCDF-3 record file that xarray opens as a time
 * series), and {@link Builder#store} through any record store. States are buffered and written a chunk
 * at a time, as soon as a chunk is full; reading sees the states written and the states buffered alike.
 * The {@link WriteMode} says what becomes of states already stored when writing starts.
 *
 * <p><b>Times</b> must increase from state to state unless {@link Builder#allowNonIncreasingTimes()}
 * is set; a time not given is 0 for the first state and the last time + 1 after it (py-pde's rule).
 *
 * <p>Not thread-safe: one simulation writes into one trajectory. Nothing here takes or returns null.
 */
public final class Trajectory implements AutoCloseable, Iterable<Frame> {
  private static final Logger LOG = LoggerFactory.getLogger(Trajectory.class);
  /** The record dimension of a new trajectory. */
  public static final String TIME = "time";

  // configuration
  private final Function<RecordStore.Mode, RecordStore> opener; // null: in memory
  private final String name;
  private final WriteMode writeMode;
  private final int chunkSize;
  private final int stride;
  private final boolean allowNonIncreasing;
  private final String rawField;
  private final List<String> rawDims; // empty: dim_0, dim_1, ...
  private final Map<String, Object> builderInfo;

  // where the written states are
  private RecordStore store; // null in memory
  private final List<Dataset> memory = new ArrayList<>(); // in memory: the flushed chunks
  private long stored;
  private String timeDim = TIME;
  private boolean timeVariable = true; // false for stored records without one: their times are their positions
  private StateSpec storedSpec; // what is stored; null until known
  private final Map<String, Object> info = new LinkedHashMap<>();

  // writing
  private StateSpec spec; // fixed by startWriting
  private Map<String, Map<String, Object>> fieldAttrs = Map.of();
  private boolean writing;
  private boolean ended;
  private boolean truncatedOnce;
  private boolean closed;
  private Column[] buffer;
  private double[] bufferTimes;
  private int buffered;

  // the times of every state, stored and buffered; loaded when first needed
  private double[] times;
  private int timesCount = -1; // -1: not loaded

  private Trajectory(Builder b) {
    this.opener = b.opener;
    this.name = b.opener == null ? "the in-memory trajectory" : "the trajectory in " + b.where;
    this.writeMode = b.writeMode;
    this.chunkSize = b.chunkSize;
    this.stride = b.stride;
    this.allowNonIncreasing = b.allowNonIncreasing;
    this.rawField = b.rawField;
    this.rawDims = b.rawDims;
    this.builderInfo = Collections.unmodifiableMap(new LinkedHashMap<>(b.info));
    if (opener != null) {
      store = Objects.requireNonNull(opener.apply(writeMode == WriteMode.READ_ONLY ? RecordStore.Mode.READ_ONLY
          : RecordStore.Mode.APPEND), "the store opener returned null");
      adoptStore();
    }
    info.putAll(builderInfo);
  }

  /** {@return a builder: in memory, {@link WriteMode#TRUNCATE_ONCE}, chunks of 100 states, stride 1} */
  public static Builder builder() {
    return new Builder();
  }

  /** {@return an empty trajectory in memory, with the builder's defaults} */
  public static Trajectory inMemory() {
    return builder().build();
  }

  /**
   * Opens a stored trajectory for reading ({@link WriteMode#READ_ONLY}).
   *
   * @param file a file whose format holds records ({@code .nc}), as found by {@link Stores}
   * @return the trajectory
   * @throws java.io.UncheckedIOException if the file does not exist or cannot be read
   * @throws dev.sweep.store.StoreFormatException if it holds no records
   */
  public static Trajectory open(Path file) {
    return builder().file(file).writeMode(WriteMode.READ_ONLY).build();
  }

  /** Takes what an opened store holds: its record dimension, fields and attributes. */
  private void adoptStore() {
    stored = store.size();
    storedSpec = null;
    timesCount = -1;
    if (stored == 0) return;
    Dataset empty = store.read(0, 0);
    timeDim = store.recordDim();
    timeVariable = empty.variables().containsKey(timeDim);
    storedSpec = StateSpec.ofRecords(empty, timeDim);
    info.putAll(empty.attrs());
  }

  // ---- writing: py-pde's protocol ----

  /**
   * Starts writing: fixes the fields from an example state and adds {@code info} to the trajectory's
   * information, which is stored with the states (as file attributes). Under
   * {@link WriteMode#TRUNCATE}, and the first time under {@link WriteMode#TRUNCATE_ONCE}, the stored
   * states are cleared first; otherwise the example must match them.
   *
   * @param example a state: its fields, types, dimensions and shapes are those of every state to come
   * @param info information to store with the states: names to attribute values (strings, numbers,
   *     booleans, arrays of those)
   * @throws IllegalStateException if the trajectory is read-only, already writing, or closed
   * @throws IllegalArgumentException naming the problem, if the example is not a state this trajectory
   *     can hold, or an info value cannot be stored; nothing is cleared
   */
  public void startWriting(Dataset example, Map<String, ?> info) {
    Objects.requireNonNull(example, "example");
    Objects.requireNonNull(info, "info");
    requireOpen();
    if (writeMode == WriteMode.READ_ONLY) {
      throw new IllegalStateException(name + " is read-only (WriteMode.READ_ONLY); build it with another write mode "
          + "to write");
    }
    if (writing) throw new IllegalStateException(name + " is already writing; call endWriting() first");
    StateSpec s = StateSpec.of(example, timeDim);
    Dataset.builder().attrs(info); // checks every value before anything changes
    boolean clear = writeMode == WriteMode.TRUNCATE || (writeMode == WriteMode.TRUNCATE_ONCE && !truncatedOnce);
    if (!clear && stored > 0 && !storedSpec().sameAs(s)) {
      throw new IllegalArgumentException("the example state has the fields " + s.describe() + " but " + name
          + " holds states with " + storedSpec().describe() + "; write with WriteMode.TRUNCATE to replace them");
    }
    if (clear) {
      clear();
      truncatedOnce = true;
    }
    this.info.putAll(info);
    spec = s;
    Map<String, Map<String, Object>> attrs = new LinkedHashMap<>();
    for (Variable v : example.variables().values()) attrs.put(v.name(), v.attrs());
    fieldAttrs = attrs;
    buffer = new Column[s.fields().size()];
    bufferTimes = new double[chunkSize];
    writing = true;
    ended = false;
  }

  /**
   * Starts writing with no extra information; see {@link #startWriting(Dataset, Map)}.
   *
   * @param example a state
   */
  public void startWriting(Dataset example) {
    startWriting(example, Map.of());
  }

  /**
   * Appends a state at time {@code t}. It is buffered; when a chunk is full it is written at once.
   *
   * @param state a state with the fields of the first
   * @param t its time: finite, and greater than the last state's unless non-increasing times are allowed
   * @throws IllegalStateException if writing was not started, was ended, or the trajectory is read-only
   *     or closed
   * @throws IllegalArgumentException naming both, if the state differs from the first (fields, types,
   *     dimensions, shapes, labels), or the time does not increase
   * @throws java.io.UncheckedIOException if writing the full chunk fails: the state was taken, the chunk
   *     stays buffered (the next append or {@link #save()} retries it), and the storage keeps every
   *     earlier chunk
   */
  public void append(Dataset state, double t) {
    Objects.requireNonNull(state, "state");
    requireWriting("append a state");
    spec.check(state, t);
    requireTime(t);
    if (buffered == chunkSize) flush(); // a flush that failed before: retry before taking more
    for (int f = 0; f < spec.fields().size(); f++) {
      StateSpec.Field field = spec.fields().get(f);
      if (buffer[f] == null) buffer[f] = Column.allocateUninitialized(field.type(), Rows.blockShape(chunkSize, field.shape()));
      Rows.put(buffer[f], buffered, state.variable(field.name()).column());
    }
    bufferTimes[buffered++] = t;
    if (timesCount >= 0) addTime(t);
    if (buffered == chunkSize) flush();
  }

  /**
   * Appends a state at the next time: 0 for the first state, the last time + 1 after it.
   *
   * @param state a state with the fields of the first
   */
  public void append(Dataset state) {
    append(state, size() == 0 ? 0 : time(-1) + 1);
  }

  /**
   * Appends a state given as one array: the raw field ({@link Builder#field}).
   *
   * @param values the array
   * @param t its time
   */
  public void append(INDArray values, double t) {
    append(state(values), t);
  }

  /**
   * Ends writing: writes the buffered states. Ending again only logs a warning; appending after the end
   * is refused until writing starts again.
   *
   * @throws java.io.UncheckedIOException if writing fails; the trajectory is then still writing
   */
  public void endWriting() {
    if (!writing) {
      LOG.warn("{}: writing was already ended", name);
      return;
    }
    flush();
    writing = false;
    ended = true;
  }

  /** {@return true between {@link #startWriting} and {@link #endWriting}} */
  public boolean isWriting() {
    return writing;
  }

  // ---- writing: PySDE's protocol ----

  /**
   * Stores a state if {@code iteration} is a multiple of the stride (PySDE's {@code store}); the first
   * stored state starts writing. The array is copied, so the caller may change it afterwards.
   *
   * @param t the time of the state
   * @param data the state as one array, PySDE's {@code (d_X, N)}: the raw field
   * @param iteration the integrator's iteration number, {@code >= 0}
   * @throws IllegalArgumentException if the iteration is negative, or as {@link #append(Dataset, double)}
   */
  public void store(double t, INDArray data, long iteration) {
    Objects.requireNonNull(data, "data");
    if (iteration < 0) {
      throw new IllegalArgumentException("iteration is " + iteration + "; expected the integrator's iteration number, "
          + ">= 0");
    }
    if (iteration % stride != 0) return;
    Dataset s = state(data);
    if (!writing && !ended) startWriting(s);
    append(s, t);
  }

  /**
   * Writes the buffered states now (PySDE's {@code save}). Writing goes on; calling it again, or with
   * nothing buffered, does nothing.
   *
   * @throws java.io.UncheckedIOException if writing fails; the states stay buffered
   */
  public void save() {
    requireOpen();
    flush();
  }

  /**
   * {@return the times and data of the one field, in PySDE's layout; works before anything was written, any
   * number of times, and after {@link #save()}}
   *
   * @throws IllegalStateException if the states have more than one field (name it), or none is known yet
   */
  public Values values() {
    List<String> names = spec().names();
    if (names.size() != 1) {
      throw new IllegalStateException(name + " has the fields " + names + "; name the one to read with values(field)");
    }
    return values(names.get(0));
  }

  /**
   * {@return the times and data of a field, in PySDE's layout: time last}
   *
   * @param field the field's name
   * @throws IllegalArgumentException naming the fields there are, if there is none by that name
   */
  public Values values(String field) {
    Objects.requireNonNull(field, "field");
    StateSpec s = spec();
    if (s.field(field) == null) {
      throw new IllegalArgumentException("no field '" + field + "'; the fields are " + s.names());
    }
    Dataset all = records(0, size(), List.of(field));
    INDArray first = all.variable(field).array();
    int rank = first.rank();
    int[] order = new int[rank];
    for (int d = 1; d < rank; d++) order[d - 1] = d;
    order[rank - 1] = 0;
    INDArray last = first.permute(order).dup('c');
    return new Values(times(), first.dup('c'), last);
  }

  // ---- reading ----

  /** {@return the number of states, written and buffered} */
  public long size() {
    return stored + buffered;
  }

  /** {@return the names of the fields of every state; empty while none is known} */
  public List<String> fields() {
    StateSpec s = spec != null ? spec : stored > 0 ? storedSpec() : null;
    return s == null ? List.of() : s.names();
  }

  /** {@return the information stored with the states: the file's attributes, the builder's and startWriting's info} */
  public Map<String, Object> info() {
    return Collections.unmodifiableMap(new LinkedHashMap<>(info));
  }

  /** {@return the times of every state, in order; a copy} */
  public double[] times() {
    loadTimes();
    return Arrays.copyOf(times, timesCount);
  }

  /**
   * {@return the time of state {@code i}}
   *
   * @param i the position; negative counts from the end ({@code -1} is the last state)
   * @throws IndexOutOfBoundsException naming the position and the number of states
   */
  public double time(long i) {
    long k = position(i);
    if (timesCount >= 0) return times[(int) k];
    if (k >= stored) return bufferTimes[(int) (k - stored)];
    if (!timeVariable) return k;
    return records(k, k + 1, List.of(timeDim)).variable(timeDim).getDouble(0);
  }

  /**
   * {@return state {@code i}: one variable per field, over the fields' dimensions}
   *
   * @param i the position; negative counts from the end
   * @throws IndexOutOfBoundsException naming the position and the number of states
   */
  public Dataset get(long i) {
    long k = position(i);
    return state(records(k, k + 1, null), 0);
  }

  /**
   * {@return the states {@code [from, to)} as one dataset over the time dimension first}
   *
   * @param from the first state; negative counts from the end
   * @param to one past the last; negative counts from the end, and {@code size()} is the end
   * @throws IndexOutOfBoundsException if the range is not within the states
   */
  public Dataset slice(long from, long to) {
    long n = size();
    long a = from < 0 ? from + n : from;
    long b = to < 0 ? to + n : to;
    if (a < 0 || b > n || a > b) {
      throw new IndexOutOfBoundsException("states [" + from + ", " + to + ") of " + name + ", which holds " + n
          + ": expected -" + n + " <= from <= to <= " + n);
    }
    return labelled(records(a, b, null), times(a, b));
  }

  /**
   * {@return every state as one dataset over the time dimension first: each field a variable
   * {@code (time, <its dims>)}, time the labels of the time dimension (a variable {@code time} instead, if
   * two states share a time)}
   */
  public Dataset toDataset() {
    return slice(0, size());
  }

  /**
   * {@return the states and their times in order, read a chunk at a time (py-pde's {@code items()})}
   */
  @Override
  public Iterator<Frame> iterator() {
    return new Iterator<>() {
      private long next;
      private Dataset block;
      private long blockStart;
      private double[] blockTimes;

      @Override
      public boolean hasNext() {
        return next < size();
      }

      @Override
      public Frame next() {
        if (!hasNext()) throw new NoSuchElementException("no state after " + next);
        int chunk = Math.max(1, chunkSize);
        if (block == null || next >= blockStart + block.sizes().get(timeDim)) {
          blockStart = next;
          long to = Math.min(size(), next + chunk);
          block = records(next, to, null);
          blockTimes = times(next, to);
        }
        int j = (int) (next - blockStart);
        next++;
        return new Frame(blockTimes[j], state(block, j));
      }
    };
  }

  /**
   * {@return the states whose time lies in {@code [t0, t1]} (both ends included), copied into a new
   * in-memory trajectory}
   *
   * @param t0 the first time
   * @param t1 the last time, {@code >= t0}
   * @throws IllegalArgumentException if {@code t1 < t0} or either is NaN
   */
  public Trajectory timeRange(double t0, double t1) {
    if (!(t0 <= t1)) throw new IllegalArgumentException("the time range [" + t0 + ", " + t1 + "] is empty or NaN; "
        + "expected t0 <= t1");
    Trajectory out = memoryLike();
    boolean started = false;
    for (Frame f : this) {
      if (f.time() < t0 || f.time() > t1) continue;
      if (!started) {
        out.startWriting(f.state(), info);
        started = true;
      }
      out.append(f.state(), f.time());
    }
    if (started) out.endWriting();
    return out;
  }

  /**
   * {@return one field of every state, copied into a new in-memory trajectory (py-pde's {@code extract_field})}
   *
   * @param field the field's name
   * @throws IllegalArgumentException naming the fields there are, if there is none by that name
   */
  public Trajectory field(String field) {
    Objects.requireNonNull(field, "field");
    List<String> names = fields();
    if (!names.contains(field)) {
      throw new IllegalArgumentException("no field '" + field + "'; the fields are " + names);
    }
    return apply((state, t) -> {
      Dataset.Builder b = state.toBuilder();
      for (String other : names) if (!other.equals(field)) b.removeVariable(other);
      return b.build();
    });
  }

  /**
   * {@return one field of every state, by its position among the fields}
   *
   * @param index the field's position, from 0
   * @throws IndexOutOfBoundsException naming the fields there are
   */
  public Trajectory field(int index) {
    List<String> names = fields();
    if (index < 0 || index >= names.size()) {
      throw new IndexOutOfBoundsException("field " + index + " of " + names + ": expected 0 <= index < " + names.size());
    }
    return field(names.get(index));
  }

  /**
   * {@return the result of a function of every state and its time, in a new in-memory trajectory}
   *
   * @param function maps a state and its time to the state to keep
   */
  public Trajectory apply(BiFunction<Dataset, Double, Dataset> function) {
    Trajectory out = memoryLike();
    apply(function, out);
    return out;
  }

  /**
   * Appends the result of a function of every state and its time to another trajectory, starting and
   * ending its writing; the other trajectory gets this one's information.
   *
   * @param function maps a state and its time to the state to keep
   * @param out where the results go
   */
  public void apply(BiFunction<Dataset, Double, Dataset> function, Trajectory out) {
    Objects.requireNonNull(function, "function");
    Objects.requireNonNull(out, "out");
    boolean started = false;
    for (Frame f : this) {
      Dataset s = Objects.requireNonNull(function.apply(f.state(), f.time()), "the function returned null");
      if (!started) {
        out.startWriting(s, info);
        started = true;
      }
      out.append(s, f.time());
    }
    if (started) out.endWriting();
  }

  /**
   * Copies every state into another trajectory.
   *
   * @param out where the states go
   */
  public void copyTo(Trajectory out) {
    apply((s, t) -> s, out);
  }

  /** {@return a copy of every state in a new in-memory trajectory} */
  public Trajectory copy() {
    return apply((s, t) -> s);
  }

  /**
   * {@return a tracker that stores the states of a user's time loop into this trajectory}
   *
   * @param interval when to store: every {@code dt} of time or every n steps
   */
  public Tracker tracker(Interval interval) {
    return new Tracker(this, interval, null);
  }

  /**
   * {@return a tracker that stores a transformation of the states of a user's time loop}
   *
   * @param interval when to store
   * @param transformation maps the state and its time to the state stored (derived fields, say)
   */
  public Tracker tracker(Interval interval, BiFunction<Dataset, Double, Dataset> transformation) {
    return new Tracker(this, interval, Objects.requireNonNull(transformation, "transformation"));
  }

  /**
   * {@return the state an array stands for: one field, named and with the dimensions given by {@link Builder#field}
   * (default {@code data} over {@code dim_0, dim_1, ...})}
   *
   * @param values the array; numbers or booleans
   * @throws IllegalArgumentException if the array's rank is not the number of dimensions declared
   */
  public Dataset state(INDArray values) {
    Objects.requireNonNull(values, "values");
    List<String> dims = rawDims;
    if (dims.isEmpty()) {
      List<String> d = new ArrayList<>();
      for (int k = 0; k < values.rank(); k++) d.add("dim_" + k);
      dims = d;
    } else if (dims.size() != values.rank()) {
      throw new IllegalArgumentException("the array has shape " + Arrays.toString(values.shape()) + " but field '"
          + rawField + "' was declared over " + dims);
    }
    return Dataset.builder().variable(Variable.of(rawField, dims, Column.wrap(values))).build();
  }

  /**
   * Ends writing if it was started, then releases the storage. Closing twice does nothing.
   *
   * @throws java.io.UncheckedIOException if writing the buffered states fails (the storage is still released)
   */
  @Override
  public void close() {
    if (closed) return;
    try {
      if (writing) endWriting();
    } finally {
      closed = true;
      if (store != null) store.close();
    }
  }

  @Override
  public String toString() {
    return "Trajectory[" + name + ", " + size() + " states, fields " + fields() + ", " + writeMode + "]";
  }

  // ---- several parts of one ensemble ----

  /**
   * Gathers trajectories that hold parts of one ensemble (one per process, say) into one dataset along
   * the ensemble dimension.
   *
   * @param parts the parts, in ensemble order; their states must have the same times and fields, and
   *     differ only in their length along {@code dim}
   * @param dim the ensemble dimension, a dimension of every field
   * @return every state of every part, over time first, concatenated along {@code dim}
   * @throws IllegalArgumentException naming the part and what differs
   */
  public static Dataset gather(List<Trajectory> parts, String dim) {
    Objects.requireNonNull(dim, "dim");
    if (parts.isEmpty()) throw new IllegalArgumentException("no parts to gather along '" + dim + "'");
    List<Dataset> all = new ArrayList<>();
    for (Trajectory p : parts) all.add(p.toDataset());
    return Ensembles.concat(all, dim);
  }

  /**
   * Gathers the trajectories stored in several files, as {@link #gather(List, String)}.
   *
   * @param files the parts' files, in ensemble order
   * @param dim the ensemble dimension
   * @return every state of every part, concatenated along {@code dim}
   */
  public static Dataset gatherFiles(List<Path> files, String dim) {
    List<Trajectory> parts = new ArrayList<>();
    try {
      for (Path f : files) parts.add(open(f));
      return gather(parts, dim);
    } finally {
      for (Trajectory p : parts) p.close();
    }
  }

  /**
   * {@return the file of one part of an ensemble written by several processes: {@code ou.nc} becomes
   * {@code ou_p3.nc} for part 3 (PySDE's per-rank naming)}
   *
   * @param file the ensemble's file
   * @param part the part (a process's rank), {@code >= 0}
   */
  public static Path partFile(Path file, int part) {
    if (part < 0) throw new IllegalArgumentException("part is " + part + "; expected a rank >= 0");
    String n = file.getFileName().toString();
    int dot = n.lastIndexOf('.');
    String stem = dot > 0 ? n.substring(0, dot) : n;
    String ext = dot > 0 ? n.substring(dot) : "";
    return file.resolveSibling(stem + "_p" + part + ext);
  }

  // ---- internals ----

  private void requireOpen() {
    if (closed) throw new IllegalStateException(name + " is closed");
  }

  private void requireWriting(String what) {
    requireOpen();
    if (writeMode == WriteMode.READ_ONLY) {
      throw new IllegalStateException("cannot " + what + ": " + name + " is read-only (WriteMode.READ_ONLY)");
    }
    if (ended) {
      throw new IllegalStateException("cannot " + what + " after endWriting(): call startWriting(...) to write more");
    }
    if (!writing) throw new IllegalStateException("cannot " + what + " before startWriting(...)");
  }

  private void requireTime(double t) {
    if (!Double.isFinite(t)) throw new IllegalArgumentException("the time is " + t + "; expected a finite number");
    if (allowNonIncreasing || size() == 0) return;
    double last = buffered > 0 ? bufferTimes[buffered - 1] : time(-1);
    if (!(t > last)) {
      throw new IllegalArgumentException("the time " + t + " does not increase: the last state is at t=" + last
          + " (Builder.allowNonIncreasingTimes() allows it)");
    }
  }

  private long position(long i) {
    long n = size();
    long k = i < 0 ? i + n : i;
    if (k < 0 || k >= n) {
      throw new IndexOutOfBoundsException("state " + i + " of " + name + ", which holds " + n + " states: expected -"
          + n + " <= i < " + n);
    }
    return k;
  }

  /** The spec of the states: the one writing fixed, else the stored one. */
  private StateSpec spec() {
    if (spec != null) return spec;
    if (stored > 0) return storedSpec();
    throw new IllegalStateException(name + " holds no states, so its fields are not known yet");
  }

  private StateSpec storedSpec() {
    if (storedSpec == null) {
      Dataset empty = store != null ? store.read(0, 0) : memory.get(0);
      storedSpec = StateSpec.ofRecords(empty, timeDim);
    }
    return storedSpec;
  }

  /** Writes the buffered states as one chunk; on failure they stay buffered. */
  private void flush() {
    if (buffered == 0) return;
    int n = buffered;
    if (timesCount < 0) loadTimes(); // keeps the last time at hand once the buffer is empty
    Dataset chunk = chunk(n);
    if (store != null) store.append(chunk);
    else memory.add(chunk);
    if (stored == 0 && storedSpec == null) storedSpec = spec;
    stored += n;
    buffered = 0;
    // A store copies what it appends (RecordStore.append), so the buffer is filled again; in memory the
    // chunk keeps the columns it was handed whole.
    if (n == chunkSize && store == null) Arrays.fill(buffer, null);
  }

  /** The first {@code n} buffered states as records over the time dimension. */
  private Dataset chunk(int n) {
    Dataset.Builder b = Dataset.builder().dim(timeDim, n);
    for (Map.Entry<String, Index> c : spec.coords().entrySet()) b.coord(c.getKey(), c.getValue());
    b.variable(Variable.of(timeDim, List.of(timeDim), Nd4j.createFromArray(Arrays.copyOf(bufferTimes, n))));
    for (int f = 0; f < spec.fields().size(); f++) {
      StateSpec.Field field = spec.fields().get(f);
      Column c = n == chunkSize ? buffer[f] : Rows.rows(buffer[f], 0, n);
      List<String> dims = new ArrayList<>();
      dims.add(timeDim);
      dims.addAll(field.dims());
      b.variable(Variable.of(field.name(), dims, c).withAttrs(fieldAttrs.getOrDefault(field.name(), Map.of())));
    }
    return b.attrs(info).build();
  }

  /** Clears every stored and buffered state. */
  private void clear() {
    if (store != null) {
      store.close();
      store = Objects.requireNonNull(opener.apply(RecordStore.Mode.TRUNCATE), "the store opener returned null");
    }
    memory.clear();
    stored = 0;
    buffered = 0;
    storedSpec = null;
    timeDim = TIME;
    timeVariable = true;
    info.clear();
    info.putAll(builderInfo);
    times = new double[16];
    timesCount = 0;
  }

  /**
   * The records {@code [from, to)}, stored and buffered, over the time dimension; only the given variables
   * (null: all), the time variable among them if asked for.
   */
  private Dataset records(long from, long to, List<String> variables) {
    List<Dataset> parts = new ArrayList<>();
    if (from < stored) parts.add(storedRecords(from, Math.min(to, stored), variables));
    if (to > stored) parts.add(bufferedRecords((int) (Math.max(from, stored) - stored), (int) (to - stored), variables));
    if (parts.size() == 1) return parts.get(0);
    if (parts.isEmpty()) return bufferedRecords(0, 0, variables);
    return Ensembles.joinRecords(parts, timeDim);
  }

  private Dataset storedRecords(long from, long to, List<String> variables) {
    if (store != null) return variables == null ? store.read(from, to) : store.read(from, to, variables);
    List<Dataset> parts = new ArrayList<>();
    long at = 0;
    for (Dataset chunk : memory) {
      int n = chunk.sizes().get(timeDim);
      long a = Math.max(from, at);
      long b = Math.min(to, at + n);
      if (a < b) parts.add(Ensembles.rows(chunk, timeDim, (int) (a - at), (int) (b - a), variables));
      at += n;
      if (at >= to) break;
    }
    return parts.size() == 1 ? parts.get(0) : Ensembles.joinRecords(parts, timeDim);
  }

  private Dataset bufferedRecords(int from, int to, List<String> variables) {
    int n = to - from;
    Dataset.Builder b = Dataset.builder().dim(timeDim, n);
    if (spec == null) return b.attrs(info).build(); // nothing written, nothing known: no fields
    for (Map.Entry<String, Index> c : spec.coords().entrySet()) b.coord(c.getKey(), c.getValue());
    if (variables == null || variables.contains(timeDim)) {
      b.variable(Variable.of(timeDim, List.of(timeDim), Column.wrap(n == 0 ? Nd4j.create(org.nd4j.linalg.api.buffer
          .DataType.DOUBLE, 0) : Nd4j.createFromArray(Arrays.copyOfRange(bufferTimes, from, to)))));
    }
    for (int f = 0; f < spec.fields().size(); f++) {
      StateSpec.Field field = spec.fields().get(f);
      if (variables != null && !variables.contains(field.name())) continue;
      Column c = buffer[f] == null ? Column.allocate(field.type(), Rows.blockShape(0, field.shape()))
          : Rows.rows(buffer[f], from, n);
      List<String> dims = new ArrayList<>();
      dims.add(timeDim);
      dims.addAll(field.dims());
      b.variable(Variable.of(field.name(), dims, c).withAttrs(fieldAttrs.getOrDefault(field.name(), Map.of())));
    }
    return b.attrs(info).build();
  }

  /** State {@code j} of a block of records: each field's row, without the time dimension. */
  private Dataset state(Dataset block, int j) {
    Dataset.Builder b = Dataset.builder();
    StateSpec s = spec();
    for (Map.Entry<String, Index> c : s.coords().entrySet()) b.coord(c.getKey(), c.getValue());
    for (StateSpec.Field field : s.fields()) {
      Variable v = block.variable(field.name());
      b.variable(Variable.of(field.name(), field.dims(), Rows.row(v.column(), j)).withAttrs(v.attrs()));
    }
    return b.build();
  }

  /** The times of states {@code [from, to)}. */
  private double[] times(long from, long to) {
    loadTimes();
    return Arrays.copyOfRange(times, (int) from, (int) to);
  }

  private void loadTimes() {
    if (timesCount >= 0) return;
    int n = Math.toIntExact(size());
    times = new double[Math.max(16, n)];
    if (stored > 0) {
      if (timeVariable) {
        double[] t = storedRecords(0, stored, List.of(timeDim)).variable(timeDim).toDoubleArray();
        System.arraycopy(t, 0, times, 0, t.length);
      } else {
        for (int k = 0; k < stored; k++) times[k] = k;
      }
    }
    System.arraycopy(bufferTimes == null ? new double[0] : bufferTimes, 0, times, (int) stored, buffered);
    timesCount = n;
  }

  private void addTime(double t) {
    if (timesCount == times.length) times = Arrays.copyOf(times, times.length * 2);
    times[timesCount++] = t;
  }

  /** Records over time, with the times as the labels of the time dimension if they are distinct. */
  private Dataset labelled(Dataset records, double[] t) {
    Index ix;
    try {
      ix = Index.ofDoubles(t);
    } catch (RuntimeException e) { // repeated times: keep them as a variable
      return records;
    }
    Dataset.Builder b = Dataset.builder();
    for (String d : records.dims()) {
      if (d.equals(timeDim)) b.coord(d, ix);
      else if (records.coords().containsKey(d)) b.coord(d, records.coord(d));
      else b.dim(d, records.sizes().get(d));
    }
    if (records.dims().isEmpty()) b.coord(timeDim, ix);
    for (Variable v : records.variables().values()) if (!v.name().equals(timeDim)) b.variable(v);
    return b.attrs(records.attrs()).build();
  }

  private Trajectory memoryLike() {
    Builder b = builder().chunkSize(chunkSize).allowNonIncreasing(allowNonIncreasing);
    b.rawField = rawField;
    b.rawDims = rawDims;
    return b.build();
  }

  /**
   * Builds a {@link Trajectory}; each setter checks its value at once.
   */
  public static final class Builder {
    private Function<RecordStore.Mode, RecordStore> opener;
    private String where;
    private WriteMode writeMode = WriteMode.TRUNCATE_ONCE;
    private int chunkSize = 100;
    private int stride = 1;
    private boolean allowNonIncreasing;
    private String rawField = "data";
    private List<String> rawDims = List.of();
    private final Map<String, Object> info = new LinkedHashMap<>();

    private Builder() {}

    /**
     * Keeps the states in memory (the default).
     *
     * @return this builder
     */
    public Builder inMemory() {
      opener = null;
      where = null;
      return this;
    }

    /**
     * Writes the states to a file, through the record store its format provides ({@link Stores}); its
     * directory is created if missing (safely when several processes create it at once).
     *
     * @param file the file, e.g. {@code traj.nc}
     * @return this builder
     */
    public Builder file(Path file) {
      Objects.requireNonNull(file, "file");
      Stores.providerFor(file); // fails now, naming the formats, if none holds such files
      opener = mode -> {
        if (mode != RecordStore.Mode.READ_ONLY) createDirectories(file);
        return Stores.records(file, mode);
      };
      where = file.toString();
      return this;
    }

    /**
     * Writes the states through a record store this function opens: in a mode for reading, appending,
     * or starting afresh (truncating), as the write mode needs.
     *
     * @param opener opens the store in the given mode
     * @return this builder
     */
    public Builder store(Function<RecordStore.Mode, RecordStore> opener) {
      this.opener = Objects.requireNonNull(opener, "opener");
      where = "a record store";
      return this;
    }

    /**
     * Sets what becomes of stored states when writing starts.
     *
     * @param mode the write mode; default {@link WriteMode#TRUNCATE_ONCE}
     * @return this builder
     */
    public Builder writeMode(WriteMode mode) {
      this.writeMode = Objects.requireNonNull(mode, "mode");
      return this;
    }

    /**
     * Sets how many states are buffered before they are written as one chunk.
     *
     * @param states the chunk size, {@code > 0}; default 100
     * @return this builder
     * @throws IllegalArgumentException if it is not positive
     */
    public Builder chunkSize(int states) {
      if (states <= 0) {
        throw new IllegalArgumentException("chunkSize is " + states + "; expected a positive number of states per chunk");
      }
      this.chunkSize = states;
      return this;
    }

    /**
     * Sets the stride of {@link Trajectory#store}: only iterations that are multiples of it are kept.
     *
     * @param every the stride, {@code > 0}; default 1 (every iteration)
     * @return this builder
     * @throws IllegalArgumentException if it is not positive
     */
    public Builder stride(int every) {
      if (every <= 0) {
        throw new IllegalArgumentException("stride is " + every + "; expected a positive number of iterations between "
            + "stored states");
      }
      this.stride = every;
      return this;
    }

    /**
     * Allows times that do not increase from one state to the next (equal or earlier).
     *
     * @return this builder
     */
    public Builder allowNonIncreasingTimes() {
      return allowNonIncreasing(true);
    }

    private Builder allowNonIncreasing(boolean allow) {
      this.allowNonIncreasing = allow;
      return this;
    }

    /**
     * Names the field, and its dimensions, that a state given as a bare array stands for
     * ({@link Trajectory#store}, {@link Trajectory#append(INDArray, double)}).
     *
     * @param name the field's name; default {@code data}
     * @param dims its dimensions, one per axis of the arrays; none: {@code dim_0, dim_1, ...}
     * @return this builder
     */
    public Builder field(String name, String... dims) {
      this.rawField = Objects.requireNonNull(name, "name");
      List<String> d = List.of(dims);
      if (new java.util.HashSet<>(d).size() != d.size()) {
        throw new IllegalArgumentException("field '" + name + "' repeats a dimension: " + d);
      }
      if (d.contains(TIME)) {
        throw new IllegalArgumentException("field '" + name + "' is declared over '" + TIME + "', the time dimension");
      }
      this.rawDims = d;
      return this;
    }

    /**
     * Adds information stored with the states (as file attributes).
     *
     * @param key its name
     * @param value a string, number, boolean, or an array of those
     * @return this builder
     * @throws IllegalArgumentException naming the value, if it cannot be stored
     */
    public Builder info(String key, Object value) {
      Dataset.builder().attr(key, value);
      info.put(key, value);
      return this;
    }

    /**
     * Adds several pieces of information, as {@link #info(String, Object)} does each.
     *
     * @param values names to values
     * @return this builder
     */
    public Builder info(Map<String, ?> values) {
      values.forEach(this::info);
      return this;
    }

    /**
     * {@return the trajectory; a file or store is opened now (read-only under {@link WriteMode#READ_ONLY},
     * else for appending)}
     *
     * @throws java.io.UncheckedIOException if the file cannot be opened
     * @throws dev.sweep.store.StoreFormatException if it holds no records
     */
    public Trajectory build() {
      return new Trajectory(this);
    }

    private static void createDirectories(Path file) {
      Path dir = file.toAbsolutePath().getParent();
      if (dir == null) return;
      try {
        Files.createDirectories(dir); // tolerates another process creating it at the same moment
      } catch (IOException e) {
        throw new UncheckedIOException("cannot create the directory of " + file, e);
      }
    }
  }
}
