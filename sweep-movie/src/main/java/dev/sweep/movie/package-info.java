/**
 * Trajectories kept as movies (py-pde's {@code MovieStorage}): each state one frame of a lossless
 * FFV1 movie ({@code .mkv}, {@code .avi}, {@code .mov}), a fraction of the size of the raw data,
 * watchable, and read back within a known error. Start with {@link dev.sweep.movie.MovieStore}: a
 * {@link dev.sweep.store.RecordStore} (provider {@code movie}) that a
 * {@link dev.sweep.traj.Trajectory} writes through like any other storage.
 *
 * <pre>{@code
 * Trajectory traj = Trajectory.builder()
 *     .store(mode -> MovieStore.builder(Path.of("run.mkv")).vmin(-1).vmax(1).open(mode))
 *     .build();
 * }</pre>
 *
 * <ul>
 *   <li>{@link dev.sweep.movie.MovieStore}: writing in sessions joined without re-encoding, metadata in
 *       the {@code comment} tag in py-pde's form, random access by seeking.</li>
 *   <li>{@link dev.sweep.movie.VideoFormat}: py-pde's table of formats (channels and bits).</li>
 *   <li>{@link dev.sweep.movie.Preview}: a variable as a viridis-coloured H.264 MP4 or GIF for people;
 *       {@link dev.sweep.movie.MovieCommand} is {@code sweep movie}.</li>
 * </ul>
 *
 * <p>ffmpeg and ffprobe are the executables of the {@code org.bytedeco:ffmpeg} jar, run as child
 * processes; nothing is needed from the system. The format is described in {@code sweep-movie/MOVIES.md}.
 * Nothing here takes or returns null.
 */
package dev.sweep.movie;
