#!/usr/bin/env bash
# 7. Precision: trained Mamba models evaluated in exact p-bit floating point (the paper's F_p,
# every operation rounded once) for p in {4, 6, 8, 12, 16, 24}, against the float32 engine.
# Two models that solve their task in float32: Mamba[-1,1] on parity (2 layers, the parity.yaml
# configuration) and Mamba[0,1] on flip-flop (1 layer). The exponent has q = 8 bits at every p
# (float's and bfloat16's range), so only the significand's precision varies.
#   experiments/precision.sh            trains the two models once, then prints the table
#   EVAL_COUNT=16 experiments/precision.sh   fewer test sequences per length (default 64)
set -euo pipefail
cd "$(dirname "$0")/.."
out=results/precision
count=${EVAL_COUNT:-64}
lengths=40,128
mkdir -p "$out"

train() {
  local name=$1; shift
  [ -f "$out/$name/model.safetensors" ] ||
    ./ssmlab train "$@" --threads 1 --no-progress --out "$out/$name" >/dev/null
}
train parity-mamba --task parity --model mamba --eigenvalues -1,1 --d-model 32 --layers 2 \
  --d-state 16 --model-option d_conv=1 --steps 1500 --lr 2e-3 --warmup 150 --weight-decay 0 \
  --batch 32 --train-lengths 3..40
train flipflop-mamba --task flipflop --model mamba --d-model 32 --layers 1 --steps 1000 \
  --lr 3e-3 --warmup 100 --batch 32 --train-lengths 2..50

# the sequence accuracies of an eval's JSON, in length order
accuracies() { grep -o '"sequence_accuracy":[0-9.E-]*' "$1" | cut -d: -f2 | \
  while read -r a; do printf ' %.2f |' "$a"; done; }

echo "| model | arithmetic | n=40 | n=128 | seconds |"
echo "|---|---|---|---|---|"
for run in parity-mamba flipflop-mamba; do
  for p in float32 24 16 12 8 6 4; do
    file="$out/$run-$p.json"
    start=$(date +%s)
    if [ ! -s "$file" ]; then
      if [ "$p" = float32 ]; then arith=(--arith float32); else
        arith=(--arith fp --precision "$p" --exponent-bits 8); fi
      ./ssmlab eval --run "$out/$run" --lengths "$lengths" --count "$count" --threads 2 \
        "${arith[@]}" >"$file.tmp" && mv "$file.tmp" "$file"
    fi
    label=$([ "$p" = float32 ] && echo "float32 engine" || echo "F_p, p=$p, q=8")
    echo "| $run | $label |$(accuracies "$file") $(( $(date +%s) - start )) |"
  done
done
