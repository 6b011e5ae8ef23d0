"""torch.mm at the shapes `ssmlab bench gemm` takes, for a side-by-side (issue 14, item 6).

Run with Debian's python3 and python3-torch, OPENBLAS_CORETYPE unset:
    env -u OPENBLAS_CORETYPE /usr/bin/python3 experiments/torch-gemm.py \
        --shapes 2048x256x64:nt,512x512x512 --threads 2
Prints one JSON line per shape, the keys of `ssmlab bench gemm` (median of --reps products after
--warmup-ms of untimed ones), plus the BLAS PyTorch was built against.
"""
import argparse
import json
import time

import torch


def operand(rows, cols, transposed):
    x = torch.rand(cols, rows) - 0.5 if transposed else torch.rand(rows, cols) - 0.5
    return x.t() if transposed else x


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument('--shapes', required=True)
    ap.add_argument('--threads', type=int, default=2)
    ap.add_argument('--reps', type=int, default=21)
    ap.add_argument('--warmup-ms', type=int, default=2000)
    args = ap.parse_args()
    torch.set_num_threads(args.threads)
    with open('/proc/self/maps') as maps:
        blas = 'openblas' if 'openblas' in maps.read() else 'other (no fair peer)'
    for spec in args.shapes.split(','):
        dims, _, op = spec.strip().lower().partition(':')
        op = op or 'nn'
        m, n, k = (int(d) for d in dims.split('x'))
        a = operand(m, k, op[0] == 't')
        b = operand(k, n, op[1] == 't')
        c = torch.empty(m, n)
        end = time.perf_counter() + args.warmup_ms / 1000
        while time.perf_counter() < end:
            torch.mm(a, b, out=c)
        times = []
        for _ in range(args.reps):
            t0 = time.perf_counter()
            torch.mm(a, b, out=c)
            times.append(time.perf_counter() - t0)
        median = sorted(times)[len(times) // 2]
        print(json.dumps({'m': m, 'n': n, 'k': k, 'op': op, 'threads': args.threads,
                          'median_ms': median * 1e3, 'gflop_per_s': 2.0 * m * n * k / median / 1e9,
                          'peer': 'pytorch-' + torch.__version__, 'blas': blas}))


if __name__ == '__main__':
    main()
