/**
 * A crop's batches as array jobs of a batch scheduler. Start with
 * {@link dev.sweep.cluster.Scheduler}: {@code Scheduler.slurm(options).submit(crop)} writes an
 * array-job script into the crop's {@code jobs} directory, submits it with {@code sbatch}, and
 * records the job and each batch's task in the crop; {@link dev.sweep.cluster.JobOptions} says what
 * each task asks for (time, memory, cores, nodes, queue, throttle, setup lines, extra directives).
 * PBS ({@code qsub}, {@code #PBS -J}) and SGE ({@code qsub}, {@code #$ -t}) are spelled alike.
 *
 * <p>{@link dev.sweep.cluster.SlurmQueue}, {@link dev.sweep.cluster.PbsQueue} and
 * {@link dev.sweep.cluster.SgeQueue} are the {@link dev.sweep.farm.JobQueue}s that
 * {@link dev.sweep.farm.Crop#status()} asks about submitted batches. The result files stay the
 * truth: a task the scheduler calls COMPLETED without a complete result file is a failed batch.
 * No client library is used: the schedulers' own commands are run, and must be on the PATH.
 */
package dev.sweep.cluster;
