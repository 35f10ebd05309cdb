/**
 * Following a file while another process writes it: each frame of a scan is processed as soon as it
 * is complete (the Java counterpart of swmr_tools). A detector or a simulation writes a scan point by
 * point, with a key dataset per point that turns non-zero once the point's frame is written; a
 * follower polls the keys and yields the completed frames in order, each once, until the scan
 * finishes or stalls.
 *
 * <p>Start with {@link dev.sweep.follow.FrameFollower#builder}: keys, data datasets, a finished flag
 * and a timeout, over a {@link dev.sweep.follow.FollowSource} (sweep-io's {@code FollowSources.open}
 * opens NetCDF-3 record files and HDF5 files written in SWMR mode). Below it,
 * {@link dev.sweep.follow.KeyFollower} yields the flat indices of completed frames,
 * {@link dev.sweep.follow.RowKeyFollower} the last index of each completed row, and
 * {@link dev.sweep.follow.FrameReader} reads the frame at an index. A
 * {@link dev.sweep.follow.Sleeper} is the followers' clock, which tests drive.
 *
 * <p>The package knows no file format: a format implements {@code FollowSource}. Nulls: no method
 * takes or returns null; absent values are {@code Optional}.
 */
package dev.sweep.follow;
