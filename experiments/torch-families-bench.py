"""Training steps of the plain PyTorch ids4 and deltanet (issue 14, item 4): the references the
tests check the Java families against (src/test/python/families_ref.py: the recurrences written
from the papers, a loop over time), run in float32 with autograd and AdamW.

    ./ssmlab train --task s5 --model deltanet --d-model 64 --layers 2 --steps 1 --batch 2 \
        --train-lengths 4 --out /tmp/deltanet-init
    env -u OPENBLAS_CORETYPE /usr/bin/python3 experiments/torch-families-bench.py \
        --run /tmp/deltanet-init --batch 32 --length 64 --threads 2
Prints one JSON line with the keys of torch_peer.py bench (tokens_per_s, seconds, ...).
"""
import argparse
import json
import os
import sys

import torch
import torch.nn.functional as F

sys.path.insert(0, os.path.join(os.path.dirname(__file__), '..', 'src', 'test', 'python'))
import families_ref as ref  # noqa: E402
from torchsteps import timed  # noqa: E402


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument('--run', required=True, help='an ssmlab run folder of family ids4 or deltanet')
    ap.add_argument('--batch', type=int, default=32)
    ap.add_argument('--length', type=int, default=64)
    ap.add_argument('--steps', type=int, default=5)
    ap.add_argument('--warmup', type=int, default=2)
    ap.add_argument('--threads', type=int, default=2)
    ap.add_argument('--vocab', type=int, help="a fresh random embedding of this many rows in "
                    "place of the run's (the head is tied to it), to match bench train --vocab")
    args = ap.parse_args()
    torch.set_num_threads(args.threads)
    torch.manual_seed(1)
    with open(os.path.join(args.run, 'config.json')) as f:
        cfg = json.load(f)
    if cfg['family'] not in ('ids4', 'deltanet'):
        sys.exit('torch-families-bench: family %s is not ids4 or deltanet' % cfg['family'])
    params = {n: t.float().requires_grad_(True)
              for n, t in ref.read_safetensors(os.path.join(args.run, 'model.safetensors')).items()}
    vocab = cfg['vocab_size']
    if args.vocab:
        vocab = args.vocab
        emb = params['backbone.embedding.weight']
        params['backbone.embedding.weight'] = (torch.randn(vocab, emb.shape[1]) * 0.02) \
            .requires_grad_(True)
    case = {'family': cfg['family'], 'layers': cfg['n_layer'], 'options': cfg['options'],
            'batch': args.batch, 'len': args.length}
    opt = torch.optim.AdamW(params.values(), lr=1e-3, betas=(0.9, 0.95), weight_decay=0.1)

    def step():
        tokens = torch.randint(vocab, (args.batch * args.length,))
        targets = torch.randint(vocab, (args.batch * args.length,))
        logits = ref.forward(params, dict(case, tokens=tokens.tolist()))
        loss = F.cross_entropy(logits.reshape(-1, vocab), targets)
        opt.zero_grad()
        loss.backward()
        torch.nn.utils.clip_grad_norm_(params.values(), 1.0)
        opt.step()

    dt = timed(step, args.warmup, args.steps)
    print(json.dumps({'peer': 'pytorch-' + torch.__version__ + ' (families_ref.py)',
                      'model': cfg['family'], 'd_model': cfg['d_model'], 'layers': cfg['n_layer'],
                      'batch': args.batch, 'length': args.length, 'threads': args.threads,
                      'steps': args.steps, 'seconds': round(dt, 4),
                      'tokens_per_s': round(args.batch * args.length * args.steps / dt, 1)}))


if __name__ == '__main__':
    main()
