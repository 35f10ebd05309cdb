#!/bin/bash
#$ -N lesson
#$ -t 1-2
#$ -tc 3
#$ -S /bin/bash
#$ -j y
#$ -o /scratch/crops/lesson/jobs
#$ -l h_rt=01:30:00
#$ -l h_vmem=2048M
#$ -pe smp 2
#$ -q short
#$ -P proj42
# Written by sweep for the crop /scratch/crops/lesson: array task i grows batch BATCHES[i].
set -euo pipefail
BATCHES=(3 5)
INDEX=$(( ${SGE_TASK_ID:?not run as an SGE array task} - 1 ))
BATCH="${BATCHES[$INDEX]}"
module load java/17
echo "growing on $(hostname)"
exec /usr/lib/jvm/java-17/bin/java -Xmx1g -cp /opt/app/app.jar:/opt/sweep/lib/sweep-cli.jar dev.sweep.cli.SweepCli grow /scratch/crops/lesson --batch "$BATCH" --workers 2
