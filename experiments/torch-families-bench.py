"""Training steps of the plain PyTorch ids4, deltanet, s4d, rnn and hybrid (issue 14): the
references the tests check the Java families against (src/test/python/families_ref.py and
hybrid_ref.py: the recurrences written from the papers, a loop over time; S4D's kernel and a
causal convolution over the whole length, as ssmlab trains it), run in float32 with autograd and
AdamW. The rnn runs as nn.RNN (PyTorch's own cell loop, as torch_peer.py's lstm), after a check
that it gives the reference's logits.

    ./ssmlab train --task s5 --model deltanet --d-model 64 --layers 2 --steps 1 --batch 2 \
        --train-lengths 4 --out /tmp/deltanet-init      (or --model ids4, s4d, rnn, hybrid)
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
import hybrid_ref  # noqa: E402
from torchsteps import timed  # noqa: E402


FAMILIES = 'ids4, deltanet, s4d, rnn, hybrid'


def resize_vocab(params, vocab):
    """Fresh random vocabulary-sized tensors: the embedding (and the head tied to it), or for rnn
    the embedding and its untied head with bias."""
    for name in ('backbone.embedding.weight', 'embedding.weight', 'head.weight'):
        if name in params:
            width = params[name].shape[1]
            params[name] = (torch.randn(vocab, width) * 0.02).requires_grad_(True)
    if 'head.bias' in params:
        params['head.bias'] = torch.zeros(vocab, requires_grad=True)


def rnn_module(params, layers):
    """nn.RNN holding the rnn family's stacked cells (layers.i.weight_ih -> weight_ih_li, ...);
    the layers' entries leave params."""
    hidden, d = params['layers.0.weight_ih'].shape
    module = torch.nn.RNN(d, hidden, layers, batch_first=True)
    with torch.no_grad():
        for i in range(layers):
            for w in ('weight_ih', 'weight_hh', 'bias_ih', 'bias_hh'):
                getattr(module, '%s_l%d' % (w, i)).copy_(params.pop('layers.%d.%s' % (i, w)))
    return module


def rnn_forward(params, cfg, batch, length):
    """forward(params, tokens) of the rnn family through nn.RNN, checked against families_ref's
    rnn on a few tokens; adds the module's parameters to params."""
    case = {'family': 'rnn', 'layers': cfg['n_layer'], 'options': cfg['options']}
    tokens = torch.randint(params['head.bias'].shape[0], (2, 8))
    want = ref.forward(params, dict(case, batch=2, len=8, tokens=tokens.reshape(-1).tolist()))
    module = rnn_module(params, cfg['n_layer'])
    params.update(('rnn.' + n, t) for n, t in module.named_parameters())

    def logits(p, tokens):
        return module(p['embedding.weight'][tokens])[0] @ p['head.weight'].T + p['head.bias']
    err = (logits(params, tokens) - want).abs().max().item()
    if err > 1e-4 * want.abs().max().item():
        sys.exit('torch-families-bench: nn.RNN differs from families_ref.rnn by %g' % err)
    return lambda p, tokens: logits(p, tokens.view(batch, length))


def family_forward(cfg, params, batch, length):
    """forward(params, tokens) -> logits (batch, length, vocab) of the run's family."""
    opts = cfg['options']
    if cfg['family'] == 'rnn':
        return rnn_forward(params, cfg, batch, length)
    if cfg['family'] == 'hybrid':
        letters = opts['pattern']
        hcfg = dict(opts, d_model=cfg['d_model'], eps=1e-5,
                    pattern=letters * (cfg['n_layer'] // len(letters)),
                    **{k: int(opts[k]) for k in ('d_state', 'expand', 'dt_rank', 'heads')})
        return lambda p, tokens: hybrid_ref.forward(p, hcfg, tokens.view(batch, length))
    case = {'family': cfg['family'], 'layers': cfg['n_layer'], 'options': opts,
            'batch': batch, 'len': length}
    return lambda p, tokens: ref.forward(p, dict(case, tokens=tokens.tolist()))


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument('--run', required=True, help='an ssmlab run folder of family ' + FAMILIES)
    ap.add_argument('--d-model', type=int, help="checked against the run's (the run sets it)")
    ap.add_argument('--layers', type=int, help="checked against the run's (the run sets it)")
    ap.add_argument('--batch', type=int, default=32)
    ap.add_argument('--length', type=int, default=64)
    ap.add_argument('--steps', type=int, default=5)
    ap.add_argument('--warmup', type=int, default=2)
    ap.add_argument('--threads', type=int, default=2)
    ap.add_argument('--vocab', type=int, help="a fresh random embedding (and rnn's head) of this "
                    "many rows in place of the run's, to match bench train --vocab")
    args = ap.parse_args()
    torch.set_num_threads(args.threads)
    torch.manual_seed(1)
    with open(os.path.join(args.run, 'config.json')) as f:
        cfg = json.load(f)
    if cfg['family'] not in FAMILIES.split(', '):
        sys.exit('torch-families-bench: family %s is not one of %s' % (cfg['family'], FAMILIES))
    for flag, key in (('d_model', 'd_model'), ('layers', 'n_layer')):
        if getattr(args, flag) not in (None, cfg[key]):
            sys.exit('torch-families-bench: --%s %d, but the run has %d'
                     % (flag.replace('_', '-'), getattr(args, flag), cfg[key]))
    params = {n: t.float().requires_grad_(True)
              for n, t in ref.read_safetensors(os.path.join(args.run, 'model.safetensors')).items()}
    vocab = cfg['vocab_size']
    if args.vocab:
        vocab = args.vocab
        resize_vocab(params, vocab)
    forward = family_forward(cfg, params, args.batch, args.length)
    opt = torch.optim.AdamW(params.values(), lr=1e-3, betas=(0.9, 0.95), weight_decay=0.1)

    def step():
        tokens = torch.randint(vocab, (args.batch * args.length,))
        targets = torch.randint(vocab, (args.batch * args.length,))
        logits = forward(params, tokens)
        loss = F.cross_entropy(logits.reshape(-1, vocab), targets)
        opt.zero_grad()
        loss.backward()
        torch.nn.utils.clip_grad_norm_(params.values(), 1.0)
        opt.step()

    dt = timed(step, args.warmup, args.steps)
    source = {'hybrid': 'hybrid_ref.py', 'rnn': 'nn.RNN'}.get(cfg['family'], 'families_ref.py')
    print(json.dumps({'peer': 'pytorch-%s (%s)' % (torch.__version__, source),
                      'model': cfg['family'], 'd_model': cfg['d_model'], 'layers': cfg['n_layer'],
                      'batch': args.batch, 'length': args.length, 'threads': args.threads,
                      'steps': args.steps, 'seconds': round(dt, 4),
                      'tokens_per_s': round(args.batch * args.length * args.steps / dt, 1)}))


if __name__ == '__main__':
    main()
