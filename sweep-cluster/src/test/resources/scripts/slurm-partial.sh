#!/bin/bash
#SBATCH --job-name=lesson
#SBATCH --array=0-1%3
#SBATCH --output=/scratch/crops/lesson/jobs/lesson-%A_%a.out
#SBATCH --time=0-01:30:00
#SBATCH --mem=2048M
#SBATCH --cpus-per-task=2
#SBATCH --partition=short
#SBATCH --account=proj42
# Written by sweep for the crop /scratch/crops/lesson: array task i grows batch BATCHES[i].
set -euo pipefail
BATCHES=(3 5)
INDEX="${SLURM_ARRAY_TASK_ID:?not run as a SLURM array task}"
BATCH="${BATCHES[$INDEX]}"
module load java/17
echo "growing on $(hostname)"
exec /usr/lib/jvm/java-17/bin/java -Xmx1g -cp /opt/app/app.jar:/opt/sweep/lib/sweep-cli.jar dev.sweep.cli.SweepCli grow /scratch/crops/lesson --batch "$BATCH" --workers 2
