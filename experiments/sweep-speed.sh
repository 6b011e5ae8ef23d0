#!/usr/bin/env bash
# Issue 14, item 3: runs per hour of a word-problem sweep on this machine, this checkout against
# an older one (the commit the issue was filed against: 63b8a98), interleaved, REPS times (3).
# Each rep runs both sweeps of experiments/word-problems-speed-{recurrent,depth}.yaml (the
# word-problem configuration cut to 400 steps: LSTM and RNN with 512 units at one layer; Mamba
# [0,1], Mamba[-1,1], S4D and the Transformer at two) with --jobs 2 into a fresh folder, one
# JSON line per sweep to OUT, then prints the medians: runs per hour and the ratio.
#   git worktree add --detach ../base 63b8a98 && (cd ../base && mvn -q package -DskipTests)
#   experiments/sweep-speed.sh ../base [OUT]
# QUICK=1: one rep of 10 steps a run, a smoke test. Pause other work first: only a quiet machine gives runs per hour that compare.
set -euo pipefail
cd "$(dirname "$0")/.."
base=${1:?usage: sweep-speed.sh BASE_CHECKOUT [OUT]}
out=${2:-results/speed/$(date -u +%Y-%m-%d)-sweep.jsonl}
reps=${REPS:-3}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$(dirname "$out")"
here=$(pwd)
specs=$here/experiments
if [ -n "${QUICK:-}" ]; then   # a smoke run: 10 steps a run
  specs=$work/specs reps=1
  mkdir -p "$specs"
  for f in recurrent depth; do
    sed 's/^  steps: 400$/  steps: 10/; s/warmup: 20,/warmup: 2,/' \
      "$here/experiments/word-problems-speed-$f.yaml" > "$specs/word-problems-speed-$f.yaml"
  done
fi
for rep in $(seq "$reps"); do
  for side in base new; do
    dir=$here; [ "$side" = base ] && dir=$(cd "$base" && pwd)
    for spec in recurrent depth; do
      start=$(date +%s.%N)
      summary=$("$dir/ssmlab" sweep "$specs/word-problems-speed-$spec.yaml" \
        --out "$work/$side-$rep-$spec" --jobs 2 --no-progress)
      end=$(date +%s.%N)
      jq -c --arg side "$side" --arg spec "$spec" --argjson rep "$rep" \
        --arg commit "$(git -C "$dir" rev-parse --short HEAD)" \
        --argjson seconds "$(awk -v a="$start" -v b="$end" 'BEGIN { print b - a }')" --arg load "$(cut -d' ' -f1 /proc/loadavg)" \
        '{side: $side, commit: $commit, spec: $spec, rep: $rep, seconds: $seconds,
          runs: .finished, load: $load}' <<< "$summary" >> "$out"
    done
  done
done
# runs per hour of a rep: all its runs over the wall time of both sweeps; medians over reps
jq -s -r 'group_by(.side) | map({side: .[0].side, commit: .[0].commit,
    perRep: (group_by(.rep) | map((map(.runs) | add) * 3600 / (map(.seconds) | add)) | sort)})
  | map(. + {median: .perRep[(.perRep | length) / 2 | floor]})
  | (.[] | "\(.side) \(.commit): runs per hour \(.perRep | map(. * 10 | round / 10)) median \(.median * 10 | round / 10)"),
    "ratio new / base: \((map(select(.side == "new"))[0].median / map(select(.side == "base"))[0].median) * 100 | round / 100)"' \
  "$out"
