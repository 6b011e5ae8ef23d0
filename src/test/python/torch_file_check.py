#!/usr/bin/env python3
"""Checks ssmlab's torch.save files with real PyTorch (run by TorchFileTorchTest and
ModelInteropTorchTest with Debian's /usr/bin/python3 and python3-torch).

  load FILE          torch.load FILE and print, per tensor: name, dtype, shape, the SHA-256 of
                     its float32 little-endian bytes, and which names share one storage
  save FILE          torch.save a state dict of awkward tensors (views with offsets and strides,
                     float64, float16, bfloat16, a Parameter, a scalar, a tied pair) and print
                     the same description
  forward DIR IDS    build the peer Mamba LM of shared/bench/torch_peer.py from DIR's
                     config.json (and ssmlab.json), load DIR's pytorch_model.bin into it with
                     strict=True as mamba_ssm's from_pretrained does (lm_head.weight, which the
                     peer does not hold, must share the embedding's storage), print
                     {"logits": [[...], ...]}
  forward-hf DIR IDS the same from a transformers folder (config.json keys of its MambaConfig,
                     model.safetensors with backbone.embeddings.weight and no tied head), read
                     with torch_peer.py's own safetensors reader
  forward-transformers DIR IDS
                     transformers' own MambaForCausalLM.from_pretrained(DIR) and its logits;
                     prints {"skipped": ...} where transformers is not installed
"""
import collections, hashlib, json, math, os, sys

import torch


def describe(state):
    tensors, owners = [], collections.defaultdict(list)
    for name, t in state.items():
        t = t.detach()
        raw = t.float().contiguous().numpy().tobytes()
        tensors.append({'name': name, 'dtype': str(t.dtype).replace('torch.', ''),
                        'shape': list(t.shape), 'sha256': hashlib.sha256(raw).hexdigest()})
        if t.numel() > 0:
            owners[t.storage().data_ptr()].append(name)
    shared = [names for names in owners.values() if len(names) > 1]
    print(json.dumps({'tensors': tensors, 'shared': shared}))


def save(path):
    torch.manual_seed(7)
    base = torch.randn(4, 6)
    state = collections.OrderedDict()
    state['base'] = base
    state['transposed'] = base.t()
    state['offset_slice'] = base[1:3, 2:]
    state['float64'] = torch.randn(3, dtype=torch.float64)
    state['float16'] = torch.randn(2, 2).half()
    state['bfloat16'] = torch.randn(5).bfloat16()
    state['parameter'] = torch.nn.Parameter(torch.randn(2, 1, 3))
    state['scalar'] = torch.tensor(2.5)
    state['tied'] = base
    torch.save(state, path)
    describe(state)


def peer():
    sys.path.insert(0, os.path.join(os.path.dirname(__file__), '..', '..', '..', '..', 'shared',
                                    'bench'))
    sys.path.insert(0, '/work/shared/bench')
    import torch_peer
    torch.set_default_dtype(torch.float64)
    return torch_peer


def forward(folder, ids):
    torch_peer = peer()
    config = json.load(open(os.path.join(folder, 'config.json')))
    ssm = config['ssm_cfg']
    extra = os.path.join(folder, 'ssmlab.json')
    settings = json.load(open(extra)) if os.path.exists(extra) else {}
    model = torch_peer.MambaLM(config['vocab_size'], config['d_model'], config['n_layer'],
                               d_state=ssm['d_state'], d_conv=ssm['d_conv'], expand=ssm['expand'],
                               negative_eigenvalues=settings.get('eigenvalues') == '-1,1')
    state = torch.load(os.path.join(folder, 'pytorch_model.bin'), map_location='cpu')
    head = state.pop('lm_head.weight')  # the peer computes the tied head from the embedding
    assert head.data_ptr() == state['backbone.embedding.weight'].data_ptr(), 'head not tied'
    model.load_state_dict({k: v.double() for k, v in state.items()}, strict=True)
    run(model, ids)


def forward_hf(folder, ids):
    torch_peer = peer()
    config = json.load(open(os.path.join(folder, 'config.json')))
    assert config['model_type'] == 'mamba' and config['architectures'] == ['MambaForCausalLM']
    assert not config['use_bias'] and config['use_conv_bias'] and config['tie_word_embeddings']
    assert config['intermediate_size'] == config['expand'] * config['hidden_size']
    assert config['time_step_rank'] == math.ceil(config['hidden_size'] / 16)
    model = torch_peer.MambaLM(config['vocab_size'], config['hidden_size'],
                               config['num_hidden_layers'], d_state=config['state_size'],
                               d_conv=config['conv_kernel'], expand=config['expand'])
    state = torch_peer.read_safetensors(os.path.join(folder, 'model.safetensors'))
    assert 'lm_head.weight' not in state, 'the tied head is left out, as save_pretrained does'
    state['backbone.embedding.weight'] = state.pop('backbone.embeddings.weight')
    model.load_state_dict(state, strict=True)
    run(model, ids)


def forward_transformers(folder, ids):
    try:
        from transformers import MambaForCausalLM
    except ImportError:
        print(json.dumps({'skipped': 'transformers is not installed'}))
        return
    model = MambaForCausalLM.from_pretrained(folder, torch_dtype=torch.float32)
    model.eval()
    tokens = torch.tensor([[int(t) for t in ids.split()]])
    with torch.no_grad():
        logits = model(tokens, use_cache=False).logits[0]
    print(json.dumps({'logits': logits.double().tolist()}))


def run(model, ids):
    tokens = torch.tensor([[int(t) for t in ids.split()]])
    with torch.no_grad():
        print(json.dumps({'logits': model(tokens)[0].tolist()}))


if __name__ == '__main__':
    mode = sys.argv[1]
    if mode == 'load':
        describe(torch.load(sys.argv[2], map_location='cpu'))
    elif mode == 'save':
        save(sys.argv[2])
    elif mode == 'forward':
        forward(sys.argv[2], sys.argv[3])
    elif mode == 'forward-hf':
        forward_hf(sys.argv[2], sys.argv[3])
    elif mode == 'forward-transformers':
        forward_transformers(sys.argv[2], sys.argv[3])
    else:
        sys.exit('unknown mode ' + mode)
