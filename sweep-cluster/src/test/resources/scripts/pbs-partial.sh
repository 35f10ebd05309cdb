#!/bin/bash
#PBS -N lesson
#PBS -J 0-1%3
#PBS -j oe
#PBS -l walltime=01:30:00
#PBS -l select=1:ncpus=2:mem=2048mb
#PBS -q short
#PBS -A proj42
# Written by sweep for the crop /scratch/crops/lesson: array task i grows batch BATCHES[i].
set -euo pipefail
BATCHES=(3 5)
INDEX="${PBS_ARRAY_INDEX:-${PBS_ARRAYID:-${SLURM_ARRAY_TASK_ID:?not run as a PBS array task}}}"
BATCH="${BATCHES[$INDEX]}"
module load java/17
echo "growing on $(hostname)"
exec /usr/lib/jvm/java-17/bin/java -Xmx1g -cp /opt/app/app.jar:/opt/sweep/lib/sweep-cli.jar dev.sweep.cli.SweepCli grow /scratch/crops/lesson --batch "$BATCH" --workers 2
