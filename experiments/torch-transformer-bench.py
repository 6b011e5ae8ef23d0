"""The PyTorch peer's Transformer training step with ssmlab's architecture (issue 14).

torch_peer.py's Transformer differs from ssmlab's `transformer` family in ways that change the
work a step does: a 4,096-row learned position table (AdamW updates all of it every step), ReLU,
a separate head with a bias and no final norm. This runs the same step (forward, cross-entropy,
backward, AdamW; plus ssmlab's gradient clipping at norm 1) on the model ssmlab builds:

  h = embedding(tokens)                                  N(0, 0.02^2), no position table
  per layer:  h = h + out(attn(LN1(h)))                  pre-norm, qkv and out with biases,
              h = h + fc2(gelu_tanh(fc1(LN2(h))))        MLP width 4 x d_model
  logits = LN_f(h) . E^T                                 head tied to the embedding

with rotary positions on the queries and keys (GPT-NeoX half layout, base 10000) and a causal
softmax(Q K^T / sqrt(head_dim)) V per head, as in ssmlab's CausalSelfAttention. `--attention
torch` uses nn.TransformerEncoderLayer (nn.MultiheadAttention, GELU, norm_first) with fixed
sinusoidal positions instead, the nearest that layer allows.

    env -u OPENBLAS_CORETYPE /usr/bin/python3 experiments/torch-transformer-bench.py \
        --d-model 256 --layers 4 --batch 32 --length 256 --vocab 64 --threads 2 --steps 3
Prints one JSON line with the keys of torch_peer.py bench (tokens_per_s, matmul_gflops, ...).
"""
import argparse
import json
import math
import os
import sys

import torch
import torch.nn as nn
import torch.nn.functional as F

sys.path.insert(0, os.path.join(os.path.dirname(__file__), '..', '..', 'shared', 'bench'))
from torch_peer import matmul_gflops  # noqa: E402
from torchsteps import timed  # noqa: E402


def rotary_tables(length, head_dim):
    half = head_dim // 2
    inv = torch.tensor([10000.0 ** (-2.0 * i / head_dim) for i in range(half)],
                       dtype=torch.float64)
    angle = torch.arange(length, dtype=torch.float64)[:, None] * inv[None, :]
    return torch.cos(angle).float(), torch.sin(angle).float()


def rotate(x, cos, sin):
    """(batch, heads, length, head_dim) rotated pairwise: (x_i, x_{i+half}) by angle t * theta_i."""
    half = x.shape[-1] // 2
    a, b = x[..., :half], x[..., half:]
    return torch.cat([a * cos - b * sin, a * sin + b * cos], dim=-1)


class RotaryAttention(nn.Module):
    def __init__(self, d_model, heads):
        super().__init__()
        self.heads = heads
        self.qkv = nn.Linear(d_model, 3 * d_model)
        self.out = nn.Linear(d_model, d_model)

    def forward(self, x, mask, cos, sin):
        batch, length, d = x.shape
        hd = d // self.heads
        q, k, v = self.qkv(x).view(batch, length, 3, self.heads, hd).permute(2, 0, 3, 1, 4)
        q, k = rotate(q, cos, sin), rotate(k, cos, sin)
        scores = q @ k.transpose(-1, -2) / math.sqrt(hd) + mask
        context = torch.softmax(scores, dim=-1) @ v
        return self.out(context.transpose(1, 2).reshape(batch, length, d))


class Block(nn.Module):
    def __init__(self, d_model, heads):
        super().__init__()
        self.norm1 = nn.LayerNorm(d_model)
        self.attn = RotaryAttention(d_model, heads)
        self.norm2 = nn.LayerNorm(d_model)
        self.fc1 = nn.Linear(d_model, 4 * d_model)
        self.fc2 = nn.Linear(4 * d_model, d_model)

    def forward(self, h, mask, cos, sin):
        h = h + self.attn(self.norm1(h), mask, cos, sin)
        return h + self.fc2(F.gelu(self.fc1(self.norm2(h)), approximate='tanh'))


class MatchedTransformerLM(nn.Module):
    """ssmlab's transformer family in PyTorch; attention 'rope' (its default) or 'torch'."""

    def __init__(self, vocab, d_model, layers, heads, attention):
        super().__init__()
        self.attention = attention
        self.heads = heads
        self.embedding = nn.Embedding(vocab, d_model)
        nn.init.normal_(self.embedding.weight, std=0.02)
        if attention == 'rope':
            self.layers = nn.ModuleList(Block(d_model, heads) for _ in range(layers))
        else:
            layer = nn.TransformerEncoderLayer(d_model, heads, 4 * d_model, dropout=0.0,
                                               activation='gelu', batch_first=True,
                                               norm_first=True)
            self.encoder = nn.TransformerEncoder(layer, layers)
        self.norm_f = nn.LayerNorm(d_model)

    def forward(self, tokens):
        length, d = tokens.shape[1], self.embedding.weight.shape[1]
        h = self.embedding(tokens)
        mask = torch.triu(torch.full((length, length), float('-inf')), diagonal=1)
        if self.attention == 'rope':
            cos, sin = rotary_tables(length, d // self.heads)
            for block in self.layers:
                h = block(h, mask, cos, sin)
        else:
            h = self.encoder(h + sinusoidal(length, d), mask=mask)
        return self.norm_f(h) @ self.embedding.weight.t()


def sinusoidal(length, d):
    pos = torch.arange(length, dtype=torch.float64)[:, None]
    freq = torch.exp(torch.arange(0, d, 2, dtype=torch.float64) * (-math.log(10000.0) / d))
    table = torch.zeros(length, d, dtype=torch.float64)
    table[:, 0::2], table[:, 1::2] = torch.sin(pos * freq), torch.cos(pos * freq)
    return table.float()


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument('--attention', default='rope', choices=['rope', 'torch'])
    ap.add_argument('--vocab', type=int, default=64)
    ap.add_argument('--d-model', type=int, default=64)
    ap.add_argument('--layers', type=int, default=2)
    ap.add_argument('--heads', type=int, default=4)
    ap.add_argument('--batch', type=int, default=32)
    ap.add_argument('--length', type=int, default=64)
    ap.add_argument('--steps', type=int, default=10)
    ap.add_argument('--warmup', type=int, default=2)
    ap.add_argument('--threads', type=int, default=2)
    ap.add_argument('--seed', type=int, default=0)
    args = ap.parse_args()
    torch.set_num_threads(args.threads)
    mm = matmul_gflops()
    torch.manual_seed(args.seed)
    model = MatchedTransformerLM(args.vocab, args.d_model, args.layers, args.heads,
                                 args.attention)
    decayed = [p for p in model.parameters() if p.dim() >= 2]
    plain = [p for p in model.parameters() if p.dim() < 2]
    opt = torch.optim.AdamW([{'params': decayed, 'weight_decay': 0.1},
                             {'params': plain, 'weight_decay': 0.0}], lr=1e-3, betas=(0.9, 0.95))
    tokens = torch.randint(0, args.vocab, (args.batch, args.length))
    targets = torch.randint(0, args.vocab, (args.batch, args.length))

    def step():
        opt.zero_grad()
        loss = F.cross_entropy(model(tokens).reshape(-1, args.vocab), targets.reshape(-1))
        loss.backward()
        torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
        opt.step()

    dt = timed(step, args.warmup, args.steps)
    print(json.dumps({'peer': 'pytorch-%s (matched, %s)' % (torch.__version__, args.attention),
                      'model': 'transformer', 'scan': None, 'd_model': args.d_model,
                      'layers': args.layers, 'batch': args.batch, 'length': args.length,
                      'threads': args.threads,
                      'params': sum(p.numel() for p in model.parameters()),
                      'steps': args.steps, 'seconds': round(dt, 4),
                      'matmul_gflops': round(mm, 1),
                      'tokens_per_s': round(args.steps * args.batch * args.length / dt, 1)}))


if __name__ == '__main__':
    main()
