#!/bin/bash
#PBS -N lesson
#PBS -j oe
#PBS -l walltime=01:30:00
#PBS -l select=1:ncpus=2:mem=2048mb
#PBS -q short
#PBS -A proj42
# Written by sweep for the crop /scratch/crops/lesson: array task i grows batch BATCHES[i].
set -euo pipefail
BATCHES=(6)
INDEX=0
BATCH="${BATCHES[$INDEX]}"
module load java/17
echo "growing on $(hostname)"
exec /usr/lib/jvm/java-17/bin/java -Xmx1g -cp /opt/app/app.jar:/opt/sweep/lib/sweep-cli.jar dev.sweep.cli.SweepCli grow /scratch/crops/lesson --batch "$BATCH" --workers 2
