#!/usr/bin/env bash
# The medians and ratios of a speed-vs-torch.sh file: training steps (tokens/s, GFLOP/s by the 6N
# count) and matrix products (GFLOP/s), ssmlab beside the PyTorch peer.
#   experiments/speed-table.sh results/speed/2026-12-03.jsonl
set -euo pipefail
jq -rs '
  def median: sort | if length == 0 then null else .[(length - 1) / 2 | floor] end;
  def r(x): if x == null then "-" else (x * 10 | round / 10 | tostring) end;
  (map(select(.side == "machine")) | .[0] |
    "machine: \(.cpu), \(.cores) cores, \(.avx512); load at start \(.load); \(.date)"),
  "",
  "| config | model | ssmlab tokens/s | peer tokens/s | ratio | ssmlab GFLOP/s | peer matmul_gflops |",
  "|---|---|---|---|---|---|---|",
  (map(select(.config == "small" or .config == "large")) | group_by([.config, .model])[] |
    (map(select(.side == "ssmlab") | .tokens_per_s) | median) as $ours |
    (map(select(.side == "torch") | .tokens_per_s) | median) as $peer |
    "| \(.[0].config) | \(.[0].model) | \(r($ours)) | \(r($peer)) | " +
    (if $peer == null then "-" else r($ours / $peer) + "x" end) + " | " +
    r(map(select(.side == "ssmlab") | .gflop_per_s) | median) + " | " +
    r(map(select(.side == "torch") | .matmul_gflops) | median) + " |"),
  "",
  "| shape (MxNxK:op) | ssmlab GFLOP/s | torch.mm GFLOP/s | ssmlab / torch |",
  "|---|---|---|---|",
  (map(select(.config == "gemm")) | group_by([.m, .n, .k, .op])[] |
    (map(select(.side == "ssmlab") | .gflop_per_s) | median) as $ours |
    (map(select(.side == "torch") | .gflop_per_s) | median) as $peer |
    "| \(.[0].m)x\(.[0].n)x\(.[0].k):\(.[0].op) | \(r($ours)) | \(r($peer)) | " +
    (if $peer == null then "-" else (($ours / $peer * 100) | round | tostring) + "%" end) + " |")
' "$1"
