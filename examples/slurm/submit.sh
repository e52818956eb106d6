#!/bin/bash
# Submits a peerkit sweep as a Slurm job array of SHARDS shards and the merge that runs
# when they have all succeeded.
#
#   ./submit.sh sweep.json results 16        # then: results/summary.csv, ...
set -euo pipefail

if [[ $# -ne 3 ]]; then
  echo "usage: $0 SWEEP.json OUT_DIR SHARDS" >&2
  exit 1
fi
export SWEEP=$1 OUT=$2 SHARDS=$3
here=$(dirname "$0")

array=$(sbatch --parsable --array="0-$((SHARDS - 1))" --export=ALL "$here/sweep.sbatch")
array=${array%%;*}  # the job id, without the cluster name
sbatch --dependency="afterok:$array" --kill-on-invalid-dep=yes --export=ALL "$here/merge.sbatch"
echo "submitted shards as job $array; the merge writes $OUT when they have all succeeded"
