#!/usr/bin/env bash
# Issue 13, study 5, the transfer half: every model that the barrington-transfer sweep trained on
# the S5 word problem (random words, every prefix labelled) is scored on the S5 words of random
# formulas' branching programs (Barrington's reduction), labelled at the end only: the last
# prefix product is 23451 iff the formula is true, the identity iff false. Its accuracy there is
# the fraction of formulas the model evaluates, without having seen one.
#   ./ssmlab sweep experiments/barrington-transfer.yaml --out results/barrington-transfer --keep-models
#   experiments/barrington-transfer.sh results/barrington-transfer   # writes transfer.jsonl there
# One JSON line per model: the sweep's label, layers and seed, then eval's output.
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:?usage: experiments/barrington-transfer.sh SWEEP_OUT}
lengths=${LENGTHS:-4,10,16,34}
count=${EVAL_COUNT:-512}
tmp=$(mktemp "$out/transfer.jsonl.XXXXXX")
trap 'rm -f "$tmp"' EXIT
for run in "$out"/runs/*.json; do
  id=$(basename "$run" .json)
  [ "$(jq -r .spec.task "$run")" = s5 ] && [ -d "$out/models/$id" ] || continue
  ./ssmlab eval --run "$out/models/$id" --lengths "$lengths" --count "$count" --threads 1 \
      --task-option words=barrington --task-option label=final |
    jq -c --arg id "$id" --slurpfile r "$run" \
      '{id: $id, label: $r[0].spec.label, layers: $r[0].spec.model_options.layers,
        seed: $r[0].spec.seed} + (. | del(.run, .provenance))' >> "$tmp"
done
mv "$tmp" "$out/transfer.jsonl"
trap - EXIT
echo "wrote $out/transfer.jsonl ($(wc -l < "$out/transfer.jsonl") models)"
