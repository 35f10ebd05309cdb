package dev.sweep.movie;

import dev.sweep.data.Column;
import dev.sweep.data.DType;
import dev.sweep.data.Dataset;
import dev.sweep.data.Index;
import dev.sweep.data.Variable;
import dev.sweep.io.internal.AtomicFiles;
import dev.sweep.store.IncompatibleStoreException;
import dev.sweep.store.RecordStore;
import dev.sweep.store.StoreFormatException;
import dev.sweep.store.StoreProvider;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records kept as a movie: each record (a trajectory's state) one frame of a lossless FFV1 movie in
 * a {@code .mkv}, {@code .avi} or {@code .mov} file, its values mapped linearly from
 * {@code [vmin, vmax]} onto the 2^8 or 2^16 levels of the video format and read back within half a
 * level (py-pde's {@code MovieStorage}). ffmpeg runs as a child process; the executables come from
 * the {@code org.bytedeco:ffmpeg} jar, not from the system.
 *
 * <pre>{@code
 * Trajectory traj = Trajectory.builder()
 *     .store(mode -> MovieStore.builder(Path.of("run.mkv")).vmin(-1).vmax(1).bitsPerChannel(16).open(mode))
 *     .build();                                  // or .file(Path.of("run.mkv")) for vmin 0, vmax 1
 * Trajectory back = Trajectory.open(Path.of("run.mkv"));
 * }</pre>
 *
 * <p><b>Writing.</b> The records of one session are piped as raw frames into one ffmpeg process,
 * which encodes them into a segment file beside the movie ({@code .<name>.<hex>.segment}). The
 * segment becomes part of the movie when the session ends, at {@link #close()} or when a read needs
 * its records: it is joined to the frames already stored without re-encoding (ffmpeg's concat
 * demuxer, {@code -c copy}), with the metadata in the container's {@code comment} tag, into a
 * temporary file renamed over the movie. So the movie on disk is always whole, and appending to an
 * existing movie (which py-pde refuses) costs a copy of its compressed bytes, not a re-encoding.
 * Unlike other record stores, an {@link #append} is durable only once its session ends: a process
 * killed while writing leaves the movie as it was before the session (and a segment file that the
 * next session writing the movie deletes).
 *
 * <p><b>Reading.</b> {@link #read(long, long)} decodes from one ffmpeg process that seeks straight to
 * the first frame (FFV1 frames are all key frames), so reading record {@code i} costs the same for
 * every {@code i}; a read that starts where the last one ended continues that process, so reading
 * the records in order decodes the movie once. The times alone are read without decoding.
 *
 * <p>Not thread-safe. One process writes a movie at a time.
 */
public final class MovieStore implements RecordStore {
  private static final Logger LOG = LoggerFactory.getLogger(MovieStore.class);
  /** The record dimension of a new movie, as of a new trajectory. */
  private static final String TIME = dev.sweep.traj.Trajectory.TIME;
  /** How many frames a read skips by decoding them, rather than seeking with a new process. */
  private static final int SKIP_AHEAD = 8;

  private final Path path;
  private final Mode mode;
  private final Builder settings;

  // the frames in the movie file
  private MovieLayout layout; // null while nothing is stored or written
  private long storedFrames;
  private double[] storedTimes = new double[0];
  private MovieMetadata metadata = new MovieMetadata();
  private double fps;
  private Map<String, Object> info = new LinkedHashMap<>();

  // the session being written
  private Segment segment;
  private boolean warnedTime;
  private boolean closed;

  // the decoding process of the last read, if it may go on
  private FrameReader decoder;
  private long decoderNext;

  private MovieStore(Builder b, Mode mode) {
    this.path = b.path;
    this.mode = mode;
    this.settings = b;
    this.fps = b.frameRate;
    if (mode == Mode.TRUNCATE) {
      deleteMovie();
    } else if (Files.exists(path)) {
      load();
    } else if (mode == Mode.READ_ONLY) {
      throw new UncheckedIOException("cannot read the movie " + path + ": the file does not exist",
          new NoSuchFileException(path.toString()));
    }
  }

  /** {@return a builder for the movie at this path: vmin 0, vmax 1, 16 bits per channel, format chosen} */
  public static Builder builder(Path file) {
    return new Builder(file);
  }

  /**
   * Opens a movie for reading.
   *
   * @param file the movie
   * @return the store, {@link Mode#READ_ONLY}
   * @throws UncheckedIOException if the file does not exist
   * @throws StoreFormatException quoting ffprobe, if it is not a movie
   */
  public static MovieStore open(Path file) {
    return builder(file).open(Mode.READ_ONLY);
  }

  private void load() {
    Probe probe = Probe.of(path);
    if (probe.streams() > 1) LOG.warn("{}: {} streams; reading the first video stream only", path, probe.streams());
    metadata = MovieMetadata.parse(probe.comment(), probe.width(), probe.height());
    if (probe.fps() > 0) fps = probe.fps();
    storedFrames = probe.frames(metadata.numFrames);
    info = new LinkedHashMap<>(metadata.info);
    layout = metadata.layout;
    if (layout == null) {
      layout = foreignLayout(probe);
    } else if (layout.width != probe.width() || layout.height != probe.height()) {
      throw new StoreFormatException(path, "its metadata describes " + layout.width + "x" + layout.height
          + " frames but the video is " + probe.width() + "x" + probe.height(), null);
    }
    storedTimes = times(storedFrames);
  }

  /**
   * The layout of a movie without sweep's metadata: one field {@code data} of every channel of its
   * format, over {@code (component,) x[, y]}, mapped from py-pde's vmin and vmax if given, else [0, 1].
   */
  private MovieLayout foreignLayout(Probe probe) {
    VideoFormat format = null;
    if (metadata.videoFormat != null) {
      try {
        format = VideoFormat.of(metadata.videoFormat);
      } catch (IllegalArgumentException e) {
        // fall back on the stream's pixel format
      }
    }
    if (format == null) format = VideoFormat.ofFileFormat(probe.pixFmt()).orElse(null);
    if (format == null) {
      boolean deep = probe.pixFmt() != null && (probe.pixFmt().contains("16") || probe.pixFmt().contains("10")
          || probe.pixFmt().contains("12"));
      boolean gray = probe.pixFmt() != null && probe.pixFmt().startsWith("gray");
      format = gray ? (deep ? VideoFormat.GRAY16LE : VideoFormat.GRAY) : deep ? VideoFormat.GBRP16LE : VideoFormat.RGB24;
    }
    int channels = format.channels();
    String fieldName = "data";
    if (metadata.fieldAttributes != null && metadata.fieldAttributes.get("label") instanceof String label) {
      fieldName = label;
    }
    if (metadata.fieldAttributes != null) {
      Object cls = metadata.fieldAttributes.get("class");
      int gridRank = probe.height() == 1 ? 1 : 2;
      if ("ScalarField".equals(cls)) channels = 1;
      else if ("VectorField".equals(cls)) channels = Math.min(gridRank, format.channels());
    }
    List<String> dims = new ArrayList<>();
    List<Long> shape = new ArrayList<>();
    if (channels > 1) {
      dims.add("component");
      shape.add((long) channels);
    }
    List<String> grid = probe.height() == 1 ? List.of("x") : List.of("x", "y");
    dims.addAll(grid);
    shape.add((long) probe.width());
    if (probe.height() != 1) shape.add((long) probe.height());
    long[] s = shape.stream().mapToLong(Long::longValue).toArray();
    double lo = metadata.vmin[0];
    double hi = metadata.vmax[0];
    String what = metadata.missing != null ? metadata.missing : "it has no sweep metadata";
    LOG.warn("{}: {}: reading its frames as one field '{}' {} of values in [{}, {}]", path, what, fieldName, dims, lo,
        hi);
    MovieLayout.Field f = new MovieLayout.Field(fieldName, dims, s, DType.DOUBLE, channels, 0, Map.of());
    return new MovieLayout(TIME, List.of(f), grid, probe.width(), probe.height(), format,
        new double[] {lo}, new double[] {hi}, Map.of());
  }

  /** The times of the stored frames: the {@code .times} file if the movie has one, else t_start + dt * i. */
  private double[] times(long n) {
    double[] t = new double[Math.toIntExact(n)];
    if (metadata.writeTimes) {
      Path tf = timesFile();
      try {
        List<String> lines = Files.readAllLines(tf, StandardCharsets.UTF_8);
        int k = 0;
        for (String line : lines) {
          if (line.isBlank()) continue;
          if (k == t.length) break;
          t[k++] = Double.parseDouble(line.strip());
        }
        if (k == t.length) return t;
        LOG.warn("{} holds {} times for {} frames; using equidistant times t_start + dt * i", tf, k, n);
      } catch (IOException | NumberFormatException e) {
        LOG.warn("cannot read the times of {} from {} ({}); using equidistant times t_start + dt * i", path, tf,
            e.toString());
      }
    }
    for (int i = 0; i < t.length; i++) t[i] = metadata.tStart + metadata.dt * i;
    return t;
  }

  private Path timesFile() {
    return path.resolveSibling(path.getFileName() + ".times");
  }

  // ---- RecordStore ----

  @Override
  public Path path() {
    return path;
  }

  @Override
  public String recordDim() {
    return layout != null ? layout.recordDim : TIME;
  }

  @Override
  public long size() {
    return storedFrames + (segment != null ? segment.frames : 0);
  }

  @Override
  public Mode mode() {
    return mode;
  }

  @Override
  public long refresh() {
    return size();
  }

  @Override
  public Dataset read() {
    return read(0, size());
  }

  @Override
  public Dataset read(long from, long to) {
    return read(from, to, null);
  }

  @Override
  public Dataset read(long from, long to, Collection<String> variables) {
    requireOpen();
    long n = size();
    if (from < 0 || from > to || to > n) {
      throw new IndexOutOfBoundsException("records [" + from + ", " + to + ") of " + n + " in " + path);
    }
    if (layout == null) return Dataset.builder().dim(TIME, 0).attrs(info).build();
    if (variables != null) {
      for (String v : variables) {
        if (!v.equals(layout.recordDim) && layout.fields.stream().noneMatch(f -> f.name().equals(v))) {
          List<String> names = new ArrayList<>(List.of(layout.recordDim));
          for (MovieLayout.Field f : layout.fields) names.add(f.name());
          throw new IllegalArgumentException("no variable '" + v + "' in " + path + "; the variables are " + names);
        }
      }
    }
    int count = Math.toIntExact(to - from);
    double[] t = new double[count];
    for (int i = 0; i < count; i++) t[i] = time(from + i);
    boolean timesOnly = variables != null && variables.stream().allMatch(v -> v.equals(layout.recordDim));
    Column[] columns = timesOnly ? null : layout.allocate(count); // times alone: no field is allocated
    if (!timesOnly && count > 0) {
      if (to > storedFrames) commitSegment(); // the session's frames are in ffmpeg's pipe: end the segment first
      decode(from, count, columns);
    }
    Dataset all = layout.records(t, columns, info);
    if (variables == null) return all;
    Dataset.Builder b = all.toBuilder();
    for (String name : all.variables().keySet()) if (!variables.contains(name)) b.removeVariable(name);
    return b.build();
  }

  private double time(long i) {
    return i < storedFrames ? storedTimes[(int) i] : segment.times[(int) (i - storedFrames)];
  }

  /** Decodes {@code count} frames from {@code from} into the columns, continuing the last decoder if it is there. */
  private void decode(long from, int count, Column[] columns) {
    if (decoder != null && from > decoderNext && from - decoderNext <= SKIP_AHEAD) {
      // a few frames ahead: decoding them costs less than a new process (tens of milliseconds)
      try {
        for (byte[] f; decoderNext < from && (f = decoder.next()) != null; decoderNext++) decoder.release(f);
      } catch (IOException e) {
        stopDecoder();
      }
    }
    if (decoder == null || decoderNext != from) {
      stopDecoder();
      List<String> args = new ArrayList<>();
      if (from > 0) {
        // Half a frame before frame 'from': the seek lands on the key frame before it (every FFV1 frame
        // is one), and frames earlier than the seek time are decoded and dropped.
        args.addAll(List.of("-ss", String.format(Locale.ROOT, "%.6f", (from - 0.5) / fps)));
      }
      args.addAll(List.of("-i", path.toString(), "-map", "0:v:0", "-f", "rawvideo", "-pix_fmt",
          layout.format.pipeFormat(), "pipe:1"));
      FfmpegProcess p = Ffmpeg.start("decoding " + path, args);
      p.closeInput();
      decoder = new FrameReader(p, layout.frameBytes());
      decoderNext = from;
    }
    MovieLayout.Decoder d = layout.new Decoder();
    for (int r = 0; r < count; r++) {
      byte[] frame;
      try {
        frame = decoder.next();
      } catch (IOException e) {
        UncheckedIOException fail = decoder.process().failure("reading frame " + (from + r) + " failed: "
            + e.getMessage(), e);
        stopDecoder();
        throw fail;
      }
      if (frame == null) {
        FrameReader ended = decoder;
        decoder = null;
        String said;
        try {
          ended.process().finish();
          said = ended.process().stderr();
        } catch (UncheckedIOException e) {
          said = e.getMessage();
        } finally {
          ended.close();
        }
        throw new StoreFormatException(path, "the movie ends before frame " + (from + r) + " of the " + size()
            + " its container counts" + (said.isEmpty() ? "" : "; ffmpeg: " + said), null);
      }
      d.decode(frame, columns, r);
      decoder.release(frame);
    }
    decoderNext = from + count;
  }

  private void stopDecoder() {
    if (decoder != null) {
      decoder.close();
      decoder = null;
    }
  }

  @Override
  public void append(Dataset records) {
    Objects.requireNonNull(records, "records");
    requireOpen();
    if (mode == Mode.READ_ONLY) throw new IllegalStateException("the movie " + path + " was opened read-only");
    String dim = layout != null ? layout.recordDim
        : records.dims().isEmpty() ? TIME : records.dims().get(0);
    int n = records.sizes().getOrDefault(dim, 0);
    MovieLayout l;
    if (layout == null) {
      l = MovieLayout.of(records, dim, settings.grid, settings.format, settings.bits, settings.vmin, settings.vmax);
    } else {
      // the stored movie decides what the builder left open
      VideoFormat format = settings.formatSet ? settings.format : settings.bitsSet ? null : layout.format;
      l = MovieLayout.of(records, dim, settings.grid, format, settings.bits,
          settings.boundsSet ? settings.vmin : layout.vmin, settings.boundsSet ? settings.vmax : layout.vmax);
      String diff = layout.difference(l);
      if (diff != null) {
        throw new IncompatibleStoreException(path, layout.describe(), l.describe(), "cannot append to " + path
            + ": the records have " + diff + "; write a new movie (WriteMode.TRUNCATE) or match the stored one");
      }
    }
    if (n == 0) return;
    Map<String, Object> newInfo = new LinkedHashMap<>(info);
    newInfo.putAll(records.attrs());
    MovieMetadata.comment(l, newInfo, false, 0, 1, 0); // refuses info JSON cannot hold before anything is written
    double[] t = new double[n];
    Variable tv = records.variables().get(dim);
    for (int i = 0; i < n; i++) t[i] = tv != null ? tv.column().getDouble(i) : size() + i;
    Column[] columns = new Column[l.fields.size()];
    for (int k = 0; k < columns.length; k++) columns[k] = records.variable(l.fields.get(k).name()).column();
    if (layout == null) layout = l;
    info = newInfo;
    if (segment == null) segment = new Segment();
    segment.write(columns, t, n);
  }

  /**
   * Ends the session's segment and joins it to the movie, atomically; nothing happens without one.
   *
   * @throws UncheckedIOException quoting ffmpeg, if encoding or joining fails; the movie keeps what it
   *     held before the session
   */
  private void commitSegment() {
    if (segment == null) return;
    Segment s = segment;
    segment = null;
    try {
      s.finish();
      int n = s.frames;
      long total = storedFrames + n;
      double[] all = Arrays.copyOf(storedTimes, Math.toIntExact(total));
      System.arraycopy(s.times, 0, all, (int) storedFrames, n);
      double t0 = storedFrames > 0 ? metadata.tStart : all[0];
      double dt = storedFrames > 0 ? metadata.dt : settings.dt;
      if (storedFrames == 0 && !settings.timeStepSet) dt = total > 1 ? all[1] - all[0] : 1;
      if (storedFrames == 0 && settings.timeStepSet) t0 = settings.tStart;
      boolean writeTimes = settings.writeTimes || (storedFrames > 0 && metadata.writeTimes);
      if (writeTimes) writeTimesFile(all);
      String comment = MovieMetadata.comment(layout, info, writeTimes, t0, dt, total);
      join(s.file, comment);
      storedFrames = total;
      metadata.writeTimes = writeTimes;
      metadata.tStart = t0;
      metadata.dt = dt;
      storedTimes = writeTimes ? all : equidistant(t0, dt, total);
      if (!writeTimes) checkTimes(all, t0, dt);
    } finally {
      s.discard();
    }
  }

  private static double[] equidistant(double t0, double dt, long n) {
    double[] t = new double[Math.toIntExact(n)];
    for (int i = 0; i < t.length; i++) t[i] = t0 + dt * i;
    return t;
  }

  private void checkTimes(double[] actual, double t0, double dt) {
    if (warnedTime) return;
    for (int i = 0; i < actual.length; i++) {
      double expect = t0 + dt * i;
      if (Math.abs(actual[i] - expect) > 1e-9 * Math.max(1, Math.abs(expect))) {
        warnedTime = true;
        LOG.warn("{}: time mismatch: frame {} was appended at t={} but the movie keeps equidistant times and says "
            + "t={} (t_start {} + dt {} * {}); build the store with writeTimes(true) to keep exact times", path, i,
            actual[i], expect, t0, dt, i);
        return;
      }
    }
  }

  private void writeTimesFile(double[] all) {
    StringBuilder sb = new StringBuilder();
    for (double t : all) sb.append(Double.toString(t)).append('\n');
    AtomicFiles.replace(timesFile(), tmp -> Files.writeString(tmp, sb, StandardCharsets.UTF_8));
  }

  /** Replaces the movie by its stored frames followed by the segment's, with the new metadata; atomically. */
  private void join(Path segmentFile, String comment) {
    stopDecoder(); // it reads the file about to be replaced
    Path meta = null;
    Path list = null;
    try {
      meta = Files.createTempFile("sweep-movie", ".ffmetadata");
      Files.writeString(meta, ";FFMETADATA1\ncomment=" + escapeMetadata(comment) + "\n", StandardCharsets.UTF_8);
      List<String> args = new ArrayList<>();
      if (storedFrames > 0) {
        list = Files.createTempFile("sweep-movie", ".ffconcat");
        Files.writeString(list, "ffconcat version 1.0\nfile " + concatQuote(path.toAbsolutePath().toString())
            + "\nfile " + concatQuote(segmentFile.toAbsolutePath().toString()) + "\n", StandardCharsets.UTF_8);
        args.addAll(List.of("-f", "concat", "-safe", "0", "-i", list.toString()));
      } else {
        args.addAll(List.of("-f", settings.muxer(), "-i", segmentFile.toString()));
      }
      args.addAll(List.of("-f", "ffmetadata", "-i", meta.toString(), "-map", "0:v:0", "-map_metadata", "1",
          "-c", "copy", "-f", settings.muxer(), "-y"));
      Path metaFile = meta;
      AtomicFiles.replace(path, tmp -> {
        List<String> all = new ArrayList<>(args);
        all.add(tmp.toString());
        Ffmpeg.run("writing " + path + " (joining " + (storedFrames > 0 ? "the stored frames and " : "")
            + "the new segment, metadata from " + metaFile + ")", all);
      });
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the metadata of " + path + ": " + e.getMessage(), e);
    } finally {
      deleteQuietly(meta);
      deleteQuietly(list);
    }
  }

  /** ffmpeg's metadata file escapes '=', ';', '#', '\' and newlines with a backslash. */
  private static String escapeMetadata(String s) {
    StringBuilder out = new StringBuilder(s.length() + 16);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '=' || c == ';' || c == '#' || c == '\\' || c == '\n') out.append('\\');
      out.append(c);
    }
    return out.toString();
  }

  private static String concatQuote(String file) {
    return "'" + file.replace("'", "'\\''") + "'";
  }

  private static void deleteQuietly(Path p) {
    if (p == null) return;
    try {
      Files.deleteIfExists(p);
    } catch (IOException e) {
      LOG.debug("cannot delete {}: {}", p, e.toString());
    }
  }

  private void deleteMovie() {
    try {
      Files.deleteIfExists(path);
      Files.deleteIfExists(timesFile());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot clear the movie " + path + ": " + e.getMessage(), e);
    }
  }

  /** {@return the video format the frames are stored in; empty while nothing is stored or written} */
  public java.util.Optional<VideoFormat> videoFormat() {
    return java.util.Optional.ofNullable(layout).map(l -> l.format);
  }

  /**
   * {@return the largest error of a stored value of a field that lies inside [vmin, vmax]: half a
   * level, {@code (vmax - vmin) / (2^bits - 1) / 2} (values outside are clipped to the range)}
   *
   * @param field the field's name
   * @throws IllegalArgumentException naming the fields there are, if none has that name, or none is known yet
   */
  public double maxError(String field) {
    if (layout != null) {
      for (int k = 0; k < layout.fields.size(); k++) if (layout.fields.get(k).name().equals(field)) return layout.maxError(k);
    }
    List<String> names = new ArrayList<>();
    if (layout != null) for (MovieLayout.Field f : layout.fields) names.add(f.name());
    throw new IllegalArgumentException("no field '" + field + "' in " + path + "; the fields are " + names);
  }

  /**
   * Ends the session: joins the frames written to the movie and ends every ffmpeg process. Closing
   * twice does nothing.
   *
   * @throws UncheckedIOException quoting ffmpeg, if finishing the movie fails; the movie then holds
   *     what it held before the session, and no ffmpeg process is left running
   */
  @Override
  public void close() {
    if (closed) return;
    closed = true;
    try {
      commitSegment();
    } finally {
      stopDecoder();
    }
  }

  private void requireOpen() {
    if (closed) throw new IllegalStateException("the movie store of " + path + " is closed");
  }

  @Override
  public String toString() {
    return "MovieStore[" + path + ", " + size() + " frames" + (layout != null ? ", " + layout.describe() : "") + "]";
  }

  /** The frames of one writing session: an encoder process writing a segment file beside the movie. */
  private final class Segment {
    final Path file;
    final FileChannel lockChannel;
    final FileLock lock;
    final FfmpegProcess encoder;
    final OutputStream pipe;
    final MovieLayout.Encoder encode;
    double[] times = new double[64];
    int frames;
    private boolean finished;

    Segment() {
      cleanStaleSegments();
      String token = HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong());
      file = path.toAbsolutePath().resolveSibling("." + path.getFileName() + "." + token + ".segment");
      try {
        lockChannel = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        lock = lockChannel.lock();
      } catch (IOException e) {
        throw new UncheckedIOException("cannot create the segment " + file + " of " + path + ": " + e.getMessage(), e);
      }
      try {
        encoder = startEncoder();
      } catch (RuntimeException e) {
        releaseLock();
        deleteQuietly(file);
        throw e;
      }
      pipe = encoder.input();
      encode = layout.new Encoder();
    }

    private FfmpegProcess startEncoder() {
      List<String> args = new ArrayList<>(List.of("-f", "rawvideo", "-pix_fmt", layout.format.pipeFormat(),
          "-s", layout.width + "x" + layout.height, "-r", Integer.toString(settings.frameRate), "-i", "pipe:0",
          "-c:v", "ffv1", "-pix_fmt", layout.format.fileFormat()));
      if (settings.bitrate > 0) args.addAll(List.of("-b:v", settings.bitrate + "k"));
      args.addAll(List.of("-f", settings.muxer(), "-y", file.toString()));
      return Ffmpeg.start("encoding " + path, args);
    }

    void write(Column[] columns, double[] t, int n) {
      StringBuilder note = new StringBuilder();
      for (int r = 0; r < n; r++) {
        byte[] frame = encode.encode(columns, r, note);
        if (note.length() > 0) {
          LOG.warn("{}: values outside [vmin, vmax] are clipped to it (warned once per session): {}", path, note);
          note.setLength(0);
        }
        try {
          pipe.write(frame);
        } catch (IOException e) {
          throw encoder.failure("writing frame " + (storedFrames + frames) + " to ffmpeg failed (" + e.getMessage()
              + ")", e);
        }
        if (frames == times.length) times = Arrays.copyOf(times, times.length * 2);
        times[frames++] = t[r];
      }
    }

    void finish() {
      if (finished) return;
      finished = true;
      try {
        pipe.close();
      } catch (IOException e) {
        throw encoder.failure("closing ffmpeg's input failed (" + e.getMessage() + ")", e);
      }
      encoder.finish();
    }

    /** Ends the encoder if it still runs and deletes the segment. */
    void discard() {
      encoder.kill();
      releaseLock();
      deleteQuietly(file);
    }

    private void releaseLock() {
      try {
        lock.release();
        lockChannel.close();
      } catch (IOException e) {
        LOG.debug("cannot release the lock of {}: {}", file, e.toString());
      }
    }
  }

  /** Deletes the segments of this movie that killed writers left: those nobody holds a lock on. */
  private void cleanStaleSegments() {
    Path dir = path.toAbsolutePath().getParent();
    String prefix = "." + path.getFileName() + ".";
    try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir, p -> {
      String n = p.getFileName().toString();
      return n.startsWith(prefix) && n.endsWith(".segment");
    })) {
      for (Path p : ds) {
        try (FileChannel ch = FileChannel.open(p, StandardOpenOption.WRITE)) {
          FileLock l = ch.tryLock();
          if (l != null) {
            Files.deleteIfExists(p);
            LOG.info("deleted {}, a segment left by a writer of {} that did not finish", p, path);
          }
        } catch (OverlappingFileLockException e) {
          // a session of this JVM is writing it
        } catch (IOException e) {
          LOG.debug("cannot check the segment {}: {}", p, e.toString());
        }
      }
    } catch (IOException e) {
      LOG.debug("cannot list {} for stale segments: {}", dir, e.toString());
    }
  }

  /**
   * Builds a {@link MovieStore}; each setter checks its value at once.
   */
  public static final class Builder {
    private final Path path;
    private double[] vmin = {0};
    private double[] vmax = {1};
    private boolean boundsSet;
    private int bits = 16;
    private boolean bitsSet;
    private VideoFormat format;
    private boolean formatSet;
    private int bitrate = -1;
    private boolean writeTimes;
    private double tStart;
    private double dt = 1;
    private boolean timeStepSet;
    private int frameRate = 25;
    private List<String> grid;

    private Builder(Path path) {
      this.path = Objects.requireNonNull(path, "file");
      container(path); // fails now, naming the containers, for another extension
    }

    /**
     * Sets the lowest value encoded: one for every field, or one per field in the order of the
     * records' variables (py-pde's {@code vmin}); a field's components share it. Smaller values are
     * stored as this one.
     *
     * @param values one value, or one per field; finite
     * @return this builder
     * @throws IllegalArgumentException if a value is NaN or infinite, or none is given
     */
    public Builder vmin(double... values) {
      this.vmin = bounds("vmin", values);
      boundsSet = true;
      checkBounds();
      return this;
    }

    /**
     * Sets the highest value encoded, as {@link #vmin} the lowest. Larger values are stored as this one.
     *
     * @param values one value, or one per field; finite
     * @return this builder
     * @throws IllegalArgumentException if a value is NaN or infinite, or none is given, or it is not
     *     above vmin
     */
    public Builder vmax(double... values) {
      this.vmax = bounds("vmax", values);
      boundsSet = true;
      checkBounds();
      return this;
    }

    private void checkBounds() {
      if (vmin.length != vmax.length && vmin.length != 1 && vmax.length != 1) return; // checked against the fields
      int n = Math.max(vmin.length, vmax.length);
      for (int k = 0; k < n; k++) {
        double lo = vmin[vmin.length == 1 ? 0 : k];
        double hi = vmax[vmax.length == 1 ? 0 : k];
        if (!(lo < hi)) {
          throw new IllegalArgumentException("vmin " + lo + " is not below vmax " + hi
              + (n > 1 ? " (field " + k + ")" : "") + ": expected vmin < vmax");
        }
      }
    }

    private static double[] bounds(String what, double[] values) {
      if (values.length == 0) throw new IllegalArgumentException(what + " has no value; expected one, or one per field");
      for (double v : values) {
        if (!Double.isFinite(v)) {
          throw new IllegalArgumentException(what + " is " + Arrays.toString(values) + "; expected finite numbers");
        }
      }
      return values.clone();
    }

    /**
     * Sets the bits per channel wanted when the video format is chosen (py-pde's {@code bits_per_channel}):
     * the smallest format with enough channels and bits is taken.
     *
     * @param bits 1 to 16; default 16 (values within 1/131070 of the range)
     * @return this builder
     * @throws IllegalArgumentException if it is outside 1 to 16
     */
    public Builder bitsPerChannel(int bits) {
      if (bits < 1 || bits > 16) {
        throw new IllegalArgumentException("bitsPerChannel is " + bits + "; expected 1 to 16 (the video formats hold "
            + "8 or 16 bits per channel)");
      }
      this.bits = bits;
      bitsSet = true;
      return this;
    }

    /**
     * Sets the video format instead of choosing it.
     *
     * @param format the format; it must have a channel for every component of the fields
     * @return this builder
     */
    public Builder videoFormat(VideoFormat format) {
      this.format = Objects.requireNonNull(format, "format");
      formatSet = true;
      return this;
    }

    /**
     * Sets the bit rate asked of the encoder.
     *
     * @param kbitsPerSecond kilobits per second, {@code > 0}; default: the encoder's choice (FFV1 is
     *     lossless whatever it is)
     * @return this builder
     * @throws IllegalArgumentException if it is not positive
     */
    public Builder bitrate(int kbitsPerSecond) {
      if (kbitsPerSecond <= 0) {
        throw new IllegalArgumentException("bitrate is " + kbitsPerSecond + "; expected kilobits per second, > 0");
      }
      this.bitrate = kbitsPerSecond;
      return this;
    }

    /**
     * Keeps the exact time of every frame in a text file {@code <movie>.times}, one per line (py-pde's
     * {@code write_times}). Without it the movie keeps {@code t_start} and {@code dt} and reads the
     * times back as {@code t_start + dt * i}; a frame appended at another time is warned about once.
     *
     * @param write true to write the times file
     * @return this builder
     */
    public Builder writeTimes(boolean write) {
      this.writeTimes = write;
      return this;
    }

    /**
     * Sets the times the movie says its frames are at, {@code tStart + dt * i}, when it keeps no times
     * file (py-pde's tracker stores them); default: the first frame's time and the step to the second.
     *
     * @param tStart the time of frame 0
     * @param dt the step, {@code > 0}
     * @return this builder
     * @throws IllegalArgumentException if either is not finite or dt is not positive
     */
    public Builder timeStep(double tStart, double dt) {
      if (!Double.isFinite(tStart) || !(dt > 0) || !Double.isFinite(dt)) {
        throw new IllegalArgumentException("timeStep(" + tStart + ", " + dt + "): expected a finite start and a finite "
            + "step > 0");
      }
      this.tStart = tStart;
      this.dt = dt;
      timeStepSet = true;
      return this;
    }

    /**
     * Sets the frame rate of the movie, for players (it does not change the stored times).
     *
     * @param fps frames per second, 1 to 1000; default 25
     * @return this builder
     * @throws IllegalArgumentException if it is outside 1 to 1000
     */
    public Builder frameRate(int fps) {
      if (fps < 1 || fps > 1000) throw new IllegalArgumentException("frameRate is " + fps + "; expected 1 to 1000");
      this.frameRate = fps;
      return this;
    }

    /**
     * Names the dimensions of the grid: the trailing dimensions of every field, 1 or 2, whose points are
     * the frame's pixels; a field's leading dimensions are its components, one channel each. By default
     * the grid is every dimension whose name does not start with {@code component}.
     *
     * @param dims the grid's dimensions, 1 or 2
     * @return this builder
     * @throws IllegalArgumentException if there are none or more than 2
     */
    public Builder grid(String... dims) {
      if (dims.length == 0 || dims.length > 2) {
        throw new IllegalArgumentException("grid " + Arrays.toString(dims) + " has " + dims.length + " dimensions: a "
            + "movie holds a 1-D or 2-D grid");
      }
      this.grid = List.of(dims);
      return this;
    }

    /**
     * {@return the store; an existing movie is probed now (in {@link Mode#TRUNCATE} it is deleted instead)}
     *
     * @param mode how to open the movie
     * @throws UncheckedIOException if the movie does not exist and the mode is {@link Mode#READ_ONLY}
     * @throws StoreFormatException quoting ffprobe, if the file is not a movie
     */
    public MovieStore open(Mode mode) {
      return new MovieStore(this, Objects.requireNonNull(mode, "mode"));
    }

    String muxer() {
      return container(path);
    }

    private static String container(Path p) {
      String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
      if (n.endsWith(".mkv")) return "matroska";
      if (n.endsWith(".avi")) return "avi";
      if (n.endsWith(".mov")) return "mov";
      throw new IllegalArgumentException("the movie " + p + " has an extension ffmpeg's FFV1 containers do not: "
          + "expected .mkv, .avi or .mov");
    }
  }

  /**
   * The provider {@code movie}: movies ({@code .mkv}, {@code .avi}, {@code .mov}) as record stores,
   * with the builder's defaults (vmin 0, vmax 1, 16 bits); registered in
   * {@code META-INF/services/dev.sweep.store.StoreProvider}. For other settings, open a
   * {@link Builder} through {@code Trajectory.Builder.store}.
   */
  public static final class Provider implements StoreProvider {
    /** Makes the provider, for {@link java.util.ServiceLoader}. */
    public Provider() {}

    @Override
    public String name() {
      return "movie";
    }

    @Override
    public String description() {
      return "FFV1 movies (.mkv, .avi, .mov)";
    }

    @Override
    public boolean accepts(Path path) {
      String n = path.getFileName() == null ? "" : path.getFileName().toString().toLowerCase(Locale.ROOT);
      return n.endsWith(".mkv") || n.endsWith(".avi") || n.endsWith(".mov");
    }

    @Override
    public boolean holdsRecords() {
      return true;
    }

    @Override
    public RecordStore openRecords(Path path, Mode mode) {
      return builder(path).open(mode);
    }
  }
}
