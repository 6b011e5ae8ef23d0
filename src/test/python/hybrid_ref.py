#!/usr/bin/python3
"""PyTorch reference of ssmlab's hybrid family (Mamba and attention blocks, RMSNorm pre-norm
residual stack, head tied to the embedding), in float64 for the tests (the code follows the
parameters' dtype: experiments/torch-families-bench.py times it in float32), written from the
papers:
Mamba-1's mixer (Gu and Dao 2023, the slow path of mamba_simple.py) with a sequential selective
scan, and causal self-attention with no positions, RoPE (GPT-NeoX half layout) or ALiBi
(Press et al. 2022).

Usage: hybrid_ref.py CASE_DIR...  Each CASE_DIR holds case.json (sizes, options, tokens,
targets) and model.safetensors (the Java model's parameters by name). Prints one JSON line per
case: the logits, the mean cross-entropy of the targets, and every parameter's gradient norm.
"""

import json
import math
import struct
import sys

import torch
import torch.nn.functional as F


def read_safetensors(path, dtype=torch.float64):
    """The F32 tensors of a safetensors file, as leaves of `dtype` that collect gradients."""
    with open(path, "rb") as f:
        n = struct.unpack("<Q", f.read(8))[0]
        header = json.loads(f.read(n))
        data = f.read()
    out = {}
    for name, info in header.items():
        if name == "__metadata__":
            continue
        assert info["dtype"] == "F32", name
        a, b = info["data_offsets"]
        t = torch.frombuffer(bytearray(data[a:b]), dtype=torch.float32).reshape(info["shape"])
        out[name] = t.to(dtype).requires_grad_()
    return out


def rms_norm(x, w, eps):
    return x * torch.rsqrt(x.pow(2).mean(-1, keepdim=True) + eps) * w


def selective_scan(u, delta, A, B, C, D, signed, zoh):
    """h_t = dA_t * h_{t-1} + f_t * B_t * u_t,  y_t = <C_t, h_t> + D * u_t, one step at a time.

    dA = exp(delta A) (or 2 exp(delta A) - 1 for eigenvalues in (-1, 1)); f = delta (Euler, as
    the reference code) or expm1(delta A) / A (exact ZOH). u, delta: (b, L, c); A: (c, n);
    B, C: (b, L, n).
    """
    b, L, c = u.shape
    h = torch.zeros(b, c, A.shape[1], dtype=u.dtype)
    ys = []
    for t in range(L):
        dA = torch.exp(delta[:, t, :, None] * A)
        if signed:
            dA = 2 * dA - 1
        f = torch.expm1(delta[:, t, :, None] * A) / A if zoh else delta[:, t, :, None]
        h = dA * h + f * B[:, t, None, :] * u[:, t, :, None]
        ys.append((h * C[:, t, None, :]).sum(-1) + D * u[:, t])
    return torch.stack(ys, dim=1)


def mamba(x, p, pre, cfg):
    b, L, _ = x.shape
    d_inner = cfg["expand"] * cfg["d_model"]
    n, r = cfg["d_state"], cfg["dt_rank"]
    xz = x @ p[pre + "in_proj.weight"].T
    xs, z = xz[..., :d_inner], xz[..., d_inner:]
    w = p[pre + "conv1d.weight"]
    k = w.shape[-1]
    conv = F.conv1d(xs.transpose(1, 2), w, p.get(pre + "conv1d.bias"), padding=k - 1,
                    groups=d_inner)[..., :L]
    u = F.silu(conv.transpose(1, 2))
    dbc = u @ p[pre + "x_proj.weight"].T
    dt, Bm, Cm = dbc[..., :r], dbc[..., r:r + n], dbc[..., r + n:]
    delta = F.softplus(dt @ p[pre + "dt_proj.weight"].T + p[pre + "dt_proj.bias"])
    A = -torch.exp(p[pre + "A_log"])
    y = selective_scan(u, delta, A, Bm, Cm, p[pre + "D"], cfg["eigenvalues"] == "-1,1",
                       cfg["discretization"] == "zoh")
    return (y * F.silu(z)) @ p[pre + "out_proj.weight"].T


def alibi_slopes(heads, dtype):
    """2^(-8h/H) for H a power of two; else the 2^floor(log2 H) slopes, then odd ones of 2x."""
    pow2 = 1 << (heads.bit_length() - 1)
    m = [2 ** (-8 * h / pow2) for h in range(1, pow2 + 1)]
    m += [2 ** (-8 * (2 * k - 1) / (2 * pow2)) for k in range(1, heads - pow2 + 1)]
    return torch.tensor(m, dtype=dtype)


def rotate(v):
    """RoPE, half layout: the pair (v_i, v_{i+hd/2}) turns by t * 10000^(-2i/hd)."""
    L, hd = v.shape[-2], v.shape[-1]
    half = hd // 2
    theta = 10000.0 ** (-2.0 * torch.arange(half, dtype=torch.float64) / hd)
    ang = (torch.arange(L, dtype=torch.float64)[:, None] * theta).to(v.dtype)
    cos, sin = torch.cos(ang), torch.sin(ang)
    a, b = v[..., :half], v[..., half:]
    return torch.cat([a * cos - b * sin, a * sin + b * cos], dim=-1)


def attention(x, p, pre, cfg):
    b, L, d = x.shape
    H = cfg["heads"]
    hd = d // H
    qkv = x @ p[pre + "qkv.weight"].T + p[pre + "qkv.bias"]
    q, k, v = (qkv[..., i * d:(i + 1) * d].reshape(b, L, H, hd).transpose(1, 2)
               for i in range(3))
    if cfg["pos"] == "rope":
        q, k = rotate(q), rotate(k)
    s = q @ k.transpose(-1, -2) / math.sqrt(hd)
    i = torch.arange(L)
    if cfg["pos"] == "alibi":
        s = s - alibi_slopes(H, s.dtype)[:, None, None] * (i[:, None] - i[None, :]).to(s.dtype)
    s = s.masked_fill(i[None, :] > i[:, None], float("-inf"))
    ctx = (torch.softmax(s, dim=-1) @ v).transpose(1, 2).reshape(b, L, d)
    return ctx @ p[pre + "out.weight"].T + p[pre + "out.bias"]


def forward(p, cfg, tokens):
    emb = p["backbone.embedding.weight"]
    h = emb[tokens]
    for layer, kind in enumerate(cfg["pattern"]):
        pre = "backbone.layers.%d." % layer
        x = rms_norm(h, p[pre + "norm.weight"], cfg["eps"])
        mixer = mamba if kind == "M" else attention
        h = h + mixer(x, p, pre + "mixer.", cfg)
    return rms_norm(h, p["backbone.norm_f.weight"], cfg["eps"]) @ emb.T


def run(case_dir):
    with open(case_dir + "/case.json") as f:
        cfg = json.load(f)
    p = read_safetensors(case_dir + "/model.safetensors")
    b, L = cfg["batch"], cfg["length"]
    tokens = torch.tensor(cfg["tokens"]).reshape(b, L)
    logits = forward(p, cfg, tokens)
    loss = F.cross_entropy(logits.reshape(b * L, -1), torch.tensor(cfg["targets"]))
    loss.backward()
    return {"case": case_dir, "logits": logits.detach().reshape(-1).tolist(),
            "loss": loss.item(),
            "grad_norms": {name: t.grad.norm().item() for name, t in p.items()}}


if __name__ == "__main__":
    for d in sys.argv[1:]:
        print(json.dumps(run(d)))
