#!/usr/bin/env bash
# Issue 14: ssmlab beside the PyTorch peer (Debian's python3-torch on OpenBLAS), on this machine,
# in one sitting, the two sides interleaved: whole training steps (bench train against
# torch_peer.py bench) at the small and the large configuration, and matrix products at the
# models' shapes (bench gemm against torch.mm). Appends one JSON line per measurement to OUT, each
# tagged with side, config and repetition, then prints the medians and ratios (speed-table.sh).
#   experiments/speed-vs-torch.sh [OUT]       REPS=3 by default; QUICK=1: a short smoke run
#                                             (every family, small configuration, a step or two)
#   FAMILIES="lstm" OTHERS="rnn s4d" ...      only these families (default: all eight)
#   NO_GEMM=1 ...                             without the matrix products
# The peers: torch_peer.py for mamba and lstm; experiments/torch-transformer-bench.py for the
# Transformer (its architecture matched); for the OTHERS the tests' plain PyTorch references
# (torch-families-bench.py: the rnn as nn.RNN), each on a random model of the family at the
# configuration's size. The references loop over time in Python: hybrid and deltanet take minutes
# a step at the large configuration, so they run one step, once. On a loaded machine OpenBLAS's
# two threads can make the per-step products of the loops several times slower than one.
# Needs python3-torch and libopenblas0-pthread (bash .ci/install python3-torch libopenblas0-pthread);
# OPENBLAS_CORETYPE is unset for the peer, so OpenBLAS picks its AVX-512 kernels. Measure on a
# quiet machine: only ratios taken in one sitting count.
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:-results/speed/$(date -u +%Y-%m-%d).jsonl}
reps=${REPS:-3}
peer=${PEER:-../shared/bench/torch_peer.py}
py() { env -u OPENBLAS_CORETYPE /usr/bin/python3 "$@"; }
# the peer's command for family $1, in cmd: torch_peer.py, but for the Transformer the same step
# on ssmlab's architecture (torch-transformer-bench.py: RoPE, GELU, 4 x d_model MLP, tied head)
peer_cmd() {
  if [ "$1" = transformer ]; then cmd=(experiments/torch-transformer-bench.py)
  else cmd=("$peer" bench --model "$1" --scan parallel); fi
}
# the --d-model and --layers of a configuration
sizes_of() { sed -E 's/.*(--d-model [0-9]+ --layers [0-9]+).*/\1/' <<< "$1"; }
tag() { jq -c --arg side "$1" --arg config "$2" --argjson rep "$3" \
  '{side: $side, config: $config, rep: $rep} + .'; }

small="--d-model 64 --layers 2 --batch 32 --length 64 --vocab 64 --threads 2"
large="--d-model 256 --layers 4 --batch 32 --length 256 --vocab 64 --threads 2"
ours_small=(--steps 30) ours_large=(--steps 5) peer_small=(--steps 10 --warmup 3)
peer_large=(--steps 3 --warmup 1) peer_families=(--steps 1 --warmup 1)
peer_families_large=(--steps 1 --warmup 0) slow_peers="hybrid deltanet"
# C = op(A) op(B), MxNxK: rows = batch x length (2,048 small, 8,192 large); a linear layer's
# forward (nt), its input gradient (nn) and weight gradient (tn), and one square product
shapes=2048x256x64:nt,2048x64x256:nn,256x64x2048:tn,2048x64x128:nt
shapes+=,8192x1024x256:nt,8192x256x1024:nn,1024x256x8192:tn,8192x256x512:nt,512x512x512:nn
read -ra families <<< "${FAMILIES-mamba lstm transformer}"
read -ra others <<< "${OTHERS-s4d rnn deltanet ids4 hybrid}"
if [ -n "${QUICK:-}" ]; then
  reps=1 large="" ours_small=(--steps 2) peer_small=(--steps 1 --warmup 1)
  peer_families=(--steps 1 --warmup 0) shapes=64x64x64:nt
fi

mkdir -p "$(dirname "$out")"
inits=$(mktemp -d)
trap 'rm -rf "$inits"' EXIT
for m in "${others[@]}"; do   # a random model of each size for the reference to load
  for config in small large; do
    [ "$config" = large ] && [ -z "$large" ] && continue
    sizes=$small; [ "$config" = large ] && sizes=$large
    ./ssmlab train --task s5 --model "$m" $(sizes_of "$sizes") --steps 1 --batch 2 \
      --train-lengths 4 --threads 1 --no-progress --out "$inits/$config/$m" >/dev/null
  done
done
jq -nc --arg flags "$(grep -m1 -o 'avx512[a-z_0-9]*' /proc/cpuinfo | sort -u | tr '\n' ' ')" \
  --arg cpu "$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ //')" \
  --arg load "$(cut -d' ' -f1-3 /proc/loadavg)" --arg date "$(date -u +%FT%TZ)" \
  --argjson cores "$(nproc)" --arg commit "$(git rev-parse --short HEAD)" \
  '{side: "machine", cpu: $cpu, cores: $cores, avx512: $flags, load: $load, date: $date,
    commit: $commit}' >> "$out"
for rep in $(seq "$reps"); do
  for m in "${families[@]}"; do
    ./ssmlab bench train --model "$m" $small "${ours_small[@]}" | tag ssmlab small "$rep" >> "$out"
    peer_cmd "$m"
    py "${cmd[@]}" $small "${peer_small[@]}" 2>/dev/null \
      | tag torch small "$rep" >> "$out"
  done
  for m in "${others[@]}"; do
    ./ssmlab bench train --model "$m" $small "${ours_small[@]}" | tag ssmlab small "$rep" >> "$out"
    py experiments/torch-families-bench.py --run "$inits/small/$m" $small "${peer_families[@]}" \
      | tag torch small "$rep" >> "$out"
  done
  if [ -n "$large" ]; then
    for m in "${families[@]}"; do
      ./ssmlab bench train --model "$m" $large "${ours_large[@]}" | tag ssmlab large "$rep" >> "$out"
      # the peer's Mamba takes minutes a step at this size: once, one step, bounded
      if [ "$m" != mamba ] || [ "$rep" = 1 ]; then
        steps=("${peer_large[@]}"); [ "$m" = mamba ] && steps=(--steps 1 --warmup 0)
        peer_cmd "$m"
        timeout 240 /usr/bin/env -u OPENBLAS_CORETYPE /usr/bin/python3 "${cmd[@]}" $large \
          "${steps[@]}" 2>/dev/null \
          | tag torch large "$rep" >> "$out" || echo "peer $m large: no result in 240 s" >&2
      fi
    done
    for m in "${others[@]}"; do
      ./ssmlab bench train --model "$m" $large "${ours_large[@]}" | tag ssmlab large "$rep" >> "$out"
      # the references loop over time in Python: one step a repetition, the slowest (minutes
      # a step) once
      if [[ " $slow_peers " != *" $m "* ]] || [ "$rep" = 1 ]; then
        timeout 600 /usr/bin/env -u OPENBLAS_CORETYPE /usr/bin/python3 \
          experiments/torch-families-bench.py --run "$inits/large/$m" $large \
          "${peer_families_large[@]}" | tag torch large "$rep" >> "$out" \
          || echo "peer $m large: no result in 600 s" >&2
      fi
    done
  fi
  if [ -z "${NO_GEMM:-}" ]; then
    ./ssmlab bench gemm --shapes "$shapes" --threads 2 | tag ssmlab gemm "$rep" >> "$out"
    py experiments/torch-gemm.py --shapes "$shapes" --threads 2 | tag torch gemm "$rep" >> "$out"
  fi
done
experiments/speed-table.sh "$out"
