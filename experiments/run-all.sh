#!/usr/bin/env bash
# Runs every reproduction sweep of the README ("Reproductions") one after another, resumably, and
# prints each one's wall time. Results go to results/<name>/ (report: ./ssmlab report DIR).
#   experiments/run-all.sh                 all of them
#   experiments/run-all.sh parity copy     some of them
set -euo pipefail
cd "$(dirname "$0")/.."
names=("$@")
[ ${#names[@]} -gt 0 ] || names=(parity star-free regular regular-modarith hard-problems copy word-problems word-problems-long)
for name in "${names[@]}"; do
  start=$(date +%s)
  ./ssmlab sweep "experiments/$name.yaml" --out "results/$name" --no-progress
  ./ssmlab report "results/$name" >/dev/null
  echo "$name: $(( $(date +%s) - start )) s"
done
