#!/usr/bin/env python3
"""PyTorch references of the ids4, deltanet, s4d and rnn families, written from the papers'
equations (the paper form of each recurrence, not the Java kernels' layouts), in float64 for the
tests; they follow the parameters' dtype, so experiments/torch-families-bench.py times them in
float32.

Usage: families_ref.py MODEL.safetensors CASE.json
  MODEL.safetensors  the Java model's parameters, by their Java names (float32)
  CASE.json          {"family", "layers", "options": {...}, "batch", "len",
                      "tokens": [...], "targets": [...]}  (tokens and targets row-major)
Prints one JSON line: {"logits": [...] (row-major), "loss": mean cross-entropy,
                       "grad_norms": {parameter name: L2 norm of dloss/dparameter}}.
"""
import json, math, struct, sys

import torch
import torch.nn.functional as F


def read_safetensors(path):
    with open(path, 'rb') as f:
        blob = f.read()
    n = struct.unpack('<Q', blob[:8])[0]
    header = json.loads(blob[8:8 + n])
    out = {}
    for name, e in header.items():
        if name == '__metadata__':
            continue
        assert e['dtype'] == 'F32', e
        b, end = e['data_offsets']
        raw = bytearray(blob[8 + n + b:8 + n + end])
        out[name] = torch.frombuffer(raw, dtype=torch.float32).reshape(e['shape']).double()
    return out


def rms_norm(x, w, eps=1e-5):
    return x * torch.rsqrt(x.pow(2).mean(-1, keepdim=True) + eps) * w


def inf_normalize(A):
    """A / max(1, ||A||_inf) per matrix, ||A||_inf = max_i sum_j |A_ij|, by autograd: abs has
    derivative sign (0 at 0), max(dim) sends the gradient to the first maximal row, and where
    selects the scale only above 1 (at exactly 1 the matrix is kept, with no gradient through
    the norm)."""
    norm = A.abs().sum(-1).max(-1).values
    s = torch.where(norm > 1, norm, torch.ones_like(norm))
    return A / s[..., None, None]


def ids4(p, pre, x, transition_norm):
    """Merrill et al.: h_t = A(x_t) h_{t-1} + B x_t with A(x_t) = A_0 + reshape(W_A x_t),
    divided by max(1, ||A(x_t)||_inf) when transition_norm is 'inf';
    y = C h + D x, then the S4 block's GELU, out_proj and GLU."""
    B, L, d = x.shape
    n = p[pre + '.B_proj.weight'].shape[0]
    # the projection's output j*N + i is A[i][j]: reshape gives A^T
    A = (x @ p[pre + '.A_proj.weight'].T + p[pre + '.A_proj.bias']).view(B, L, n, n)
    A = A.transpose(-1, -2)
    if transition_norm == 'inf':
        A = inf_normalize(A)
    else:
        assert transition_norm == 'none', transition_norm
    u = x @ p[pre + '.B_proj.weight'].T
    h = x.new_zeros(B, n)
    hs = []
    for t in range(L):
        h = (A[:, t] @ h.unsqueeze(-1)).squeeze(-1) + u[:, t]
        hs.append(h)
    y = torch.stack(hs, 1) @ p[pre + '.C_proj.weight'].T + p[pre + '.D'] * x
    y = F.gelu(y, approximate='tanh')
    y = y @ p[pre + '.out_proj.weight'].T + p[pre + '.out_proj.bias']
    return F.glu(y, dim=-1)


def short_conv(x, w):
    """Causal depthwise convolution over time, no bias, then SiLU; x (B, L, C), w (C, 1, K)."""
    L, C, K = x.shape[1], x.shape[2], w.shape[-1]
    y = F.conv1d(x.transpose(1, 2), w, padding=K - 1, groups=C)[..., :L]
    return F.silu(y.transpose(1, 2))


def l2(x):
    return x / torch.sqrt((x * x).sum(-1, keepdim=True) + 1e-6)


def deltanet(p, pre, x, heads, signed, steps):
    """Yang et al.: S_t = S_{t-1}(I - b k k^T) + b v k^T, o_t = S_t q_t / sqrt(dk); DeltaProduct
    (Siems et al.) applies `steps` such factors per token."""
    B, L, d = x.shape
    dk = d // heads
    q = l2(short_conv(x @ p[pre + '.q_proj.weight'].T, p[pre + '.q_conv1d.weight'])
           .view(B, L, heads, dk))
    k = l2(short_conv(x @ p[pre + '.k_proj.weight'].T, p[pre + '.k_conv1d.weight'])
           .view(B, L, steps, heads, dk))
    v = short_conv(x @ p[pre + '.v_proj.weight'].T, p[pre + '.v_conv1d.weight'])
    v = v.view(B, L, steps, heads, dk)
    beta = torch.sigmoid(x @ p[pre + '.b_proj.weight'].T).view(B, L, steps, heads)
    if signed:
        beta = 2 * beta
    eye = torch.eye(dk, dtype=x.dtype)
    S = x.new_zeros(B, heads, dk, dk)  # (value, key)
    outs = []
    for t in range(L):
        for j in range(steps):
            kk = k[:, t, j].unsqueeze(-1)          # (B, H, dk, 1)
            vv = v[:, t, j].unsqueeze(-1)
            b = beta[:, t, j, :, None, None]
            S = S @ (eye - b * kk @ kk.transpose(-1, -2)) + b * vv @ kk.transpose(-1, -2)
        outs.append((S @ q[:, t].unsqueeze(-1)).squeeze(-1) / math.sqrt(dk))
    o = rms_norm(torch.stack(outs, 1), p[pre + '.o_norm.weight'])
    return o.reshape(B, L, d) @ p[pre + '.o_proj.weight'].T


def s4d(p, pre, x):
    """Gu et al. 2022 (S4D), ZOH (Definition A.4): Abar = exp(dt A), Bbar = (Abar - 1) / A * B with
    A = -exp(A_log), dt = exp(log_dt); kernel K[h, k] = sum_n C Bbar Abar^k (A.7) and
    y = K * u + D u, a causal convolution over the whole length (A.8); then GELU, out_proj, GLU."""
    B, L, H = x.shape
    dt = torch.exp(p[pre + '.log_dt'])[:, None]
    A = -torch.exp(p[pre + '.A_log'])
    Bbar = torch.expm1(dt * A) / A * p[pre + '.B']
    k = torch.arange(L, dtype=x.dtype)
    K = ((p[pre + '.C'] * Bbar)[:, :, None] * torch.exp(dt[:, :, None] * A[:, :, None] * k)).sum(1)
    # conv1d correlates: y[t] = sum_j w[j] u[t - (L-1) + j], so w is K flipped
    y = F.conv1d(x.transpose(1, 2), K.flip(-1)[:, None, :], padding=L - 1, groups=H)[..., :L]
    y = y.transpose(1, 2) + p[pre + '.D'] * x
    y = F.gelu(y, approximate='tanh')
    y = y @ p[pre + '.out_proj.weight'].T + p[pre + '.out_proj.bias']
    return F.glu(y, dim=-1)


def rnn(p, case, tokens):
    """PyTorch's nn.RNN (tanh), stacked: h_t = tanh(W_ih x_t + b_ih + W_hh h_{t-1} + b_hh), zero
    initial state; embedding, the stack, then an untied linear head with bias (no norms)."""
    r = p['embedding.weight'][tokens]
    for i in range(case['layers']):
        pre = 'layers.%d' % i
        z = r @ p[pre + '.weight_ih'].T + p[pre + '.bias_ih'] + p[pre + '.bias_hh']
        h = r.new_zeros(r.shape[0], p[pre + '.weight_hh'].shape[0])
        hs = []
        for t in range(r.shape[1]):
            h = torch.tanh(z[:, t] + h @ p[pre + '.weight_hh'].T)
            hs.append(h)
        r = torch.stack(hs, 1)
    return r @ p['head.weight'].T + p['head.bias']


def forward(p, case):
    opts = case['options']
    tokens = torch.tensor(case['tokens']).view(case['batch'], case['len'])
    if case['family'] == 'rnn':
        return rnn(p, case, tokens)
    emb = p['backbone.embedding.weight']
    r = emb[tokens]
    for i in range(case['layers']):
        pre = 'backbone.layers.%d' % i
        x = rms_norm(r, p[pre + '.norm.weight'])
        if case['family'] == 'ids4':
            r = r + ids4(p, pre + '.mixer', x, opts['transition_norm'])
        elif case['family'] == 's4d':
            r = r + s4d(p, pre + '.mixer', x)
        else:
            r = r + deltanet(p, pre + '.mixer', x, int(opts['heads']),
                             opts['eigenvalues'] == '-1,1', int(opts['householder']))
    return rms_norm(r, p['backbone.norm_f.weight']) @ emb.T


def main():
    p = read_safetensors(sys.argv[1])
    with open(sys.argv[2]) as f:
        case = json.load(f)
    for t in p.values():
        t.requires_grad_(True)
    logits = forward(p, case)
    loss = F.cross_entropy(logits.reshape(-1, logits.shape[-1]), torch.tensor(case['targets']))
    loss.backward()
    print(json.dumps({
        'logits': logits.detach().reshape(-1).tolist(),
        'loss': loss.item(),
        'grad_norms': {n: t.grad.norm().item() for n, t in p.items()},
    }))


if __name__ == '__main__':
    main()
